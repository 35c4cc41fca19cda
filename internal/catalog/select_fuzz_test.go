package catalog

import (
	"bytes"
	"math"
	"regexp"
	"slices"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// FuzzSelect runs arbitrary catalogs and queries through the filter, sort,
// requirement and suggestion logic. It must never panic; every model it
// returns must pass every filter, every model it leaves out must fail one,
// and the order must follow the sort rules. Seeds are in
// testdata/fuzz/FuzzSelect.
func FuzzSelect(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte, pattern, owner, modelType string, sortKey uint8, descending, vision bool, minContext int64, maxInputCost float64, currency string, inputTokens, outputTokens, maxWorkloadCost float64) {
		models, _, err := megallm.DecodeModels(bytes.NewReader(body))
		if err != nil {
			return
		}
		c := New(models)
		q := Query{
			Type:       modelType,
			SortBy:     SortKey(SortKeyNames()[int(sortKey)%len(SortKeyNames())]),
			Descending: descending,
			Require:    Requirements{Vision: vision, MinContextLength: &minContext, MaxInputCostPerMillion: &maxInputCost, MaxWorkloadCost: &maxWorkloadCost},
			Currency:   currency,
		}
		if finiteCount(inputTokens) && finiteCount(outputTokens) { // as the provider validates them
			q.Workload = &Workload{InputTokens: inputTokens, OutputTokens: outputTokens}
		}
		if owner != "" {
			q.OwnedBy = []string{owner}
		}
		if re, err := regexp.Compile(pattern); err == nil {
			q.IDPattern = re
		}

		selected := c.Select(q)
		// Select applies the price bounds in the query's currency, to its workload.
		q.Require.Currency, q.Require.Workload = q.Currency, q.Workload
		for i := range c.models {
			m := &c.models[i]
			if q.matches(m) != slices.Contains(selected, m) {
				t.Fatalf("model %q: matches=%v but selected=%v", m.ID, q.matches(m), !q.matches(m))
			}
		}
		for _, m := range selected {
			if unmet := q.Require.Unmet(m); len(unmet) != 0 {
				t.Fatalf("selected %q misses %v", m.ID, unmet)
			}
		}
		for i := 1; i < len(selected); i++ {
			if a, b := selected[i-1], selected[i]; !inOrder(a, b, q) {
				t.Fatalf("%q sorts before %q against the rules for %s (descending=%v)", a.ID, b.ID, q.SortBy, descending)
			}
		}
		if len(selected) > 0 {
			if got, ok := c.Lookup(selected[0].ID); !ok || got.ID != selected[0].ID {
				t.Fatalf("Lookup(%q) failed for a listed model", selected[0].ID)
			}
		}
		if suggestions := c.Suggest(pattern); len(suggestions) > maxSuggestions {
			t.Fatalf("Suggest returned %d ids", len(suggestions))
		}
	})
}

// inOrder is the documented sort rule, written out independently of Select:
// present values in the asked direction, missing values last, ties (and
// missing values) by id ascending; a sort by id follows the direction.
func inOrder(a, b *megallm.Model, q Query) bool {
	if q.SortBy == SortByID {
		if q.Descending {
			return a.ID >= b.ID
		}
		return a.ID <= b.ID
	}
	va, aPresent := q.sortValue(a)
	vb, bPresent := q.sortValue(b)
	switch {
	case !aPresent:
		return !bPresent && a.ID <= b.ID
	case !bPresent:
		return true
	case va == vb:
		return a.ID <= b.ID
	case q.Descending:
		return va > vb
	default:
		return va < vb
	}
}

// finiteCount is a token count the provider accepts: finite and 0 or more.
func finiteCount(f float64) bool {
	return f >= 0 && !math.IsInf(f, 0)
}
