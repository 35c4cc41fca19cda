package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// requireAttribute is the schema of the require object both data sources
// take (readRequirements reads it); purpose says what the requirements do in
// the data source at hand.
func requireAttribute(purpose string) schema.SingleNestedAttribute {
	capability := func(what string) schema.BoolAttribute {
		return schema.BoolAttribute{
			MarkdownDescription: "`true` requires a model that supports " + what + ". `false` or unset requires nothing.",
			Optional:            true,
		}
	}
	atLeastZeroInt := []validator.Int64{int64validator.AtLeast(0)}
	atLeastZeroFloat := []validator.Float64{float64validator.AtLeast(0)}
	return schema.SingleNestedAttribute{
		MarkdownDescription: purpose + " Every attribute is optional; bounds are inclusive. A model that does " +
			"not report a field never meets a requirement on that field.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"supports_function_calling":  capability("function (tool) calling"),
			"supports_vision":            capability("image input"),
			"supports_streaming":         capability("streaming"),
			"supports_structured_output": capability("structured (JSON schema) output"),
			"min_context_length": schema.Int64Attribute{
				MarkdownDescription: "Smallest acceptable `context_length`, in tokens (0 or more).",
				Optional:            true,
				Validators:          atLeastZeroInt,
			},
			"min_max_output_tokens": schema.Int64Attribute{
				MarkdownDescription: "Smallest acceptable `max_output_tokens` (0 or more).",
				Optional:            true,
				Validators:          atLeastZeroInt,
			},
			"max_input_cost_per_million": schema.Float64Attribute{
				MarkdownDescription: "Highest acceptable `pricing.input_tokens_cost_per_million` (0 or more).",
				Optional:            true,
				Validators:          atLeastZeroFloat,
			},
			"max_output_cost_per_million": schema.Float64Attribute{
				MarkdownDescription: "Highest acceptable `pricing.output_tokens_cost_per_million` (0 or more).",
				Optional:            true,
				Validators:          atLeastZeroFloat,
			},
		},
	}
}
