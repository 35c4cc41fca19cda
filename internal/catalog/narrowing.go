package catalog

import "github.com/megallm/terraform-provider-megallm/internal/megallm"

// Narrowed is one step of Select's filtering: the part that filtered, and
// how many models it kept of those the steps before it kept.
type Narrowed struct {
	By       QueryPart
	Kept, Of int
	// Unmet is set for a ByRequirement step that kept none: per requirement
	// that none of its Of models meets, in the table's order, the miss of the
	// model closest to meeting it. It is empty when each requirement is met
	// by one of them, but none meets them all.
	Unmet []Miss
}

// Narrowing accounts for Select's filters in the order they apply, up to
// the first that keeps no model: how an empty result came about. The policy
// and retirement, which the query does not write, are listed only when they
// leave a model out.
func (c *Catalog) Narrowing(q Query) []Narrowed {
	s := c.selection(&q)
	remaining := make([]*megallm.Model, len(c.models))
	for i := range c.models {
		remaining[i] = &c.models[i]
	}
	var account []Narrowed
	for _, st := range s.steps {
		var kept []*megallm.Model
		for _, m := range remaining {
			if st.keeps(s, m) {
				kept = append(kept, m)
			}
		}
		n := Narrowed{By: st.by, Kept: len(kept), Of: len(remaining)}
		if n.Kept == 0 && st.by == ByRequirement {
			n.Unmet = s.t.closestMisses(remaining)
		}
		if (st.by != ByPolicy && st.by != ByRetirement) || n.Kept < n.Of {
			account = append(account, n)
		}
		if n.Kept == 0 {
			break
		}
		remaining = kept
	}
	return account
}

// closestMisses lists, per requirement of t that none of models meets, the
// miss of the model closest to meeting it; a row that defers every model is
// not listed.
func (t *terms) closestMisses(models []*megallm.Model) []Miss {
	var misses []Miss
	for i := range RequirementTable {
		row := &RequirementTable[i]
		if !row.asked(&t.r) {
			continue
		}
		var closest *Miss
		for _, m := range models {
			if t.defers(row, m) {
				continue
			}
			if row.met(t, m) {
				closest = nil
				break
			}
			if miss := row.miss(t, m); closest == nil || closer(&miss, closest, row.Kind) {
				closest = &miss
			}
		}
		if closest != nil {
			closest.Requirement = row
			misses = append(misses, *closest)
		}
	}
	return misses
}

// defers reports whether row leaves m to another row, which says why m
// misses it: the currency guard a model without pricing (the price bounds
// report it unreported), a price or cost bound one priced in another currency
// (the guard reports it). Such a model neither meets row nor comes closest.
func (t *terms) defers(row *Requirement, m *megallm.Model) bool {
	switch row.Check {
	case SameCurrency:
		return m.Pricing == nil
	case PriceAtMost, WorkloadCostAtMost:
		return m.Pricing != nil && !pricedIn(m, t.currency)
	}
	return false
}

// closer reports whether miss a comes closer to meeting a requirement of
// this kind than b: a reported value beats none, then the larger minimum or
// the smaller price or cost.
func closer(a, b *Miss, kind RequirementKind) bool {
	switch {
	case a.Unreported != b.Unreported:
		return !a.Unreported
	case (a.CostErr == nil) != (b.CostErr == nil):
		return a.CostErr == nil
	case kind == WholeMinimum:
		return a.Value > b.Value
	case kind == AmountMaximum:
		return a.Amount < b.Amount
	}
	return false
}
