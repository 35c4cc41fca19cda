package catalog

import (
	"math"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

func TestRoundAmount(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want float64 }{
		{3e6 / 1e6 * 0.1, 0.3}, // 0.30000000000000004
		{0.1 + 0.2, 0.3},
		{1e9/1e6*0.15 + 3e8/1e6*0.6, 330},
		{123456789.123456789, 123456789.123},
		{0.000123456789012345, 0.000123456789012},
		{0, 0},
		{1.7976931348623157e308, 1.79769313486e308},
	}
	for _, tc := range tests {
		if got := roundAmount(tc.in); got != tc.want {
			t.Errorf("roundAmount(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestRequirements_boundsInclusiveAtTheBoundary: a price or a cost equal to
// its bound on paper meets it, whatever float64 arithmetic made of it, and
// one a twelfth significant digit above does not.
func TestRequirements_boundsInclusiveAtTheBoundary(t *testing.T) {
	t.Parallel()
	onPaper := 0.1
	onPaper += 0.2 // 0.30000000000000004, computed at run time
	model := megallm.Model{ID: "m", Pricing: &megallm.Pricing{
		InputTokensCostPerMillion: ptr(onPaper), OutputTokensCostPerMillion: ptr(0.1),
	}}
	threeMillionIn := &Workload{InputTokens: 3e6}
	tests := []struct {
		name string
		req  Requirements
		want []string
	}{
		{"input price", Requirements{MaxInputCostPerMillion: ptr(0.3)}, nil},
		{"output price", Requirements{MaxOutputCostPerMillion: ptr(0.1)}, nil},
		{"bound computed too", Requirements{MaxOutputCostPerMillion: ptr(0.3 - 0.2)}, nil},
		{"workload cost", Requirements{Workload: &Workload{OutputTokens: 3e6}, MaxWorkloadCost: ptr(0.3)}, nil},
		{"workload cost of the sum", Requirements{Workload: threeMillionIn, MaxWorkloadCost: ptr(0.9)}, nil},
		{"input price above", Requirements{MaxInputCostPerMillion: ptr(0.299999999999)},
			[]string{"input_tokens_cost_per_million 0.30000000000000004 > allowed 0.299999999999"}},
		{"workload cost above", Requirements{Workload: &Workload{OutputTokens: 3e6}, MaxWorkloadCost: ptr(0.299999999999)},
			[]string{"workload_cost 0.3 > allowed 0.299999999999"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := tc.req.Unmet(&model); !equalStrings(got, tc.want) {
				t.Errorf("Unmet = %q, want %q", got, tc.want)
			}
			if met := tc.req.Met(&model); met != (tc.want == nil) {
				t.Errorf("Met = %v, want %v", met, tc.want == nil)
			}
		})
	}
}

// FuzzAmount holds the rules of amounts for any float64: rounding is stable
// and never turns a finite amount infinite, an amount meets a bound equal to
// it, and rounding never makes a larger amount meet a smaller bound.
func FuzzAmount(f *testing.F) {
	f.Add(0.1, 0.2)
	f.Add(3e6/1e6*0.1, 0.3)
	f.Add(1.7976931348623157e308, 5e-324)
	f.Fuzz(func(t *testing.T, a, b float64) {
		if math.IsNaN(a) || math.IsNaN(b) || a < 0 || b < 0 {
			t.Skip()
		}
		r := roundAmount(a)
		if roundAmount(r) != r || (!math.IsInf(a, 0) && math.IsInf(r, 0)) {
			t.Errorf("roundAmount(%v) = %v, which rounds to %v", a, r, roundAmount(r))
		}
		if !atMost(a, a) {
			t.Errorf("atMost(%v, itself) = false", a)
		}
		if atMost(a, b) && roundAmount(a) > roundAmount(b) {
			t.Errorf("atMost(%v, %v) although %v > %v", a, b, roundAmount(a), roundAmount(b))
		}
	})
}
