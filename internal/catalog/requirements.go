package catalog

import (
	"strconv"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Requirements is what a model must offer. Zero values ask for nothing: no
// capability or a nil bound is no requirement. A model that does not report a
// field never meets a requirement on that field.
type Requirements struct {
	// Capabilities are the capabilities the model must support.
	Capabilities CapabilitySet

	MinContextLength        *int64
	MinMaxOutputTokens      *int64
	MaxInputCostPerMillion  *float64
	MaxOutputCostPerMillion *float64
	// MaxWorkloadCost bounds what Workload costs with the model.
	MaxWorkloadCost *float64
	// NotDeprecated requires a model neither deprecated nor retired at Now.
	NotDeprecated bool
	// MinDaysToRetirement is the fewest days to retirement allowed at Now.
	MinDaysToRetirement *int64

	// Currency is the currency of the price bounds; empty means
	// DefaultCurrency. A model priced in another currency meets none of
	// them; one that does not report its currency is taken as priced in
	// DefaultCurrency. Select sets it, and Workload,
	// from the Query.
	Currency string
	// Workload is what MaxWorkloadCost prices; without one, no model meets
	// that bound.
	Workload *Workload
	// Now is the time the lifecycle requirements apply at; zero is the time
	// they are checked. Select sets it to the catalog's.
	Now time.Time
	// Lifecycle, when set, is the lifecycle of the one model checked, as a
	// data source reported it: the unmet_requirements function reads the
	// model object's status and days_to_retirement, computed for the day the
	// data source read the catalog. Nil computes it from the model's dates
	// at Now.
	Lifecycle *Lifecycle
}

// Unmet lists, in the table's order, every requirement the model misses,
// each with the model's actual value and the required one. It is empty when
// all are met.
func (r Requirements) Unmet(m *megallm.Model) []string {
	var unmet []string
	for _, q := range RequirementTable {
		if q.asked(&r) && !q.met(&r, m) {
			unmet = append(unmet, q.words(&r, m))
		}
	}
	return unmet
}

// Met reports whether the model meets every requirement. It stops at the
// first miss and words nothing, so filtering a large catalog stays cheap; it
// takes r by pointer so that a Select does not copy r for every model.
func (r *Requirements) Met(m *megallm.Model) bool {
	for i := range RequirementTable {
		if q := &RequirementTable[i]; q.asked(r) && !q.met(r, m) {
			return false
		}
	}
	return true
}

// currency is r's currency, DefaultCurrency when unset.
func (r *Requirements) currency() string {
	if r.Currency == "" {
		return DefaultCurrency
	}
	return r.Currency
}

// now is r.Now, or the current time when it is zero.
func (r *Requirements) now() time.Time {
	if r.Now.IsZero() {
		return time.Now().UTC()
	}
	return r.Now
}

// lifecycleOf is r.Lifecycle when set, else m's lifecycle at r's day. A
// model with no known date has none, which is the common case and costs no
// date parsing.
func (r *Requirements) lifecycleOf(m *megallm.Model) Lifecycle {
	switch {
	case r.Lifecycle != nil:
		return *r.Lifecycle
	case m.DeprecatedAt == nil && m.RetiresAt == nil:
		return Lifecycle{Successor: m.Successor}
	}
	return LifecycleOf(m, r.now())
}

// anyPriceBound reports whether r bounds a price or a cost.
func (r *Requirements) anyPriceBound() bool {
	return r.MaxInputCostPerMillion != nil || r.MaxOutputCostPerMillion != nil || r.MaxWorkloadCost != nil
}

func formatNumber(f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64)
}
