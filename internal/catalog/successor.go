package catalog

// Advice is what to move to from a model that is retired or deprecated: its
// successor when that can be used, else why it cannot, and the closest ids
// that can.
type Advice struct {
	// Successor is the model's successor, "" for none.
	Successor string
	// Unusable says why the successor cannot be used, completing "successor
	// X ..."; "" when it can (or there is none).
	Unusable string
	// Alternatives are the usable ids closest to the successor, else to the
	// model's own id, when the successor cannot be used or there is none.
	Alternatives []string
}

// Advise says what to move to from the model with this id, whose successor
// is successor (nil for none). A successor is advised only if it can be
// used: it is in the catalog, the policy allows it, it is not retired and it
// is not the model itself.
func (c *Catalog) Advise(id string, successor *string) Advice {
	a := c.successorAdvice(id, successor)
	if a.Successor != "" && a.Unusable == "" {
		return a
	}
	usable := func(yield func(string) bool) {
		for usable := range c.usableIDs() {
			if usable != id && !yield(usable) {
				return
			}
		}
	}
	for _, near := range []string{a.Successor, id} {
		if near != "" && len(a.Alternatives) == 0 {
			if closest := Closest(near, usable); len(closest) > 0 {
				a.Alternatives = closest
			}
		}
	}
	return a
}

// successorAdvice is Advise without the Alternatives, which cost a pass over
// the catalog: what Choose gives each retired candidate.
func (c *Catalog) successorAdvice(id string, successor *string) Advice {
	if successor == nil {
		return Advice{}
	}
	return Advice{Successor: *successor, Unusable: c.unusable(id, *successor)}
}

// unusable says why the successor s of the model with this id cannot be
// used, "" when it can.
func (c *Catalog) unusable(id, s string) string {
	if s == id {
		return "is the model itself"
	}
	m, ok := c.Lookup(s)
	switch {
	case !ok:
		return "is not in the catalog"
	case !c.allowed(m):
		return c.Refusal(m)
	case Retired(m, c.now):
		return "was retired on " + FormatDate(*LifecycleOf(m, c.now).RetiresAt)
	}
	return ""
}
