package catalog

import (
	"reflect"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// needs is the set of the capabilities with these names; a name the table
// lacks is a mistake in the test.
func needs(names ...string) CapabilitySet {
	var s CapabilitySet
	for _, name := range names {
		i := capabilityIndex(name)
		if i < 0 {
			panic("no capability " + name)
		}
		s = s.With(i)
	}
	return s
}

func capabilityIndex(name string) int {
	for i, c := range Capabilities {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// TestCapabilities_coverEveryField: the table has a row for every field of
// megallm.Capabilities, each reading its own field, named as the API names it.
func TestCapabilities_coverEveryField(t *testing.T) {
	t.Parallel()
	fields := reflect.TypeFor[megallm.Capabilities]()
	if len(Capabilities) != fields.NumField() {
		t.Fatalf("%d capabilities in the table, %d fields in megallm.Capabilities", len(Capabilities), fields.NumField())
	}
	for _, c := range Capabilities {
		var caps megallm.Capabilities
		field := reflect.ValueOf(&caps).Elem().FieldByNameFunc(func(name string) bool {
			f, _ := fields.FieldByName(name)
			return f.Tag.Get("json") == c.Field()+",omitempty"
		})
		if !field.IsValid() {
			t.Errorf("capability %q: megallm.Capabilities has no field with JSON name %q", c.Name, c.Field())
			continue
		}
		yes := true
		field.Set(reflect.ValueOf(&yes))
		if got := c.Flag(&caps); got != &yes {
			t.Errorf("capability %q reads another field than %s", c.Name, c.Field())
		}
		var set megallm.Capabilities
		c.SetFlag(&set, &yes)
		if set != caps {
			t.Errorf("capability %q sets another field than %s", c.Name, c.Field())
		}
	}
}
