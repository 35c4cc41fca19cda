package catalog

import (
	"math"
	"testing"
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

// FuzzAmount holds the rules of amounts for any float64: rounding is stable
// and never turns a finite amount infinite, an amount meets a bound equal to
// it, and rounding never makes a larger amount meet a smaller bound.
func FuzzAmount(f *testing.F) {
	f.Add(0.1, 0.2)
	f.Add(3e6/1e6*0.1, 0.3)
	f.Add(1.7976931348623157e308, 5e-324)
	f.Fuzz(func(t *testing.T, a, b float64) {
		if math.IsNaN(a) || math.IsNaN(b) || a < 0 || b < 0 {
			t.Skip("prices, costs and their bounds are numbers ≥ 0: the decoder drops a negative price and the arguments refuse NaN and negatives, so none is ever rounded")
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
