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
	s := c.selection(&q)
	var matched []sortable
	if len(s.steps) == 0 || len(s.steps) == 1 && s.steps[0].by == ByRetirement {
		matched = make([]sortable, 0, len(c.models)) // no filter: nearly every model matches
	}
	key := sortKeyOf(q.SortBy)
	for i := range c.models {
		m := &c.models[i]
		if s.keeps(m) {
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

// step is one of Select's filters: the part of the query it applies (or
// the policy, or retirement), when it applies, and which models it keeps.
type step struct {
	by    QueryPart
	set   func(c *Catalog, q *Query) bool
	keeps func(s *selection, m *megallm.Model) bool
}

// steps are Select's filters in the order it applies them.
var steps = []step{
	{ByType, func(_ *Catalog, q *Query) bool { return q.Type != "" },
		func(s *selection, m *megallm.Model) bool { return m.Type != nil && *m.Type == s.q.Type }},
	{ByOwnedBy, func(_ *Catalog, q *Query) bool { return q.OwnedBy != nil },
		func(s *selection, m *megallm.Model) bool {
			return m.OwnedBy != nil && slices.Contains(s.q.OwnedBy, *m.OwnedBy)
		}},
	{ByIDPattern, func(_ *Catalog, q *Query) bool { return q.IDPattern != nil },
		func(s *selection, m *megallm.Model) bool { return s.q.IDPattern.MatchString(m.ID) }},
	{ByExcludeIDs, func(_ *Catalog, q *Query) bool { return q.ExcludeIDs != nil },
		func(s *selection, m *megallm.Model) bool { return !slices.Contains(s.q.ExcludeIDs, m.ID) }},
	{ByCreatedAfter, func(_ *Catalog, q *Query) bool { return q.CreatedAfter != nil },
		func(s *selection, m *megallm.Model) bool {
			return m.CreatedAt != nil && m.CreatedAt.After(*s.q.CreatedAfter)
		}},
	{ByCreatedBefore, func(_ *Catalog, q *Query) bool { return q.CreatedBefore != nil },
		func(s *selection, m *megallm.Model) bool {
			return m.CreatedAt != nil && m.CreatedAt.Before(*s.q.CreatedBefore)
		}},
	{ByRequirement, func(_ *Catalog, q *Query) bool { return q.Require != (Requirements{}) },
		func(s *selection, m *megallm.Model) bool { return s.t.met(m) }},
	{ByPolicy, func(c *Catalog, _ *Query) bool { return c.policy != nil },
		func(s *selection, m *megallm.Model) bool { return s.c.allowed(m) }},
	{ByRetirement, func(_ *Catalog, q *Query) bool { return !q.IncludeRetired },
		func(s *selection, m *megallm.Model) bool { return !Retired(m, s.c.now) }},
}

// selection is a query as Select applies it: its terms, at the catalog's
// time, and the steps that apply to it.
type selection struct {
	c     *Catalog
	q     *Query
	t     terms
	steps []*step
}

func (c *Catalog) selection(q *Query) *selection {
	s := &selection{c: c, q: q, t: c.terms(q, nil)}
	for i := range steps {
		if steps[i].set(c, q) {
			s.steps = append(s.steps, &steps[i])
		}
	}
	return s
}

// keeps reports whether Select keeps m: every step that applies keeps it.
func (s *selection) keeps(m *megallm.Model) bool {
	for _, st := range s.steps {
		if !st.keeps(s, m) {
			return false
		}
	}
	return true
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
	value   sortValue
	present bool
}

// sortValue is a value to order by, exactly: whole, then fraction. A count
// is whole alone (as a float64, counts 1 apart above 2^53 would tie), a time
// its Unix seconds and nanoseconds, a cost fraction alone.
type sortValue struct {
	whole    int64
	fraction float64
}

// compare orders a before b by whole, then fraction.
func (a sortValue) compare(b sortValue) int {
	return cmp.Or(cmp.Compare(a.whole, b.whole), cmp.Compare(a.fraction, b.fraction))
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
			if order := a.value.compare(b.value); order != 0 {
				return sign * order
			}
		}
		return strings.Compare(a.model.ID, b.model.ID)
	}
}

func intValue(p *int64) (sortValue, bool) {
	if p == nil {
		return sortValue{}, false
	}
	return sortValue{whole: *p}, true
}

func floatValue(p *float64) (sortValue, bool) {
	if p == nil {
		return sortValue{}, false
	}
	return sortValue{fraction: *p}, true
}
