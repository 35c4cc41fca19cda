package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestOddCatalogWarnsOncePerPlan: a catalog with odd entries plans, and the
// plan shows each of its grouped warnings once however many data sources
// read the catalog.
func TestOddCatalogWarnsOncePerPlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(
		json.RawMessage(`{"id":"m1","context_length":128000.0,"pricing":{"input_tokens_cost_per_million":"0.15"}}`),
		json.RawMessage(`{"id":"m2","created_at":"2025-06-01","pricing":{"input_tokens_cost_per_million":-1}}`),
		json.RawMessage(`null`),
		json.RawMessage(`{"id":"m1"}`),
	)
	ws := harness.Workspace(t, `
data "megallm_model" "a" { id = "m1" }
data "megallm_model" "b" { id = "m2" }
data "megallm_models" "all" {}
data "megallm_models" "cheap" {
  sort_by = "input_cost"
}
output "context" { value = data.megallm_model.a.context_length }
output "created" { value = data.megallm_model.b.created_at }
output "ids" { value = data.megallm_models.all.ids }
`, map[string]string{
		"MEGALLM_BASE_URL": server.URL(),
		"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
	})
	out, err := ws.Run("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("plan failed: %v\n%s", err, out)
	}
	for _, want := range []string{
		"Warning: Unreadable values in the MegaLLM catalog",
		"Warning: Entries left out of the MegaLLM catalog",
		"Warning: Duplicate model ids in the MegaLLM catalog",
	} {
		if n := strings.Count(out, want); n != 1 {
			t.Errorf("the plan shows %q %d times, want once:\n%s", want, n, out)
		}
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		`model "m1": pricing.input_tokens_cost_per_million is the string "0.15", not a number`,
		`model "m2": pricing.input_tokens_cost_per_million is -1, a negative price`,
		`data[2] is null, not a model object`,
		`each of these ids: "m1".`,
		`context = 128000`,
		`created = "2025-06-01T00:00:00Z"`,
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the plan does not show %q:\n%s", want, out)
		}
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("the plan made %d requests, want 1", n)
	}
}
