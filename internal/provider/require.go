package provider

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
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

// registryDocs is where the Terraform Registry shows docs/. A description
// links a page by it: the Registry resolves no relative link to another page.
const registryDocs = "https://registry.terraform.io/providers/megallm/megallm/latest/docs"

// requireDescription points to the requirements guide's table.
const requireDescription = " An object whose attributes, all optional, are in the " +
	"[requirements table](" + registryDocs + "/guides/requirements#requirements-table); an attribute not in it is an " +
	"error, and so is an object that asks for nothing (`{}`, or each attribute `null` or `false`), as it would " +
	"check nothing."

// requireAttribute is the schema of both data sources' require argument, dynamic (DESIGN.md).
func requireAttribute(purpose string) schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: purpose + requireDescription,
		Optional:            true,
		Validators: []validator.Dynamic{argumentCheck{
			describes: "an object of requirements: " + strings.Join(requireAttributeNames, ", "),
			// A price written with a currency is read against the currency argument, which may be known later.
			dyn: func(ctx context.Context, config tfsdk.Config, v tftypes.Value) error {
				var currency types.String
				_ = config.GetAttribute(ctx, path.Root("currency"), &currency)
				_, err := readRequirements(v, currency, "")
				return err
			},
		}},
	}
}

// readRequirements reads a require object whose price bounds are in currency,
// set as setCurrency says (objectReader.pricedIn); null requires nothing.
func readRequirements(v tftypes.Value, currency types.String, setCurrency string) (catalog.Requirements, error) {
	var req catalog.Requirements
	if v.IsNull() {
		return req, nil
	}
	o, err := requireReader(v)
	if err != nil {
		return req, err
	}
	names := requireAttributeNames
	fix := leaveOut("require", "require nothing") + ", as require = var.need ? { supports_vision = true } : null does"
	// Only unmet_requirements sets setCurrency; it takes no null require (OpenTofu would return null), nor a workload.
	if setCurrency != "" {
		names = slices.DeleteFunc(slices.Clone(names), func(name string) bool { return name == "max_workload_cost" })
		fix = "call it only with one, as " +
			"var.need ? provider::megallm::unmet_requirements(MODEL, { supports_vision = true }) : [] does"
	}
	o.keep(setsNothing(o, names, "false does", fix+" when need is false"))
	o.pricedIn(currency.ValueString(), setCurrency)
	o.currencyUnknown = currency.IsUnknown()
	for _, q := range requireAttributes {
		switch q.Kind {
		case catalog.RequiresTrue:
			if b := o.bool(q.Name); b != nil && *b {
				q.Require(&req, nil, nil)
			}
		case catalog.WholeMinimum:
			q.Require(&req, numberBy(o, q.Name, minimumCount), nil)
		case catalog.AmountMaximum:
			q.Require(&req, nil, numberBy(o, q.Name, amount))
		}
	}
	return req, o.err()
}

// requireReader reads a non-null require value; it keeps an attribute it does
// not know as a mistake, so that the values beside it are still checked.
func requireReader(v tftypes.Value) (*objectReader, error) {
	o, err := readObject("require", "{ supports_vision = true }", v)
	if err != nil {
		return nil, err
	}
	o.keep(onlyAttributes("require", o, requireAttributeNames))
	return o, nil
}
