package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
)

// modelAttributes is the schema of one model, every attribute computed.
func modelAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "Model id, as sent in API requests (for example `gpt-4o-mini`). May contain `/` and `.`.",
			Computed:            true,
		},
		"type": schema.StringAttribute{
			MarkdownDescription: "Model type: `chat` or `embedding`. Null if the API does not say.",
			Computed:            true,
		},
		"display_name": schema.StringAttribute{
			MarkdownDescription: "Human-readable name, such as `GPT-4o mini`.",
			Computed:            true,
		},
		"owned_by": schema.StringAttribute{
			MarkdownDescription: "Organisation that publishes the model, such as `openai` or `anthropic`.",
			Computed:            true,
		},
		"created_at": schema.StringAttribute{
			MarkdownDescription: "When the model was released, as an RFC 3339 timestamp.",
			Computed:            true,
		},
		"context_length": schema.Int64Attribute{
			MarkdownDescription: "Context window in tokens. Null if the API does not say.",
			Computed:            true,
		},
		"max_output_tokens": schema.Int64Attribute{
			MarkdownDescription: "Most tokens the model can produce in one answer. Null if the API does not say.",
			Computed:            true,
		},
		"capabilities": schema.SingleNestedAttribute{
			MarkdownDescription: "Features the model supports. Null when the API sends no capabilities; " +
				"a single capability the API omits is null too.",
			Computed:   true,
			Attributes: capabilityAttributes(),
		},
		"pricing": schema.SingleNestedAttribute{
			MarkdownDescription: "Price per million tokens. Null when the API sends no pricing (it is never a made-up zero).",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"input_tokens_cost_per_million": schema.Float64Attribute{
					MarkdownDescription: "Price of one million input (prompt) tokens.", Computed: true,
				},
				"output_tokens_cost_per_million": schema.Float64Attribute{
					MarkdownDescription: "Price of one million output (completion) tokens.", Computed: true,
				},
				"currency": schema.StringAttribute{
					MarkdownDescription: "Currency of the prices, such as `USD`.", Computed: true,
				},
			},
		},
		"model_lifecycle": schema.SingleNestedAttribute{
			MarkdownDescription: "Where the model is in its lifecycle, from the API's lifecycle fields and the " +
				"provider's `policy` (of two dates, the earlier). Always an object; each attribute is null where " +
				"nothing is known.",
			Computed: true,
			Attributes: map[string]schema.Attribute{
				"status": schema.StringAttribute{
					MarkdownDescription: "`active`, `deprecated` (from `deprecated_at` on) or `retired` (from " +
						"`retires_at` on), computed for today's date in UTC. Null when neither date is known.",
					Computed: true,
				},
				"deprecated_at": schema.StringAttribute{
					MarkdownDescription: "When the model is or was deprecated, as an RFC 3339 timestamp.", Computed: true,
				},
				"retires_at": schema.StringAttribute{
					MarkdownDescription: "When the model stops or stopped being served, as an RFC 3339 timestamp.",
					Computed:            true,
				},
				"successor": schema.StringAttribute{
					MarkdownDescription: "Id of the model to move to.", Computed: true,
				},
				"days_to_retirement": schema.Int64Attribute{
					MarkdownDescription: "Whole days (UTC) from today to `retires_at`; 0 once retired. Null without " +
						"a `retires_at`.",
					Computed: true,
				},
			},
		},
	}
}

// capabilityAttributes is the schema of a model's capabilities, one flag per
// capability of catalog.Capabilities.
func capabilityAttributes() map[string]schema.Attribute {
	attributes := make(map[string]schema.Attribute, len(catalog.Capabilities))
	for _, c := range catalog.Capabilities {
		attributes[c.Field()] = schema.BoolAttribute{MarkdownDescription: "Whether the model " + c.Does + ".", Computed: true}
	}
	return attributes
}
