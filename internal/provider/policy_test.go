package provider

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// day is the date (UTC) offset days from testNow, the provider's today, as a
// policy writes it.
func day(offset int) string {
	return testNow.AddDate(0, 0, offset).Format(time.DateOnly)
}

// policyProvider configures the provider against the mock with a policy
// (HCL), followed by config.
func policyProvider(server *mockapi.Server, policy, config string) string {
	return providerBlock(server, "policy = "+policy) + config
}

// lifecyclePolicy deprecates gpt-3.5-turbo (retiring in 45 days, successor
// gpt-4o), retires o3-mini, denies gpt-4.1 and allows only two owners.
func lifecyclePolicy() string {
	return fmt.Sprintf(`{
    allowed_owners = ["openai", "anthropic"]
    models = {
      "gpt-3.5-turbo" = {
        deprecated_at = %q
        retires_at    = %q
        successor     = "gpt-4o"
        reason        = "Superseded by gpt-4o"
      }
      "o3-mini" = { retires_at = %q, successor = "gpt-4o-mini", reason = "Vendor shut it down" }
      "gpt-4.1" = { denied = true, reason = "Not approved for production" }
    }
  }`, day(-10), day(45), day(-1))
}

// TestPolicy_blockWithoutPolicyServedOnItsOwn: the block of allWithoutPolicy
// reads without the policy block's policy, and that block with it, whichever
// Terraform configures last, as when Terraform runs each block in a process
// of its own; a server both blocks shared would keep the last configuration.
func TestPolicy_blockWithoutPolicyServedOnItsOwn(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"x"}`), json.RawMessage(`{"id":"y"}`))
	checks := []statecheck.StateCheck{expectIDs("data.megallm_models.all", "x", "y"), expectIDs("data.megallm_models.denying", "y")}
	unitTest(t, resource.TestStep{ // the policy block configured last, then a read under the other
		Config: allWithoutPolicy(server) + policyProvider(server,
			`{ models = { (one([for id in data.megallm_models.all.ids : id if id == "x"])) = { denied = true } } }`, `
data "megallm_models" "denying" {}
data "megallm_models" "after" {
  provider        = megallmplain
  include_retired = length(data.megallm_models.denying.ids) < 0
}`),
		ConfigStateChecks: append(checks, expectIDs("data.megallm_models.after", "x", "y")),
	}, resource.TestStep{ // the block without policy configured last, then a read under the policy block
		Config: policyProvider(server, `{ models = { "x" = { denied = true } } }`, `data "megallm_models" "first" {}`) +
			namedProviderBlock("megallmplain", server, `policy = length(data.megallm_models.first.ids) > 0 ? null : null`) + `
data "megallm_models" "all" { provider = megallmplain }
data "megallm_models" "denying" { include_retired = length(data.megallm_models.all.ids) < 0 }`,
		ConfigStateChecks: checks,
	}, resource.TestStep{ // the destroy after it reads no block's policy from a data source (allWithoutPolicy)
		Config:            allWithoutPolicy(server) + policyProvider(server, `{ models = { "x" = { denied = true } } }`, `data "megallm_models" "denying" {}`),
		ConfigStateChecks: checks,
	})
}

func TestPolicy_deprecatedModelPlansWithLifecycle(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const address = "data.megallm_model.old"
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, lifecyclePolicy(), `
data "megallm_model" "old" { id = "gpt-3.5-turbo" }
data "megallm_model" "current" { id = "gpt-4o" }`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(address, tfjsonpath.New("model_lifecycle"), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"status":                   knownvalue.StringExact("deprecated"),
				"deprecated_at":            knownvalue.StringExact(day(-10) + "T00:00:00Z"),
				"retires_at":               knownvalue.StringExact(day(45) + "T00:00:00Z"),
				"successor":                knownvalue.StringExact("gpt-4o"),
				"days_to_retirement":       knownvalue.Int64Exact(45),
				"deprecated_at_unreadable": knownvalue.Bool(false),
				"retires_at_unreadable":    knownvalue.Bool(false),
			})),
			// A model the policy does not mention has no known lifecycle.
			statecheck.ExpectKnownValue("data.megallm_model.current", tfjsonpath.New("model_lifecycle").AtMapKey("status"), knownvalue.Null()),
		},
	})
}

func TestPolicy_retiredModelFailsWithSuccessor(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, lifecyclePolicy(), `data "megallm_model" "m" { id = "o3-mini" }`),
		ExpectError: expectError(fmt.Sprintf(`Error: Retired MegaLLM model .* Model "o3-mini" was retired on %s: `+
			`Vendor shut it down \(successor "gpt-4o-mini"\)\. Replace it with its successor: set id = "gpt-4o-mini"\. `+
			`To keep planning through the next retirement without an edit, set candidates instead of id: the `+
			`replacement first, then a model to fall back to\. Leave the retired model out, or every plan warns `+
			`that it was passed over\.`, day(-1))),
	})
}

// A successor that misses the data source's require is not advised, as
// following the advice would fail the plan.
func TestPolicy_retiredModelWithASuccessorThatMissesRequire(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, lifecyclePolicy(), `data "megallm_model" "m" {
  id      = "o3-mini"
  require = { min_context_length = 200000 }
}`),
		ExpectError: expectError(`Model "o3-mini" was retired on .*: Vendor shut it down \(successor "gpt-4o-mini", which does not ` +
			`meet this data source's require\)\.`),
	})
}

func TestPolicy_refusedModels(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(id, words string) resource.TestStep {
		return resource.TestStep{
			Config:      policyProvider(server, lifecyclePolicy(), fmt.Sprintf(`data "megallm_model" "m" { id = %q }`, id)),
			ExpectError: expectError(`Error: Model not allowed by the policy .* ` + words),
		}
	}
	unitTest(t,
		step("gpt-4.1", `Model "gpt-4.1" is denied by the policy: Not approved for production\.`),
		step("mistral-large-latest", `Model "mistral-large-latest" is owned by "mistral", and the policy allows only `+
			`models owned by "openai" or "anthropic"\.`),
	)
}

func TestPolicy_modelsLeavesOutRefusedAndRetired(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, lifecyclePolicy(), `
data "megallm_models" "openai" { owned_by = ["openai"] }
data "megallm_models" "with_retired" {
  owned_by        = ["openai"]
  include_retired = true
}
data "megallm_models" "mistral" { owned_by = ["mistral"] }`),
		ConfigStateChecks: []statecheck.StateCheck{
			// gpt-4.1 is denied and o3-mini retired; the deprecated gpt-3.5-turbo stays.
			expectIDs("data.megallm_models.openai", "gpt-3.5-turbo", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini",
				"text-embedding-3-large", "text-embedding-3-small"),
			expectIDs("data.megallm_models.with_retired", "gpt-3.5-turbo", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini",
				"o3-mini", "text-embedding-3-large", "text-embedding-3-small"),
			expectIDs("data.megallm_models.mistral"),
		},
	})
}

// A negotiated price replaces the list price in the attributes, the sort,
// the requirements and estimate_cost: gpt-4o lists at 2.5 per million input
// tokens, the organisation pays 0.01, less than any other model.
func TestPolicy_negotiatedPrice(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := `{
    models = {
      "gpt-4o" = { pricing = { input_tokens_cost_per_million = 0.01, output_tokens_cost_per_million = 8, currency = "USD" } }
    }
  }`
	functionsTest(t, resource.TestStep{
		Config: policyProvider(server, policy, `
data "megallm_models" "cheapest" {
  type    = "chat"
  sort_by = "input_cost"
  limit   = 2
}
data "megallm_model" "negotiated" {
  id      = "gpt-4o"
  require = { max_input_cost_per_million = 0.02 }
}
output "cost" {
  value = provider::megallm::estimate_cost(data.megallm_model.negotiated, 1000000, 1000000)
}
output "listed_cost" {
  value = provider::megallm::estimate_cost(data.megallm_models.cheapest.models[0], 1000000, 0)
}`),
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.cheapest", "gpt-4o", "meta-llama/llama-3.1-8b-instruct"),
			statecheck.ExpectKnownValue("data.megallm_model.negotiated", tfjsonpath.New("pricing"), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"input_tokens_cost_per_million":  knownvalue.Float64Exact(0.01),
				"output_tokens_cost_per_million": knownvalue.Float64Exact(8),
				"currency":                       knownvalue.StringExact("USD"),
			})),
			statecheck.ExpectKnownOutputValue("cost", knownvalue.Float64Exact(8.01)),
			statecheck.ExpectKnownOutputValue("listed_cost", knownvalue.Float64Exact(0.01)),
		},
	})
}

func TestPolicy_candidates(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const address = "data.megallm_model.chosen"
	unitTest(t,
		resource.TestStep{
			Config: policyProvider(server, lifecyclePolicy(), `
data "megallm_model" "chosen" {
  candidates = ["gpt-5-turbo", "o3-mini", "gpt-4.1", "gpt-4o-mini", "gpt-4o", "claude-3-5-haiku-20241022"]
  require    = { supports_vision = true, min_context_length = 128000 }
}
data "megallm_model" "first" { candidates = ["gpt-4o"] }
variable "fallbacks" {
  type    = list(string)
  default = ["o3-mini", "gpt-4o"]
}
data "megallm_model" "from_variable" { candidates = var.fallbacks }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(address, tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o-mini")),
				statecheck.ExpectKnownValue(address, tfjsonpath.New("display_name"), knownvalue.StringExact("GPT-4o mini")),
				statecheck.ExpectKnownValue(address, tfjsonpath.New("candidates"), knownvalue.ListSizeExact(6)),
				statecheck.ExpectKnownValue("data.megallm_model.first", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o")),
				statecheck.ExpectKnownValue("data.megallm_model.from_variable", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o")),
			},
		},
		resource.TestStep{
			Config: policyProvider(server, lifecyclePolicy(), `
data "megallm_model" "chosen" {
  candidates = ["gpt-5-turbo", "o3-mini", "gpt-4.1", "mistral-large-latest", "gpt-3.5-turbo"]
  require    = { min_context_length = 100000 }
}`),
			ExpectError: expectError(fmt.Sprintf(`Error: No candidate model qualifies .* None of the 5 candidates can be used: `+
				`- "gpt-5-turbo" is not in the catalog \(did you mean .*\) `+
				`- "o3-mini" was retired on %s: Vendor shut it down \(successor "gpt-4o-mini"\) `+
				`- "gpt-4.1" is denied by the policy: Not approved for production `+
				`- "mistral-large-latest" is owned by "mistral", and the policy allows only models owned by "openai" or "anthropic" `+
				`- "gpt-3.5-turbo" does not meet require: context_length 16385 < required 100000 `+
				`Add a candidate that qualifies, or relax require\.`, day(-1))),
		},
	)
}

func TestPolicy_idOrCandidates(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(config, words string) resource.TestStep { return configErrorStep(server, config, words) }
	unitTest(t,
		step(`data "megallm_model" "m" {
  id         = "gpt-4o"
  candidates = ["gpt-4o-mini"]
}`, `Error: Both id and candidates are set .* Set either id, to read that model, or candidates, to read the `+
			`first of them that can be used, not both\.`),
		step(`data "megallm_model" "m" {}`, `Error: Missing model id .* Set id to the model to read, such as id = "gpt-4o-mini", `+
			`or candidates to the models to choose from in order of preference`),
		// A variable that is null counts as not set.
		step(`variable "id" {
  type    = string
  default = null
}
data "megallm_model" "m" { id = var.id }`, `Error: Missing model id`),
		step(`data "megallm_model" "m" { candidates = [] }`, `Error: Invalid candidates .* candidates is empty: list at least one model id`),
		step(`data "megallm_model" "m" { candidates = ["gpt-4o", "gpt-4o-mini", "gpt-4o"] }`,
			`candidates lists "gpt-4o" twice \(candidates\[0\] and candidates\[2\]\): list each model once`),
		// One line per id, with its count, not "twice" for each repeat.
		step(`data "megallm_model" "m" { candidates = ["gpt-4o", "gpt-4.1", "gpt-4o", "gpt-4o"] }`,
			`Error: Invalid candidates .* candidates lists "gpt-4o" 3 times \(candidates\[0\], candidates\[2\] and `+
				`candidates\[3\]\): list each model once\.\s*$`),
		step(`data "megallm_model" "m" { candidates = ["gpt-4o", " "] }`, `candidates\[1\] is " ", which is no model id: remove it`),
		step(`data "megallm_model" "m" { candidates = ["gpt-4o", 4] }`, `candidates\[1\] must be a string, got a number`),
		// A list of one id where an id goes, as candidates = [var.fallbacks] gives: its one id is what to write.
		step(`data "megallm_model" "m" { candidates = ["gpt-4o", ["gpt-4.1"]] }`,
			`candidates\[1\] must be a string, got a list: write its one value alone, not in a list\.\s*$`),
		// A list of several, as candidates = ["gpt-4o", var.fallbacks] gives: flatten() lists them in its place.
		step(`data "megallm_model" "m" { candidates = ["gpt-4o", ["gpt-4.1", "gpt-4o-mini"]] }`,
			`candidates\[1\] must be a string, got a list: wrap the list that holds it in flatten\(\), which puts its `+
				`elements in its place\.\s*$`),
		step(`variable "fallback" {
  type    = string
  default = null
}
data "megallm_model" "m" { candidates = ["gpt-4o", var.fallback] }`,
			`candidates\[1\] is null, which is no model id: remove it, make the variable, attribute or expression it comes from give a value`),
		// Every element's mistake at once, as require's and policy's, from a literal or a variable typed any.
		step(`data "megallm_model" "m" { candidates = [1, "gpt-4o", true] }`,
			`candidates\[0\] must be a string, got a number\.\s+candidates\[2\] must be a string, got a bool\.\s*$`),
		step(`variable "c" {
  type    = any
  default = [1, " gpt-4o", "", "gpt-4o-mini", "gpt-4o-mini"]
}
data "megallm_model" "m" { candidates = var.c }`, `candidates\[0\] must be a string, got a number\.\s+`+
			`candidates\[1\] is " gpt-4o", with white space around it, which no model id has: write the model id as the catalog does\.\s+`+
			`candidates\[2\] is "", which is no model id: remove it\.\s+`+
			`candidates lists "gpt-4o-mini" twice \(candidates\[3\] and candidates\[4\]\): list each model once\.\s*$`),
		step(`data "megallm_model" "m" { candidates = "gpt-4o" }`, `candidates must be a list of strings, got a string: write it as \["gpt-4o"\]`),
		step(`data "megallm_model" "m" { candidates = "gpt-4o, gpt-4o-mini" }`,
			`candidates must be a list of strings, got a string: write it as \["gpt-4o", "gpt-4o-mini"\]`),
		// More ids than a message lists: what to write, as a list cut short could not be copied.
		step(`data "megallm_model" "m" { candidates = "a b c d e f g h i j k l" }`, `candidates must be a list of strings, `+
			`got a string: write it as a list of its 12 ids, each in quotes of its own: \["\.\.\.", "\.\.\.", \.\.\.\]\.\s*$`),
		// Commas name no id, and prose in brackets is no list as text: neither fix would read it.
		step(`data "megallm_model" "m" { candidates = " , " }`,
			`candidates must be a list of strings such as \["gpt-4o", "gpt-4o-mini"\], got a string\.?\s*$`),
		step(`data "megallm_model" "m" { candidates = "[beta] gpt-4o" }`,
			`candidates must be a list of strings, got a string: write it as \["beta", "gpt-4o"\]`),
		// -var 'c=[gpt-4o, gpt-4o-mini]', its ids without quotes: the ids, without brackets or quotes.
		step(`data "megallm_model" "m" { candidates = "[gpt-4o, 'gpt-4o-mini']" }`,
			`candidates must be a list of strings, got a string: write it as \["gpt-4o", "gpt-4o-mini"\]`),
		// -var 'c=["gpt-4o"]' gives a variable without a type this string: its advice is the variable's type.
		step(`variable "c" { default = "[\"gpt-4o\", \"gpt-4o-mini\"]" }
data "megallm_model" "m" { candidates = var.c }`, `candidates must be a list of strings such as \["gpt-4o", "gpt-4o-mini"\], got a string\s+`+
			`"\[\\"gpt-4o\\", \\"gpt-4o-mini\\"\]", a value written as text, as file\(\) reads it and -var or TF_VAR_\s+pass\s+`+
			`it\s+to\s+a\s+variable\s+declared\s+without\s+a\s+type:\s+decode\s+it\s+with\s+jsondecode\(\),\s+or\s+declare\s+the\s+`+
			`variable\s+with\s+type\s+=\s+any`),
		step(`data "megallm_model" "m" { candidates = toset(["gpt-4o", "gpt-4o-mini"]) }`,
			`candidates is a set, which has no order: write the ids as a list in order of preference`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid id/candidates sent %d requests, want 0", n)
	}
}

// A null list, as a variable typed list(string) left null, an optional()
// attribute or a conditional gives, is no candidates; at validate, where every
// variable is unknown, it may be null yet.
func TestPolicy_candidatesTypedNull(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	variable := `variable "fallbacks" {
  type    = list(string)
  default = null
}
`
	unitTest(t,
		resource.TestStep{
			Config: providerBlock(server, "") + variable + `data "megallm_model" "m" {
  id         = "gpt-4o"
  candidates = var.fallbacks
}
data "megallm_model" "n" {
  id         = "gpt-4o-mini"
  candidates = true ? null : ["gpt-4o"]
}
variable "roles" {
  type = list(object({ id = optional(string), candidates = optional(list(string)) }))
  default = [{ candidates = ["gpt-4.1", "gpt-4o-mini"] }, { id = "text-embedding-3-small" }]
}
data "megallm_model" "role" {
  count      = length(var.roles)
  id         = var.roles[count.index].id
  candidates = var.roles[count.index].candidates
}
output "roles" { value = data.megallm_model.role[*].id }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o")),
				statecheck.ExpectKnownValue("data.megallm_model.n", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o-mini")),
				statecheck.ExpectKnownOutputValue("roles", knownIDs("gpt-4.1", "text-embedding-3-small")),
			},
		},
		configErrorStep(server, variable+`data "megallm_model" "m" { candidates = var.fallbacks }`,
			`Error: Missing model id .* Set id to the model to read, such as id = "gpt-4o-mini", or candidates to the `+
				`models to choose from in order of preference, such as candidates = \["gpt-4o", "gpt-4o-mini"\]\.\s*$`),
	)
}

func TestPolicy_lifecycleRequirements(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := fmt.Sprintf(`{
    models = {
      "gpt-3.5-turbo" = { deprecated_at = %q, retires_at = %q, successor = "gpt-4o" }
      "gpt-4o-mini"   = { retires_at = %q }
    }
  }`, day(-10), day(45), day(30))
	unitTest(t,
		resource.TestStep{
			Config: policyProvider(server, policy, `
data "megallm_models" "lasting" {
  owned_by = ["openai"]
  type     = "chat"
  require  = { not_deprecated = true, min_days_to_retirement = 31 }
}
data "megallm_model" "until_30" {
  id      = "gpt-4o-mini"
  require = { not_deprecated = true, min_days_to_retirement = 30 }
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectIDs("data.megallm_models.lasting", "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "o3-mini"),
				statecheck.ExpectKnownValue("data.megallm_model.until_30", tfjsonpath.New("model_lifecycle").AtMapKey("status"), knownvalue.StringExact("active")),
			},
		},
		resource.TestStep{
			Config: policyProvider(server, policy, `
data "megallm_model" "m" {
  id      = "gpt-3.5-turbo"
  require = { not_deprecated = true, min_days_to_retirement = 90 }
}`),
			ExpectError: expectError(fmt.Sprintf(`Model "gpt-3.5-turbo" does not meet 2 requirements: `+
				`- model_lifecycle.status is deprecated since %s \(successor "gpt-4o"\) `+
				`- model_lifecycle.days_to_retirement 45 < required 90 \(retires_at %s\)`, day(-10), day(45))),
		},
	)
}

func TestPolicy_typosAndBadValuesAreErrors(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(policy, words string) resource.TestStep {
		return resource.TestStep{
			Config:      policyProvider(server, policy, `data "megallm_model" "m" { id = "gpt-4o" }`),
			ExpectError: expectError(`Error: Invalid policy .* ` + words),
		}
	}
	unitTest(t,
		step(`{ allowed_owner = ["openai"] }`, `policy has no attribute "allowed_owner"\. Did you mean "allowed_owners"\? `+
			`Its attributes are "allowed_owners", "models" and "retirement_notice_days"\.`),
		step(`{ models = { "gpt-4o" = { retire_at = "2026-06-30" } } }`, `policy\.models\["gpt-4o"\] has no attribute `+
			`"retire_at"\. Did you mean "retires_at"\?`),
		step(`{ models = { "gpt-4o" = { pricing = { input_cost = 1 } } } }`, `policy\.models\["gpt-4o"\]\.pricing has no `+
			`attribute "input_cost"`),
		step(`{ models = { "gpt-4o" = { retires_at = "2026-13-01" } } }`, `policy\.models\["gpt-4o"\]\.retires_at is `+
			`"2026-13-01", which is not a date\. Use an RFC 3339 date-time such as "2025-01-31T12:00:00Z" or a date `+
			`such as "2025-01-31" \(midnight UTC\)`),
		step(`{ models = { "gpt-4o" = { deprecated_at = "2026-07-01", retires_at = "2026-06-30" } } }`,
			`policy\.models\["gpt-4o"\]\.deprecated_at \(2026-07-01\) is after retires_at \(2026-06-30\)`),
		// The later instant written in another offset reads as the earlier date.
		step(`{ models = { "gpt-4o" = { deprecated_at = "2026-06-29T23:30:00-05:00", retires_at = "2026-06-30" } } }`,
			`policy\.models\["gpt-4o"\]\.deprecated_at `+
				`\(2026-06-29T23:30:00-05:00, 2026-06-30T04:30:00Z in UTC\) is after retires_at \(2026-06-30\): a model is deprecated before it retires`),
		// Apart by a fraction of a second: shown with it, not as the same second twice.
		step(`{ models = { "gpt-4o" = { deprecated_at = "2026-06-30T12:00:00.9Z", retires_at = "2026-06-30T12:00:00.1Z" } } }`,
			`policy\.models\["gpt-4o"\]\.deprecated_at \(2026-06-30T12:00:00\.9Z\) is after retires_at \(2026-06-30T12:00:00\.1Z\)`),
		step(`{ allowed_owners = [] }`, `policy\.allowed_owners is empty, which allows no model at all`),
		// A date's mistake, of two sentences, ends with a period, so that it ends before the next begins.
		step(`{ models = { "gpt-4o" = { deprecated_at = "2026-13-01", retires_at = "tomorrow" } } }`,
			`policy\.models\["gpt-4o"\]\.deprecated_at is "2026-13-01", `+
				`which is not a date\. Use .*? \(midnight UTC\)\.\s+policy\.models\["gpt-4o"\]\.retires_at is `+
				`"tomorrow", which is not a date\. Use .* \(midnight UTC\)\.`),
		step(`{ allowed_owners = "openai" }`, `policy\.allowed_owners must be a list of strings, got a string: write it as \["openai"\]`),
		step(`{ allowed_owners = { openai = true } }`,
			`policy\.allowed_owners must be a list of strings such as \["openai", "anthropic"\], got an object\.?\s*$`),
		step(`{ models = { "gpt-4o" = { retires_at = 20270101 } } }`, `policy\.models\["gpt-4o"\]\.retires_at must be a date in\s+`+
			`quotes,\s+an\s+RFC\s+3339\s+date-time\s+such\s+as\s+"2025-01-31T12:00:00Z"\s+or\s+a\s+date\s+such\s+as\s+"2025-01-31"\s+`+
			`\(midnight\s+UTC\),\s+got\s+a\s+number`),
		// policy = file("model-policy.json"), without jsondecode.
		step(`"{ \"allowed_owners\": [\"openai\"] }"`, `policy must be an object such as \{ allowed_owners = \["openai"\] \}, got\s+`+
			`a\s+string\s+"\{ \\"allowed_owners\\": \[\\"openai\\"\] \}", a value written as text,.*\s+decode\s+it\s+with\s+jsondecode\(\)`),
		step(`{ models = { "gpt-4o" = { denied = "yes" } } }`, `policy\.models\["gpt-4o"\]\.denied must be a bool, got a string "yes", `+
			`which is no bool: write true or false, without quotes\.?\s*$`),
		// A number where a bool is wanted: 1 and 0 are true and false elsewhere.
		step(`{ models = { "gpt-4o" = { denied = 1 } } }`,
			`policy\.models\["gpt-4o"\]\.denied must be a bool, got a number 1: write true, the bool it means\.?\s*$`),
		step(`{ models = { "gpt-4o" = { denied = 0 } } }`,
			`policy\.models\["gpt-4o"\]\.denied must be a bool, got a number 0: write false, the bool it means\.?\s*$`),
		step(`{ models = { "gpt-4o" = { denied = 2 } } }`,
			`policy\.models\["gpt-4o"\]\.denied must be a bool, got a number 2, which is no bool: write true or false\.?\s*$`),
		// A bool or number in quotes, as a hand-written JSON file has it.
		step(`{ models = { "gpt-4o" = { denied = "true" } } }`,
			`policy\.models\["gpt-4o"\]\.denied must be a bool, got a string "true": write it without quotes, as true`),
		step(`jsondecode("{\"retirement_notice_days\": \"90\"}")`,
			`policy\.retirement_notice_days must be a number, got a string "90": write it without quotes, as 90`),
		step(`jsondecode("{\"retirement_notice_days\": \"-90\"}")`, `policy\.retirement_notice_days must be a number, `+
			`got a string "-90", and the number -90 would not do either: retirement_notice_days must be 0 or more, got -90`),
		step(`{ models = { "gpt-4o" = { pricing = { input_tokens_cost_per_million = "1e400" } } } }`,
			`policy\.models\["gpt-4o"\]\.pricing\.input_tokens_cost_per_million must be a number, got a string "1e400", `+
				`and the number 1e400 would not do either: input_tokens_cost_per_million is too large: 1e400`),
		step(`{ models = { "gpt-4o" = { pricing = { currency = "EUR" } } } }`, `policy\.models\["gpt-4o"\]\.pricing sets no price`),
		step(`{ models = { "gpt-4o" = { pricing = { input_tokens_cost_per_million = -1 } } } }`,
			`policy\.models\["gpt-4o"\]\.pricing\.input_tokens_cost_per_million must be 0 or more, got -1`),
		step(`{ models = { "gpt-4o" = { successor = "gpt-4o" } } }`, `policy\.models\["gpt-4o"\]\.successor is the model itself`),
		step(`{ models = { "gpt-4o" = { successor = ["gpt-4.1"], denied = [true] } } }`,
			`policy\.models\["gpt-4o"\]\.successor must be a string, got a list: write its one value alone, not in a list\.\s+`+
				`policy\.models\["gpt-4o"\]\.denied must be a bool, got a list: write its one value alone, not in a list\.\s*$`),
		// Of two, which one is meant is the author's to say.
		step(`{ models = { "gpt-4o" = { successor = ["gpt-4.1", "gpt-4o-mini"] } } }`,
			`policy\.models\["gpt-4o"\]\.successor must be a string, got a list\.\s*$`),
		step(`{ models = { "gpt-4o" = "deprecated" } }`, `policy\.models\["gpt-4o"\] must be an object such as \{ retires_at = "2026-06-30", reason = "Superseded" \}, got a string`),
		step(`["openai"]`, `policy must be an object such as \{ allowed_owners = \["openai"\] \}, got a list`),
		// A list where a map goes, a number where an object goes: each says what to write.
		step(`{ models = ["gpt-4o"] }`, `policy\.models must be an object such as \{ "gpt-4o" = \{ denied = true \} \}, got a list`),
		step(`{ models = { "gpt-4o" = { pricing = 2.5 } } }`, `policy\.models\["gpt-4o"\]\.pricing must be an object such as\s+`+
			`\{\s+input_tokens_cost_per_million = 2\.5 \}, got a number`),
		// An entry that says nothing of its model, as a variable of an object type leaves { denid = true }.
		step(`{ models = { "gpt-4o" = {}, "gpt-4.1" = { denied = null, pricing = null } } }`,
			`policy\.models\["gpt-4\.1"\] sets nothing: each of its attributes is null or left out\. Set "deprecated_at", `+
				`"retires_at", "successor", "reason", "denied" or "pricing", or remove the entry\. A variable of an object type `+
				`drops an attribute its type does not declare, a misspelt one too: declare the variable policy comes from `+
				`with type = any, and the provider checks every name\.\s+policy\.models\["gpt-4o"\] sets nothing: it has no `+
				`attributes\. Set "deprecated_at", .* or "pricing", or remove the entry\.\s*$`),
		resource.TestStep{
			Config: fmt.Sprintf(`
variable "policy" {
  type = object({ models = map(object({ denied = optional(bool), retires_at = optional(string) })) })
  default = { models = { "gpt-4o" = { denid = true } } }
}
%s
data "megallm_model" "m" { id = "gpt-4o" }`, providerBlock(server, "policy = var.policy")),
			ExpectError: expectError(`Error: Invalid policy .* policy\.models\["gpt-4o"\] sets nothing`),
		},
		// Nor do denied = false and reason = "", which optional() defaults give { denid = true }.
		resource.TestStep{
			Config: fmt.Sprintf(`
variable "policy" {
  type = object({ models = map(object({ denied = optional(bool, false), reason = optional(string, "") })) })
  default = { models = { "gpt-4o" = { denid = true } } }
}
%s
data "megallm_model" "m" { id = "gpt-4o" }`, providerBlock(server, "policy = var.policy")),
			ExpectError: expectError(`Error: Invalid policy .* policy\.models\["gpt-4o"\] sets nothing: each of its attributes is ` +
				`null, left out or says nothing, as denied = false and reason = "" do\. Set "deprecated_at", .* declare the variable ` +
				`policy comes from with type = any`),
		},
		// A map(string) entry: the advice is type = any, as an object type would drop a misspelt attribute.
		resource.TestStep{
			Config: fmt.Sprintf(`
variable "models" {
  type    = map(map(string))
  default = { "gpt-4o" = { denied = true } }
}
%s
data "megallm_model" "m" { id = "gpt-4o" }`, providerBlock(server, "policy = { models = var.models }")),
			ExpectError: expectError(`Error: Invalid policy .* policy\.models\["gpt-4o"\]\.denied must be a bool, got a string "true": ` +
				`policy\.models\["gpt-4o"\] is a map of strings, in which true is "true" and 128000 is "128000"\. Declare the ` +
				`variable it comes from as type = any, not map\(string\) or map\(any\) \(drop any tomap\(\) around the object\)\.?\s*$`),
		},
		// The way the guide shares a policy: a JSON file, here inline.
		step(`jsondecode("{\"models\": {\"gpt-4o\": {\"retires-at\": \"2026-06-30\"}}}")`,
			`policy\.models\["gpt-4o"\] has no attribute "retires-at"\. Did you mean "retires_at"\?`),
		// A YAML file's list as file() reads it: its lines are no owners ("-" and "openai").
		step(`{ allowed_owners = "- openai\n- anthropic\n" }`, `policy\.allowed_owners must be a list of strings such as `+
			`\["openai", "anthropic"\], got a string "- openai\\n- anthropic", YAML written as text, as file\(\) reads it: `+
			`decode it with yamldecode\(\)\.`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("an invalid policy sent %d requests, want 0", n)
	}
}

// A policy from jsondecode or yamldecode, as the guide shares one, works like
// a literal; a YAML file's text without yamldecode is told to use it.
func TestPolicy_fromVariableAndJSON(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy, err := json.Marshal(map[string]any{
		"allowed_owners": []string{"anthropic"},
		"models":         map[string]any{"claude-3-opus-20240229": map[string]any{"denied": true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	config := func(text, policy string) string {
		return fmt.Sprintf(`
variable "policy_text" {
  type    = string
  default = %q
}
provider "megallm" {
  base_url = %q
  api_key  = %q
  policy   = %s
}
data "megallm_models" "all" {}`, text, server.URL(), mockapi.DefaultAPIKey, policy)
	}
	allowed := []statecheck.StateCheck{
		expectIDs("data.megallm_models.all", "claude-3-5-haiku-20241022", "claude-3-5-sonnet-20241022", "claude-sonnet-4-20250514"),
	}
	yaml := "allowed_owners:\n  - anthropic\nmodels:\n  claude-3-opus-20240229:\n    denied: true\n"
	unitTest(t,
		resource.TestStep{Config: config(string(policy), "jsondecode(var.policy_text)"), ConfigStateChecks: allowed},
		resource.TestStep{Config: config(yaml, "var.policy_text"), ExpectError: expectError(`policy must be an object such as .*, ` +
			`got a string "allowed_owners:\\n.*, YAML written as text, as file\(\) reads it: decode it with yamldecode\(\)\.`)},
		resource.TestStep{Config: config(yaml, "yamldecode(var.policy_text)"), ConfigStateChecks: allowed},
	)
}

// A policy that sets nothing is an error, by the rule of an entry that sets
// nothing: a variable of an object type drops a misspelt attribute, so that
// { allowed_owner = ["openai"] } would reach the provider as a policy of nulls
// (or of optional() defaults that say nothing) and allow every owner. So is
// policy = {}, as "gpt-4o" = {} is; policy = null is no policy.
func TestPolicy_thatSetsNothingIsAnError(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	config := func(policyType, policy string) string {
		return fmt.Sprintf(`
variable "policy" {
  type    = %s
  default = %s
}
%s
data "megallm_model" "m" { id = "claude-3-5-sonnet-20241022" }`, policyType, policy, providerBlock(server, "policy = var.policy"))
	}
	objectType := func(models, days string) string {
		return "object({ allowed_owners = optional(list(string)), models = " + models + ", retirement_notice_days = " + days + " })"
	}
	misspelt := `{ allowed_owner = ["openai"] }`
	setsNothing := `policy sets nothing: each of its attributes is %s\. Set "allowed_owners", "models" or ` +
		`"retirement_notice_days", or leave policy out, or set it to null \(as a variable's default = null\), to have no ` +
		`policy\. A variable of an object type drops an attribute its type does not declare, a misspelt one too: declare the ` +
		`variable policy comes from with type = any, and the provider checks every name\.?\s*$`
	empty := `policy sets nothing: it has no attributes\. Set "allowed_owners", "models" or "retirement_notice_days", or ` +
		`leave policy out, or set it to null \(as a variable's default = null\), to have no policy\.\s*$`
	unitTest(t,
		resource.TestStep{Config: config(objectType("optional(map(any))", "optional(number)"), misspelt),
			ExpectError: expectError(`Error: Invalid policy .* ` + fmt.Sprintf(setsNothing, "null or left out"))},
		resource.TestStep{Config: config(objectType("optional(map(any), {})", "optional(number, 90)"), misspelt),
			ExpectError: expectError(`Error: Invalid policy .* ` + fmt.Sprintf(setsNothing,
				`null, left out or says nothing, as models = \{\} and retirement_notice_days = 90 do`))},
		// One written {}, which no type made, is not told about them.
		resource.TestStep{Config: config("any", "{}"), ExpectError: expectError(`Error: Invalid policy .* ` + empty)},
		// The advice followed: type = any has the misspelt name refused.
		resource.TestStep{Config: config("any", misspelt), ExpectError: expectError(
			`policy has no attribute "allowed_owner"\. Did you mean "allowed_owners"\?`)},
		// Or none: any owner's model plans.
		resource.TestStep{Config: config(objectType("optional(map(any))", "optional(number)"), "null"),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m",
				tfjsonpath.New("owned_by"), knownvalue.StringExact("anthropic"))}},
	)
}

// A team's entry that lifts a shared denial through merge(), { denied =
// false }, is told how to say so; followed, the model is allowed.
func TestPolicy_mergeLiftsADenial(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	config := func(team string) string {
		return fmt.Sprintf(`
locals {
  shared = { "gpt-4o" = { denied = true, reason = "Too costly" } }
  team   = { "gpt-4o" = %s }
}
%s
data "megallm_model" "m" { id = "gpt-4o" }`, team, providerBlock(server, "policy = { models = merge(local.shared, local.team) }"))
	}
	unitTest(t,
		resource.TestStep{Config: config(`{ denied = false }`), ExpectError: expectError(`policy\.models\["gpt-4o"\] sets ` +
			`nothing: .* or remove the entry \(where it lifts a denial that merge\(\) replaces with it, keep denied = false ` +
			`and say why in reason\)\.`)},
		resource.TestStep{Config: config(`{ denied = false, reason = "Approved for the search team" }`),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m",
				tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o"))}},
	)
}

// An empty allowed_owners, pricing, currency, date or successor from a
// variable's optional() default of [], {} or "" is told how to leave it out
// there, and so left out, every owner is allowed, the list price kept, the
// price read in USD and no date set.
func TestPolicy_optionalDefaultsLeftOut(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	config := func(owners, pricing, text string) string {
		return fmt.Sprintf(`
variable "policy" {
  type = object({
    allowed_owners = %s
    models = optional(map(object({
      denied     = optional(bool, false)
      pricing    = %s
      retires_at = %s
      successor  = %[3]s
    })))
  })
  default = { models = { "gpt-4o" = { denied = true }, "gpt-4.1" = { pricing = { input_tokens_cost_per_million = 2 } } } }
}
%s
data "megallm_model" "m" { id = "mistral-large-latest" }`, owners, pricing, text, providerBlock(server, "policy = var.policy"))
	}
	price := func(currency, empty string) string {
		return "optional(object({ input_tokens_cost_per_million = optional(number), currency = " + currency + " })" + empty + ")"
	}
	owners, pricing, text := "optional(list(string))", price("optional(string)", ""), "optional(string)"
	unitTest(t,
		resource.TestStep{Config: config("optional(list(string), [])", pricing, text), ExpectError: expectError(
			`policy\.allowed_owners is empty, which allows no model at all\. .* or leave allowed_owners out \(null\) to allow ` +
				`every owner; from a variable's object type, declare it optional\(list\(string\)\), without a default of \[\]\.`)},
		resource.TestStep{Config: config(owners, price("optional(string)", ", {}"), text), ExpectError: expectError(
			`policy\.models\["gpt-4o"\]\.pricing sets no price: .* or leave pricing out \(null\) to keep the list price; from a ` +
				`variable's object type, declare it optional\(object\(\{ \.\.\. \}\)\), without a default of \{\}\.`)},
		resource.TestStep{Config: config(owners, price(`optional(string, "")`, ""), text), ExpectError: expectError(
			`policy\.models\["gpt-4\.1"\]\.pricing\.currency is "", which is no currency code: leave currency out \(null\) to ` +
				`use "USD"; from a variable's object type, declare it optional\(string\), without a default of ""\.`)},
		resource.TestStep{Config: config(owners, pricing, `optional(string, "")`), ExpectError: expectError(
			`policy\.models\["gpt-4o"\]\.retires_at is "", which is no date: leave retires_at out \(null\) to set none; from a ` +
				`variable's object type, declare it optional\(string\), without a default of ""\.\s+` +
				`policy\.models\["gpt-4o"\]\.successor is "", which is no model id: name the model to move to, or leave successor ` +
				`out \(null\) to name none; from a variable's object type, declare it optional\(string\), without a default of ""\.`)},
		resource.TestStep{Config: config(owners, pricing, text), ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("mistral-large-latest")),
		}},
	)
}

// catalog_file and a policy plan offline: no key, no request.
func TestPolicy_withCatalogFile(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	file := writeCatalogFile(t, mockapi.BuiltinCatalog())
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "megallm" {
  catalog_file = %q
  base_url     = %q
  policy       = %s
}
data "megallm_model" "m" { candidates = ["o3-mini", "gpt-4o-mini"] }
data "megallm_models" "all" { owned_by = ["anthropic"] }`, file, server.URL(), lifecyclePolicy()),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o-mini")),
			expectIDs("data.megallm_models.all", "claude-3-5-haiku-20241022", "claude-3-5-sonnet-20241022",
				"claude-3-opus-20240229", "claude-sonnet-4-20250514"),
		},
	})
	if n := server.RequestCount(); n != 0 {
		t.Errorf("catalog_file with a policy sent %d requests, want 0", n)
	}
}

// Of the lifecycle dates the API reports and the policy's, the earlier
// applies, and the policy's successor wins: the organisation may retire a
// model before its vendor does, never after.
func TestPolicy_stricterLifecycleWins(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(fmt.Sprintf(
		`{"id":"legacy","owned_by":"openai","retires_at":%q,"successor":"modern"}`, day(20))),
		json.RawMessage(fmt.Sprintf(`{"id":"vendor-late","owned_by":"openai","retires_at":%q}`, day(1500))),
		json.RawMessage(`{"id":"modern","owned_by":"openai"}`), json.RawMessage(`{"id":"chosen","owned_by":"openai"}`))
	policy := fmt.Sprintf(`{
    models = {
      legacy        = { deprecated_at = %q, retires_at = %q, successor = "chosen" }
      "vendor-late" = { retires_at = %q, reason = "Retired by the platform team." }
    }
  }`, day(-5), day(400), day(-1))
	unitTest(t,
		resource.TestStep{
			Config: policyProvider(server, policy, `data "megallm_model" "m" { id = "legacy" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("model_lifecycle"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"status":                   knownvalue.StringExact("deprecated"),
					"deprecated_at":            knownvalue.StringExact(day(-5) + "T00:00:00Z"), // the API reports none
					"retires_at":               knownvalue.StringExact(day(20) + "T00:00:00Z"), // the API's, earlier
					"successor":                knownvalue.StringExact("chosen"),               // the policy's
					"days_to_retirement":       knownvalue.Int64Exact(20),
					"deprecated_at_unreadable": knownvalue.Bool(false),
					"retires_at_unreadable":    knownvalue.Bool(false),
				})),
			},
		},
		resource.TestStep{
			Config: policyProvider(server, policy, `data "megallm_model" "m" { id = "vendor-late" }`),
			ExpectError: expectError(fmt.Sprintf(`Error: Retired MegaLLM model .* Model "vendor-late" was retired on %s: `+
				`Retired by the platform team\. Choose another model`, day(-1))),
		},
	)
}

// The functions read a model's lifecycle from its object and know the
// lifecycle requirements.
func TestPolicy_functionsKnowLifecycle(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	functionsTest(t, resource.TestStep{
		Config: policyProvider(server, lifecyclePolicy(), `
data "megallm_model" "old" { id = "gpt-3.5-turbo" }
output "unmet" {
  value = provider::megallm::unmet_requirements(data.megallm_model.old, { not_deprecated = true, min_days_to_retirement = 60 })
}
output "literal" {
  value = provider::megallm::unmet_requirements({ id = "x", model_lifecycle = { status = "retired", retires_at = "2020-01-01" } }, { not_deprecated = true })
}`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("unmet", knownvalue.ListExact([]knownvalue.Check{
				knownvalue.StringExact(fmt.Sprintf(`model_lifecycle.status is deprecated since %s (successor "gpt-4o", which %s)`, day(-10), uncheckedSuccessor)),
				knownvalue.StringExact(fmt.Sprintf(`model_lifecycle.days_to_retirement 45 < required 60 (retires_at %s)`, day(45))),
			})),
			statecheck.ExpectKnownOutputValue("literal", knownvalue.ListExact([]knownvalue.Check{
				knownvalue.StringExact(`model_lifecycle.status is retired since 2020-01-01`),
			})),
		},
	})
}

// A policy with a value known only after apply cannot be applied at plan:
// the error says so, rather than read part of the policy. timestamp() is
// unknown at plan, in every Terraform since 1.0.
func TestPolicy_unknownAtPlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, `{ models = { "gpt-4o" = { retires_at = timestamp() } } }`, `
data "megallm_models" "all" {}`),
		ExpectError: expectError(`Provider argument not known at plan time .* policy depends on a value that Terraform will only know after apply, .* Set policy from a variable or a literal, or apply`),
	})
}

// A policy from a resource, with the reads that need it waiting for that
// resource (depends_on), plans and applies in one run: the unknown policy
// fails no Configure, and the reads at apply get it known.
func TestPolicy_unknownAtPlanReadAtApply(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTestFrom(t, tfversion.Version1_4_0, resource.TestStep{
		Config: `resource "terraform_data" "denied" { input = "gpt-4o" }` +
			policyProvider(server, `{ models = { (terraform_data.denied.output) = { denied = true } } }`, `
data "megallm_models" "chat" {
  type       = "chat"
  depends_on = [terraform_data.denied]
}
output "listed" { value = [for id in ["gpt-4o", "gpt-4o-mini"] : contains(data.megallm_models.chat.ids, id)] }`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("listed", knownvalue.ListExact([]knownvalue.Check{knownvalue.Bool(false), knownvalue.Bool(true)})),
		},
	})
}

// A value known only after apply does not hide the mistakes next to it: the
// policy's validator checks the names and the known values at plan, so the
// plan that has the typo fails on it, not the next one.
func TestPolicy_knownPartsCheckedNextToUnknownOnes(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(policy, expected string) resource.TestStep {
		return planErrorStep(`resource "terraform_data" "u" { input = "openai" }`+policyProvider(server, policy, `data "megallm_models" "all" {}`), expected)
	}
	unitTestFrom(t, tfversion.Version1_4_0,
		step(`{ allowed_owners = [terraform_data.u.output], retirement_notice_dayz = 3 }`,
			`Invalid policy .* policy has no attribute "retirement_notice_dayz"\. Did you mean "retirement_notice_days"\?`),
		step(`{ allowed_owners = [terraform_data.u.output, " anthropic"], retirement_notice_days = "3 days" }`,
			`policy\.allowed_owners\[1\] is " anthropic", with white space around it, .*`+
				`policy\.retirement_notice_days must be a number, got a string "3 days"`),
		step(`{ models = {
    "gpt-4o"      = { retires_at = terraform_data.u.output, denid = true }
    "gpt-4o-mini" = terraform_data.u.output
    "o3*"         = terraform_data.u.output
  } }`, `policy\.models\["gpt-4o"\] has no attribute "denid"\. Did you mean "denied"\? Its attributes are `+
			`"deprecated_at", "retires_at", "successor", "reason", "denied" and "pricing"\. `+
			`a key of policy\.models is "o3\*", but ids are exact`),
		// Where the currency is known only after apply, a price with a sign
		// names no currency to set.
		step(`{ models = { "gpt-4o" = { pricing = { currency = terraform_data.u.output, input_tokens_cost_per_million = "€3" } } } }`,
			`policy\.models\["gpt-4o"\]\.pricing\.input_tokens_cost_per_million must be a number, got a string "€3": `+
				`write it as the number 3, without quotes or "€"\.?\s*$`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("a policy with mistakes sent %d requests, want 0", n)
	}
}

// Mistakes in several models of a policy, and in one model, are reported
// together, and a negotiated price without a currency is in USD, as the
// attribute shows.
func TestPolicy_everyMistakeAtOnceAndDefaultCurrency(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		resource.TestStep{
			Config: policyProvider(server, `{
    allowed_owner = ["openai"]
    models = {
      "gpt-4o"      = { retire_at = "2030-01-01" }
      "gpt-4o-mini" = { deprecated_at = "soon" }
    }
  }`, `data "megallm_model" "m" { id = "gpt-4o" }`),
			ExpectError: expectError(`policy has no attribute "allowed_owner"\. Did you mean "allowed_owners"\? .*` +
				`policy\.models\["gpt-4o"\] has no attribute "retire_at"\. Did you mean "retires_at"\? .*` +
				`policy\.models\["gpt-4o-mini"\]\.deprecated_at is "soon", which is not a date`),
		},
		resource.TestStep{ // and every mistake in one model's entry
			Config: policyProvider(server, `{ models = { "gpt-4o" = {
      retires_at = "2027-01-15", deprecated_at = "2027-02-01", pricing = {}, successor = "gpt-4o", denid = true
    } } }`, `data "megallm_model" "m" { id = "gpt-4o" }`),
			ExpectError: expectError(`policy\.models\["gpt-4o"\] has no attribute "denid"\. Did you mean "denied"\? .*` +
				`policy\.models\["gpt-4o"\]\.successor is the model itself: .*` +
				`policy\.models\["gpt-4o"\]\.deprecated_at \(2027-02-01\) is after retires_at \(2027-01-15\): .*` +
				`policy\.models\["gpt-4o"\]\.pricing sets no price: `),
		},
		resource.TestStep{ // a mistake that hides behind another is listed with it
			Config: policyProvider(server, `{ models = { "gpt-4o" = { successor = " gpt-4o", pricing = { currency = "XX" } } } }`,
				`data "megallm_model" "m" { id = "gpt-4o" }`),
			ExpectError: expectError(`policy\.models\["gpt-4o"\]\.pricing\.currency .*` +
				`policy\.models\["gpt-4o"\]\.successor is " gpt-4o", with white space around it, .*` +
				`policy\.models\["gpt-4o"\]\.successor is the model itself: .*` +
				`policy\.models\["gpt-4o"\]\.pricing sets no price: `),
		},
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "gpt-4o" = { pricing = { input_tokens_cost_per_million = 1 } } } }`,
				`data "megallm_model" "m" { id = "gpt-4o" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("pricing"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"input_tokens_cost_per_million":  knownvalue.Float64Exact(1),
					"output_tokens_cost_per_million": knownvalue.Null(),
					"currency":                       knownvalue.StringExact("USD"),
				})),
			},
		},
	)
}

// policyPricingWarnings reads megallm_models through the provider server,
// since plugin-testing does not show warnings, with a policy that prices
// each model by the attributes of its pricing, and returns the warnings.
func policyPricingWarnings(t *testing.T, server *mockapi.Server, prices map[string]map[string]tftypes.Value) []string {
	t.Helper()
	models := map[string]tftypes.Value{}
	for id, pricing := range prices {
		models[id] = object(map[string]tftypes.Value{"pricing": object(pricing)})
	}
	p := newProtocolServer(t, server, map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{"models": object(models)})})
	_, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil))
	return got
}

// withoutWarning fails t when warnings hold one with this summary.
func withoutWarning(t *testing.T, warnings []string, summary, when string) {
	t.Helper()
	if slices.ContainsFunc(warnings, func(w string) bool { return strings.HasPrefix(w, summary+": ") }) {
		t.Errorf("%s, warnings\n%q\nwant none %q", when, warnings, summary)
	}
}

// TestPolicy_unstatedCurrencyWarns: a negotiated price without a currency is
// in USD, which a model the catalog lists in EUR may not be meant in, so the
// plan says so; a price that states its currency, as advised, does not.
func TestPolicy_unstatedCurrencyWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(workloadFixture...) // euro is listed in EUR, balanced in USD
	const summary = "Provider policy prices models in USD that the catalog prices in another currency"
	warnings := func(euroCurrency ...string) []string {
		euro := map[string]tftypes.Value{"input_tokens_cost_per_million": tftypes.NewValue(tftypes.Number, 0.5)}
		for _, code := range euroCurrency {
			euro["currency"] = str(code)
		}
		return policyPricingWarnings(t, server, map[string]map[string]tftypes.Value{"euro": euro,
			"balanced": {"input_tokens_cost_per_million": tftypes.NewValue(tftypes.Number, 0.4)},
			"unpriced": {"input_tokens_cost_per_million": tftypes.NewValue(tftypes.Number, 1)},
		})
	}
	want := summary + ": " + aboutPolicy + ` These negotiated prices name no currency, so they are read in "USD", while the ` +
		"MegaLLM catalog from " + server.URL() + "/models lists their models in another:\n" +
		`  - policy.models["euro"].pricing, for a model listed in "EUR"` + "\n\nSet pricing.currency in each to the " +
		`currency its model is listed in if the price is in it, else to "USD", which keeps the price as it is read now.`
	if got := warnings(); !slices.Equal(got, []string{want}) {
		t.Errorf("warnings\n%q\nwant\n%q", got, []string{want})
	}
	for _, code := range []string{"EUR", "usd"} {
		withoutWarning(t, warnings(code), summary, "with currency "+code)
	}
}

// TestPolicy_cheapPriceWarns: a negotiated price under 1/100 of the list
// price, as a price per thousand tokens or per token written as one per
// million is, warns with its price per million, which meets every price bound
// otherwise; written per million, as advised, it does not, nor does a discount.
func TestPolicy_cheapPriceWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "") // gpt-4o is listed at 2.5 and 10 USD, gpt-4.1 at 2 and 8
	const summary = "Provider policy prices models far below their list price"
	prices := func(input, output float64) map[string]tftypes.Value {
		return map[string]tftypes.Value{"input_tokens_cost_per_million": tftypes.NewValue(tftypes.Number, input),
			"output_tokens_cost_per_million": tftypes.NewValue(tftypes.Number, output), "currency": str(" usd")}
	}
	got := policyPricingWarnings(t, server, map[string]map[string]tftypes.Value{
		"gpt-4o": prices(0.0025, 0.01), "gpt-4.1": prices(0.000002, 6.4),
	})
	want := summary + ": " + aboutPolicy + " These negotiated prices are under 1/100 of the list price in the MegaLLM " +
		"catalog from " + server.URL() + "/models, in the same currency, as a price per thousand tokens or per token " +
		"is when written as one per million, and every price bound lets them through:\n" +
		`  - policy.models["gpt-4.1"].pricing.input_tokens_cost_per_million is 2e-06, the list price 2: per token, it is 2 per million` + "\n" +
		`  - policy.models["gpt-4o"].pricing.input_tokens_cost_per_million is 0.0025, the list price 2.5: per thousand tokens, it is 2.5 per million` + "\n" +
		`  - policy.models["gpt-4o"].pricing.output_tokens_cost_per_million is 0.01, the list price 10: per thousand tokens, it is 10 per million` +
		"\n\nA policy's prices are per million tokens: write each so, as the figure given for it if it is per that unit."
	if !slices.Equal(got, []string{want}) {
		t.Errorf("warnings\n%q\nwant\n%q", got, []string{want})
	}
	withoutWarning(t, policyPricingWarnings(t, server, map[string]map[string]tftypes.Value{
		"gpt-4o": prices(2.5, 10), "gpt-4.1": prices(0.021, 0.081),
	}), summary, "per million tokens")
}

// What users type by mistake in a policy, in candidates and in the lifecycle
// requirements: stray white space, a date read with file() that ends in a
// newline, a blank owner, a fraction where a whole number goes.
func TestPolicy_sloppyInput(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(policy, config, words string) resource.TestStep {
		return resource.TestStep{Config: policyProvider(server, policy, config), ExpectError: expectError(words)}
	}
	const readOne = `data "megallm_model" "m" { id = "gpt-4o" }`
	unitTest(t,
		step(`{ models = { " gpt-4o" = { denied = true } } }`, readOne,
			`a key of policy\.models is " gpt-4o", with white space around it, which no model id has: write it as "gpt-4o"`),
		step(`{ models = { "" = { denied = true } } }`, readOne, `a key of policy\.models is "", which is no model id: remove its entry`),
		step(`{ models = { "gpt-4o" = { successor = "gpt-4.1 " } } }`, readOne,
			`policy\.models\["gpt-4o"\]\.successor is "gpt-4\.1 ", with white space around it, which no model id has: write it as "gpt-4\.1"`),
		step(`{ models = { "gpt-4o" = { successor = " " } } }`, readOne,
			`policy\.models\["gpt-4o"\]\.successor is " ", which is no model id: name the model to move to, or leave\s+successor out`),
		step(`{ models = { "gpt-4o" = { retires_at = "2030-01-01\n" } } }`, readOne,
			`policy\.models\["gpt-4o"\]\.retires_at is "2030-01-01\\n", with white space around it, which no date has: write it as "2030-01-01"`),
		step(`{ models = { "gpt-4o" = { retires_at = "2030-01-01T00:00:00+24:00" } } }`, readOne,
			`policy\.models\["gpt-4o"\]\.retires_at is "2030-01-01T00:00:00\+24:00", which is a date-time whose UTC offset,\s+\+24:00, no time zone uses`),
		// Every mistake of a model's entry, not its first alone.
		step(`{ models = { "gpt-4o" = { deprecated_at = "2026-13-01", denied = "false", reason = 5 } } }`, readOne,
			`policy\.models\["gpt-4o"\]\.deprecated_at is "2026-13-01", which is not a date\. .*`+
				`policy\.models\["gpt-4o"\]\.reason must be a string, got a number\. .*`+
				`policy\.models\["gpt-4o"\]\.denied must be a bool, got a string "false": write it without quotes, as false`),
		step(`{ allowed_owners = ["openai", " "] }`, readOne, `policy\.allowed_owners\[1\] is " ", which is no owner: remove it`),
		step(`{ models = { "gpt-4o" = { pricing = { input_tokens_cost_per_million = 1, currency = "US D" } } } }`, readOne,
			`policy\.models\["gpt-4o"\]\.pricing\.currency is "US D", not a three-letter ISO 4217 code such as "USD" or "EUR"`),
		step(`null`, `data "megallm_models" "m" { require = { min_days_to_retirement = 1.5 } }`,
			`require\.min_days_to_retirement must be a whole number, got 1\.5: write 1 or 2`),
		// An id with white space around it is no id, wherever it is written.
		step(`null`, `data "megallm_model" "m" { candidates = ["gpt-4.1", " gpt-4o"] }`,
			`Invalid candidates .* candidates\[1\] is " gpt-4o", with white space around it, which no model id has: write it as "gpt-4o"`),
		step(`null`, `data "megallm_model" "m" { id = "gpt-4o\n" }`,
			`Invalid id .* id is "gpt-4o\\n", with white space around it, which no model id has: write it as "gpt-4o"\.`),
		step(`null`, `data "megallm_models" "m" { exclude_ids = ["gpt-4o "] }`,
			`Invalid exclude_ids .* an id of exclude_ids is "gpt-4o ", with white space around it, which no model id has: write it as "gpt-4o"\.`),
		// Nor is one with a character copied text adds, which would deny nothing: the catalog spells it.
		step(`{ models = { "gpt-4o\u200b" = { denied = true } } }`, readOne,
			`a key of policy\.models is "gpt-4o\\u200b", with an invisible or look-alike character \(U\+200B, its character 7\), which no model id has: copying through a chat or a document can add one; write it as "gpt-4o"`),
		// A wildcard names no model: the entry would deny or retire none.
		step(`{ models = { "claude-*" = { denied = true }, "*" = { retires_at = "2020-01-01" } } }`, readOne,
			`a key of policy\.models is "\*", but ids are exact, not wildcard patterns, so this entry would apply to no `+
				`model\. Replace it with an entry per model, under its id \(a megallm_models data source lists the catalog's ids\)\. `+
				`a key of policy\.models is "claude-\*", .* \(a megallm_models data source with id_regex = "\^claude-" lists them\)`),
		// A dash that a document or a PDF writes for "-" would deny nothing too; the fix is the id with "-".
		step(`{ models = { "gpt\u20134o" = { denied = true }, "gpt-4.1" = { successor = "gpt\u20114o" } } }`, readOne,
			`policy\.models\["gpt-4\.1"\]\.successor is "gpt‑4o", with an invisible or look-alike character \(U\+2011, `+
				`its character 4\), which no model id has: copying through a chat or a document can add one; write it as "gpt-4o"\. `+
				`a key of policy\.models is "gpt–4o", with an invisible or look-alike character \(U\+2013, its character 4\), `+
				`which no model id has: copying through a chat or a document can add one; write it as "gpt-4o"`),
		step(`null`, `data "megallm_model" "m" { id = "gpt\u00a04o" }`,
			`Invalid id .* id is "gpt\\u00a04o", with an invisible or look-alike character \(U\+00A0, its character 4\)`),
		step(`{ allowed_owners = ["open\u00adai"] }`, readOne,
			`policy\.allowed_owners\[0\] is "open\\u00adai", with an invisible or look-alike character \(U\+00AD`),
	)
}

// A policy's attribute near one its object already has is refused without a
// did-you-mean of that one, which followed would write it twice, but with
// the advice to keep one; followed, the price written once is read.
func TestPolicy_nearAnAttributeSetGetsNoDidYouMean(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const readGPT4o = `data "megallm_model" "m" { id = "gpt-4o" }`
	unitTest(t,
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "gpt-4o" = { pricing = { input_tokens_cost_per_million = 1, `+
				`input_token_cost_per_million = 2 } } } }`, readGPT4o),
			ExpectError: expectError(`policy\.models\["gpt-4o"\]\.pricing\s+has\s+no\s+attribute\s+` +
				`"input_token_cost_per_million"\.\s+It\s+has\s+"input_tokens_cost_per_million",\s+which\s+that\s+name\s+is\s+` +
				`close\s+to:\s+keep\s+one\s+of\s+the\s+two,\s+and\s+remove\s+the\s+other\.\s+Its\s+attributes\s+are`),
		},
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "gpt-4o" = { pricing = { input_tokens_cost_per_million = 1 } } } }`, readGPT4o),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m",
				tfjsonpath.New("pricing").AtMapKey("input_tokens_cost_per_million"), knownvalue.Float64Exact(1))},
		},
	)
}

// An attribute written one level off is refused with where it belongs: a
// policy entry's price or currency beside its pricing rather than in it (or
// in it too), and an object nested under its own name, as a JSON file or a
// copied block may leave it (require = { require = { ... } }).
func TestDynamicArguments_writtenOneLevelOff(t *testing.T) {
	t.Parallel()
	read := map[string]func(tftypes.Value) error{
		"policy":  func(v tftypes.Value) error { _, err := readPolicy(v, true); return err },
		"require": func(v tftypes.Value) error { _, err := readRequirements(v, types.StringNull(), ""); return err },
	}
	for _, tc := range []struct{ argument, value, want string }{
		{"policy", `{"models": {"gpt-4o": {"input_tokens_cost_per_million": 3}}}`, `policy.models["gpt-4o"] has no attribute ` +
			`"input_tokens_cost_per_million", which belongs in its pricing: move it into pricing = { ... }. Its attributes are`},
		{"policy", `{"models": {"gpt-4o": {"pricing": {"input_tokens_cost_per_million": 3}, "currency": "EUR"}}}`,
			`policy.models["gpt-4o"] has no attribute "currency", which belongs in its pricing: move it into pricing = { ... }.`},
		{"policy", `{"models": {"gpt-4o": {"pricing": {"input_tokens_cost_per_million": 3}, "input_tokens_cost_per_million": 2}}}`,
			`policy.models["gpt-4o"] has no attribute "input_tokens_cost_per_million", which belongs in its pricing, which ` +
				`has one too: keep one of the two, in pricing.`},
		{"policy", `{"models": {"gpt-4o": {"pricing": {"pricing": {"input_tokens_cost_per_million": 3}}}}}`,
			`policy.models["gpt-4o"].pricing has no attribute "pricing", which nests pricing once too deep: write the ` +
				`attributes it holds in pricing = { ... } itself.`},
		{"policy", `{"models": {"gpt-4o": {"pricing": {"input_tokens_cost_per_million": 3, "reason": "Negotiated"}}}}`,
			`policy.models["gpt-4o"].pricing has no attribute "reason", which belongs beside pricing, not in it: move it ` +
				`out of pricing = { ... }. Its attributes are`},
		{"policy", `{"policy": {"allowed_owners": ["openai"]}}`, `policy has no attribute "policy", which nests policy once ` +
			`too deep: write the attributes it holds in policy = { ... } itself. Its attributes are`},
		{"require", `{"require": {"supports_vision": true}}`, `require has no attribute "require", which nests require once ` +
			`too deep: write the attributes it holds in require = { ... } itself. Its attributes are`},
		// Not an object: no nesting to undo, only a name require lacks.
		{"require", `{"require": true}`, `require has no attribute "require". Its attributes are`},
	} {
		var x any
		decoder := json.NewDecoder(strings.NewReader(tc.value))
		decoder.UseNumber()
		if err := decoder.Decode(&x); err != nil {
			t.Fatal(err)
		}
		v, _, _ := fuzzValue(x, false)
		if err := read[tc.argument](v); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s = %s: error\n%v\nwant one containing\n%s", tc.argument, tc.value, err, tc.want)
		}
	}
}
