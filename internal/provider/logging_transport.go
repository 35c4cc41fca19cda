package provider

import (
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// credentialFields are the log fields whose values are always masked.
var credentialFields = []string{"api_key", "Authorization", "x-api-key"}

// loggingTransport logs every API request and answer at DEBUG, with the
// credential headers masked and the key scrubbed from every field.
type loggingTransport struct {
	next   http.RoundTripper
	apiKey string
	// scrub is megallm.KeyScrubber(apiKey), made once.
	scrub func(string) string
}

// newLoggingTransport logs the requests sent with apiKey through next.
func newLoggingTransport(next http.RoundTripper, apiKey string) *loggingTransport {
	return &loggingTransport{next: next, apiKey: apiKey, scrub: megallm.KeyScrubber(apiKey)}
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := tflog.MaskFieldValuesWithFieldKeys(req.Context(), credentialFields...)
	if t.apiKey != "" {
		// The key as sent, and as a URL quoted in an error carries it.
		ctx = tflog.MaskLogStrings(ctx, t.apiKey, url.QueryEscape(t.apiKey), url.PathEscape(t.apiKey))
	}
	shown := req.URL.Redacted()
	if req.Response != nil { // a redirect's target, which the server chose: cut as the client's errors cut it
		shown = megallm.Excerpt(shown)
	}
	shown = t.scrub(shown)
	fields := map[string]any{"method": req.Method, "url": shown}
	for _, header := range []string{"Authorization", "x-api-key"} {
		if value := req.Header.Get(header); value != "" {
			fields[header] = value
		}
	}
	fields["User-Agent"] = req.Header.Get("User-Agent")
	tflog.Debug(ctx, "Sending MegaLLM API request", fields)

	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	elapsed := time.Since(start).Milliseconds()
	if err != nil {
		tflog.Debug(ctx, "MegaLLM API request failed", map[string]any{
			"url": shown, "error": t.scrub(megallm.ErrorExcerpt(err)), "duration_ms": elapsed,
		})
		return nil, err
	}
	tflog.Debug(ctx, "Received MegaLLM API response", map[string]any{
		"url": shown, "status": resp.StatusCode, "content_length": resp.ContentLength, "duration_ms": elapsed,
	})
	return resp, nil
}
