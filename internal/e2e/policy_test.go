package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestPolicyWarnings: what a plan under a model policy warns about, through
// the real CLI: a deprecated model, candidates passed over, an owner the
// policy does not allow, and what the policy names that the catalog lacks,
// said once however many data sources read the catalog.
func TestPolicyWarnings(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	day := func(offset int) string { return time.Now().UTC().AddDate(0, 0, offset).Format(time.DateOnly) }
	ws := harness.Workspace(t, fmt.Sprintf(`
provider "megallm" {
  policy = {
    allowed_owners = ["openai"]
    models = {
      "gpt-3.5-turbo" = {
        deprecated_at = %q
        retires_at    = %q
        successor     = "gpt-4o"
        reason        = "Superseded by gpt-4o"
      }
      "o3-mini"     = { retires_at = %q, successor = "gpt-5" }
      "gpt-4o-minii" = { denied = true }
    }
  }
}
data "megallm_model" "old" { id = "gpt-3.5-turbo" }
data "megallm_model" "fallback" {
  candidates = ["o3-mini", "gpt-4o-mini"]
}
data "megallm_models" "all" {}
data "megallm_models" "mistral" { owned_by = ["mistral"] }
output "chosen" { value = data.megallm_model.fallback.id }
`, day(-10), day(45), day(-1)), map[string]string{
		"MEGALLM_BASE_URL": server.URL(),
		"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
	})
	out, err := ws.Run("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("plan failed: %v\n%s", err, out)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"Warning: Deprecated MegaLLM model",
		fmt.Sprintf(`Model "gpt-3.5-turbo" is deprecated since %s: Superseded by gpt-4o. It retires on %s, in 45 days, `+
			`after which this plan fails. Its successor is "gpt-4o": move to it, or list it as a fallback with `+
			`candidates = ["gpt-3.5-turbo", "gpt-4o"].`, day(-10), day(45)),
		"Warning: Candidate models passed over",
		fmt.Sprintf(`Chose "gpt-4o-mini", candidate 2 of 2, because the ones before it cannot be used: - "o3-mini" `+
			`was retired on %s (successor "gpt-5")`, day(-1)),
		"Warning: Policy names models the catalog does not have",
		`The provider's policy.models names "gpt-4o-minii" (did you mean "gpt-4o-mini"`,
		"Warning: Owner not allowed by the policy",
		`The provider's policy allows no model owned by "mistral" (its allowed_owners does not list it), so that owner matches nothing.`,
		"Warning: Policy names successors the catalog does not have",
		`- "o3-mini" names successor "gpt-5"`,
		`chosen = "gpt-4o-mini"`,
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the plan does not show %q:\n%s", want, out)
		}
	}
	for _, once := range []string{"Warning: Policy names models", "Warning: Policy names successors"} {
		if n := strings.Count(out, once); n != 1 {
			t.Errorf("the plan shows %q %d times, want once:\n%s", once, n, out)
		}
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("the plan made %d requests, want 1", n)
	}
}
