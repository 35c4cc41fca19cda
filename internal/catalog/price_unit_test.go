package catalog

import (
	"testing"
)

// PriceUnitAfter reads the unit a price is written with, in the forms people
// write it, and leaves text that ends in none (or in a word that only looks
// like one) whole.
func TestPriceUnitAfter(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text, before, written string
		tokens                int64
	}{
		{"5 per 1K tokens", "5", "per 1K tokens", 1_000},
		{"$3/M", "$3", "/M", 1_000_000},
		{"3 $/MTok", "3 $", "/MTok", 1_000_000},
		{"2.5 per 1 million tokens", "2.5", "per 1 million tokens", 1_000_000},
		{"0.005/1,000 tokens", "0.005", "/1,000 tokens", 1_000},
		{"0.000002 per token", "0.000002", "per token", 1},
		{"5 per thousand", "5", "per thousand", 1_000},
		{"5", "5", "", 0},
		{"5 per 2K tokens", "5 per 2K tokens", "", 0},
		{"5 paper", "5 paper", "", 0},
	} {
		before, written, unit, ok := PriceUnitAfter(tc.text)
		if before != tc.before || written != tc.written || unit.Tokens != tc.tokens || ok != (tc.tokens != 0) {
			t.Errorf("PriceUnitAfter(%q) = %q, %q, %d, %v; want %q, %q, %d", tc.text, before, written, unit.Tokens, ok,
				tc.before, tc.written, tc.tokens)
		}
	}
}
