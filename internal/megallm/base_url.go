package megallm

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultBaseURL is the production API.
const DefaultBaseURL = "https://ai.megallm.io/v1"

// ErrCredentialsInBaseURL is wrapped by ParseBaseURL's error for a URL with a
// user name or password in it: the key is configured on its own, and would
// otherwise be sent twice (the URL's credentials as Basic authentication).
var ErrCredentialsInBaseURL = errors.New("must not hold a user name or password")

// ParseBaseURL accepts an absolute http or https URL with a host, an optional
// port from 1 to 65535 and no credentials, query, fragment, white space,
// invisible character or quotes around it; a trailing slash is fine. Its
// errors quote the URL with any credentials as ***.
func ParseBaseURL(raw string) (*url.URL, error) {
	quoted := Quote(shownBaseURL(raw))
	if strings.ContainsFunc(raw, unicode.IsSpace) {
		return nil, fmt.Errorf("%s has white space in it: remove it (a leading or trailing space is easy to miss)", quoted)
	}
	if i := strings.IndexFunc(raw, separator); i >= 0 {
		r, _ := utf8.DecodeRuneInString(raw[i:])
		return nil, fmt.Errorf("%s has an invisible character (%U) in it, which copied text or a byte-order mark "+
			"at the start of a file can add: remove it", quoted, r)
	}
	if _, quotedRaw := Unquoted(raw); quotedRaw {
		return nil, fmt.Errorf("%s %s", quoted, InQuotes)
	}
	u, err := url.Parse(raw)
	switch {
	// Without "://", "127.0.0.1:8080/v1" is a host and port Go cannot parse.
	case !strings.Contains(raw, "://") || err == nil && u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("%s must start with https:// or http://", quoted)
	case err != nil && strings.Contains(quoted, "***"): // Go's reason quotes what *** hides
		return nil, fmt.Errorf("%s is not a URL", quoted)
	case err != nil:
		return nil, fmt.Errorf("%s is not a URL: %w", quoted, errors.Unwrap(err))
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("%s has no host", quoted)
	}
	if colon := strings.LastIndex(u.Host, ":"); colon > strings.LastIndex(u.Host, "]") {
		if port := u.Host[colon+1:]; !validPort(port) {
			return nil, fmt.Errorf("%s has port %s: a port must be a number from 1 to 65535", quoted, Quote(port))
		}
	}
	if u.User != nil {
		return nil, fmt.Errorf("%s %w", quoted, ErrCredentialsInBaseURL)
	}
	if strings.ContainsAny(raw, "?#") { // u has no trace of an empty fragment
		return nil, fmt.Errorf("%s must not have a query or fragment: remove it (a query that holds the API key goes "+
			"in api_key instead)", quoted)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// validPort reports whether port is a number from 1 to 65535.
func validPort(port string) bool {
	n, err := strconv.Atoi(port)
	return err == nil && n >= 1 && n <= 65535
}

// shownBaseURL is raw with anything between its scheme (or the start,
// without one: "user:password@host/v1") and the last "@" before the path (a
// password may hold an unencoded "?" or "#"), and anything after a "?" or "#",
// replaced by ***, so that an error never quotes a password or a key in a
// query. A scheme is a word and "://", or the colons and slashes of one
// mistyped ("https//", "https:/").
func shownBaseURL(raw string) string {
	prefix, rest := "", raw
	if scheme, after, ok := strings.Cut(raw, "://"); ok {
		prefix, rest = scheme+"://", after
	} else if scheme := mistypedScheme.FindString(raw); scheme != "" {
		prefix, rest = scheme, raw[len(scheme):]
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 && !strings.Contains(rest[:at], "/") {
		raw = prefix + "***" + rest[at:]
	}
	if end := strings.IndexAny(raw, "?#"); end >= 0 && end < len(raw)-1 { // an empty one hides nothing
		raw = raw[:end+1] + "***"
	}
	return raw
}

// mistypedScheme matches a scheme written without "://" but with a slash.
var mistypedScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:*/+`)

// ModelsURL is the address ListModels requests, safe to show to a user:
// without a password, and without the key where base_url holds it.
func (c *Client) ModelsURL() string {
	return c.redact.String(c.modelsURL.Redacted())
}
