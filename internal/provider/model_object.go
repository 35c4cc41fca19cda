package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// modelType is the Terraform type of one model, the same in megallm_model and
// in megallm_models.models[*], with the types of its nested objects.
type modelType struct {
	object       tftypes.Object
	capabilities tftypes.Type
	pricing      tftypes.Type
}

// modelTypes is derived from modelAttributes once and shared by every read.
var modelTypes = sync.OnceValue(func() modelType {
	attributeTypes := make(map[string]tftypes.Type)
	for name, attribute := range modelAttributes() {
		attributeTypes[name] = attribute.GetType().TerraformType(context.Background())
	}
	return modelType{
		object:       tftypes.Object{AttributeTypes: attributeTypes},
		capabilities: attributeTypes["capabilities"],
		pricing:      attributeTypes["pricing"],
	}
})

// modelValues converts a catalog model into the attributes of modelAttributes,
// keeping every omission as null: a field the API did not send, and a whole
// capabilities or pricing object. The values are built directly, not through
// the framework's reflection, which costs several times more (BENCHMARKS.md).
func modelValues(m *megallm.Model) map[string]tftypes.Value {
	mt := modelTypes()
	capabilities := tftypes.NewValue(mt.capabilities, nil)
	if c := m.Capabilities; c != nil {
		flags := make(map[string]tftypes.Value, len(catalog.Capabilities))
		for _, capability := range catalog.Capabilities {
			flags[capability.Field()] = boolValue(capability.Flag(c))
		}
		capabilities = tftypes.NewValue(mt.capabilities, flags)
	}
	pricing := tftypes.NewValue(mt.pricing, nil)
	if p := m.Pricing; p != nil {
		pricing = tftypes.NewValue(mt.pricing, map[string]tftypes.Value{
			"input_tokens_cost_per_million":  numberValue(p.InputTokensCostPerMillion),
			"output_tokens_cost_per_million": numberValue(p.OutputTokensCostPerMillion),
			"currency":                       stringValue(p.Currency),
		})
	}
	return map[string]tftypes.Value{
		"id":                tftypes.NewValue(tftypes.String, m.ID),
		"type":              stringValue(m.Type),
		"display_name":      stringValue(m.DisplayName),
		"owned_by":          stringValue(m.OwnedBy),
		"created_at":        stringValue(m.CreatedAt),
		"context_length":    numberValue(m.ContextLength),
		"max_output_tokens": numberValue(m.MaxOutputTokens),
		"capabilities":      capabilities,
		"pricing":           pricing,
	}
}

// modelObject is a model as one object of type modelTypes().object.
func modelObject(m *megallm.Model) tftypes.Value {
	return tftypes.NewValue(modelTypes().object, modelValues(m))
}

// stringValue is a String, null when p is.
func stringValue(p *string) tftypes.Value {
	if p == nil {
		return tftypes.NewValue(tftypes.String, nil)
	}
	return tftypes.NewValue(tftypes.String, *p)
}

// boolValue is a Bool, null when p is.
func boolValue(p *bool) tftypes.Value {
	if p == nil {
		return tftypes.NewValue(tftypes.Bool, nil)
	}
	return tftypes.NewValue(tftypes.Bool, *p)
}

// numberValue is a Number, null when p is, as types.Int64 and types.Float64
// build it.
func numberValue[T int64 | float64](p *T) tftypes.Value {
	if p == nil {
		return tftypes.NewValue(tftypes.Number, nil)
	}
	return tftypes.NewValue(tftypes.Number, *p)
}

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
