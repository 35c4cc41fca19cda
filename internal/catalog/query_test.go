package catalog

import (
	"math"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// queryFixture has, for every sort key, present values with ties, a zero
// value, and models missing the field. It is listed in no useful order.
func queryFixture() []megallm.Model {
	return []megallm.Model{
		{
			ID:              "alpha", // no type, owner, created_at, context_length or pricing
			MaxOutputTokens: ptr[int64](16384),
		},
		{
			ID: "gpt-4o", Type: ptr("chat"), OwnedBy: ptr("openai"),
			CreatedAt:     date("2024-05-13T00:00:00Z"),
			ContextLength: ptr[int64](128000), MaxOutputTokens: ptr[int64](16384),
			Capabilities: &megallm.Capabilities{SupportsVision: ptr(true), SupportsFunctionCalling: ptr(true)},
			Pricing:      &megallm.Pricing{InputTokensCostPerMillion: ptr(2.5), OutputTokensCostPerMillion: ptr(10.0)},
		},
		{
			ID: "beta", Type: ptr("chat"), OwnedBy: ptr("anthropic"),
			CreatedAt:     nil, // not reported, or not a date, which the decoder reads as none
			ContextLength: ptr[int64](8192), MaxOutputTokens: ptr[int64](4096),
			Capabilities: &megallm.Capabilities{SupportsVision: ptr(false), SupportsFunctionCalling: ptr(true)},
			Pricing:      &megallm.Pricing{OutputTokensCostPerMillion: ptr(10.0)},
		},
		{
			ID: "Zeta", Type: ptr("embedding"), OwnedBy: ptr("zeta-labs"),
			CreatedAt:     date("2024-05-13T00:00:00Z"),
			ContextLength: ptr[int64](128000),
			Pricing:       &megallm.Pricing{InputTokensCostPerMillion: ptr(2.5)},
		},
		{
			ID: "A1", Type: ptr("rerank"), OwnedBy: ptr("meta"),
			CreatedAt:     date("2023-12-31T23:00:00-02:00"), // 2024-01-01T01:00:00Z
			ContextLength: ptr[int64](0),
			Pricing:       &megallm.Pricing{InputTokensCostPerMillion: ptr(0.0), OutputTokensCostPerMillion: ptr(0.0)},
		},
		{
			ID: "gpt-4.1", Type: ptr("chat"), OwnedBy: ptr("openai"),
			CreatedAt:     date("2025-04-14T00:00:00Z"),
			ContextLength: ptr[int64](1047576), MaxOutputTokens: ptr[int64](32768),
			Capabilities: &megallm.Capabilities{SupportsVision: ptr(true)},
			Pricing:      &megallm.Pricing{InputTokensCostPerMillion: ptr(2.0), OutputTokensCostPerMillion: ptr(8.0)},
		},
	}
}

func TestSelect_sort(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key        SortKey
		descending bool
		want       []string
	}{
		// Byte-wise: upper case before lower case, "." before "o".
		{"", false, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{"", true, []string{"gpt-4o", "gpt-4.1", "beta", "alpha", "Zeta", "A1"}},
		{sortByID, false, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{sortByID, true, []string{"gpt-4o", "gpt-4.1", "beta", "alpha", "Zeta", "A1"}},
		// Zeta and gpt-4o share a date; alpha has none and beta's is unparseable.
		{sortByCreatedAt, false, []string{"A1", "Zeta", "gpt-4o", "gpt-4.1", "alpha", "beta"}},
		{sortByCreatedAt, true, []string{"gpt-4.1", "Zeta", "gpt-4o", "A1", "alpha", "beta"}},
		// Zeta and gpt-4o tie at 128000; A1's 0 is a value; alpha has none.
		{sortByContextLength, false, []string{"A1", "beta", "Zeta", "gpt-4o", "gpt-4.1", "alpha"}},
		{sortByContextLength, true, []string{"gpt-4.1", "Zeta", "gpt-4o", "beta", "A1", "alpha"}},
		// alpha and gpt-4o tie at 16384; A1 and Zeta have none.
		{sortByMaxOutputTokens, false, []string{"beta", "alpha", "gpt-4o", "gpt-4.1", "A1", "Zeta"}},
		{sortByMaxOutputTokens, true, []string{"gpt-4.1", "alpha", "gpt-4o", "beta", "A1", "Zeta"}},
		// Zeta and gpt-4o tie at 2.5; A1 is free; alpha has no pricing, beta no input cost.
		{sortByInputCost, false, []string{"A1", "gpt-4.1", "Zeta", "gpt-4o", "alpha", "beta"}},
		{sortByInputCost, true, []string{"Zeta", "gpt-4o", "gpt-4.1", "A1", "alpha", "beta"}},
		// beta and gpt-4o tie at 10; A1 is free; Zeta has no output cost, alpha no pricing.
		{sortByOutputCost, false, []string{"A1", "gpt-4.1", "beta", "gpt-4o", "Zeta", "alpha"}},
		{sortByOutputCost, true, []string{"beta", "gpt-4o", "gpt-4.1", "A1", "Zeta", "alpha"}},
	}
	for _, tc := range tests {
		// The same answer whatever order the API listed the models in.
		forward := queryFixture()
		reversed := queryFixture()
		slices.Reverse(reversed)
		for name, models := range map[string][]megallm.Model{"api order": forward, "reversed": reversed} {
			got := ids(New(models).Select(Query{SortBy: tc.key, Descending: tc.descending}))
			if !equalStrings(got, tc.want) {
				t.Errorf("sort %q descending=%v (%s): got %q, want %q", tc.key, tc.descending, name, got, tc.want)
			}
		}
	}
}

func TestSelect_sortCoversEveryKey(t *testing.T) {
	t.Parallel()
	want := []string{"id", "created_at", "context_length", "max_output_tokens", "input_cost", "output_cost", "workload_cost"}
	if got := SortKeyNames(); !equalStrings(got, want) {
		t.Errorf("SortKeyNames() = %q, want %q (id, the default, first)", got, want)
	}
}

func TestSelect_sortCreatedAtComparesInstants(t *testing.T) {
	t.Parallel()
	// As strings, "2023-12-31T23:00:00-02:00" sorts first; as instants it is
	// 2024-01-01T01:00:00Z, after 00:30Z. Fractional seconds are instants too,
	// down to nanoseconds, as created_after compares them.
	c := New([]megallm.Model{
		{ID: "offset", CreatedAt: date("2023-12-31T23:00:00-02:00")},
		{ID: "utc", CreatedAt: date("2024-01-01T00:30:00Z")},
		{ID: "fraction", CreatedAt: date("2024-01-01T00:30:00.5Z")},
		{ID: "a-micro-later", CreatedAt: date("2024-01-01T00:30:00.500002Z")},
		{ID: "b-micro-earlier", CreatedAt: date("2024-01-01T00:30:00.500001Z")},
		{ID: "a-nano-later", CreatedAt: date("2024-01-01T00:30:00.500001001Z")},
		{ID: "empty", CreatedAt: nil},
	})
	got := ids(c.Select(Query{SortBy: sortByCreatedAt}))
	want := []string{"utc", "fraction", "b-micro-earlier", "a-nano-later", "a-micro-later", "offset", "empty"}
	if !equalStrings(got, want) {
		t.Errorf("created_at ascending = %q, want %q", got, want)
	}
	got = ids(c.Select(Query{SortBy: sortByCreatedAt, Descending: true}))
	want = []string{"offset", "a-micro-later", "a-nano-later", "b-micro-earlier", "fraction", "utc", "empty"}
	if !equalStrings(got, want) {
		t.Errorf("created_at descending = %q, want %q", got, want)
	}
}

// TestSelect_sortCountsExactly: counts 1 apart above 2^53, which a float64
// holds as one, and the largest an int64 holds, keep their order both ways,
// not the ids' of a tie.
func TestSelect_sortCountsExactly(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "a-more", ContextLength: ptr[int64](9007199254740993), MaxOutputTokens: ptr[int64](math.MaxInt64)},
		{ID: "b-less", ContextLength: ptr[int64](9007199254740992), MaxOutputTokens: ptr[int64](math.MaxInt64 - 1)},
	})
	for _, key := range []SortKey{sortByContextLength, sortByMaxOutputTokens} {
		for desc, want := range map[bool][]string{false: {"b-less", "a-more"}, true: {"a-more", "b-less"}} {
			if got := ids(c.Select(Query{SortBy: key, Descending: desc})); !equalStrings(got, want) {
				t.Errorf("sort %q descending=%v = %q, want %q", key, desc, got, want)
			}
		}
	}
}

func TestSelect_sortAllMissingFallsBackToID(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "c"}, {ID: "a"}, {ID: "B"}})
	for _, key := range []SortKey{sortByCreatedAt, sortByContextLength, sortByMaxOutputTokens, sortByInputCost, sortByOutputCost} {
		for _, desc := range []bool{false, true} {
			got := ids(c.Select(Query{SortBy: key, Descending: desc}))
			if want := []string{"B", "a", "c"}; !equalStrings(got, want) {
				t.Errorf("sort %q descending=%v with the field missing everywhere = %q, want %q", key, desc, got, want)
			}
		}
	}
}

func TestSelect_filters(t *testing.T) {
	t.Parallel()
	c := New(queryFixture())
	tests := []struct {
		name  string
		query Query
		want  []string
	}{
		{"zero query keeps all", Query{}, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{"type chat", Query{Type: "chat"}, []string{"beta", "gpt-4.1", "gpt-4o"}},
		{"type embedding", Query{Type: "embedding"}, []string{"Zeta"}},
		{"type passed through", Query{Type: "rerank"}, []string{"A1"}},
		{"type is exact", Query{Type: "Chat"}, []string{}},
		{"owned_by nil keeps all", Query{OwnedBy: nil}, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{"owned_by one", Query{OwnedBy: []string{"openai"}}, []string{"gpt-4.1", "gpt-4o"}},
		{"owned_by several", Query{OwnedBy: []string{"meta", "openai"}}, []string{"A1", "gpt-4.1", "gpt-4o"}},
		{"owned_by unknown", Query{OwnedBy: []string{"nobody"}}, []string{}},
		{"id pattern in the middle", Query{IDPattern: regexp.MustCompile(`et`)}, []string{"Zeta", "beta"}},
		{"id pattern at the end", Query{IDPattern: regexp.MustCompile(`a`)}, []string{"Zeta", "alpha", "beta"}},
		{"id pattern anchored", Query{IDPattern: regexp.MustCompile(`^gpt-4\.`)}, []string{"gpt-4.1"}},
		{"id pattern dot matches any", Query{IDPattern: regexp.MustCompile(`gpt-4.`)}, []string{"gpt-4.1", "gpt-4o"}},
		{"id pattern is case-sensitive", Query{IDPattern: regexp.MustCompile(`zeta`)}, []string{}},
		{"require context", Query{Require: Requirements{MinContextLength: big.NewInt(100000)}},
			[]string{"Zeta", "gpt-4.1", "gpt-4o"}},
		{"require vision", Query{Require: Requirements{Capabilities: needs("vision")}}, []string{"gpt-4.1", "gpt-4o"}},
		{"require cheap input", Query{Require: Requirements{MaxInputCostPerMillion: ptr(2.0)}}, []string{"A1", "gpt-4.1"}},
		{"type and owner", Query{Type: "chat", OwnedBy: []string{"openai", "anthropic"}},
			[]string{"beta", "gpt-4.1", "gpt-4o"}},
		{"type and require", Query{Type: "chat", Require: Requirements{MinContextLength: big.NewInt(100000)}},
			[]string{"gpt-4.1", "gpt-4o"}},
		{"type, owner, pattern and require", Query{
			Type:      "chat",
			OwnedBy:   []string{"openai", "anthropic"},
			IDPattern: regexp.MustCompile(`^(gpt|beta)`),
			Require:   Requirements{Capabilities: needs("function_calling")},
		}, []string{"beta", "gpt-4o"}},
		{"filters that exclude each other", Query{Type: "embedding", OwnedBy: []string{"openai"}}, []string{}},
		{"filter then sort", Query{Type: "chat", SortBy: sortByContextLength, Descending: true},
			[]string{"gpt-4.1", "gpt-4o", "beta"}},
	}
	for _, tc := range tests {
		got := c.Select(tc.query)
		if !equalStrings(ids(got), tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, ids(got), tc.want)
		}
	}
}

func TestSelect_emptyResult(t *testing.T) {
	t.Parallel()
	c := New(queryFixture())
	got := c.Select(Query{Type: "image"})
	if len(got) != 0 {
		t.Errorf("Select = %q, want empty", ids(got))
	}
}

func TestSelect_doesNotReorderCatalog(t *testing.T) {
	t.Parallel()
	models := queryFixture()
	c := New(models)
	_ = c.Select(Query{SortBy: sortByContextLength, Descending: true})
	want := []string{"alpha", "gpt-4o", "beta", "Zeta", "A1", "gpt-4.1"}
	for i, m := range models {
		if m.ID != want[i] {
			t.Fatalf("after Select, the model list is reordered: position %d is %q, want %q", i, m.ID, want[i])
		}
	}
	// A second Select with another order is unaffected by the first.
	if got := ids(c.Select(Query{})); !equalStrings(got, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}) {
		t.Errorf("Select by id after another sort = %q", got)
	}
}

func TestSelect_createdRange(t *testing.T) {
	t.Parallel()
	c := New(queryFixture())
	at := func(s string) *time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return &v
	}
	tests := []struct {
		name          string
		after, before *time.Time
		want          []string
	}{
		// alpha has no created_at and beta's is unparseable: left out whenever a bound is set.
		{"any date", at("0001-01-01T00:00:00Z"), nil, []string{"A1", "Zeta", "gpt-4.1", "gpt-4o"}},
		// Zeta and gpt-4o were created at exactly 2024-05-13T00:00:00Z.
		{"after is strict", at("2024-05-13T00:00:00Z"), nil, []string{"gpt-4.1"}},
		{"after, a second earlier", at("2024-05-12T23:59:59Z"), nil, []string{"Zeta", "gpt-4.1", "gpt-4o"}},
		{"before is strict", nil, at("2024-05-13T00:00:00Z"), []string{"A1"}},
		{"before, a second later", nil, at("2024-05-13T00:00:01Z"), []string{"A1", "Zeta", "gpt-4o"}},
		// A1 is 2023-12-31T23:00:00-02:00: instants compare, not strings.
		{"after compares instants", at("2024-01-01T00:30:00Z"), nil, []string{"A1", "Zeta", "gpt-4.1", "gpt-4o"}},
		{"after with an offset", at("2023-12-31T23:30:00-02:00"), nil, []string{"Zeta", "gpt-4.1", "gpt-4o"}},
		{"between", at("2024-01-01T00:00:00Z"), at("2025-01-01T00:00:00Z"), []string{"A1", "Zeta", "gpt-4o"}},
		{"nothing between", at("2024-05-14T00:00:00Z"), at("2025-04-13T00:00:00Z"), []string{}},
	}
	for _, tc := range tests {
		got := ids(c.Select(Query{CreatedAfter: tc.after, CreatedBefore: tc.before}))
		if !equalStrings(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSelect_createdRangeDateOnlyIsMidnightUTC(t *testing.T) {
	t.Parallel()
	// As the decoder leaves it: a date-only created_at is midnight UTC.
	models, _, err := megallm.DecodeModels(strings.NewReader(`{"data":[
		{"id":"day","created_at":"2024-06-01"},
		{"id":"noon","created_at":"2024-06-01T12:00:00Z"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	midnight := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	if got := ids(New(models).Select(Query{CreatedAfter: &midnight})); !equalStrings(got, []string{"noon"}) {
		t.Errorf("created after %s = %q, want only noon", midnight, got)
	}
}

func TestSelect_excludeIDs(t *testing.T) {
	t.Parallel()
	c := New(queryFixture())
	tests := []struct {
		name    string
		exclude []string
		want    []string
	}{
		{"nil keeps all", nil, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{"empty keeps all", []string{}, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{"one", []string{"gpt-4o"}, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1"}},
		{"unknown ids remove nothing", []string{"gpt-5", "nobody"}, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{"case-sensitive", []string{"zeta", "GPT-4o"}, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{"whole ids, not prefixes", []string{"gpt-4"}, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{"every model", []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}, []string{}},
	}
	for _, tc := range tests {
		got := ids(c.Select(Query{ExcludeIDs: tc.exclude}))
		if !equalStrings(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSelect_limit(t *testing.T) {
	t.Parallel()
	c := New(queryFixture())
	tests := []struct {
		name  string
		query Query
		want  []string
	}{
		{"zero keeps all", Query{Limit: 0}, []string{"A1", "Zeta", "alpha", "beta", "gpt-4.1", "gpt-4o"}},
		{"first of the order", Query{Limit: 2, SortBy: sortByContextLength, Descending: true}, []string{"gpt-4.1", "Zeta"}},
		{"models missing the field come last", Query{Limit: 5, SortBy: sortByInputCost}, []string{"A1", "gpt-4.1", "Zeta", "gpt-4o", "alpha"}},
		{"exactly the result", Query{Limit: 3, Type: "chat"}, []string{"beta", "gpt-4.1", "gpt-4o"}},
		{"larger than the result keeps all", Query{Limit: 100, Type: "chat"}, []string{"beta", "gpt-4.1", "gpt-4o"}},
		{"after the filters", Query{Limit: 1, Type: "chat", ExcludeIDs: []string{"beta"}}, []string{"gpt-4.1"}},
		{"of nothing", Query{Limit: 1, Type: "image"}, []string{}},
	}
	for _, tc := range tests {
		got := ids(c.Select(tc.query))
		if !equalStrings(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSelect_policy: the models the policy refuses are never listed, the
// retired ones only with IncludeRetired, and deprecated ones always.
func TestSelect_policy(t *testing.T) {
	t.Parallel()
	c := New(queryFixture())
	c.Apply(&Policy{
		AllowedOwners: []string{"openai", "meta", "zeta-labs"}, // leaves out beta (anthropic) and alpha (no owner)
		Models: map[string]ModelPolicy{
			"gpt-4o": {Denied: true},
			"A1":     {RetiresAt: date("2026-03-01T00:00:00Z")},
			"Zeta":   {DeprecatedAt: date("2026-03-01T00:00:00Z"), RetiresAt: date("2026-06-01T00:00:00Z")},
		},
	}, fixedNow)
	tests := []struct {
		name  string
		query Query
		want  []string
	}{
		{"zero query", Query{}, []string{"Zeta", "gpt-4.1"}},
		{"include retired", Query{IncludeRetired: true}, []string{"A1", "Zeta", "gpt-4.1"}},
		{"a filter naming a refused owner", Query{OwnedBy: []string{"anthropic", "openai"}, IncludeRetired: true}, []string{"gpt-4.1"}},
		{"a refused model meets the requirements", Query{Require: Requirements{Capabilities: needs("vision")}}, []string{"gpt-4.1"}},
		{"not deprecated", Query{Require: Requirements{NotDeprecated: true}, IncludeRetired: true}, []string{"gpt-4.1"}},
		{"sorted, retired included", Query{SortBy: sortByCreatedAt, Descending: true, IncludeRetired: true}, []string{"gpt-4.1", "Zeta", "A1"}},
	}
	for _, tc := range tests {
		if got := ids(c.Select(tc.query)); !equalStrings(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSelect_retiredByTheAPI: without a policy, a retires_at the API reports
// retires the model at the catalog's Now.
func TestSelect_retiredByTheAPI(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "retired", RetiresAt: date("2026-03-10T15:00:00Z")},
		{ID: "retiring", RetiresAt: date("2026-03-10T15:00:01Z")},
		{ID: "deprecated", DeprecatedAt: date("2026-01-01T00:00:00Z")},
		{ID: "undated"},
	})
	c.Apply(nil, fixedNow)
	if got, want := ids(c.Select(Query{})), []string{"deprecated", "retiring", "undated"}; !equalStrings(got, want) {
		t.Errorf("Select = %q, want %q", got, want)
	}
	if got, want := ids(c.Select(Query{IncludeRetired: true})), []string{"deprecated", "retired", "retiring", "undated"}; !equalStrings(got, want) {
		t.Errorf("Select with IncludeRetired = %q, want %q", got, want)
	}
}

// TestSelect_negotiatedPrice: the price the policy negotiates is the one
// sorted by and bounded.
func TestSelect_negotiatedPrice(t *testing.T) {
	t.Parallel()
	listed := New(queryFixture())
	negotiated := New(queryFixture())
	negotiated.Apply(&Policy{Models: map[string]ModelPolicy{
		"gpt-4o": {Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(1.0), OutputTokensCostPerMillion: ptr(4.0)}},
		"beta":   {Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.5)}}, // the API reports no input cost
	}}, fixedNow)
	tests := []struct {
		name                 string
		query                Query
		wantListed, wantPaid []string
	}{
		{"sort by input cost", Query{SortBy: sortByInputCost},
			[]string{"A1", "gpt-4.1", "Zeta", "gpt-4o", "alpha", "beta"},
			[]string{"A1", "beta", "gpt-4o", "gpt-4.1", "Zeta", "alpha"}},
		{"sort by output cost", Query{SortBy: sortByOutputCost},
			[]string{"A1", "gpt-4.1", "beta", "gpt-4o", "Zeta", "alpha"},
			[]string{"A1", "gpt-4o", "gpt-4.1", "Zeta", "alpha", "beta"}},
		{"max_input_cost_per_million", Query{Require: Requirements{MaxInputCostPerMillion: ptr(2.0)}},
			[]string{"A1", "gpt-4.1"},
			[]string{"A1", "beta", "gpt-4.1", "gpt-4o"}},
	}
	for _, tc := range tests {
		if got := ids(listed.Select(tc.query)); !equalStrings(got, tc.wantListed) {
			t.Errorf("%s, list prices: got %q, want %q", tc.name, got, tc.wantListed)
		}
		if got := ids(negotiated.Select(tc.query)); !equalStrings(got, tc.wantPaid) {
			t.Errorf("%s, negotiated prices: got %q, want %q", tc.name, got, tc.wantPaid)
		}
	}
}
