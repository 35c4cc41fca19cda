package provider

import (
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// The words of the catalog's typed answers, as the catalog's tests pinned
// them before the catalog stopped wording them: each requirement a model
// misses (unmetWords) and each reason an id cannot be used (rejectionWords).

// fixedNow is the time the lifecycle cases are checked at, an afternoon so
// that counting whole days and calendar days differ.
var fixedNow = time.Date(2026, time.March, 10, 15, 0, 0, 0, time.UTC)

// check is one requirement check as a case gives it: the requirements, the
// query's currency and workload, the day (zero for today), and the
// lifecycle as a data source reported it (nil to compute it at the day).
type check struct {
	Capabilities            catalog.CapabilitySet
	MinContextLength        *big.Int
	MinMaxOutputTokens      *big.Int
	MaxInputCostPerMillion  *float64
	MaxOutputCostPerMillion *float64
	MaxWorkloadCost         *float64
	NotDeprecated           bool
	MinDaysToRetirement     *big.Int

	Currency  string
	Workload  *catalog.Workload
	Now       time.Time
	Lifecycle *catalog.Lifecycle
}

func (c check) query() catalog.Query {
	return catalog.Query{
		Require: catalog.Requirements{
			Capabilities: c.Capabilities, MinContextLength: c.MinContextLength, MinMaxOutputTokens: c.MinMaxOutputTokens,
			MaxInputCostPerMillion: c.MaxInputCostPerMillion, MaxOutputCostPerMillion: c.MaxOutputCostPerMillion,
			MaxWorkloadCost: c.MaxWorkloadCost, NotDeprecated: c.NotDeprecated, MinDaysToRetirement: c.MinDaysToRetirement,
		},
		Currency: c.Currency, Workload: c.Workload, IncludeRetired: true,
	}
}

func (c check) now() time.Time {
	if c.Now.IsZero() {
		return time.Now().UTC()
	}
	return c.Now
}

// Unmet words the requirements m misses, nil for none.
func (c check) Unmet(m *megallm.Model) []string {
	l := catalog.LifecycleOf(m, c.now())
	if c.Lifecycle != nil {
		l = *c.Lifecycle
	}
	q := c.query()
	misses := q.Unmet(m, l)
	if misses == nil {
		return nil
	}
	return unmetWords(misses)
}

// Met reports whether a catalog of m alone, at the day, selects m: Select
// checks the requirements as Unmet does, without wording them.
func (c check) Met(m *megallm.Model) bool {
	models := catalog.New([]megallm.Model{*m})
	models.Apply(nil, c.now())
	return len(models.Select(c.query())) == 1
}

// needs is the set of the capabilities with these names.
func needs(names ...string) catalog.CapabilitySet {
	var s catalog.CapabilitySet
	for _, name := range names {
		i := slices.IndexFunc(megallm.CapabilityTable, func(c megallm.Capability) bool { return c.Name == name })
		if i < 0 {
			panic("no capability " + name)
		}
		s = s.With(i)
	}
	return s
}

// date is the date s, as the decoder reads it.
func date(s string) *time.Time {
	t, err := megallm.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestUnmetWords(t *testing.T) {
	t.Parallel()
	allCaps := &megallm.Capabilities{
		SupportsFunctionCalling:  ptr(true),
		SupportsVision:           ptr(true),
		SupportsStreaming:        ptr(true),
		SupportsStructuredOutput: ptr(true),
	}
	noCaps := &megallm.Capabilities{
		SupportsFunctionCalling:  ptr(false),
		SupportsVision:           ptr(false),
		SupportsStreaming:        ptr(false),
		SupportsStructuredOutput: ptr(false),
	}
	priced := func(in, out float64) *megallm.Pricing {
		return &megallm.Pricing{InputTokensCostPerMillion: ptr(in), OutputTokensCostPerMillion: ptr(out)}
	}
	pricedIn := func(currency string, in, out float64) *megallm.Pricing {
		p := priced(in, out)
		p.Currency = &currency
		return p
	}
	tests := []struct {
		name  string
		req   check
		model megallm.Model
		want  []string
	}{
		// Capabilities: false, nil field, nil Capabilities.
		{"function calling false", check{Capabilities: needs("function_calling")}, megallm.Model{Capabilities: noCaps},
			[]string{"does not support function calling"}},
		{"vision false", check{Capabilities: needs("vision")}, megallm.Model{Capabilities: noCaps},
			[]string{"does not support vision"}},
		{"streaming false", check{Capabilities: needs("streaming")}, megallm.Model{Capabilities: noCaps},
			[]string{"does not support streaming"}},
		{"structured output false", check{Capabilities: needs("structured_output")}, megallm.Model{Capabilities: noCaps},
			[]string{"does not support structured output"}},
		{"vision field missing", check{Capabilities: needs("vision")},
			megallm.Model{Capabilities: &megallm.Capabilities{SupportsStreaming: ptr(true)}},
			[]string{"does not report whether it supports vision (capabilities.supports_vision is missing)"}},
		{"capabilities missing: function calling", check{Capabilities: needs("function_calling")}, megallm.Model{},
			[]string{"does not report whether it supports function calling (capabilities.supports_function_calling is missing)"}},
		{"capabilities missing: vision", check{Capabilities: needs("vision")}, megallm.Model{},
			[]string{"does not report whether it supports vision (capabilities.supports_vision is missing)"}},
		{"capabilities missing: streaming", check{Capabilities: needs("streaming")}, megallm.Model{},
			[]string{"does not report whether it supports streaming (capabilities.supports_streaming is missing)"}},
		{"capabilities missing: structured output", check{Capabilities: needs("structured_output")}, megallm.Model{},
			[]string{"does not report whether it supports structured output (capabilities.supports_structured_output is missing)"}},
		{"capabilities true", check{Capabilities: needs("function_calling", "vision", "streaming", "structured_output")},
			megallm.Model{Capabilities: allCaps}, nil},
		{"false requirement ignores false capability", check{}, megallm.Model{Capabilities: noCaps}, nil},
		{"false requirement ignores missing capability", check{Capabilities: needs("streaming")},
			megallm.Model{Capabilities: &megallm.Capabilities{SupportsStreaming: ptr(true)}}, nil},

		// Context length.
		{"context length below", check{MinContextLength: big.NewInt(100000)},
			megallm.Model{ContextLength: ptr[int64](8192)}, []string{"context_length 8192 < required 100000"}},
		{"context length equal", check{MinContextLength: big.NewInt(100000)},
			megallm.Model{ContextLength: ptr[int64](100000)}, nil},
		{"context length above", check{MinContextLength: big.NewInt(100000)},
			megallm.Model{ContextLength: ptr[int64](100001)}, nil},
		{"context length missing", check{MinContextLength: big.NewInt(100000)},
			megallm.Model{}, []string{"context_length is not reported (required >= 100000)"}},
		{"context length zero is reported", check{MinContextLength: big.NewInt(1)},
			megallm.Model{ContextLength: ptr[int64](0)}, []string{"context_length 0 < required 1"}},
		{"context length zero bound", check{MinContextLength: big.NewInt(0)},
			megallm.Model{ContextLength: ptr[int64](0)}, nil},

		// Max output tokens.
		{"max output below", check{MinMaxOutputTokens: big.NewInt(16384)},
			megallm.Model{MaxOutputTokens: ptr[int64](4096)}, []string{"max_output_tokens 4096 < required 16384"}},
		{"max output equal", check{MinMaxOutputTokens: big.NewInt(16384)},
			megallm.Model{MaxOutputTokens: ptr[int64](16384)}, nil},
		{"max output missing", check{MinMaxOutputTokens: big.NewInt(16384)},
			megallm.Model{}, []string{"max_output_tokens is not reported (required >= 16384)"}},

		// Input cost.
		{"input cost above", check{MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{Pricing: priced(2.5, 10)}, []string{"input_tokens_cost_per_million 2.5 > allowed 1"}},
		{"input cost equal", check{MaxInputCostPerMillion: ptr(2.5)},
			megallm.Model{Pricing: priced(2.5, 10)}, nil},
		{"input cost below", check{MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{Pricing: priced(0.15, 0.6)}, nil},
		{"input cost fractions", check{MaxInputCostPerMillion: ptr(0.1)},
			megallm.Model{Pricing: priced(0.15, 0.6)}, []string{"input_tokens_cost_per_million 0.15 > allowed 0.1"}},
		{"input cost free model under zero bound", check{MaxInputCostPerMillion: ptr(0.0)},
			megallm.Model{Pricing: priced(0, 0)}, nil},
		{"input cost missing: no pricing", check{MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{}, []string{"input_tokens_cost_per_million is not reported (allowed <= 1)"}},
		{"input cost missing: pricing without it", check{MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{Pricing: &megallm.Pricing{OutputTokensCostPerMillion: ptr(0.5)}},
			[]string{"input_tokens_cost_per_million is not reported (allowed <= 1)"}},

		// Output cost.
		{"output cost above", check{MaxOutputCostPerMillion: ptr(5.0)},
			megallm.Model{Pricing: priced(2.5, 10)}, []string{"output_tokens_cost_per_million 10 > allowed 5"}},
		{"output cost equal", check{MaxOutputCostPerMillion: ptr(10.0)},
			megallm.Model{Pricing: priced(2.5, 10)}, nil},
		{"output cost missing: no pricing", check{MaxOutputCostPerMillion: ptr(0.5)},
			megallm.Model{}, []string{"output_tokens_cost_per_million is not reported (allowed <= 0.5)"}},
		{"output cost missing: pricing without it", check{MaxOutputCostPerMillion: ptr(0.5)},
			megallm.Model{Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.1)}},
			[]string{"output_tokens_cost_per_million is not reported (allowed <= 0.5)"}},

		// Currency: the bounds apply in Currency, USD by default; a model
		// without pricing.currency is taken as priced in USD.
		{"priced in another currency", check{MaxInputCostPerMillion: ptr(100.0), MaxOutputCostPerMillion: ptr(100.0)},
			megallm.Model{Pricing: pricedIn("EUR", 1, 2)}, []string{"priced in EUR, the requirement is in USD"}},
		{"priced in the chosen currency", check{Currency: "EUR", MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{Pricing: pricedIn("EUR", 1, 2)}, nil},
		{"USD model against a EUR bound", check{Currency: "EUR", MaxOutputCostPerMillion: ptr(100.0)},
			megallm.Model{Pricing: pricedIn("USD", 1, 2)}, []string{"priced in USD, the requirement is in EUR"}},
		{"no currency is USD", check{Currency: "EUR", MaxInputCostPerMillion: ptr(100.0)},
			megallm.Model{Pricing: priced(1, 2)}, []string{"priced in USD, the requirement is in EUR"}},
		{"currency without a price bound", check{Currency: "EUR", MinContextLength: big.NewInt(1)},
			megallm.Model{ContextLength: ptr[int64](5), Pricing: pricedIn("USD", 1, 2)}, nil},

		// Workload cost: 2M input × 2.5 + 0.5M output × 10 = 10.
		{"workload cost equal", check{MaxWorkloadCost: ptr(10.0), Workload: &catalog.Workload{InputTokens: 2e6, OutputTokens: 5e5}},
			megallm.Model{Pricing: priced(2.5, 10)}, nil},
		{"workload cost above", check{MaxWorkloadCost: ptr(9.5), Workload: &catalog.Workload{InputTokens: 2e6, OutputTokens: 5e5}},
			megallm.Model{Pricing: priced(2.5, 10)}, []string{"workload_cost 10 > allowed 9.5"}},
		{"workload cost: no pricing", check{MaxWorkloadCost: ptr(9.5), Workload: &catalog.Workload{InputTokens: 2e6, OutputTokens: 5e5}},
			megallm.Model{}, []string{"workload_cost cannot be computed: the model has no pricing (allowed <= 9.5)"}},
		{"workload cost: a needed price missing", check{MaxWorkloadCost: ptr(9.5), Workload: &catalog.Workload{InputTokens: 2e6, OutputTokens: 5e5}},
			megallm.Model{Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.1)}},
			[]string{"workload_cost cannot be computed: the model has no pricing.output_tokens_cost_per_million (allowed <= 9.5)"}},
		{"workload cost: an unneeded price missing", check{MaxWorkloadCost: ptr(9.5), Workload: &catalog.Workload{InputTokens: 2e6, OutputTokens: 0}},
			megallm.Model{Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.1)}}, nil},
		{"workload cost without a workload", check{MaxWorkloadCost: ptr(9.5)},
			megallm.Model{Pricing: priced(2.5, 10)}, []string{"workload_cost cannot be computed: no workload is set (allowed <= 9.5)"}},
		{"workload cost in another currency", check{MaxWorkloadCost: ptr(100.0), Workload: &catalog.Workload{InputTokens: 1, OutputTokens: 1}},
			megallm.Model{Pricing: pricedIn("EUR", 1, 2)}, []string{"priced in EUR, the requirement is in USD"}},

		// Lifecycle, at fixedNow (2026-03-10T15:00:00Z); a model with no
		// known date meets both rows.
		{"not deprecated: no dates", check{NotDeprecated: true, Now: fixedNow}, megallm.Model{}, nil},
		{"not deprecated: deprecation to come", check{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: date("2026-03-11T00:00:00Z"), RetiresAt: date("2026-06-01T00:00:00Z")}, nil},
		{"not deprecated: deprecated", check{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: date("2026-03-01T00:00:00Z"), RetiresAt: date("2026-06-01T00:00:00Z"), Successor: ptr("fixture-2")},
			[]string{`model_lifecycle.status is deprecated since 2026-03-01 (successor "fixture-2")`}},
		{"not deprecated: deprecated at a time of day, no successor", check{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: date("2026-03-10T09:30:00+01:00")},
			[]string{"model_lifecycle.status is deprecated since 2026-03-10T09:30:00+01:00"}},
		{"not deprecated: retired", check{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: date("2026-01-01T00:00:00Z"), RetiresAt: date("2026-03-10T12:00:00Z"), Successor: ptr("fixture-2")},
			[]string{`model_lifecycle.status is retired since 2026-03-10T12:00:00Z (successor "fixture-2")`}},
		{"not deprecated: Now decides", check{NotDeprecated: true, Now: fixedNow.AddDate(0, -1, 0)},
			megallm.Model{DeprecatedAt: date("2026-03-01T00:00:00Z")}, nil},
		{"min days: no dates", check{MinDaysToRetirement: big.NewInt(30), Now: fixedNow}, megallm.Model{}, nil},
		{"min days: deprecated without a retirement", check{MinDaysToRetirement: big.NewInt(30), Now: fixedNow},
			megallm.Model{DeprecatedAt: date("2026-03-01T00:00:00Z")}, nil},
		{"min days: equal", check{MinDaysToRetirement: big.NewInt(22), Now: fixedNow},
			megallm.Model{RetiresAt: date("2026-04-01T00:00:00Z")}, nil},
		{"min days: one short", check{MinDaysToRetirement: big.NewInt(23), Now: fixedNow},
			megallm.Model{RetiresAt: date("2026-04-01T00:00:00Z")},
			[]string{"model_lifecycle.days_to_retirement 22 < required 23 (retires_at 2026-04-01)"}},
		{"min days: retires at a time of day", check{MinDaysToRetirement: big.NewInt(1), Now: fixedNow},
			megallm.Model{RetiresAt: date("2026-03-10T18:30:00+01:00")},
			[]string{"model_lifecycle.days_to_retirement 0 < required 1 (retires_at 2026-03-10T18:30:00+01:00)"}},
		{"min days: retired", check{MinDaysToRetirement: big.NewInt(1), Now: fixedNow},
			megallm.Model{RetiresAt: date("2026-03-01T00:00:00Z")},
			[]string{"model_lifecycle.days_to_retirement 0 < required 1 (retires_at 2026-03-01)"}},
		{"min days: zero bound meets a retired model", check{MinDaysToRetirement: big.NewInt(0), Now: fixedNow},
			megallm.Model{RetiresAt: date("2026-03-01T00:00:00Z")}, nil},
		{"lifecycle: both rows, in order", check{NotDeprecated: true, MinDaysToRetirement: big.NewInt(90), Now: fixedNow},
			megallm.Model{DeprecatedAt: date("2026-03-01T00:00:00Z"), RetiresAt: date("2026-06-01T00:00:00Z")},
			[]string{"model_lifecycle.status is deprecated since 2026-03-01", "model_lifecycle.days_to_retirement 83 < required 90 (retires_at 2026-06-01)"}},
		// A date sent but unreadable is not known: it may say deprecated, retired or soon. An absent one passes above.
		{"not deprecated: deprecated_at unreadable", check{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAtUnreadable: true},
			[]string{"does not report whether it is deprecated (its deprecated_at could not be read)"}},
		{"not deprecated: retires_at unreadable, deprecated_at ahead", check{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: date("2026-05-01T00:00:00Z"), RetiresAtUnreadable: true},
			[]string{"does not report whether it is deprecated (its retires_at could not be read)"}},
		{"not deprecated: both unreadable", check{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAtUnreadable: true, RetiresAtUnreadable: true},
			[]string{"does not report whether it is deprecated (its deprecated_at and retires_at could not be read)"}},
		{"not deprecated: known deprecation beside an unreadable date", check{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: date("2026-03-01T00:00:00Z"), RetiresAtUnreadable: true},
			[]string{"model_lifecycle.status is deprecated since 2026-03-01"}},
		{"min days: retires_at unreadable", check{MinDaysToRetirement: big.NewInt(30), Now: fixedNow},
			megallm.Model{RetiresAtUnreadable: true},
			[]string{"model_lifecycle.days_to_retirement is not reported (its retires_at could not be read; required >= 30)"}},
		// The policy's date is known, the API's is not: it may be earlier.
		{"min days: policy date ahead, API's unreadable", check{MinDaysToRetirement: big.NewInt(30), Now: fixedNow},
			megallm.Model{RetiresAt: date("2027-01-01T00:00:00Z"), RetiresAtUnreadable: true},
			[]string{"model_lifecycle.days_to_retirement is not reported (its retires_at could not be read; required >= 30)"}},
		{"min days: deprecated_at unreadable is not read", check{MinDaysToRetirement: big.NewInt(30), Now: fixedNow},
			megallm.Model{DeprecatedAtUnreadable: true}, nil},
		{"lifecycle after the prices", check{MaxInputCostPerMillion: ptr(1.0), NotDeprecated: true, Now: fixedNow},
			megallm.Model{Pricing: priced(2.5, 10), DeprecatedAt: date("2026-03-01T00:00:00Z")},
			[]string{"input_tokens_cost_per_million 2.5 > allowed 1", "model_lifecycle.status is deprecated since 2026-03-01"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := tc.model
			m.ID = "fixture"
			got := tc.req.Unmet(&m)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Unmet = %q, want %q", got, tc.want)
			}
			if met := tc.req.Met(&m); met != (len(tc.want) == 0) {
				t.Errorf("Met = %v, want %v", met, len(tc.want) == 0)
			}
		})
	}
}

func TestUnmetWords_fixedOrder(t *testing.T) {
	t.Parallel()
	req := check{
		Capabilities:            needs("function_calling", "vision", "streaming", "structured_output"),
		MinContextLength:        big.NewInt(100000),
		MinMaxOutputTokens:      big.NewInt(8192),
		MaxInputCostPerMillion:  ptr(1.0),
		MaxOutputCostPerMillion: ptr(2.0),
	}
	bare := &megallm.Model{ID: "bare"}
	wantBare := []string{
		"does not report whether it supports function calling (capabilities.supports_function_calling is missing)",
		"does not report whether it supports vision (capabilities.supports_vision is missing)",
		"does not report whether it supports streaming (capabilities.supports_streaming is missing)",
		"does not report whether it supports structured output (capabilities.supports_structured_output is missing)",
		"context_length is not reported (required >= 100000)",
		"max_output_tokens is not reported (required >= 8192)",
		"input_tokens_cost_per_million is not reported (allowed <= 1)",
		"output_tokens_cost_per_million is not reported (allowed <= 2)",
	}
	if got := req.Unmet(bare); !slices.Equal(got, wantBare) {
		t.Errorf("Unmet(bare) =\n%q\nwant\n%q", got, wantBare)
	}

	// A mix of present-but-short, absent and met values, in a different
	// field order from the struct: the messages still follow the fixed order.
	mixed := &megallm.Model{
		ID:              "mixed",
		Pricing:         &megallm.Pricing{OutputTokensCostPerMillion: ptr(3.5)},
		MaxOutputTokens: ptr[int64](4096),
		ContextLength:   ptr[int64](200000),
		Capabilities: &megallm.Capabilities{
			SupportsStructuredOutput: ptr(false),
			SupportsStreaming:        ptr(true),
			SupportsFunctionCalling:  ptr(false),
		},
	}
	wantMixed := []string{
		"does not support function calling",
		"does not report whether it supports vision (capabilities.supports_vision is missing)",
		"does not support structured output",
		"max_output_tokens 4096 < required 8192",
		"input_tokens_cost_per_million is not reported (allowed <= 1)",
		"output_tokens_cost_per_million 3.5 > allowed 2",
	}
	if got := req.Unmet(mixed); !slices.Equal(got, wantMixed) {
		t.Errorf("Unmet(mixed) =\n%q\nwant\n%q", got, wantMixed)
	}
	// Same inputs, same answer.
	for range 5 {
		if got := req.Unmet(mixed); !slices.Equal(got, wantMixed) {
			t.Fatalf("Unmet(mixed) changed between calls: %q", got)
		}
	}
}

// TestUnmetWords_reportedLifecycle: the lifecycle rows read a lifecycle as
// a data source reported it, when one is given, over the model's dates.
func TestUnmetWords_reportedLifecycle(t *testing.T) {
	t.Parallel()
	retiredLongAgo := megallm.Model{ID: "m", RetiresAt: date("2001-01-01T00:00:00Z")}
	tests := []struct {
		name     string
		req      check
		reported catalog.Lifecycle
		model    megallm.Model
		want     []string
	}{
		{"retired without dates", check{NotDeprecated: true}, catalog.Lifecycle{Status: catalog.StatusRetired, Successor: ptr("m2")},
			megallm.Model{ID: "m"}, []string{`model_lifecycle.status is retired (successor "m2")`}},
		{"deprecated without dates", check{NotDeprecated: true}, catalog.Lifecycle{Status: catalog.StatusDeprecated},
			megallm.Model{ID: "m"}, []string{"model_lifecycle.status is deprecated"}},
		{"days without a date", check{MinDaysToRetirement: big.NewInt(10)}, catalog.Lifecycle{DaysToRetirement: ptr(int64(3))},
			megallm.Model{ID: "m"}, []string{"model_lifecycle.days_to_retirement 3 < required 10"}},
		{"reported over dates", check{NotDeprecated: true, MinDaysToRetirement: big.NewInt(10)},
			catalog.Lifecycle{Status: catalog.StatusActive, DaysToRetirement: ptr(int64(30))}, retiredLongAgo, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.req.Lifecycle = &tc.reported
			if got := tc.req.Unmet(&tc.model); !slices.Equal(got, tc.want) { // only Unmet takes a reported lifecycle
				t.Errorf("Unmet = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestUnmetWords_boundsInclusiveAtTheBoundary: a price or a cost equal to
// its bound on paper meets it, whatever float64 arithmetic made of it, and
// one a twelfth significant digit above does not.
func TestUnmetWords_boundsInclusiveAtTheBoundary(t *testing.T) {
	t.Parallel()
	onPaper := 0.1
	onPaper += 0.2 // 0.30000000000000004, computed at run time
	model := megallm.Model{ID: "m", Pricing: &megallm.Pricing{
		InputTokensCostPerMillion: ptr(onPaper), OutputTokensCostPerMillion: ptr(0.1),
	}}
	threeMillionIn := &catalog.Workload{InputTokens: 3e6}
	tests := []struct {
		name string
		req  check
		want []string
	}{
		{"input price", check{MaxInputCostPerMillion: ptr(0.3)}, nil},
		{"output price", check{MaxOutputCostPerMillion: ptr(0.1)}, nil},
		{"bound computed too", check{MaxOutputCostPerMillion: ptr(0.3 - 0.2)}, nil},
		{"workload cost", check{Workload: &catalog.Workload{OutputTokens: 3e6}, MaxWorkloadCost: ptr(0.3)}, nil},
		{"workload cost of the sum", check{Workload: threeMillionIn, MaxWorkloadCost: ptr(0.9)}, nil},
		{"input price above", check{MaxInputCostPerMillion: ptr(0.299999999999)},
			[]string{"input_tokens_cost_per_million 0.30000000000000004 > allowed 0.299999999999"}},
		{"workload cost above", check{Workload: &catalog.Workload{OutputTokens: 3e6}, MaxWorkloadCost: ptr(0.299999999999)},
			[]string{"workload_cost 0.3 > allowed 0.299999999999"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := tc.req.Unmet(&model); !slices.Equal(got, tc.want) {
				t.Errorf("Unmet = %q, want %q", got, tc.want)
			}
			if met := tc.req.Met(&model); met != (tc.want == nil) {
				t.Errorf("Met = %v, want %v", met, tc.want == nil)
			}
		})
	}
}
