package catalog

import (
	"fmt"
	"strconv"

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

	// Currency is the currency of the price bounds; empty means
	// DefaultCurrency. A model priced in another currency meets none of
	// them; one that does not report its currency is taken as priced in
	// DefaultCurrency. Select sets it, and Workload,
	// from the Query.
	Currency string
	// Workload is what MaxWorkloadCost prices; without one, no model meets
	// that bound.
	Workload *Workload
}

// Unmet lists, in a fixed order, every requirement the model misses, each with
// the model's actual value and the required one. It is empty when all are met.
func (r Requirements) Unmet(m *megallm.Model) []string {
	var unmet []string
	r.check(m, func(s shortfall) bool {
		unmet = append(unmet, s.String())
		return true
	})
	return unmet
}

// Met reports whether the model meets every requirement. It stops at the
// first miss and words nothing, so filtering a large catalog stays cheap.
func (r Requirements) Met(m *megallm.Model) bool {
	return r.check(m, func(shortfall) bool { return false })
}

// check walks the requirements in Unmet's order and calls miss for each one
// the model does not meet; it stops early when miss returns false. It
// reports whether every requirement it looked at was met.
func (r *Requirements) check(m *megallm.Model, miss func(shortfall) bool) bool {
	met := true
	report := func(s shortfall) bool {
		met = false
		return miss(s)
	}
	if r.Capabilities != 0 {
		if !r.checkCapabilities(m, report) {
			return false
		}
	}
	if r.MinContextLength != nil || r.MinMaxOutputTokens != nil {
		if !r.checkMinimums(m, report) {
			return false
		}
	}
	if r.MaxInputCostPerMillion != nil || r.MaxOutputCostPerMillion != nil || r.MaxWorkloadCost != nil {
		if !r.checkPrices(m, report) {
			return false
		}
	}
	return met
}

// checkCapabilities, checkMinimums and checkPrices are check's three groups,
// each called only when something in it is required.
func (r *Requirements) checkCapabilities(m *megallm.Model, report func(shortfall) bool) bool {
	for i, c := range Capabilities {
		if !r.Capabilities.Has(i) {
			continue
		}
		if flag := c.Supported(m); flag == nil || !*flag {
			if !report(shortfall{kind: unsupported, reported: flag != nil, capability: i}) {
				return false
			}
		}
	}
	return true
}

func (r *Requirements) checkMinimums(m *megallm.Model, report func(shortfall) bool) bool {
	for _, b := range [...]struct {
		field         string
		actual, bound *int64
	}{
		{"context_length", m.ContextLength, r.MinContextLength},
		{"max_output_tokens", m.MaxOutputTokens, r.MinMaxOutputTokens},
	} {
		if b.bound != nil && (b.actual == nil || *b.actual < *b.bound) {
			s := shortfall{kind: tooSmall, reported: b.actual != nil, field: b.field, boundInt: *b.bound}
			if b.actual != nil {
				s.actualInt = *b.actual
			}
			if !report(s) {
				return false
			}
		}
	}
	return true
}

func (r *Requirements) checkPrices(m *megallm.Model, report func(shortfall) bool) bool {
	pricing := m.Pricing
	if pricing == nil {
		pricing = &megallm.Pricing{}
	} else if !pricedIn(m, r.Currency) {
		// Prices in another currency compare with no bound: one shortfall
		// says why, rather than one per bound.
		return report(shortfall{kind: otherCurrency, name: pricingCurrency(pricing), field: r.currency()})
	}
	for _, b := range [...]struct {
		field         string
		actual, bound *float64
	}{
		{"input_tokens_cost_per_million", pricing.InputTokensCostPerMillion, r.MaxInputCostPerMillion},
		{"output_tokens_cost_per_million", pricing.OutputTokensCostPerMillion, r.MaxOutputCostPerMillion},
	} {
		if b.bound != nil && (b.actual == nil || *b.actual > *b.bound) {
			s := shortfall{kind: tooLarge, reported: b.actual != nil, field: b.field, bound: *b.bound}
			if b.actual != nil {
				s.actual = *b.actual
			}
			if !report(s) {
				return false
			}
		}
	}
	if r.MaxWorkloadCost != nil {
		return r.checkWorkloadCost(m, report)
	}
	return true
}

// checkWorkloadCost checks MaxWorkloadCost, once the model is known to be
// priced in r's currency.
func (r *Requirements) checkWorkloadCost(m *megallm.Model, report func(shortfall) bool) bool {
	s := shortfall{kind: tooLarge, field: "workload_cost", bound: *r.MaxWorkloadCost}
	if r.Workload == nil {
		s.kind, s.name = notPriced, "no workload is set"
		return report(s)
	}
	cost, err := r.Workload.Cost(m)
	switch {
	case err != nil:
		s.kind, s.cause = notPriced, err
		return report(s)
	case cost > *r.MaxWorkloadCost:
		s.reported, s.actual = true, cost
		return report(s)
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

// shortfall is one requirement a model misses, worded only when asked.
type shortfall struct {
	kind     shortfallKind
	reported bool // whether the model reports the field at all
	// capability is the index in Capabilities of the one the model lacks.
	capability int
	name       string // another currency, or why a workload cannot be priced
	field      string // the field, such as "context_length"
	// The model's value, when reported, and the bound: whole numbers for a
	// minimum, prices for a maximum.
	actualInt, boundInt int64
	actual, bound       float64
	// cause is why a workload cost cannot be computed, from Workload.Cost.
	cause error
}

type shortfallKind int

const (
	unsupported   shortfallKind = iota // a capability the model lacks
	tooSmall                           // below a minimum (whole numbers)
	tooLarge                           // above a maximum (prices)
	otherCurrency                      // priced in another currency (name) than the bounds' (field)
	notPriced                          // a workload cost that cannot be computed, and why (name)
)

func (s shortfall) String() string {
	switch {
	case s.kind == unsupported && !s.reported:
		c := Capabilities[s.capability]
		return fmt.Sprintf("does not report whether it supports %s (capabilities.%s is missing)", c.Words, c.Field())
	case s.kind == unsupported:
		return "does not support " + Capabilities[s.capability].Words
	case s.kind == tooSmall && !s.reported:
		return fmt.Sprintf("%s is not reported (required >= %d)", s.field, s.boundInt)
	case s.kind == tooSmall:
		return fmt.Sprintf("%s %d < required %d", s.field, s.actualInt, s.boundInt)
	case s.kind == otherCurrency:
		return fmt.Sprintf("priced in %s, the requirement is in %s", s.name, s.field)
	case s.kind == notPriced && s.cause != nil:
		return fmt.Sprintf("%s cannot be computed: the model %s (allowed <= %s)", s.field, s.cause, formatNumber(s.bound))
	case s.kind == notPriced:
		return fmt.Sprintf("%s cannot be computed: %s (allowed <= %s)", s.field, s.name, formatNumber(s.bound))
	case !s.reported:
		return fmt.Sprintf("%s is not reported (allowed <= %s)", s.field, formatNumber(s.bound))
	default:
		return fmt.Sprintf("%s %s > allowed %s", s.field, formatNumber(s.actual), formatNumber(s.bound))
	}
}

func formatNumber(f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64)
}
