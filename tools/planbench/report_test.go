package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseNs(t *testing.T) {
	for text, want := range map[string][]int{
		"1":            {1},
		"500":          {500},
		"1,500":        {1, 500},
		"500, 1,10,1":  {1, 10, 500},
		"1,10,100,500": {1, 10, 100, 500},
	} {
		got, err := parseNs(text)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("parseNs(%q) = %v, %v; want %v", text, got, err, want)
		}
	}
	for _, text := range []string{"", "0", "1,", "x", "1,-5"} {
		if got, err := parseNs(text); err == nil {
			t.Errorf("parseNs(%q) = %v, want an error", text, got)
		}
	}
}

// plans are one timed plan per value, all of one configuration.
func plans(kind string, n int, seconds ...float64) []sample {
	var out []sample
	for i, s := range seconds {
		out = append(out, sample{run: i + 1, kind: kind, n: n, seconds: s})
	}
	return out
}

// oneBlockPlans are the plans of N=1 and of the plugin's start, with medians
// floor 40 ms, ours 260 ms and plugin start 160 ms, and cold requests with
// a median of 96 ms.
func oneBlockPlans() []sample {
	return slices.Concat(plans(kindFloor, 1, 0.040, 0.039, 0.050), plans(kindOurs, 1, 0.260, 0.250, 0.300),
		plans(kindPlugin, 1, 0.160, 0.150, 0.170), plans(kindRequest, 1, 0.096, 0.090, 0.110))
}

func benchReport(ns []int, samples []sample) string {
	return report(options{ns: ns, runs: 3, latency: 50 * time.Millisecond}, samples, nil, "", 70)
}

func wantLines(t *testing.T, got string, lines ...string) {
	t.Helper()
	for _, line := range lines {
		if !strings.Contains(got, line) {
			t.Errorf("the report lacks %q:\n%s", line, got)
		}
	}
	if strings.Contains(got, "NaN") || strings.Contains(got, "Inf") {
		t.Errorf("the report has a figure it cannot compute:\n%s", got)
	}
}

// TestReport_fixedCost: the budget is the plugin's start and the median of
// the cold requests; the verdict counts the runs whose plan at N=1 took at
// most that run's plugin start and request.
func TestReport_fixedCost(t *testing.T) {
	got := benchReport([]int{1}, oneBlockPlans())
	wantLines(t, got,
		"Fixed cost at N=1: ours − floor = 220 ms; plugin start (plugin-start row − floor at N=1) = 120 ms;",
		"one request (median of 3 ListModels calls of the catalog against the same mock, each the first of a new process,",
		") = 96 ms; plugin start + one request = 216 ms. Run by run, ours at N=1 took at most that run's plugin start + "+
			"request in 0 of 3 runs.",
		"| fixed cost at N=1 ≤ plugin start + one request | 220 ms vs 216 ms (medians); within it in 0 of 3 runs | **missed** |")
	for _, c := range []struct {
		requests []float64
		want     string
	}{
		// Per run, ours − plugin start is 100, 100 and 130 ms.
		{[]float64{0.110, 0.110, 0.140}, "| 220 ms vs 230 ms (medians); within it in 3 of 3 runs | met |"},
		{[]float64{0.095, 0.105, 0.140}, "| 220 ms vs 225 ms (medians); within it in 2 of 3 runs | at the limit |"},
		{[]float64{0.105, 0.095, 0.095}, "| 220 ms vs 215 ms (medians); within it in 1 of 3 runs | at the limit |"},
	} {
		samples := slices.Concat(oneBlockPlans()[:9], plans(kindRequest, 1, c.requests...))
		if got := benchReport([]int{1}, samples); !strings.Contains(got, c.want) {
			t.Errorf("requests of %v s: the report lacks %q:\n%s", c.requests, c.want, got)
		}
	}
}

func TestReport_marginalCostNeedsTwoNs(t *testing.T) {
	got := benchReport([]int{1}, oneBlockPlans())
	wantLines(t, got,
		"Marginal cost: not measured, it needs two values of -n (the smallest and the largest give it).",
		"| marginal cost per megallm_model ≤ 3 × per terraform_data | needs two values of -n (the smallest and the largest give it) | not measured |")

	samples := slices.Concat(oneBlockPlans(), plans(kindFloor, 500, 0.539, 0.530, 0.600), plans(kindOurs, 500, 1.258, 1.200, 1.300))
	got = benchReport([]int{1, 500}, samples)
	wantLines(t, got,
		"| marginal cost per item, (t(500) − t(1)) / 499 | 2.00 ms | 1.00 ms | 2.00 |",
		"| marginal cost per megallm_model ≤ 3 × per terraform_data | 2.00 × (2.00 ms vs 1.00 ms) | met |",
		"| fixed cost at N=1 ≤ plugin start + one request | 220 ms vs 216 ms (medians); within it in 0 of 3 runs | **missed** |")
}

// TestReport_fixedCostNeedsOne: without N=1 there is no floor to take the
// plugin's start from, so no fixed cost either.
func TestReport_fixedCostNeedsOne(t *testing.T) {
	samples := slices.Concat(plans(kindPlugin, 1, 0.160), plans(kindFloor, 10, 0.045), plans(kindOurs, 10, 0.280),
		plans(kindFloor, 500, 0.544), plans(kindOurs, 500, 1.278))
	got := benchReport([]int{10, 500}, samples)
	wantLines(t, got,
		"Fixed cost: not measured, it needs 1 among the values of -n.",
		"| fixed cost at N=1 ≤ plugin start + one request | needs 1 among the values of -n | not measured |")
	if strings.Contains(got, "Fixed cost at N=") {
		t.Errorf("the report has a fixed cost without N=1:\n%s", got)
	}
}
