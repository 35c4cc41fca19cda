package megallm

import (
	"net/url"
	"slices"
	"strings"
)

// redactedKey replaces the API key wherever server-supplied text repeats it.
const redactedKey = "***"

// minKeyFragment is the shortest end of a cut-off text that is dropped for
// being the start of the key: shorter fragments give nothing away.
const minKeyFragment = 4

// redactor removes the API key from text the client did not write: messages,
// bodies, URLs and transport errors, which a server (or a proxy that lists
// the request's headers) may fill with the credential it received.
type redactor struct {
	// secrets are the key, without surrounding white space, and the forms
	// it takes escaped in a URL.
	secrets []string
}

func newRedactor(key string) redactor {
	var secrets []string
	for _, form := range []string{key, strings.TrimSpace(key), url.QueryEscape(key), url.PathEscape(key)} {
		if form != "" && !slices.Contains(secrets, form) {
			secrets = append(secrets, form)
		}
	}
	return redactor{secrets: secrets}
}

// String replaces every occurrence of the key in s.
func (r redactor) String(s string) string {
	for _, secret := range r.secrets {
		s = strings.ReplaceAll(s, secret, redactedKey)
	}
	return s
}

// Truncated is String for text that was cut off: it also drops an end of s
// that is the start of the key, which the cut may have split.
func (r redactor) Truncated(s string) string {
	s = r.String(s)
	for _, secret := range r.secrets {
		for n := min(len(secret)-1, len(s)); n >= minKeyFragment; n-- {
			if strings.HasSuffix(s, secret[:n]) {
				s = s[:len(s)-n] + redactedKey
				break
			}
		}
	}
	return s
}

// Error returns err, or when its message holds the key, an error with the
// key replaced that still unwraps to err for errors.Is and errors.As.
func (r redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if clean := r.String(msg); clean != msg {
		return &redactedError{msg: clean, err: err}
	}
	return err
}

// redactedError is an error whose message had the key removed.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }
