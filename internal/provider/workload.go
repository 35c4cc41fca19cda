package provider

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// workloadCounts are the attributes of a workload, both required.
var workloadCounts = []string{"input_tokens", "output_tokens"}

// workloadAttribute is the schema of the workload argument, dynamic as require is (DESIGN.md).
func workloadAttribute() schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: "Tokens to price over a period of your choice, such as a month of traffic: " +
			"`{ input_tokens = 1.2e9, output_tokens = 3e8 }`, the numbers of input (prompt) and output (completion) " +
			"tokens, both required, 0 or more; fractions are allowed, and any other attribute is an error. Its cost " +
			"with each model, as `provider::megallm::estimate_cost` computes it, is in `workload_costs`, and `sort_by = " +
			"\"workload_cost\"` and `require.max_workload_cost` use it.",
		Optional: true,
		Validators: []validator.Dynamic{argumentCheck{describes: "an object of two token counts: input_tokens, output_tokens",
			dyn: func(_ context.Context, _ tfsdk.Config, v tftypes.Value) error {
				_, err := readWorkload(v)
				return err
			}}},
	}
}

// readWorkload reads a workload; nil for null, and with any mistake. A count
// in quotes is read as Terraform reads a number attribute ("1e9").
func readWorkload(v tftypes.Value) (*catalog.Workload, error) {
	if v.IsNull() {
		return nil, nil
	}
	o, err := readObject("workload", "{ input_tokens = 1.2e9, output_tokens = 3e8 }", v)
	if err != nil {
		return nil, err
	}
	o.outer = []string{"currency"} // megallm_models' own: workload = { ..., currency = "EUR" } prices in it there
	o.keep(onlyAttributes("workload", o, workloadCounts))
	var counts [2]float64
	for i, name := range workloadCounts {
		count, set := o.attrs[name]
		var s string
		if set && count.Type().Is(tftypes.String) && count.As(&s) == nil {
			if f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven); err == nil {
				o.attrs[name] = tftypes.NewValue(tftypes.Number, f)
			}
		}
		if (!set || count.IsNull()) && !slices.Contains(o.meant, name) { // else a typo's did-you-mean names it
			o.keep(fmt.Errorf("workload.%s is missing: set it to %s", name, tokenCount))
		} else if n := numberBy(o, name, amount); n != nil {
			counts[i] = *n
		}
	}
	if err := o.err(); err != nil {
		return nil, err
	}
	return &catalog.Workload{InputTokens: counts[0], OutputTokens: counts[1]}, nil
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

// workloadValidator checks that sort_by = "workload_cost" and
// require.max_workload_cost have a workload where one is taken (megallm_models),
// and that require has no max_workload_cost elsewhere.
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
		var workload types.Dynamic
		var sortBy types.String
		diags.Append(config.GetAttribute(ctx, path.Root("workload"), &workload)...)
		diags.Append(config.GetAttribute(ctx, path.Root("sort_by"), &sortBy)...)
		switch {
		case !workload.IsNull() && !workload.IsUnderlyingValueNull(): // set, or known later
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
