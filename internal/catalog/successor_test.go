package catalog

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"runtime"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// TestAdvise_workedOutOnce: every read of a deprecated model without a usable
// successor asks for the usable ids closest to it, a pass over the catalog
// (over 10,000 models some 20,000 allocations); asked again with the same
// inputs, the catalog gives the answer it kept. Other inputs get their own
// answer, and a policy applied since, answers for the catalog it made.
func TestAdvise_workedOutOnce(t *testing.T) { // not parallel: AllocsPerRun
	models := make([]megallm.Model, 1000)
	for i := range models {
		models[i] = megallm.Model{ID: fmt.Sprintf("model-%03d", i), ContextLength: ptr(int64(1000 * (i % 2))),
			Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(1.0)}}
	}
	c := New(models)
	var q Query
	advise := func() { c.Advise("model-1000", nil, &q) }
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	advise()
	if runtime.ReadMemStats(&after); after.Mallocs-before.Mallocs < 1000 {
		t.Fatalf("the first Advise: %d allocations, want a pass over the catalog's 1,000 ids", after.Mallocs-before.Mallocs)
	}
	if allocs := testing.AllocsPerRun(10, advise); allocs > 10 {
		t.Errorf("Advise again: %.0f allocations, want at most 10 (its key and a copy of the answer kept)", allocs)
	}

	long := Query{Require: Requirements{MinContextLength: big.NewInt(1000)}}
	cheap := Query{Require: Requirements{MaxInputCostPerMillion: ptr(2.0)}}
	for _, tc := range []struct {
		name      string
		successor *string
		q         Query
		want      Advice
	}{
		{"no successor", nil, q, Advice{Alternatives: []string{"model-000", "model-100", "model-001"}}},
		{"a requirement", nil, long, Advice{Alternatives: []string{"model-001", "model-003", "model-005"}}},
		{"a successor", ptr("model-100"), long, Advice{Successor: "model-100",
			Unusable: "does not meet this data source's require", Alternatives: []string{"model-101", "model-103", "model-105"}}},
		{"an empty successor", ptr(""), q, Advice{Unusable: "is not in the catalog",
			Alternatives: []string{"model-000", "model-100", "model-001"}}},
		{"a price", nil, cheap, Advice{Alternatives: []string{"model-000", "model-100", "model-001"}}},
		{"a price in another currency", nil, Query{Require: cheap.Require, Currency: "EUR"}, Advice{}},
		// Not kept: keys of NaN would be one.
		{"a bound json cannot write", nil, Query{Require: Requirements{MaxInputCostPerMillion: ptr(math.NaN())}}, Advice{}},
		{"a workload json cannot write", nil, Query{Require: long.Require, Workload: &Workload{InputTokens: math.NaN()}},
			Advice{Alternatives: []string{"model-001", "model-003", "model-005"}}},
	} {
		if got := c.Advise("model-1000", tc.successor, &tc.q); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Advise = %+v, want %+v", tc.name, got, tc.want)
		}
		if got := New(models).Advise("model-1000", tc.successor, &tc.q); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Advise of a new catalog = %+v, want %+v", tc.name, got, tc.want)
		}
	}

	c.Advise("model-1000", nil, &q).Alternatives[0] = "changed" // a copy: the catalog keeps its own
	if got := c.Advise("model-1000", nil, &q).Alternatives; got[0] != "model-000" {
		t.Errorf("Advise = %q after a caller changed its copy, want model-000 first", got)
	}
	c.Apply(&Policy{Models: map[string]ModelPolicy{"model-100": {Denied: true}}}, fixedNow)
	want := Advice{Alternatives: []string{"model-000", "model-001", "model-002"}}
	if got := c.Advise("model-1000", nil, &q); !reflect.DeepEqual(got, want) {
		t.Errorf("after a policy denies model-100: Advise = %+v, want %+v", got, want)
	}
}
