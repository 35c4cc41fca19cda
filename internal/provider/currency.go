package provider

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// The currency argument of both data sources and of unmet_requirements: the
// currency of price requirements and cost sorts.

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

// currencyArgument reads the optional currency argument at position, read
// as megallm.NormaliseCurrency reads every currency code.
func currencyArgument(currencies []string, position int64) (string, *function.FuncError) {
	if len(currencies) == 0 {
		return catalog.DefaultCurrency, nil
	}
	if len(currencies) > 1 {
		return "", function.NewArgumentFuncError(position, fmt.Sprintf("give at most one currency, got %d", len(currencies)))
	}
	code, ok := megallm.NormaliseCurrency(currencies[0])
	if !ok {
		return "", function.NewArgumentFuncError(position, fmt.Sprintf("currency is %s, which is not a "+
			"three-letter currency code such as %q or %q. Leave it out for %q",
			megallm.Quote(currencies[0]), catalog.DefaultCurrency, "EUR", catalog.DefaultCurrency))
	}
	return code, nil
}
