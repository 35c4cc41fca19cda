package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// idOrCandidatesValidator requires exactly one of megallm_model's id and
// candidates. It does what datasourcevalidator.ExactlyOneOf does, but reads
// the two attributes straight from the configuration: the generic validator
// matches path expressions against the whole configuration, which cost 580
// allocations per megallm_model block, more than the rest of its validation
// together (BenchmarkValidateModel), in every plan.
type idOrCandidatesValidator struct{}

var _ datasource.ConfigValidator = idOrCandidatesValidator{}

func (idOrCandidatesValidator) Description(context.Context) string {
	return "exactly one of id and candidates must be set"
}

func (v idOrCandidatesValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (idOrCandidatesValidator) ValidateDataSource(_ context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var config map[string]tftypes.Value
	if err := req.Config.Raw.As(&config); err != nil {
		return // not a known object yet: Terraform validates again once it is
	}
	id, candidates := config["id"], config["candidates"]
	// A value still unknown may turn out null or not: decide once it is known.
	if !id.IsKnown() || !candidates.IsKnown() {
		return
	}
	switch {
	case id.IsNull() && candidates.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Missing model id",
			"Set id to the model to read, such as id = \"gpt-4o-mini\", or candidates to the models to choose from "+
				"in order of preference, such as candidates = [\"gpt-4o\", \"gpt-4o-mini\"].")
	case !id.IsNull() && !candidates.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("candidates"), "Both id and candidates are set",
			"Set either id, to read that model, or candidates, to read the first of them that can be used, not "+
				"both. To keep id's model as the first choice, make it the first candidate and remove id.")
	}
}
