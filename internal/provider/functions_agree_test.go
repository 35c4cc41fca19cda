package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

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
			statecheck.ExpectKnownOutputValue("retired_status", knownIDs(`model_lifecycle.status is retired (successor "m2", which `+uncheckedSuccessor+`)`)),
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
				`model_lifecycle.status is deprecated since `+day(-10)+` (successor "gpt-4o", which `+uncheckedSuccessor+`)`)),
		},
	})
}

// TestFunctions_successorUnchecked: with no catalog, unmet_requirements
// cannot tell that a successor is retired, so it marks it unchecked where the
// data source says why it is no way out, and names the data source that
// says it, which, followed, does.
func TestFunctions_successorUnchecked(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := fmt.Sprintf(`{
    models = {
      "gpt-4o-mini" = { deprecated_at = %q, successor = "o3-mini" }
      "o3-mini"     = { retires_at = %q }
    }
  }`, day(-10), day(-1))
	deprecated := `model_lifecycle.status is deprecated since ` + day(-10) + ` (successor "o3-mini", which `
	functionsTest(t, resource.TestStep{
		Config: policyProvider(server, policy, `
data "megallm_model" "m" { id = "gpt-4o-mini" }
output "unmet" {
  value = provider::megallm::unmet_requirements(data.megallm_model.m, { not_deprecated = true })
}
`),
		ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("unmet", knownIDs(deprecated+uncheckedSuccessor+")"))},
	}, resource.TestStep{
		Config: policyProvider(server, policy, `data "megallm_model" "m" {
  id      = "gpt-4o-mini"
  require = { not_deprecated = true }
}`),
		ExpectError: expectError(regexp.QuoteMeta(deprecated + "was retired on " + day(-1) + ")")),
	}, resource.TestStep{ // the advice followed: a megallm_model data source with that id and the same require
		Config: policyProvider(server, policy, `data "megallm_model" "next" {
  id      = "o3-mini"
  require = { not_deprecated = true }
}`),
		ExpectError: expectError(`Model "o3-mini" was retired on ` + day(-1)),
	})
}

// TestFunctions_lifecycleAsStated: unmet_requirements judges a lifecycle as
// the model object states it, which reads no clock (TestFunctions_pure): a
// data source's object as of the day of the plan, one saved on an earlier day
// as of that day. A saved GET /models entry states dates alone, which only a
// clock could judge, so a lifecycle requirement refuses it, with the advice
// that the second step follows.
func TestFunctions_lifecycleAsStated(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	entry := fmt.Sprintf(`{"id": "gpt-3.5-turbo", "deprecated_at": %q, "retires_at": %q, "successor": "gpt-4o"}`, day(-10), day(45))
	saved := fmt.Sprintf(`{"id": "gpt-3.5-turbo", "model_lifecycle": {"status": "active", "deprecated_at": %q, `+
		`"retires_at": %q, "successor": "gpt-4o", "days_to_retirement": 75}}`, day(-10), day(45))
	current := `locals {
  current = { not_deprecated = true, min_days_to_retirement = 60 }
}
`
	functionsTest(t, resource.TestStep{
		Config: policyProvider(server, lifecyclePolicy(), current+fmt.Sprintf(`
output "saved_entry" {
  value = provider::megallm::unmet_requirements(jsondecode(%q), local.current)
}
`, entry)),
		ExpectError: expectError(regexp.QuoteMeta(`Invalid value for "model" parameter: model has a lifecycle date but no ` +
			`model_lifecycle.status or days_to_retirement, which not_deprecated and min_days_to_retirement read: a ` +
			`function reads no clock, as Terraform requires it to return at apply what it returned at plan, so it ` +
			`cannot tell from a date whether its day has come; read the model with a megallm_model data source ` +
			`(id = "gpt-3.5-turbo") and pass data.megallm_model.NAME, whose model_lifecycle is as of the day of the plan.`)),
	}, resource.TestStep{
		Config: policyProvider(server, lifecyclePolicy(), current+fmt.Sprintf(`
data "megallm_model" "NAME" { id = "gpt-3.5-turbo" }
output "data_source" {
  value = provider::megallm::unmet_requirements(data.megallm_model.NAME, local.current)
}
output "saved_a_month_ago" {
  value = provider::megallm::unmet_requirements(jsondecode(%q), local.current)
}
output "deprecated_without_dates" {
  value = provider::megallm::unmet_requirements({ id = "x", model_lifecycle = { status = "deprecated" } }, local.current)
}
`, saved)),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("data_source", knownIDs(
				`model_lifecycle.status is deprecated since `+day(-10)+` (successor "gpt-4o", which `+uncheckedSuccessor+`)`,
				`model_lifecycle.days_to_retirement 45 < required 60 (retires_at `+day(45)+`)`)),
			// Active, with 75 days then: a gate of today reads the data source, which each plan reads again.
			statecheck.ExpectKnownOutputValue("saved_a_month_ago", knownvalue.ListExact(nil)),
			statecheck.ExpectKnownOutputValue("deprecated_without_dates", knownIDs("model_lifecycle.status is deprecated")),
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
			`Invalid value for "model" parameter: model.model_lifecycle.days_to_retirement must be a number, got a string`),
		step(`provider::megallm::unmet_requirements({ model_lifecycle = { status = "Retired" } }, { not_deprecated = true })`,
			`model.model_lifecycle.status is "Retired", which is not a lifecycle status. Did you mean "retired"\? Use "active", "deprecated" or "retired", or null when no date is known`),
		// To its end, after which Terraform adds a period: the question is an aside.
		step(`provider::megallm::unmet_requirements({ id = "m", type = "chat" }, {}, "euro")`,
			`Invalid value for "currency" parameter: currency is "euro", not a three-letter ISO 4217 code such as "USD" or "EUR" \(leave it out for "USD"\) \(did you mean "EUR"\?\)\.\s*$`),
		step(`provider::megallm::unmet_requirements({ id = "m", type = "chat" }, {}, "EUR", "USD")`,
			`give at most one currency, got 2`),
	)
}

// TestFunctions_agreeOnUnreadableLifecycleDates: a lifecycle date the catalog
// sent but the provider cannot read is marked in model_lifecycle, so that
// unmet_requirements on the object fails the lifecycle requirements as the
// data sources do, and an object without the marks (a date not sent) passes.
func TestFunctions_agreeOnUnreadableLifecycleDates(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(unreadableLifecycleModels...)
	lifecycle := func(address string, deprecatedAt, retiresAt bool) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(address, tfjsonpath.New("model_lifecycle"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"deprecated_at_unreadable": knownvalue.Bool(deprecatedAt), "retires_at_unreadable": knownvalue.Bool(retiresAt),
			"deprecated_at": knownvalue.Null(), "retires_at": knownvalue.Null(),
		}))
	}
	functionsTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
locals {
  lasting = { not_deprecated = true, min_days_to_retirement = 30 }
}
data "megallm_model" "retires_soon" { id = "retires-soon" }
data "megallm_model" "deprecated_12" { id = "deprecated-12" }
data "megallm_model" "undated" { id = "undated" }
data "megallm_models" "lasting" { require = local.lasting }
output "retires_soon" {
  value = provider::megallm::unmet_requirements(data.megallm_model.retires_soon, local.lasting)
}
output "deprecated_12" {
  value = provider::megallm::unmet_requirements(data.megallm_model.deprecated_12, local.lasting)
}
output "undated" {
  value = provider::megallm::unmet_requirements(data.megallm_model.undated, local.lasting)
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.lasting", "undated"),
			lifecycle("data.megallm_model.retires_soon", false, true),
			lifecycle("data.megallm_model.deprecated_12", true, false),
			lifecycle("data.megallm_model.undated", false, false),
			statecheck.ExpectKnownOutputValue("retires_soon", knownIDs(
				"does not report whether it is deprecated (its retires_at could not be read)",
				"model_lifecycle.days_to_retirement is not reported (its retires_at could not be read; required >= 30)")),
			statecheck.ExpectKnownOutputValue("deprecated_12", knownIDs(
				"does not report whether it is deprecated (its deprecated_at could not be read)")),
			statecheck.ExpectKnownOutputValue("undated", knownvalue.ListSizeExact(0)),
		},
	})
}
