package catalog

import (
	"errors"
	"math/big"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Requirement is one row of RequirementTable: a requirement, the rule it
// sets and the facts a miss reports. Met and Unmet are plain loops over the
// table; the provider reads require, documents it and words each Miss from
// it.
type Requirement struct {
	// Name names the requirement, as require does; empty for a row that is
	// not one (the currency check that guards the price bounds).
	Name string
	// Kind says which value the requirement takes.
	Kind RequirementKind
	// Check says what the row checks, and so which facts a Miss of it has.
	Check Check
	// Capability is the capability a SupportsCapability row requires.
	Capability *megallm.Capability
	// Field is the model field the row reads, as the API names it ("",
	// "context_length", "pricing.input_tokens_cost_per_million"); empty for
	// a row that a model without the field can meet (the currency guard, the
	// lifecycle).
	Field string

	// reported reports whether a model reports Field; nil without a Field.
	reported func(*megallm.Model) bool
	// asked reports whether r asks anything of this row.
	asked func(r *Requirements) bool
	// met reports whether m meets it; called only when asked.
	met func(t *terms, m *megallm.Model) bool
	// miss says how m misses it; called only when met is false.
	miss func(t *terms, m *megallm.Model) Miss
	// setFlag sets the requirement of a RequiresTrue row.
	setFlag func(r *Requirements)
	// minimum is the bound a WholeMinimum row sets, maximum an
	// AmountMaximum's.
	minimum func(r *Requirements) **big.Int
	maximum func(r *Requirements) **float64
}

// RequirementKind is the value a requirement takes.
type RequirementKind int

// The kinds of requirement.
const (
	// RequiresTrue is a bool: true requires it, false or null nothing.
	RequiresTrue RequirementKind = iota + 1
	// WholeMinimum is a whole number, 0 or more, of any size: the smallest
	// value allowed.
	WholeMinimum
	// AmountMaximum is a number, 0 or more: the largest value allowed.
	AmountMaximum
)

// Check is what a row of RequirementTable checks.
type Check int

// The checks, each with the facts of its Miss.
const (
	// SupportsCapability: the model supports Capability; Unreported when it
	// does not say.
	SupportsCapability Check = iota + 1
	// AtLeast: Field is at least the bound; Value and Bound, or Unreported.
	AtLeast
	// SameCurrency: the model is priced in the query's currency; Currency and
	// BoundCurrency. It guards the price bounds, which then compare prices
	// in one currency only.
	SameCurrency
	// PriceAtMost: a price is at most the bound; Amount and AmountBound, or
	// Unreported.
	PriceAtMost
	// WorkloadCostAtMost: the query's workload costs at most the bound with
	// the model; Amount and AmountBound, or CostErr.
	WorkloadCostAtMost
	// NotDeprecatedCheck: the model is neither deprecated nor retired;
	// Lifecycle, or Unreported when a date it reads could not be read.
	NotDeprecatedCheck
	// DaysToRetirementAtLeast: the model is served for at least the bound's
	// days; Value (the days left), Bound and Lifecycle, or Unreported when
	// its retires_at could not be read.
	DaysToRetirementAtLeast
)

// Miss is how a model misses one requirement: the row, and the facts its
// Check reports.
type Miss struct {
	Requirement *Requirement
	// Unreported is set when the model does not report what the row reads,
	// or for a lifecycle row, sent a date it reads that could not be read.
	Unreported bool
	// Value and Bound are the model's whole number and the least allowed.
	Value int64
	Bound *big.Int
	// Amount and AmountBound are the model's price or cost and the most
	// allowed.
	Amount, AmountBound float64
	// CostErr is why the workload cost cannot be computed: ErrNoWorkload,
	// or what Workload.Cost says of the model.
	CostErr error
	// Currency is the model's, BoundCurrency the query's.
	Currency, BoundCurrency string
	// Lifecycle is the model's lifecycle.
	Lifecycle Lifecycle
	// SuccessorUnusable says why a not_deprecated miss's successor cannot be
	// used, as Advice.Unusable, where a Catalog judged it (Check, Narrowing);
	// "" when it can, or from Query.Unmet, which has no catalog.
	SuccessorUnusable string
}

// Unrelaxable reports whether relaxing the requirement never admits the
// model: it misses it on a value it does not report, or that could not be
// read or priced, which never meets a requirement.
func (m *Miss) Unrelaxable() bool { return m.Unreported || m.CostErr != nil }

// ErrNoWorkload is why max_workload_cost cannot be checked without a workload.
var ErrNoWorkload = errors.New("no workload is set")

// Require sets the requirement on r: a RequiresTrue row takes neither
// bound, a WholeMinimum minimum and an AmountMaximum maximum.
func (q Requirement) Require(r *Requirements, minimum *big.Int, maximum *float64) {
	switch q.Kind {
	case RequiresTrue:
		q.setFlag(r)
	case WholeMinimum:
		*q.minimum(r) = minimum
	case AmountMaximum:
		*q.maximum(r) = maximum
	}
}

// RequirementTable is every requirement, in the order Unmet lists them:
// the capabilities, the minimums, the price bounds in one currency, then the
// lifecycle.
var RequirementTable = func() []Requirement {
	var table []Requirement
	for i := range megallm.CapabilityTable {
		table = append(table, capabilityRequirement(i, &megallm.CapabilityTable[i]))
	}
	return append(table,
		wholeMinimum("min_context_length", "context_length",
			func(m *megallm.Model) *int64 { return m.ContextLength },
			func(r *Requirements) **big.Int { return &r.MinContextLength }),
		wholeMinimum("min_max_output_tokens", "max_output_tokens",
			func(m *megallm.Model) *int64 { return m.MaxOutputTokens },
			func(r *Requirements) **big.Int { return &r.MinMaxOutputTokens }),
		currencyGuard(),
		priceMaximum("max_input_cost_per_million", "input_tokens_cost_per_million",
			func(p *megallm.Pricing) *float64 { return p.InputTokensCostPerMillion },
			func(r *Requirements) **float64 { return &r.MaxInputCostPerMillion }),
		priceMaximum("max_output_cost_per_million", "output_tokens_cost_per_million",
			func(p *megallm.Pricing) *float64 { return p.OutputTokensCostPerMillion },
			func(r *Requirements) **float64 { return &r.MaxOutputCostPerMillion }),
		workloadMaximum(),
		notDeprecated(),
		minDaysToRetirement(),
	)
}()

func capabilityRequirement(i int, c *megallm.Capability) Requirement {
	return Requirement{
		Name:       c.Field(),
		Kind:       RequiresTrue,
		Check:      SupportsCapability,
		Capability: c,
		Field:      "capabilities." + c.Field(),
		reported:   func(m *megallm.Model) bool { return c.Supported(m) != nil },
		setFlag:    func(r *Requirements) { r.Capabilities = r.Capabilities.With(i) },
		asked:      func(r *Requirements) bool { return r.Capabilities.has(i) },
		met: func(_ *terms, m *megallm.Model) bool {
			flag := c.Supported(m)
			return flag != nil && *flag
		},
		miss: func(_ *terms, m *megallm.Model) Miss { return Miss{Unreported: c.Supported(m) == nil} },
	}
}

func wholeMinimum(name, field string, actual func(*megallm.Model) *int64, bound func(*Requirements) **big.Int) Requirement {
	return Requirement{
		Name:     name,
		Kind:     WholeMinimum,
		Check:    AtLeast,
		Field:    field,
		reported: func(m *megallm.Model) bool { return actual(m) != nil },
		minimum:  bound,
		asked:    func(r *Requirements) bool { return *bound(r) != nil },
		met: func(t *terms, m *megallm.Model) bool {
			v := actual(m)
			return v != nil && atLeast(*v, *bound(&t.r))
		},
		miss: func(t *terms, m *megallm.Model) Miss {
			miss := Miss{Bound: *bound(&t.r), Unreported: actual(m) == nil}
			if v := actual(m); v != nil {
				miss.Value = *v
			}
			return miss
		},
	}
}

// atLeast reports whether v is at least bound, 0 or more: never when bound
// is more than an int64 holds.
func atLeast(v int64, bound *big.Int) bool {
	return bound.IsInt64() && v >= bound.Int64()
}

// currencyGuard is the row before the price bounds: a model priced in
// another currency than the query's meets none of them, and one miss says
// why rather than one per bound. The price rows then compare only prices in
// the query's currency.
func currencyGuard() Requirement {
	return Requirement{
		Check: SameCurrency,
		asked: (*Requirements).AnyPriceBound,
		met: func(t *terms, m *megallm.Model) bool {
			return m.Pricing == nil || pricedIn(m, t.currency)
		},
		miss: func(t *terms, m *megallm.Model) Miss {
			return Miss{Currency: pricingCurrency(m.Pricing), BoundCurrency: t.currencyOrDefault()}
		},
	}
}

func priceMaximum(name, field string, actual func(*megallm.Pricing) *float64, bound func(*Requirements) **float64) Requirement {
	price := func(t *terms, m *megallm.Model) (*float64, bool) {
		if m.Pricing == nil {
			return nil, true
		}
		return actual(m.Pricing), pricedIn(m, t.currency)
	}
	return Requirement{
		Name:     name,
		Kind:     AmountMaximum,
		Check:    PriceAtMost,
		Field:    "pricing." + field,
		reported: func(m *megallm.Model) bool { return m.Pricing != nil && actual(m.Pricing) != nil },
		maximum:  bound,
		asked:    func(r *Requirements) bool { return *bound(r) != nil },
		met: func(t *terms, m *megallm.Model) bool {
			v, sameCurrency := price(t, m)
			return !sameCurrency || (v != nil && atMost(*v, **bound(&t.r))) // another currency: the guard reports it
		},
		miss: func(t *terms, m *megallm.Model) Miss {
			miss := Miss{AmountBound: **bound(&t.r), Unreported: true}
			if v, _ := price(t, m); v != nil {
				miss.Amount, miss.Unreported = *v, false
			}
			return miss
		},
	}
}

func workloadMaximum() Requirement {
	cost := func(t *terms, m *megallm.Model) (float64, error) {
		if t.workload == nil {
			return 0, ErrNoWorkload
		}
		return t.workload.Cost(m)
	}
	return Requirement{
		Name:     "max_workload_cost",
		Kind:     AmountMaximum,
		Check:    WorkloadCostAtMost,
		Field:    pricingField.name,
		reported: pricingField.reported,
		maximum:  func(r *Requirements) **float64 { return &r.MaxWorkloadCost },
		asked:    func(r *Requirements) bool { return r.MaxWorkloadCost != nil },
		met: func(t *terms, m *megallm.Model) bool {
			if m.Pricing != nil && !pricedIn(m, t.currency) {
				return true // the guard reports it
			}
			c, err := cost(t, m)
			return err == nil && atMost(c, *t.r.MaxWorkloadCost)
		},
		miss: func(t *terms, m *megallm.Model) Miss {
			c, err := cost(t, m)
			return Miss{Amount: c, AmountBound: *t.r.MaxWorkloadCost, CostErr: err}
		},
	}
}

// notDeprecated requires a model that is neither deprecated nor retired on
// the day checked. A model with no known deprecation meets it: the catalog
// reports none, so the policy is where deprecations are known. One whose
// deprecated_at or retires_at was sent but could not be read does not: it
// may be either.
func notDeprecated() Requirement {
	deprecated := func(l Lifecycle) bool { return l.Status == StatusDeprecated || l.Status == StatusRetired }
	return Requirement{
		Name:    "not_deprecated",
		Kind:    RequiresTrue,
		Check:   NotDeprecatedCheck,
		setFlag: func(r *Requirements) { r.NotDeprecated = true },
		asked:   func(r *Requirements) bool { return r.NotDeprecated },
		met: func(t *terms, m *megallm.Model) bool {
			l := t.lifecycleOf(m)
			return !deprecated(l) && !l.DeprecatedAtUnreadable && !l.RetiresAtUnreadable
		},
		miss: func(t *terms, m *megallm.Model) Miss {
			l := t.lifecycleOf(m)
			miss := Miss{Lifecycle: l, Unreported: !deprecated(l)}
			if l.Successor != nil && t.unusable != nil {
				miss.SuccessorUnusable = t.unusable(m.ID, *l.Successor)
			}
			return miss
		},
	}
}

// minDaysToRetirement requires a model that is still served for at least
// the bound's number of days. A model with no known retirement date meets it;
// one whose retires_at was sent but could not be read does not.
func minDaysToRetirement() Requirement {
	short := func(t *terms, l Lifecycle) bool {
		return l.DaysToRetirement != nil && !atLeast(*l.DaysToRetirement, t.r.MinDaysToRetirement)
	}
	return Requirement{
		Name:    "min_days_to_retirement",
		Kind:    WholeMinimum,
		Check:   DaysToRetirementAtLeast,
		minimum: func(r *Requirements) **big.Int { return &r.MinDaysToRetirement },
		asked:   func(r *Requirements) bool { return r.MinDaysToRetirement != nil },
		met: func(t *terms, m *megallm.Model) bool {
			l := t.lifecycleOf(m)
			return !short(t, l) && !l.RetiresAtUnreadable
		},
		miss: func(t *terms, m *megallm.Model) Miss {
			l := t.lifecycleOf(m)
			miss := Miss{Bound: t.r.MinDaysToRetirement, Lifecycle: l, Unreported: !short(t, l)}
			if l.DaysToRetirement != nil {
				miss.Value = *l.DaysToRetirement
			}
			return miss
		},
	}
}
