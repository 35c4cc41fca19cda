package e2e

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

const readOneModel = `data "megallm_model" "m" { id = "gpt-4o" }` + "\n"

func TestReliability_503TwiceThenSuccess(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.InjectFaults(mockapi.HTMLPage(http.StatusServiceUnavailable), mockapi.HTMLPage(http.StatusServiceUnavailable))
	if out, err := plan(t, server, `provider "megallm" {}`+"\n"+readOneModel, nil); err != nil {
		t.Fatalf("plan failed: %v\n%s", err, out)
	}
	if n := server.RequestCount(); n != 3 {
		t.Errorf("%d requests, want 3: two 503s, then the catalog", n)
	}
}

func TestReliability_retriesBoundedByMaxRetries(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	for range 20 {
		fault := mockapi.ServerError()
		fault.RetryAfter = "0"
		server.InjectFaults(fault)
	}
	out, err := plan(t, server, `provider "megallm" { max_retries = 2 }`+"\n"+readOneModel, nil)
	want := "HTTP 500 Internal Server Error: Internal server error (type api_error, code internal_error) (gave up after 3 attempts)"
	if err == nil || !strings.Contains(out, want) {
		t.Errorf("plan: err = %v, want an error containing %q:\n%s", err, want, out)
	}
	if n := server.RequestCount(); n != 3 {
		t.Errorf("%d requests, want max_retries + 1 = 3", n)
	}
}

func TestReliability_unauthorizedIsNotRetried(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	out, err := plan(t, server, `provider "megallm" { max_retries = 10 }`+"\n"+readOneModel,
		map[string]string{"MEGALLM_API_KEY": "wrong-key-not-a-secret"})
	if err == nil || !strings.Contains(out, "HTTP 401 Unauthorized: Invalid authentication credentials") {
		t.Errorf("plan: err = %v, want the 401:\n%s", err, out)
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("%d requests, want 1: a 401 is never retried", n)
	}
}

// TestReliability_retryAfterHonoured: a 429 with Retry-After: 2 makes the
// provider wait 2s (the log says so, and the plan takes at least that long)
// and then succeed.
func TestReliability_retryAfterHonoured(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.InjectFaults(mockapi.RateLimited("2"))
	logPath := t.TempDir() + "/plan.log"
	out, err := plan(t, server, `provider "megallm" {}`+"\n"+readOneModel, map[string]string{"TF_LOG": "WARN", "TF_LOG_PATH": logPath})
	if err != nil {
		t.Fatalf("plan failed: %v\n%s", err, out)
	}
	requests := server.Requests()
	if len(requests) != 2 {
		t.Fatalf("%d requests, want 2: the 429, then the catalog", len(requests))
	}
	if waited := requests[1].Received.Sub(requests[0].Received); waited < 2*time.Second {
		t.Errorf("the retry came %s after the 429: it did not wait the 2s Retry-After", waited)
	}
	logged, _ := os.ReadFile(logPath)
	if !regexp.MustCompile(`MegaLLM API request failed; retrying: .*wait=2s`).Match(logged) {
		t.Errorf("the log has no retry line that says it waits the 2s the API asked for:\n%s", logged)
	}
}

func TestReliability_requestTimeout(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetLatency(10 * time.Second)
	out, err := plan(t, server, `provider "megallm" { request_timeout = "1s" }`+"\n"+readOneModel, nil)
	want := fmt.Sprintf(`Error: MegaLLM API timed out .* GET %s/models: timed out: no complete answer within 1s\. The limit is request_timeout = "1s", per attempt\.`,
		regexp.QuoteMeta(server.URL()))
	if err == nil || !regexp.MustCompile(want).MatchString(out) {
		t.Errorf("plan: err = %v, want an error matching %q:\n%s", err, want, out)
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("%d requests, want 1: a timed-out attempt is not retried", n)
	}
}

// TestReliability_plainHTTPWarning sends the plan's request through a proxy
// (the mock itself, on loopback) so that a base_url naming another host can be
// used without any traffic leaving this machine.
func TestReliability_plainHTTPWarning(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	proxy := strings.TrimSuffix(server.URL(), "/v1")
	const warning = "Warning: MegaLLM API key sent unencrypted"
	out, err := plan(t, server, `provider "megallm" { base_url = "http://megallm.example.test/v1" }`+"\n"+readOneModel,
		map[string]string{"HTTP_PROXY": proxy})
	if err != nil {
		t.Fatalf("plan through the proxy failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, warning+" with provider") || !strings.Contains(strings.Join(strings.Fields(out), " "), "base_url sends requests to http://megallm.example.test/v1/models, plain http://") {
		t.Errorf("no warning about the unencrypted key:\n%s", out)
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("the proxy (the mock) received %d requests, want 1", n)
	}
	// Loopback over http is normal for a local gateway: no warning.
	out, err = plan(t, server, `provider "megallm" {}`+"\n"+readOneModel, nil)
	if err != nil || strings.Contains(out, warning) {
		t.Errorf("loopback http: err = %v, and the output should have no warning:\n%s", err, out)
	}
}

// TestReliability_proxyAsksForCredentials: a proxy that answers 407 (the mock
// on loopback, so that nothing leaves this machine) fails the plan with one
// request and advice that names the variable to put its credentials in:
// HTTPS_PROXY, whose proxy refuses the tunnel to an https API, or HTTP_PROXY,
// whose proxy answers a plain http request itself. Followed, the advice makes
// the provider send them, and the error shows no password.
func TestReliability_proxyAsksForCredentials(t *testing.T) {
	t.Parallel()
	const password = "proxy-password-not-a-secret"
	for _, tc := range []struct{ base, variable, credentials string }{
		{"https://megallm.example.test/v1", "HTTPS_PROXY", ""},
		{"http://megallm.example.test/v1", "HTTP_PROXY", ""},
		{"https://megallm.example.test/v1", "HTTPS_PROXY", "ci:" + password + "@"},
	} {
		server := mockapi.NewTestServer(t, "")
		server.InjectFaults(mockapi.HTMLPage(http.StatusProxyAuthRequired))
		proxy := strings.Replace(strings.TrimSuffix(server.URL(), "/v1"), "://", "://"+tc.credentials, 1)
		out, err := plan(t, server, `provider "megallm" { base_url = "`+tc.base+`" }`+"\n"+readOneModel,
			map[string]string{tc.variable: proxy})
		want := "Error: Proxy asks for credentials .* set the " + tc.variable +
			` environment variable to http://USER:PASSWORD@HOST:PORT \(with any @, : or / in them percent-encoded\)`
		if err == nil || !regexp.MustCompile(want).MatchString(out) || strings.Contains(out, password) {
			t.Errorf("%s, credentials %t: err = %v, want an error matching %q, without the password:\n%s",
				tc.variable, tc.credentials != "", err, want, out)
		}
		requests := server.Requests()
		if len(requests) != 1 {
			t.Errorf("%s: the proxy got %d requests, want 1: a 407 is not retried", tc.variable, len(requests))
		} else if sent := requests[0].Header.Get("Proxy-Authorization"); (tc.credentials != "") != (sent != "") {
			t.Errorf("%s, credentials %t: the proxy got Proxy-Authorization %t", tc.variable, tc.credentials != "", sent != "")
		}
	}
}
