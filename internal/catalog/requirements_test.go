package catalog

import (
	"slices"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

func TestRequirementsUnmet(t *testing.T) {
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
		req   Requirements
		model megallm.Model
		want  []string
	}{
		// Capabilities: false, nil field, nil Capabilities.
		{"function calling false", Requirements{Capabilities: needs("function_calling")}, megallm.Model{Capabilities: noCaps},
			[]string{"does not support function calling"}},
		{"vision false", Requirements{Capabilities: needs("vision")}, megallm.Model{Capabilities: noCaps},
			[]string{"does not support vision"}},
		{"streaming false", Requirements{Capabilities: needs("streaming")}, megallm.Model{Capabilities: noCaps},
			[]string{"does not support streaming"}},
		{"structured output false", Requirements{Capabilities: needs("structured_output")}, megallm.Model{Capabilities: noCaps},
			[]string{"does not support structured output"}},
		{"vision field missing", Requirements{Capabilities: needs("vision")},
			megallm.Model{Capabilities: &megallm.Capabilities{SupportsStreaming: ptr(true)}},
			[]string{"does not report whether it supports vision (capabilities.supports_vision is missing)"}},
		{"capabilities missing: function calling", Requirements{Capabilities: needs("function_calling")}, megallm.Model{},
			[]string{"does not report whether it supports function calling (capabilities.supports_function_calling is missing)"}},
		{"capabilities missing: vision", Requirements{Capabilities: needs("vision")}, megallm.Model{},
			[]string{"does not report whether it supports vision (capabilities.supports_vision is missing)"}},
		{"capabilities missing: streaming", Requirements{Capabilities: needs("streaming")}, megallm.Model{},
			[]string{"does not report whether it supports streaming (capabilities.supports_streaming is missing)"}},
		{"capabilities missing: structured output", Requirements{Capabilities: needs("structured_output")}, megallm.Model{},
			[]string{"does not report whether it supports structured output (capabilities.supports_structured_output is missing)"}},
		{"capabilities true", Requirements{Capabilities: needs("function_calling", "vision", "streaming", "structured_output")},
			megallm.Model{Capabilities: allCaps}, nil},
		{"false requirement ignores false capability", Requirements{}, megallm.Model{Capabilities: noCaps}, nil},
		{"false requirement ignores missing capability", Requirements{Capabilities: needs("streaming")},
			megallm.Model{Capabilities: &megallm.Capabilities{SupportsStreaming: ptr(true)}}, nil},

		// Context length.
		{"context length below", Requirements{MinContextLength: ptr[int64](100000)},
			megallm.Model{ContextLength: ptr[int64](8192)}, []string{"context_length 8192 < required 100000"}},
		{"context length equal", Requirements{MinContextLength: ptr[int64](100000)},
			megallm.Model{ContextLength: ptr[int64](100000)}, nil},
		{"context length above", Requirements{MinContextLength: ptr[int64](100000)},
			megallm.Model{ContextLength: ptr[int64](100001)}, nil},
		{"context length missing", Requirements{MinContextLength: ptr[int64](100000)},
			megallm.Model{}, []string{"context_length is not reported (required >= 100000)"}},
		{"context length zero is reported", Requirements{MinContextLength: ptr[int64](1)},
			megallm.Model{ContextLength: ptr[int64](0)}, []string{"context_length 0 < required 1"}},
		{"context length zero bound", Requirements{MinContextLength: ptr[int64](0)},
			megallm.Model{ContextLength: ptr[int64](0)}, nil},

		// Max output tokens.
		{"max output below", Requirements{MinMaxOutputTokens: ptr[int64](16384)},
			megallm.Model{MaxOutputTokens: ptr[int64](4096)}, []string{"max_output_tokens 4096 < required 16384"}},
		{"max output equal", Requirements{MinMaxOutputTokens: ptr[int64](16384)},
			megallm.Model{MaxOutputTokens: ptr[int64](16384)}, nil},
		{"max output missing", Requirements{MinMaxOutputTokens: ptr[int64](16384)},
			megallm.Model{}, []string{"max_output_tokens is not reported (required >= 16384)"}},

		// Input cost.
		{"input cost above", Requirements{MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{Pricing: priced(2.5, 10)}, []string{"input_tokens_cost_per_million 2.5 > allowed 1"}},
		{"input cost equal", Requirements{MaxInputCostPerMillion: ptr(2.5)},
			megallm.Model{Pricing: priced(2.5, 10)}, nil},
		{"input cost below", Requirements{MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{Pricing: priced(0.15, 0.6)}, nil},
		{"input cost fractions", Requirements{MaxInputCostPerMillion: ptr(0.1)},
			megallm.Model{Pricing: priced(0.15, 0.6)}, []string{"input_tokens_cost_per_million 0.15 > allowed 0.1"}},
		{"input cost free model under zero bound", Requirements{MaxInputCostPerMillion: ptr(0.0)},
			megallm.Model{Pricing: priced(0, 0)}, nil},
		{"input cost missing: no pricing", Requirements{MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{}, []string{"input_tokens_cost_per_million is not reported (allowed <= 1)"}},
		{"input cost missing: pricing without it", Requirements{MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{Pricing: &megallm.Pricing{OutputTokensCostPerMillion: ptr(0.5)}},
			[]string{"input_tokens_cost_per_million is not reported (allowed <= 1)"}},

		// Output cost.
		{"output cost above", Requirements{MaxOutputCostPerMillion: ptr(5.0)},
			megallm.Model{Pricing: priced(2.5, 10)}, []string{"output_tokens_cost_per_million 10 > allowed 5"}},
		{"output cost equal", Requirements{MaxOutputCostPerMillion: ptr(10.0)},
			megallm.Model{Pricing: priced(2.5, 10)}, nil},
		{"output cost missing: no pricing", Requirements{MaxOutputCostPerMillion: ptr(0.5)},
			megallm.Model{}, []string{"output_tokens_cost_per_million is not reported (allowed <= 0.5)"}},
		{"output cost missing: pricing without it", Requirements{MaxOutputCostPerMillion: ptr(0.5)},
			megallm.Model{Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.1)}},
			[]string{"output_tokens_cost_per_million is not reported (allowed <= 0.5)"}},

		// Currency: the bounds apply in Currency, USD by default; a model
		// without pricing.currency is taken as priced in USD.
		{"priced in another currency", Requirements{MaxInputCostPerMillion: ptr(100.0), MaxOutputCostPerMillion: ptr(100.0)},
			megallm.Model{Pricing: pricedIn("EUR", 1, 2)}, []string{"priced in EUR, the requirement is in USD"}},
		{"priced in the chosen currency", Requirements{Currency: "EUR", MaxInputCostPerMillion: ptr(1.0)},
			megallm.Model{Pricing: pricedIn("EUR", 1, 2)}, nil},
		{"USD model against a EUR bound", Requirements{Currency: "EUR", MaxOutputCostPerMillion: ptr(100.0)},
			megallm.Model{Pricing: pricedIn("USD", 1, 2)}, []string{"priced in USD, the requirement is in EUR"}},
		{"no currency is USD", Requirements{Currency: "EUR", MaxInputCostPerMillion: ptr(100.0)},
			megallm.Model{Pricing: priced(1, 2)}, []string{"priced in USD, the requirement is in EUR"}},
		{"currency without a price bound", Requirements{Currency: "EUR", MinContextLength: ptr[int64](1)},
			megallm.Model{ContextLength: ptr[int64](5), Pricing: pricedIn("USD", 1, 2)}, nil},

		// Workload cost: 2M input × 2.5 + 0.5M output × 10 = 10.
		{"workload cost equal", Requirements{MaxWorkloadCost: ptr(10.0), Workload: &Workload{2e6, 5e5}},
			megallm.Model{Pricing: priced(2.5, 10)}, nil},
		{"workload cost above", Requirements{MaxWorkloadCost: ptr(9.5), Workload: &Workload{2e6, 5e5}},
			megallm.Model{Pricing: priced(2.5, 10)}, []string{"workload_cost 10 > allowed 9.5"}},
		{"workload cost: no pricing", Requirements{MaxWorkloadCost: ptr(9.5), Workload: &Workload{2e6, 5e5}},
			megallm.Model{}, []string{"workload_cost cannot be computed: the model has no pricing (allowed <= 9.5)"}},
		{"workload cost: a needed price missing", Requirements{MaxWorkloadCost: ptr(9.5), Workload: &Workload{2e6, 5e5}},
			megallm.Model{Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.1)}},
			[]string{"workload_cost cannot be computed: the model has no pricing.output_tokens_cost_per_million (allowed <= 9.5)"}},
		{"workload cost: an unneeded price missing", Requirements{MaxWorkloadCost: ptr(9.5), Workload: &Workload{2e6, 0}},
			megallm.Model{Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.1)}}, nil},
		{"workload cost without a workload", Requirements{MaxWorkloadCost: ptr(9.5)},
			megallm.Model{Pricing: priced(2.5, 10)}, []string{"workload_cost cannot be computed: no workload is set (allowed <= 9.5)"}},
		{"workload cost in another currency", Requirements{MaxWorkloadCost: ptr(100.0), Workload: &Workload{1, 1}},
			megallm.Model{Pricing: pricedIn("EUR", 1, 2)}, []string{"priced in EUR, the requirement is in USD"}},

		// Lifecycle, at fixedNow (2026-03-10T15:00:00Z); a model with no
		// known date meets both rows.
		{"not deprecated: no dates", Requirements{NotDeprecated: true, Now: fixedNow}, megallm.Model{}, nil},
		{"not deprecated: deprecation to come", Requirements{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: ptr("2026-03-11T00:00:00Z"), RetiresAt: ptr("2026-06-01T00:00:00Z")}, nil},
		{"not deprecated: unreadable date", Requirements{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: ptr("last week")}, nil},
		{"not deprecated: deprecated", Requirements{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: ptr("2026-03-01T00:00:00Z"), RetiresAt: ptr("2026-06-01T00:00:00Z"), Successor: ptr("fixture-2")},
			[]string{`model_lifecycle.status is deprecated since 2026-03-01 (successor "fixture-2")`}},
		{"not deprecated: deprecated at a time of day, no successor", Requirements{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: ptr("2026-03-10T09:30:00+01:00")},
			[]string{"model_lifecycle.status is deprecated since 2026-03-10T09:30:00+01:00"}},
		{"not deprecated: retired", Requirements{NotDeprecated: true, Now: fixedNow},
			megallm.Model{DeprecatedAt: ptr("2026-01-01T00:00:00Z"), RetiresAt: ptr("2026-03-10T12:00:00Z"), Successor: ptr("fixture-2")},
			[]string{`model_lifecycle.status is retired since 2026-03-10T12:00:00Z (successor "fixture-2")`}},
		{"not deprecated: Now decides", Requirements{NotDeprecated: true, Now: fixedNow.AddDate(0, -1, 0)},
			megallm.Model{DeprecatedAt: ptr("2026-03-01T00:00:00Z")}, nil},
		{"min days: no dates", Requirements{MinDaysToRetirement: ptr[int64](30), Now: fixedNow}, megallm.Model{}, nil},
		{"min days: deprecated without a retirement", Requirements{MinDaysToRetirement: ptr[int64](30), Now: fixedNow},
			megallm.Model{DeprecatedAt: ptr("2026-03-01T00:00:00Z")}, nil},
		{"min days: equal", Requirements{MinDaysToRetirement: ptr[int64](22), Now: fixedNow},
			megallm.Model{RetiresAt: ptr("2026-04-01T00:00:00Z")}, nil},
		{"min days: one short", Requirements{MinDaysToRetirement: ptr[int64](23), Now: fixedNow},
			megallm.Model{RetiresAt: ptr("2026-04-01T00:00:00Z")},
			[]string{"model_lifecycle.days_to_retirement 22 < required 23 (retires_at 2026-04-01)"}},
		{"min days: retires at a time of day", Requirements{MinDaysToRetirement: ptr[int64](1), Now: fixedNow},
			megallm.Model{RetiresAt: ptr("2026-03-10T18:30:00+01:00")},
			[]string{"model_lifecycle.days_to_retirement 0 < required 1 (retires_at 2026-03-10T18:30:00+01:00)"}},
		{"min days: retired", Requirements{MinDaysToRetirement: ptr[int64](1), Now: fixedNow},
			megallm.Model{RetiresAt: ptr("2026-03-01T00:00:00Z")},
			[]string{"model_lifecycle.days_to_retirement 0 < required 1 (retires_at 2026-03-01)"}},
		{"min days: zero bound meets a retired model", Requirements{MinDaysToRetirement: ptr[int64](0), Now: fixedNow},
			megallm.Model{RetiresAt: ptr("2026-03-01T00:00:00Z")}, nil},
		{"lifecycle: both rows, in order", Requirements{NotDeprecated: true, MinDaysToRetirement: ptr[int64](90), Now: fixedNow},
			megallm.Model{DeprecatedAt: ptr("2026-03-01T00:00:00Z"), RetiresAt: ptr("2026-06-01T00:00:00Z")},
			[]string{"model_lifecycle.status is deprecated since 2026-03-01", "model_lifecycle.days_to_retirement 83 < required 90 (retires_at 2026-06-01)"}},
		{"lifecycle after the prices", Requirements{MaxInputCostPerMillion: ptr(1.0), NotDeprecated: true, Now: fixedNow},
			megallm.Model{Pricing: priced(2.5, 10), DeprecatedAt: ptr("2026-03-01T00:00:00Z")},
			[]string{"input_tokens_cost_per_million 2.5 > allowed 1", "model_lifecycle.status is deprecated since 2026-03-01"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := tc.model
			m.ID = "fixture"
			got := tc.req.Unmet(&m)
			if !equalStrings(got, tc.want) {
				t.Errorf("Unmet = %q, want %q", got, tc.want)
			}
			if met := tc.req.Met(&m); met != (len(tc.want) == 0) {
				t.Errorf("Met = %v, want %v", met, len(tc.want) == 0)
			}
		})
	}
}

func TestRequirementsUnmet_fixedOrder(t *testing.T) {
	t.Parallel()
	req := Requirements{
		Capabilities:            needs("function_calling", "vision", "streaming", "structured_output"),
		MinContextLength:        ptr[int64](100000),
		MinMaxOutputTokens:      ptr[int64](8192),
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
	if got := req.Unmet(bare); !equalStrings(got, wantBare) {
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
	if got := req.Unmet(mixed); !equalStrings(got, wantMixed) {
		t.Errorf("Unmet(mixed) =\n%q\nwant\n%q", got, wantMixed)
	}
	// Same inputs, same answer.
	for range 5 {
		if got := req.Unmet(mixed); !equalStrings(got, wantMixed) {
			t.Fatalf("Unmet(mixed) changed between calls: %q", got)
		}
	}
}

func TestRequirements_zeroValueMetByAnyModel(t *testing.T) {
	t.Parallel()
	models := []megallm.Model{
		{ID: "bare"},
		{ID: "empty-parts", Capabilities: &megallm.Capabilities{}, Pricing: &megallm.Pricing{}},
		{ID: "all-false", Capabilities: &megallm.Capabilities{
			SupportsFunctionCalling: ptr(false), SupportsVision: ptr(false),
			SupportsStreaming: ptr(false), SupportsStructuredOutput: ptr(false),
		}, ContextLength: ptr[int64](0), MaxOutputTokens: ptr[int64](0)},
		{ID: "expensive", Pricing: &megallm.Pricing{
			InputTokensCostPerMillion: ptr(1e6), OutputTokensCostPerMillion: ptr(1e6),
		}},
	}
	for i := range models {
		var req Requirements
		if got := req.Unmet(&models[i]); len(got) != 0 {
			t.Errorf("zero Requirements: Unmet(%s) = %q, want none", models[i].ID, got)
		}
		if !req.Met(&models[i]) {
			t.Errorf("zero Requirements: Met(%s) = false", models[i].ID)
		}
	}
}

func TestRequirementsUnmet_doesNotModifyModel(t *testing.T) {
	t.Parallel()
	m := &megallm.Model{ID: "bare"}
	Requirements{Capabilities: needs("vision"), MaxInputCostPerMillion: ptr(1.0)}.Unmet(m)
	if m.Capabilities != nil || m.Pricing != nil {
		t.Errorf("Unmet filled in the model's nil fields: %+v", m)
	}
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
		Requirements{NotDeprecated: true, Now: fixedNow},
		Requirements{NotDeprecated: true, MinDaysToRetirement: ptr[int64](30), Now: fixedNow},
	)
	for _, days := range []int64{0, 1, 22, 23, 100} {
		cases = append(cases, Requirements{MinDaysToRetirement: ptr(days), Now: fixedNow})
	}
	return cases
}

// lifecycleFixture has a model at each point of the lifecycle at fixedNow,
// for the requirement cases that split on it.
func lifecycleFixture() []megallm.Model {
	return []megallm.Model{
		{ID: "undated"},
		{ID: "unreadable", DeprecatedAt: ptr("soon"), RetiresAt: ptr("later")},
		{ID: "to-be-deprecated", DeprecatedAt: ptr("2026-04-01T00:00:00Z")},
		{ID: "active", DeprecatedAt: ptr("2026-04-01T00:00:00Z"), RetiresAt: ptr("2026-07-01T00:00:00Z")},
		{ID: "retiring-in-22-days", RetiresAt: ptr("2026-04-01T00:00:00Z")},
		{ID: "deprecated", DeprecatedAt: ptr("2026-03-01T00:00:00Z"), RetiresAt: ptr("2026-06-01T00:00:00Z"), Successor: ptr("active")},
		{ID: "deprecated-undated-retirement", DeprecatedAt: ptr("2026-03-01T00:00:00Z")},
		{ID: "retiring-today", RetiresAt: ptr("2026-03-10T23:00:00Z")},
		{ID: "retired", RetiresAt: ptr("2026-03-01T00:00:00Z")},
	}
}

// TestRequirements_metAgreesWithUnmet: Met stops at the first miss and Unmet
// words them all; both walk the same checks and must agree.
func TestRequirements_metAgreesWithUnmet(t *testing.T) {
	t.Parallel()
	models := slices.Concat(syntheticModels(t, 3000), queryFixture(), lifecycleFixture())
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

// TestRequirements_reportedLifecycle: the lifecycle rows read a lifecycle as
// a data source reported it, when one is given, over the model's dates.
func TestRequirements_reportedLifecycle(t *testing.T) {
	t.Parallel()
	retiredLongAgo := megallm.Model{ID: "m", RetiresAt: ptr("2001-01-01T00:00:00Z")}
	tests := []struct {
		name     string
		req      Requirements
		reported Lifecycle
		model    megallm.Model
		want     []string
	}{
		{"retired without dates", Requirements{NotDeprecated: true}, Lifecycle{Status: StatusRetired, Successor: ptr("m2")},
			megallm.Model{ID: "m"}, []string{`model_lifecycle.status is retired (successor "m2")`}},
		{"deprecated without dates", Requirements{NotDeprecated: true}, Lifecycle{Status: StatusDeprecated},
			megallm.Model{ID: "m"}, []string{"model_lifecycle.status is deprecated"}},
		{"days without a date", Requirements{MinDaysToRetirement: ptr(int64(10))}, Lifecycle{DaysToRetirement: ptr(int64(3))},
			megallm.Model{ID: "m"}, []string{"model_lifecycle.days_to_retirement 3 < required 10"}},
		{"reported over dates", Requirements{NotDeprecated: true, MinDaysToRetirement: ptr(int64(10))},
			Lifecycle{Status: StatusActive, DaysToRetirement: ptr(int64(30))}, retiredLongAgo, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.req.Lifecycle = &tc.reported
			if got := tc.req.Unmet(&tc.model); !slices.Equal(got, tc.want) {
				t.Errorf("Unmet = %q, want %q", got, tc.want)
			}
			if met := tc.req.Met(&tc.model); met != (tc.want == nil) {
				t.Errorf("Met = %v, want %v", met, tc.want == nil)
			}
		})
	}
}
