// Package megallm is a small client for the MegaLLM API. It knows nothing of
// Terraform: it sends requests, decodes answers and returns typed errors.
package megallm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultBaseURL is the production API.
const DefaultBaseURL = "https://ai.megallm.io/v1"

// excerptBytes is how much of an unexpected body an error quotes.
const excerptBytes = 200

// Config holds what a Client needs. APIKey may be empty: the client is still
// built, and ListModels returns ErrMissingAPIKey, so that a missing key is
// reported when the catalog is first needed rather than at configuration.
type Config struct {
	BaseURL    string
	APIKey     string
	AuthScheme AuthScheme
	// Timeout bounds one HTTP attempt, reading the body included. Zero means none.
	Timeout   time.Duration
	UserAgent string
	// Transport sends the requests; nil means http.DefaultTransport.
	Transport http.RoundTripper
}

// Client calls the MegaLLM API. It is safe for concurrent use.
type Client struct {
	modelsURL  *url.URL
	apiKey     string
	authScheme AuthScheme
	userAgent  string
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
	return &Client{
		modelsURL:  base.JoinPath("models"),
		apiKey:     cfg.APIKey,
		authScheme: scheme,
		userAgent:  cfg.UserAgent,
		http:       &http.Client{Timeout: cfg.Timeout, Transport: cfg.Transport},
	}, nil
}

// ParseBaseURL accepts an absolute http or https URL; a trailing slash is fine.
func ParseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%q is not a URL: %w", raw, errors.Unwrap(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%q must start with https:// or http://", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%q has no host", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%q must not have a query or fragment", raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// ModelsURL is the address ListModels requests, safe to show to a user.
func (c *Client) ModelsURL() string {
	return c.modelsURL.Redacted()
}

// ListModels returns the whole catalog in the order the API sent it.
func (c *Client) ListModels(ctx context.Context) ([]Model, error) {
	if c.apiKey == "" {
		return nil, ErrMissingAPIKey
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.modelsURL.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	c.authScheme.setHeader(req.Header, c.apiKey)

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, c.apiError(resp)
	}
	return c.decodeModels(resp)
}

func (c *Client) decodeModels(resp *http.Response) ([]Model, error) {
	head := &headBuffer{limit: excerptBytes}
	var envelope modelsResponse
	err := json.NewDecoder(io.TeeReader(resp.Body, head)).Decode(&envelope)
	if err == nil && envelope.Data == nil {
		err = errors.New(`it has no "data" array`)
	}
	if err != nil {
		return nil, &ResponseError{
			Method:     http.MethodGet,
			URL:        c.ModelsURL(),
			StatusCode: resp.StatusCode,
			Excerpt:    head.String(),
			Err:        err,
		}
	}
	return *envelope.Data, nil
}

func (c *Client) apiError(resp *http.Response) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	apiErr := &APIError{Method: http.MethodGet, URL: c.ModelsURL(), StatusCode: resp.StatusCode}
	var parsed errorResponse
	if json.Unmarshal(body, &parsed) == nil && parsed.Error != nil {
		apiErr.Message = parsed.Error.Message
		apiErr.Type = parsed.Error.Type
		apiErr.Code = parsed.Error.Code
	}
	if apiErr.Message == "" {
		apiErr.Excerpt = excerpt(body)
	}
	return apiErr
}

// headBuffer keeps the first limit bytes written to it.
type headBuffer struct {
	limit int
	buf   []byte
}

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := h.limit - len(h.buf); room > 0 {
		h.buf = append(h.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (h *headBuffer) String() string { return excerpt(h.buf) }

// excerpt shortens a body to a one-line quote for an error message.
func excerpt(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) > excerptBytes {
		s = s[:excerptBytes] + "…"
	}
	return s
}
