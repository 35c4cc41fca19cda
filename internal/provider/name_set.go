package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// nameSetType is a set of strings, such as exclude_ids, that spares a read the
// framework's comparisons of every element with every other (seconds for 2,000
// exclude_ids): SetType's check for duplicates, which Terraform never sends,
// and semantic equality, answered in one pass (terraform-plugin-framework#1314).
type nameSetType struct{ basetypes.SetType }

var nameSet = nameSetType{basetypes.SetType{ElemType: types.StringType}}

func (t nameSetType) Equal(o attr.Type) bool { _, ok := o.(nameSetType); return ok }

func (t nameSetType) Validate(context.Context, tftypes.Value, path.Path) diag.Diagnostics { return nil }

func (t nameSetType) ValueFromSet(_ context.Context, s basetypes.SetValue) (basetypes.SetValuable, diag.Diagnostics) {
	return nameSetValue{s}, nil
}

func (t nameSetType) ValueFromTerraform(ctx context.Context, v tftypes.Value) (attr.Value, error) {
	s, err := t.SetType.ValueFromTerraform(ctx, v)
	set, _ := s.(basetypes.SetValue) // always, when err is nil
	return nameSetValue{set}, err
}

func (t nameSetType) ValueType(context.Context) attr.Value { return nameSetValue{} }

// nameSetValue is a value of nameSetType.
type nameSetValue struct{ basetypes.SetValue }

func (v nameSetValue) Type(context.Context) attr.Type { return nameSet }

func (v nameSetValue) Equal(o attr.Value) bool {
	other, ok := o.(nameSetValue)
	return ok && v.SetValue.Equal(other.SetValue)
}

// String is v without its names, "<3 names>": the framework logs it at TRACE,
// and a name written by mistake may be the API key.
func (v nameSetValue) String() string {
	if v.IsNull() || v.IsUnknown() {
		return v.SetValue.String()
	}
	return fmt.Sprintf("<%d names>", len(v.Elements()))
}

// SetSemanticEquals reports whether v and prior hold the same strings, in
// one pass over each (SetValue.Equal compares every pair).
func (v nameSetValue) SetSemanticEquals(_ context.Context, prior basetypes.SetValuable) (bool, diag.Diagnostics) {
	p, ok := prior.(nameSetValue)
	if !ok || v.IsNull() != p.IsNull() || v.IsUnknown() || p.IsUnknown() || len(v.Elements()) != len(p.Elements()) {
		return false, nil
	}
	held := make(map[string]bool, len(p.Elements())) // by String(), which quotes a known string
	for _, e := range p.Elements() {
		held[e.String()] = true
	}
	for _, e := range v.Elements() {
		if !held[e.String()] {
			return false, nil
		}
	}
	return true, nil
}

var _ basetypes.SetValuableWithSemanticEquals = nameSetValue{}
