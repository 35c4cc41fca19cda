package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestModelsDataSource_unreportedFieldsWarn reads through the provider
// server, since plugin-testing does not show warnings: a filter,
// requirement or sort on a field that no model reports warns once, naming
// the argument and the field, instead of an empty or unordered list.
func TestModelsDataSource_unreportedFieldsWarn(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(
		json.RawMessage(`{"id":"a","context_length":8192}`),
		json.RawMessage(`{"id":"b","owned_by":"openai"}`),
	)
	p := newProtocolServer(t, server, nil)
	require := func(attributes map[string]tftypes.Value) tftypes.Value {
		types := map[string]tftypes.Type{}
		for name, v := range attributes {
			types[name] = v.Type()
		}
		return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, attributes)
	}
	where := "No model in the MegaLLM catalog (2 models from " + server.URL() + "/models) reports these fields, which megallm_models reads:\n  - "
	const advice = "\n\nLeave out what reads them, or ask the catalog's maintainers to report them."
	for _, tc := range []struct {
		name   string
		config map[string]tftypes.Value
		want   []string
	}{
		{"created_after", map[string]tftypes.Value{"created_after": str("2024-01-01")}, []string{
			`AttributeName("created_after"): Fields no model reports: ` + where + "created_at: created_after reads it, so it keeps no model" + advice,
		}},
		{"a capability and a price sort", map[string]tftypes.Value{
			"require": require(map[string]tftypes.Value{"supports_vision": tftypes.NewValue(tftypes.Bool, true)}),
			"sort_by": str("input_cost"),
		}, []string{
			"Fields no model reports: " + where + "capabilities.supports_vision: require.supports_vision reads it, so it keeps no model\n  - " +
				`pricing.input_tokens_cost_per_million: sort_by = "input_cost" reads it, so it orders no model (they are listed by id)` + advice,
		}},
		{"reported fields", map[string]tftypes.Value{
			"require": require(map[string]tftypes.Value{"min_context_length": number(1), "not_deprecated": tftypes.NewValue(tftypes.Bool, true)}),
			"sort_by": str("context_length"),
		}, nil},
	} {
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", tc.config)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: warnings\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

// TestModelsDataSource_emptyCatalogWarns: a catalog without models warns,
// saying where it came from, and only that (no word on each filter).
func TestModelsDataSource_emptyCatalogWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels()
	file := filepath.Join(t.TempDir(), "empty.json")
	if err := os.WriteFile(file, []byte(`{"object":"list","data":[]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	config := map[string]tftypes.Value{"type": str("chat"), "created_after": str("2024-01-01")}
	for _, tc := range []struct {
		args map[string]tftypes.Value
		from string
	}{
		{nil, server.URL() + "/models"},
		{map[string]tftypes.Value{"catalog_file": str(file)}, "catalog_file " + megallm.QuotePath(file)},
	} {
		p := newProtocolServer(t, server, tc.args)
		want := []string{"Empty MegaLLM catalog: The MegaLLM catalog from " + tc.from + " has no models at all, so " +
			"megallm_models lists none (and every megallm_model fails). Check that this is the catalog you meant."}
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", config)); !slices.Equal(got, want) {
			t.Errorf("warnings\n%q\nwant\n%q", got, want)
		}
	}
}

// TestModelsDataSource_emptyReason: a read that keeps no model is a result,
// ids = [], whose empty_reason says how many models each filter kept in the
// order they apply, up to the one that kept none (with the closest value of
// a requirement that no model meets, or else the models that miss the fewest,
// in the data source's order, each with its misses: relaxing one to the value
// named lists that model, so none that misses one on a field it does not
// report), and what to loosen, with values bounded; a read that lists a model
// has "" (not null, which error_message cannot hold), and an empty catalog
// says so.
func TestModelsDataSource_emptyReason(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	reason := func(advice string, steps ...string) knownvalue.Check {
		return knownvalue.StringExact(fmt.Sprintf("No model in the MegaLLM catalog (26 models from %s/models) passes "+
			"the filters of megallm_models, so ids and models are empty. In the order they apply:\n  - %s\n\n%s",
			server.URL(), strings.Join(steps, "\n  - "), advice))
	}
	gone := make([]string, 25)
	for i := range gone {
		gone[i] = fmt.Sprintf("%q", fmt.Sprintf("gone-%02d", i))
	}
	long := strings.Repeat("x", 200)
	before := ", or one of the filters before it."
	checks := map[string]knownvalue.Check{
		"listed": knownvalue.StringExact(""),
		"owner": reason("Loosen or remove owned_by"+before,
			`type = "embedding" kept 4 of 26 models`, `owned_by = ["anthropic"] kept none of them`),
		"excluded": reason("Loosen or remove exclude_ids"+before,
			`owned_by = ["xai"] kept 1 of 26 models`, `exclude_ids = ["grok-2-1212"] kept none of them`),
		"future": reason("Loosen or remove created_after.", `created_after = "2030-01-01" kept none of the 26 models`),
		"required": reason("Loosen or remove require.", "require kept none of the 26 models: none meets "+
			"require.min_context_length (the closest: context_length 2097152 < required 100000000)"),
		// Not claude-3-opus-20240229, which the policy denies, nor meta-llama/llama-3.2-90b-vision-instruct, which
		// misses only max_input_cost_per_million but does not report its input price: relaxing never admits it.
		"closest": reason("Loosen or remove require.", "require kept none of the 26 models: each requirement is "+
			"met by one of them, but none meets them all; the closest, missing 1 requirement: "+
			`"claude-3-5-sonnet-20241022" (input_tokens_cost_per_million 3 > allowed 0.05), `+
			`"claude-sonnet-4-20250514" (input_tokens_cost_per_million 3 > allowed 0.05), `+
			`"gemini-1.5-pro" (input_tokens_cost_per_million 1.25 > allowed 0.05), `+
			`"gemini-2.0-flash" (input_tokens_cost_per_million 0.1 > allowed 0.05), `+
			`"gpt-4.1" (input_tokens_cost_per_million 2 > allowed 0.05), `+
			`"gpt-4.1-mini" (input_tokens_cost_per_million 0.4 > allowed 0.05), `+
			`"gpt-4o" (input_tokens_cost_per_million 2.5 > allowed 0.05), `+
			`"gpt-4o-mini" (input_tokens_cost_per_million 0.15 > allowed 0.05), `+
			`"meta-llama/llama-3.1-8b-instruct" (does not support vision), `+
			`"text-embedding-3-small" (does not support vision)`),
		"closest_by_cost": reason("Loosen or remove require, or one of the filters before it.",
			`owned_by = ["openai"] kept 8 of 26 models`, "require kept none of them: each requirement is met by one "+
				`of them, but none meets them all; the closest, missing 1 requirement: "text-embedding-3-small" `+
				`(does not support vision), "gpt-4o-mini" (input_tokens_cost_per_million 0.15 > allowed 0.05), `+
				`"gpt-4.1-mini" (input_tokens_cost_per_million 0.4 > allowed 0.05), `+
				`"gpt-4.1" (input_tokens_cost_per_million 2 > allowed 0.05), `+
				`"gpt-4o" (input_tokens_cost_per_million 2.5 > allowed 0.05)`),
		// o3-mini's 100000 is closer, but the policy denies it: relaxed to 100000, the read would stay empty.
		"required_allowed": reason("Loosen or remove require.", "require kept none of the 26 models: none meets "+
			"require.min_max_output_tokens (the closest: max_output_tokens 64000 < required 200000)"),
		"denied": reason("The provider's policy allows none of them (it denies them, or its allowed_owners leaves "+
			"out their owners): widen the filters, or change the policy.",
			`id_regex = "opus" kept 1 of 26 models`, "the provider's policy kept none of them"),
		// Listing the retired model would pass a postcondition with a model that cannot be used: not the fix.
		"retired": reason("Each of them is retired, and cannot be used (include_retired = true would list them): "+
			"loosen one of the filters before it.", `id_regex = "turbo" kept 1 of 26 models`,
			"leaving out retired models (include_retired = false) kept none of them"),
		"long_type": reason("Loosen or remove type.",
			`type = "`+strings.Repeat("x", 64)+`"… (200 characters) kept none of the 26 models`),
		"many_owners": reason("Loosen or remove owned_by.",
			"owned_by = ["+strings.Join(gone[:10], ", ")+", and 15 more] kept none of the 26 models"),
	}
	stateChecks := []statecheck.StateCheck{expectIDs("data.megallm_models.relaxed", "gpt-4o-mini"),
		expectIDs("data.megallm_models.required_relaxed", "claude-sonnet-4-20250514")}
	for name, check := range checks {
		address := "data.megallm_models." + name
		stateChecks = append(stateChecks, statecheck.ExpectKnownValue(address, tfjsonpath.New("empty_reason"), check))
		if name != "listed" {
			stateChecks = append(stateChecks, expectIDs(address))
		}
	}
	policy := `policy = { models = {
    "claude-3-opus-20240229" = { denied = true }
    "gpt-3.5-turbo"          = { retires_at = "2025-01-01" }
    "o3-mini"                = { denied = true }
  } }`
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, policy) + fmt.Sprintf(`
data "megallm_models" "listed" {
  id_regex = "^gpt-4o$"
}
data "megallm_models" "owner" {
  type     = "embedding"
  owned_by = ["anthropic"]
}
data "megallm_models" "excluded" {
  owned_by    = ["xai"]
  exclude_ids = ["grok-2-1212"]
}
data "megallm_models" "future" {
  created_after = "2030-01-01"
}
data "megallm_models" "required" {
  require = { min_context_length = 100000000 }
}
data "megallm_models" "closest" {
  require = { supports_vision = true, max_input_cost_per_million = 0.05 }
}
data "megallm_models" "closest_by_cost" {
  owned_by = ["openai"]
  sort_by  = "input_cost"
  require  = { supports_vision = true, max_input_cost_per_million = 0.05 }
}
data "megallm_models" "relaxed" { # closest_by_cost with the bound relaxed to gpt-4o-mini's price
  owned_by = ["openai"]
  sort_by  = "input_cost"
  require  = { supports_vision = true, max_input_cost_per_million = 0.15 }
}
data "megallm_models" "required_allowed" {
  require = { min_max_output_tokens = 200000 }
}
data "megallm_models" "required_relaxed" { # required_allowed with the bound relaxed to the value named
  require = { min_max_output_tokens = 64000 }
}
data "megallm_models" "denied" {
  id_regex = "opus"

  lifecycle {
    postcondition {
      condition     = length(self.ids) == 0 && length(self.models) == 0
      error_message = "want no model"
    }
  }
}
data "megallm_models" "retired" {
  id_regex = "turbo"
}
data "megallm_models" "long_type" {
  type = %q
}
data "megallm_models" "many_owners" {
  owned_by = [%s]
}
`, long, strings.Join(gone, ", ")),
		ConfigStateChecks: stateChecks,
	})

	// When each model that misses require misses a requirement on a field it does not report, none is the closest.
	unreported := mockapi.NewTestServer(t, "")
	unreported.SetModels(json.RawMessage(`{"id":"no-context","capabilities":{"supports_vision":true}}`),
		json.RawMessage(`{"id":"no-vision-flag","context_length":300000}`))
	unitTest(t, resource.TestStep{
		Config: providerBlock(unreported, "") + `data "megallm_models" "none" {
  require = { supports_vision = true, min_context_length = 200000 }
}
data "megallm_models" "after_regex" {
  id_regex = "^no-"
  require  = { supports_vision = true, min_context_length = 200000 }
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_models.none", tfjsonpath.New("empty_reason"), knownvalue.StringRegexp(
				regexp.MustCompile(`\(2 models from .*\n  - require kept none of the 2 models: each requirement is met by `+
					`one of them, but none meets them all: each of them lacks a field that one of the requirements reads `+
					`\(null in the catalog\), and a model never meets a requirement on a field it does not report`+
					`\n\nRemove from require what they miss\.$`))),
			statecheck.ExpectKnownValue("data.megallm_models.after_regex", tfjsonpath.New("empty_reason"),
				knownvalue.StringRegexp(regexp.MustCompile(`\n\nRemove from require what they miss, or loosen one of the `+
					`filters before it\.$`))),
			expectIDs("data.megallm_models.none"),
		},
	})

	empty := mockapi.NewTestServer(t, "")
	empty.SetModels()
	unitTest(t, resource.TestStep{
		Config: providerBlock(empty, "") + `data "megallm_models" "none" {}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_models.none", tfjsonpath.New("empty_reason"),
				knownvalue.StringExact("The MegaLLM catalog from "+empty.URL()+"/models has no models at all, so "+
					"megallm_models lists none (and every megallm_model fails). Check that this is the catalog you meant.")),
			expectIDs("data.megallm_models.none"),
		},
	})
}
