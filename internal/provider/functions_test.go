package provider

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// obj builds an object value from attribute values, inferring the types.
func obj(attrs map[string]attr.Value) types.Object {
	attrTypes := make(map[string]attr.Type, len(attrs))
	for name, v := range attrs {
		attrTypes[name] = v.Type(context.Background())
	}
	return types.ObjectValueMust(attrTypes, attrs)
}

func num(f float64) types.Number { return types.NumberValue(big.NewFloat(f)) }

// noCurrency is unmet_requirements' variadic currency left out, as
// Terraform passes it: an empty tuple.
var noCurrency = types.TupleValueMust([]attr.Type{}, []attr.Value{})

// gpt4oMini is a model object as a data source returns it, plus an extra
// attribute the functions must ignore.
func gpt4oMini() types.Dynamic {
	return types.DynamicValue(obj(map[string]attr.Value{
		"id":             types.StringValue("gpt-4o-mini"),
		"context_length": num(128000),
		"extra":          types.StringValue("ignored"),
		"capabilities": obj(map[string]attr.Value{
			"supports_vision":            types.BoolValue(true),
			"supports_function_calling":  types.BoolValue(true),
			"supports_streaming":         types.BoolValue(false),
			"supports_structured_output": types.BoolNull(),
		}),
		"pricing": obj(map[string]attr.Value{
			"input_tokens_cost_per_million":  num(0.15),
			"output_tokens_cost_per_million": num(0.6),
			"currency":                       types.StringValue("USD"),
		}),
	}))
}

func run(t *testing.T, f function.Function, result attr.Value, args ...attr.Value) (attr.Value, *function.FuncError) {
	t.Helper()
	resp := function.RunResponse{Result: function.NewResultData(result)}
	f.Run(context.Background(), function.RunRequest{Arguments: function.NewArgumentsData(args)}, &resp)
	return resp.Result.Value(), resp.Error
}

func TestEstimateCost(t *testing.T) {
	t.Parallel()
	got, err := run(t, newEstimateCostFunction(), types.Float64Unknown(), gpt4oMini(), num(2_000_000), num(500_000))
	if err != nil || !got.Equal(types.Float64Value(0.6)) {
		t.Errorf("estimate_cost = %v, %v; want 2M × 0.15/M + 0.5M × 0.6/M = 0.6", got, err)
	}
	got, err = run(t, newEstimateCostFunction(), types.Float64Unknown(), gpt4oMini(), num(0), num(0))
	if err != nil || !got.Equal(types.Float64Value(0)) {
		t.Errorf("estimate_cost of no tokens = %v, %v; want 0", got, err)
	}
	// Estimates carry margins: fractional token counts are fine.
	got, err = run(t, newEstimateCostFunction(), types.Float64Unknown(), gpt4oMini(), num(1_150_000.5), num(0.5))
	if want := 1_150_000.5/1e6*0.15 + 0.5/1e6*0.6; err != nil || !got.Equal(types.Float64Value(want)) {
		t.Errorf("estimate_cost of fractional counts = %v, %v; want %v", got, err, want)
	}
}

func TestEstimateCost_errors(t *testing.T) {
	t.Parallel()
	huge := types.NumberValue(new(big.Float).SetMantExp(big.NewFloat(1), 2000)) // 2^2000: beyond float64
	emptyPricing := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("free?"), "pricing": obj(map[string]attr.Value{})}))
	expensive := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("gold"), "pricing": obj(map[string]attr.Value{"input_tokens_cost_per_million": num(1e300)})}))
	noPricing := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("free?"), "pricing": types.ObjectNull(map[string]attr.Type{"currency": types.StringType})}))
	outputOnly := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("out"), "pricing": obj(map[string]attr.Value{"output_tokens_cost_per_million": num(1)})}))
	inputOnly := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("embed"), "pricing": obj(map[string]attr.Value{"input_tokens_cost_per_million": num(0.02)})}))
	cases := map[string]struct {
		args     []attr.Value
		argument int64
		want     string
	}{
		"negative input":      {[]attr.Value{gpt4oMini(), num(-1), num(0)}, 1, "token count must be 0 or more, got -1"},
		"negative output":     {[]attr.Value{gpt4oMini(), num(0), num(-5)}, 2, "token count must be 0 or more, got -5"},
		"fractional negative": {[]attr.Value{gpt4oMini(), num(-0.5), num(0)}, 1, "token count must be 0 or more, got -0.5"},
		"huge count":          {[]attr.Value{gpt4oMini(), num(0), huge}, 2, "token count is too large: 1.1481306952742545242e602"},
		"no pricing":          {[]attr.Value{noPricing, num(1), num(1)}, 0, `model "free?" has no pricing, so its cost cannot be estimated`},
		// pricing = {} and pricing = null say the same, even for no tokens.
		"empty pricing":      {[]attr.Value{emptyPricing, num(1), num(1)}, 0, `model "free?" has no pricing, so its cost cannot be estimated`},
		"empty pricing zero": {[]attr.Value{emptyPricing, num(0), num(0)}, 0, `model "free?" has no pricing, so its cost cannot be estimated`},
		"null pricing zero":  {[]attr.Value{noPricing, num(0), num(0)}, 0, `model "free?" has no pricing, so its cost cannot be estimated`},
		"no output price": {[]attr.Value{inputOnly, num(1), num(1)}, 0, `model "embed" has no pricing.output_tokens_cost_per_million, ` +
			`so its cost cannot be estimated. Pass 0 as output_tokens, or a model that has that price`},
		"no input price": {[]attr.Value{outputOnly, num(1), num(0)}, 0, `model "out" has no pricing.input_tokens_cost_per_million, ` +
			`so its cost cannot be estimated. Pass 0 as input_tokens, or a model that has that price`},
		"not an object": {[]attr.Value{types.DynamicValue(types.StringValue("gpt-4o")), num(1), num(1)}, 0, `model must be a model object, such as data.megallm_model.NAME or an element of data.megallm_models.NAME.models, got a string "gpt-4o", a model id: read the model with a megallm_model data source (id = "gpt-4o") and pass data.megallm_model.NAME`},
		// Over 1 MB: quoted cut, and not repeated as the id to write, which could not be copied.
		"id over 1 MB": {[]attr.Value{types.DynamicValue(types.StringValue(strings.Repeat("x", 1<<20+1))), num(1), num(1)}, 0, `got a string "` +
			strings.Repeat("x", 64) + `"… (1048577 characters), a model id: read the model with a megallm_model data source whose id is ` +
			`that same string, too long to repeat here, and pass data.megallm_model.NAME`},
		"quoted negative price": {[]attr.Value{types.DynamicValue(obj(map[string]attr.Value{"pricing": obj(map[string]attr.Value{"input_tokens_cost_per_million": types.StringValue("-1")})})), num(1), num(0)}, 0,
			`model.pricing.input_tokens_cost_per_million must be a number, got a string "-1", and the number -1 would not do either: input_tokens_cost_per_million must be 0 or more, got -1`},
		"pricing not object": {[]attr.Value{types.DynamicValue(obj(map[string]attr.Value{"pricing": num(2.5)})), num(1), num(0)}, 0,
			"model.pricing must be an object such as { input_tokens_cost_per_million = 2.5 }, got a number"},
		"price not number": {[]attr.Value{types.DynamicValue(obj(map[string]attr.Value{"pricing": obj(map[string]attr.Value{"input_tokens_cost_per_million": types.StringValue("cheap")})})), num(1), num(0)}, 0, "model.pricing.input_tokens_cost_per_million must be a number, got a string"},
	}
	for name, tc := range cases {
		_, err := run(t, newEstimateCostFunction(), types.Float64Unknown(), tc.args...)
		if err == nil || err.FunctionArgument == nil || *err.FunctionArgument != tc.argument || !strings.Contains(err.Text, tc.want) {
			t.Errorf("%s: error = %v, want one on argument %d containing %q", name, err, tc.argument, tc.want)
		}
	}
	// A cost beyond float64 is an error, never +Inf.
	if got, err := run(t, newEstimateCostFunction(), types.Float64Unknown(), expensive, num(1e308), num(0)); err == nil ||
		!strings.Contains(err.Text, `The cost of these token counts with model "gold" is more than 1.798e308, the largest cost the provider computes. Use smaller token counts`) {
		t.Errorf("an infinite cost = %v, %v; want an error", got, err)
	}
	// An input-only model is fine when no output tokens are asked for.
	if got, err := run(t, newEstimateCostFunction(), types.Float64Unknown(), inputOnly, num(1_000_000), num(0)); err != nil || !got.Equal(types.Float64Value(0.02)) {
		t.Errorf("input-only pricing with 0 output tokens = %v, %v; want 0.02", got, err)
	}
	// A price missing for a count not known yet is no error at plan: the count may be 0.
	if got, err := run(t, newEstimateCostFunction(), types.Float64Unknown(), inputOnly, num(1), types.NumberUnknown()); err != nil || !got.IsUnknown() {
		t.Errorf("input-only pricing with output tokens not known yet = %v, %v; want unknown", got, err)
	}
}

func TestUnmetRequirements(t *testing.T) {
	t.Parallel()
	listOf := func(items ...string) types.List {
		values := make([]attr.Value, len(items))
		for i, s := range items {
			values[i] = types.StringValue(s)
		}
		return types.ListValueMust(types.StringType, values)
	}
	cases := map[string]struct {
		require attr.Value
		want    types.List
	}{
		"all met": {obj(map[string]attr.Value{"supports_vision": types.BoolValue(true), "min_context_length": num(128000), "max_input_cost_per_million": num(0.15)}), listOf()},
		"several unmet, data source wording": {
			obj(map[string]attr.Value{
				"supports_streaming": types.BoolValue(true), "supports_structured_output": types.BoolValue(true),
				"min_context_length": num(200000), "min_max_output_tokens": num(1), "max_output_cost_per_million": num(0.5),
			}),
			listOf("does not support streaming",
				"does not report whether it supports structured output (capabilities.supports_structured_output is missing)",
				"context_length 128000 < required 200000", "max_output_tokens is not reported (required >= 1)",
				"output_tokens_cost_per_million 0.6 > allowed 0.5"),
		},
		"false and null beside a requirement ask nothing": {obj(map[string]attr.Value{"supports_streaming": types.BoolValue(false),
			"min_context_length": types.NumberNull(), "supports_vision": types.BoolValue(true)}), listOf()},
	}
	for name, tc := range cases {
		got, err := run(t, newUnmetRequirementsFunction(), types.ListUnknown(types.StringType), gpt4oMini(), types.DynamicValue(tc.require), noCurrency)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("%s: unmet_requirements = %v, %v; want %v", name, got, err, tc.want)
		}
	}
	// One that asks nothing checks nothing: an error, as on the data sources,
	// whose advice names no max_workload_cost, which the function refuses.
	empty := obj(map[string]attr.Value{"supports_streaming": types.BoolValue(false)})
	if got, err := run(t, newUnmetRequirementsFunction(), types.ListUnknown(types.StringType), gpt4oMini(),
		types.DynamicValue(empty), noCurrency); err == nil || !strings.Contains(err.Text, "require sets nothing") ||
		!strings.Contains(err.Text, `"max_output_cost_per_million", "not_deprecated"`) {
		t.Errorf("a require that sets nothing: unmet_requirements = %v, %v; want an error that names what it takes", got, err)
	}
}

// A token limit of 0, as a saved GET /models entry may hold, is not reported,
// as the data sources read it, and meets no requirement on it.
func TestUnmetRequirements_zeroLimitIsNotReported(t *testing.T) {
	t.Parallel()
	entry := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("zero"), "context_length": num(0), "max_output_tokens": num(0)}))
	require := types.DynamicValue(obj(map[string]attr.Value{"min_context_length": num(0), "min_max_output_tokens": num(0)}))
	got, err := run(t, newUnmetRequirementsFunction(), types.ListUnknown(types.StringType), entry, require, noCurrency)
	want := types.ListValueMust(types.StringType, []attr.Value{
		types.StringValue("context_length is not reported (required >= 0)"),
		types.StringValue("max_output_tokens is not reported (required >= 0)"),
	})
	if err != nil || !got.Equal(want) {
		t.Errorf("unmet_requirements = %v, %v; want %v", got, err, want)
	}
}

func TestUnmetRequirements_errors(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		require attr.Value
		want    string
	}{
		"two typos": {obj(map[string]attr.Value{"min_context": num(1), "vision": types.BoolValue(true)}),
			`require has no attribute "min_context". Did you mean "min_context_length"? require has no attribute "vision". Did you mean "supports_vision"? Its attributes are`},
		"typo":       {obj(map[string]attr.Value{"supports_vison": types.BoolValue(true)}), `require has no attribute "supports_vison". Did you mean "supports_vision"? Its attributes are "supports_function_calling", "supports_vision",`},
		"negative":   {obj(map[string]attr.Value{"min_context_length": num(-1)}), "require.min_context_length must be 0 or more"},
		"fraction":   {obj(map[string]attr.Value{"min_context_length": num(1.5)}), "require.min_context_length must be a whole number, got 1.5: write 1 or 2"},
		"wrong type": {obj(map[string]attr.Value{"supports_vision": types.StringValue("yes")}), "require.supports_vision must be a bool, got a string"},
		"quoted fraction": {obj(map[string]attr.Value{"min_context_length": types.StringValue("1.5")}),
			`require.min_context_length must be a number, got a string "1.5", and the number 1.5 would not do either: min_context_length must be a whole number, got 1.5: write 1 or 2`},
		"not an object": {types.StringValue("vision"), "require must be an object such as { supports_vision = true }, got a string"},
	}
	for name, tc := range cases {
		_, err := run(t, newUnmetRequirementsFunction(), types.ListUnknown(types.StringType), gpt4oMini(), types.DynamicValue(tc.require), noCurrency)
		// Terraform adds the final period.
		if err == nil || *err.FunctionArgument != 1 || !strings.Contains(err.Text, tc.want) || strings.HasSuffix(err.Text, ".") {
			t.Errorf("%s: error = %v, want one on argument 1 containing %q, without a final period", name, err, tc.want)
		}
	}
}

func TestSupports(t *testing.T) {
	t.Parallel()
	for capability, want := range map[string]bool{"vision": true, "function_calling": true, "streaming": false, "structured_output": false} {
		got, err := run(t, newSupportsFunction(), types.BoolUnknown(), gpt4oMini(), types.StringValue(capability))
		if err != nil || !got.Equal(types.BoolValue(want)) {
			t.Errorf("supports(%s) = %v, %v; want %v", capability, got, err, want)
		}
	}
	noCapabilities := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("x"), "type": types.StringValue("chat")}))
	if got, err := run(t, newSupportsFunction(), types.BoolUnknown(), noCapabilities, types.StringValue("vision")); err != nil || !got.Equal(types.BoolValue(false)) {
		t.Errorf("supports on a model without capabilities = %v, %v; want false", got, err)
	}
	_, err := run(t, newSupportsFunction(), types.BoolUnknown(), gpt4oMini(), types.StringValue("images"))
	if err == nil || *err.FunctionArgument != 1 || err.Text != `unknown capability "images". Use one of "function_calling", "vision", "streaming" or "structured_output"` {
		t.Errorf("unknown capability: error = %v", err)
	}
	// A blank one is worded as a blank id or owner is (blank).
	for _, capability := range []string{"", "  "} {
		_, err = run(t, newSupportsFunction(), types.BoolUnknown(), gpt4oMini(), types.StringValue(capability))
		if want := `capability is "` + capability + `", which is no capability: use one of "function_calling", "vision", ` +
			`"streaming" or "structured_output"`; err == nil || *err.FunctionArgument != 1 || err.Text != want {
			t.Errorf("supports(%q): error = %v, want %s", capability, err, want)
		}
	}
	// A flag, price or currency written at the model's root, where it would
	// go unread, is an error, not supports = false.
	flat := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("x"), "supports_vision": types.BoolValue(true),
		"input_tokens_cost_per_million": num(1), "currency": types.StringValue("EUR")}))
	_, err = run(t, newSupportsFunction(), types.BoolUnknown(), flat, types.StringValue("vision"))
	if err == nil || *err.FunctionArgument != 0 || err.Text != "model.supports_vision is an attribute of model.capabilities, not of the "+
		"model, so it would go unread: move it into capabilities = { ... }.\nmodel.currency is an attribute of model.pricing, "+
		"not of the model, so it would go unread: move it into pricing = { ... }.\nmodel.input_tokens_cost_per_million is an "+
		"attribute of model.pricing, not of the model, so it would go unread: move it into pricing = { ... }" {
		t.Errorf("flags at the root: error = %v", err)
	}
	// One too long to quote whole is not advised cut, where it would be copied.
	long := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("x"), "currency": types.StringValue(strings.Repeat("EUR ", 20)),
		"pricing": obj(map[string]attr.Value{"input_tokens_cost_per_million": num(1)})}))
	_, err = run(t, newSupportsFunction(), types.BoolUnknown(), long, types.StringValue("vision"))
	if want := `not in model.currency: a model's prices are in pricing.currency alone (a megallm_model's currency is that of its ` +
		`price bounds). Give pricing its currency: pricing = { ..., currency = CODE }`; err == nil || !strings.HasSuffix(err.Text, want) {
		t.Errorf("a currency too long to quote whole: error = %v, want it to end %q", err, want)
	}
	// A currency at the root beside a pricing with its own, or a null one, is
	// megallm_model's argument, the currency of require's bounds.
	for name, pricing := range map[string]attr.Value{
		"with its own": obj(map[string]attr.Value{"input_tokens_cost_per_million": num(1), "currency": types.StringNull()}),
		"null":         types.ObjectNull(map[string]attr.Type{"currency": types.StringType}),
	} {
		argument := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("x"), "currency": types.StringValue("EUR"), "pricing": pricing}))
		if _, err := run(t, newSupportsFunction(), types.BoolUnknown(), argument, types.StringValue("vision")); err != nil {
			t.Errorf("a currency argument beside a pricing %s: error = %v", name, err)
		}
	}
	// megallm_model's currency left null, its pricing replaced, as merge() does.
	merged := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("x"), "currency": types.StringNull(),
		"pricing": obj(map[string]attr.Value{"input_tokens_cost_per_million": num(1)})}))
	if _, err := run(t, newSupportsFunction(), types.BoolUnknown(), merged, types.StringValue("vision")); err != nil {
		t.Errorf("a null currency argument beside a pricing without one: error = %v", err)
	}
	unpriced := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("x"), "currency": types.StringNull()}))
	if _, err := run(t, newSupportsFunction(), types.BoolUnknown(), unpriced, types.StringValue("vision")); err != nil {
		t.Errorf("a null currency argument without a pricing: error = %v", err)
	}
	// The attribute's name, as the model and require spell it, and a typo of it.
	for value, want := range map[string]string{"supports_vision": "vision", "supports_streeming": "streaming", "Vision": "vision"} {
		_, err := run(t, newSupportsFunction(), types.BoolUnknown(), gpt4oMini(), types.StringValue(value))
		if err == nil || !strings.Contains(err.Text, `Did you mean "`+want+`"?`) {
			t.Errorf("supports(%q): error = %v, want one suggesting %q", value, err, want)
		}
	}
}

// Terraform ends a function's error with a period of its own: the text ends
// in no period, and a final question is an aside, so that none ends "?." or "..".
func TestFunctions_errorEndsForTerraform(t *testing.T) {
	t.Parallel()
	model := func(attrs map[string]attr.Value) types.Dynamic { return types.DynamicValue(obj(attrs)) }
	noRequire := types.DynamicValue(obj(map[string]attr.Value{}))
	dollar := types.TupleValueMust([]attr.Type{types.StringType}, []attr.Value{types.StringValue("$")})
	cases := map[string]struct {
		f    function.Function
		args []attr.Value
		want string
	}{
		"currency argument with a code meant": {newUnmetRequirementsFunction(), []attr.Value{gpt4oMini(), noRequire, dollar},
			`currency is "$", not a three-letter ISO 4217 code such as "USD" or "EUR" (leave it out for "USD") (did you mean "USD"?)`},
		"pricing currency with a code meant": {newUnmetRequirementsFunction(), []attr.Value{
			model(map[string]attr.Value{"pricing": obj(map[string]attr.Value{"currency": types.StringValue("$")})}), noRequire, noCurrency},
			`model.pricing.currency is "$", not a three-letter ISO 4217 code such as "USD" or "EUR" (leave it out for "USD") (did you mean "USD"?)`},
		"attribute names, a sentence": {newSupportsFunction(), []attr.Value{
			model(map[string]attr.Value{"capabilities": obj(map[string]attr.Value{"vison": types.BoolValue(true)})}), types.StringValue("vision")},
			`model.capabilities has no attribute "vison". Did you mean "vision"? Its attributes are "supports_function_calling", ` +
				`"supports_streaming", "supports_structured_output" and "supports_vision"`},
		"two mistakes, each a sentence but the last": {newUnmetRequirementsFunction(), []attr.Value{gpt4oMini(),
			types.DynamicValue(obj(map[string]attr.Value{"supports_vision": types.StringValue("yes"), "min_context_length": num(1.5)})), noCurrency},
			`require.supports_vision must be a bool, got a string "yes", which is no bool: write true or false, without quotes.` + "\n" +
				`require.min_context_length must be a whole number, got 1.5: write 1 or 2`},
		"date, a sentence": {newSupportsFunction(), []attr.Value{
			model(map[string]attr.Value{"model_lifecycle": obj(map[string]attr.Value{"retires_at": types.StringValue("2030-13-01")})}), types.StringValue("vision")},
			`model.model_lifecycle.retires_at is "2030-13-01", which is not a date. Use ` + megallm.DateForms},
		// As an object type's optional(string, "") gives it.
		"blank date": {newSupportsFunction(), []attr.Value{
			model(map[string]attr.Value{"model_lifecycle": obj(map[string]attr.Value{"retires_at": types.StringValue("")})}), types.StringValue("vision")},
			`model.model_lifecycle.retires_at is "", which is no date: leave retires_at out (null) to set none; from a variable's ` +
				`object type, declare it optional(string), without a default of ""`},
	}
	for name, tc := range cases {
		_, err := run(t, tc.f, types.DynamicUnknown(), tc.args...)
		if err == nil || err.Text != tc.want {
			t.Errorf("%s: error = %v, want %q", name, err, tc.want)
		}
	}
}

// A lifecycle date without the status or days it gives, as a saved GET /models
// entry has its dates, is refused by a requirement that reads them, with the
// advice that works: a function cannot judge a date without a clock. The test
// pinned the days that the clock gave before the functions read none.
func TestUnmetRequirements_dateWithoutWhatItGives(t *testing.T) {
	t.Parallel()
	const clock = "a function reads no clock, as Terraform requires it to return at apply what it returned at plan, " +
		"so it cannot tell from a date whether its day has come; "
	saved := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("gpt-3.5-turbo"),
		"deprecated_at": types.StringValue("2100-01-01"), "retires_at": types.StringValue("2100-01-11")}))
	undated := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("undated"), "type": types.StringValue("chat")}))
	written := func(lifecycle map[string]attr.Value) types.Dynamic {
		return types.DynamicValue(obj(map[string]attr.Value{"model_lifecycle": obj(lifecycle)}))
	}
	retires := map[string]attr.Value{"retires_at": types.StringValue("2100-01-11")}
	lasting := obj(map[string]attr.Value{"not_deprecated": types.BoolValue(true), "min_days_to_retirement": num(30)})
	tests := []struct {
		name    string
		model   types.Dynamic
		require types.Object
		want    string // the error; "" for none
	}{
		{"saved entry", saved, lasting, "model has a lifecycle date but no model_lifecycle.status or days_to_retirement, " +
			"which not_deprecated and min_days_to_retirement read: " + clock + `read the model with a megallm_model data ` +
			`source (id = "gpt-3.5-turbo") and pass data.megallm_model.NAME, whose model_lifecycle is as of the day of the plan`},
		{"object without an id", written(retires), obj(map[string]attr.Value{"min_days_to_retirement": num(30)}),
			"model has a lifecycle date but no model_lifecycle.days_to_retirement, which min_days_to_retirement reads: " +
				clock + "write model_lifecycle.days_to_retirement in the object"},
		{"dates at the root without an id", types.DynamicValue(obj(map[string]attr.Value{"type": types.StringValue("chat"),
			"retires_at": types.StringValue("2100-01-11")})), obj(map[string]attr.Value{"not_deprecated": types.BoolValue(true)}),
			"model has a lifecycle date but no model_lifecycle.status, which not_deprecated reads: " + clock +
				"move its dates and successor into model_lifecycle = { ... }, with its status"},
		// What the advice writes: no date is read against a clock.
		{"days written", written(map[string]attr.Value{"retires_at": types.StringValue("2100-01-11"), "days_to_retirement": num(10)}),
			obj(map[string]attr.Value{"min_days_to_retirement": num(30)}), ""},
		// Retired is 0 days, whatever its date: it states both.
		{"retired", written(map[string]attr.Value{"retires_at": types.StringValue("2100-01-11"), "status": types.StringValue("retired")}),
			lasting, ""},
		{"requirements that read no date", saved, obj(map[string]attr.Value{"supports_vision": types.BoolValue(true)}), ""},
		{"no date", undated, lasting, ""},
	}
	for _, tc := range tests {
		_, err := run(t, newUnmetRequirementsFunction(), types.ListUnknown(types.StringType), tc.model, types.DynamicValue(tc.require), noCurrency)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: error %q", tc.name, err.Text)
		case tc.want != "" && (err == nil || err.Text != tc.want || err.FunctionArgument == nil || *err.FunctionArgument != 0):
			t.Errorf("%s: error = %v, want on the model %q", tc.name, err, tc.want)
		}
	}
}

// days_to_retirement is read as written, and the miss cites the retires_at
// beside it, as for a data source's object, also where the two disagree (an
// object edited so): with no clock, the function cannot tell which is wrong.
func TestUnmetRequirements_writtenDays(t *testing.T) {
	t.Parallel()
	lifecycle := obj(map[string]attr.Value{"retires_at": types.StringValue("2100-07-20"), "days_to_retirement": num(5)})
	entry := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("dated"), "model_lifecycle": lifecycle}))
	require := types.DynamicValue(obj(map[string]attr.Value{"min_days_to_retirement": num(30)}))
	got, err := run(t, newUnmetRequirementsFunction(), types.ListUnknown(types.StringType), entry, require, noCurrency)
	want := types.ListValueMust(types.StringType, []attr.Value{
		types.StringValue("model_lifecycle.days_to_retirement 5 < required 30 (retires_at 2100-07-20)"),
	})
	if err != nil || !got.Equal(want) {
		t.Errorf("unmet_requirements = %v, %v; want %v", got, err, want)
	}
}
