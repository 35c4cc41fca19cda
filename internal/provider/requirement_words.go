package provider

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// The words of the catalog's typed answers (catalog.Miss, catalog.Rejection).

// unmetWords words each miss with the model's value and the bound.
func unmetWords(misses []catalog.Miss) []string {
	words := make([]string, len(misses))
	for i, miss := range misses {
		words[i] = missWords(miss)
	}
	return words
}

// missWords says how a model misses one requirement.
func missWords(miss catalog.Miss) string {
	q := miss.Requirement
	switch q.Check {
	case catalog.SupportsCapability:
		if miss.Unreported {
			return fmt.Sprintf("does not report whether it supports %s (%s is missing)", q.Capability.Words, q.Field)
		}
		return "does not support " + q.Capability.Words
	case catalog.AtLeast:
		if miss.Unreported {
			return fmt.Sprintf("%s is not reported (required >= %s)", q.Field, formatWhole(miss.Bound))
		}
		return fmt.Sprintf("%s %d < required %s", q.Field, miss.Value, formatWhole(miss.Bound))
	case catalog.SameCurrency:
		return fmt.Sprintf("priced in %s, the requirement is in %s", miss.Currency, miss.BoundCurrency)
	case catalog.PriceAtMost:
		price := strings.TrimPrefix(q.Field, "pricing.") // named as in the model's pricing
		if miss.Unreported {
			return fmt.Sprintf("%s is not reported (allowed <= %s)", price, formatNumber(miss.AmountBound))
		}
		return fmt.Sprintf("%s %s > allowed %s", price, formatNumber(miss.Amount), formatNumber(miss.AmountBound))
	case catalog.WorkloadCostAtMost:
		switch {
		case errors.Is(miss.CostErr, catalog.ErrNoWorkload):
			return fmt.Sprintf("workload_cost cannot be computed: %s (allowed <= %s)", miss.CostErr, formatNumber(miss.AmountBound))
		case miss.CostErr != nil:
			return fmt.Sprintf("workload_cost cannot be computed: the model %s (allowed <= %s)", miss.CostErr, formatNumber(miss.AmountBound))
		}
		return fmt.Sprintf("workload_cost %s > allowed %s", formatNumber(miss.Amount), formatNumber(miss.AmountBound))
	case catalog.NotDeprecatedCheck:
		l := miss.Lifecycle
		if miss.Unreported {
			return "does not report whether it is deprecated (" + unreadableDatesWords(l.DeprecatedAtUnreadable, l.RetiresAtUnreadable) + ")"
		}
		words := "model_lifecycle.status is " + string(l.Status)
		if l.Since != nil {
			words += " since " + catalog.FormatDate(*l.Since)
		}
		return words + successorWords(l.Successor, miss.SuccessorUnusable)
	case catalog.DaysToRetirementAtLeast:
		if miss.Unreported {
			return fmt.Sprintf("model_lifecycle.days_to_retirement is not reported (%s; required >= %s)",
				unreadableDatesWords(false, true), formatWhole(miss.Bound))
		}
		words := fmt.Sprintf("model_lifecycle.days_to_retirement %d < required %s", miss.Value, formatWhole(miss.Bound))
		if l := miss.Lifecycle; l.RetiresAt != nil {
			words += " (retires_at " + catalog.FormatDate(*l.RetiresAt) + ")"
		}
		return words
	}
	return "does not meet " + q.Name
}

// setCurrencyWords advises, where a model misses a price requirement only by
// its currency, to compare prices in that model's currency; "" for no such miss.
func setCurrencyWords(misses []catalog.Miss) string {
	i := slices.IndexFunc(misses, func(m catalog.Miss) bool { return m.Requirement.Check == catalog.SameCurrency })
	if i < 0 {
		return ""
	}
	return compareIn(misses[i].Currency)
}

// compareIn advises to set a data source's currency to code.
func compareIn(code string) string {
	return fmt.Sprintf("Set currency = %s to compare the prices in it", megallm.Quote(code))
}

// unreadableDatesWords names the lifecycle dates the API sent that could not
// be read, as the warning about them does.
func unreadableDatesWords(deprecatedAt, retiresAt bool) string {
	switch {
	case deprecatedAt && retiresAt:
		return "its deprecated_at and retires_at could not be read"
	case deprecatedAt:
		return "its deprecated_at could not be read"
	}
	return "its retires_at could not be read"
}

// rejectionWords says why an id cannot be used (r), completing "model X ..." (models: spellingWhy's).
func rejectionWords(models *catalog.Catalog, r *catalog.Rejection) string {
	switch r.Kind {
	case catalog.NotInCatalog:
		return "is not in the catalog" + aside(meantWords(nil, r.LeftOut, r.DisplayNameOf, r.Suggestions))
	case catalog.MisnamedModelID:
		return "is not in the catalog, which has " + spellingWhy(models, r.Misnamed)
	case catalog.RefusedByPolicy:
		return r.Refusal
	case catalog.RetiredModel:
		words := "was retired on " + catalog.FormatDate(*r.Lifecycle.RetiresAt)
		if r.Reason != "" {
			words += ": " + r.Reason
		}
		return words + successorWords(r.Lifecycle.Successor, r.Advice.Unusable)
	default:
		return "does not meet require: " + strings.Join(unmetWords(r.Unmet), "; ")
	}
}

// uncheckedSuccessor completes successorWords' "which" where no catalog can
// tell whether the successor can be used (retired, denied, not in it), with
// what can: a successor offered bare would read as a way out.
const uncheckedSuccessor = "this function cannot check: a megallm_model data source with that id and the same require does"

// successorWords is ` (successor "x")`, with why it cannot be used
// (catalog.Advice's Unusable) if it cannot, or "" without one.
func successorWords(successor *string, unusable string) string {
	switch {
	case successor == nil:
		return ""
	case unusable != "":
		return fmt.Sprintf(" (successor %s, which %s)", megallm.Quote(*successor), unusable)
	}
	return " (successor " + megallm.Quote(*successor) + ")"
}
