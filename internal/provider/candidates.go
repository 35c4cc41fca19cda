package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// candidatesAttribute is the schema of megallm_model's candidates argument.
//
// It is dynamic, not a list of strings, for what it costs Terraform: with a
// list attribute in megallm_model's schema, `make bench` measured the
// marginal cost of a megallm_model in a plan 23 % higher than before, and 10
// % with a dynamic one, in the same interleaved runs (BENCHMARKS.md).
// candidatesValidator checks what the schema would have: a list of strings,
// at least one, each once; and that the list has an order, which a set has
// not.
func candidatesAttribute() schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: "List of model ids in order of preference, instead of `id`, such as " +
			"`[\"gpt-4o\", \"gpt-4o-mini\"]`: the data source reads the first that the catalog has, the `policy` " +
			"allows, is not retired and meets `require`, and warns about each candidate passed over before it, " +
			"saying why. When none qualifies, the plan fails and lists every candidate with its reason. A " +
			"configuration that lists a fallback keeps planning when a model retires. At least one id, each once.",
		Optional:   true,
		Validators: []validator.Dynamic{candidatesValidator{}},
	}
}

// candidatesValidator checks candidates with readCandidates once it is known.
type candidatesValidator struct{}

func (candidatesValidator) Description(context.Context) string {
	return "value must be a list of model ids, at least one, each once"
}

func (v candidatesValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (candidatesValidator) ValidateDynamic(ctx context.Context, req validator.DynamicRequest, resp *validator.DynamicResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.IsUnderlyingValueUnknown() {
		return
	}
	value, err := req.ConfigValue.ToTerraformValue(ctx)
	if err == nil && value.IsFullyKnown() {
		_, err = readCandidates(value)
	}
	if err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid candidates", err.Error())
	}
}

// readCandidates reads a candidates value: a list (or tuple) of model ids,
// not empty, each once.
func readCandidates(v tftypes.Value) ([]string, error) {
	if v.Type().Is(tftypes.Set{}) {
		return nil, errors.New("candidates is a set, which has no order: write the ids as a list in order of " +
			"preference, such as [\"gpt-4o\", \"gpt-4o-mini\"] (not toset(...))")
	}
	ids, err := readStrings("candidates", v)
	switch {
	case err != nil:
		return nil, err
	case len(ids) == 0:
		return nil, errors.New("candidates is empty: list at least one model id, such as [\"gpt-4o\", \"gpt-4o-mini\"], " +
			"or set id instead")
	}
	for i, id := range ids {
		if first := slices.Index(ids, id); first < i {
			return nil, fmt.Errorf("candidates lists %q twice (candidates[%d] and candidates[%d]): list each model once", id, first, i)
		}
	}
	return ids, nil
}
