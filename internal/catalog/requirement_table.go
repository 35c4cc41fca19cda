package catalog

import (
	"errors"
	"fmt"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Requirement is one row of RequirementTable: an attribute of require, the
// rule it sets, and how a miss is worded. Met and Unmet are plain loops over
// the table, and the provider reads require and documents it from it.
type Requirement struct {
	// Name is the require attribute; empty for a row that is not one (the
	// currency check that guards the price bounds).
	Name string
	// Description says what the attribute asks, for the docs.
	Description string
	// Kind says which value the attribute takes.
	Kind RequirementKind

	// field is the model field the row reads, zero for a row that a model
	// without the field can meet (the currency guard, the lifecycle).
	field modelField
	// asked reports whether r asks anything of this row.
	asked func(r *Requirements) bool
	// met reports whether m meets it; called only when asked.
	met func(r *Requirements, m *megallm.Model) bool
	// words says how m misses it; called only when met is false.
	words func(r *Requirements, m *megallm.Model) string
	// setFlag sets the requirement of a RequiresTrue row.
	setFlag func(r *Requirements)
	// wholeBound and amountBound are the bound a row sets, by Kind.
	wholeBound  func(r *Requirements) **int64
	amountBound func(r *Requirements) **float64
}

// RequirementKind is the value a require attribute takes.
type RequirementKind int

// The kinds of requirement.
const (
	// RequiresTrue is a bool: true requires it, false or null nothing.
	RequiresTrue RequirementKind = iota + 1
	// WholeMinimum is a whole number, 0 or more: the smallest value allowed.
	WholeMinimum
	// AmountMaximum is a number, 0 or more: the largest value allowed.
	AmountMaximum
)

// Require sets the requirement on r: a RequiresTrue row takes no value, a
// WholeMinimum a whole number and an AmountMaximum an amount.
func (q Requirement) Require(r *Requirements, whole *int64, amount *float64) {
	switch q.Kind {
	case RequiresTrue:
		q.setFlag(r)
	case WholeMinimum:
		*q.wholeBound(r) = whole
	case AmountMaximum:
		*q.amountBound(r) = amount
	}
}

// RequirementTable is every requirement, in the order Unmet words them:
// the capabilities, the minimums, the price bounds in one currency, then the
// lifecycle.
var RequirementTable = func() []Requirement {
	var table []Requirement
	for i, c := range Capabilities {
		table = append(table, capabilityRequirement(i, c))
	}
	return append(table,
		wholeMinimum("min_context_length", "context_length", "a whole number of tokens",
			func(m *megallm.Model) *int64 { return m.ContextLength },
			func(r *Requirements) **int64 { return &r.MinContextLength }),
		wholeMinimum("min_max_output_tokens", "max_output_tokens", "a whole number of tokens",
			func(m *megallm.Model) *int64 { return m.MaxOutputTokens },
			func(r *Requirements) **int64 { return &r.MinMaxOutputTokens }),
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

func capabilityRequirement(i int, c Capability) Requirement {
	return Requirement{
		Name:        c.Field(),
		Description: "`true` requires a model that " + c.Does,
		Kind:        RequiresTrue,
		field:       modelField{"capabilities." + c.Field(), func(m *megallm.Model) bool { return c.Supported(m) != nil }},
		setFlag:     func(r *Requirements) { r.Capabilities = r.Capabilities.With(i) },
		asked:       func(r *Requirements) bool { return r.Capabilities.Has(i) },
		met: func(_ *Requirements, m *megallm.Model) bool {
			flag := c.Supported(m)
			return flag != nil && *flag
		},
		words: func(_ *Requirements, m *megallm.Model) string {
			if c.Supported(m) == nil {
				return fmt.Sprintf("does not report whether it supports %s (capabilities.%s is missing)", c.Words, c.Field())
			}
			return "does not support " + c.Words
		},
	}
}

func wholeMinimum(name, field, unit string, actual func(*megallm.Model) *int64, bound func(*Requirements) **int64) Requirement {
	return Requirement{
		Name:        name,
		Description: fmt.Sprintf("smallest acceptable `%s`, %s", field, unit),
		Kind:        WholeMinimum,
		field:       modelField{field, func(m *megallm.Model) bool { return actual(m) != nil }},
		wholeBound:  bound,
		asked:       func(r *Requirements) bool { return *bound(r) != nil },
		met: func(r *Requirements, m *megallm.Model) bool {
			v := actual(m)
			return v != nil && *v >= **bound(r)
		},
		words: func(r *Requirements, m *megallm.Model) string {
			if v := actual(m); v != nil {
				return fmt.Sprintf("%s %d < required %d", field, *v, **bound(r))
			}
			return fmt.Sprintf("%s is not reported (required >= %d)", field, **bound(r))
		},
	}
}

// currencyGuard is the row before the price bounds: a model priced in
// another currency than the requirements' meets none of them, and one line
// says why rather than one per bound. The price rows then compare only
// prices in the requirements' currency.
func currencyGuard() Requirement {
	return Requirement{
		asked: (*Requirements).anyPriceBound,
		met: func(r *Requirements, m *megallm.Model) bool {
			return m.Pricing == nil || pricedIn(m, r.Currency)
		},
		words: func(r *Requirements, m *megallm.Model) string {
			return fmt.Sprintf("priced in %s, the requirement is in %s", pricingCurrency(m.Pricing), r.currency())
		},
	}
}

func priceMaximum(name, field string, actual func(*megallm.Pricing) *float64, bound func(*Requirements) **float64) Requirement {
	price := func(r *Requirements, m *megallm.Model) (*float64, bool) {
		if m.Pricing == nil {
			return nil, true
		}
		return actual(m.Pricing), pricedIn(m, r.Currency)
	}
	return Requirement{
		Name:        name,
		Description: fmt.Sprintf("highest acceptable `pricing.%s`", field),
		Kind:        AmountMaximum,
		field: modelField{"pricing." + field, func(m *megallm.Model) bool {
			return m.Pricing != nil && actual(m.Pricing) != nil
		}},
		amountBound: bound,
		asked:       func(r *Requirements) bool { return *bound(r) != nil },
		met: func(r *Requirements, m *megallm.Model) bool {
			v, sameCurrency := price(r, m)
			return !sameCurrency || (v != nil && atMost(*v, **bound(r))) // another currency: the guard words it
		},
		words: func(r *Requirements, m *megallm.Model) string {
			if v, _ := price(r, m); v != nil {
				return fmt.Sprintf("%s %s > allowed %s", field, formatNumber(*v), formatNumber(**bound(r)))
			}
			return fmt.Sprintf("%s is not reported (allowed <= %s)", field, formatNumber(**bound(r)))
		},
	}
}

// errNoWorkload is why max_workload_cost cannot be checked without a workload.
var errNoWorkload = errors.New("no workload is set")

func workloadMaximum() Requirement {
	bound := func(r *Requirements) **float64 { return &r.MaxWorkloadCost }
	cost := func(r *Requirements, m *megallm.Model) (float64, error) {
		if r.Workload == nil {
			return 0, errNoWorkload
		}
		return r.Workload.Cost(m)
	}
	return Requirement{
		Name:        "max_workload_cost",
		Description: "highest acceptable cost of `megallm_models`' `workload`, which it needs (`megallm_model` takes no workload)",
		Kind:        AmountMaximum,
		field:       pricingField,
		amountBound: bound,
		asked:       func(r *Requirements) bool { return r.MaxWorkloadCost != nil },
		met: func(r *Requirements, m *megallm.Model) bool {
			if m.Pricing != nil && !pricedIn(m, r.Currency) {
				return true // the guard words it
			}
			c, err := cost(r, m)
			return err == nil && atMost(c, *r.MaxWorkloadCost)
		},
		words: func(r *Requirements, m *megallm.Model) string {
			c, err := cost(r, m)
			switch {
			case errors.Is(err, errNoWorkload):
				return fmt.Sprintf("workload_cost cannot be computed: %s (allowed <= %s)", err, formatNumber(*r.MaxWorkloadCost))
			case err != nil:
				return fmt.Sprintf("workload_cost cannot be computed: the model %s (allowed <= %s)", err, formatNumber(*r.MaxWorkloadCost))
			}
			return fmt.Sprintf("workload_cost %s > allowed %s", formatNumber(c), formatNumber(*r.MaxWorkloadCost))
		},
	}
}

// notDeprecated requires a model that is neither deprecated nor retired on
// the requirements' day. A model with no known deprecation meets it: the
// catalog reports none, so the policy is where deprecations are known.
func notDeprecated() Requirement {
	return Requirement{
		Name: "not_deprecated",
		Description: "`true` requires a model whose `model_lifecycle.status` is neither `deprecated` nor `retired`; a " +
			"model with no known lifecycle meets it",
		Kind:    RequiresTrue,
		setFlag: func(r *Requirements) { r.NotDeprecated = true },
		asked:   func(r *Requirements) bool { return r.NotDeprecated },
		met: func(r *Requirements, m *megallm.Model) bool {
			status := r.lifecycleOf(m).Status
			return status != StatusDeprecated && status != StatusRetired
		},
		words: func(r *Requirements, m *megallm.Model) string {
			l := r.lifecycleOf(m)
			since := l.DeprecatedAt
			if l.Status == StatusRetired {
				since = l.RetiresAt
			}
			words := "model_lifecycle.status is " + string(l.Status)
			if since != nil {
				words += " since " + FormatDate(*since)
			}
			return words + successorWords(l.Successor)
		},
	}
}

// minDaysToRetirement requires a model that is still served for at least
// the bound's number of days. A model with no known retirement date meets it.
func minDaysToRetirement() Requirement {
	bound := func(r *Requirements) **int64 { return &r.MinDaysToRetirement }
	return Requirement{
		Name: "min_days_to_retirement",
		Description: "fewest acceptable `model_lifecycle.days_to_retirement`, a whole number of days; a model with no " +
			"known retirement date meets it",
		Kind:       WholeMinimum,
		wholeBound: bound,
		asked:      func(r *Requirements) bool { return r.MinDaysToRetirement != nil },
		met: func(r *Requirements, m *megallm.Model) bool {
			days := r.lifecycleOf(m).DaysToRetirement
			return days == nil || *days >= *r.MinDaysToRetirement
		},
		words: func(r *Requirements, m *megallm.Model) string {
			l := r.lifecycleOf(m)
			words := fmt.Sprintf("model_lifecycle.days_to_retirement %d < required %d", *l.DaysToRetirement, *r.MinDaysToRetirement)
			if l.RetiresAt != nil {
				words += " (retires_at " + FormatDate(*l.RetiresAt) + ")"
			}
			return words
		},
	}
}

// successorWords is ` (successor "x")`, or "" without one.
func successorWords(successor *string) string {
	if successor == nil {
		return ""
	}
	return " (successor " + megallm.Quote(*successor) + ")"
}
