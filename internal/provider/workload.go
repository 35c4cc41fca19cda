package provider

import (
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// workloadAttribute is the schema of the workload argument. Both counts are
// required, so that a misspelt one, which Terraform drops, fails.
func workloadAttribute() schema.SingleNestedAttribute {
	count := func(side string) schema.NumberAttribute {
		return schema.NumberAttribute{
			MarkdownDescription: "Number of " + side + " tokens of the workload, 0 or more; fractions are allowed.",
			Required:            true,
			Validators:          []validator.Number{tokenCountValidator},
		}
	}
	return schema.SingleNestedAttribute{
		MarkdownDescription: "Tokens to price over a period of your choice, such as a month of traffic: " +
			"`{ input_tokens = 1.2e9, output_tokens = 3e8 }`. Its cost with each model, as " +
			"`provider::megallm::estimate_cost` computes it, is in `workload_costs`, and `sort_by = " +
			"\"workload_cost\"` and `require.max_workload_cost` use it.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"input_tokens":  count("input (prompt)"),
			"output_tokens": count("output (completion)"),
		},
	}
}

// workloadValue is the workload argument.
type workloadValue struct {
	InputTokens  types.Number `tfsdk:"input_tokens"`
	OutputTokens types.Number `tfsdk:"output_tokens"`
}

// read is the workload w configures; nil without one.
func (w *workloadValue) read() *catalog.Workload {
	if w == nil {
		return nil
	}
	in, _ := w.InputTokens.ValueBigFloat().Float64()
	out, _ := w.OutputTokens.ValueBigFloat().Float64()
	return &catalog.Workload{InputTokens: in, OutputTokens: out}
}

// workloadCost is what w costs with m: nil when it cannot be computed, and
// tooLarge for catalog.ErrCostNotExpressible.
func workloadCost(w *catalog.Workload, m *megallm.Model) (cost *float64, tooLarge bool) {
	c, err := w.Cost(m)
	if err != nil {
		return nil, errors.Is(err, catalog.ErrCostNotExpressible)
	}
	return &c, false
}

// workloadBound says what require.max_workload_cost is.
const workloadBound = "require.max_workload_cost bounds the cost of a workload"

// workloadNotTaken refuses require.max_workload_cost in what, which takes no
// workload, with what to write in where instead; without a final period.
func workloadNotTaken(what, where, model string) string {
	return workloadBound + ", which " + what + " does not take. Choose the " +
		"model with a megallm_models data source that sets workload and require = { max_workload_cost = ... }, " +
		"or check this model's cost in " + where + ": provider::megallm::estimate_cost(" + model +
		", INPUT_TOKENS, OUTPUT_TOKENS) <= LIMIT"
}

// workloadNeeded names the argument that needs a missing workload, and what
// to do; "" when none does.
func workloadNeeded(w *catalog.Workload, sortBy catalog.SortKey, require catalog.Requirements) (attribute, detail string) {
	switch {
	case w != nil:
		return "", ""
	case sortBy == catalog.SortByWorkloadCost:
		return "sort_by", `sort_by = "workload_cost" orders by the cost of a workload, and none is set. ` +
			"Set workload = { input_tokens = ..., output_tokens = ... }, or choose another sort_by."
	case require.MaxWorkloadCost != nil:
		return "require", workloadBound + ", and none is set. " +
			"Set workload = { input_tokens = ..., output_tokens = ... }, or remove max_workload_cost."
	}
	return "", ""
}
