package provider

import (
	"context"
	"sync"

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
