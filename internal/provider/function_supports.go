package provider

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// capabilityNames are the capabilities supports accepts, as the table names them.
var capabilityNames = func() []string {
	names := make([]string, len(megallm.CapabilityTable))
	for i, c := range megallm.CapabilityTable {
		names[i] = c.Name
	}
	return names
}()

// closestCapabilities are the capability names value may mean, by a name or
// by an attribute name (supports_vision for vision).
func closestCapabilities(value string) []string {
	nameOf := make(map[string]string, 2*len(megallm.CapabilityTable))
	for _, c := range megallm.CapabilityTable {
		nameOf[c.Name], nameOf[c.Field()] = c.Name, c.Name
	}
	var names []string
	for _, word := range catalog.Closest(value, maps.Keys(nameOf)) {
		if !slices.Contains(names, nameOf[word]) {
			names = append(names, nameOf[word])
		}
	}
	return names
}

// newSupportsFunction returns provider::megallm::supports.
func newSupportsFunction() function.Function {
	return providerFunction{name: "supports", run: runSupports, definition: function.Definition{
		Summary: "Whether a model has a capability",
		MarkdownDescription: "Returns `true` when `model` reports that it supports `capability`, and `false` when it " +
			"reports that it does not or does not say. Makes no API call.",
		Parameters: []function.Parameter{
			modelParameter(),
			function.StringParameter{
				Name:               "capability",
				AllowUnknownValues: true,
				MarkdownDescription: "One of `" + strings.Join(capabilityNames, "`, `") + "`: the model's " +
					"`capabilities` attributes without `supports_` (`vision` for `supports_vision`). Another value is an " +
					"error that names the closest capability.",
			},
		},
		Return: function.BoolReturn{},
	}}
}

func runSupports(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var modelArg types.Dynamic
	var capabilityArg types.String
	resp.Error = req.Arguments.Get(ctx, &modelArg, &capabilityArg)
	if resp.Error != nil {
		return
	}
	capability := capabilityArg.ValueString() // "" while unknown, which passes both checks
	i := slices.Index(capabilityNames, capability)
	// White space around a name that is no capability either (" Vision")
	// gets the closest capability: the trimmed value would fail too.
	trimmed := strings.TrimSpace(capability)
	if err := spaced("capability", capability, "capability"); err != nil && (trimmed == capability || slices.Contains(capabilityNames, trimmed)) {
		resp.Error = function.NewArgumentFuncError(1, err.Error())
		return
	}
	if oneOf := catalog.QuoteList(capabilityNames, "or"); i < 0 && !capabilityArg.IsUnknown() {
		err := cmp.Or(blank("capability", capability, "capability", "use one of "+oneOf),
			fmt.Errorf("unknown capability %s.%s Use one of %s", megallm.Quote(capability), didYouMean(closestCapabilities(trimmed)), oneOf))
		resp.Error = function.NewArgumentFuncError(1, err.Error())
		return
	}
	model, _, funcErr := modelArgument(ctx, modelArg)
	if funcErr != nil || !argumentsKnown(ctx, req) {
		resp.Error = funcErr
		return
	}
	flag := megallm.CapabilityTable[i].Supported(model)
	resp.Error = resp.Result.Set(ctx, flag != nil && *flag)
}
