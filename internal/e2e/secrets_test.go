package e2e

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestServerEchoingTheKey: servers that repeat the credential they received
// (a 401 quoting it, a 500 quoting it that is retried and so logged as a
// retry, a 200 that lists the request headers like httpbin) never get the key
// into the CLI output or a DEBUG or TRACE log, in either scheme, and the
// error still shows what the server said with the key as ***.
func TestServerEchoingTheKey(t *testing.T) {
	t.Parallel()
	const key = "e2e-fake-key-echoed-by-the-server-0123456789"
	retriedEcho := mockapi.CredentialsEcho()
	retriedEcho.Status = http.StatusInternalServerError
	retriedEcho.RetryAfter = "0"
	faults := []struct {
		name  string
		fault mockapi.Fault
		// shown is what the error must still show, per scheme.
		shown map[string]string
	}{
		{"401 quoting the credential", mockapi.CredentialsEcho(), map[string]string{
			"bearer":    "HTTP 401 Unauthorized: bad credentials: Bearer ***",
			"x-api-key": "HTTP 401 Unauthorized: bad credentials: x-api-key ***",
		}},
		{"retried 500 quoting the credential", retriedEcho, map[string]string{
			"bearer":    "HTTP 500 Internal Server Error: bad credentials: Bearer ***",
			"x-api-key": "HTTP 500 Internal Server Error: bad credentials: x-api-key ***",
		}},
		{"200 listing the headers", mockapi.HeadersEcho(), map[string]string{
			"bearer":    `\"Authorization\": \"Bearer ***\"`,
			"x-api-key": `\"X-Api-Key\": \"***`,
		}},
	}
	for _, f := range faults {
		for _, scheme := range []string{"bearer", "x-api-key"} {
			for _, level := range []string{"DEBUG", "TRACE"} {
				t.Run(fmt.Sprintf("%s/%s/%s", f.name, scheme, level), func(t *testing.T) {
					t.Parallel()
					server := mockapi.NewTestServer(t, key)
					server.InjectFaults(f.fault, f.fault)
					logPath := t.TempDir() + "/plan.log"
					out, err := plan(t, server, fmt.Sprintf("provider \"megallm\" {\n  auth_scheme = %q\n  max_retries = 1\n}\n", scheme)+readOneModel,
						map[string]string{"MEGALLM_API_KEY": key, "TF_LOG": level, "TF_LOG_PATH": logPath})
					if err == nil || !strings.Contains(out, f.shown[scheme]) {
						t.Errorf("plan: err = %v, want an error showing %s:\n%s", err, f.shown[scheme], strings.ReplaceAll(out, key, "<KEY>"))
					}
					logged, readErr := os.ReadFile(logPath)
					if readErr != nil {
						t.Fatal(readErr)
					}
					if !strings.Contains(string(logged), "Received MegaLLM API response") {
						t.Fatalf("the %s log (%d bytes) has no provider response line", level, len(logged))
					}
					for name, text := range map[string]string{level + " log": string(logged), "CLI output": out} {
						if strings.Contains(text, key) {
							t.Errorf("the %s contains the API key", name)
						}
					}
				})
			}
		}
	}
}
