package catalog

import (
	"bytes"
	"math/big"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// syntheticCache holds decoded synthetic catalogs by size.
var syntheticCache sync.Map

// syntheticModels decodes mockapi.SyntheticModels(n), once per n. Callers
// must not modify the models.
func syntheticModels(tb testing.TB, n int) []megallm.Model {
	tb.Helper()
	if cached, ok := syntheticCache.Load(n); ok {
		models, ok := cached.([]megallm.Model)
		if !ok {
			tb.Fatalf("syntheticCache holds a %T", cached)
		}
		return models
	}
	models, problems, err := megallm.DecodeModels(bytes.NewReader(mockapi.ListBody(mockapi.SyntheticModels(n)...)))
	if err != nil || len(problems) > 0 {
		tb.Fatalf("decoding the synthetic catalog: %v %v", err, problems)
	}
	syntheticCache.Store(n, models)
	return models
}

// benchQueries are megallm_models configurations: no filter, the common
// filters, a requirement-heavy one and a regex, over every kind of sort key.
var benchQueries = []struct {
	name  string
	query Query
}{
	{"all-by-id", Query{}},
	{"all-by-input-cost", Query{SortBy: sortByInputCost}},
	{"all-by-created-at-desc", Query{SortBy: sortByCreatedAt, Descending: true}},
	{"chat-owners-by-context-desc", Query{Type: "chat", OwnedBy: []string{"openai", "anthropic", "google"}, SortBy: sortByContextLength, Descending: true}},
	{"require-by-input-cost", Query{
		Type: "chat", SortBy: sortByInputCost,
		Require: Requirements{Capabilities: needs("vision", "function_calling"), MinContextLength: big.NewInt(128000), MaxInputCostPerMillion: ptr(5.0)},
	}},
	{"id-regex-by-id", Query{IDPattern: regexp.MustCompile(`^meta-llama/.*-instruct-`)}},
	// The same sorts and requirements with a workload: its cost per model, and a bound on it.
	{"all-by-workload-cost", Query{SortBy: SortByWorkloadCost, Workload: benchWorkload}},
	{"require-by-workload-cost", Query{
		Type: "chat", SortBy: SortByWorkloadCost, Workload: benchWorkload,
		Require: Requirements{Capabilities: needs("vision", "function_calling"), MinContextLength: big.NewInt(128000), MaxWorkloadCost: ptr(5000.0)},
	}},
}

// benchWorkload is a month of a busy application's traffic.
var benchWorkload = &Workload{InputTokens: 1.2e9, OutputTokens: 3e8}

// BenchmarkSelect filters and sorts a catalog of 10,000 models.
func BenchmarkSelect(b *testing.B) {
	c := New(syntheticModels(b, 10000))
	for _, q := range benchQueries {
		b.Run("models=10000/query="+q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = c.Select(q.query)
			}
		})
	}
}

// BenchmarkSelectNewFilters is Select with the created_at range, excluded
// ids and a limit.
func BenchmarkSelectNewFilters(b *testing.B) {
	c := New(syntheticModels(b, 10000))
	after := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	excluded := make([]string, 10)
	for i := range excluded {
		excluded[i] = mockapi.SyntheticModelID(i * 997)
	}
	for _, q := range []struct {
		name  string
		query Query
	}{
		{"created-after-by-created-at-desc", Query{CreatedAfter: &after, SortBy: sortByCreatedAt, Descending: true}},
		{"exclude-10-by-input-cost", Query{ExcludeIDs: excluded, SortBy: sortByInputCost}},
		{"limit-10-by-input-cost", Query{Limit: 10, SortBy: sortByInputCost}},
	} {
		b.Run("models=10000/query="+q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = c.Select(q.query)
			}
		})
	}
}

// BenchmarkNew indexes a catalog of 10,000 models by id.
func BenchmarkNew(b *testing.B) {
	models := syntheticModels(b, 10000)
	b.ReportAllocs()
	for b.Loop() {
		_ = New(models)
	}
}

// BenchmarkLookup finds one model by id in a catalog of 10,000.
func BenchmarkLookup(b *testing.B) {
	c := New(syntheticModels(b, 10000))
	id := mockapi.SyntheticModelID(7777)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := c.Lookup(id); !ok {
			b.Fatal("not found")
		}
	}
}

// BenchmarkLookupMisnamed reads ids that a catalog of 10,000 models lacks,
// as the error path of every id argument does: one without the prefix the
// catalog writes, one with a vendor prefix it does not write, one with other
// separators, and one it names in no way. index= is the first such read of a catalog, which builds
// the index (with New).
func BenchmarkLookupMisnamed(b *testing.B) {
	models := syntheticModels(b, 10000)
	c := New(models)
	_, _ = c.LookupMisnamed("") // builds the index, which index= measures

	prefixed := mockapi.SyntheticModelID(7774) // meta-llama/llama-...
	for _, tc := range []struct{ name, id string }{
		{"no-prefix", prefixed[strings.LastIndexByte(prefixed, '/')+1:]},
		{"vendor-prefix", "openai/" + mockapi.SyntheticModelID(7770)},
		{"separators", strings.ReplaceAll(mockapi.SyntheticModelID(7771), "-", "_")},
		{"unknown", "no-such-model"},
	} {
		b.Run("id="+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = c.LookupMisnamed(tc.id)
			}
		})
	}
	b.Run("index=10000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = New(models).LookupMisnamed("no-such-model")
		}
	})
}

// BenchmarkSuggest is the cost of an unknown id over 10,000 models: the
// error path compares it with every id. A typo is the usual case; the long
// ids (as a generated or pasted value may be) must cost no more than it; nor
// must one near the start of ids alone, which costs a pass over the starts.
func BenchmarkSuggest(b *testing.B) {
	c := New(syntheticModels(b, 10000))
	for _, tc := range []struct{ name, id string }{
		{"typo", "meta-llama/llama-1-128b-mini-0004"},
		{"start", "meta-llama/lama-1-8b"},
		{"20KB", strings.Repeat("0", 20_000)},
		{"1MB", strings.Repeat("0", 1_000_000)},
	} {
		b.Run("id="+tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = c.Suggest(tc.id)
			}
		})
	}
}

// BenchmarkUnreported is what finding the fields no model reports adds to
// each Select of BenchmarkSelect: the synthetic catalog reports every field,
// so it reads a model or so per query.
func BenchmarkUnreported(b *testing.B) {
	c := New(syntheticModels(b, 10000))
	for _, q := range benchQueries {
		b.Run("models=10000/query="+q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = c.Unreported(q.query)
			}
		})
	}
}
