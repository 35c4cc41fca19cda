package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = (*unmetRequirementsFunction)(nil)

// NewUnmetRequirementsFunction returns provider::megallm::unmet_requirements.
func NewUnmetRequirementsFunction() function.Function { return &unmetRequirementsFunction{} }

// unmetRequirementsFunction lists the requirements a model misses.
type unmetRequirementsFunction struct{}

func (f *unmetRequirementsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "unmet_requirements"
}

func (f *unmetRequirementsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Requirements a model does not meet",
		MarkdownDescription: "Returns one string per requirement in `require` that `model` does not meet, worded as the " +
			"`megallm_model` error (for example `context_length 8192 < required 100000`), or an empty list when it " +
			"meets them all. `length(provider::megallm::unmet_requirements(m, {...})) == 0` fits a `precondition`, " +
			"`validation` or `check`. Price bounds are in `USD`: a model priced in another currency misses them " +
			"(`priced in EUR, the requirement is in USD`), and one whose pricing reports no currency is taken as " +
			"priced in `USD`. `max_workload_cost` is an error here, as the function takes no workload. Makes no API call.",
		Parameters: []function.Parameter{
			modelParameter(),
			function.DynamicParameter{
				Name: "require",
				MarkdownDescription: "Requirements: an object with the attributes of the data sources' `require`, " +
					"any of which may be left out; an attribute not in this list is an error:" + requireDescription(),
			},
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (f *unmetRequirementsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var modelArg, requireArg types.Dynamic
	resp.Error = req.Arguments.Get(ctx, &modelArg, &requireArg)
	if resp.Error != nil {
		return
	}
	model, funcErr := modelArgument(ctx, modelArg, 0)
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	require, funcErr := requirementsArgument(ctx, requireArg, 1)
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	if require.MaxWorkloadCost != nil {
		resp.Error = function.NewArgumentFuncError(1, "max_workload_cost needs a workload, which only the data sources "+
			"take: set workload and require.max_workload_cost on megallm_model or megallm_models instead")
		return
	}
	unmet := require.Unmet(model)
	if unmet == nil {
		unmet = []string{}
	}
	resp.Error = resp.Result.Set(ctx, unmet)
}
