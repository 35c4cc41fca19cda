package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

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
// the configuration wrote, and its validator refuses the ones it does not
// know, at validate and plan alike, with the same reader and the same words as
// the unmet_requirements function.
func requireAttribute(purpose string) schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: purpose + requireDescription(),
		Optional:            true,
		Validators: []validator.Dynamic{dynamicValidator{
			describes:  "an object of requirements: " + strings.Join(requireAttributeNames, ", "),
			read:       func(v tftypes.Value) error { _, err := readRequirements(v); return err },
			readPartly: func(v tftypes.Value) error { _, err := requireReader(v); return err }, // names before values
		}},
	}
}

// readRequirements reads a require object; null requires nothing. An unset
// capability or one set to false asks for nothing; an unset bound is nil.
// Names it does not know are refused: a typo would silently require nothing.
func readRequirements(v tftypes.Value) (catalog.Requirements, error) {
	var req catalog.Requirements
	if v.IsNull() {
		return req, nil
	}
	o, err := requireReader(v)
	if err != nil {
		return req, err
	}
	for _, q := range requireAttributes {
		switch q.Kind {
		case catalog.RequiresTrue:
			if b := o.bool(q.Name); b != nil && *b {
				q.Require(&req, nil, nil)
			}
		case catalog.WholeMinimum:
			q.Require(&req, o.int64(q.Name), nil)
		case catalog.AmountMaximum:
			q.Require(&req, nil, o.float64(q.Name))
		}
	}
	return req, o.err
}

// requireReader is a reader of a non-null require value, once its attribute
// names are known to be requirements.
func requireReader(v tftypes.Value) (*objectReader, error) {
	o, ok := newObjectReader("require.", v)
	if !ok {
		return nil, fmt.Errorf("require must be an object such as { supports_vision = true }, got %s", typeName(v))
	}
	if err := onlyAttributes("require", o, requireAttributeNames); err != nil {
		return nil, err
	}
	return o, nil
}

// requirementsArgument reads the require argument of a function at position.
func requirementsArgument(ctx context.Context, arg types.Dynamic, position int64) (catalog.Requirements, *function.FuncError) {
	r, err := readDynamic(ctx, arg, readRequirements)
	if err != nil {
		return catalog.Requirements{}, argumentError(position, err)
	}
	return r, nil
}
