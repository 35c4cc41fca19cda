package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// nameSetOf is a known nameSetValue of these names.
func nameSetOf(names ...string) nameSetValue {
	elements := make([]attr.Value, len(names))
	for i, name := range names {
		elements[i] = types.StringValue(name)
	}
	return nameSetValue{types.SetValueMust(types.StringType, elements)}
}

// nameSetValue's semantic equality is set equality: order does not matter,
// every string does.
func TestNameSetSemanticEquals(t *testing.T) {
	for _, c := range []struct {
		a, b nameSetValue
		want bool
	}{
		{nameSetOf("a", "b"), nameSetOf("b", "a"), true},
		{nameSetOf("a", "b"), nameSetOf("a", "c"), false},
		{nameSetOf("a", "b"), nameSetOf("a"), false},
		{nameSetOf(), nameSetOf(), true},
		{nameSetOf("a"), nameSetValue{types.SetNull(types.StringType)}, false},
		{nameSetOf("a"), nameSetValue{types.SetUnknown(types.StringType)}, false},
	} {
		if got, _ := c.a.SetSemanticEquals(context.Background(), c.b); got != c.want {
			t.Errorf("%s semantically equals %s: %v, want %v", c.a.SetValue, c.b.SetValue, got, c.want)
		}
	}
}

// nameSetValue's String, which the framework logs at TRACE, counts a known
// set's names without them, a name written by mistake being maybe the API key,
// and says null or unknown for a set that is: no config reaches those, as the
// framework logs a set only when it and its prior value are both known.
func TestNameSetValueString(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		v    nameSetValue
		want string
	}{
		{nameSetOf("sk-secret-key", "gpt-4o"), "<2 names>"},
		{nameSetOf(), "<0 names>"},
		{nameSetValue{types.SetNull(types.StringType)}, "<null>"},
		{nameSetValue{types.SetUnknown(types.StringType)}, "<unknown>"},
	} {
		if got := c.v.String(); got != c.want {
			t.Errorf("String() of %s = %q, want %q", c.v.SetValue, got, c.want)
		}
	}
}
