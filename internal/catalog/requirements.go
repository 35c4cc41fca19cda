package catalog

import (
	"math/big"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Requirements is what a model must offer. Zero values ask for nothing: no
// capability or a nil bound is no requirement. A model that does not report a
// field never meets a requirement on that field. The price bounds apply in
// the Query's currency, and MaxWorkloadCost to its workload.
type Requirements struct {
	// Capabilities are the capabilities the model must support.
	Capabilities CapabilitySet

	// The minimums are whole numbers, 0 or more, of any size, compared
	// exactly (atLeast): one above what an int64 holds, 1e30, no model meets.
	MinContextLength        *big.Int
	MinMaxOutputTokens      *big.Int
	MaxInputCostPerMillion  *float64
	MaxOutputCostPerMillion *float64
	// MaxWorkloadCost bounds what the Query's Workload costs with the model;
	// without a workload, no model meets it.
	MaxWorkloadCost *float64
	// NotDeprecated requires a model neither deprecated nor retired.
	NotDeprecated bool
	// MinDaysToRetirement is the fewest days to retirement allowed.
	MinDaysToRetirement *big.Int
}

// CapabilitySet is a set of capabilities: bit i stands for
// megallm.CapabilityTable[i].
type CapabilitySet uint64

// With is s with the capability at index i added.
func (s CapabilitySet) With(i int) CapabilitySet { return s | 1<<i }

// has reports whether the capability at index i is in s.
func (s CapabilitySet) has(i int) bool { return s&(1<<i) != 0 }

// terms are what q.Require is checked against besides the model: the
// query's currency and workload, and the day, or the lifecycle of the one
// model checked.
type terms struct {
	r        Requirements
	currency string
	workload *Workload
	now      time.Time
	// lifecycle, when set, is the model's, as the caller knows it.
	lifecycle *Lifecycle
	// unusable, when set, says why successor s of model id cannot be used
	// (Catalog.unusable), for a miss to say.
	unusable func(id, s string) string
}

func (q *Query) terms(now time.Time, lifecycle *Lifecycle) terms {
	return terms{r: q.Require, currency: q.Currency, workload: q.Workload, now: now, lifecycle: lifecycle}
}

// Unmet lists, in the table's order, how m misses each requirement of
// q.Require, in q's currency and with q's workload; l is m's lifecycle,
// which the lifecycle requirements read. It is empty when all are met.
func (q *Query) Unmet(m *megallm.Model, l Lifecycle) []Miss {
	t := q.terms(time.Time{}, &l)
	return t.unmet(m)
}

// unmet is Unmet for terms t.
func (t *terms) unmet(m *megallm.Model) []Miss {
	var misses []Miss
	for i := range RequirementTable {
		if row := &RequirementTable[i]; row.asked(&t.r) && !row.met(t, m) {
			miss := row.miss(t, m)
			miss.Requirement = row
			misses = append(misses, miss)
		}
	}
	return misses
}

// met reports whether the model meets every requirement. It stops at the
// first miss and reports nothing, so filtering a large catalog stays cheap.
func (t *terms) met(m *megallm.Model) bool {
	return t.missed(m, 1) == 0
}

// missed counts the requirements m misses, up to most, without saying how.
func (t *terms) missed(m *megallm.Model, most int) int {
	n := 0
	for i := range RequirementTable {
		if row := &RequirementTable[i]; row.asked(&t.r) && !row.met(t, m) {
			if n++; n == most {
				break
			}
		}
	}
	return n
}

// currencyOrDefault is t's currency, DefaultCurrency when unset.
func (t *terms) currencyOrDefault() string {
	if t.currency == "" {
		return DefaultCurrency
	}
	return t.currency
}

// lifecycleOf is t.lifecycle when set, else m's lifecycle at t's day. A
// model with no known date has none, which is the common case.
func (t *terms) lifecycleOf(m *megallm.Model) Lifecycle {
	switch {
	case t.lifecycle != nil:
		return *t.lifecycle
	case m.DeprecatedAt == nil && m.RetiresAt == nil && !m.DeprecatedAtUnreadable && !m.RetiresAtUnreadable:
		return Lifecycle{Successor: m.Successor}
	}
	return LifecycleOf(m, t.now)
}

// AnyPriceBound reports whether r bounds a price or a cost.
func (r *Requirements) AnyPriceBound() bool {
	return r.MaxInputCostPerMillion != nil || r.MaxOutputCostPerMillion != nil || r.MaxWorkloadCost != nil
}
