package provider

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// currencyAttribute is the schema of the currency argument.
func currencyAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Currency of the price bounds in `require`: a three-letter ISO 4217 code such as " +
			"`\"EUR\"`, in any letter case. Defaults to `\"" + catalog.DefaultCurrency + "\"`. A model priced in " +
			"another currency meets no price bound; a model whose pricing names no currency is priced in `\"" +
			catalog.DefaultCurrency + "\"`. A currency that no model is priced in warns (one that is no ISO 4217 code and one " +
			"edit from one the catalog has, such as `\"UDS\"`, is an error), and so does a price bound or cost sort when no " +
			"model is priced in the default.",
		Optional:   true,
		Validators: []validator.String{currencyValidator},
	}
}

// currencyValidator accepts what megallm.NormaliseCurrency reads; a blank
// code gets how to have the default (orNull).
var currencyValidator = orNull(argumentCheck{
	describes: fmt.Sprintf("a three-letter ISO 4217 currency code such as %q or %q", catalog.DefaultCurrency, "EUR"),
	str:       func(name, code string) string { return sentence(checkCurrency(name, code)) },
}, "currency code", fmt.Sprintf("use the default %q", catalog.DefaultCurrency))

// checkCurrency says what is wrong with a currency code written at name, with
// the code meant by a sign or name of one ("US$", "euro", "yen").
func checkCurrency(name, code string) error {
	meant := currencyCodes(code)
	if normal, ok := megallm.NormaliseCurrency(code); ok && (len(meant) != 1 || meant[0] == normal) {
		return nil
	}
	err := fmt.Errorf("%s is %s, not a three-letter ISO 4217 code such as %q or %q (leave it out for %q)",
		name, megallm.Quote(code), catalog.DefaultCurrency, "EUR", catalog.DefaultCurrency)
	if len(meant) == 1 {
		err = fmt.Errorf("%w.%s", err, didYouMean(meant))
	}
	return err
}

// currencyOrDefault is the validated currency argument, normalised; null
// ("") is the default currency.
func currencyOrDefault(currency string) string {
	code, _ := megallm.NormaliseCurrency(currency)
	return cmp.Or(code, catalog.DefaultCurrency)
}

// currencyWarning warns when no model is priced in query's currency, if the
// currency argument is set or query compares prices in the default and some
// model is priced; a currency near one the catalog has ("UDS") is an error.
func currencyWarning(models *catalog.Catalog, origin string, query catalog.Query, set bool) diag.Diagnostics {
	var diags diag.Diagnostics
	currencies := models.Currencies()
	if slices.Contains(currencies, query.Currency) || !set && (!query.ComparesPrices() || len(currencies) == 0) {
		return diags
	}
	byDefault, advice := ",", ""
	if !set {
		byDefault = ", currency's default,"
	}
	switch len(currencies) {
	case 0:
	case 1:
		advice = " " + compareIn(currencies[0]) + "."
	default:
		advice = " Set currency to one of them to compare the prices in it."
	}
	detail := fmt.Sprintf("No model in the MegaLLM catalog (%s from %s) is priced in %s%s so no model meets a price "+
		"requirement or sorts by cost in it. %s%s", counted(models.Len(), "model"), origin, megallm.Quote(query.Currency),
		byDefault, catalogHas("currencies", currencies), advice)
	if meant := catalog.ClosestCode(query.Currency, currencies); len(meant) > 0 {
		diags.AddAttributeError(path.Root("currency"), "Currency not an ISO 4217 code",
			mistypedCurrency("currency", query.Currency, meant)+" "+detail)
	} else {
		diags.AddAttributeWarning(path.Root("currency"), "No model priced in this currency", detail)
	}
	return diags
}

// mistypedCurrency says that code, written at name, is no ISO 4217 code, with
// the codes it may be mistyped for (catalog.ClosestCode).
func mistypedCurrency(name, code string, meant []string) string {
	return fmt.Sprintf("%s %s is no ISO 4217 code.%s", name, megallm.Quote(code), didYouMean(meant))
}

// currencyArgument reads a function's optional currency argument: null, or not
// known yet, is the default, as a data source's currency = null is.
func currencyArgument(given []types.String, position int64) (string, *function.FuncError) {
	switch {
	case len(given) > 1:
		return "", function.NewArgumentFuncError(position, fmt.Sprintf("give at most one currency, got %d", len(given)))
	case len(given) == 0 || given[0].IsNull() || given[0].IsUnknown():
		return catalog.DefaultCurrency, nil
	}
	if err := checkCurrency("currency", given[0].ValueString()); err != nil {
		return "", function.NewArgumentFuncError(position, err.Error())
	}
	return currencyOrDefault(given[0].ValueString()), nil
}

// readPricing reads a pricing object (a model's or a policy's): its currency,
// checked as the currency argument is, then its prices in it.
func readPricing(o *objectReader) *megallm.Pricing {
	set := "set " + strings.ReplaceAll(o.prefix, "%", "%%") + "currency = %q" // this pricing's own, not the argument
	o.pricedIn("", set)
	o.currencyUnknown = !o.attrs["currency"].IsKnown() // a price's currency sign then names no currency to set
	pricing := &megallm.Pricing{}
	if code := o.string("currency"); code != nil {
		name, fix := o.prefix+"currency", leaveOutOfObject("currency", fmt.Sprintf("use %q", catalog.DefaultCurrency), "string", `""`)
		if err := cmp.Or(blank(name, *code, "currency code", fix), checkCurrency(name, *code)); err != nil {
			o.keep(err)
		} else {
			o.pricedIn(*code, set) // a code checkCurrency passes, which pricedIn normalises
			pricing.Currency = ptr(o.currency)
		}
	}
	pricing.InputTokensCostPerMillion = numberBy(o, "input_tokens_cost_per_million", amount)
	pricing.OutputTokensCostPerMillion = numberBy(o, "output_tokens_cost_per_million", amount)
	return pricing
}

// pricedElsewhereWarning warns about the models the policy prices in another
// currency than query's, where some model is priced in query's.
func pricedElsewhereWarning(models *catalog.Catalog, query catalog.Query) diag.Diagnostics {
	var diags diag.Diagnostics
	elsewhere := models.PricedElsewhere(query)
	if len(elsewhere) == 0 || !slices.Contains(models.Currencies(), query.Currency) {
		return diags
	}
	lines, currencies := make([]string, len(elsewhere)), []string{}
	for i, m := range elsewhere {
		code := *m.Pricing.Currency // a policy's pricing always has one
		lines[i] = fmt.Sprintf("%s is priced in %s (policy.models[%s].pricing)", megallm.Quote(m.ID), megallm.Quote(code), megallm.Quote(m.ID))
		if !slices.Contains(currencies, code) {
			currencies = append(currencies, code)
		}
	}
	effect := fmt.Sprintf("sort_by = %s puts them last", megallm.Quote(string(query.SortBy)))
	if query.Require.AnyPriceBound() {
		effect = "require's price bounds leave them out"
	}
	setCurrency := fmt.Sprintf("set currency = %s here to compare only the models priced in %s", megallm.Quote(currencies[0]),
		megallm.Quote(currencies[0]))
	if len(currencies) > 1 {
		setCurrency = "set currency here to one of " + catalog.QuoteList(currencies, "or") +
			" to compare only the models priced in that currency"
	}
	diags.AddAttributeWarning(path.Root("currency"), "Policy prices models in another currency than this data source",
		fmt.Sprintf("This data source compares prices in %s (currency), and the provider's policy prices these models, "+
			"which its other arguments keep, in another currency, so, whatever their price, %s: prices in two "+
			"currencies do not compare.\n  - %s\n\nWrite each negotiated price in %s, converted, with pricing.currency = "+
			"%s in its policy entry, or %s.", megallm.Quote(query.Currency), effect, joinProblems(lines, "\n  - "),
			megallm.Quote(query.Currency), megallm.Quote(query.Currency), setCurrency))
	return diags
}
