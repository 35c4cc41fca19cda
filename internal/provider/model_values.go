package provider

import (
	"context"
	"sync"
	"time"

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
	lifecycle    tftypes.Type
	// unknownLifecycle is the lifecycle of a model with no known date or
	// successor, most models: built once.
	unknownLifecycle tftypes.Value
}

// modelTypes is derived from modelAttributes once and shared by every read.
var modelTypes = sync.OnceValue(func() modelType {
	attributeTypes := make(map[string]tftypes.Type)
	for name, attribute := range modelAttributes() {
		attributeTypes[name] = attribute.GetType().TerraformType(context.Background())
	}
	lifecycle := attributeTypes["model_lifecycle"]
	return modelType{
		object:           tftypes.Object{AttributeTypes: attributeTypes},
		capabilities:     attributeTypes["capabilities"],
		pricing:          attributeTypes["pricing"],
		lifecycle:        lifecycle,
		unknownLifecycle: lifecycleValue(lifecycle, catalog.Lifecycle{}, nil, nil),
	}
})

// modelValues converts a catalog model into the attributes of modelAttributes,
// its lifecycle as of now, keeping every omission as null: a field the API
// did not send, and a whole capabilities or pricing object. The values are
// built directly, not through the framework's reflection, which costs several
// times more (BENCHMARKS.md).
func modelValues(m *megallm.Model, now time.Time) map[string]tftypes.Value {
	mt := modelTypes()
	capabilities := tftypes.NewValue(mt.capabilities, nil)
	if c := m.Capabilities; c != nil {
		flags := make(map[string]tftypes.Value, len(megallm.CapabilityTable))
		for _, capability := range megallm.CapabilityTable {
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
		"created_at":        dateValue(m.CreatedAt),
		"context_length":    numberValue(m.ContextLength),
		"max_output_tokens": numberValue(m.MaxOutputTokens),
		"capabilities":      capabilities,
		"pricing":           pricing,
		"model_lifecycle":   modelLifecycleValue(mt, m, now),
	}
}

// modelLifecycleValue is m's lifecycle object as of now.
func modelLifecycleValue(mt modelType, m *megallm.Model, now time.Time) tftypes.Value {
	if m.DeprecatedAt == nil && m.RetiresAt == nil && m.Successor == nil {
		return mt.unknownLifecycle
	}
	return lifecycleValue(mt.lifecycle, catalog.LifecycleOf(m, now), m.DeprecatedAt, m.RetiresAt)
}

// lifecycleValue is a lifecycle object of type t; its dates are the model's
// as the catalog reports them.
func lifecycleValue(t tftypes.Type, l catalog.Lifecycle, deprecatedAt, retiresAt *time.Time) tftypes.Value {
	status := tftypes.NewValue(tftypes.String, nil)
	if l.Status != "" {
		status = tftypes.NewValue(tftypes.String, string(l.Status))
	}
	return tftypes.NewValue(t, map[string]tftypes.Value{
		"status":             status,
		"deprecated_at":      dateValue(deprecatedAt),
		"retires_at":         dateValue(retiresAt),
		"successor":          stringValue(l.Successor),
		"days_to_retirement": numberValue(l.DaysToRetirement),
	})
}

// modelObject is a model as one object of type modelTypes().object, its
// lifecycle as of now.
func modelObject(m *megallm.Model, now time.Time) tftypes.Value {
	return tftypes.NewValue(modelTypes().object, modelValues(m, now))
}

// stringValue is a String, null when p is.
func stringValue(p *string) tftypes.Value {
	if p == nil {
		return tftypes.NewValue(tftypes.String, nil)
	}
	return tftypes.NewValue(tftypes.String, *p)
}

// dateValue is a date as a String (megallm.FormatDate), null when p is.
func dateValue(p *time.Time) tftypes.Value {
	if p == nil {
		return tftypes.NewValue(tftypes.String, nil)
	}
	return tftypes.NewValue(tftypes.String, megallm.FormatDate(*p))
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
