package provider

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// The functions called from HCL on what the data sources return, on object
// literals, in a precondition, and with null and unknown arguments.
func TestFunctions_fromHCL(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	functionsTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_model" "mini" { id = "gpt-4o-mini" }
data "megallm_models" "chat" {
  type    = "chat"
  sort_by = "input_cost"
}
locals {
  needs = { supports_vision = true, min_context_length = 200000 }
}
output "cost" {
  value = provider::megallm::estimate_cost(data.megallm_model.mini, 2000000, 500000)
}
output "cost_of_cheapest_listed" {
  value = provider::megallm::estimate_cost(data.megallm_models.chat.models[0], 1000000, 1000000)
}
variable "requests" {
  type    = number
  default = 1000000
}
output "cost_with_margin" {
  value = provider::megallm::estimate_cost(data.megallm_model.mini, var.requests * 1.15, 0)
}
output "cost_of_literal" {
  value = provider::megallm::estimate_cost({ pricing = { input_tokens_cost_per_million = 3, output_tokens_cost_per_million = 15 } }, 1000, 1000)
}
output "unmet" {
  value = provider::megallm::unmet_requirements(data.megallm_model.mini, local.needs)
}
output "vision_of_an_older_saved_entry" {
  value = provider::megallm::supports(jsondecode("{\"id\": \"old\", \"capabilities\": {\"vision\": true, \"max_context_length\": 32000}}"), "vision")
}
output "unmet_of_an_older_saved_entry" {
  value = provider::megallm::unmet_requirements(jsondecode("{\"id\": \"old\", \"capabilities\": {\"vision\": true, \"max_context_length\": 32000}}"), { min_context_length = 64000 })
}
locals {
  # A saved entry of a newer API, with a capability, prices and a limit this provider does not know.
  newer = jsondecode("{\"id\": \"new\", \"max_input_tokens\": 180000, \"max_output_tokens\": 8192, \"capabilities\": {\"supports_vision\": true, \"supports_reasoning\": true, \"supports_text\": true}, \"pricing\": {\"input_tokens_cost_per_million\": 2, \"cached_input_tokens_cost_per_million\": 0.5, \"tiers\": [{\"above\": 200000, \"input_tokens_cost_per_million\": 4}], \"output_tokens_cost_per_million\": 8}}")
}
output "vision_of_a_newer_saved_entry" {
  value = provider::megallm::supports(local.newer, "vision")
}
output "cost_of_a_newer_saved_entry" {
  value = provider::megallm::estimate_cost(local.newer, 1000000, 1000000)
}
output "output_tokens_of_a_newer_saved_entry" {
  value = provider::megallm::unmet_requirements(local.newer, { min_max_output_tokens = 16000 })
}
output "unmet_of_a_newer_saved_entry" {
  value = provider::megallm::unmet_requirements(local.newer, { supports_vision = true, max_input_cost_per_million = 1 })
}
output "unmet_of_ignored_near_misses" {
  value = provider::megallm::unmet_requirements({ id = "x", capabilites = ["vision"], input_cost_per_1m_tokens = 2.5 }, { supports_vision = true, max_input_cost_per_million = 5 })
}
output "unmet_in_default_currency" {
  value = provider::megallm::unmet_requirements({ pricing = { input_tokens_cost_per_million = 2, currency = " usd" } }, { max_input_cost_per_million = 1 })
}
output "unmet_in_euros" {
  value = provider::megallm::unmet_requirements({ pricing = { input_tokens_cost_per_million = 0.01, currency = "EUR" } }, { max_input_cost_per_million = 1 })
}
output "meets_vision" {
  value = length(provider::megallm::unmet_requirements(data.megallm_model.mini, { supports_vision = true })) == 0
}
output "vision" {
  value = provider::megallm::supports(data.megallm_model.mini, "vision")
}
output "vision_models" {
  value = [for m in data.megallm_models.chat.models : m.id if provider::megallm::supports(m, "vision") && m.owned_by == "openai"]
}
resource "terraform_data" "app" {
  input = data.megallm_model.mini.id
  lifecycle {
    precondition {
      condition     = length(provider::megallm::unmet_requirements(data.megallm_model.mini, { supports_function_calling = true })) == 0
      error_message = "The app needs function calling."
    }
  }
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("cost", knownvalue.Float64Exact(0.6)),
			// meta-llama/llama-3.1-8b-instruct: 0.05 + 0.08.
			statecheck.ExpectKnownOutputValue("cost_of_cheapest_listed", knownvalue.Float64Exact(0.05+0.08)),
			// 1,150,000 input tokens at 0.15 per million: fractional counts are fine.
			statecheck.ExpectKnownOutputValue("cost_with_margin", knownvalue.Float64Exact(1_000_000*1.15/1e6*0.15)),
			statecheck.ExpectKnownOutputValue("cost_of_literal", knownvalue.Float64Exact(0.003+0.015)),
			statecheck.ExpectKnownOutputValue("unmet", knownIDs("context_length 128000 < required 200000")),
			statecheck.ExpectKnownOutputValue("unmet_in_euros", knownIDs("priced in EUR, the requirement is in USD")),
			// The older shape's names, as the decoder reads them.
			statecheck.ExpectKnownOutputValue("vision_of_an_older_saved_entry", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("unmet_of_an_older_saved_entry", knownIDs("context_length 32000 < required 64000")),
			// A newer API's fields are no misspelling of the provider's: ignored, as the data sources ignore them.
			statecheck.ExpectKnownOutputValue("vision_of_a_newer_saved_entry", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("cost_of_a_newer_saved_entry", knownvalue.Float64Exact(10)),
			statecheck.ExpectKnownOutputValue("unmet_of_a_newer_saved_entry", knownIDs("input_tokens_cost_per_million 2 > allowed 1")),
			// Its max_input_tokens, made of two names' words, is no misspelling of max_output_tokens.
			statecheck.ExpectKnownOutputValue("output_tokens_of_a_newer_saved_entry", knownIDs("max_output_tokens 8192 < required 16000")),
			// A list, or a name with a word of its own, is ignored as a newer API's field, as the data sources
			// ignore it: what it might have meant is not reported, so the gate fails rather than passes.
			statecheck.ExpectKnownOutputValue("unmet_of_ignored_near_misses", knownIDs(
				"does not report whether it supports vision (capabilities.supports_vision is missing)",
				"input_tokens_cost_per_million is not reported (allowed <= 5)")),
			// A model literal's currency is read as the currency argument is.
			statecheck.ExpectKnownOutputValue("unmet_in_default_currency", knownIDs("input_tokens_cost_per_million 2 > allowed 1")),
			statecheck.ExpectKnownOutputValue("meets_vision", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("vision", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("vision_models", knownIDs("gpt-4o-mini", "gpt-4.1-mini", "gpt-4.1", "gpt-4o")),
		},
	})
}

func TestFunctions_preconditionFails(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	functionsTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_model" "old" { id = "gpt-3.5-turbo" }
resource "terraform_data" "app" {
  input = data.megallm_model.old.id
  lifecycle {
    precondition {
      condition     = length(provider::megallm::unmet_requirements(data.megallm_model.old, { supports_vision = true })) == 0
      error_message = join("; ", provider::megallm::unmet_requirements(data.megallm_model.old, { supports_vision = true }))
    }
  }
}`,
		ExpectError: expectError(`Resource precondition failed .* does not support vision`),
	})
}

// pricingWithoutCurrency is the error for model.currency = "EUR" beside a
// pricing without a currency.
const pricingWithoutCurrency = `model\.pricing has no currency, so its prices would be read in "USD", not in ` +
	`model\.currency "EUR": a model's prices are in pricing\.currency alone \(a megallm_model's currency is that of its ` +
	`price bounds\)\. Give pricing its currency: pricing = \{ \.\.\., currency = "EUR" \}`

func TestFunctions_argumentErrors(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(expr, expected string) resource.TestStep {
		return resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "m" { id = "gpt-4o" }` + "\n" +
				`data "megallm_models" "all" {}` + "\noutput \"x\" { value = " + expr + " }",
			ExpectError: expectError(expected),
		}
	}
	functionsTest(t,
		step(`provider::megallm::supports(data.megallm_model.m, "images")`, `unknown capability "images". Use one of "function_calling", "vision", "streaming" or "structured_output"`),
		step(`provider::megallm::supports(data.megallm_model.m, "vision ")`,
			`capability is "vision ", with white space around it, which no capability has: write it as "vision"`),
		// Trimmed, " Vision" is no capability either: the advice is the capability meant.
		step(`provider::megallm::supports(data.megallm_model.m, " Vision")`,
			`unknown capability " Vision". Did you mean "vision"\? Use one of "function_calling", "vision", "streaming" or "structured_output"`),
		step(`provider::megallm::supports(data.megallm_model.m, "supports_vision ")`,
			`unknown capability "supports_vision ". Did you mean "vision"\?`),
		step(`provider::megallm::supports(data.megallm_models.all.models, "vision")`, `got a list: pass one of its models, such as `+
			`data.megallm_models.NAME.models\[0\], or call the function for each, in a for expression`),
		step(`provider::megallm::supports(data.megallm_model.m, "supports_vision")`, `unknown capability "supports_vision". Did you mean "vision"\? Use one of "function_calling", "vision", "streaming" or "structured_output"`),
		step(`provider::megallm::estimate_cost(data.megallm_model.m, -1, 0)`, `token count must be 0 or more, got -1`),
		step(`provider::megallm::estimate_cost({ id = "x", pricing = null }, 1, 1)`, `model "x" has no pricing, so its cost cannot be `+
			`estimated\. Give it pricing = \{ input_tokens_cost_per_million = \.\.\., output_tokens_cost_per_million = \.\.\. \}, or `+
			`pass a model that has prices: a megallm_models data source with require = \{ max_input_cost_per_million = \.\.\., `+
			`max_output_cost_per_million = \.\.\. \} lists only such models`),
		resource.TestStep{ // the advice followed: each model so listed has a cost, where an unpriced one would fail
			Config: providerBlock(server, "") + `data "megallm_models" "priced" {
  require = { max_input_cost_per_million = 1e300, max_output_cost_per_million = 1e300 }
}
output "x" {
  value = [for m in data.megallm_models.priced.models : provider::megallm::estimate_cost(m, 1, 1)]
}
output "y" {
  value = provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 1, output_tokens_cost_per_million = 2 } }, 1e6, 1e6)
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("x", knownvalue.NotNull()),
				statecheck.ExpectKnownOutputValue("y", knownvalue.Float64Exact(3)),
			},
		},
		step(`provider::megallm::estimate_cost({ pricing = { input_tokens_cost_per_million = 1 } }, 1, 1)`,
			`the model \(an object without an id\) has no pricing\.output_tokens_cost_per_million, so its cost cannot be estimated`),
		step(`provider::megallm::estimate_cost({ id = "x", pricing = {} }, 0, 0)`, `model "x" has no pricing, so its cost cannot be estimated`),
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = -1 } }, 1000000, 0)`,
			`model.pricing.input_tokens_cost_per_million must be 0 or more, got -1`),
		step(`provider::megallm::estimate_cost(data.megallm_model.m, 1e400, 0)`, `Invalid value for "input_tokens" parameter: token count is too large: 1e400`),
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 1e300 } }, 1e308, 0)`,
			`The cost of these token counts with model "x" is more than 1.798e308, the largest cost the provider computes`),
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, { min_max_output_tokens = 0.5 })`,
			`Invalid value for "require" parameter: require.min_max_output_tokens must be a whole number, got 0\.5: write 0 or 1\.`),
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, { supports_vison = true })`, `require has no attribute "supports_vison". Did you mean "supports_vision"\? Its attributes are "supports_function_calling"`),
		step(`provider::megallm::unmet_requirements({ id = "x", model_lifecycle = { retire_at = "2020-01-01" } }, { not_deprecated = true })`,
			`model\.model_lifecycle has no attribute "retire_at"\. Did you mean "retires_at"\? Its attributes are`),
		// A misspelt lifecycle name at the root, or one of model_lifecycle's there, would go unread: not_deprecated would pass.
		step(`provider::megallm::unmet_requirements({ id = "x", retire_at = "2020-01-01" }, { not_deprecated = true })`,
			`model has no attribute "retire_at", so its lifecycle would go unchecked \(did you mean "retires_at"\?\)`),
		step(`provider::megallm::unmet_requirements({ id = "x", model_lifecyle = { status = "retired" } }, { not_deprecated = true })`,
			`model has no attribute "model_lifecyle", so its lifecycle would go unchecked \(did you mean "model_lifecycle"\?\)`),
		step(`provider::megallm::unmet_requirements({ id = "x", status = "retired" }, { not_deprecated = true })`,
			`model\.status is an attribute of model\.model_lifecycle, not of the model, so it would go unread: move it into `+
				`model_lifecycle = \{ \.\.\. \}`),
		// A saved entry's date at the root beside a model_lifecycle, which is
		// read instead, would go unread: not_deprecated would pass.
		step(`provider::megallm::unmet_requirements({ id = "x", model_lifecycle = { status = "active" }, retires_at = "2020-01-01" }, { not_deprecated = true })`,
			`model\.retires_at is read from model\.model_lifecycle when the model has one, not from the model, so it would go unread: `+
				`move it into model_lifecycle = \{ \.\.\. \}, or drop one of the two`),
		step(`provider::megallm::supports(merge(data.megallm_model.m, { deprecated_at = "2020-01-01", successor = "gpt-4.1" }), "vision")`,
			`model\.deprecated_at is read from model\.model_lifecycle when the model has one, not from the model, so it would go unread: `+
				`move it into model_lifecycle = \{ \.\.\. \}, or drop one of the two\. model\.successor is read from model\.model_lifecycle`),
		resource.TestStep{ // the advice followed, moved (dropped, the date is refused: TestFunctions_lifecycleAsStated), and a null at the root, which is fine
			Config: providerBlock(server, "") + `data "megallm_model" "m" { id = "gpt-4o" }
output "moved" {
  value = provider::megallm::unmet_requirements({ id = "x", model_lifecycle = { status = "active", retires_at = "2020-01-01" } }, { not_deprecated = true })
}
output "null_at_root" {
  value = provider::megallm::unmet_requirements(merge(data.megallm_model.m, { retires_at = null, successor = null }), { not_deprecated = true })
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				// As written: a function reads no clock to find 2020-01-01 past (TestFunctions_pure).
				statecheck.ExpectKnownOutputValue("moved", knownvalue.ListExact(nil)),
				statecheck.ExpectKnownOutputValue("null_at_root", knownvalue.ListExact(nil)),
			},
		},
		step(`provider::megallm::unmet_requirements({ id = "x", lifecycle = { retires_at = "2020-01-01" } }, { not_deprecated = true })`,
			`model\.lifecycle is no attribute of a model, so its lifecycle would go unchecked: write it as model_lifecycle`),
		// Beside the model_lifecycle of a data source's model, merged over it, it would go unread as well: not_deprecated would pass.
		step(`provider::megallm::unmet_requirements(merge(data.megallm_model.m, { lifecycle = { status = "retired" } }), { not_deprecated = true })`,
			`model\.lifecycle is no attribute of a model, so its lifecycle would go unchecked: write it as model_lifecycle`),
		// A model's attribute in another letter case would go unread: not_deprecated would pass.
		step(`provider::megallm::unmet_requirements({ id = "x", Model_Lifecycle = { status = "deprecated" } }, { not_deprecated = true })`,
			`model has no attribute "Model_Lifecycle", so it would go unread\. Did you mean "model_lifecycle"\? Attribute names are case-sensitive`),
		step(`provider::megallm::supports({ id = "x", Capabilities = { supports_vision = true } }, "vision")`,
			`model has no attribute "Capabilities", so it would go unread\. Did you mean "capabilities"\?`),
		step(`provider::megallm::supports({ id = "x", capabilities = { vison = true } }, "vision")`,
			`model\.capabilities has no attribute "vison"\. Did you mean "vision"\? Its attributes are "supports_function_calling", `+
				`"supports_streaming", "supports_structured_output" and "supports_vision"\.`),
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { input_cost_per_million = 1 } }, 1, 0)`,
			`model\.pricing has no attribute "input_cost_per_million"\. Did you mean "input_tokens_cost_per_million"\?`),
		// A name whose one telling word is misspelt gets the name that has the word.
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { inptu = 1 } }, 1, 0)`,
			`model\.pricing has no attribute "inptu"\. Did you mean "input_tokens_cost_per_million"\?`),
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, { vison = true })`,
			`require has no attribute "vison"\. Did you mean "supports_vision"\?`),
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `data "megallm_model" "m" { id = "gpt-4o" }
output "cost" {
  value = provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 1 } }, 1e6, 0)
}
output "unmet" {
  value = provider::megallm::unmet_requirements(data.megallm_model.m, { supports_vision = true })
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("cost", knownvalue.Float64Exact(1)),
				statecheck.ExpectKnownOutputValue("unmet", knownvalue.ListSizeExact(0)),
			},
		},
		// Prices under names read as a newer API's fields, and so ignored, are
		// named, with the closest name, where no price is read.
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { inptu_price = 1, output_price = 2 } }, 1, 1)`,
			`model "x" has no pricing, so its cost cannot be estimated: model\.pricing has no attribute "inptu_price"\. Did you `+
				`mean "input_tokens_cost_per_million"\? model\.pricing has no attribute "output_price"\. Did you mean `+
				`"output_tokens_cost_per_million"\? Its attributes are "currency", "input_tokens_cost_per_million" and `+
				`"output_tokens_cost_per_million"\. Give it pricing = \{ input_tokens_cost_per_million = \.\.\.,`),
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 1, output_price = 2 } }, 1, 1)`,
			`model "x" has no pricing\.output_tokens_cost_per_million, so its cost cannot be estimated: model\.pricing has no `+
				`attribute "output_price"\. Did you mean "output_tokens_cost_per_million"\?`),
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `output "x" {
  value = provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 1, output_tokens_cost_per_million = 2 } }, 1e6, 1e6)
}`,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("x", knownvalue.Float64Exact(3))},
		},
		// A typo beside a known name, in a merged pricing or a hand-built
		// capabilities, is refused too: the price or flag would go unread.
		resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "m" { id = "gpt-4o" }
output "x" {
  value = provider::megallm::unmet_requirements(merge(data.megallm_model.m, {
    pricing = { input_tokens_cost_per_million = 3, output_token_cost_per_million = 99, currency = "USD" }
  }), { max_output_cost_per_million = 20 })
}`,
			ExpectError: expectError(`Invalid value for "model" parameter: model.pricing has no attribute "output_token_cost_per_million". ` +
				`Did you mean "output_tokens_cost_per_million"\? Its attributes are "currency", "input_tokens_cost_per_million" and ` +
				`"output_tokens_cost_per_million"`),
		},
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 2, input_per_million = 3, output_tokens_cost_per_million = 1 } }, 1, 0)`,
			`model\.pricing has no attribute "input_per_million"\. It has "input_tokens_cost_per_million", which that name is `+
				`close to: keep one of the two, and remove the other\.`),
		step(`provider::megallm::supports({ id = "x", capabilities = { supports_vision = false, supports_vison = true } }, "vision")`,
			`model\.capabilities has no attribute "supports_vison"\. It has "supports_vision", which that name is close to: `+
				`keep one of the two, and remove the other\. Its attributes are `+
				`"supports_function_calling", "supports_streaming", "supports_structured_output" and "supports_vision"`),
		// A currency at the root beside a pricing without one, hand-built or
		// megallm_model's argument beside a pricing merge() replaced, would go
		// unread, and the EUR price would meet a USD bound: the fix is the same.
		step(`provider::megallm::unmet_requirements({ id = "x", currency = "EUR", pricing = { input_tokens_cost_per_million = 2 } }, { max_input_cost_per_million = 3 })`,
			`Invalid value for "model" parameter: `+pricingWithoutCurrency),
		resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "e" {
  id       = "gpt-4o"
  currency = "EUR"
}
output "x" {
  value = provider::megallm::unmet_requirements(merge(data.megallm_model.e, {
    pricing = { input_tokens_cost_per_million = 2, output_tokens_cost_per_million = 8 }
  }), { supports_vision = true })
}`,
			ExpectError: expectError(`Invalid value for "model" parameter: ` + pricingWithoutCurrency),
		},
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `data "megallm_model" "e" {
  id       = "gpt-4o"
  currency = "EUR"
}
output "x" {
  value = provider::megallm::unmet_requirements(merge(data.megallm_model.e, {
    pricing = { input_tokens_cost_per_million = 2, output_tokens_cost_per_million = 8, currency = "EUR" }
  }), { max_input_cost_per_million = 3 }, "EUR")
}`,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("x", knownvalue.ListSizeExact(0))},
		},
		step(`provider::megallm::supports(null, "vision")`, `Invalid function argument .* argument must not be null`),
		step(`provider::megallm::unmet_requirements({ pricing = { input_tokens_cost_per_million = 1, currency = "$" } }, {})`,
			`Invalid value for "model" parameter: model\.pricing\.currency is "\$", not a three-letter ISO 4217 code such as "USD" `+
				`or "EUR" \(leave it out for "USD"\) \(did you mean "USD"\?\)\.\s*$`),
		// A currency's name in a model's pricing gets its code, as the currency argument does.
		step(`provider::megallm::unmet_requirements({ id = "x", pricing = { input_tokens_cost_per_million = 1, currency = "US Dollar" } }, {})`,
			`Invalid value for "model" parameter: model\.pricing\.currency is "US Dollar", not a three-letter ISO 4217 code `+
				`such as "USD" or "EUR" \(leave it out for "USD"\) \(did you mean "USD"\?\)\.\s*$`),
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `output "x" {
  value = provider::megallm::unmet_requirements({ id = "x", pricing = { input_tokens_cost_per_million = 1, currency = "USD" } },
    { max_input_cost_per_million = 2 })
}`,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("x", knownvalue.ListSizeExact(0))},
		},
		// Not [], as require = null is on a data source: OpenTofu 1.10 returns an
		// unknown, then null, for an untyped null passed where null is allowed.
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, null)`, `Invalid value for "require" parameter: argument must not be null`),
		// The list's data source where one of its models belongs: an error, not false.
		step(`provider::megallm::supports(data.megallm_models.all, "vision")`, `Invalid value for "model" parameter: model must be a model `+
			`object, such as data.megallm_model.NAME or an element of data.megallm_models.NAME.models, got a megallm_models data `+
			`source. Pass one of its models, such as data.megallm_models.NAME.models\[0\]`),
		// A saved GET /models answer, where one of its entries belongs, likewise.
		step(`provider::megallm::supports(jsondecode("{\"object\": \"list\", \"data\": [{\"id\": \"m\"}]}"), "vision")`,
			`Invalid value for "model" parameter: model must be a model object, .* got a saved GET /models answer\. Pass one `+
				`of its entries, such as jsondecode\(file\(\.\.\.\)\)\.data\[0\]`),
		// Neither an object, a string nor a list: what the argument takes.
		step(`provider::megallm::supports(5, "vision")`, `Invalid value for "model" parameter: model must be a model object, `+
			`such as data\.megallm_model\.NAME or an element of data\.megallm_models\.NAME\.models, got a number\.\s*$`),
		step(`provider::megallm::unmet_requirements(true, { not_deprecated = true })`, `Invalid value for "model" parameter: `+
			`model must be a model object, such as data\.megallm_model\.NAME or an element of data\.megallm_models\.NAME\.models, `+
			`got a bool\.\s*$`),
		step(`provider::megallm::unmet_requirements({ name = "gpt-4o" }, {})`, `Invalid value for "model" parameter: model must be a `+
			`model object, .* got an object with none of its attributes, such as id, capabilities or pricing`),
		// A price with its sign in a model's pricing: the currency to set is the pricing's own.
		step(`provider::megallm::estimate_cost({ pricing = { input_tokens_cost_per_million = "€3" } }, 1, 0)`,
			`model\.pricing\.input_tokens_cost_per_million must be a number, got a string "€3": write it as the number 3, `+
				`without quotes or "€", and, as a price is read in "USD" unless currency says otherwise, set `+
				`model\.pricing\.currency = "EUR"`),
		// A string too long to repeat unquoted still says what it is and what to write.
		step(`provider::megallm::estimate_cost({ pricing = { input_tokens_cost_per_million = format("%0100d", 1) } }, 1, 0)`,
			`model\.pricing\.input_tokens_cost_per_million must be a number, got a string "0{64}"… \(100 characters\): write it `+
				`without quotes\.`),
		// and, where the number would be refused too, why, so that one fix does.
		step(`provider::megallm::unmet_requirements({ id = "x", type = "chat" }, { min_context_length = "-${format("%0100d", 1)}" })`,
			`require\.min_context_length must be a number, got a string "-0{63}"… \(101 characters\), and the number would not `+
				`do either: min_context_length must be 0 or more, got -1\.`),
		step(`provider::megallm::unmet_requirements({ id = "x", type = "chat" }, { min_context_length = format("%0100d k", 1) })`,
			`require\.min_context_length must be a number, got a string "0{64}"… \(102 characters\), which is no number: write a `+
				`number, without quotes\.`),
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `output "x" {
  value = provider::megallm::estimate_cost({ pricing = { input_tokens_cost_per_million = tonumber(format("%0100d", 1)) } }, 1e6, 0)
}`,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("x", knownvalue.Float64Exact(1))},
		},
		// Only prices, at the root: where they belong, not that the object is no model.
		step(`provider::megallm::estimate_cost({ input_tokens_cost_per_million = 1, output_tokens_cost_per_million = 2 }, 1, 1)`,
			`Invalid value for "model" parameter: model\.input_tokens_cost_per_million is an attribute of model\.pricing, `+
				`not of the model, so it would go unread: move it into pricing = { \.\.\. }\. model\.output_tokens_cost_per_million`),
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, { max_workload_cost = 10 })`,
			`Invalid value for "require" parameter: require.max_workload_cost bounds the cost of a workload, which unmet_requirements does not take. Choose the model with a megallm_models data source that sets workload and require = { max_workload_cost = ... }, or check this model's cost in the same condition: provider::megallm::estimate_cost\(MODEL, INPUT_TOKENS, OUTPUT_TOKENS\) <= LIMIT.`),
		// Last, a configuration without a mistake for the test's destroy, which plans
		// the last one: a function checks its known arguments in every plan, and
		// the model a destroy does not read is unknown.
		resource.TestStep{Config: providerBlock(server, "")},
	)
}

// TestFunctions_longIDAdvice: a model id passed where a model goes, too long
// to quote whole, is not repeated as the data source's id, which could not be
// copied so; the advice, followed with the same string, reads the model.
func TestFunctions_longIDAdvice(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(fmt.Sprintf(`{"id":"vendor/model-%0100d"}`, 1)))
	const id = `format("vendor/model-%0100d", 1)` // 113 characters
	functionsTest(t,
		resource.TestStep{
			Config: providerBlock(server, "") + `output "x" { value = provider::megallm::unmet_requirements(` + id + `, { supports_vision = true }) }`,
			ExpectError: expectError(`got a string "vendor/model-0{51}"… \(113 characters\), a model id: read the model with a ` +
				`megallm_model data source whose id is that same string, too long to repeat here, and pass data\.megallm_model\.NAME`),
		},
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `data "megallm_model" "m" { id = ` + id + ` }
output "x" { value = provider::megallm::unmet_requirements(data.megallm_model.m, { min_days_to_retirement = 0 }) }`,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("x", knownvalue.ListExact(nil))},
		},
	)
}

// TestFunctions_idAloneAdvice: a model object that is an id alone, written
// as the catalog does or otherwise, is one a function cannot look up, having
// no catalog: answered from nothing, it would meet not_deprecated. The error
// says to read it with megallm_model, which, followed, names the catalog's id.
func TestFunctions_idAloneAdvice(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	alone := func(id string) string {
		return `got an object with only an id, "` + id + `", which a function, having no catalog, cannot look up: read ` +
			`the model with a megallm_model data source \(id = "` + id + `"\) and pass data\.megallm_model\.NAME`
	}
	step := func(expr, expected string) resource.TestStep {
		return resource.TestStep{Config: providerBlock(server, "") + `output "x" { value = ` + expr + ` }`, ExpectError: expectError(expected)}
	}
	functionsTest(t,
		step(`provider::megallm::unmet_requirements({ id = "GPT-4o" }, { not_deprecated = true })`, alone("GPT-4o")),
		step(`provider::megallm::supports(jsondecode("{\"id\": \"gpt-4o\"}"), "vision")`, alone("gpt-4o")),
		errorStep(server, "megallm_model", `id = "GPT-4o"`, `has no model with id "GPT-4o"\. Did you mean "gpt-4o"\?`),
		resource.TestStep{ // the advice followed, with the catalog's id
			Config: providerBlock(server, "") + `data "megallm_model" "m" { id = "gpt-4o" }
output "x" { value = provider::megallm::supports(data.megallm_model.m, "vision") }`,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("x", knownvalue.Bool(true))},
		},
	)
}

// A misspelt name of an attribute the functions read, at the model's root or
// in its nested objects, is an error that names the attribute meant: unread,
// it would leave the gate checking nothing, and the plan would pass.
func TestFunctions_misspeltAttribute(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(expr, expected string) resource.TestStep {
		return configErrorStep(server, `output "x" { value = `+expr+` }`, `Invalid value for "model" parameter: `+expected)
	}
	functionsTest(t,
		step(`provider::megallm::supports({ id = "x", capabilites = { supports_vision = true } }, "vision")`,
			`model has no attribute "capabilites", so it would go unread \(did you mean "capabilities"\?\): write it as capabilities`),
		step(`provider::megallm::estimate_cost({ id = "x", pricng = { input_tokens_cost_per_million = 2.5, output_tokens_cost_per_million = 10 } }, 1000000, 0)`,
			`model has no attribute "pricng", so it would go unread \(did you mean "pricing"\?\): write it as pricing`),
		step(`provider::megallm::unmet_requirements({ id = "x", context_lenght = 128000 }, { min_context_length = 200000 })`,
			`model has no attribute "context_lenght", so it would go unread \(did you mean "context_length"\?\): write it as context_length`),
		step(`provider::megallm::unmet_requirements({ id = "x", max_output_token = 4096 }, { min_max_output_tokens = 8192 })`,
			`model has no attribute "max_output_token", so it would go unread \(did you mean "max_output_tokens"\?\): `+
				`write it as max_output_tokens`),
		step(`provider::megallm::unmet_requirements({ id = "x", deprecated_a = "2020-01-01" }, { not_deprecated = true })`,
			`model has no attribute "deprecated_a", so its lifecycle would go unchecked \(did you mean "deprecated_at"\?\): `+
				`write it as deprecated_at`),
		// One of a nested object's attributes, misspelt at the root: the advice is where it belongs.
		step(`provider::megallm::unmet_requirements({ id = "x", stauts = "retired" }, { not_deprecated = true })`,
			`model has no attribute "stauts", so its lifecycle would go unchecked \(did you mean "model_lifecycle\.status"\?\): `+
				`write it as status in model_lifecycle = \{ \.\.\. \}`),
		step(`provider::megallm::supports({ id = "x", supports_vison = true }, "vision")`,
			`model has no attribute "supports_vison", so it would go unread \(did you mean "capabilities\.supports_vision"\?\): `+
				`write it as supports_vision in capabilities = \{ \.\.\. \}`),
		// Misspelt in a nested object: each object's own rule, as before.
		step(`provider::megallm::supports({ id = "x", capabilities = { supports_vison = true } }, "vision")`,
			`model\.capabilities has no attribute "supports_vison"\. Did you mean "supports_vision"\?`),
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { input_per_milion = 2.5, output_tokens_cost_per_million = 10 } }, 1000000, 0)`,
			`model\.pricing has no attribute "input_per_milion"\. Did you mean "input_tokens_cost_per_million"\?`),
		step(`provider::megallm::unmet_requirements({ id = "x", model_lifecycle = { retires_on = "2020-01-01" } }, { not_deprecated = true })`,
			`model\.model_lifecycle has no attribute "retires_on"\. Did you mean "retires_at"\?`),
		resource.TestStep{ // the advice followed: each attribute is read
			Config: providerBlock(server, "") + `
output "vision" {
  value = provider::megallm::supports({ id = "x", capabilities = { supports_vision = true } }, "vision")
}
output "cost" {
  value = provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 2.5, output_tokens_cost_per_million = 10 } }, 1000000, 0)
}
output "context" {
  value = provider::megallm::unmet_requirements({ id = "x", context_length = 128000 }, { min_context_length = 200000 })
}
output "output_tokens" {
  value = provider::megallm::unmet_requirements({ id = "x", max_output_tokens = 4096 }, { min_max_output_tokens = 8192 })
}
output "status" {
  value = provider::megallm::unmet_requirements({ id = "x", model_lifecycle = { status = "retired" } }, { not_deprecated = true })
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("vision", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("cost", knownvalue.Float64Exact(2.5)),
				statecheck.ExpectKnownOutputValue("context", knownIDs("context_length 128000 < required 200000")),
				statecheck.ExpectKnownOutputValue("output_tokens", knownIDs("max_output_tokens 4096 < required 8192")),
				statecheck.ExpectKnownOutputValue("status", knownvalue.ListPartial(map[int]knownvalue.Check{
					0: knownvalue.StringRegexp(regexp.MustCompile(`^model_lifecycle\.status is retired`)),
				})),
			},
		},
	)
}

// A saved LiteLLM-style price per token (or per thousand tokens) is no
// misspelling of a price per million tokens: written as one, as a misspelling's
// advice would have it, it would be read a million times too cheap. The error
// says so and gives the converted price, which followed fails the price
// requirement the expensive model should fail.
func TestFunctions_priceInAnotherUnit(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(expr, expected string) resource.TestStep {
		return configErrorStep(server, `output "x" { value = `+expr+` }`, `Invalid value for "model" parameter: `+expected)
	}
	functionsTest(t,
		step(`provider::megallm::unmet_requirements({ id = "x", pricing = { input_cost_per_token = 0.0000025 } }, { max_input_cost_per_million = 1 })`,
			`model\.pricing\.input_cost_per_token is a price per token, and\s+model\.pricing\.input_tokens_cost_per_million one per\s+million\s+tokens:\s+`+
				`write\s+input_tokens_cost_per_million\s+=\s+2\.5\s+\(2\.5e-06\s+×\s+1000000\)`),
		step(`provider::megallm::estimate_cost(jsondecode("{\"id\": \"x\", \"pricing\": {\"output_cost_per_1k_tokens\": 0.01}}"), 0, 1000000)`,
			`model\.pricing\.output_cost_per_1k_tokens is a price per thousand tokens, and\s+model\.pricing\.output_tokens_cost_per_million one per\s+million\s+tokens:\s+`+
				`write\s+output_tokens_cost_per_million\s+=\s+10\s+\(0\.01\s+×\s+1000\)`),
		// At the root, where a saved entry may have it, the advice says where it goes.
		step(`provider::megallm::unmet_requirements({ id = "x", output_cost_per_token = 0.00001 }, { max_output_cost_per_million = 1 })`,
			`model\.output_cost_per_token is a price per token, and\s+model\.pricing\.output_tokens_cost_per_million one per\s+million\s+tokens:\s+`+
				`write\s+output_tokens_cost_per_million\s+=\s+10\s+\(1e-05\s+×\s+1000000\)\s+in\s+pricing\s+=\s+\{\s+\.\.\.\s+\}`),
		// A price that is no number is converted in words.
		step(`provider::megallm::supports({ id = "x", pricing = { input_cost_per_token = "cheap" } }, "vision")`,
			`model\.pricing\.input_cost_per_token is a price per token, and\s+model\.pricing\.input_tokens_cost_per_million one per\s+million\s+tokens:\s+`+
				`write\s+input_tokens_cost_per_million\s+=\s+input_cost_per_token\s+×\s+1000000\.`),
		resource.TestStep{ // the advice followed: the model is over the requirement's price, and costs what it says
			Config: providerBlock(server, "") + `
output "unmet" {
  value = provider::megallm::unmet_requirements({ id = "x", pricing = { input_tokens_cost_per_million = 2.5 } }, { max_input_cost_per_million = 1 })
}
output "cost" {
  value = provider::megallm::estimate_cost({ id = "x", pricing = { output_tokens_cost_per_million = 10 } }, 0, 1000000)
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("unmet", knownIDs("input_tokens_cost_per_million 2.5 > allowed 1")),
				statecheck.ExpectKnownOutputValue("cost", knownvalue.Float64Exact(10)),
			},
		},
	)
}

// Only near misses are refused: every attribute of a data source's object,
// megallm_model's arguments and a saved entry's older fields among them, and
// one that is nothing like a model's (merge()'s team) are fine.
func TestFunctions_realObjectsAreNoMisspelling(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	functionsTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_model" "m" {
  candidates = ["gpt-4o"]
  require    = { supports_vision = true }
  currency   = "USD"
}
data "megallm_models" "all" {
  require = { max_input_cost_per_million = 1e300, max_output_cost_per_million = 1e300 }
}
locals {
  models = concat([data.megallm_model.m, merge(data.megallm_model.m, { team = "a" })], data.megallm_models.all.models,
    [jsondecode("{\"id\": \"old\", \"object\": \"model\", \"created\": 1700000000, \"updated_at\": 1710000000, \"supports_reasoning\": true, \"owned_by\": \"openai\", \"pricing\": {\"input_tokens_cost_per_million\": 1, \"output_tokens_cost_per_million\": 1}}")])
}
output "supports" {
  value = alltrue([for m in local.models : provider::megallm::supports(m, "vision") || true])
}
output "cost" {
  value = alltrue([for m in local.models : provider::megallm::estimate_cost(m, 1, 1) >= 0])
}
output "unmet" {
  value = alltrue([for m in local.models : length(provider::megallm::unmet_requirements(m, { not_deprecated = true })) >= 0])
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("supports", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("cost", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("unmet", knownvalue.Bool(true)),
		},
	})
}

// A name near one the object already has, or its price in another unit, gets
// no did-you-mean or conversion to that one, which followed would write it
// twice, but says to keep one of the two, in a nested object or at the root;
// followed, the model's own price is read.
func TestFunctions_nearAnAttributeSetGetsNoDidYouMean(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const keepOne = `which\s+that\s+name\s+is\s+close\s+to:\s+keep\s+one\s+of\s+the\s+two,\s+and\s+remove\s+the\s+other`
	step := func(expr, expected string) resource.TestStep {
		return configErrorStep(server, `output "x" { value = `+expr+` }`, `Invalid value for "model" parameter: `+expected)
	}
	functionsTest(t,
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 2, input_token_cost_per_million = 3 } }, 1000000, 0)`,
			`model\.pricing has no attribute\s+"input_token_cost_per_million"\.\s+It\s+has\s+"input_tokens_cost_per_million",\s+`+keepOne),
		step(`provider::megallm::estimate_cost({ id = "x", input_cost_per_million = 3, pricing = { input_tokens_cost_per_million = 2 } }, 1000000, 0)`,
			`model has no attribute "input_cost_per_million"\.\s+It\s+has\s+"pricing\.input_tokens_cost_per_million",\s+`+keepOne),
		// A price in another unit beside the price it converts to: not ignored, and not advised to be written twice.
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 2, input_cost_per_token = 0.000003 } }, 1000000, 0)`,
			`model\.pricing\.input_cost_per_token is a price per token, and\s+model\.pricing\.input_tokens_cost_per_million one per\s+million\s+tokens\.\s+`+
				`It\s+has\s+"input_tokens_cost_per_million",\s+`+keepOne),
		step(`provider::megallm::estimate_cost({ id = "x", input_cost_per_token = 0.000003, pricing = { input_tokens_cost_per_million = 2 } }, 1000000, 0)`,
			`model\.input_cost_per_token is a price per token, and\s+model\.pricing\.input_tokens_cost_per_million one per\s+million\s+tokens\.\s+`+
				`It\s+has\s+"pricing\.input_tokens_cost_per_million",\s+`+keepOne),
		resource.TestStep{
			Config: providerBlock(server, "") + `
output "nested" {
  value = provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = 2 } }, 1000000, 0)
}`,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("nested", knownvalue.Float64Exact(2))},
		},
	)
}

// A saved entry's field of a type no misspelling of the functions' names
// could hold is a newer API's, ignored: a bool deprecated is no misspelt
// deprecated_at, a date, nor a list context_lengths a misspelt context_length.
// The model's own lifecycle and limits are read.
func TestFunctions_otherTypeIsNoMisspelling(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	functionsTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
locals {
  newer = jsondecode("{\"id\": \"new\", \"deprecated\": false, \"model_lifecycle\": {\"status\": \"retired\"}, \"context_length\": 128000, \"context_lengths\": [128000, 200000]}")
}
output "unmet" {
  value = provider::megallm::unmet_requirements(local.newer, { not_deprecated = true, min_context_length = 200000 })
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("unmet", knownvalue.ListPartial(map[int]knownvalue.Check{
				0: knownvalue.StringExact("context_length 128000 < required 200000"),
				1: knownvalue.StringExact("model_lifecycle.status is retired"),
			})),
		},
	})
}

// A model that a map type made a map: the error says which types make one
// (map(any) too, and tomap()), and type = any, as it advises, reads it, its
// numbers and its nested objects.
func TestFunctions_modelOfStrings(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(typ, model, expr string) resource.TestStep {
		return resource.TestStep{Config: providerBlock(server, "") + `
variable "model" {
  type    = ` + typ + `
  default = ` + model + `
}
output "x" { value = ` + expr + ` }`}
	}
	const (
		limit  = `{ id = "m", context_length = 128000 }`
		unmet  = `provider::megallm::unmet_requirements(var.model, { min_context_length = 200000 })`
		vision = `provider::megallm::supports(var.model, "vision")`
	)
	anyType := `the variable it comes from as type = any, not map\(string\) or map\(any\) \(drop any tomap\(\) ` +
		`around the object\)\.?\s*$`
	mapOfStrings := `model\.context_length must be a number, got a string "128000": model is a map of strings, in which true is ` +
		`"true" and 128000 is "128000"\. Declare ` + anyType
	ofStrings, ofAny, toMap := step("map(string)", limit, unmet), step("map(any)", limit, unmet),
		step("any", limit, `provider::megallm::unmet_requirements(tomap(var.model), { min_context_length = 200000 })`)
	for _, s := range []*resource.TestStep{&ofStrings, &ofAny, &toMap} {
		s.ExpectError = expectError(mapOfStrings)
	}
	// Moved into capabilities, as the error says, the flag would not fit the map.
	flagInMap := step("map(bool)", `{ supports_vision = true }`, vision)
	flagInMap.ExpectError = expectError(`model\.supports_vision is an attribute of model\.capabilities, not of the model, so it ` +
		`would go unread: move it into capabilities = \{ \.\.\. \}\. model is a map, which holds no object: declare ` + anyType)
	followed, flagFollowed := step("any", limit, unmet), step("any", `{ capabilities = { supports_vision = true } }`, vision)
	followed.ConfigStateChecks = []statecheck.StateCheck{
		statecheck.ExpectKnownOutputValue("x", knownIDs("context_length 128000 < required 200000")),
	}
	flagFollowed.ConfigStateChecks = []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("x", knownvalue.Bool(true))}
	functionsTest(t, ofStrings, ofAny, toMap, followed, flagInMap, flagFollowed)
}

// A null currency is the default, as a data source's currency = null is, so
// that one optional variable serves both. OpenTofu 1.10 sends a null variadic
// argument in an encoding the framework cannot read, and fails the call with
// the framework's error before the function runs.
func TestFunctions_nullCurrency(t *testing.T) {
	t.Parallel()
	step := resource.TestStep{
		Config: providerBlock(mockapi.NewTestServer(t, ""), "") + `
variable "currency" {
  type    = string
  default = null
}
output "unmet_in_null_currency" {
  value = provider::megallm::unmet_requirements({ pricing = { input_tokens_cost_per_million = 2 } }, { max_input_cost_per_million = 1 }, var.currency)
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("unmet_in_null_currency", knownIDs("input_tokens_cost_per_million 2 > allowed 1")),
		},
	}
	if openTofu() {
		step.ConfigStateChecks, step.ExpectError = nil, expectError(`Unable to unmarshal DynamicValue at position 2`)
	}
	functionsTest(t, step)
}

// A currency argument that is no ISO 4217 code and one edit from the model's
// pricing currency is a typo, as on a data source: an error with the code
// meant, not a miss that says the model is priced in another currency. The
// advice followed meets the bound; an ISO 4217 code near it ("USN") is a
// currency of its own, which the model misses.
func TestFunctions_mistypedCurrency(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(pricing, currency string) resource.TestStep {
		return resource.TestStep{Config: providerBlock(server, "") + `output "x" {
  value = provider::megallm::unmet_requirements({ pricing = { input_tokens_cost_per_million = 2` + pricing + ` } },
    { max_input_cost_per_million = 3 }, "` + currency + `")
}`}
	}
	typo := func(pricing, currency, want string) resource.TestStep {
		s := step(pricing, currency)
		s.ExpectError = expectError(`Invalid value for "currency" parameter: ` + want)
		return s
	}
	meets := func(pricing, currency string, unmet knownvalue.Check) resource.TestStep {
		s := step(pricing, currency)
		s.ConfigStateChecks = []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("x", unmet)}
		return s
	}
	functionsTest(t,
		typo("", "uds", `currency "UDS" is no ISO 4217 code \(did you mean "USD"\?\)\.`),
		typo(`, currency = "EUR"`, "ERU", `currency "ERU" is no ISO 4217 code \(did you mean "EUR"\?\)\.`),
		meets(`, currency = "EUR"`, "EUR", knownvalue.ListSizeExact(0)),
		meets("", "USN", knownIDs("priced in USD, the requirement is in USN")),
	)
}

// An argument unknown at plan time makes the result unknown, then known after
// apply, a value known after apply beside known ones too.
func TestFunctions_unknownArgument(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unknown := []string{"vision", "unmet", "cost", "vision_merged", "unmet_in_currency", "cost_beside_null_currency"}
	var planChecks []plancheck.PlanCheck
	for _, name := range unknown {
		planChecks = append(planChecks, plancheck.ExpectUnknownOutputValue(name))
	}
	functionsTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_model" "m" { id = "gpt-4o" }
resource "terraform_data" "model" {
  input = data.megallm_model.m
}
resource "terraform_data" "tokens" {
  input = 200000
}
resource "terraform_data" "currency" {
  input = "eur"
}
output "vision" {
  value = provider::megallm::supports(terraform_data.model.output, "vision")
}
output "unmet" {
  value = provider::megallm::unmet_requirements(data.megallm_model.m, { supports_vision = true, min_context_length = terraform_data.tokens.output })
}
output "cost" {
  value = provider::megallm::estimate_cost(data.megallm_model.m, terraform_data.tokens.output, 0)
}
output "vision_merged" {
  value = provider::megallm::supports(merge(data.megallm_model.m, {
    capabilities = merge(data.megallm_model.m.capabilities, { supports_vision = true, note = terraform_data.tokens.output })
  }), "vision")
}
output "unmet_in_currency" {
  value = provider::megallm::unmet_requirements(data.megallm_model.m, { max_input_cost_per_million = 3 }, terraform_data.currency.output)
}
output "cost_beside_null_currency" {
  value = provider::megallm::estimate_cost({
    currency = terraform_data.tokens.output > 0 ? null : "EUR" # null, as megallm_model's argument left unset
    pricing  = { input_tokens_cost_per_million = 2 }
  }, terraform_data.tokens.output, 0)
}`,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: planChecks},
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("vision", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("unmet", knownIDs("context_length 128000 < required 200000")),
			statecheck.ExpectKnownOutputValue("cost", knownvalue.Float64Exact(0.5)), // 200,000 input tokens at 2.5 per million
			statecheck.ExpectKnownOutputValue("vision_merged", knownvalue.Bool(true)),
			statecheck.ExpectKnownOutputValue("unmet_in_currency", knownIDs("priced in USD, the requirement is in EUR")),
			statecheck.ExpectKnownOutputValue("cost_beside_null_currency", knownvalue.Float64Exact(0.4)),
		},
	})
}

// A typo beside a value known only after apply fails the plan, as it does in
// a data source's require: the functions check what is known.
func TestFunctions_typoBesideUnknownFailsPlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(expr, expected string) resource.TestStep {
		return planErrorStep(providerBlock(server, "")+`data "megallm_model" "m" { id = "gpt-4o" }
resource "terraform_data" "n" { input = 100000 }
output "x" { value = `+expr+` }`, expected)
	}
	functionsTest(t,
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, { min_contxt_length = terraform_data.n.output })`,
			`Invalid value for "require" parameter: require has no attribute "min_contxt_length"\. Did you mean "min_context_length"\?`),
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, { supports_vision = terraform_data.n.output, min_context_length = "128k" })`,
			`require\.min_context_length must be a number, got a string "128k": write it as the number 128000, without quotes`),
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, { supports_vison = true }, terraform_data.n.output)`,
			`require has no attribute "supports_vison"\. Did you mean "supports_vision"\?`),
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, {}, terraform_data.n.output, "EUR")`,
			`Invalid value for "currency" parameter: give at most one currency, got 2`),
		step(`provider::megallm::estimate_cost(data.megallm_model.m, terraform_data.n.output, -1)`,
			`Invalid value for "output_tokens" parameter: token count must be 0 or more, got -1`),
		step(`provider::megallm::estimate_cost({ id = "x", pricing = { input_tokens_cost_per_million = -1 } }, terraform_data.n.output, 0)`,
			`model\.pricing\.input_tokens_cost_per_million must be 0 or more, got -1`),
		step(`provider::megallm::supports(merge(data.megallm_model.m, { capabilities = { supports_vison = true, x = terraform_data.n.output } }), "vision")`,
			`Invalid value for "model" parameter: model\.capabilities has no attribute "supports_vison"\. Did you mean "supports_vision"\?`),
		step(`provider::megallm::supports(terraform_data.n.output, "vison")`,
			`Invalid value for "capability" parameter: unknown capability "vison"\. Did you mean "vision"\?`),
		// No pricing fails whatever the counts: not only at apply, after what it would have created.
		step(`provider::megallm::estimate_cost({ id = "x", pricing = null }, terraform_data.n.output, 0)`,
			`Invalid value for "model" parameter: model "x" has no pricing, so its cost cannot be estimated`),
		step(`provider::megallm::unmet_requirements(data.megallm_model.m, { max_workload_cost = terraform_data.n.output })`,
			`Invalid value for "require" parameter: require\.max_workload_cost bounds the cost of a workload, which unmet_requirements does not take`),
	)
}

// A key pasted into a function's argument, in any form, is shown as ***. A
// function sees no api_key: its errors are scrubbed of MEGALLM_API_KEY's key
// and of the keys the provider block's validation remembered in this process,
// which an argument known only once the data source is read makes the calls
// wait for (Terraform calls a function while validating, before Configure,
// with what is known).
// (Served in-process, as here, a function runs where Configure ran; Terraform
// runs it in a process of its own.)
func TestFunctions_keyInArgument(t *testing.T) {
	t.Parallel()
	const key = "h72-fn-key/pasted+into-a-function-0123" // in no other test: the provider remembers it
	server := mockapi.NewTestServer(t, key)
	step := func(expr, expected string) resource.TestStep {
		return resource.TestStep{
			Config: fmt.Sprintf("provider \"megallm\" {\n  base_url = %q\n  api_key  = %q\n}\n", server.URL(), key) +
				`data "megallm_model" "m" { id = "gpt-4o" }` + "\noutput \"x\" { value = " + expr + " }",
			ExpectError: expectError(expected),
		}
	}
	afterRead := func(value string) string { return fmt.Sprintf(`data.megallm_model.m.id == "" ? "" : %q`, value) }
	supports := func(capability string) string {
		return "provider::megallm::supports(data.megallm_model.m, " + afterRead(capability) + ")"
	}
	const shown = `Invalid value for "capability" parameter: unknown capability "\*\*\*"\. Use one of`
	functionsTest(t,
		step(supports(key), shown),
		step(supports(strings.ToUpper(key)), shown),
		step(supports(url.QueryEscape(key)), shown),
		step(supports(base64.StdEncoding.EncodeToString([]byte(key))), shown),
		step("provider::megallm::unmet_requirements(data.megallm_model.m, "+afterRead(`{ api_key = "`+key+`" }`)+")",
			`Invalid value for "require" parameter: require must be an object such as { supports_vision = true }, got a string "{ api_key = \\"\*\*\*\\" }", a value written as text`),
		step(fmt.Sprintf("provider::megallm::estimate_cost({ id = %q, owned_by = data.megallm_model.m.owned_by }, 1, 1)", key),
			`model "\*\*\*" has no pricing, so its cost cannot be estimated`),
	)
}

// A function called before the provider is configured, with literal
// arguments (Terraform calls it while validating), has MEGALLM_API_KEY's key,
// as the provider trims it, shown as ***.
func TestFunctions_environmentKeyInArgument(t *testing.T) {
	const key = "h72-fn-env-key-pasted-into-a-function-0123" // in no other test
	t.Setenv(envAPIKey, " "+key+"\n")
	server := mockapi.NewTestServer(t, key)
	functionsTest(t, resource.TestStep{
		Config: fmt.Sprintf("provider \"megallm\" {\n  base_url = %q\n}\n", server.URL()) +
			fmt.Sprintf("output \"x\" { value = provider::megallm::supports({ id = \"gpt-4o\", type = \"chat\" }, %q) }", key),
		ExpectError: expectError(`Invalid value for "capability" parameter: unknown capability "\*\*\*"\. Use one of`),
	})
}

// A saved model object whose successor holds the key (a server echoed it) is
// read by a function as the decoder reads the catalog: without a successor,
// so unmet_requirements names none, nor the key, as the data sources would.
// (In-process, the function knows api_key's key; run by Terraform, only
// MEGALLM_API_KEY's, as for its errors.)
func TestFunctions_keyInSavedSuccessor(t *testing.T) {
	t.Parallel()
	const key = "h248-fn-key/in+a-saved-successor-0123" // in no other test: the provider remembers it
	server := mockapi.NewTestServer(t, key)
	entry := fmt.Sprintf(`{ id = "old", model_lifecycle = { status = "retired", retires_at = "2020-01-01", successor = "use %s" } }`,
		url.QueryEscape(key))
	functionsTest(t, resource.TestStep{
		Config: fmt.Sprintf("provider \"megallm\" {\n  base_url = %q\n  api_key  = %q\n}\n", server.URL(), key) +
			`data "megallm_model" "m" { id = "gpt-4o" }` + // Terraform validates the provider block for it
			"\noutput \"x\" { value = provider::megallm::unmet_requirements(" + entry + ", { not_deprecated = true }) }",
		ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("x",
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("model_lifecycle.status is retired since 2020-01-01")}))},
	})
}
