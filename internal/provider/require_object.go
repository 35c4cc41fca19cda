package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
)

// requireAttributes are the attributes of a require object, in the order
// Unmet words them: the named rows of catalog.RequirementTable. The data
// sources' require argument, its validator and reader, and the
// unmet_requirements function all take their names from there.
var requireAttributes = func() []catalog.Requirement {
	var attributes []catalog.Requirement
	for _, q := range catalog.RequirementTable {
		if q.Name != "" {
			attributes = append(attributes, q)
		}
	}
	return attributes
}()

// requireAttributeNames are the names of requireAttributes, in order.
var requireAttributeNames = func() []string {
	names := make([]string, len(requireAttributes))
	for i, a := range requireAttributes {
		names[i] = a.Name
	}
	return names
}()

// requireDescription points to the one table of the require object's
// attributes, in the requirements guide, from a page of docs/data-sources or
// docs/functions.
func requireDescription() string {
	return " An object whose attributes, all optional, are in the " +
		"[requirements table](../guides/requirements.md#attributes); an attribute not in it is an error."
}

// requireAttribute is the schema of the require argument both data sources
// take; purpose says what the requirements do in the data source at hand.
//
// It is dynamic rather than a nested object on purpose: Terraform drops the
// attributes of an object literal that a nested object type does not
// declare, so `{ supports_vison = true }` would reach the provider as an
// empty object and require nothing. A dynamic value arrives with every key
// the configuration wrote, and requireValidator refuses the ones it does not
// know, at validate and plan alike, with the same reader and the same words as
// the unmet_requirements function.
func requireAttribute(purpose string) schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: purpose + requireDescription(),
		Optional:            true,
		Validators:          []validator.Dynamic{requireValidator{}},
	}
}

// requireValidator checks a require value with readRequirements: unknown
// attribute names, wrong types and bad numbers are errors on require.
// Values not known yet are checked when they are, at plan.
type requireValidator struct{}

func (requireValidator) Description(context.Context) string {
	return "value must be an object of requirements: " + strings.Join(requireAttributeNames, ", ")
}

func (v requireValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (requireValidator) ValidateDynamic(ctx context.Context, req validator.DynamicRequest, resp *validator.DynamicResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.IsUnderlyingValueUnknown() {
		return
	}
	value, err := req.ConfigValue.ToTerraformValue(ctx)
	switch {
	case err != nil:
	case value.IsFullyKnown():
		_, err = readRequirements(value)
	default: // the names are known before the values
		_, err = requireReader(value)
	}
	if err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid require", err.Error())
	}
}
