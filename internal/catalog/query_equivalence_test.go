package catalog

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// referenceSelect is Select as first written: every model wrapped and
// compared with the whole query. Select must return exactly what it does.
func referenceSelect(c *Catalog, q Query) []*megallm.Model {
	q.Require.Currency, q.Require.Workload = q.Currency, q.Workload // added with them
	type entry struct {
		model   *megallm.Model
		value   float64
		present bool
	}
	var matched []entry
	for i := range c.models {
		m := &c.models[i]
		if q.Type != "" && (m.Type == nil || *m.Type != q.Type) {
			continue
		}
		if q.OwnedBy != nil && (m.OwnedBy == nil || !slices.Contains(q.OwnedBy, *m.OwnedBy)) {
			continue
		}
		if q.IDPattern != nil && !q.IDPattern.MatchString(m.ID) {
			continue
		}
		if !q.Require.Met(m) {
			continue
		}
		v, ok := q.sortValue(m)
		matched = append(matched, entry{m, v, ok})
	}
	slices.SortFunc(matched, func(a, b entry) int {
		byID := cmp.Compare(a.model.ID, b.model.ID)
		if q.SortBy == SortByID || q.SortBy == "" {
			if q.Descending {
				return -byID
			}
			return byID
		}
		switch {
		case a.present && !b.present:
			return -1
		case !a.present && b.present:
			return 1
		case a.present && b.present:
			order := cmp.Compare(a.value, b.value)
			if q.Descending {
				order = -order
			}
			if order != 0 {
				return order
			}
		}
		return byID
	})
	out := make([]*megallm.Model, len(matched))
	for i, e := range matched {
		out[i] = e.model
	}
	return out
}

// requirementCases cover each requirement alone, at values that split the
// synthetic catalog, and combined.
func requirementCases() []Requirements {
	cases := []Requirements{
		{}, {Capabilities: needs("function_calling")}, {Capabilities: needs("vision")}, {Capabilities: needs("streaming")}, {Capabilities: needs("structured_output")},
		{Capabilities: needs("function_calling", "vision", "streaming", "structured_output")},
	}
	for _, n := range []int64{0, 8192, 128000, 1000000, 5000000} {
		cases = append(cases, Requirements{MinContextLength: ptr(n)}, Requirements{MinMaxOutputTokens: ptr(n / 16)})
	}
	for _, f := range []float64{0, 0.1, 2.5, 10, 1000} {
		cases = append(cases, Requirements{MaxInputCostPerMillion: ptr(f)}, Requirements{MaxOutputCostPerMillion: ptr(f)})
	}
	cases = append(cases, Requirements{
		Capabilities: needs("vision"), MinContextLength: ptr[int64](128000), MinMaxOutputTokens: ptr[int64](16384),
		MaxInputCostPerMillion: ptr(5.0), MaxOutputCostPerMillion: ptr(20.0),
	})
	for _, f := range []float64{0, 1, 100, 10000} {
		cases = append(cases, Requirements{MaxWorkloadCost: ptr(f), Workload: &Workload{InputTokens: 1.2e9, OutputTokens: 3e8}})
	}
	cases = append(cases,
		Requirements{MaxWorkloadCost: ptr(1.0)}, // no workload: nothing meets it
		Requirements{Currency: "EUR", MaxInputCostPerMillion: ptr(1000.0)},
		Requirements{Currency: "USD", MaxOutputCostPerMillion: ptr(1000.0), MaxWorkloadCost: ptr(100.0), Workload: &Workload{InputTokens: 1e6}},
	)
	return cases
}

// TestRequirements_metAgreesWithUnmet: Met stops at the first miss and Unmet
// words them all; both walk the same checks and must agree.
func TestRequirements_metAgreesWithUnmet(t *testing.T) {
	t.Parallel()
	models := append(syntheticModels(t, 3000), queryFixture()...)
	for i, r := range requirementCases() {
		met := 0
		for j := range models {
			m := &models[j]
			if got, want := r.Met(m), len(r.Unmet(m)) == 0; got != want {
				t.Fatalf("case %d %+v, model %q: Met = %v, Unmet empty = %v", i, r, m.ID, got, want)
			}
			if r.Met(m) {
				met++
			}
		}
		t.Logf("case %d: %d of %d models meet it", i, met, len(models))
	}
}

func TestSelect_sameAsReference(t *testing.T) {
	t.Parallel()
	c := New(append(syntheticModels(t, 3000), queryFixture()...))
	var queries []Query
	for _, key := range append([]string{""}, SortKeyNames()...) {
		for _, desc := range []bool{false, true} {
			queries = append(queries,
				Query{SortBy: SortKey(key), Descending: desc},
				Query{Type: "chat", OwnedBy: []string{"openai", "meta"}, SortBy: SortKey(key), Descending: desc},
				Query{IDPattern: regexp.MustCompile(`-(mini|pro)-`), SortBy: SortKey(key), Descending: desc},
			)
		}
	}
	for _, r := range requirementCases() {
		// The query carries the currency and workload, which Select hands to
		// the requirements.
		queries = append(queries,
			Query{Require: r, SortBy: SortByInputCost, Currency: r.Currency, Workload: r.Workload},
			Query{Require: r, SortBy: SortByWorkloadCost, Currency: r.Currency, Workload: r.Workload},
		)
	}
	for i, q := range queries {
		got, want := ids(c.Select(q)), ids(referenceSelect(c, q))
		if !equalStrings(got, want) {
			t.Errorf("query %d (%s): Select differs from the reference (%d vs %d models)", i, describe(q), len(got), len(want))
		}
	}
}

func describe(q Query) string {
	return fmt.Sprintf("type=%q owned_by=%v sort_by=%q descending=%v", q.Type, q.OwnedBy, q.SortBy, q.Descending)
}
