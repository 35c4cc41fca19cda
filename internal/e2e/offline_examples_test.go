package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// TestExampleModuleTests runs `terraform test` in examples/modules/model-choice,
// offline against the catalog snapshot checked in beside its tests, as users
// test their own modules that use this provider.
func TestExampleModuleTests(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_8_0, "examples/modules/model-choice (provider functions)")
	ws := harness.ModuleWorkspace(t, "../../examples/modules/model-choice", nil)
	out, err := ws.Run("test", "-no-color")
	if err != nil {
		t.Fatalf("terraform test failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, "42 passed, 0 failed") {
		t.Errorf("want all 42 runs to pass:\n%s", out)
	}
}

// TestExampleModuleNamesEveryRequirement plans a configuration that calls
// examples/modules/model-choice, offline, and reads the errors a user gets
// when a requirement cannot be met or is misspelt, with candidates and
// without: every requirement reaches a check, and the error says which.
func TestExampleModuleNamesEveryRequirement(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_8_0, "examples/modules/model-choice (provider functions)")
	// 1000 million input and 200 million output tokens: gpt-4o costs 4500
	// and gpt-4o-mini 270 at list prices; the cheapest chat model,
	// meta-llama/llama-3.1-8b-instruct, 66.
	planModuleChoice(t, "catalog.json", []moduleChoicePlan{{
		name: "no candidate within max_workload_cost",
		vars: []string{`-var=candidates=["gpt-4o", "gpt-4o-mini"]`, `-var=require={ max_workload_cost = 25 }`},
		want: []string{
			"No candidate qualifies under require.max_workload_cost = 25: " +
				`- "gpt-4o" costs 4500 USD for the workload - "gpt-4o-mini" costs 270 USD for the workload ` +
				"Raise max_workload_cost, or add a candidate that qualifies.",
		},
	}, {
		name: "a candidate priced in another currency than the bound",
		vars: []string{`-var=candidates=["gpt-4o"]`, `-var=require={ max_workload_cost = 1000000 }`, `-var=currency=EUR`},
		want: []string{
			`- "gpt-4o" costs 4500 USD for the workload, a currency in which no bound in EUR is met: set currency = ` +
				`"USD" to bound it in USD`,
			`No candidate is priced in EUR: set currency to a candidate's, or add a candidate priced in EUR.`,
		},
	}, {
		name:   "a candidate passed over for max_workload_cost",
		vars:   []string{`-var=candidates=["gpt-4o", "gpt-4o-mini"]`, `-var=require={ max_workload_cost = 300 }`},
		passes: true,
		want: []string{
			`model_id = "gpt-4o-mini"`,
			`passed_over = [ + { + id = "gpt-4o" + workload_cost = 4500 }, ]`,
		},
	}, {
		name: "candidates over max_workload_cost or missing another requirement",
		vars: []string{`-var=candidates=["gpt-4o", "mistral-small-latest", "nonexistent"]`,
			`-var=require={ max_workload_cost = 400, supports_vision = true }`},
		want: []string{
			"No candidate qualifies under require.max_workload_cost = 400: " +
				`- "gpt-4o" costs 4500 USD for the workload ` +
				`- "mistral-small-latest" costs 320 USD for the workload but does not support vision ` +
				`- ` +
				`"nonexistent" cannot be used: it is not in the catalog, or the provider's policy does not allow it`,
		},
	}, {
		name: "a currency with white space around it",
		vars: []string{`-var=candidates=["gpt-4o"]`, `-var=require={ max_workload_cost = 100 }`, `-var=currency= usd`},
		want: []string{`- "gpt-4o" costs 4500 USD for the workload Raise max_workload_cost`},
	}, {
		name: "only candidates without a price under max_workload_cost",
		vars: []string{`-var=candidates=["meta-llama/llama-3.2-90b-vision-instruct"]`, `-var=require={ max_workload_cost = 1000 }`},
		want: []string{`has no price for the workload No candidate has the prices the workload needs: add one that has.`},
	}, {
		name: "a miscased candidate under max_workload_cost",
		vars: []string{`-var=candidates=["gpt-4o", "GPT-4o-mini"]`, `-var=require={ max_workload_cost = 300 }`},
		want: []string{`- "GPT-4o-mini" is not in the catalog, which has "gpt-4o-mini": ids are case-sensitive`,
			// the advice fits each reason: the id first, as megallm_model would fail on it next
			`Write each id as the catalog does. Raise max_workload_cost, or add a candidate that qualifies.`},
	}, {
		name: "a candidate under an empty or doubled vendor prefix, under max_workload_cost",
		vars: []string{`-var=candidates=["gpt-4o", "/gpt-4o-mini", "openai/openai/gpt-4.1"]`, `-var=require={ max_workload_cost = 300 }`},
		want: []string{`- "/gpt-4o-mini" is not in the catalog, which has "gpt-4o-mini", without the leading "/" - ` +
			`"openai/openai/gpt-4.1" is not in the catalog, which has "gpt-4.1", without the vendor prefix "openai/openai/" ` +
			`Write each id as the catalog does.`},
	}, {
		// As megallm_model words it: the catalog's id, in any letter case, under
		// its owner's vendor prefix, in any letter case; another vendor's is an
		// id the catalog lacks.
		name: "a candidate under its owner's vendor prefix, under max_workload_cost",
		vars: []string{`-var=candidates=["gpt-4o", "OpenAI/GPT-4o-mini", "anthropic/gpt-4.1"]`, `-var=require={ max_workload_cost = 300 }`},
		want: []string{`- "OpenAI/GPT-4o-mini" is not in the catalog, which has "gpt-4o-mini", without the vendor prefix ` +
			`"OpenAI/" - "anthropic/gpt-4.1" cannot be used: it is not in the catalog, or the provider's policy does not allow it`},
	}, {
		// A catalog id may hold a "/" itself: each "/" is tried, as megallm_model does.
		name: "a candidate under its owner's vendor prefix, of a catalog id with a slash, under max_workload_cost",
		vars: []string{`-var=candidates=["gpt-4o", "meta/meta-llama/llama-3.1-8b-instruct", "openai/meta-llama/llama-3.3-70b-instruct"]`,
			`-var=require={ max_workload_cost = 25 }`},
		want: []string{`- "meta/meta-llama/llama-3.1-8b-instruct" is not in the catalog, which has "meta-llama/llama-3.1-8b-instruct", ` +
			`without the vendor prefix "meta/" - "openai/meta-llama/llama-3.3-70b-instruct" cannot be used: it is not in the ` +
			`catalog, or the provider's policy does not allow it Write each id as the catalog does.`},
	}, {
		// The module's listings of the candidates use an id_regex of its own,
		// which its caller cannot act on: the error names each candidate.
		name:    "no candidate in the catalog",
		vars:    []string{`-var=candidates=["nonexistent"]`, `-var=require={}`},
		want:    []string{`"nonexistent" is not in the catalog`},
		notWant: []string{"id_regex"},
	}, {
		name:    "no candidate in the catalog in this letter case, under max_workload_cost",
		vars:    []string{`-var=candidates=["GPT-4o-mini"]`, `-var=require={ max_workload_cost = 300 }`},
		want:    []string{`"GPT-4o-mini" is not in the catalog, which has "gpt-4o-mini": ids are case-sensitive`},
		notWant: []string{"id_regex"},
	}, {
		name: "a candidate of another type",
		vars: []string{`-var=candidates=["gpt-4o-mini", "text-embedding-3-small"]`, `-var=require={}`},
		want: []string{`type is "chat", but candidates lists "text-embedding-3-small", a model of type "embedding": ` +
			`remove it from candidates, or set type to its type.`},
	}, {
		name: "a candidate with white space around it",
		vars: []string{`-var=candidates=["gpt-4o", "gpt-4o-mini "]`, `-var=require={ max_workload_cost = 300 }`},
		want: []string{`candidates has a null or blank id, or one with white space around it: write each id as the ` +
			`catalog lists it, such as "gpt-4o-mini", and leave out the ones a variable left null.`},
	}, {
		name: "a negative token count, with candidates",
		vars: []string{`-var=candidates=["gpt-4o"]`, `-var=workload={ input_tokens = -1e9, output_tokens = 2e8 }`},
		want: []string{`workload.input_tokens is negative: a token count is 0 or more. Write how many tokens the ` +
			`workload has, 0 for none.`},
	}, {
		// Where no data source reads workload (candidates, no max_workload_cost),
		// as where one does: the module refuses it as the provider words it.
		name: "a workload attribute it does not take, with candidates",
		vars: []string{`-var=candidates=["gpt-4o"]`,
			`-var=workload={ input_tokens = 1e9, output_tokens = 2e8, cached_input_tokens = 5e9 }`},
		want: []string{`workload has no attribute "cached_input_tokens". Its attributes are "input_tokens" and ` +
			`"output_tokens".`},
	}, {
		name: "a workload attribute it does not take",
		vars: []string{`-var=workload={ input_tokens = 1e9, output_tokens = 2e8, cached_input_tokens = 5e9 }`,
			`-var=require={ max_workload_cost = 100 }`},
		want: []string{`workload has no attribute "cached_input_tokens". Its attributes are "input_tokens" and ` +
			`"output_tokens".`},
	}, {
		// A misspelt count is that error alone: setting the count to 0, as the
		// error for a missing one advises, would price no tokens.
		name: "a misspelt token count, with candidates",
		vars: []string{`-var=candidates=["gpt-4o"]`, `-var=workload={ input_token = 1e9, output_tokens = 2e8 }`},
		want: []string{`workload has no attribute "input_token". Its attributes are "input_tokens" and ` +
			`"output_tokens".`},
		notWant: []string{"to 0"},
	}, {
		name: "many workload attributes it does not take, one over-long, with candidates",
		vars: []string{`-var=candidates=["gpt-4o"]`, `-var=workload={ input_tokens = 1e9, output_tokens = 2e8, ` +
			`a01 = 1, a02 = 1, a03 = 1, a04 = 1, a05 = 1, a06 = 1, a07 = 1, a08 = 1, a09 = 1, a10 = 1, a11 = 1, ` +
			strings.Repeat("w", 200) + ` = 1 }`},
		want: []string{`workload has no attribute "a10". workload has 2 more attributes it does not take. Its attributes ` +
			`are "input_tokens" and "output_tokens".`},
		notWant: []string{`"a11"`, strings.Repeat("w", 65)},
	}, {
		name: "an over-long workload attribute it does not take, with candidates",
		vars: []string{`-var=candidates=["gpt-4o"]`,
			`-var=workload={ input_tokens = 1e9, output_tokens = 2e8, ` + strings.Repeat("w", 200) + ` = 1 }`},
		want:    []string{`workload has no attribute "` + strings.Repeat("w", 64) + `"… (200 characters).`},
		notWant: []string{strings.Repeat("w", 65)},
	}, {
		name: "a token count that is no number, with candidates",
		vars: []string{`-var=candidates=["gpt-4o"]`, `-var=workload={ input_tokens = "many", output_tokens = 2e8 }`},
		want: []string{`workload.input_tokens is no number: write how many tokens the workload has as a number, such as ` +
			`1.2e9.`},
	}, {
		name: "a type no model has, without requirements",
		vars: []string{`-var=type=rerank`, `-var=require={}`},
		want: []string{`No MegaLLM model of type "rerank" can be used: check type (a type that no model has warns, with ` +
			`the catalog's types) and the provider's policy, which may allow no model of it.`},
	}, {
		name: "a type in another letter case",
		vars: []string{`-var=type=Chat`, `-var=require={}`},
		want: []string{`Error: Type in the wrong letter case`, `has type "Chat", so megallm_models would list none. Types are ` +
			`case-sensitive. Did you mean "chat"? The catalog's types are "chat" and "embedding".`},
	}, {
		name: "an over-long type, without requirements",
		vars: []string{"-var=type=" + strings.Repeat("t", 200), `-var=require={}`},
		want: []string{`No MegaLLM model of type "` + strings.Repeat("t", 64) + `"… (200 characters) can be used`},
		// The module's words for it are bounded as the provider's are.
		notWant: []string{strings.Repeat("t", 65)},
	}, {
		name:    "an over-long type",
		vars:    []string{"-var=type=" + strings.Repeat("t", 200), `-var=require={ supports_vision = true }`},
		want:    []string{`No MegaLLM "` + strings.Repeat("t", 64) + `"… (200 characters) model meets the requirements`},
		notWant: []string{strings.Repeat("t", 65)},
	}, {
		name:    "an over-long candidate under max_workload_cost",
		vars:    []string{`-var=candidates=["gpt-4o", "` + strings.Repeat("m", 500) + `"]`, `-var=require={ max_workload_cost = 25 }`},
		want:    []string{`- "` + strings.Repeat("m", 64) + `"… (500 characters) cannot be used: it is not in the catalog`},
		notWant: []string{strings.Repeat("m", 65)},
	}, {
		name: "no model within max_workload_cost",
		vars: []string{`-var=require={ max_workload_cost = 50 }`},
		want: []string{
			`No MegaLLM chat model meets the requirements: require.max_workload_cost = 50 leaves none. The cheapest, ` +
				`"meta-llama/llama-3.1-8b-instruct", costs 66 USD for the workload. Raise max_workload_cost.`,
		},
	}, {
		name: "no model within max_workload_cost and the other requirements",
		vars: []string{`-var=require={ max_workload_cost = 100, supports_vision = true }`},
		want: []string{
			`No MegaLLM chat model meets the requirements: require.max_workload_cost = 100 leaves none. The cheapest ` +
				`that meets the others, "gemini-2.0-flash", costs 180 USD for the workload. Raise max_workload_cost, or ` +
				`relax the others.`,
		},
	}, {
		name: "max_workload_cost without a workload, with candidates",
		vars: []string{`-var=candidates=["gpt-4o"]`, `-var=require={ max_workload_cost = 50 }`, `-var=workload=null`},
		want: []string{"require.max_workload_cost bounds the cost of a workload, and none is set."},
	}, {
		name: "max_workload_cost without a workload",
		vars: []string{`-var=require={ max_workload_cost = 50 }`, `-var=workload=null`},
		want: []string{"require.max_workload_cost bounds the cost of a workload, and none is set."},
	}, {
		name: "a misspelt requirement, with candidates",
		vars: []string{`-var=candidates=["gpt-4o-mini"]`, `-var=require={ supports_vison = true }`},
		want: []string{`require has no attribute "supports_vison". Did you mean "supports_vision"?`},
	}, {
		name: "a map(string) require, with candidates",
		vars: []string{`-var=candidates=["gpt-4o-mini"]`, `-var=require_strings={ supports_vision = true }`},
		want: []string{`require.supports_vision must be a bool, got a string "true": require is a map of strings, in ` +
			`which true is "true" and 128000 is "128000". Declare the variable it comes from as type = any, not ` +
			`map(string)`},
	}, {
		name: "a map(string) require with max_workload_cost, with candidates",
		vars: []string{`-var=candidates=["gpt-4o-mini"]`, `-var=require_strings={ supports_vision = true, max_workload_cost = 300 }`},
		want: []string{`require.max_workload_cost must be a number, got a string "300": require is a map of strings, in ` +
			`which true is "true" and 128000 is "128000". Declare the variable it comes from as type = any, not ` +
			`map(string)`},
		// The advice for a caller's own object, which cannot change the type of
		// the module's require.
		notWant: []string{"type it"},
	}, {
		name:    "a map(string) require with only max_workload_cost, with candidates",
		vars:    []string{`-var=candidates=["gpt-4o-mini"]`, `-var=require_strings={ max_workload_cost = 300 }`},
		want:    []string{`require is a map of strings`},
		notWant: []string{"type it"},
	}, {
		// require = any keeps the caller's object, which can drop the quotes.
		name:    "a quoted max_workload_cost, with candidates",
		vars:    []string{`-var=candidates=["gpt-4o-mini"]`, `-var=require={ supports_vision = true, max_workload_cost = "300" }`},
		want:    []string{`require.max_workload_cost must be a number, got a string "300": write it without quotes, as 300`},
		notWant: []string{"map of strings"},
	}, {
		name:    "a map(string) require with max_workload_cost",
		vars:    []string{`-var=require_strings={ supports_vision = true, max_workload_cost = 300 }`},
		want:    []string{`require is a map of strings`},
		notWant: []string{"type it"},
	}, {
		name: "a misspelt requirement",
		vars: []string{`-var=require={ supports_vison = true }`},
		want: []string{`require has no attribute "supports_vison". Did you mean "supports_vision"?`},
	}})
}

// TestExampleModuleCandidatesWithoutAType plans examples/modules/model-choice
// against its tests' catalog in which acme-mini reports no type, and reads
// what a user gets: with candidates, such a candidate is passed over as
// megallm_models leaves it out without them, never chosen unchecked.
func TestExampleModuleCandidatesWithoutAType(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_8_0, "examples/modules/model-choice (provider functions)")
	planModuleChoice(t, "catalog-untyped.json", []moduleChoicePlan{{
		name:   "without candidates",
		passes: true,
		want:   []string{`model_id = "gpt-4o-mini"`},
	}, {
		name:   "a candidate without a type before one that qualifies",
		vars:   []string{`-var=candidates=["acme-mini", "gpt-4o-mini"]`},
		passes: true,
		want: []string{
			`model_id = "gpt-4o-mini"`,
			`Passed over "acme-mini": the catalog gives no type for it, so it is not known to be a model of type ` +
				`"chat". Set type = null to accept models of any type, those the catalog gives no type for included.`,
		},
	}, {
		name: "only a candidate without a type",
		vars: []string{`-var=candidates=["acme-mini"]`},
		want: []string{
			`No candidate qualifies as a model of type "chat": ` +
				`- "acme-mini" has no type in the catalog, so it is not known to be a model of type "chat" ` +
				`Add a candidate of type "chat" that qualifies, or set type = null to accept models of any type, ` +
				`those the catalog gives no type for included.`,
		},
	}, {
		name: "a candidate without a type and one that misses a requirement",
		vars: []string{`-var=candidates=["acme-mini", "gpt-4o-mini", "nonexistent"]`, `-var=require={ max_input_cost_per_million = 0.1 }`},
		want: []string{
			`No candidate qualifies as a model of type "chat": ` +
				`- "acme-mini" has no type in the catalog, so it is not known to be a model of type "chat" ` +
				`- "gpt-4o-mini" does not meet require: input_tokens_cost_per_million 0.15 > allowed 0.1 ` +
				`- "nonexistent" cannot be used: it is not in the catalog, or the provider's policy does not allow it`,
		},
	}, {
		name:   "candidates without a type, one over max_workload_cost, before one that qualifies",
		vars:   []string{`-var=candidates=["acme-max", "acme-mini", "gpt-4o-mini"]`, `-var=require={ max_workload_cost = 300 }`},
		passes: true,
		want: []string{
			`model_id = "gpt-4o-mini"`,
			`passed_over = []`,
			`Passed over "acme-max", "acme-mini": the catalog gives no type for them, so they are not known to be models of type ` +
				`"chat". Set type = null to accept models of any type, those the catalog gives no type for included. ` +
				`That alone does not accept a candidate over require.max_workload_cost = 300: "acme-max" costs 18000 ` +
				`USD for the workload.`,
		},
	}, {
		name: "a candidate without a type and one over max_workload_cost",
		vars: []string{`-var=candidates=["acme-mini", "gpt-4o"]`, `-var=require={ max_workload_cost = 100 }`},
		want: []string{
			`No candidate qualifies under require.max_workload_cost = 100: ` +
				`- "acme-mini" has no type in the catalog, so it is not known to be a model of type "chat" ` +
				`- "gpt-4o" costs 4500 USD for the workload ` +
				`Raise max_workload_cost, or add a candidate that qualifies. To accept a candidate the catalog gives ` +
				`no type for, set type = null (models of any type).`,
		},
	}})
}

// moduleChoicePlan is a plan of examples/modules/model-choice with vars, and
// what it must and must not say.
type moduleChoicePlan struct {
	name   string
	vars   []string
	passes bool
	want   []string
	// Words the plan must not say: a warning about the module's internals.
	notWant []string
}

// planModuleChoice plans a configuration that calls
// examples/modules/model-choice, offline against catalog (a file of its
// tests), with each of plans' vars, and checks what each says.
func planModuleChoice(t *testing.T, catalog string, plans []moduleChoicePlan) {
	t.Helper()
	module, err := filepath.Abs("../../examples/modules/model-choice")
	if err != nil {
		t.Fatal(err)
	}
	ws := harness.Workspace(t, fmt.Sprintf(`
provider "megallm" {
  catalog_file = %q
}
variable "candidates" {
  type    = list(string)
  default = null
}
variable "require" {
  type    = any
  default = {}
}
# require as a caller's map(string) variable types it.
variable "require_strings" {
  type    = map(string)
  default = null
}
variable "workload" {
  type    = any
  default = { input_tokens = 1e9, output_tokens = 2e8 }
}
variable "currency" {
  type    = string
  default = "USD"
}
variable "type" {
  type    = string
  default = "chat"
}
module "choice" {
  source     = %q
  type       = var.type
  candidates = var.candidates
  # A tuple's element keeps its type: a conditional would convert require.
  require    = [var.require, var.require_strings][var.require_strings == null ? 0 : 1]
  workload   = var.workload
  currency   = var.currency
}
output "model_id" { value = module.choice.model_id }
output "passed_over" { value = module.choice.passed_over }
`, filepath.Join(module, "tests", catalog), module), nil)
	if out, err := ws.Run("get", "-no-color"); err != nil {
		t.Fatalf("terraform get failed: %v\n%s", err, out)
	}
	for _, tc := range plans {
		out, err := ws.Run(append([]string{"plan", "-input=false", "-no-color"}, tc.vars...)...)
		if passed := err == nil; passed != tc.passes {
			t.Errorf("%s: the plan passed is %t, want %t:\n%s", tc.name, passed, tc.passes, out)
			continue
		}
		flat := strings.Join(strings.Fields(out), " ")
		for _, want := range tc.want {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: the plan does not say %q:\n%s", tc.name, want, out)
			}
		}
		for _, notWant := range tc.notWant {
			if strings.Contains(flat, notWant) {
				t.Errorf("%s: the plan says %q:\n%s", tc.name, notWant, out)
			}
		}
	}
}

// TestDemoWithoutAServer plans the make demo configuration from a catalog
// snapshot alone: no API, no mock, no key.
func TestDemoWithoutAServer(t *testing.T) {
	t.Parallel()
	// Terraform 1.1 and older take no reference into a nested attribute.
	harness.SkipBelow(t, tfversion.Version1_2_0, "examples/demo's pricing.input_tokens_cost_per_million")
	snapshot, err := filepath.Abs("../../examples/modules/model-choice/tests/catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	ws := harness.ModuleWorkspace(t, "../../examples/demo", map[string]string{
		"MEGALLM_CATALOG_FILE": snapshot,
		// Nothing listens here: a request would fail the plan.
		"MEGALLM_BASE_URL": "http://127.0.0.1:9/v1",
	})
	out, err := ws.Run("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("terraform plan from the snapshot failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, `cheapest_vision_128k = "gemini-2.0-flash"`) {
		t.Errorf("the plan does not show the cheapest vision model chosen from the snapshot:\n%s", out)
	}
}
