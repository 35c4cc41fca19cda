package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// oneOfValidator accepts one of a fixed list of words, like the framework's
// stringvalidator.OneOf, but its error says "did you mean" as every other
// argument's does: `sort_by = "input_costs" is not one of ... Did you mean
// "input_cost"?`.
type oneOfValidator struct {
	values []string
}

// oneOf returns a validator that accepts exactly one of values.
func oneOf(values ...string) oneOfValidator { return oneOfValidator{values: values} }

func (v oneOfValidator) Description(context.Context) string {
	return "value must be " + catalog.QuoteList(v.values, "or")
}

func (v oneOfValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v oneOfValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	if slices.Contains(v.values, value) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
		fmt.Sprintf("%s = %s is not one of its values.%s Use %s.", req.Path, megallm.Quote(value),
			didYouMean(catalog.Closest(value, slices.Values(v.values))), catalog.QuoteList(v.values, "or")))
}
