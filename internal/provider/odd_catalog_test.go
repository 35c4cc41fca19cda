package provider

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// oddCatalog is a catalog with every kind of odd entry the provider works
// around, and one clean model.
var oddCatalog = []json.RawMessage{
	json.RawMessage(`{"id":"clean","context_length":8192,"pricing":{"input_tokens_cost_per_million":0.5}}`),
	json.RawMessage(`{"id":"float-ints","context_length":128000.0,"max_output_tokens":1.6384e4}`),
	json.RawMessage(`{"id":"unreadable","display_name":"Unreadable","created_at":1715558400,"context_length":9223372036854775808,
	  "pricing":{"input_tokens_cost_per_million":"0.15","output_tokens_cost_per_million":0.6}}`),
	json.RawMessage(`{"id":"nonsense","display_name":"Nonsense","created_at":"yesterday","context_length":0,"max_output_tokens":-1,
	  "pricing":{"input_tokens_cost_per_million":-1,"output_tokens_cost_per_million":0.6}}`),
	json.RawMessage(`{"id":"date-only","created_at":"2025-06-01"}`),
	json.RawMessage(`null`),
	json.RawMessage(`{"id":"","display_name":"No id"}`),
	json.RawMessage(`{"id":"m1","display_name":"first"}`),
	json.RawMessage(`{"id":"m1","display_name":"second"}`),
	json.RawMessage(`{"id":"euro-ish","pricing":{"input_tokens_cost_per_million":0,"currency":"Euro"}}`),
	json.RawMessage(`{"id":"o3-mini"}`),
	json.RawMessage(`{"id":"O3-MINI"}`),
}

func TestOddCatalog_oddValuesAreNull(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(oddCatalog...)
	check := func(name, attr string, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data.megallm_model."+name, tfjsonpath.New(attr), want)
	}
	price := func(name, attr string, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data.megallm_model."+name, tfjsonpath.New("pricing").AtMapKey(attr), want)
	}
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_model" "clean"      { id = "clean" }
data "megallm_model" "float_ints" { id = "float-ints" }
data "megallm_model" "unreadable" { id = "unreadable" }
data "megallm_model" "nonsense"   { id = "nonsense" }
data "megallm_model" "date_only"  { id = "date-only" }
data "megallm_model" "m1"         { id = "m1" }
data "megallm_models" "all"       {}
data "megallm_models" "free" {
  require = { max_input_cost_per_million = 0 }
}
data "megallm_models" "cheapest" {
  sort_by = "input_cost"
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			check("clean", "context_length", knownvalue.Int64Exact(8192)),
			price("clean", "input_tokens_cost_per_million", knownvalue.Float64Exact(0.5)),
			check("float_ints", "context_length", knownvalue.Int64Exact(128000)),
			check("float_ints", "max_output_tokens", knownvalue.Int64Exact(16384)),
			check("unreadable", "display_name", knownvalue.StringExact("Unreadable")),
			check("unreadable", "created_at", knownvalue.Null()),
			check("unreadable", "context_length", knownvalue.Null()),
			price("unreadable", "input_tokens_cost_per_million", knownvalue.Null()),
			price("unreadable", "output_tokens_cost_per_million", knownvalue.Float64Exact(0.6)),
			check("nonsense", "display_name", knownvalue.StringExact("Nonsense")),
			check("nonsense", "created_at", knownvalue.Null()),
			check("nonsense", "context_length", knownvalue.Null()),
			check("nonsense", "max_output_tokens", knownvalue.Null()),
			price("nonsense", "input_tokens_cost_per_million", knownvalue.Null()),
			price("nonsense", "output_tokens_cost_per_million", knownvalue.Float64Exact(0.6)),
			check("date_only", "created_at", knownvalue.StringExact("2025-06-01T00:00:00Z")),
			check("m1", "display_name", knownvalue.StringExact("first")),
			expectIDs("data.megallm_models.all", "O3-MINI", "clean", "date-only", "euro-ish", "float-ints", "m1", "nonsense", "o3-mini", "unreadable"),
			// A negative price is no price: it is not free, and sorts last;
			// nor is a price in a currency that cannot be read, though 0.
			expectIDs("data.megallm_models.free"),
			statecheck.ExpectKnownValue("data.megallm_models.cheapest", tfjsonpath.New("ids").AtSliceIndex(0), knownvalue.StringExact("clean")),
		},
	})
}

// TestOddCatalog_warningsOncePerPlan: the first read of a provider instance
// warns about the catalog's odd entries, in three grouped warnings; the reads
// after it do not.
func TestOddCatalog_warningsOncePerPlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(oddCatalog...)
	p := newProtocolServer(t, server, nil)

	_, warnings := p.readWarnings(t, "megallm_model", p.modelConfig(t, "clean"))
	origin := server.URL() + "/models"
	want := []string{
		"Unreadable values in the MegaLLM catalog: The catalog from " + origin + " has values that cannot be read or " +
			"make no sense. The provider reads each as null, so that model does not meet a requirement on the field " +
			"and sorts last by it; its other fields and the other models are unaffected:\n" +
			"  - model \"unreadable\": created_at is the number 1715558400, not a string\n" +
			"  - model \"unreadable\": pricing.input_tokens_cost_per_million is the string \"0.15\", not a number\n" +
			"  - model \"unreadable\": context_length is the number 9223372036854775808, out of range\n" +
			"  - model \"nonsense\": pricing.input_tokens_cost_per_million is -1, a negative price\n" +
			"  - model \"nonsense\": context_length is 0, not a positive number of tokens\n" +
			"  - model \"nonsense\": max_output_tokens is -1, not a positive number of tokens\n" +
			"  - model \"nonsense\": created_at is the string \"yesterday\", not an RFC 3339 date-time such as " +
			"\"2025-01-31T12:00:00Z\" or a date such as \"2025-01-31\" (midnight UTC)\n" +
			"  - model \"euro-ish\": pricing.currency is the string \"Euro\", not a three-letter currency code, so the " +
			"prices in it are read as null too\n\n" +
			"Report them to the catalog's maintainers.",
		"Entries left out of the MegaLLM catalog: These entries of \"data\" in the catalog from " + origin +
			" are not models with an id, so the provider leaves them out:\n" +
			"  - data[5] is null, not a model object\n" +
			"  - data[6] has an empty \"id\"",
		"Duplicate model ids in the MegaLLM catalog: The catalog from " + origin + " lists more than one model with " +
			"each of these ids: \"m1\". The provider uses the first entry of each id and ignores the others.",
	}
	if strings.Join(warnings, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("first read's warnings:\n%s\n\nwant:\n%s", strings.Join(warnings, "\n---\n"), strings.Join(want, "\n---\n"))
	}
	for _, id := range []string{"clean", "m1", "nonsense"} {
		if _, again := p.readWarnings(t, "megallm_model", p.modelConfig(t, id)); len(again) != 0 {
			t.Errorf("a later read warned again: %q", again)
		}
	}
	if state, _ := p.readWarnings(t, "megallm_model", p.modelConfig(t, "m1")); stringAttr(t, state, "display_name") != "first" {
		t.Errorf("m1 display_name = %q, want the first entry's", stringAttr(t, state, "display_name"))
	}
	if _, again := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil)); len(again) != 0 {
		t.Errorf("a later megallm_models read warned again: %q", again)
	}
}

// TestOddCatalog_pagedCatalogWarns: an API that pages its list, as
// Anthropic's does, answers the first page with "has_more": true; the
// provider reads no other, so the plan warns that later pages' models are
// missing and every data source sees this page alone, rather than answer as
// if the catalog were whole.
func TestOddCatalog_pagedCatalogWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.InjectFaults(mockapi.Fault{Status: 200, ContentType: "application/json",
		Body: `{"data":[{"id":"claude-sonnet-4-20250514","type":"model"}],"has_more":true,"first_id":"claude-sonnet-4-20250514","last_id":"claude-sonnet-4-20250514"}`})
	p := newProtocolServer(t, server, nil)
	_, warnings := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil))
	want := "Incomplete MegaLLM catalog: The MegaLLM catalog from " + server.URL() + "/models says \"has_more\": true, so " +
		"it is the first page of a longer list, and the provider reads no other: the models of the later pages are " +
		"missing, so no data source reads them and every filter, requirement and sort sees this page alone. Serve " +
		"the whole list in one answer of GET /models, or save every page's models in the \"data\" of one catalog_file, without \"has_more\"."
	if !slices.Contains(warnings, want) {
		t.Errorf("warnings = %q, want one that is %q", warnings, want)
	}
}

// TestOddCatalog_longListsAreCut: a warning lists ten problems and counts
// the rest.
func TestOddCatalog_longListsAreCut(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	models := make([]json.RawMessage, 25)
	for i := range models {
		models[i] = json.RawMessage(fmt.Sprintf(`{"id":"m%d","context_length":-%d}`, i, i+1))
	}
	server.SetModels(models...)
	p := newProtocolServer(t, server, nil)
	_, warnings := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil))
	if len(warnings) != 1 || strings.Count(warnings[0], "\n  - model ") != 10 ||
		!strings.Contains(warnings[0], "\n  - model \"m9\": context_length is -10, not a positive number of tokens\n  - and 15 more\n") {
		t.Errorf("warnings = %q, want one listing 10 problems and \"and 15 more\"", warnings)
	}
}

// respelledCatalog has an owner with white space around it and a type in
// another letter case than the other models write them.
var respelledCatalog = []json.RawMessage{
	json.RawMessage(`{"id":"gpt-4o","type":"chat","owned_by":" OpenAI"}`),
	json.RawMessage(`{"id":"gpt-4o-mini","type":"Chat","owned_by":"openai"}`),
	json.RawMessage(`{"id":"o3-mini","type":"chat","owned_by":"openai"}`),
	json.RawMessage(`{"id":"text-embedding-3-small","type":"embedding","owned_by":"openai"}`),
}

// TestOddCatalog_typesAndOwnersRespelled: an owner or type that no owned_by
// or type could name as the other models' is read as theirs, with one
// warning naming the model and the field, and the filters keep the model as
// the warning says.
func TestOddCatalog_typesAndOwnersRespelled(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(respelledCatalog...)
	p := newProtocolServer(t, server, nil)
	_, warnings := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", map[string]tftypes.Value{
		"type":     str("chat"),
		"owned_by": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("openai")}),
	}))
	want := "Types and owners respelled in the MegaLLM catalog: The catalog from " + server.URL() + "/models writes " +
		"these types and owners with white space around them, which no type or owned_by can match, or in another " +
		"letter case than its other models with the same one. The provider reads each as shown, so that type and " +
		"owned_by keep the model with the others:\n" +
		"  - model \"gpt-4o-mini\": type is the string \"Chat\", read as \"chat\", as 2 other models write it\n" +
		"  - model \"gpt-4o\": owned_by is the string \" OpenAI\", read as \"openai\", as 3 other models write it\n\n" +
		"Report them to the catalog's maintainers."
	if len(warnings) != 1 || warnings[0] != want {
		t.Errorf("warnings:\n%q\nwant:\n%q", warnings, want)
	}
}

// TestOddCatalog_respelledModelsAreFiltered: type and owned_by keep the models
// whose type and owner the provider respelled, from a catalog file as from
// the API, and the model reads as it was respelled; the spelling it had is
// then an owner or type in another letter case, with the advice to write it
// as read.
func TestOddCatalog_respelledModelsAreFiltered(t *testing.T) {
	t.Parallel()
	body, err := json.Marshal(map[string]any{"object": "list", "data": respelledCatalog})
	if err != nil {
		t.Fatal(err)
	}
	provider := fmt.Sprintf("provider \"megallm\" {\n  catalog_file = %q\n}\n", writeCatalogFile(t, body))
	unitTest(t, resource.TestStep{
		Config: provider + `
data "megallm_models" "openai_chat" {
  type     = "chat"
  owned_by = ["openai"]
}
data "megallm_model" "gpt_4o" { id = "gpt-4o" }
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.openai_chat", "gpt-4o", "gpt-4o-mini", "o3-mini"),
			statecheck.ExpectKnownValue("data.megallm_model.gpt_4o", tfjsonpath.New("owned_by"), knownvalue.StringExact("openai")),
		},
	}, resource.TestStep{
		Config:      provider + `data "megallm_models" "chat" { type = "Chat" }`,
		ExpectError: expectError(`Type in the wrong letter case .* Did you mean "chat"\?`),
	})
}

// unreadableLifecycleModels are a catalog's models whose lifecycle date the
// provider cannot read, retires_at and deprecated_at, and one with neither.
var unreadableLifecycleModels = []json.RawMessage{
	json.RawMessage(`{"id":"retires-soon","retires_at":"soon"}`),
	json.RawMessage(`{"id":"deprecated-12","deprecated_at":12}`),
	json.RawMessage(`{"id":"undated"}`),
}

// TestOddCatalog_unreadableLifecycleDateFailsTheGate: a lifecycle date the
// API sent but the provider cannot read may say deprecated, retired or
// retiring soon, as may one sent under another key ("Retires_At"), so a
// lifecycle requirement is unmet and says why; a date not sent, or null, is
// no date planned and passes.
func TestOddCatalog_unreadableLifecycleDateFailsTheGate(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(append(slices.Clone(unreadableLifecycleModels),
		json.RawMessage(`{"id":"null-dated","deprecated_at":null,"retires_at":null}`),
		json.RawMessage(`{"id":"retires-misnamed","Retires_At":"2025-01-01"}`))...)
	unitTest(t,
		resource.TestStep{
			Config: providerBlock(server, "") + `
data "megallm_models" "current" {
  require = { not_deprecated = true }
}
data "megallm_models" "lasting" {
  require = { min_days_to_retirement = 30 }
}
data "megallm_model" "undated" {
  id      = "undated"
  require = { not_deprecated = true, min_days_to_retirement = 30 }
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				expectIDs("data.megallm_models.current", "null-dated", "undated"),
				expectIDs("data.megallm_models.lasting", "deprecated-12", "null-dated", "undated"),
				statecheck.ExpectKnownValue("data.megallm_model.undated", tfjsonpath.New("model_lifecycle").AtMapKey("status"), knownvalue.Null()),
			},
		},
		errorStep(server, "megallm_model", `id = "retires-soon"
require = { not_deprecated = true, min_days_to_retirement = 30 }`,
			`Model "retires-soon" does not meet 2 requirements:`+
				` - does not report whether it is deprecated \(its retires_at could not be read\)`+
				` - model_lifecycle.days_to_retirement is not reported \(its retires_at could not be read; required >= 30\)`),
		errorStep(server, "megallm_model", `id = "deprecated-12"
require = { not_deprecated = true }`,
			`Model "deprecated-12" does not meet 1 requirement:`+
				` - does not report whether it is deprecated \(its deprecated_at could not be read\)`),
	)
}

// TestOddCatalog_currencyUnderAnotherKeyMeetsNoPriceBound: prices whose
// currency is sent under "Currency", not "currency", are in a currency the
// provider cannot read, not in USD, so they meet no price bound.
func TestOddCatalog_currencyUnderAnotherKeyMeetsNoPriceBound(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"euro-model",` +
		`"pricing":{"input_tokens_cost_per_million":0.1,"output_tokens_cost_per_million":0.4,"Currency":"EUR"}}`))
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_model" "euro" {
  id      = "euro-model"
  require = { max_input_cost_per_million = 0.12 }
}`,
		ExpectError: expectError(`Model "euro-model" does not meet 1 requirement:` +
			` - input_tokens_cost_per_million is not reported \(allowed <= 0.12\)`),
	})
}
