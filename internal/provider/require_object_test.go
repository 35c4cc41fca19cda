package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// Terraform drops the unknown attributes of an object literal given to a
// nested object attribute, so before require was dynamic a typo inside it
// reached the provider as an empty object and required nothing.
func TestRequire_typoIsAnError(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(config string) resource.TestStep {
		return planErrorStep(providerBlock(server, "")+config, `Invalid require .* require has no attribute "supports_vison"\. Did you mean "supports_vision"\? Its attributes are "supports_function_calling", "supports_vision", .* "max_output_cost_per_million", "max_workload_cost", "not_deprecated" and "min_days_to_retirement"\.`)
	}
	unitTest(t,
		step(`data "megallm_models" "m" { require = { supports_vison = true } }`),
		step(`data "megallm_model" "m" {
  id      = "gpt-4o"
  require = { supports_vison = true }
}`),
		// Through a variable of type any, as a module passes it on.
		step(`variable "req" {
  type    = any
  default = { supports_vison = true, min_context_length = 1000 }
}
data "megallm_models" "m" { require = var.req }`),
		// A value not known until apply (timestamp() is unknown at plan, in
		// every Terraform since 1.0) does not hide a misspelt name from the plan.
		step(`data "megallm_models" "m" { require = { supports_vison = timestamp() != "" } }`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("a misspelt requirement sent %d requests, want 0", n)
	}
}

// A misspelt attribute does not hide a mistake in a value beside it: the
// error lists both, as the policy's does, rather than the second only once
// the first is fixed.
func TestRequire_typoBesideBadValueListsBoth(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, planErrorStep(providerBlock(server, "")+
		`data "megallm_models" "m" { require = { supports_vison = true, min_context_length = "128k" } }`,
		`Invalid require .* require has no attribute "supports_vison"\. Did you mean "supports_vision"\? .* `+
			`require\.min_context_length must be a number, got a string "128k": write it as the number 128000, without quotes\.`))
}

// A minimum above what an int64 holds, such as 1e30, is more than any model
// has, as 99999999999 tokens of context is: no model meets it, not even one
// with the most an int64 holds, and of min_days_to_retirement only a model
// with no known retirement date; a miss shows the minimum as written, whole,
// as a plan shows it (1e30, and 1e19 in all its digits).
func TestRequire_minimumAboveEveryModel(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const retiring = `{ models = { "gpt-4o" = { retires_at = "2999-01-01" } } }`
	unitTest(t,
		resource.TestStep{
			Config: policyProvider(server, retiring, `
data "megallm_models" "never_retiring" {
  id_regex = "^gpt-4o"
  require  = { min_days_to_retirement = 1e30 }
}
data "megallm_models" "no_context_enough" {
  require = { min_context_length = 1e30 }
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectIDs("data.megallm_models.never_retiring", "gpt-4o-mini"),
				expectIDs("data.megallm_models.no_context_enough"),
			},
		},
		resource.TestStep{
			Config: policyProvider(server, retiring, `data "megallm_model" "m" {
  id      = "gpt-4o"
  require = { min_days_to_retirement = 1e30 }
}`),
			ExpectError: expectError(`model_lifecycle\.days_to_retirement \d+ < required 1e30 \(retires_at 2999-01-01\)`),
		},
	)
	largest := mockapi.NewTestServer(t, "")
	largest.SetModels(json.RawMessage(`{"id":"largest","context_length":9223372036854775807,"max_output_tokens":1}`))
	unitTest(t, errorStep(largest, "megallm_model", `id = "largest"
require = { min_context_length = 1e30, min_max_output_tokens = 1e19 }`,
		`Model "largest" does not meet 2 requirements:`+
			` - context_length 9223372036854775807 < required 1e30`+
			` - max_output_tokens 1 < required 10000000000000000000`))
}

// A minimum above 2^53, which a float64 cannot hold, is compared exactly and
// quoted as written wherever a miss is worded: a model of that context meets
// it and one a unit below does not, in megallm_model's error, empty_reason and
// unmet_requirements alike.
func TestRequire_minimumAbove2To53(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"huge","context_length":9007199254740992}`),
		json.RawMessage(`{"id":"huger","context_length":9007199254740993}`))
	const miss = `context_length 9007199254740992 < required 9007199254740993`
	functionsTest(t,
		resource.TestStep{
			Config: providerBlock(server, "") + `
locals { need = { min_context_length = 9007199254740993 } }
data "megallm_models" "long" { require = local.need }
data "megallm_models" "none" {
  id_regex = "^huge$"
  require  = local.need
}
data "megallm_model" "huger" {
  id      = "huger"
  require = local.need
}
output "unmet" {
  value = provider::megallm::unmet_requirements({ context_length = 9007199254740992 }, local.need)
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				expectIDs("data.megallm_models.long", "huger"),
				expectIDs("data.megallm_models.none"),
				statecheck.ExpectKnownValue("data.megallm_models.none", tfjsonpath.New("empty_reason"),
					knownvalue.StringRegexp(regexp.MustCompile(`\(the closest: `+miss+`\)`))),
				statecheck.ExpectKnownOutputValue("unmet", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(miss)})),
			},
		},
		errorStep(server, "megallm_model", `id = "huge"
require = { min_context_length = 9007199254740993 }`, `Model "huge" does not meet 1 requirement: - `+miss))
}

// A price written in quotes per another unit than the attribute's is
// converted, as an attribute named per another unit is (unitError): "write a
// number" would leave 5 or 5000 to guess. The number given plans.
func TestRequire_pricePerAnotherUnitInText(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	config := func(require string) string {
		return providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "m" { require = %s }`, require)
	}
	unitTest(t, resource.TestStep{
		Config: config(`{ max_input_cost_per_million = "5 per 1K tokens" }`),
		ExpectError: expectError(`got a string "5 per 1K tokens": write it as the number 5000 \(5 × 1000, as ` +
			`max_input_cost_per_million is one per million tokens\), without quotes or "per 1K tokens"\.?\s*$`),
	}, resource.TestStep{
		Config: config(`{ max_output_cost_per_million = "$0.000002/token" }`),
		ExpectError: expectError(`got a string "\$0\.000002/token": write it as the number 2 \(0\.000002 × 1000000, as ` +
			`max_output_cost_per_million is one per million tokens\), without quotes, "\$" or "/token"\.?\s*$`),
	}, resource.TestStep{
		Config: config(`{ max_input_cost_per_million = 5000, max_output_cost_per_million = 2 }`),
	})
}

func TestRequire_numbers(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(require, expected string) resource.TestStep {
		return resource.TestStep{
			Config:      providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "m" { require = %s }`, require),
			ExpectError: expectError(expected),
		}
	}
	unitTest(t,
		step(`{ min_context_length = 1.5 }`, `Invalid require .* require.min_context_length must be a whole number, got 1\.5: write 1 or 2\.\s*$`),
		step(`{ min_max_output_tokens = -1e30 }`, `require.min_max_output_tokens must be 0 or more, got -1e30\.`),
		step(`{ min_context_length = [128000] }`, `require.min_context_length must be a number, got a list: write its one value `+
			`alone, not in a list\.\s*$`),
		step(`{ max_input_cost_per_million = 1e400 }`, `require.max_input_cost_per_million is too large: 1e400 `+
			`\(at most 1\.7976931348623157e308\)`),
		step(`{ min_days_to_retirement = 1e400 }`, `require.min_days_to_retirement is too large: 1e400 `+
			`\(at most 1\.7976931348623157e308\)`),
		step(`{ supports_vision = "yes" }`, `require.supports_vision must be a bool, got a string "yes", which is no bool: `+
			`write true or false, without quotes\.?\s*$`),
		// A number has no quotes to write it without: it is told what it is and which bool to write.
		step(`{ not_deprecated = 1 }`, `require.not_deprecated must be a bool, got a number 1: write true, the bool it `+
			`means\.?\s*$`),
		step(`{ not_deprecated = 3 }`, `require.not_deprecated must be a bool, got a number 3, which is no bool: write `+
			`true or false\.?\s*$`),
		// A bool in quotes as a person writes it, or file() reads it, is that bool.
		step(`{ supports_vision = "True" }`, `require.supports_vision must be a bool, got a string "True": write it without `+
			`quotes, as true,`),
		step(`{ not_deprecated = "false\n" }`, `require.not_deprecated must be a bool, got a string "false\\n": write it without `+
			`quotes, as false,`),
		// A price as people write it: with a currency, a decimal comma, both.
		step(`{ max_input_cost_per_million = "$2.50" }`, `require.max_input_cost_per_million must be a number, got a string `+
			`"\$2\.50": write it as the number 2\.5, without quotes or "\$"`),
		step(`{ max_input_cost_per_million = "2,50" }`, `require.max_input_cost_per_million must be a number, got a string `+
			`"2,50": write it as the number 2\.5, without quotes\.?\s*$`),
		// One comma before three digits is a thousands separator or, in much of
		// Europe, a decimal comma: both readings, where the attribute takes both.
		step(`{ max_input_cost_per_million = "EUR 1,500" }`, `require.max_input_cost_per_million must be a number, got `+
			`a string "EUR 1,500": write it as the number 1500 \(or 1\.5, if its comma is a decimal comma\), without quotes or "EUR"`),
		step(`{ min_context_length = "1,234" }`, `require.min_context_length must be a number, got a string "1,234": write `+
			`it as the number 1234, without quotes\.?\s*$`),
		step(`{ max_output_cost_per_million = "EUR 2,5" }`, `require.max_output_cost_per_million must be a number, got `+
			`a string "EUR 2,5": write it as the number 2\.5, without quotes or "EUR"`),
		// A price in another currency than the default also needs currency, or
		// the number alone would be read in USD.
		step(`{ max_input_cost_per_million = "3 eur" }`, `got a string "3 eur": write it as the number 3, without quotes or `+
			`"eur", and, as a price is read in "USD" unless currency says otherwise, set currency = "EUR"`),
		step(`{ max_input_cost_per_million = "£2" }`, `without quotes or "£", and, as a price is read in "USD" unless `+
			`currency says otherwise, set currency = "GBP"`),
		// "¥" is yen or yuan: the number alone would be read in USD, so the fix names both.
		step(`{ max_input_cost_per_million = "¥300" }`, `got a string "¥300": write it as the number 300, without quotes or "¥", `+
			`and, as a price is read in "USD" unless currency says otherwise, set currency = "JPY" or set currency = "CNY" `+
			`\(whichever "¥" stands for\)\.?\s*$`),
		step(`{ max_input_cost_per_million = "3 Euros" }`, `got a string "3 Euros": write it as the number 3, without quotes `+
			`or "Euros", and, as a price is read in "USD" unless currency says otherwise, set currency = "EUR"`),
		step(`{ max_input_cost_per_million = "US$2.50" }`, `got a string "US\$2\.50": write it as the number 2\.5, without `+
			`quotes or "US\$"\.?\s*$`),
		// A currency code is read in any case, but only a real one is a code.
		step(`{ max_input_cost_per_million = "3 usd" }`, `require.max_input_cost_per_million must be a number, got `+
			`a string "3 usd": write it as the number 3, without quotes or "usd"`),
		// Before the number, a code in lower case is one only for a currency
		// common enough to have a sign: "top" and "all" are words here, though
		// TOP and ALL are currencies.
		step(`{ max_input_cost_per_million = "usd 2.50" }`, `require.max_input_cost_per_million must be a number, got `+
			`a string "usd 2\.50": write it as the number 2\.5, without quotes or "usd"\.?\s*$`),
		step(`{ max_input_cost_per_million = "eur 3" }`, `got a string "eur 3": write it as the number 3, without quotes or `+
			`"eur", and, as a price is read in "USD" unless currency says otherwise, set currency = "EUR"`),
		// A code glued to the number, before it or after, counts as one apart.
		step(`{ max_input_cost_per_million = "USD2.50" }`, `got a string "USD2\.50": write it as the number 2\.5, without quotes `+
			`or "USD"\.?\s*$`),
		step(`{ max_input_cost_per_million = "Eur3" }`, `got a string "Eur3": write it as the number 3, without quotes or `+
			`"Eur", and, as a price is read in "USD" unless currency says otherwise, set currency = "EUR"`),
		step(`{ max_output_cost_per_million = "2.50EUR" }`, `got a string "2\.50EUR": write it as the number 2\.5, without `+
			`quotes or "EUR", and, as a price is read in "USD" unless currency says otherwise, set currency = "EUR"`),
		// A price per million is what the attribute takes: the unit goes too.
		step(`{ max_input_cost_per_million = "$3/M" }`, `got a string "\$3/M": write it as the number 3, without quotes, "\$" `+
			`or "/M"\.?\s*$`),
		step(`{ max_input_cost_per_million = "3 $/M" }`, `got a string "3 \$/M": write it as the number 3, without quotes, `+
			`"\$" or "/M"\.?\s*$`),
		step(`{ max_output_cost_per_million = "2.5 per million tokens" }`, `got a string "2\.5 per million tokens": write it `+
			`as the number 2\.5, without quotes or "per million tokens"\.?\s*$`),
		// A workload's cost is no price per million.
		step(`{ max_workload_cost = "$3/M" }`, `require.max_workload_cost must be a number, got a string "\$3/M", which is `+
			`no number: write a number, without quotes`),
		step(`{ max_input_cost_per_million = "top3" }`, `require.max_input_cost_per_million must be a number, got `+
			`a string "top3", which is no number: write a number, without quotes`),
		step(`{ max_output_cost_per_million = "all5" }`, `require.max_output_cost_per_million must be a number, got `+
			`a string "all5", which is no number: write a number, without quotes`),
		step(`{ max_input_cost_per_million = "top 3" }`, `require.max_input_cost_per_million must be a number, got `+
			`a string "top 3", which is no number: write a number, without quotes`),
		step(`{ min_context_length = "all 5" }`, `require.min_context_length must be a number, got a string "all 5", `+
			`which is no number: write a number, without quotes`),
		// A count takes no currency: no advice to set one.
		step(`{ min_context_length = "5 EUR" }`, `require.min_context_length must be a number, got a string "5 EUR", `+
			`which is no number: write a number, without quotes\.?\s*$`),
		step(`{ max_input_cost_per_million = "per 3" }`, `require.max_input_cost_per_million must be a number, got `+
			`a string "per 3", which is no number: write a number, without quotes`),
		step(`{ max_input_cost_per_million = "NaN" }`, `require.max_input_cost_per_million must be a number, got a string `+
			`"NaN", which is no number: write a number, without quotes`),
		step(`{ min_context_length = "128000" }`, `require.min_context_length must be a number, got a string "128000": write it `+
			`without quotes, as 128000, or, where a variable's type made it a string, type it number`),
		step(`{ max_input_price = 2, max_cost = 1 }`, `require has no attribute "max_cost". Did you mean `+
			`"max_input_cost_per_million", "max_output_cost_per_million" or "max_workload_cost"\? `+
			`require has no attribute "max_input_price". Did you mean "max_input_cost_per_million"\?`),
		step(`{ min_context_length = "128k" }`, `require.min_context_length must be a number, got a string "128k": write it `+
			`as the number 128000, without quotes`),
		// A number in quotes that the attribute's rule refuses says so at
		// once: "write it without quotes" alone would lead to a second error.
		step(`{ min_context_length = "1.5" }`, `require.min_context_length must be a number, got a string "1\.5", and the `+
			`number 1\.5 would not do either: min_context_length must be a whole number, got 1\.5: write 1 or 2\.\s*$`),
		step(`{ max_input_cost_per_million = "-5" }`, `require.max_input_cost_per_million must be a number, got a string "-5", `+
			`and the number -5 would not do either: max_input_cost_per_million must be 0 or more, got -5\.\s*$`),
		step(`{ min_max_output_tokens = "-1e30" }`, `require.min_max_output_tokens must be a number, got a string "-1e30", and the `+
			`number -1e30 would not do either: min_max_output_tokens must be 0 or more, got -1e30\.`),
		step(`{ min_days_to_retirement = "1.2345k" }`, `require.min_days_to_retirement must be a number, got a string "1\.2345k", `+
			`and the number 1234\.5 would not do either: min_days_to_retirement must be a whole number, got 1234\.5: write 1234 or 1235\.\s*$`),
		step(`var.typed_as_strings }
variable "typed_as_strings" {
  type    = object({ supports_vision = string })
  default = { supports_vision = true }
`, `require.supports_vision must be a bool, got a string "true": write it without quotes, `+
			`as true, or, where a variable's type made it a string, type it bool`),
		step(`"vision"`, `require must be an object such as \{ supports_vision = true \}, got a string`),
		// Text in HCL that is not JSON, as -var passes it: jsondecode() would
		// fail on it, and only a type reads it; in quotes in the configuration,
		// as here, deleting them reads it.
		step(`"{supports_vision=true}"`, `require must be an object such as \{ supports_vision = true \}, got a string\s+`+
			`"\{supports_vision=true\}", a value written as text, as -var or TF_VAR_\s+pass\s+it\s+to\s+a\s+variable\s+`+
			`declared\s+without\s+a\s+type:\s+declare\s+the\s+variable\s+with\s+type\s+=\s+any\s+\(it\s+is\s+not\s+JSON,\s+`+
			`which\s+jsondecode\(\)\s+reads\),\s+or,\s+where\s+the\s+configuration\s+writes\s+it\s+in\s+quotes,\s+delete\s+them\.\s*$`),
		// Attributes as text, without braces: an object is what it means.
		step(`"supports_vision = true"`, `require must be an object such as \{ supports_vision = true \}, got a string\s+`+
			`"supports_vision = true", attributes written as text: write them as an object, without quotes,\s+`+
			`\{ supports_vision = true \}\.\s*$`),
		step(`"min_context_length = 128000\nsupports_vision=true"`, `got a string\s+"min_context_length = 128000\\nsupports_vision=true",\s+`+
			`attributes written as text: write them as an object, without quotes,\s+\{ min_context_length = 128000,\s+`+
			`supports_vision=true \}\.\s*$`),
		// 25 characters, 67 bytes (ideographic spaces): quoted whole, so the fix is written out.
		step(`{ supports_vision = "true`+strings.Repeat(`\u3000`, 21)+`" }`, `got a string "true(\\u3000){21}": write it `+
			`without quotes, as true,`),
		// 45 characters, 85 bytes: quoted whole, so the object is written out.
		step(`"supports_vision = true # `+strings.Repeat("✓", 20)+`"`, `attributes written as text: write them as an `+
			`object, without quotes,\s+\{ supports_vision = true \}\.\s*$`),
		step(`"supports_vision = var.x"`, `require must be an object such as \{ supports_vision = true \}, got a string\.?\s*$`),
		step(`"{draft} vision only"`, `require must be an object such as \{ supports_vision = true \}, got a string\.?\s*$`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid requirements sent %d requests, want 0", n)
	}
}

// The largest price bound that the "too large" error offers plans: it keeps
// every chat model with an input price, 21 of the mock's 22.
func TestRequire_largestPriceBound(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_models" "m" {
  type    = "chat"
  require = { max_input_cost_per_million = 1.7976931348623157e+308 }
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_models.m", tfjsonpath.New("ids"), knownvalue.ListSizeExact(21)),
		},
	})
}

// A price bound per another number of tokens, as LiteLLM names prices, is
// told its bound per million tokens, in require and in the policy's pricing:
// renamed alone, as a "did you mean" would have it, 0.005 per thousand tokens
// would be 0.005 per million, which no model meets (or, as a negotiated price,
// a model nearly free). Followed, it lists the models at that price.
func TestRequire_pricePerAnotherUnit(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(config, expected string) resource.TestStep {
		return resource.TestStep{Config: providerBlock(server, "") + config, ExpectError: expectError(expected)}
	}
	unitTest(t,
		step(`data "megallm_models" "m" { require = { max_input_cost_per_1k_tokens = 0.005 } }`,
			`Invalid require .* require\.max_input_cost_per_1k_tokens is a price per thousand tokens, and\s+`+
				`require\.max_input_cost_per_million one per million tokens: write\s+max_input_cost_per_million = 5 \(0\.005 × 1000\)\.\s+Its attributes`),
		step(`data "megallm_model" "m" {
  id      = "gpt-4o"
  require = { max_output_cost_per_million = 20, max_output_cost_per_token = 0.00002 }
}`, `require\.max_output_cost_per_token is a price per token, and\s+require\.max_output_cost_per_million one per million\s+`+
			`tokens\. It has "max_output_cost_per_million", which that name is close to: keep one\s+of\s+the\s+two,\s+and\s+remove\s+the\s+other\.\s+Its\s+attributes`),
		step(`output "unmet" {
  value = provider::megallm::unmet_requirements({ id = "x", context_length = 1000 }, { max_input_cost_per_token = 0.000002 })
}`, `require\.max_input_cost_per_token is a price per token, and\s+require\.max_input_cost_per_million one per million\s+`+
			`tokens:\s+write\s+max_input_cost_per_million\s+=\s+2\s+\(2e-06\s+×\s+1000000\)\.`),
		resource.TestStep{
			Config: providerBlock(server, `policy = { models = { "gpt-4o" = { pricing = { input_cost_per_token = 0.000002 } } } }`) +
				`data "megallm_models" "m" {}`,
			ExpectError: expectError(`policy\.models\["gpt-4o"\]\.pricing\.input_cost_per_token is a price per token,\s+and\s+` +
				`policy\.models\["gpt-4o"\]\.pricing\.input_tokens_cost_per_million one per\s+million\s+tokens:\s+` +
				`write\s+input_tokens_cost_per_million\s+=\s+2\s+\(2e-06\s+×\s+1000000\)\.`),
		},
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `data "megallm_models" "m" { require = { max_input_cost_per_million = 5 } }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_models.m", tfjsonpath.New("ids"), knownvalue.ListSizeExact(23)),
			},
		},
	)
}

// A quoted price in another currency, where currency is known only after
// apply, says nothing about the currency set: it cannot know it.
func TestRequire_quotedPriceUnknownCurrency(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTestFrom(t, tfversion.Version1_4_0, resource.TestStep{
		Config: providerBlock(server, "") + `
resource "terraform_data" "currency" {
  input = "EUR"
}
data "megallm_models" "m" {
  currency = terraform_data.currency.output
  require  = { max_input_cost_per_million = "€3" }
}`,
		ExpectError: expectError(`Invalid require .* require.max_input_cost_per_million must be a number, got a string "€3": ` +
			`write it as the number 3, without quotes or "€"\.?\s*$`),
	})
}

// Requirements from a module's variable of type any, or a map, work as a
// literal does; so does an object with null attributes, as an object-typed
// variable gives for those left null (or, since Terraform 1.3, optional()).
func TestRequire_fromVariables(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
variable "any" {
  type    = any
  default = { supports_vision = true, min_context_length = 1048576 }
}
variable "map" {
  type    = map(number)
  default = { min_context_length = 1000000 }
}
variable "typed" {
  type = object({
    supports_vision    = bool
    min_context_length = number
  })
  default = { supports_vision = null, min_context_length = 1000000 }
}
data "megallm_models" "any" { require = var.any }
data "megallm_models" "map" { require = var.map }
data "megallm_models" "typed" { require = var.typed }
data "megallm_model" "gemini" {
  id      = "gemini-1.5-pro"
  require = var.typed
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.any", "gemini-1.5-pro", "gemini-2.0-flash"),
			expectIDs("data.megallm_models.map", "gemini-1.5-pro", "gemini-2.0-flash", "gpt-4.1", "gpt-4.1-mini"),
			expectIDs("data.megallm_models.typed", "gemini-1.5-pro", "gemini-2.0-flash", "gpt-4.1", "gpt-4.1-mini"),
			statecheck.ExpectKnownValue("data.megallm_model.gemini", tfjsonpath.New("require").AtMapKey("min_context_length"), knownvalue.Int64Exact(1000000)),
		},
	})
}

// A map(string) variable turns { supports_vision = true } into
// { supports_vision = "true" }: the error says so and which type to declare,
// in both data sources and in unmet_requirements, which share the reader.
func TestRequire_stringMapSaysWhy(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	variables := `
variable "flags" {
  type    = map(string)
  default = { supports_vision = true }
}
variable "sizes" {
  type    = map(string)
  default = { min_context_length = 128000 }
}
`
	why := func(attribute, value string) string {
		return `require.` + attribute + ` must be a (bool|number), got a string "` + value + `": require is a map of strings, in ` +
			`which true is "true" and 128000 is "128000". Declare the variable it comes from as type = any, not ` +
			`map\(string\) or map\(any\) \(drop any tomap\(\) around the object\)\.?\s*$`
	}
	step := func(config, expected string) resource.TestStep {
		return resource.TestStep{Config: providerBlock(server, "") + variables + config, ExpectError: expectError(expected)}
	}
	functionsTest(t,
		step(`data "megallm_models" "m" { require = var.flags }`, why("supports_vision", "true")),
		step(`data "megallm_model" "m" {
  id      = "gpt-4o"
  require = var.sizes
}`, why("min_context_length", "128000")),
		step(`output "x" { value = provider::megallm::unmet_requirements({ id = "m", type = "chat" }, var.flags) }`, why("supports_vision", "true")),
		// A number as people write it needs both fixes: in a map(string),
		// 128000 without quotes would be "128000" again.
		step(`data "megallm_models" "m" { require = tomap({ min_context_length = "128k" }) }`,
			`require.min_context_length must be a number, got a string "128k": require is a map of strings, in which `+
				`true is "true" and 128000 is "128000". Declare the variable it comes from as type = any, not `+
				`map\(string\) or map\(any\) \(drop any tomap\(\) around the object\), and write it as the number 128000\.?\s*$`),
		step(`output "x" { value = provider::megallm::unmet_requirements({ id = "m", type = "chat" }, tomap({ max_input_cost_per_million = "1,500" })) }`,
			`got\s+a\s+string\s+"1,500":\s+require\s+is\s+a\s+map\s+of\s+strings,.*\s+and\s+write\s+it\s+as\s+the\s+number\s+1500\s+`+
				`\(or\s+1\.5,\s+if\s+its\s+comma\s+is\s+a\s+decimal\s+comma\)`),
		// Declaring another type alone would not do for a number its rule
		// refuses: the error says so, in the data sources and the function.
		step(`data "megallm_models" "m" { require = tomap({ min_context_length = "0.0005k" }) }`,
			`require.min_context_length must be a number, got a string "0\.0005k": require is a map of strings, in which `+
				`true is "true" and 128000 is "128000". Declare the variable it comes from as type = any, not `+
				`map\(string\) or map\(any\) \(drop any tomap\(\) around the object\), and the number 0\.5 would not do either: `+
				`min_context_length must be a whole number, got 0\.5: write 0 or 1\.\s*$`),
		step(`output "x" { value = provider::megallm::unmet_requirements({ id = "m", type = "chat" }, var.fraction) }
variable "fraction" {
  type    = map(string)
  default = { min_context_length = 1.5 }
}`, `require.min_context_length must be a number, got a string "1\.5": require is a map of strings, .* not `+
			`map\(string\) or map\(any\) \(drop any tomap\(\) around the object\), and the number 1\.5 would not do either: min_context_length must be a whole number, got 1\.5: write 1 or 2\.\s*$`),
		// A string that is no bool is a plain type error.
		step(`data "megallm_models" "m" { require = tomap({ supports_vision = "yes" }) }`, `require.supports_vision must be a bool, got `+
			`a string "yes": require is a map of strings, .* not map\(string\) or map\(any\) \(drop any tomap\(\) around the object\), and write true or false\.?\s*$`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("requirements of the wrong type sent %d requests, want 0", n)
	}
}

// A value not known until apply leaves the values typed next to it checked
// at plan, so that their mistakes fail the plan, not a half-done apply.
// timestamp() is that value, in every Terraform since 1.0.
func TestRequireAndCandidates_knownValuesNextToUnknownOnes(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(config, expected string) resource.TestStep {
		return planErrorStep(providerBlock(server, "")+config, expected)
	}
	unitTest(t,
		step(`data "megallm_model" "m" { candidates = [timestamp(), "gpt-4o-mini "] }`,
			`candidates\[1\] is "gpt-4o-mini ", with white space around it, which no model id has: write the model id as the catalog does\.`),
		// Only the read can spell a name, and it may wait for apply: the validator refuses it without a spelling.
		step(`data "megallm_model" "m" {
  id      = " GPT-4o"
  require = { min_context_length = timestamp() == "" ? 1 : 2 }
}`, `Invalid id .* id is " GPT-4o", with white space around it, which no model id has: write the model id as the catalog does\.`),
		step(`data "megallm_models" "m" {
  owned_by = ["OpenAI ", timestamp()]
  type     = "\u200bchat"
}`, `Invalid owned_by .* an owner of owned_by is "OpenAI ", with white space around it, which no owner has: write the owner `+
			`as the catalog does\..*Invalid type .* type is "\\u200bchat", with an invisible or look-alike character \(U\+200B, its `+
			`character 1\), which no model type has: copying through a chat or a document can add one; write the model type as `+
			`the catalog does\.`),
		step(`data "megallm_model" "m" { candidates = [timestamp(), "gpt-4o-mini", "gpt-4o-mini"] }`,
			`candidates lists "gpt-4o-mini" twice \(candidates\[1\] and candidates\[2\]\): list each model once`),
		step(`data "megallm_model" "m" { candidates = [timestamp(), ""] }`,
			`candidates\[1\] is "", which is no model id: remove it`),
		step(`data "megallm_models" "m" {
  require = { min_context_length = timestamp() == "" ? 1 : 2, not_deprecated = "yes" }
}`, `require\.not_deprecated must be a bool, got a string`),
		step(`data "megallm_models" "m" {
  require = { supports_vision = timestamp() == "", max_input_cost_per_million = -1, min_context_length = 1.5 }
}`, `require\.min_context_length must be a whole number, got 1\.5: write 1 or 2\. require\.max_input_cost_per_million must be 0 or more, got -1`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("mistakes next to unknown values sent %d requests, want 0", n)
	}
}

// Every mistake of candidates known at plan fails that plan, beside an id
// known only after apply: a wrong type, a null or a set as well as a spaced
// or repeated id.
func TestCandidates_knownMistakesFailPlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(candidates, expected string) resource.TestStep {
		return planErrorStep(providerBlock(server, "")+`data "megallm_model" "m" { candidates = `+candidates+` }`, expected)
	}
	unitTest(t,
		step(`[timestamp(), 4]`, `candidates\[1\] must be a string, got a number`),
		step(`[timestamp(), null]`, `candidates\[1\] is null, which is no model id: remove it`),
		step(`toset([timestamp(), "gpt-4o"])`, `candidates is a set, which has no order`),
		step(`{ first = timestamp() }`, `candidates must be a list of strings such as \["gpt-4o", "gpt-4o-mini"\], got an object`),
		step(`[timestamp(), " gpt-4o", "gpt-4o-mini", "gpt-4o-mini"]`, `candidates\[1\] is " gpt-4o", with white space around it.*`+
			`candidates lists "gpt-4o-mini" twice`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("mistakes in candidates sent %d requests, want 0", n)
	}
}

// TestRequire_quotedPriceSeesTheCurrencySet: a price quoted with a currency
// says nothing of currency when the one set is that currency already, and
// names the one set when it is another, in require as in a pricing object;
// a function's currency is its third argument, which "set currency" would
// not set.
func TestRequire_quotedPriceSeesTheCurrencySet(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(config, expected string) resource.TestStep { return configErrorStep(server, config, expected) }
	functionsTest(t,
		step(`data "megallm_models" "m" {
  currency = "EUR"
  require  = { max_input_cost_per_million = "3 eur" }
}`, `got a string "3 eur": write it as the number 3, without quotes or "eur"\.\s*$`),
		step(`data "megallm_model" "m" {
  id       = "gpt-4o"
  currency = " gbp"
  require  = { max_output_cost_per_million = "€3" }
}`, `got a string "€3": write it as the number 3, without quotes or "€", and currency is "GBP", which reads it in GBP: `+
			`set currency = "EUR" instead, or convert the price to GBP\.\s*$`),
		step(`data "megallm_models" "m" {
  currency = "EUR"
  require  = { max_input_cost_per_million = "$2" }
}`, `without quotes or "\$", and currency is "EUR", which reads it in EUR: set currency = "USD" instead, or convert `+
			`the price to EUR\.\s*$`),
		// A currency that is no code, such as a typo of the one meant, has no price to convert to.
		step(`data "megallm_models" "m" {
  currency = "UDS"
  require  = { max_input_cost_per_million = "$2.50" }
}`, `without quotes or "\$", and currency is "UDS", which is no ISO 4217 code: set currency = "USD" instead\.\s*$`),
		step(`data "megallm_models" "m" {
  currency = "CNY"
  require  = { max_input_cost_per_million = "¥3" }
}`, `got a string "¥3": write it as the number 3, without quotes or "¥"\.\s*$`),
		step(`output "x" { value = provider::megallm::unmet_requirements({ id = "m", type = "chat" }, { max_input_cost_per_million = "¥3" }, "eur") }`,
			`without quotes or "¥", and currency is "EUR", which reads it in EUR: pass "JPY" as the third argument: `+
				`unmet_requirements\(MODEL, REQUIRE, "JPY"\) or pass "CNY" as the third argument: unmet_requirements\(MODEL, `+
				`REQUIRE, "CNY"\) \(whichever "¥" stands for\) instead, or convert the price to EUR\.\s*$`),
		step(`output "x" { value = provider::megallm::unmet_requirements({ id = "m", type = "chat" }, { max_input_cost_per_million = "3 eur" }, "eur") }`,
			`got a string "3 eur": write it as the number 3, without quotes or "eur"\.\s*$`),
		step(`output "x" { value = provider::megallm::unmet_requirements({ id = "m", type = "chat" }, { max_input_cost_per_million = "3 eur" }) }`,
			`without quotes or "eur", and, as a price is read in "USD" unless currency says otherwise, pass "EUR" as the `+
				`third argument: unmet_requirements\(MODEL, REQUIRE, "EUR"\)\.\s*$`),
		// A pricing object's prices are in its own currency.
		step(`output "x" { value = provider::megallm::estimate_cost({ pricing = { input_tokens_cost_per_million = "€3", currency = "eur" } }, 1, 0) }`,
			`got a string "€3": write it as the number 3, without quotes or "€"\.\s*$`),
		resource.TestStep{
			Config: providerBlock(server, `policy = { models = { "gpt-4o" = { pricing = { input_tokens_cost_per_million = "3 eur", currency = "GBP" } } } }`) +
				`data "megallm_model" "m" { id = "gpt-4o" }`,
			ExpectError: expectError(`without quotes or "eur", and currency is "GBP", which reads it in GBP: set ` +
				`policy\.models\["gpt-4o"\]\.pricing\.currency = "EUR" instead, or convert the price to GBP`),
		},
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("quoted prices sent %d requests, want 0", n)
	}
}

// A number written as people write it ("128k") is read for the hint only.

func TestShorthandNumber(t *testing.T) {
	t.Parallel()
	// want is the number and, for one comma before three digits, its reading
	// with a decimal comma.
	for in, want := range map[string][2]string{
		"128k": {"128000"}, "1.5M": {"1500000"}, "0.1k": {"100"}, "128,000": {"128000", "128"}, "1_000_000": {"1000000"},
		"2.5": {"2.5"}, "1.25k": {"1250"}, "0.0005k": {"0.5"}, "12,34": {"12.34"}, "2,50": {"2.5"},
		"1,500": {"1500", "1.5"}, "1,500k": {"1500000", "1500"}, "1,500.00": {"1500"}, "1,000,000": {"1000000"}, "0,005": {"0.005"}, "00,500k": {"500"},
	} {
		if got, alt, ok := shorthandNumber(in, true); !ok || got != want[0] || alt != want[1] {
			t.Errorf("shorthandNumber(%q) = %q, %q, %v; want %q", in, got, alt, ok, want)
		}
	}
	if got, _, ok := shorthandNumber(" 128000\t", false); !ok || got != "128000" {
		t.Errorf("shorthandNumber with white space around it = %q, %v; want 128000", got, ok)
	}
	for _, in := range []string{"", "k", "128 kb", "12,345,6", "1e3k", "-1k", "lots", "1,0000"} {
		if got, _, ok := shorthandNumber(in, true); ok {
			t.Errorf("shorthandNumber(%q) = %q, want none", in, got)
		}
	}
	if got, _, ok := shorthandNumber("2.5M", false); ok { // a price per million: 2.5, which 2500000 is not
		t.Errorf("shorthandNumber(%q) without scale = %q, want none", "2.5M", got)
	}
}

// TestAsText advises decoding only text that -var with type = any, or
// jsondecode, would read as a value: no variable, no function call, no prose.
func TestAsText(t *testing.T) {
	t.Parallel()
	for text, advised := range map[string]bool{
		`["gpt-4o", "gpt-4o-mini"]`: true, `{supports_vision=true}`: true, `{"denied": true}`: true,
		`[lower("GPT-4O")]`: false, `[var.id]`: false, `[beta] gpt-4o`: false, `{draft} vision only`: false,
	} {
		if got := asText(tftypes.NewValue(tftypes.String, text), false) != ""; got != advised {
			t.Errorf("asText(%q) advises decoding: %v, want %v", text, got, advised)
		}
	}
	// Attributes without braces are an object only where one is wanted.
	for text, advised := range map[string]bool{`supports_vision = true`: true, "a = 1\nb = \"x\"": true,
		`supports_vision = var.x`: false, `vision`: false, `a = 1 b = 2`: false, `pricing { a = 1 }`: false} {
		if got := asText(tftypes.NewValue(tftypes.String, text), true) != ""; got != advised {
			t.Errorf("asText(%q) advises an object: %v, want %v", text, got, advised)
		}
		if asText(tftypes.NewValue(tftypes.String, text), false) != "" {
			t.Errorf("asText(%q) advises where no object is wanted", text)
		}
	}
	// A YAML file's text, as file() reads it: a mapping where an object is
	// wanted, a sequence where a list is; not one line, which may be prose.
	for text, object := range map[string]bool{"allowed_owners:\n  - openai\n": true, "---\nmodels:\n  gpt-4o: {denied: true}": true,
		"- gpt-4o\n- gpt-4.1\n": false, "# approved\n- gpt-4o\n": false} {
		if asText(tftypes.NewValue(tftypes.String, text), object) == "" || asText(tftypes.NewValue(tftypes.String, text), !object) != "" {
			t.Errorf("asText(%q) advises yamldecode() not only where an object is wanted: %v", text, object)
		}
	}
	for _, text := range []string{"deprecated: use gpt-4.1", "- gpt-4o", "Superseded\nby gpt-4.1", "a: [b\nc: d"} {
		if asText(tftypes.NewValue(tftypes.String, text), true) != "" || asText(tftypes.NewValue(tftypes.String, text), false) != "" {
			t.Errorf("asText(%q) advises decoding", text)
		}
	}
}

// A require whose every requirement is null or false checks nothing, as an
// object-typed variable leaves { supports_vison = true }: an error on each
// entry point, as a policy that sets nothing is, whose advice, followed, plans.
// A literal {}, which no variable's type made, is not told about them.
func TestRequire_thatSetsNothingIsAnError(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	setsNothing := `Invalid require .* require sets nothing: %s\. Set "supports_function_calling", ` +
		`.* or "min_days_to_retirement", or leave require out, or set it to null \(as a variable's default = null\), to ` +
		`require nothing, as require = var.need \? \{ supports_vision = true \} : null does when need is false`
	dropped := `\. A variable of an object type drops an attribute its type does not declare, a misspelt one too: declare ` +
		`the variable require comes from with type = any, and the provider checks every name`
	nullOrLeftOut, orFalse := fmt.Sprintf(setsNothing, "each of its attributes is null or left out")+dropped,
		fmt.Sprintf(setsNothing, "each of its attributes is null, left out or says nothing, as false does")+dropped
	empty := fmt.Sprintf(setsNothing, "it has no attributes") + `\.\s*$`
	config := func(variable, require string) string {
		return providerBlock(server, "") + fmt.Sprintf(`
variable "v" {
  %s
}
data "megallm_model" "m" {
  id      = "gpt-3.5-turbo"
  require = %s
}`, variable, require)
	}
	misspelt := `type = object({ supports_vision = optional(bool), min_context_length = optional(number) })
  default = { supports_vison = true }`
	unitTest(t,
		planErrorStep(config(misspelt, "var.v"), nullOrLeftOut),
		planErrorStep(config(`default = false`, `{ supports_vision = var.v ? true : null }`), nullOrLeftOut),
		planErrorStep(config(`default = false`, `{ supports_vision = var.v, not_deprecated = false }`), orFalse),
		planErrorStep(config(`default = null`, `{ supports_vision = null }`), nullOrLeftOut),
		planErrorStep(config(`default = null`, `{}`), empty),
		planErrorStep(providerBlock(server, "")+`data "megallm_models" "m" { require = {} }`, empty),
		planErrorStep(providerBlock(server, "")+`data "megallm_models" "m" { require = { supports_vision = false } }`, orFalse),
		// The advice followed: type = any has the misspelt name refused; null, or a conditional one, requires nothing.
		planErrorStep(config("type = any\n  default = { supports_vison = true }", "var.v"),
			`require has no attribute "supports_vison"\. Did you mean "supports_vision"\?`),
		resource.TestStep{Config: config(`default = false`, `var.v ? { supports_vision = true } : null`),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m",
				tfjsonpath.New("id"), knownvalue.StringExact("gpt-3.5-turbo"))}},
		resource.TestStep{Config: config(`default = null`, `var.v`)},
		// A requirement known only after apply is one: the plan waits for it.
		resource.TestStep{Config: config(`default = null`, `{ supports_vision = timestamp() == "" ? null : false }`),
			PlanOnly: true, ExpectNonEmptyPlan: true},
	)
	// unmet_requirements takes no null require: its advice is not to call it.
	function := func(require string) string {
		return providerBlock(server, "") + fmt.Sprintf(`variable "need" {
  default = false
}
output "unmet" {
  value = %s
}`, require)
	}
	unitTestFrom(t, tfversion.Version1_8_0,
		planErrorStep(function(`provider::megallm::unmet_requirements({ id = "m", type = "chat" }, { supports_vision = var.need ? true : null })`),
			`Invalid function argument .* require sets nothing: each of its attributes is null or left out\. Set `+
				`"supports_function_calling", .* or "min_days_to_retirement", or call it only with one, as var\.need \? `+
				`provider::megallm::unmet_requirements\(MODEL, \{ supports_vision = true \}\) : \[\] does when need is `+
				`false\. A variable of an object type`),
		resource.TestStep{Config: function(`var.need ? provider::megallm::unmet_requirements({ id = "m", type = "chat" }, { supports_vision = true }) : []`),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("unmet", knownvalue.ListExact(nil))}})
}

// Terraform validates a data source's configuration before it reads it, so
// Read meets a require, workload or candidates its validator refuses only by a
// path that skips it: the read then fails on that argument (readArgument), as
// reading it as null would require nothing, or choose from no candidates.
func TestReadArgument_unexpectedValueStopsTheRead(t *testing.T) {
	t.Parallel()
	p := newProtocolServer(t, mockapi.NewTestServer(t, ""), nil)
	typo := object(map[string]tftypes.Value{"supports_vison": tftypes.NewValue(tftypes.Bool, true)})
	for _, tc := range []struct {
		typeName, name string
		args           map[string]tftypes.Value
		want           string // the start of the reader's error
	}{
		{"megallm_models", "require", map[string]tftypes.Value{"require": typo},
			`require has no attribute "supports_vison". Did you mean "supports_vision"?`},
		{"megallm_model", "require", map[string]tftypes.Value{"id": str("gpt-4o"), "require": typo},
			`require has no attribute "supports_vison". Did you mean "supports_vision"?`},
		{"megallm_models", "workload", map[string]tftypes.Value{"workload": typo},
			`workload has no attribute "supports_vison".`},
		{"megallm_model", "candidates", map[string]tftypes.Value{"candidates": tftypes.NewValue(
			tftypes.List{ElementType: tftypes.String}, []tftypes.Value{str("gpt-4o"), str("gpt-4o")})},
			`candidates lists "gpt-4o" twice (candidates[0] and candidates[1]): list each model once.`},
	} {
		resp, err := p.server.ReadDataSource(t.Context(), &tfprotov6.ReadDataSourceRequest{
			TypeName: tc.typeName, Config: p.config(t, tc.typeName, tc.args)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range resp.Diagnostics {
			got = append(got, fmt.Sprintf("%s %v: %s: %s", d.Severity, d.Attribute, d.Summary, d.Detail))
		}
		want := fmt.Sprintf("ERROR %v: Unexpected %s value: %s", tftypes.NewAttributePath().WithAttributeName(tc.name), tc.name, tc.want)
		if len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("%s with a %s its validator refuses: diagnostics\n%q\nwant one starting\n%q", tc.typeName, tc.name, got, want)
		}
	}
}
