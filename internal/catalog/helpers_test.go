package catalog

import (
	"slices"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// ptr returns a pointer to a copy of v, for building fixtures.
func ptr[T any](v T) *T { return &v }

// fixedNow is the time the lifecycle tests compute statuses for, an
// afternoon so that counting whole days and calendar days differ.
var fixedNow = time.Date(2026, time.March, 10, 15, 0, 0, 0, time.UTC)

// needs is the set of the capabilities with these names; a name the table
// lacks is a mistake in the test.
func needs(names ...string) CapabilitySet {
	var s CapabilitySet
	for _, name := range names {
		i := slices.IndexFunc(megallm.CapabilityTable, func(c megallm.Capability) bool { return c.Name == name })
		if i < 0 {
			panic("no capability " + name)
		}
		s = s.With(i)
	}
	return s
}

// date is the date s, as the decoder reads it; it panics when s is not one.
func date(s string) *time.Time {
	t, err := megallm.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &t
}

// checked is a query's requirements checked at a day (zero for today).
type checked struct {
	Query
	Now time.Time
}

func (c checked) at() time.Time {
	if c.Now.IsZero() {
		return time.Now().UTC()
	}
	return c.Now
}

// Unmet is how m misses the requirements, at the day.
func (c checked) Unmet(m *megallm.Model) []Miss {
	return c.Query.Unmet(m, LifecycleOf(m, c.at()))
}

// Met is whether m meets them, as Select checks it.
func (c checked) Met(m *megallm.Model) bool {
	t := c.terms(c.at(), nil)
	return t.met(m)
}

// require is a checked of these requirements alone.
func require(r Requirements) checked { return checked{Query: Query{Require: r}} }
