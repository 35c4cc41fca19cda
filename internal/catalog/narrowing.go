package catalog

import (
	"slices"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Narrowed is one step of Select's filtering: the part that filtered, and
// how many models it kept of those the steps before it kept.
type Narrowed struct {
	By       QueryPart
	Kept, Of int
	// Unmet is set for a ByRequirement step that kept none: per requirement
	// that none of its Of models meets, in the table's order, the miss of the
	// model closest to meeting it, of those the steps after it keep
	// (keptAfter). It is empty when each requirement is met by one of them,
	// but none meets them all.
	Unmet []Miss
	// Closest is set in Unmet's place when it is empty: the first MaxListed,
	// in the query's order, of the models that miss the fewest requirements,
	// of those keptAfter that relaxing require can admit (relaxable), each
	// with its misses; none when it admits none of them. AsClose counts
	// those models.
	Closest []NearMiss
	AsClose int
}

// NearMiss is a model and the requirements it misses, in the table's order.
type NearMiss struct {
	Model *megallm.Model
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
	for i, st := range s.steps {
		var kept []*megallm.Model
		for _, m := range remaining {
			if st.keeps(s, m) {
				kept = append(kept, m)
			}
		}
		n := Narrowed{By: st.by, Kept: len(kept), Of: len(remaining)}
		if n.Kept == 0 && st.by == ByRequirement {
			near := keptAfter(s, remaining, s.steps[i+1:])
			n.Unmet = s.t.closestMisses(near)
			if len(n.Unmet) == 0 {
				n.Closest, n.AsClose = s.fewestMisses(near)
			}
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

// keptAfter is the models that every step of after keeps, or all of them
// if it keeps none: what relaxing require can list, so that the value or
// model an empty result names lists a model when the bound is relaxed to it.
func keptAfter(s *selection, models []*megallm.Model, after []*step) []*megallm.Model {
	kept := slices.DeleteFunc(slices.Clone(models), func(m *megallm.Model) bool {
		return slices.ContainsFunc(after, func(st *step) bool { return !st.keeps(s, m) })
	})
	if len(kept) == 0 {
		return models
	}
	return kept
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

// fewestMisses lists the first MaxListed, in the query's order, of the
// relaxable models that miss the fewest requirements, each with its misses,
// and counts them all: the models to relax require for. Only those listed
// have their misses worded.
func (s *selection) fewestMisses(models []*megallm.Model) ([]NearMiss, int) {
	var fewest []sortable
	most, key := len(RequirementTable), sortKeyOf(s.q.SortBy)
	for _, m := range models {
		n := s.t.missed(m, most+1)
		if n > most || !s.t.relaxable(m) {
			continue
		}
		if n < most {
			fewest, most = fewest[:0], n
		}
		v, ok := key.value(s.q, m)
		fewest = append(fewest, sortable{model: m, value: v, present: ok})
	}
	slices.SortFunc(fewest, key.comparator(s.q.Descending))
	closest := make([]NearMiss, min(len(fewest), MaxListed))
	for i := range closest {
		closest[i] = NearMiss{Model: fewest[i].model, Unmet: s.t.unmet(fewest[i].model)}
	}
	return closest, len(fewest)
}

// relaxable reports whether relaxing the requirements m misses can admit
// it: none of its misses is Unrelaxable.
func (t *terms) relaxable(m *megallm.Model) bool {
	for i := range RequirementTable {
		if row := &RequirementTable[i]; row.asked(&t.r) && !row.met(t, m) {
			if miss := row.miss(t, m); miss.Unrelaxable() {
				return false
			}
		}
	}
	return true
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
