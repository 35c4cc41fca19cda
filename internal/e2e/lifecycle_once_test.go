package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// lifecyclePolicy deprecates gpt-4o, with gpt-4.1 as its successor, and
// makes gpt-4.1-mini retire within the notice window.
func lifecyclePolicy() string {
	day := today()
	return fmt.Sprintf(`
provider "megallm" {
  policy = {
    models = {
      "gpt-4o"      = { deprecated_at = %q, retires_at = %q, successor = "gpt-4.1" }
      "gpt-4.1-mini" = { retires_at = %q, successor = "gpt-4.1" }
    }
  }
}
`, day(-10), day(120), day(30))
}

// TestLifecycleWarningOncePerPlan: the model-policy guide's check pattern (a
// data source and a check's scoped data source of the same model) and two
// more data sources of it show its deprecation warning once, as they do a
// retirement notice; Terraform folds warnings only outside check blocks, and
// says "and N more similar warnings" when it does.
func TestLifecycleWarningOncePerPlan(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_5_0, "a check block")
	_, out, _ := planAgainstMock(t, lifecyclePolicy()+`
data "megallm_model" "chat" { id = "gpt-4o" }
data "megallm_model" "chat_again" { id = "gpt-4o" }
data "megallm_model" "mini" { id = "gpt-4.1-mini" }
data "megallm_model" "mini_again" { id = "gpt-4.1-mini" }
check "chat_model_lifecycle" {
  data "megallm_model" "chat_today" { id = data.megallm_model.chat.id }
  assert {
    condition     = coalesce(data.megallm_model.chat_today.model_lifecycle.status, "active") == "active"
    error_message = "gpt-4o is deprecated."
  }
}
`)
	for _, summary := range []string{"Warning: Deprecated MegaLLM model", "Warning: MegaLLM model retiring soon"} {
		if n := strings.Count(out, summary); n != 1 {
			t.Errorf("%q shown %d times, want once:\n%s", summary, n, out)
		}
	}
	if strings.Contains(out, "similar warning") {
		t.Errorf("Terraform folded repeated lifecycle warnings, want none repeated:\n%s", out)
	}
	if !strings.Contains(out, "gpt-4o is deprecated.") {
		t.Errorf("the check's own warning is missing:\n%s", out)
	}
}

// TestLifecycleWarningPerAdvice: as the model-policy guide says, data
// sources that use a deprecated model with the same advice share one warning,
// and one whose candidates already hold a fallback gets its own, with the
// advice that fits it (Terraform folds it in its human output; -json lists it).
func TestLifecycleWarningPerAdvice(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ws := harness.Workspace(t, lifecyclePolicy()+`
data "megallm_model" "chat" { id = "gpt-4o" }
data "megallm_model" "chat_again" { id = "gpt-4o" }
data "megallm_model" "fallback" { candidates = ["gpt-4o", "gpt-4.1"] }
`, map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey})
	out, err := ws.Output("plan", "-json", "-input=false")
	if err != nil {
		t.Fatalf("plan failed: %v\n%s", err, out)
	}
	var details []string
	for _, line := range strings.Split(out, "\n") {
		var message struct {
			Diagnostic struct{ Summary, Detail string }
		}
		if json.Unmarshal([]byte(line), &message) == nil && message.Diagnostic.Summary == "Deprecated MegaLLM model" {
			details = append(details, message.Diagnostic.Detail)
		}
	}
	byID := `after which this plan fails. Its successor is "gpt-4.1": move to it`
	byCandidates := `after which candidates fall back to "gpt-4.1". To move now, remove "gpt-4o" from candidates.`
	if len(details) != 2 || !strings.Contains(strings.Join(details, "\n"), byID) ||
		!strings.Contains(strings.Join(details, "\n"), byCandidates) {
		t.Errorf("want one warning advising %q and one %q, got %d:\n%s", byID, byCandidates, len(details),
			strings.Join(details, "\n"))
	}
}

// TestLifecycleAdviceKnowsTheFallback: a deprecated or retiring model chosen
// from candidates that already hold a usable fallback gets no advice to add
// one: the warning says the plan falls back to it and how to move now.
// Without one, the advice to list a fallback stands. (Terraform folds
// warnings that share a summary, so each plan has one of each.)
func TestLifecycleAdviceKnowsTheFallback(t *testing.T) {
	t.Parallel()
	_, out, flat := planAgainstMock(t, lifecyclePolicy()+`
data "megallm_model" "chat" { candidates = ["gpt-4o", "gpt-4.1"] }
data "megallm_model" "mini" { candidates = ["gpt-4.1-mini", "gpt-4o-mini"] }
`)
	for _, want := range []string{
		`after which candidates fall back to "gpt-4.1". To move now, remove "gpt-4o" from candidates.`,
		`After that, candidates fall back to "gpt-4o-mini". ` +
			`The provider's policy gives notice 90 days ahead (retirement_notice_days; 0 turns it off). ` +
			`Its successor is "gpt-4.1". To move now, remove "gpt-4.1-mini" from candidates.`,
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the plan does not show %q:\n%s", want, out)
		}
	}
	if strings.Contains(flat, "list it as a fallback") {
		t.Errorf("the plan advises a fallback that candidates already hold:\n%s", out)
	}

	_, out, flat = planAgainstMock(t, lifecyclePolicy()+`
data "megallm_model" "chat" { candidates = ["gpt-4o"] }
`)
	want := `after which this plan fails. Its successor is "gpt-4.1": move to it, or list it as a fallback with ` +
		`candidates = ["gpt-4o", "gpt-4.1"].`
	if !strings.Contains(flat, want) {
		t.Errorf("the plan does not show %q:\n%s", want, out)
	}
}
