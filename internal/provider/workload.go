package provider

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
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

// workloadValidator checks at validate, without the catalog, what needs a
// workload: on megallm_models, which takes one, that it is set for sort_by =
// "workload_cost" and require.max_workload_cost; on megallm_model, which
// takes none, that require has no max_workload_cost.
func workloadValidator(takesWorkload bool) *configCheck {
	return &configCheck{describes: "what bounds or sorts by a workload's cost has a workload", check: func(ctx context.Context,
		config tfsdk.Config, diags *diag.Diagnostics) {
		var require types.Dynamic
		diags.Append(config.GetAttribute(ctx, path.Root("require"), &require)...)
		// Set now, or once it is known; a require that is no object is its validator's error.
		o, _ := readDynamic(ctx, require, requireReader)
		boundsCost := o != nil && !o.attrs["max_workload_cost"].IsNull()
		if !takesWorkload {
			if boundsCost {
				diags.AddAttributeError(path.Root("require"), "Workload requirement on megallm_model",
					workloadNotTaken("megallm_model", "a postcondition", "self")+".")
			}
			return
		}
		var workload types.Object
		var sortBy types.String
		diags.Append(config.GetAttribute(ctx, path.Root("workload"), &workload)...)
		diags.Append(config.GetAttribute(ctx, path.Root("sort_by"), &sortBy)...)
		switch {
		case !workload.IsNull(): // set, or known later
		case sortBy.ValueString() == string(catalog.SortByWorkloadCost):
			diags.AddAttributeError(path.Root("sort_by"), "Missing workload", `sort_by = "workload_cost" orders by `+
				"the cost of a workload, and none is set. Set workload = { input_tokens = ..., output_tokens = ... }, "+
				"or choose another sort_by.")
		case boundsCost:
			diags.AddAttributeError(path.Root("require"), "Missing workload", workloadBound+", and none is set. "+
				"Set workload = { input_tokens = ..., output_tokens = ... }, or remove max_workload_cost.")
		}
	}}
}
