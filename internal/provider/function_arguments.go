package provider

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// The provider functions take models and requirements as dynamic values so
// that they accept the objects either data source returns as well as partial
// object literals written by hand. These helpers read such values into the
// client's and catalog's types; attributes they do not know are ignored for a
// model and refused for requirements (a typo there would silently require
// nothing).

// objectAttributes returns the attributes of an object or map value, with
// ok false when v is neither (or is null).
func objectAttributes(v attr.Value) (map[string]attr.Value, bool) {
	switch v := v.(type) {
	case basetypes.DynamicValue:
		return objectAttributes(v.UnderlyingValue())
	case basetypes.ObjectValue:
		return v.Attributes(), !v.IsNull() && !v.IsUnknown()
	case basetypes.MapValue:
		return v.Elements(), !v.IsNull() && !v.IsUnknown()
	}
	return nil, false
}

// attrReader reads typed attributes of one object, keeping the first error.
type attrReader struct {
	prefix string
	attrs  map[string]attr.Value
	err    error
}

func (r *attrReader) fail(name, want, got string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s%s must be %s, got %s", r.prefix, name, want, got)
	}
}

func (r *attrReader) value(name string) attr.Value {
	v, ok := r.attrs[name]
	if !ok || v == nil || v.IsNull() {
		return nil
	}
	if d, isDynamic := v.(basetypes.DynamicValue); isDynamic {
		if d.IsUnderlyingValueNull() {
			return nil
		}
		return d.UnderlyingValue()
	}
	return v
}

func (r *attrReader) string(name string) *string {
	switch v := r.value(name).(type) {
	case nil:
		return nil
	case basetypes.StringValue:
		return v.ValueStringPointer()
	default:
		r.fail(name, "a string", typeName(v))
		return nil
	}
}

func (r *attrReader) bool(name string) *bool {
	switch v := r.value(name).(type) {
	case nil:
		return nil
	case basetypes.BoolValue:
		return v.ValueBoolPointer()
	default:
		r.fail(name, "a bool", typeName(v))
		return nil
	}
}

func (r *attrReader) number(name string) *big.Float {
	switch v := r.value(name).(type) {
	case nil:
		return nil
	case basetypes.NumberValue:
		return v.ValueBigFloat()
	case basetypes.Int64Value:
		return big.NewFloat(float64(v.ValueInt64()))
	case basetypes.Float64Value:
		return big.NewFloat(v.ValueFloat64())
	default:
		r.fail(name, "a number", typeName(v))
		return nil
	}
}

func (r *attrReader) int64(name string) *int64 {
	n := r.number(name)
	if n == nil {
		return nil
	}
	i, accuracy := n.Int64()
	if accuracy != big.Exact {
		r.fail(name, "a whole number", n.Text('g', 10))
		return nil
	}
	return &i
}

func (r *attrReader) float64(name string) *float64 {
	n := r.number(name)
	if n == nil {
		return nil
	}
	f, _ := n.Float64()
	return &f
}

func (r *attrReader) object(name string) *attrReader {
	v := r.value(name)
	if v == nil {
		return nil
	}
	attrs, ok := objectAttributes(v)
	if !ok {
		r.fail(name, "an object", typeName(v))
		return nil
	}
	return &attrReader{prefix: r.prefix + name + ".", attrs: attrs}
}

// modelFromValue reads a model object, as either data source returns it.
func modelFromValue(v attr.Value) (*megallm.Model, error) {
	attrs, ok := objectAttributes(v)
	if !ok {
		return nil, fmt.Errorf("model must be a model object, such as data.megallm_model.NAME or an element of data.megallm_models.NAME.models, got %s", typeName(v))
	}
	r := &attrReader{prefix: "model.", attrs: attrs}
	m := &megallm.Model{
		Type:            r.string("type"),
		DisplayName:     r.string("display_name"),
		OwnedBy:         r.string("owned_by"),
		CreatedAt:       r.string("created_at"),
		ContextLength:   r.int64("context_length"),
		MaxOutputTokens: r.int64("max_output_tokens"),
	}
	if id := r.string("id"); id != nil {
		m.ID = *id
	}
	if c := r.object("capabilities"); c != nil {
		m.Capabilities = &megallm.Capabilities{
			SupportsFunctionCalling:  c.bool("supports_function_calling"),
			SupportsVision:           c.bool("supports_vision"),
			SupportsStreaming:        c.bool("supports_streaming"),
			SupportsStructuredOutput: c.bool("supports_structured_output"),
		}
		r.err = firstError(r.err, c.err)
	}
	if p := r.object("pricing"); p != nil {
		m.Pricing = &megallm.Pricing{
			InputTokensCostPerMillion:  p.float64("input_tokens_cost_per_million"),
			OutputTokensCostPerMillion: p.float64("output_tokens_cost_per_million"),
			Currency:                   p.string("currency"),
		}
		r.err = firstError(r.err, p.err)
	}
	return m, r.err
}

// requireAttributeNames are the attributes of a require object.
var requireAttributeNames = []string{
	"supports_function_calling", "supports_vision", "supports_streaming", "supports_structured_output",
	"min_context_length", "min_max_output_tokens", "max_input_cost_per_million", "max_output_cost_per_million",
}

// requirementsFromValue reads a require object, as the data sources take it.
func requirementsFromValue(v attr.Value) (catalog.Requirements, error) {
	attrs, ok := objectAttributes(v)
	if !ok {
		return catalog.Requirements{}, fmt.Errorf("require must be an object such as { supports_vision = true }, got %s", typeName(v))
	}
	var unknown []string
	for name := range attrs {
		if !slices.Contains(requireAttributeNames, name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return catalog.Requirements{}, fmt.Errorf("require has no attribute %s: use %s",
			strings.Join(unknown, ", "), strings.Join(requireAttributeNames, ", "))
	}
	r := &attrReader{prefix: "require.", attrs: attrs}
	required := func(name string) bool {
		b := r.bool(name)
		return b != nil && *b
	}
	req := catalog.Requirements{
		FunctionCalling:         required("supports_function_calling"),
		Vision:                  required("supports_vision"),
		Streaming:               required("supports_streaming"),
		StructuredOutput:        required("supports_structured_output"),
		MinContextLength:        r.int64("min_context_length"),
		MinMaxOutputTokens:      r.int64("min_max_output_tokens"),
		MaxInputCostPerMillion:  r.float64("max_input_cost_per_million"),
		MaxOutputCostPerMillion: r.float64("max_output_cost_per_million"),
	}
	for _, bound := range []struct {
		name     string
		negative bool
	}{
		{"min_context_length", req.MinContextLength != nil && *req.MinContextLength < 0},
		{"min_max_output_tokens", req.MinMaxOutputTokens != nil && *req.MinMaxOutputTokens < 0},
		{"max_input_cost_per_million", req.MaxInputCostPerMillion != nil && *req.MaxInputCostPerMillion < 0},
		{"max_output_cost_per_million", req.MaxOutputCostPerMillion != nil && *req.MaxOutputCostPerMillion < 0},
	} {
		if bound.negative && r.err == nil {
			r.err = fmt.Errorf("require.%s must be 0 or more", bound.name)
		}
	}
	return req, r.err
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// typeName names a value's Terraform type for an error message.
func typeName(v attr.Value) string {
	if v == nil || v.IsNull() {
		return "null"
	}
	switch v := v.(type) {
	case basetypes.DynamicValue:
		return typeName(v.UnderlyingValue())
	case basetypes.StringValue:
		return "string"
	case basetypes.BoolValue:
		return "bool"
	case basetypes.NumberValue, basetypes.Int64Value, basetypes.Float64Value:
		return "number"
	case basetypes.ObjectValue:
		return "object"
	case basetypes.MapValue:
		return "map"
	case basetypes.ListValue, basetypes.TupleValue:
		return "list"
	case basetypes.SetValue:
		return "set"
	}
	return fmt.Sprintf("%T", v)
}
