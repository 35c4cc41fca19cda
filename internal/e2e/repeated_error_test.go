package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestMissingKeyNamesTheFullError: with no key, a plan of three data sources
// shows the error in full once, and each other error names the data source
// that has it, whichever read first and whatever order Terraform prints them in.
func TestMissingKeyNamesTheFullError(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ws := harness.Workspace(t, `
data "megallm_model" "chat" { id = "gpt-4o" }
data "megallm_model" "fallback" { candidates = ["gpt-4.1", "gpt-4o-mini"] }
data "megallm_models" "all" { type = "chat" }
`, map[string]string{"MEGALLM_BASE_URL": server.URL()})
	named := map[string]string{
		"data.megallm_model.chat":     `the megallm_model data source with id = "gpt-4o"`,
		"data.megallm_model.fallback": `the megallm_model data source whose candidates start with "gpt-4.1"`,
		"data.megallm_models.all":     `the megallm_models data source with type = "chat"`,
	}
	out, err := ws.Run("plan", "-input=false", "-no-color")
	if err == nil {
		t.Fatalf("the plan succeeded without a key:\n%s", out)
	}
	with := regexp.MustCompile(`with (data\.[a-z_]+\.[a-z]+),`)
	full, short := "", map[string]string{}
	for _, block := range strings.Split(out, "Error: ")[1:] {
		m := with.FindStringSubmatch(block)
		if m == nil || !strings.HasPrefix(block, "Missing MegaLLM API key") {
			t.Fatalf("an error that is not the missing key's on a data source:\n%s", block)
		}
		if flat := strings.Join(strings.Fields(block), " "); strings.Contains(flat, "none is configured") {
			full = m[1]
		} else {
			short[m[1]] = flat
		}
	}
	if full == "" || len(short) != 2 {
		t.Fatalf("want one full error and two short ones, got full on %q and %d short:\n%s", full, len(short), out)
	}
	for address, flat := range short {
		if want := "shown in full, with how to fix it, on " + named[full] + ", the first"; !strings.Contains(flat, want) {
			t.Errorf("the error on %s does not say %q:\n%s", address, want, out)
		}
	}
}
