package provider

import (
	"errors"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// candidatesAttribute is the schema of megallm_model's candidates argument.
//
// It is dynamic, not a list of strings, for what it costs Terraform: with a
// list attribute in megallm_model's schema, a megallm_model cost a plan 23 %
// more than before this argument existed, and with a dynamic one 10 %, in the
// same interleaved runs (BENCHMARKS.md). Its validator checks what the list
// type would have: strings, at least one, each once; and that they have an
// order, which a set has not.
func candidatesAttribute() schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: "Model ids in order of preference, instead of `id`, such as " +
			"`[\"gpt-4.1\", \"gpt-4o-mini\"]`: the first that the catalog has, the `policy` allows, is not retired " +
			"and meets `require` is read, and each one passed over before it warns, saying why. When none " +
			"qualifies, the plan fails with each one's reason. At least one id, each once.",
		Optional: true,
		Validators: []validator.Dynamic{readerValidator{
			describes: "a list of model ids, at least one, each once",
			read:      func(v tftypes.Value) error { _, err := readCandidates(v); return err },
		}},
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
			return nil, fmt.Errorf("candidates lists %s twice (candidates[%d] and candidates[%d]): list each model once",
				megallm.Quote(id), first, i)
		}
	}
	return ids, nil
}
