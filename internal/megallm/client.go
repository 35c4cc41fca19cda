// Package megallm is a small client for the MegaLLM API. It knows nothing of
// Terraform: it sends requests, retries what is worth retrying, decodes
// answers and returns typed errors that never contain the API key.
package megallm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DefaultBaseURL is the production API.
const DefaultBaseURL = "https://ai.megallm.io/v1"

// Defaults for the Config fields left at zero.
const (
	defaultRetryWaitMin = 500 * time.Millisecond
	defaultRetryWaitMax = 30 * time.Second
	DefaultMaxBodyBytes = 64 << 20
	// maxRetryAfter is the longest Retry-After the client waits for; a server
	// asking for more gets an error at once rather than a stalled plan.
	maxRetryAfter = time.Minute
)

// maxRedirects is how many redirects one attempt follows, as Go's default.
const maxRedirects = 10

// ErrTooManyRedirects is an attempt whose redirects went on past
// maxRedirects, as a loop of them does.
var ErrTooManyRedirects = fmt.Errorf("stopped after %d redirects", maxRedirects)

// Config holds what a Client needs. APIKey may be empty: the client is still
// built, and ListModels returns ErrMissingAPIKey, so that a missing key is
// reported when the catalog is first needed rather than at configuration. A
// key shorter than MinKeyLength is sent, but not looked for in what the server
// sends back: the provider refuses one.
type Config struct {
	BaseURL    string
	APIKey     string
	AuthScheme AuthScheme
	// UserAgent is sent as it is; UserAgent(...) builds the provider's.
	UserAgent string
	// Timeout bounds one attempt, reading the whole body included. Zero means none.
	Timeout time.Duration
	// MaxRetries is how many times a failed attempt is retried (0: never).
	MaxRetries int
	// RetryWaitMin and RetryWaitMax bound the exponential backoff between
	// attempts when the server sends no Retry-After.
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	// MaxBodyBytes caps what is read of an answer; zero means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// OnRetry, if set, is called before each wait between two attempts.
	OnRetry func(ctx context.Context, retry Retry)
	// Transport sends the requests; nil means a transport of the client's
	// own, set up as http.DefaultTransport is (NewTransport).
	Transport http.RoundTripper
}

// UserAgent is the User-Agent the provider sends, in the form of HashiCorp's
// providers: the version of the Terraform that runs it (OpenTofu reports its
// own there), when known, then the provider's, so that a gateway's log tells
// which versions call it. It holds no key.
func UserAgent(terraformVersion, providerVersion string) string {
	ua := "terraform-provider-megallm/" + providerVersion
	if terraformVersion == "" {
		return ua
	}
	return "Terraform/" + terraformVersion + " (+https://www.terraform.io) " + ua
}

// Retry describes a failed attempt that is about to be retried.
type Retry struct {
	// Attempt is the number of the attempt that failed, from 1.
	Attempt int
	// Of is the most attempts that will be made.
	Of   int
	Wait time.Duration
	Err  error
	// IgnoredRetryAfter is the Retry-After of Err's answer, quoted, when it
	// cannot be read (not whole seconds, 0 or more, nor an HTTP date), so that
	// Wait is a backoff; "" otherwise.
	IgnoredRetryAfter string
}

// Client calls the MegaLLM API. It is safe for concurrent use.
type Client struct {
	modelsURL  *url.URL
	apiKey     string
	redact     redactor
	authScheme AuthScheme
	userAgent  string
	timeout    time.Duration
	retry      retryPolicy
	maxBody    int64
	onRetry    func(context.Context, Retry)
	http       *http.Client
}

// New checks cfg and returns a client.
func New(cfg Config) (*Client, error) {
	base, err := ParseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	scheme := cfg.AuthScheme
	if scheme == "" {
		scheme = AuthBearer
	}
	if !scheme.valid() {
		return nil, fmt.Errorf("unknown auth scheme %q: use one of %s", scheme, strings.Join(AuthSchemeNames(), ", "))
	}
	if cfg.MaxRetries < 0 {
		return nil, fmt.Errorf("max retries must be 0 or more, got %d", cfg.MaxRetries)
	}
	c := &Client{
		modelsURL:  base.JoinPath("models"),
		apiKey:     cfg.APIKey,
		redact:     newRedactor(cfg.APIKey),
		authScheme: scheme,
		userAgent:  cfg.UserAgent,
		timeout:    cfg.Timeout,
		retry: retryPolicy{
			maxRetries: cfg.MaxRetries,
			waitMin:    orDefault(cfg.RetryWaitMin, defaultRetryWaitMin),
			waitMax:    orDefault(cfg.RetryWaitMax, defaultRetryWaitMax),
		},
		maxBody: orDefault(cfg.MaxBodyBytes, DefaultMaxBodyBytes),
		onRetry: cfg.OnRetry,
	}
	transport := cfg.Transport
	if transport == nil {
		transport = NewTransport()
	}
	c.http = &http.Client{Transport: transport, CheckRedirect: keepCredentialsOnOrigin}
	return c, nil
}

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
		return nil, fmt.Errorf("%s is written in quotes, which here are part of the value (as in a .env file that "+
			"Docker reads): remove them", quoted)
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
	if end := strings.IndexAny(raw, "?#"); end >= 0 {
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

// ListModels returns the whole catalog in the order the API sent it, and the
// problems DecodeModels worked around in it. Failed
// attempts that are worth retrying (429, 500, 502, 503, 504, a refused or
// reset connection) are retried up to MaxRetries times; a last failure says
// how many attempts were made when there was more than one.
// When ctx ends, the error satisfies errors.Is(err, ctx.Err()).
func (c *Client) ListModels(ctx context.Context) ([]Model, []Problem, error) {
	if c.apiKey == "" {
		return nil, nil, ErrMissingAPIKey
	}
	for attempt := 1; ; attempt++ {
		models, problems, err := c.listModelsOnce(ctx)
		if err == nil {
			return models, problems, nil
		}
		wait, retry, why := c.retry.next(ctx, attempt, err)
		if !retry {
			return nil, nil, stoppedBy(ctx, withAttempts(err, attempt, why))
		}
		if c.onRetry != nil {
			c.onRetry(ctx, Retry{Attempt: attempt, Of: c.retry.maxRetries + 1, Wait: wait, Err: err,
				IgnoredRetryAfter: ignoredRetryAfter(err)})
		}
		if sleepErr := sleep(ctx, wait); sleepErr != nil {
			return nil, nil, stoppedBy(ctx, withAttempts(err, attempt, fmt.Sprintf("stopped while waiting %s to retry: %v", wait.Round(time.Millisecond), sleepErr)))
		}
	}
}

// listModelsOnce makes one attempt, bounded by the timeout from the request
// to the last byte of the body.
func (c *Client) listModelsOnce(parent context.Context) ([]Model, []Problem, error) {
	ctx, cancel := parent, context.CancelFunc(func() {})
	if c.timeout > 0 {
		ctx, cancel = context.WithTimeout(parent, c.timeout)
	}
	defer cancel()

	models, problems, err := c.doListModels(ctx)
	if err != nil && parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, nil, &TimeoutError{Method: http.MethodGet, URL: c.ModelsURL(), Timeout: c.timeout}
	}
	return models, problems, err
}

func (c *Client) doListModels(ctx context.Context) ([]Model, []Problem, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.modelsURL.String(), nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	c.authScheme.setHeader(req.Header, c.apiKey)

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, c.redact.Error(c.boundRedirectTarget(err))
	}
	defer func() { _ = resp.Body.Close() }()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, nil, c.apiError(resp)
	}
	models, problems, err := c.decodeModels(resp)
	if moved, ok := c.movedTo(resp); ok && err == nil {
		problems = append([]Problem{moved}, problems...)
	}
	return models, problems, err
}

// movedTo is the CatalogMoved problem of resp, when only permanent
// redirects (301, 308) led its request elsewhere: each plan pays a request
// for them, which setting the base URL they lead to saves. It is named only
// when a base URL reads exactly where they led (a path that ends in /models,
// no query), without the key and whole in a quote, so that the advice works
// as written; otherwise there is no problem, as no configuration could stop
// its warning on every plan.
func (c *Client) movedTo(resp *http.Response) (Problem, bool) {
	final := resp.Request
	if c.finalURL(resp) == "" {
		return Problem{}, false
	}
	for r := final; r.Response != nil; r = r.Response.Request {
		if code := r.Response.StatusCode; code != http.StatusMovedPermanently && code != http.StatusPermanentRedirect {
			return Problem{}, false
		}
	}
	target := *final.URL
	target.Fragment, target.RawFragment = "", "" // not sent
	raw := strings.TrimSuffix(target.String(), "/models")
	base, err := ParseBaseURL(raw)
	if err != nil || base.JoinPath("models").String() != target.String() ||
		c.redact.String(base.String()) != base.String() || !QuotesWhole(base.String()) {
		return Problem{}, false
	}
	advice := ": "
	if keyWithheld(final) {
		advice = keyNotSent + ": if you trust it, "
	}
	return Problem{Kind: CatalogMoved, Issue: fmt.Sprintf("moved permanently to %s%sset base_url = %s",
		Quote(c.redact.String(target.String())), advice, Quote(base.String()))}, true
}

// decodeModels decodes the body into the model list, reading at most maxBody
// bytes and keeping the first few for an error message.
func (c *Client) decodeModels(resp *http.Response) ([]Model, []Problem, error) {
	head := &headBuffer{limit: excerptBytes}
	transport := &readErrorOf{r: resp.Body}
	body := io.TeeReader(&limitedReader{r: transport, left: c.maxBody, limit: c.maxBody}, head)
	models, problems, err := c.redact.readModels(body, min(resp.ContentLength, c.maxBody))
	if err != nil && transport.err != nil {
		// The connection dropped inside the answer (its Content-Length or last
		// chunk never came): a transport error, which is retried.
		return nil, nil, c.redact.Error(&url.Error{Op: "Get", URL: c.ModelsURL(),
			Err: fmt.Errorf("the connection closed before the whole answer arrived: %w", transport.err)})
	}
	if err != nil {
		respErr := &ResponseError{Method: http.MethodGet, URL: c.ModelsURL(), FinalURL: c.finalURL(resp),
			StatusCode: resp.StatusCode, Excerpt: head.excerpt(c.redact), Err: c.redact.Error(err)}
		if said := (*ErrorAnswerError)(nil); errors.As(err, &said) {
			respErr.Excerpt = "" // err quotes what the API said
		}
		return nil, nil, respErr
	}
	return models, problems, nil
}

func (c *Client) apiError(resp *http.Response) error {
	const maxErrorBody = 64 << 10
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	apiErr := &APIError{Method: http.MethodGet, URL: c.ModelsURL(), FinalURL: c.finalURL(resp), StatusCode: resp.StatusCode,
		KeyWithheld: keyWithheld(resp.Request)}
	retryAfter := resp.Header.Get("Retry-After")
	if apiErr.retryAfter, apiErr.hasRetryAfter = parseRetryAfter(retryAfter, time.Now()); retryAfter != "" && !apiErr.hasRetryAfter {
		apiErr.ignoredRetryAfter = Quote(c.redact.String(retryAfter))
	}
	if !apiErr.readBody(body, c.redact) {
		apiErr.Excerpt = c.redact.excerpt(body, len(body) == maxErrorBody)
		apiErr.Unread = apiErr.Excerpt != "" && !json.Valid(body)
	}
	return apiErr
}

// readBody sets e's Message, Type and Code from an error body, when body is
// one, with the key removed by r and cut as an excerpt; it reports whether
// it found any of them. Besides the API's shape,
// {"error":{"message","type","code"}}, it reads what gateways and frameworks
// send: a code that is a number, an "error" that is the message itself, and
// a "message" or "detail" (FastAPI's) at the top.
func (e *APIError) readBody(body []byte, r redactor) bool {
	var parsed errorResponse
	if json.Unmarshal(body, &parsed) != nil {
		return false
	}
	message := jsonText(parsed.Error, false)
	if message == "" {
		if object := parsed.errorObject(); object != nil {
			message = jsonText(object.Message, false)
			e.Type = r.excerpt([]byte(jsonText(object.Type, false)), false)
			e.Code = r.excerpt([]byte(jsonText(object.Code, true)), false)
		}
	}
	if message == "" {
		message = jsonText(parsed.Message, false)
	}
	if message == "" {
		message = jsonText(parsed.Detail, false)
	}
	e.Message = r.excerpt([]byte(message), false)
	return e.said() != ""
}

// jsonText is a JSON string's text, or with number, a JSON number as written;
// "" for any other value.
func jsonText(raw json.RawMessage, number bool) string {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return text
	}
	var n json.Number
	if number && json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// finalURL is where redirects led the request that got resp, without the
// key and cut as a quoted value is (the server chose it), or "" when that
// is the models URL itself.
func (c *Client) finalURL(resp *http.Response) string {
	if final := resp.Request.URL.Redacted(); final != c.modelsURL.Redacted() {
		return Excerpt(c.redact.String(final))
	}
	return ""
}

// boundRedirectTarget makes a transport error that quotes where a redirect
// led say `Get "MODELS URL": redirected to TARGET: ...`, with TARGET whole
// (Go quotes the Location header as it is, maybe relative), without a
// password or the key, and cut as finalURL is; the key is removed first, so
// that the cut cannot keep a part of it.
func (c *Client) boundRedirectTarget(err error) error {
	var urlErr *url.Error
	if !errors.As(err, &urlErr) || urlErr.URL == c.modelsURL.String() {
		return err
	}
	target := urlErr.URL
	if u, err := c.modelsURL.Parse(target); err == nil {
		target = u.Redacted()
	}
	return &url.Error{Op: urlErr.Op, URL: c.ModelsURL(),
		Err: fmt.Errorf("redirected to %s: %w", Excerpt(c.redact.String(target)), urlErr.Err)}
}

// keyWithheld reports whether req went without the key, as
// keepCredentialsOnOrigin sends it after a redirect that left the origin.
func keyWithheld(req *http.Request) bool {
	return req.Header.Get("Authorization") == "" && req.Header.Get("x-api-key") == ""
}

// keepCredentialsOnOrigin follows up to maxRedirects redirects, but once the
// chain has left the original host (or gone from https to http) it sends
// neither credential header. Go itself drops only Authorization, and only
// for some host changes; x-api-key would otherwise go anywhere.
func keepCredentialsOnOrigin(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return ErrTooManyRedirects
	}
	origin := via[0].URL
	for _, hop := range append(via[1:], req) {
		if !strings.EqualFold(hop.URL.Host, origin.Host) || (origin.Scheme == "https" && hop.URL.Scheme != "https") {
			req.Header.Del("Authorization")
			req.Header.Del("x-api-key")
			break
		}
	}
	return nil
}

// limitedReader fails with ErrBodyTooLarge once more than limit bytes are read.
// readErrorOf reads r and keeps the error that ended it, other than io.EOF.
type readErrorOf struct {
	r   io.Reader
	err error
}

func (e *readErrorOf) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		e.err = err
	}
	return n, err
}

type limitedReader struct {
	r     io.Reader
	left  int64
	limit int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// At the limit: the body is too large if anything at all follows.
		var probe [1]byte
		n, err := l.r.Read(probe[:])
		if n > 0 {
			return 0, fmt.Errorf("%w of %s", ErrBodyTooLarge, byteSize(l.limit))
		}
		return 0, err
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

func orDefault[T comparable](v, fallback T) T {
	var zero T
	if v == zero {
		return fallback
	}
	return v
}

// byteSize writes a size in MiB when it is a whole number of them.
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
