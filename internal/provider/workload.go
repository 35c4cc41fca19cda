package provider

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// The workload argument of megallm_models and the cost computed from it, and
// the currency argument both data sources take.

// workloadAttribute is the schema of the workload argument. Both token
// counts are required, so that a misspelt one (`input_token`), which
// Terraform would drop from the object, leaves a required attribute missing
// and fails instead of silently pricing nothing.
func workloadAttribute() schema.SingleNestedAttribute {
	count := func(side string) schema.NumberAttribute {
		return schema.NumberAttribute{
			MarkdownDescription: "Number of " + side + " tokens of the workload, 0 or more; fractions are allowed.",
			Required:            true,
			Validators:          []validator.Number{tokenCountValidator{}},
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

// currencyAttribute is the schema of the currency argument.
func currencyAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Currency of the price bounds in `require`: a three-letter ISO 4217 code such as " +
			"`\"EUR\"`, in any letter case. Defaults to `\"" + catalog.DefaultCurrency + "\"`. A model priced in " +
			"another currency meets no price bound; a model whose pricing names no currency is priced in `\"" +
			catalog.DefaultCurrency + "\"`. A currency that no model is priced in warns.",
		Optional:   true,
		Validators: []validator.String{currencyValidator{}},
	}
}

// currencyValidator accepts what megallm.NormaliseCurrency reads as a
// currency code.
type currencyValidator struct{}

func (currencyValidator) Description(context.Context) string {
	return fmt.Sprintf("value must be a three-letter ISO 4217 currency code such as %q or %q", catalog.DefaultCurrency, "EUR")
}

func (v currencyValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (currencyValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := checkCurrency(req.Path.String(), req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), err.Error()+".")
	}
}

// checkCurrency says what is wrong with a currency code the user wrote at
// name, nil when megallm.NormaliseCurrency reads it.
func checkCurrency(name, code string) error {
	if _, ok := megallm.NormaliseCurrency(code); ok {
		return nil
	}
	return fmt.Errorf("%s is %s, not a three-letter ISO 4217 code such as %q or %q (leave it out for %q)",
		name, megallm.Quote(code), catalog.DefaultCurrency, "EUR", catalog.DefaultCurrency)
}

// readWorkload reads the workload argument, already validated; null is no
// workload.
func readWorkload(v tftypes.Value) (*catalog.Workload, error) {
	if v.IsNull() {
		return nil, nil
	}
	o, ok := newObjectReader("workload.", v)
	if !ok {
		return nil, fmt.Errorf("workload must be an object, got %s", typeName(v))
	}
	in, out := o.float64("input_tokens"), o.float64("output_tokens")
	if o.err != nil {
		return nil, o.err
	}
	if in == nil || out == nil {
		return nil, fmt.Errorf("workload needs both input_tokens and output_tokens")
	}
	return &catalog.Workload{InputTokens: *in, OutputTokens: *out}, nil
}

// currencyOrDefault is the currency argument, already validated, as
// megallm.NormaliseCurrency reads it; null (read as "") is the default
// currency.
func currencyOrDefault(currency string) string {
	code, _ := megallm.NormaliseCurrency(currency)
	return cmp.Or(code, catalog.DefaultCurrency)
}

// currencyWarning warns when the currency argument, set to this code (as
// currencyOrDefault reads it), is one no model of the catalog is priced in:
// then no model meets a price requirement or sorts by cost, which is most
// often a typo ("EUD") and never what the user meant.
func currencyWarning(models *catalog.Catalog, origin, code string) diag.Diagnostics {
	var diags diag.Diagnostics
	currencies := models.Currencies()
	if slices.Contains(currencies, code) {
		return diags
	}
	diags.AddAttributeWarning(path.Root("currency"), "No model priced in this currency",
		fmt.Sprintf("No model in the MegaLLM catalog (%d models from %s) is priced in %s, so no model meets a price "+
			"requirement or sorts by cost in it. %s", models.Len(), origin, megallm.Quote(code), catalogHas("currencies", currencies)))
	return diags
}

// workloadCostValue is what w costs with m, in m's currency: null without a
// workload, or when the model lacks a price the workload needs or the cost
// is catalog.ErrCostNotExpressible, which tooLarge reports.
func workloadCostValue(w *catalog.Workload, m *megallm.Model) (cost tftypes.Value, tooLarge bool) {
	if w == nil {
		return tftypes.NewValue(tftypes.Number, nil), false
	}
	c, err := w.Cost(m)
	if err != nil {
		return tftypes.NewValue(tftypes.Number, nil), errors.Is(err, catalog.ErrCostNotExpressible)
	}
	return tftypes.NewValue(tftypes.Number, c), false
}

// costTooLarge words catalog.ErrCostNotExpressible, for estimate_cost's
// error and workload_costs' warning alike: what (a workload) costs more
// with models (quoted) than the provider computes. Like every function
// error, it ends without a period, which Terraform adds.
func costTooLarge(what, models string) string {
	return fmt.Sprintf("The cost of %s with %s is more than %.4g, the largest cost the provider computes. Use "+
		"smaller token counts", what, models, math.MaxFloat64)
}

// workloadNotTaken refuses require.max_workload_cost where no workload can
// be given (what, such as megallm_model), with what to do instead: choose
// with megallm_models, or compare estimate_cost in a condition (where, such
// as "a postcondition"), model naming the model there (such as self). It
// ends without a period, which Terraform adds to a function's error.
func workloadNotTaken(what, where, model string) string {
	return "require.max_workload_cost bounds the cost of a workload, which " + what + " does not take. Choose the " +
		"model with a megallm_models data source that sets workload and require = { max_workload_cost = ... }, " +
		"or check this model's cost in " + where + ": provider::megallm::estimate_cost(" + model +
		", INPUT_TOKENS, OUTPUT_TOKENS) <= LIMIT"
}

// workloadNeeded names the argument that needs a workload when none is set,
// and what to do; it is empty when nothing does.
func workloadNeeded(w *catalog.Workload, sortBy catalog.SortKey, require catalog.Requirements) (attribute, detail string) {
	switch {
	case w != nil:
		return "", ""
	case sortBy == catalog.SortByWorkloadCost:
		return "sort_by", `sort_by = "workload_cost" orders by the cost of a workload, and none is set. ` +
			"Set workload = { input_tokens = ..., output_tokens = ... }, or choose another sort_by."
	case require.MaxWorkloadCost != nil:
		return "require", "require.max_workload_cost bounds the cost of a workload, and none is set. " +
			"Set workload = { input_tokens = ..., output_tokens = ... }, or remove max_workload_cost."
	}
	return "", ""
}
