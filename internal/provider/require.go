package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
)

// requireAttributes are the named rows of catalog.RequirementTable, the
// attributes of a require object in the order Unmet words them, and their names.
var requireAttributes, requireAttributeNames = func() (attributes []catalog.Requirement, names []string) {
	for _, q := range catalog.RequirementTable {
		if q.Name != "" {
			attributes, names = append(attributes, q), append(names, q.Name)
		}
	}
	return attributes, names
}()

// requireDescription points to the requirements guide's table.
const requireDescription = " An object whose attributes, all optional, are in the " +
	"[requirements table](../guides/requirements.md#attributes); an attribute not in it is an error."

// requireAttribute is the schema of both data sources' require argument;
// purpose says what it does. It is dynamic so that a misspelt attribute is
// an error, not dropped (DESIGN.md).
func requireAttribute(purpose string) schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: purpose + requireDescription,
		Optional:            true,
		Validators: []validator.Dynamic{argumentCheck{
			describes: "an object of requirements: " + strings.Join(requireAttributeNames, ", "),
			dyn:       func(v tftypes.Value) error { _, err := readRequirements(v); return err },
			partly: func(v tftypes.Value) error { // the names, and the values known so far
				o, err := requireReader(v)
				if err == nil {
					o.partial = true
					_, err = requirementsFrom(o)
				}
				return err
			},
		}},
	}
}

// readRequirements reads a require object; null, false and unset require
// nothing, and an attribute not in requireAttributes is an error.
func readRequirements(v tftypes.Value) (catalog.Requirements, error) {
	var req catalog.Requirements
	if v.IsNull() {
		return req, nil
	}
	o, err := requireReader(v)
	if err != nil {
		return req, err
	}
	return requirementsFrom(o)
}

// requirementsFrom reads the requirements of a require object.
func requirementsFrom(o *objectReader) (catalog.Requirements, error) {
	var req catalog.Requirements
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
	return req, o.err()
}

// requireReader reads a non-null require value whose names are all known.
func requireReader(v tftypes.Value) (*objectReader, error) {
	o, ok := newObjectReader("require.", v)
	if !ok {
		return nil, fmt.Errorf("require must be an object such as { supports_vision = true }, got %s%s", typeName(v), asText(v))
	}
	if err := onlyAttributes("require", o, requireAttributeNames); err != nil {
		return nil, err
	}
	return o, nil
}
