package e2e

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestOnePlanOneRequest: however many data sources read the catalog, a plan
// makes one request.
func TestOnePlanOneRequest(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	var config strings.Builder
	for i := range 30 {
		fmt.Fprintf(&config, "data \"megallm_model\" \"m%d\" { id = \"gpt-4o-mini\" }\n", i)
	}
	for i := range 5 {
		fmt.Fprintf(&config, "data \"megallm_models\" \"l%d\" { sort_by = \"input_cost\" }\n", i)
	}
	ws := harness.Workspace(t, config.String(), map[string]string{
		"MEGALLM_BASE_URL": server.URL(),
		"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
	})
	if out, err := ws.Run("plan", "-input=false", "-no-color"); err != nil {
		t.Fatalf("terraform plan failed: %v\n%s", err, out)
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("one plan with 35 data sources made %d requests to the API, want 1", n)
	}
}

// maskedHeader is a credential header logged as ***, which Terraform 1.0
// writes without quotes.
var maskedHeader = regexp.MustCompile(`(Authorization|x-api-key)=("\*\*\*"|\*\*\*(\s|$))`)

// TestTraceLogNeverContainsKey runs a plan with TF_LOG=TRACE, through a
// successful read and a rejected one, with each auth scheme, and searches
// the whole log and the CLI output for the key.
func TestTraceLogNeverContainsKey(t *testing.T) {
	t.Parallel()
	const key = "e2e-fake-key-that-must-never-be-logged-0123456789"
	for _, scheme := range []string{"bearer", "x-api-key"} {
		for _, accepted := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/accepted=%v", scheme, accepted), func(t *testing.T) {
				t.Parallel()
				mockKey := key
				if !accepted {
					mockKey = "some-other-key"
				}
				server := mockapi.NewTestServer(t, mockKey)
				logPath := t.TempDir() + "/trace.log"
				ws := harness.Workspace(t, fmt.Sprintf(`
variable "key" {
  type      = string
  sensitive = true
}
provider "megallm" {
  api_key     = var.key
  auth_scheme = %q
}
data "megallm_model" "m" { id = "gpt-4o" }
output "context" { value = data.megallm_model.m.context_length }
`, scheme), map[string]string{
					"MEGALLM_BASE_URL": server.URL(),
					"TF_VAR_key":       key,
					"TF_LOG":           "TRACE",
					"TF_LOG_PATH":      logPath,
				})
				out, err := ws.Run("plan", "-input=false", "-no-color")
				if accepted && err != nil {
					t.Fatalf("plan failed: %v\n%s", err, strings.ReplaceAll(out, key, "<KEY>"))
				}
				if !accepted && (err == nil || !strings.Contains(strings.Join(strings.Fields(out), " "), "Invalid authentication credentials")) {
					t.Fatalf("plan with a rejected key: err=%v, want the 401 error\n%s", err, strings.ReplaceAll(out, key, "<KEY>"))
				}
				logged, readErr := os.ReadFile(logPath)
				if readErr != nil {
					t.Fatal(readErr)
				}
				log := string(logged)
				// The log must hold the provider's request line, so that the
				// search below searched something that could have leaked.
				if !strings.Contains(log, "Sending MegaLLM API request") {
					t.Fatalf("the TRACE log (%d bytes) has no provider request line", len(logged))
				}
				if !maskedHeader.MatchString(log) {
					t.Error("the TRACE log does not show the credential header masked as ***")
				}
				for name, text := range map[string]string{"TRACE log": log, "CLI output": out} {
					if strings.Contains(text, key) {
						t.Errorf("the %s contains the API key", name)
					}
				}
			})
		}
	}
}
