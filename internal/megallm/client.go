// Package megallm is a small client for the MegaLLM API. It knows nothing of
// Terraform: it sends requests, retries what is worth retrying, decodes
// answers and returns typed errors that never contain the API key.
package megallm

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults for the Config fields left at zero.
const (
	defaultRetryWaitMin = 500 * time.Millisecond
	defaultRetryWaitMax = 30 * time.Second
	DefaultMaxBodyBytes = 64 << 20
	// maxRetryAfter is the longest Retry-After the client waits for; a server
	// asking for more gets an error at once rather than a stalled plan.
	maxRetryAfter = time.Minute
)

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

func orDefault[T comparable](v, fallback T) T {
	var zero T
	if v == zero {
		return fallback
	}
	return v
}
