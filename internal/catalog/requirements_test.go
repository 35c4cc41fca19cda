package catalog

import (
	"math"
	"math/big"
	"slices"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

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
		var req checked
		if got := req.Unmet(&models[i]); len(got) != 0 {
			t.Errorf("zero Requirements: Unmet(%s) = %+v, want none", models[i].ID, got)
		}
		if !req.Met(&models[i]) {
			t.Errorf("zero Requirements: Met(%s) = false", models[i].ID)
		}
	}
}

func TestRequirementsUnmet_doesNotModifyModel(t *testing.T) {
	t.Parallel()
	m := &megallm.Model{ID: "bare"}
	require(Requirements{Capabilities: needs("vision"), MaxInputCostPerMillion: ptr(1.0)}).Unmet(m)
	if m.Capabilities != nil || m.Pricing != nil {
		t.Errorf("Unmet filled in the model's nil fields: %+v", m)
	}
}

// TestRequirements_minimumComparedExactly: above 2^53, where float64(v)
// rounds, a context length one below the minimum does not meet it and one
// equal to it does, and the most an int64 holds does not meet 2^63.
func TestRequirements_minimumComparedExactly(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		length int64
		bound  *big.Int
		met    bool
	}{
		{9007199254740992, big.NewInt(9007199254740993), false}, // float64(9007199254740993) is 9007199254740992
		{9007199254740993, big.NewInt(9007199254740993), true},
		{9007199254740995, big.NewInt(9007199254740996), false},     // float64(9007199254740995) is 9007199254740996
		{math.MaxInt64, new(big.Int).Lsh(big.NewInt(1), 63), false}, // float64(math.MaxInt64) is 2^63
		{math.MaxInt64, big.NewInt(math.MaxInt64), true},
	} {
		m := &megallm.Model{ID: "m", ContextLength: ptr(tc.length)}
		if got := require(Requirements{MinContextLength: tc.bound}).Met(m); got != tc.met {
			t.Errorf("context_length %d, min_context_length %s: met = %v, want %v", tc.length, tc.bound, got, tc.met)
		}
	}
}

// requirementCases cover each requirement alone, at values that split the
// synthetic catalog, and combined.
func requirementCases() []checked {
	cases := []checked{
		{}, require(Requirements{Capabilities: needs("function_calling")}), require(Requirements{Capabilities: needs("vision")}),
		require(Requirements{Capabilities: needs("streaming")}), require(Requirements{Capabilities: needs("structured_output")}),
		require(Requirements{Capabilities: needs("function_calling", "vision", "streaming", "structured_output")}),
	}
	for _, n := range []int64{0, 8192, 128000, 1000000, 5000000} {
		cases = append(cases, require(Requirements{MinContextLength: big.NewInt(n)}), require(Requirements{MinMaxOutputTokens: big.NewInt(n / 16)}))
	}
	for _, f := range []float64{0, 0.1, 2.5, 10, 1000} {
		cases = append(cases, require(Requirements{MaxInputCostPerMillion: ptr(f)}), require(Requirements{MaxOutputCostPerMillion: ptr(f)}))
	}
	cases = append(cases, require(Requirements{
		Capabilities: needs("vision"), MinContextLength: big.NewInt(128000), MinMaxOutputTokens: big.NewInt(16384),
		MaxInputCostPerMillion: ptr(5.0), MaxOutputCostPerMillion: ptr(20.0),
	}))
	for _, f := range []float64{0, 1, 100, 10000} {
		cases = append(cases, checked{Query: Query{Require: Requirements{MaxWorkloadCost: ptr(f)}, Workload: &Workload{InputTokens: 1.2e9, OutputTokens: 3e8}}})
	}
	cases = append(cases,
		require(Requirements{MaxWorkloadCost: ptr(1.0)}), // no workload: nothing meets it
		checked{Query: Query{Currency: "EUR", Require: Requirements{MaxInputCostPerMillion: ptr(1000.0)}}},
		checked{Query: Query{Currency: "USD", Require: Requirements{MaxOutputCostPerMillion: ptr(1000.0), MaxWorkloadCost: ptr(100.0)},
			Workload: &Workload{InputTokens: 1e6}}},
		checked{Query: Query{Require: Requirements{NotDeprecated: true}}, Now: fixedNow},
		checked{Query: Query{Require: Requirements{NotDeprecated: true, MinDaysToRetirement: big.NewInt(30)}}, Now: fixedNow},
	)
	for _, days := range []int64{0, 1, 22, 23, 100} {
		cases = append(cases, checked{Query: Query{Require: Requirements{MinDaysToRetirement: big.NewInt(days)}}, Now: fixedNow})
	}
	return cases
}

// lifecycleFixture has a model at each point of the lifecycle at fixedNow,
// for the requirement cases that split on it.
func lifecycleFixture() []megallm.Model {
	return []megallm.Model{
		{ID: "undated"},
		{ID: "to-be-deprecated", DeprecatedAt: date("2026-04-01T00:00:00Z")},
		{ID: "active", DeprecatedAt: date("2026-04-01T00:00:00Z"), RetiresAt: date("2026-07-01T00:00:00Z")},
		{ID: "retiring-in-22-days", RetiresAt: date("2026-04-01T00:00:00Z")},
		{ID: "deprecated", DeprecatedAt: date("2026-03-01T00:00:00Z"), RetiresAt: date("2026-06-01T00:00:00Z"), Successor: ptr("active")},
		{ID: "deprecated-undated-retirement", DeprecatedAt: date("2026-03-01T00:00:00Z")},
		{ID: "retiring-today", RetiresAt: date("2026-03-10T23:00:00Z")},
		{ID: "retired", RetiresAt: date("2026-03-01T00:00:00Z")},
	}
}

// TestRequirements_metAgreesWithUnmet: Met stops at the first miss and Unmet
// reports them all; both walk the same checks and must agree.
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
