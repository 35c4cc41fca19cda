package catalog

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// SortKey names the field a Query sorts by.
type SortKey string

// The sort keys that code names; sortKeys is the list of them all.
const (
	sortByID              SortKey = "id"
	sortByCreatedAt       SortKey = "created_at"
	sortByContextLength   SortKey = "context_length"
	sortByMaxOutputTokens SortKey = "max_output_tokens"
	sortByInputCost       SortKey = "input_cost"
	sortByOutputCost      SortKey = "output_cost"
	SortByWorkloadCost    SortKey = "workload_cost"
)

// SortKeyNames lists every sort key, in sortKeys' order: the default first.
func SortKeyNames() []string {
	names := make([]string, len(sortKeys))
	for i, k := range sortKeys {
		names[i] = string(k.key)
	}
	return names
}

// Query selects and orders models. Every filter left at its zero value
// matches all models; filters combine with AND.
type Query struct {
	// Type keeps models of this type.
	Type string
	// OwnedBy keeps models whose owner is one of these.
	OwnedBy []string
	// IDPattern keeps models whose id it matches anywhere.
	IDPattern *regexp.Regexp
	// Require keeps models that meet every requirement.
	Require Requirements
	// CreatedAfter, when set, keeps models created strictly later than it.
	// Models without a created_at are left out.
	CreatedAfter *time.Time
	// CreatedBefore, when set, keeps models created strictly earlier than
	// it. Models without a created_at are left out.
	CreatedBefore *time.Time
	// ExcludeIDs leaves out the models with these ids.
	ExcludeIDs []string
	// SortBy orders the result; empty means sortByID.
	SortBy SortKey
	// Descending reverses the order of present values. Models missing the
	// sort field come last either way, and ties break by id ascending.
	Descending bool
	// Limit, when positive, keeps only the first Limit models of the order.
	Limit int
	// Currency is the currency of the cost sorts and of Require's price
	// bounds; empty means DefaultCurrency. A model priced in another currency
	// has no cost to sort by and meets no price bound; one that does not
	// report its currency is taken as priced in DefaultCurrency.
	Currency string
	// Workload is what SortByWorkloadCost and Require.MaxWorkloadCost price.
	Workload *Workload
	// IncludeRetired keeps the models retired at the catalog's Now, which
	// Select otherwise leaves out. Models the policy refuses are always left
	// out.
	IncludeRetired bool
}

// Select returns the models that match q, in q's order. The pointers refer
// into the catalog: callers must not modify the models. The catalog itself is
// neither copied nor reordered: Select allocates one entry (a pointer and a
// sort value) per matching model, and the result.
func (c *Catalog) Select(q Query) []*megallm.Model {
	var matched []sortable
	if q.Type == "" && q.OwnedBy == nil && q.IDPattern == nil && q.Require == (Requirements{}) &&
		q.CreatedAfter == nil && q.CreatedBefore == nil && q.ExcludeIDs == nil && c.policy == nil {
		matched = make([]sortable, 0, len(c.models)) // no filter: nearly every model matches
	}
	// The lifecycle requirements apply at the catalog's time.
	t := q.terms(c.now, nil)
	key := sortKeyOf(q.SortBy)
	for i := range c.models {
		m := &c.models[i]
		if c.selects(&q, &t, m) {
			v, ok := key.value(&q, m)
			matched = append(matched, sortable{model: m, value: v, present: ok})
		}
	}
	slices.SortFunc(matched, key.comparator(q.Descending))
	if q.Limit > 0 && len(matched) > q.Limit {
		matched = matched[:q.Limit]
	}
	out := make([]*megallm.Model, len(matched))
	for i, s := range matched {
		out[i] = s.model
	}
	return out
}

// selects reports whether Select keeps m: it matches q, the policy allows
// it, and it is not retired unless q includes retired models.
func (c *Catalog) selects(q *Query, t *terms, m *megallm.Model) bool {
	return q.matches(t, m) && c.allowed(m) && (q.IncludeRetired || !Retired(m, c.now))
}

func (q *Query) matches(t *terms, m *megallm.Model) bool {
	if q.Type != "" && (m.Type == nil || *m.Type != q.Type) {
		return false
	}
	if q.OwnedBy != nil && (m.OwnedBy == nil || !slices.Contains(q.OwnedBy, *m.OwnedBy)) {
		return false
	}
	if q.IDPattern != nil && !q.IDPattern.MatchString(m.ID) {
		return false
	}
	if q.ExcludeIDs != nil && slices.Contains(q.ExcludeIDs, m.ID) {
		return false
	}
	if (q.CreatedAfter != nil || q.CreatedBefore != nil) && !q.createdInRange(m) {
		return false
	}
	return t.met(m)
}

// createdInRange reports whether m was created strictly between
// CreatedAfter and CreatedBefore, either bound left open when nil.
func (q *Query) createdInRange(m *megallm.Model) bool {
	created := m.CreatedAt
	return created != nil && (q.CreatedAfter == nil || created.After(*q.CreatedAfter)) &&
		(q.CreatedBefore == nil || created.Before(*q.CreatedBefore))
}

// createdAtField is the field the created_at range and sort read.
var createdAtField = modelField{"created_at", func(m *megallm.Model) bool { return m.CreatedAt != nil }}

// pricingField is the pricing a workload cost needs: either price.
var pricingField = modelField{"pricing", func(m *megallm.Model) bool {
	return m.Pricing != nil && (m.Pricing.InputTokensCostPerMillion != nil || m.Pricing.OutputTokensCostPerMillion != nil)
}}

// sortable is a model with its sort value computed once.
type sortable struct {
	model   *megallm.Model
	value   float64
	present bool
}

// comparator is the key's order, chosen once rather than per comparison.
func (k *sortKey) comparator(descending bool) func(a, b sortable) int {
	sign := 1
	if descending {
		sign = -1
	}
	if k.byID {
		return func(a, b sortable) int { return sign * strings.Compare(a.model.ID, b.model.ID) }
	}
	return func(a, b sortable) int {
		switch {
		case a.present && !b.present:
			return -1
		case !a.present && b.present:
			return 1
		case a.present && b.present:
			if order := cmp.Compare(a.value, b.value); order != 0 {
				return sign * order
			}
		}
		return strings.Compare(a.model.ID, b.model.ID)
	}
}

func intValue(p *int64) (float64, bool) {
	if p == nil {
		return 0, false
	}
	return float64(*p), true
}

func floatValue(p *float64) (float64, bool) {
	if p == nil {
		return 0, false
	}
	return *p, true
}
