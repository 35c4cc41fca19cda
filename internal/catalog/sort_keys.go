package catalog

import "github.com/megallm/terraform-provider-megallm/internal/megallm"

// sortKey is one way megallm_models can order models: one row of sortKeys.
type sortKey struct {
	key SortKey
	// byID orders by id alone; the other keys order by value, missing
	// values last, ties by id.
	byID bool
	// field is the field value reads, which Unreported checks.
	field modelField
	// value is m's value under q and whether m has one; costs count only
	// in q's currency.
	value func(q *Query, m *megallm.Model) (sortValue, bool)
}

// sortKeys is every sort key, the default first: the one place that names
// them and says how each compares. Adding a sort key is a row here (and a
// SortBy constant if Go code names it).
var sortKeys = []sortKey{
	{key: sortByID, byID: true, value: func(*Query, *megallm.Model) (sortValue, bool) { return sortValue{}, false }},
	{key: sortByCreatedAt, field: createdAtField, value: func(_ *Query, m *megallm.Model) (sortValue, bool) {
		if m.CreatedAt == nil {
			return sortValue{}, false
		}
		return sortValue{m.CreatedAt.Unix(), float64(m.CreatedAt.Nanosecond())}, true
	}},
	{key: sortByContextLength,
		field: modelField{"context_length", func(m *megallm.Model) bool { return m.ContextLength != nil }},
		value: func(_ *Query, m *megallm.Model) (sortValue, bool) { return intValue(m.ContextLength) }},
	{key: sortByMaxOutputTokens,
		field: modelField{"max_output_tokens", func(m *megallm.Model) bool { return m.MaxOutputTokens != nil }},
		value: func(_ *Query, m *megallm.Model) (sortValue, bool) { return intValue(m.MaxOutputTokens) }},
	{key: sortByInputCost,
		field: modelField{"pricing.input_tokens_cost_per_million", func(m *megallm.Model) bool {
			return m.Pricing != nil && m.Pricing.InputTokensCostPerMillion != nil
		}},
		value: func(q *Query, m *megallm.Model) (sortValue, bool) {
			if !pricedIn(m, q.Currency) {
				return sortValue{}, false
			}
			return floatValue(m.Pricing.InputTokensCostPerMillion)
		}},
	{key: sortByOutputCost,
		field: modelField{"pricing.output_tokens_cost_per_million", func(m *megallm.Model) bool {
			return m.Pricing != nil && m.Pricing.OutputTokensCostPerMillion != nil
		}},
		value: func(q *Query, m *megallm.Model) (sortValue, bool) {
			if !pricedIn(m, q.Currency) {
				return sortValue{}, false
			}
			return floatValue(m.Pricing.OutputTokensCostPerMillion)
		}},
	{key: SortByWorkloadCost, field: pricingField, value: func(q *Query, m *megallm.Model) (sortValue, bool) {
		if q.Workload == nil || !pricedIn(m, q.Currency) {
			return sortValue{}, false
		}
		cost, err := q.Workload.Cost(m)
		return sortValue{fraction: cost}, err == nil
	}},
}

// sortKeyOf is the row of by; an empty or unknown name orders by id.
func sortKeyOf(by SortKey) *sortKey {
	for i := range sortKeys {
		if sortKeys[i].key == by {
			return &sortKeys[i]
		}
	}
	return &sortKeys[0]
}
