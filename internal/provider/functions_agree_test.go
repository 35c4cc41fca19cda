package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestFunctions_agreeWithDataSources: unmet_requirements gives the answer the
// data sources give for the same model and require: in the currency it is
// told, as the data sources' currency argument, and with the lifecycle the
// model object reports.
func TestFunctions_agreeWithDataSources(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(workloadFixture...)
	functionsTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
locals {
  cheap = { max_input_cost_per_million = 1 }
}
data "megallm_model" "euro" {
  id       = "euro"
  currency = "EUR"
  require  = local.cheap
}
data "megallm_models" "cheap_in_euros" {
  currency = "EUR"
  require  = local.cheap
}
output "in_euros" {
  value = provider::megallm::unmet_requirements(data.megallm_model.euro, local.cheap, "EUR")
}
output "in_euros_as_written" {
  value = provider::megallm::unmet_requirements(data.megallm_model.euro, local.cheap, " eur ")
}
output "in_dollars" {
  value = provider::megallm::unmet_requirements(data.megallm_model.euro, local.cheap)
}
output "retired_status" {
  value = provider::megallm::unmet_requirements({ model_lifecycle = { status = "retired", successor = "m2" } }, { not_deprecated = true })
}
output "saved_zero_context_length" {
  value = provider::megallm::unmet_requirements(jsondecode("{\"id\": \"old\", \"context_length\": 0, \"capabilities\": {\"max_context_length\": 8192}}"), { min_context_length = 1 })
}
output "retired_no_days" {
  value = provider::megallm::unmet_requirements({ model_lifecycle = { status = "retired" } }, { min_days_to_retirement = 30 })
}
output "days_reported" {
  value = provider::megallm::unmet_requirements({ model_lifecycle = { days_to_retirement = 3 } }, { min_days_to_retirement = 10 })
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.cheap_in_euros", "euro"),
			statecheck.ExpectKnownOutputValue("in_euros", knownvalue.ListSizeExact(0)),
			statecheck.ExpectKnownOutputValue("in_euros_as_written", knownvalue.ListSizeExact(0)),
			statecheck.ExpectKnownOutputValue("in_dollars", knownIDs("priced in EUR, the requirement is in USD")),
			statecheck.ExpectKnownOutputValue("retired_status", knownIDs(`model_lifecycle.status is retired (successor "m2")`)),
			// A saved entry's 0 is not reported, and the older field is read only
			// where the spec's is absent, as the decoder reads them.
			statecheck.ExpectKnownOutputValue("saved_zero_context_length", knownIDs("context_length is not reported (required >= 1)")),
			// Retired is 0 days to retirement, as the data sources count, when no date says when.
			statecheck.ExpectKnownOutputValue("retired_no_days", knownIDs("model_lifecycle.days_to_retirement 0 < required 30")),
			statecheck.ExpectKnownOutputValue("days_reported", knownIDs("model_lifecycle.days_to_retirement 3 < required 10")),
		},
	})
}

// TestFunctions_agreeOnPolicyLifecycle: a model the policy deprecated fails
// not_deprecated in the function as in the data source, for the object
// megallm_models returns.
func TestFunctions_agreeOnPolicyLifecycle(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	functionsTest(t, resource.TestStep{
		Config: policyProvider(server, lifecyclePolicy(), `
data "megallm_models" "gpt35" { id_regex = "^gpt-3\\.5-turbo$" }
data "megallm_models" "gpt35_current" {
  id_regex = "^gpt-3\\.5-turbo$"
  require  = { not_deprecated = true, min_days_to_retirement = 30 }
}
output "unmet" {
  value = provider::megallm::unmet_requirements(data.megallm_models.gpt35.models[0], { not_deprecated = true, min_days_to_retirement = 30 })
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.gpt35_current"),
			statecheck.ExpectKnownOutputValue("unmet", knownIDs(
				`model_lifecycle.status is deprecated since `+day(-10)+` (successor "gpt-4o")`)),
		},
	})
}

func TestFunctions_unmetRequirementsArgumentErrors(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(expr, expected string) resource.TestStep {
		return resource.TestStep{
			Config:      providerBlock(server, "") + "output \"x\" { value = " + expr + " }",
			ExpectError: expectError(expected),
		}
	}
	functionsTest(t,
		step(`provider::megallm::unmet_requirements({ model_lifecycle = { days_to_retirement = "30" } }, { min_days_to_retirement = 10 })`,
			`Invalid value for "model" parameter: model.model_lifecycle.days_to_retirement must be a number, got string`),
		step(`provider::megallm::unmet_requirements({ model_lifecycle = { status = "Retired" } }, { not_deprecated = true })`,
			`model.model_lifecycle.status is "Retired", which is not a lifecycle status. Did you mean "retired"\? Use "active", "deprecated" or "retired", or null when no date is known`),
		// To its end, after which Terraform adds a period: the question is an aside.
		step(`provider::megallm::unmet_requirements({ id = "m" }, {}, "euro")`,
			`Invalid value for "currency" parameter: currency is "euro", not a three-letter ISO 4217 code such as "USD" or "EUR" \(leave it out for "USD"\) \(did you mean "EUR"\?\)\.\s*$`),
		step(`provider::megallm::unmet_requirements({ id = "m" }, {}, "EUR", "USD")`,
			`give at most one currency, got 2`),
	)
}
