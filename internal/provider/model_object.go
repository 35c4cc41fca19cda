package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// modelFields is one model as Terraform sees it, the same in megallm_model and
// in megallm_models.models[*]. Fields the API omitted are null.
type modelFields struct {
	ID              types.String       `tfsdk:"id"`
	Type            types.String       `tfsdk:"type"`
	DisplayName     types.String       `tfsdk:"display_name"`
	OwnedBy         types.String       `tfsdk:"owned_by"`
	CreatedAt       types.String       `tfsdk:"created_at"`
	ContextLength   types.Int64        `tfsdk:"context_length"`
	MaxOutputTokens types.Int64        `tfsdk:"max_output_tokens"`
	Capabilities    *capabilitiesModel `tfsdk:"capabilities"`
	Pricing         *pricingModel      `tfsdk:"pricing"`
}

type capabilitiesModel struct {
	SupportsFunctionCalling  types.Bool `tfsdk:"supports_function_calling"`
	SupportsVision           types.Bool `tfsdk:"supports_vision"`
	SupportsStreaming        types.Bool `tfsdk:"supports_streaming"`
	SupportsStructuredOutput types.Bool `tfsdk:"supports_structured_output"`
}

type pricingModel struct {
	InputTokensCostPerMillion  types.Float64 `tfsdk:"input_tokens_cost_per_million"`
	OutputTokensCostPerMillion types.Float64 `tfsdk:"output_tokens_cost_per_million"`
	Currency                   types.String  `tfsdk:"currency"`
}

// newModelFields converts a catalog model, keeping every omission as null.
func newModelFields(m *megallm.Model) modelFields {
	f := modelFields{
		ID:              types.StringValue(m.ID),
		Type:            types.StringPointerValue(m.Type),
		DisplayName:     types.StringPointerValue(m.DisplayName),
		OwnedBy:         types.StringPointerValue(m.OwnedBy),
		CreatedAt:       types.StringPointerValue(m.CreatedAt),
		ContextLength:   types.Int64PointerValue(m.ContextLength),
		MaxOutputTokens: types.Int64PointerValue(m.MaxOutputTokens),
	}
	if c := m.Capabilities; c != nil {
		f.Capabilities = &capabilitiesModel{
			SupportsFunctionCalling:  types.BoolPointerValue(c.SupportsFunctionCalling),
			SupportsVision:           types.BoolPointerValue(c.SupportsVision),
			SupportsStreaming:        types.BoolPointerValue(c.SupportsStreaming),
			SupportsStructuredOutput: types.BoolPointerValue(c.SupportsStructuredOutput),
		}
	}
	if p := m.Pricing; p != nil {
		f.Pricing = &pricingModel{
			InputTokensCostPerMillion:  types.Float64PointerValue(p.InputTokensCostPerMillion),
			OutputTokensCostPerMillion: types.Float64PointerValue(p.OutputTokensCostPerMillion),
			Currency:                   types.StringPointerValue(p.Currency),
		}
	}
	return f
}

// modelAttributes is the schema of modelFields, every attribute computed.
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
			Computed: true,
			Attributes: map[string]schema.Attribute{
				"supports_function_calling": schema.BoolAttribute{
					MarkdownDescription: "Whether the model can call tools (functions).", Computed: true,
				},
				"supports_vision": schema.BoolAttribute{
					MarkdownDescription: "Whether the model accepts images.", Computed: true,
				},
				"supports_streaming": schema.BoolAttribute{
					MarkdownDescription: "Whether the model can stream its answer.", Computed: true,
				},
				"supports_structured_output": schema.BoolAttribute{
					MarkdownDescription: "Whether the model can answer in a given JSON schema.", Computed: true,
				},
			},
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
	}
}
