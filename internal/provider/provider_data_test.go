package provider

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestDescribeCatalogError_neverShowsKey drives the real client into every
// failure it reports and checks that no diagnostic text contains the key.
func TestDescribeCatalogError_neverShowsKey(t *testing.T) {
	t.Parallel()
	const key = "fake-key-that-must-never-be-shown"
	cases := map[string]struct {
		fault   *mockapi.Fault
		baseURL string
		summary string
	}{
		"rejected key":   {summary: "MegaLLM rejected the API key"},
		"server error":   {fault: ptr(mockapi.ServerError()), summary: "MegaLLM API error"},
		"html page":      {fault: ptr(mockapi.HTMLPage(http.StatusBadGateway)), summary: "MegaLLM API error"},
		"not found":      {fault: ptr(mockapi.Fault{Status: http.StatusNotFound}), summary: "MegaLLM API not found at base_url"},
		"malformed json": {fault: ptr(mockapi.MalformedJSON()), summary: "Unexpected response from the MegaLLM API"},
		"timeout":        {fault: nil, baseURL: "slow", summary: "MegaLLM API timed out"},
		"rate limited":   {fault: ptr(mockapi.RateLimited("1")), summary: "MegaLLM API rate limit"},
		"unreachable":    {baseURL: "http://127.0.0.1:9/v1", summary: "Cannot reach the MegaLLM API"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			server := startMock(t)
			baseURL := server.URL()
			switch tc.baseURL {
			case "":
			case "slow":
				server.SetLatency(2 * time.Second)
			default:
				baseURL = tc.baseURL
			}
			if tc.fault != nil {
				server.InjectFaults(*tc.fault)
			}
			client, err := megallm.New(megallm.Config{BaseURL: baseURL, APIKey: key, Timeout: 200 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = client.ListModels(context.Background())
			if err == nil {
				t.Fatal("ListModels succeeded, want an error")
			}
			summary, detail := describeCatalogError(err)
			if summary != tc.summary {
				t.Errorf("summary %q, want %q", summary, tc.summary)
			}
			if strings.Contains(summary+detail, key) {
				t.Error("the diagnostic contains the API key")
			}
			if !strings.Contains(detail, "/v1/models") {
				t.Errorf("the diagnostic does not name the URL requested: %s", detail)
			}
		})
	}
}

func TestDescribeCatalogError_missingKey(t *testing.T) {
	t.Parallel()
	summary, detail := describeCatalogError(megallm.ErrMissingAPIKey)
	if summary != "Missing MegaLLM API key" || !strings.Contains(detail, "api_key") || !strings.Contains(detail, EnvAPIKey) {
		t.Errorf("got %q / %q: want a summary about the missing key and a detail naming api_key and %s", summary, detail, EnvAPIKey)
	}
}
