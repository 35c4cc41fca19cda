package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// sort_by names the closest sort key, as every other argument does, and
// lists them all; a key in another letter case or with a direction is the
// key meant, and a descending one is advised as descending = true.
func TestModelsDataSource_sortByDidYouMean(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const keys = `Use "id", "created_at", "context_length", "max_output_tokens", "input_cost", "output_cost" or\s+"workload_cost"\.`
	const descending = `\s+sort_by\s+names\s+the\s+field\s+alone:\s+for\s+the\s+highest\s+first,\s+also\s+set\s+descending\s+=\s+true\.`
	step := func(sortBy, expected string) resource.TestStep {
		return errorStep(server, "megallm_models", `sort_by = "`+sortBy+`"`, expected)
	}
	unitTest(t,
		step("input_costs", `Error: Invalid sort_by .* sort_by = "input_costs" is not one of its values\. Did you mean "input_cost"\? `+keys),
		step("Input_Cost", `sort_by = "Input_Cost" is not one of its values\. Did you mean "input_cost"\? `+keys+`\s*$`),
		step("-input_cost", `Did you mean "input_cost"\? `+keys+descending),
		step("created_at DESC", `Did you mean "created_at"\? `+keys+descending),
		step("price desc", `sort_by = "price desc" is not one of its values\. `+keys+descending),
		step(" input_cost ", `sort_by = " input_cost " is not one of its values\. Did you mean "input_cost"\? `+keys+`\s*$`),
		step("  -id  ", `Did you mean "id"\? `+keys+descending),
		// A direction alone names no key: "id" is two edits from "-", but no near miss.
		step("-", `sort_by = "-" is not one of its values\. `+keys+descending),
		// A blank one, as a variable's default = "" gives, is advised as the other blank arguments are.
		step("", `Invalid sort_by .* sort_by is "", which is no sort key: leave sort_by out, or set it to null \(as a `+
			`variable's default = null\), to use the default "id"\.\s*$`),
		step(" ", `sort_by is " ", which is no sort key: leave sort_by out`),
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `
variable "sort_by" {
  type    = string
  default = null
}
data "megallm_models" "m" {
  id_regex = "^gpt-4o"
  sort_by  = var.sort_by
}`,
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", "gpt-4o", "gpt-4o-mini")},
		},
	)
}
