package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = (*estimateCostFunction)(nil)

// NewEstimateCostFunction returns provider::megallm::estimate_cost.
func NewEstimateCostFunction() function.Function { return &estimateCostFunction{} }

// estimateCostFunction prices a number of input and output tokens.
type estimateCostFunction struct{}

func (f *estimateCostFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "estimate_cost"
}

func (f *estimateCostFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Cost of a number of tokens with a model",
		MarkdownDescription: "Returns what `input_tokens` prompt tokens and `output_tokens` completion tokens cost with " +
			"`model`, in the model's `pricing.currency`: `input_tokens / 1e6 × input_tokens_cost_per_million + " +
			"output_tokens / 1e6 × output_tokens_cost_per_million`. Fails when the model has no price for a " +
			"non-zero token count, or a count is negative. Makes no API call.",
		Parameters: []function.Parameter{
			modelParameter(),
			function.Int64Parameter{Name: "input_tokens", MarkdownDescription: "Number of input (prompt) tokens, 0 or more."},
			function.Int64Parameter{Name: "output_tokens", MarkdownDescription: "Number of output (completion) tokens, 0 or more."},
		},
		Return: function.Float64Return{},
	}
}

func (f *estimateCostFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var modelArg types.Dynamic
	var inputTokens, outputTokens int64
	resp.Error = req.Arguments.Get(ctx, &modelArg, &inputTokens, &outputTokens)
	if resp.Error != nil {
		return
	}
	model, funcErr := modelArgument(ctx, modelArg, 0)
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	for i, count := range []int64{inputTokens, outputTokens} {
		if count < 0 {
			resp.Error = function.NewArgumentFuncError(int64(i+1), fmt.Sprintf("token count must be 0 or more, got %d", count))
			return
		}
	}
	if model.Pricing == nil {
		resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("model %q has no pricing, so its cost cannot be estimated", model.ID))
		return
	}
	cost := 0.0
	for _, part := range []struct {
		tokens int64
		price  *float64
		name   string
	}{
		{inputTokens, model.Pricing.InputTokensCostPerMillion, "input_tokens_cost_per_million"},
		{outputTokens, model.Pricing.OutputTokensCostPerMillion, "output_tokens_cost_per_million"},
	} {
		if part.tokens == 0 {
			continue
		}
		if part.price == nil {
			resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("model %q has no pricing.%s, so its cost cannot be estimated", model.ID, part.name))
			return
		}
		cost += float64(part.tokens) / 1e6 * *part.price
	}
	resp.Error = resp.Result.Set(ctx, cost)
}
