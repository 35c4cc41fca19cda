package catalog

import "testing"

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
