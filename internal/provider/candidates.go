package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// candidatesAttribute is the schema of megallm_model's candidates argument:
// dynamic, not a list, for its plan cost (DESIGN.md).
func candidatesAttribute() schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: "Model ids in order of preference, instead of `id`, such as " +
			"`[\"gpt-4.1\", \"gpt-4o-mini\"]`: the first that the catalog has, the `policy` allows, is not retired " +
			"and meets `require` is read, and each one passed over before it warns, saying why and what to change (to have it " +
			"chosen, or to keep the model chosen without the warning); so does each one after it " +
			"that the catalog lacks, with the closest ids. When none " +
			"qualifies, the plan fails with each one's reason. At least one id, each once; an id with white space around " +
			"it, or one the catalog has only in another letter case or with other separators (`\"gpt_4o\"`), without a " +
			"vendor prefix (`\"openai/gpt-4o\"` for `gpt-4o`, owned by `openai`) or with a prefix " +
			"(`\"llama-3.3-70b-instruct\"` for `meta-llama/llama-3.3-70b-instruct`), or several ids in one string " +
			"(`\"gpt-4o, gpt-4o-mini\"`), fails the plan, wherever it stands, " +
			"as it could never be chosen, with the id " +
			"as the catalog writes it.",
		Optional:   true,
		Validators: []validator.Dynamic{namesCheck("a list of model ids, at least one, each once", readCandidates)},
	}
}

// candidatesExample is a list of model ids, for advice.
const candidatesExample = `["gpt-4o", "gpt-4o-mini"]`

// readCandidates reads a candidates value, null or a list of model ids, not
// empty, each once, and, with spacedToo or another mistake, not spaced (else
// the read refuses that, with the catalog, as nameValidator says).
func readCandidates(v tftypes.Value, spacedToo bool) ([]string, error) {
	switch {
	case v.IsNull():
		return nil, nil
	case v.Type().Is(tftypes.Set{}):
		return nil, errors.New("candidates is a set, which has no order: write the ids as a list in order of " +
			"preference, such as " + candidatesExample + " (not toset(...))")
	}
	ids, mistakes, err := stringElements("candidates", idKind, candidatesExample, v)
	switch {
	case err != nil:
		return nil, err
	case len(ids) == 0:
		return nil, errors.New("candidates is empty: list at least one model id, such as " + candidatesExample + ", " +
			"or set id instead")
	}
	spacedOnes := make([]error, len(ids))
	for i, id := range ids {
		if id == "" { // not known yet, or has a mistake already
			continue
		}
		if spacedOnes[i] = unspelled(fmt.Sprintf("candidates[%d]", i), id, idKind); spacedOnes[i] != nil {
			continue
		}
		if first := slices.Index(ids, id); first < i && !slices.Contains(ids[first+1:i], id) { // its first repeat names all
			var at []string
			for j := range ids {
				if ids[j] == id {
					at = append(at, fmt.Sprintf("candidates[%d]", j))
				}
			}
			times, where := "twice", joinProblems(at, ", ")
			if len(at) > 2 {
				times = fmt.Sprintf("%d times", len(at))
			}
			if len(at) <= catalog.MaxListed {
				where = strings.Join(at[:len(at)-1], ", ") + " and " + at[len(at)-1]
			}
			mistakes[i] = fmt.Errorf("candidates lists %s %s (%s): list each model once", megallm.Quote(id), times, where)
		}
	}
	// The read refuses a spaced id with the catalog's spelling, where it gets
	// to: not past another mistake, nor, maybe, past a value not known yet.
	if spacedToo || joinMistakes(mistakes) != nil {
		for i, err := range spacedOnes {
			if err != nil {
				mistakes[i] = err
			}
		}
	}
	return ids, joinMistakes(mistakes)
}

// idOrCandidatesValidator is datasourcevalidator.ExactlyOneOf for id and
// candidates, in words that say which to set and how.
var idOrCandidatesValidator = &configCheck{
	describes: "exactly one of id and candidates must be set",
	check: func(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
		var id types.String
		var candidates types.Dynamic
		diags.Append(config.GetAttribute(ctx, path.Root("id"), &id)...)
		diags.Append(config.GetAttribute(ctx, path.Root("candidates"), &candidates)...)
		// A value still unknown may turn out null or not: decide once it is known.
		if diags.HasError() || id.IsUnknown() || candidates.IsUnknown() || candidates.IsUnderlyingValueUnknown() {
			return
		}
		noCandidates := candidates.IsNull() || candidates.IsUnderlyingValueNull() // a null list too
		switch {
		case id.IsNull() && noCandidates:
			diags.AddAttributeError(path.Root("id"), "Missing model id",
				"Set id to the model to read, such as id = \"gpt-4o-mini\", or candidates to the models to choose from "+
					"in order of preference, such as candidates = "+candidatesExample+".")
		case !id.IsNull() && !noCandidates:
			diags.AddAttributeError(path.Root("candidates"), "Both id and candidates are set",
				"Set either id, to read that model, or candidates, to read the first of them that can be used, not "+
					"both. To keep id's model as the first choice, make it the first candidate and remove id.")
		}
	},
}
