package catalog

import (
	"bytes"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// FuzzSelect runs arbitrary catalogs and queries through the filter, sort,
// requirement and suggestion logic. It must never panic; every model it
// returns must pass every filter, every model it leaves out must fail one,
// the order must follow the sort rules, and a limit must keep the first
// models of that order. Seeds are in testdata/fuzz/FuzzSelect.
//
// createdAfter and createdBefore are RFC 3339 bounds (anything else leaves
// the bound unset), exclude is a comma-separated id list, and limit 0 means
// no limit.
func FuzzSelect(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte, pattern, owner, modelType string, sortKey uint8, descending, vision bool, minContext int64, maxInputCost float64,
		createdAfter, createdBefore, exclude string, limit uint8, currency string, inputTokens, outputTokens, maxWorkloadCost float64) {
		models, _, err := megallm.DecodeModels(bytes.NewReader(body))
		if err != nil {
			return
		}
		c := New(models)
		q := Query{
			Type:       modelType,
			SortBy:     SortKey(SortKeyNames()[int(sortKey)%len(SortKeyNames())]),
			Descending: descending,
			Require:    Requirements{MinContextLength: big.NewInt(minContext), MaxInputCostPerMillion: &maxInputCost, MaxWorkloadCost: &maxWorkloadCost},
			Currency:   currency,
		}
		if vision {
			q.Require.Capabilities = needs("vision")
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
		if after, err := time.Parse(time.RFC3339, createdAfter); err == nil {
			q.CreatedAfter = &after
		}
		if before, err := time.Parse(time.RFC3339, createdBefore); err == nil {
			q.CreatedBefore = &before
		}
		if exclude != "" {
			q.ExcludeIDs = strings.Split(exclude, ",")
		}

		selected := c.Select(q)
		q.Limit = int(limit)
		limited := c.Select(q)
		want := selected
		if q.Limit > 0 {
			want = selected[:min(q.Limit, len(selected))]
		}
		if !slices.Equal(limited, want) {
			t.Fatalf("limit %d kept %d models, not the first %d of the %d selected", q.Limit, len(limited), len(want), len(selected))
		}
		// Select applies the price bounds in the query's currency, to its
		// workload, and the lifecycle at the catalog's time.
		s := c.selection(&q)
		for i := range c.models {
			m := &c.models[i]
			if s.keeps(m) != slices.Contains(selected, m) {
				t.Fatalf("model %q: keeps=%v but selected=%v", m.ID, s.keeps(m), !s.keeps(m))
			}
		}
		for _, m := range selected {
			if unmet := q.Unmet(m, LifecycleOf(m, c.now)); len(unmet) != 0 {
				t.Fatalf("selected %q misses %v", m.ID, unmet)
			}
			if slices.Contains(q.ExcludeIDs, m.ID) {
				t.Fatalf("selected %q, which is excluded", m.ID)
			}
			if LifecycleOf(m, c.now).Status == StatusRetired {
				t.Fatalf("selected %q, which retired on %s", m.ID, *m.RetiresAt)
			}
			if !createdWithin(m, q.CreatedAfter, q.CreatedBefore) {
				t.Fatalf("selected %q, created %s, outside (%v, %v)", m.ID, createdAtText(m), q.CreatedAfter, q.CreatedBefore)
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
	if q.SortBy == sortByID {
		if q.Descending {
			return a.ID >= b.ID
		}
		return a.ID <= b.ID
	}
	va, aPresent := sortKeyOf(q.SortBy).value(&q, a)
	vb, bPresent := sortKeyOf(q.SortBy).value(&q, b)
	switch {
	case !aPresent:
		return !bPresent && a.ID <= b.ID
	case !bPresent:
		return true
	case va == vb:
		return a.ID <= b.ID
	case q.Descending:
		return va.whole > vb.whole || va.whole == vb.whole && va.fraction > vb.fraction
	default:
		return va.whole < vb.whole || va.whole == vb.whole && va.fraction < vb.fraction
	}
}

// createdWithin is the documented created_at filter, written out
// independently of Select: with either bound set, the model must have a
// created_at strictly later than after and strictly earlier than before.
func createdWithin(m *megallm.Model, after, before *time.Time) bool {
	if after == nil && before == nil {
		return true
	}
	if m.CreatedAt == nil {
		return false
	}
	created := *m.CreatedAt
	return (after == nil || created.Compare(*after) > 0) && (before == nil || created.Compare(*before) < 0)
}

func createdAtText(m *megallm.Model) string {
	if m.CreatedAt == nil {
		return "at no time"
	}
	return "at " + megallm.FormatDate(*m.CreatedAt)
}

// finiteCount is a token count the provider accepts: finite and 0 or more.
func finiteCount(f float64) bool {
	return f >= 0 && !math.IsInf(f, 0)
}
