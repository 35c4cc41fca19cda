package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// newEstimateCostFunction returns provider::megallm::estimate_cost.
func newEstimateCostFunction() function.Function {
	return providerFunction{name: "estimate_cost", run: runEstimateCost, definition: function.Definition{
		Summary: "Cost of a number of tokens with a model",
		MarkdownDescription: "Returns what `input_tokens` prompt tokens and `output_tokens` completion tokens cost with " +
			"`model`, in the model's `pricing.currency`: `input_tokens / 1e6 × input_tokens_cost_per_million + " +
			"output_tokens / 1e6 × output_tokens_cost_per_million`, rounded to 12 significant digits as the data " +
			"sources' `workload_costs` are (3,000,000 input tokens at 0.1 per million cost `0.3`).\n\nToken counts may be fractional (an estimate " +
			"such as `var.requests * 1.15` is fine) but not negative.\n\nFails when the model has no pricing at all " +
			"(`pricing = null` and `pricing = {}` alike), even for 0 tokens: its cost is unknown, not 0. Fails " +
			"too when the model lacks the price of a non-zero token count (with only an input price, " +
			"`output_tokens` must be 0), and when the cost is too large to represent, where `workload_costs` has a null " +
			"element and a warning. Where a price is missing, the error names each attribute of `pricing` the " +
			"function does not read (`input_price`), with the closest one it does. Makes no API call.",
		Parameters: []function.Parameter{
			modelParameter(),
			function.NumberParameter{Name: "input_tokens", AllowUnknownValues: true, MarkdownDescription: "Number of input (prompt) tokens, 0 or more."},
			function.NumberParameter{Name: "output_tokens", AllowUnknownValues: true, MarkdownDescription: "Number of output (completion) tokens, 0 or more."},
		},
		Return: function.Float64Return{},
	}}
}

func runEstimateCost(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var modelArg types.Dynamic
	var inputArg, outputArg types.Number
	resp.Error = req.Arguments.Get(ctx, &modelArg, &inputArg, &outputArg)
	if resp.Error != nil {
		return
	}
	model, _, funcErr := modelArgument(ctx, modelArg)
	if funcErr != nil {
		resp.Error = funcErr
		return
	}
	var tokens [2]float64
	for i, arg := range []types.Number{inputArg, outputArg} {
		if arg.IsUnknown() {
			continue
		}
		count, err := amount("token count", arg.ValueBigFloat())
		if err != nil {
			resp.Error = function.NewArgumentFuncError(int64(i+1), err.Error())
			return
		}
		tokens[i] = count
	}
	v, _ := modelArg.ToTerraformValue(ctx) // as modelArgument has read it
	if !v.IsFullyKnown() {
		return
	}
	// A count not known yet reads as 0, so an error stands for any count:
	// a model without pricing fails the plan, not the apply.
	workload := catalog.Workload{InputTokens: tokens[0], OutputTokens: tokens[1]}
	cost, err := workload.Cost(model)
	switch {
	case errors.Is(err, catalog.ErrCostNotExpressible):
		resp.Error = function.NewFuncError(costTooLarge("these token counts", workload, modelName(model), model, nil))
	case err != nil:
		msg := fmt.Sprintf("%s %s, so its cost cannot be estimated", modelName(model), err)
		if unread := unreadPrices(v); unread != nil {
			msg += ": " + strings.TrimSuffix(unread.Error(), ".")
		}
		if errors.Is(err, catalog.ErrNoPricing) {
			msg += ". Give it pricing = { input_tokens_cost_per_million = ..., output_tokens_cost_per_million = ... }, " +
				"or pass a model that has prices: a megallm_models data source with require = { " +
				"max_input_cost_per_million = ..., max_output_cost_per_million = ... } lists only such models"
		} else { // one price is missing, of a count not 0
			count := "output_tokens"
			if model.Pricing.InputTokensCostPerMillion == nil {
				count = "input_tokens"
			}
			msg += ". Pass 0 as " + count + ", or a model that has that price"
		}
		resp.Error = function.NewArgumentFuncError(0, msg)
	case argumentsKnown(ctx, req):
		resp.Error = resp.Result.Set(ctx, cost)
	}
}

// unreadPrices refuses the attributes of a model argument's pricing that
// readModel ignored (apiAttributes): where no price is read, they may be
// what the user meant to write one with. Nil for a pricing without any.
func unreadPrices(model tftypes.Value) error {
	if m, ok := newObjectReader("model.", model); ok {
		if p := m.object("pricing", pricingExample); p != nil {
			return onlyAttributes("model.pricing", p, pricingAttributeNames)
		}
	}
	return nil
}

// modelName names a model a function was given: by its id, or, for an
// object literal without one, as the model.
func modelName(m *megallm.Model) string {
	if m.ID == "" {
		return "the model (an object without an id)"
	}
	return "model " + megallm.Quote(m.ID)
}
