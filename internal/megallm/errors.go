package megallm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// ErrMissingAPIKey is returned when a request would be sent without a key.
var ErrMissingAPIKey = errors.New("no MegaLLM API key is configured")

// APIError is a non-2xx answer from the API. Message, Type and Code come from
// its error body (readBody); when the body holds none of them (an HTML page
// from a proxy, say) they are empty and Excerpt holds the start of the body.
type APIError struct {
	Method string
	URL    string
	// FinalURL is where a redirect led, when it led elsewhere.
	FinalURL   string
	StatusCode int
	Message    string
	Type       string
	Code       string
	Excerpt    string
	// Unread says that the body, quoted in Excerpt, could not be read for a
	// message: it is not JSON (a proxy's page, a server's text) or is JSON
	// longer than the client reads of an error body.
	Unread bool
	// KeyWithheld is set when a redirect led to another host, or from https
	// to http, where the client sends no key: the answer says nothing of the key.
	KeyWithheld bool

	retryAfter    time.Duration
	hasRetryAfter bool
	// ignoredRetryAfter is the Retry-After sent, quoted, when it cannot be read.
	ignoredRetryAfter string
}

// Error describes the failure without any credential: the URL never carries the key.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString(headline(e.Method, e.URL, e.StatusCode))
	if e.FinalURL != "" {
		fmt.Fprintf(&b, " (redirected to %s", e.FinalURL)
		if e.KeyWithheld {
			b.WriteString(keyNotSent)
		}
		b.WriteString(")")
	}
	switch said := e.said(); {
	case said != "":
		fmt.Fprintf(&b, ": %s", said)
	case e.Excerpt != "":
		fmt.Fprintf(&b, ": response body: %q", e.Excerpt)
	}
	return b.String()
}

// keyNotSent follows a redirect's target that the key was not sent to.
const keyNotSent = ", where the key is not sent"

// said is what the error body said: its message, followed by its type and
// code when it has them, or "no message" followed by them; "" when it had
// none of the three.
func (e *APIError) said() string {
	details := e.details()
	switch {
	case details == "":
		return e.Message
	case e.Message == "":
		return "no message (" + details + ")"
	}
	return e.Message + " (" + details + ")"
}

// plainHTTPRefused is what a server's https port answers a plain http
// request with: Go's "Client sent an HTTP request to an HTTPS server." and
// nginx's "The plain HTTP request was sent to HTTPS port".
var plainHTTPRefused = regexp.MustCompile(`(?i)\bHTTP request (was sent )?to (an )?HTTPS\b`)

// TakesHTTPS reports whether the server said that the plain http request
// sent to the models URL, not redirected, reached its https port.
func (e *APIError) TakesHTTPS() bool {
	return e.FinalURL == "" && strings.HasPrefix(e.URL, "http://") && plainHTTPRefused.MatchString(e.Excerpt)
}

// Unauthorized reports whether the API rejected the credentials.
func (e *APIError) Unauthorized() bool {
	return e.StatusCode == http.StatusUnauthorized
}

// WaitRefused reports whether the API asked to wait longer before another
// request than the client waits to retry, so that it did not retry.
func (e *APIError) WaitRefused() bool {
	return e.hasRetryAfter && e.retryAfter > maxRetryAfter
}

func (e *APIError) details() string {
	var parts []string
	if e.Type != "" {
		parts = append(parts, "type "+e.Type)
	}
	if e.Code != "" {
		parts = append(parts, "code "+e.Code)
	}
	return strings.Join(parts, ", ")
}

// ResponseError is a 2xx answer whose body is not a model list.
type ResponseError struct {
	Method string
	URL    string
	// FinalURL is where a redirect led, when it led elsewhere.
	FinalURL   string
	StatusCode int
	Excerpt    string
	Err        error
}

func (e *ResponseError) Error() string {
	redirected := ""
	if e.FinalURL != "" {
		redirected = fmt.Sprintf(" (redirected to %s)", e.FinalURL)
	}
	msg := fmt.Sprintf("%s%s: the response is not a MegaLLM model list: %v", e.Headline(), redirected, e.Err)
	if e.Excerpt != "" {
		msg += fmt.Sprintf("; response body starts with %q", e.Excerpt)
	}
	return msg
}

func (e *ResponseError) Unwrap() error { return e.Err }

// Headline is the request and the status it got, without what the server
// sent: "GET URL: HTTP 503 Service Unavailable".
func (e *APIError) Headline() string { return headline(e.Method, e.URL, e.StatusCode) }

// Headline is the request and the status it got, without what the server
// sent.
func (e *ResponseError) Headline() string { return headline(e.Method, e.URL, e.StatusCode) }

// headline starts with the URL alone when the error names no method.
func headline(method, url string, code int) string {
	return fmt.Sprintf("%s: HTTP %s", strings.TrimSpace(method+" "+url), statusLine(code))
}

func statusLine(code int) string {
	if text := http.StatusText(code); text != "" {
		return fmt.Sprintf("%d %s", code, text)
	}
	return fmt.Sprint(code)
}

// ProxyError is the HTTP proxy that HTTPS_PROXY names refusing to open a
// tunnel to the API: its answer to CONNECT, such as 407 when it wants
// credentials. The API was not reached.
type ProxyError struct {
	// Proxy is the proxy's URL, with its password as xxxxx.
	Proxy      string
	StatusCode int
}

func (e *ProxyError) Error() string {
	return fmt.Sprintf("the proxy %s refused to connect to the API: HTTP %s", e.Proxy, statusLine(e.StatusCode))
}

// ErrBodyTooLarge is returned when an answer is larger than the client reads.
var ErrBodyTooLarge = errors.New("the answer is larger than the client's limit")

// TimeoutError is an attempt that got no complete answer within the timeout.
type TimeoutError struct {
	Method  string
	URL     string
	Timeout time.Duration
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("%s %s: timed out: no complete answer within %s", e.Method, e.URL, e.Timeout)
}

// attemptsError is the last error of a request that was tried more than once,
// or that was not retried for a reason worth telling (note).
type attemptsError struct {
	attempts int
	note     string
	err      error
}

func (e *attemptsError) Error() string {
	msg := e.err.Error()
	if e.attempts > 1 {
		msg = fmt.Sprintf("%s (gave up after %d attempts)", msg, e.attempts)
	}
	if e.note != "" {
		msg += " (" + e.note + ")"
	}
	return msg
}

func (e *attemptsError) Unwrap() error { return e.err }

// stoppedError is the last error of a request that its context stopped. It
// unwraps to that error and to the context's, so that errors.Is(err,
// context.Canceled) holds however the request was stopped: in flight, while
// reading the answer or while waiting to retry.
type stoppedError struct {
	err   error
	cause error
}

func (e *stoppedError) Error() string   { return e.err.Error() }
func (e *stoppedError) Unwrap() []error { return []error{e.err, e.cause} }

// stoppedBy marks err as stopped by ctx when ctx has ended and err does not
// say so already.
func stoppedBy(ctx context.Context, err error) error {
	if ctx.Err() == nil || errors.Is(err, ctx.Err()) {
		return err
	}
	return &stoppedError{err: err, cause: ctx.Err()}
}

// withAttempts wraps err in an attemptsError when there is something to add.
func withAttempts(err error, attempts int, note string) error {
	if attempts <= 1 && note == "" {
		return err
	}
	return &attemptsError{attempts: attempts, note: note, err: err}
}
