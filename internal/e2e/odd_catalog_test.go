package e2e

import (
	"encoding/json"
	"fmt"
	"path/filepath"
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

// TestOddCatalogNumbersAndDatesPassNoGate: what a float64 or the calendar
// cannot hold passes no gate: a price too small for a float64 (Go reads 0)
// is no free model, a context length below a minimum above 2^53 does not
// meet it, and year 0 and a day its month lacks are null, with warnings that
// say why. A catalog file with a form feed after its object fails, and its
// advice, followed, plans.
func TestOddCatalogNumbersAndDatesPassNoGate(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	models := []json.RawMessage{json.RawMessage(`{"id":"tiny","pricing":{"input_tokens_cost_per_million":1e-400}}`),
		json.RawMessage(`{"id":"huge","context_length":9007199254740992}`),
		json.RawMessage(`{"id":"dated","created_at":"0000-01-01","retires_at":"2026-06-31"}`)}
	server.SetModels(models...)
	config := `
data "megallm_models" "free" { require = { max_input_cost_per_million = 0 } }
data "megallm_models" "long" { require = { min_context_length = 9007199254740993 } }
output "free" { value = data.megallm_models.free.ids }
output "long" { value = data.megallm_models.long.ids }
`
	out, err := plan(t, server, config, nil)
	for _, want := range []string{
		`+ free = []`, `+ long = []`,
		`model "tiny": pricing.input_tokens_cost_per_million is the number 1e-400, out of range`,
		`model "dated": created_at is the string "0000-01-01", before 1970, when no model existed`,
		`model "dated": retires_at is the string "2026-06-31", not a date: June 2026 has 30 days`,
	} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("the plan (error %v) does not show %q:\n%s", err, want, out)
		}
	}
	file := filepath.Join(t.TempDir(), "catalog.json")
	body := string(mockapi.ListBody(models...)) + "\n"
	writeFile(t, file, body+"\f\n")
	out, err = plan(t, server, config, map[string]string{"MEGALLM_CATALOG_FILE": file})
	if want := `line 2, column 1: it has more after its JSON object, from "\u000c", which JSON does not count as white ` +
		`space (only space, tab, CR and LF): delete that character.`; err == nil || !strings.Contains(out, want) {
		t.Errorf("a form feed after the catalog file's object: the plan (error %v) does not show %q:\n%s", err, want, out)
	}
	writeFile(t, file, body)
	if out, err := plan(t, server, config, map[string]string{"MEGALLM_CATALOG_FILE": file}); err != nil {
		t.Errorf("the form feed deleted, the plan failed: %v\n%s", err, out)
	}
}

// TestModelPriceBoundInAnotherCurrency: megallm_model's price bound over a
// catalog priced in another currency than currency's default fails, and the
// plan shows next to the error the warning that says which currency to set;
// followed, the advice plans without either.
func TestModelPriceBoundInAnotherCurrency(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"gpt-4o","pricing":{"input_tokens_cost_per_million":2.5,"currency":"EUR"}}`))
	config := `
data "megallm_model" "m" {
  id       = "gpt-4o"
  require  = { max_input_cost_per_million = 3 }
  currency = %s
}`
	out, err := plan(t, server, fmt.Sprintf(config, "null"), nil)
	for _, want := range []string{
		`Error: Model does not meet requirements with data.megallm_model.m`,
		`Model "gpt-4o" does not meet 1 requirement: - priced in EUR, the requirement is in USD`,
		`Warning: No model priced in this currency with data.megallm_model.m`,
		`currency = null No model in the MegaLLM catalog (1 model from ` + server.URL() + `/models) is priced in "USD", ` +
			`currency's default, so no model meets a price requirement or sorts by cost in it. The catalog's only currency is ` +
			`"EUR". Set currency = "EUR" to compare the prices in it.`,
	} {
		if err == nil || !strings.Contains(out, want) {
			t.Errorf("a price bound over a catalog in EUR: the plan (error %v) does not show %q:\n%s", err, want, out)
		}
	}
	if out, err := plan(t, server, fmt.Sprintf(config, `"EUR"`), nil); err != nil || strings.Contains(out, "Warning: No model priced") {
		t.Errorf("currency = \"EUR\": the plan (error %v) fails or warns about the currency:\n%s", err, out)
	}
}
