package main

import (
	"fmt"
	"slices"
	"strings"
)

// stats are the wall times and request counts of one configuration's plans.
type stats struct {
	times    []float64
	requests []int
}

func (s stats) median() float64 { return median(s.times) }

// spread is "median (min–max)" in seconds.
func (s stats) spread() string {
	if len(s.times) == 0 {
		return "—"
	}
	return fmt.Sprintf("%.3f (%.3f–%.3f)", s.median(), slices.Min(s.times), slices.Max(s.times))
}

// requestRange is the requests per plan: one number when all plans agree.
func (s stats) requestRange() string {
	if len(s.requests) == 0 {
		return "—"
	}
	lo, hi := slices.Min(s.requests), slices.Max(s.requests)
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// perRunMedian is the median over runs of ours/base, run by run: a run
// plans both moments apart, so a slow moment of the machine mostly cancels
// out, where the ratio of the medians keeps it.
func perRunMedian(ours, base []float64) float64 {
	ratios := make([]float64, min(len(ours), len(base)))
	for i := range ratios {
		ratios[i] = ours[i] / base[i]
	}
	return median(ratios)
}

// differences are b[i] − a[i], run by run.
func differences(a, b []float64) []float64 {
	d := make([]float64, min(len(a), len(b)))
	for i := range d {
		d[i] = b[i] - a[i]
	}
	return d
}

// What a figure needs of -n when the values given do not provide it.
const (
	needsTwoNs  = "needs two values of -n (the smallest and the largest give it)"
	needsOne    = "needs 1 among the values of -n"
	notMeasured = "not measured"
)

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**missed**"
}

// runsVerdict judges a target that each of n runs met or missed on its own
// (met of them met it): met when three runs in four or more met it, missed
// when one in four or fewer did, and otherwise at the limit, where the
// medians alone would fall either side from one session to the next.
func runsVerdict(met, n int) string {
	switch {
	case 4*met >= 3*n:
		return verdict(true)
	case 4*met <= n:
		return verdict(false)
	}
	return "at the limit"
}

// report is the tables of BENCHMARKS.md, in Markdown.
func report(o options, samples []sample, rss map[string]rssResult, rssHow string, catalogSize int) string {
	w := &strings.Builder{}
	by := map[string]stats{}
	for _, s := range samples {
		st := by[key(s.kind, s.n)]
		st.times = append(st.times, s.seconds)
		st.requests = append(st.requests, s.requests)
		by[key(s.kind, s.n)] = st
	}
	rssText := func(kind string, n int) string {
		r, ok := rss[key(kind, n)]
		if !ok {
			return "—"
		}
		return fmt.Sprintf("%.1f (%d processes)", r.mb, r.processes)
	}

	fmt.Fprintf(w, "\n### terraform plan: N megallm_model data sources vs N terraform_data resources\n\n")
	fmt.Fprintf(w, "Catalog of %d models, mock latency %s per request; wall time in seconds, median (min–max) of %d plans "+
		"after one discarded warm-up, all configurations interleaved.\n\n", catalogSize, o.latency, o.runs)
	if o.deprecated {
		fmt.Fprint(w, "Every megallm_model reads the catalog's first model, which the policy deprecates without a successor.\n\n")
	}
	fmt.Fprintln(w, "| N | floor: N terraform_data | ours: N megallm_model | ours/floor | requests per plan (ours) | requests per plan (floor) | provider peak RSS (MB) |")
	fmt.Fprintln(w, "|--:|--:|--:|--:|--:|--:|--:|")
	allOne := true
	peakRSS := 0.0
	for _, n := range o.ns {
		floor, ours := by[key(kindFloor, n)], by[key(kindOurs, n)]
		fmt.Fprintf(w, "| %d | %s | %s | %.2f | %s | %s | %s |\n", n, floor.spread(), ours.spread(),
			ours.median()/floor.median(), ours.requestRange(), floor.requestRange(), rssText(kindOurs, n))
		for _, r := range ours.requests {
			allOne = allOne && r == 1
		}
		peakRSS = max(peakRSS, rss[key(kindOurs, n)].mb)
	}
	plugin := by[key(kindPlugin, 1)]
	fmt.Fprintf(w, "| plugin start: 1 terraform_data + 1 megallm_model read deferred to apply (no request) | | %s | | %s | | %s |\n",
		plugin.spread(), plugin.requestRange(), rssText(kindPlugin, 1))
	if list, ok := by[key(kindList, 1)]; ok {
		fmt.Fprintf(w, "| 1 megallm_models listing all %d models | | %s | | %s | | %s |\n",
			catalogSize, list.spread(), list.requestRange(), rssText(kindList, 1))
		if base, ok := by[key(kindListBaseline, 1)]; ok {
			fmt.Fprintf(w, "| the same, with the -baseline provider | | %s | | %s | | |\n", base.spread(), base.requestRange())
			fmt.Fprintf(w, "\nListing all %d models: this build / baseline = %.2f (medians), %.2f (median of the "+
				"per-run ratios).\n", catalogSize, list.median()/base.median(), perRunMedian(list.times, base.times))
		}
	}
	if len(rss) > 0 {
		fmt.Fprintf(w, "\nPeak RSS: %s, the largest of the provider processes Terraform starts for one plan "+
			"(one extra plan per row, with the provider wrapped; not timed).\n", rssHow)
	}

	// The marginal cost needs two values of N, the fixed cost N=1 (o.ns is
	// increasing, without repeats).
	first, last := o.ns[0], o.ns[len(o.ns)-1]
	hasMarginal, hasFixed := first != last, first == 1
	marginal := func(kind string) float64 {
		return (by[key(kind, last)].median() - by[key(kind, first)].median()) / float64(last-first) * 1000
	}
	var oursMarginal, floorMarginal float64
	if hasMarginal {
		oursMarginal, floorMarginal = marginal(kindOurs), marginal(kindFloor)
	}
	fixed := (by[key(kindOurs, 1)].median() - by[key(kindFloor, 1)].median()) * 1000
	start := (plugin.median() - by[key(kindFloor, 1)].median()) * 1000
	oneRequest := by[key(kindRequest, 1)].median() * 1000
	budget := start + oneRequest
	// Run by run, ours at N=1 against that run's plugin start and request:
	// the floor cancels out, and so does a slow moment of the machine.
	over := differences(by[key(kindRequest, 1)].times, differences(by[key(kindPlugin, 1)].times, by[key(kindOurs, 1)].times))
	fixedRuns := len(slices.DeleteFunc(slices.Clone(over), func(d float64) bool { return d > 0 }))

	fmt.Fprintf(w, "\n### Marginal and fixed cost\n\n")
	if hasMarginal {
		fmt.Fprintln(w, "| | ours (megallm_model) | floor (terraform_data) | ours/floor |")
		fmt.Fprintln(w, "|---|--:|--:|--:|")
		fmt.Fprintf(w, "| marginal cost per item, (t(%d) − t(%d)) / %d | %.2f ms | %.2f ms | %.2f |\n",
			last, first, last-first, oursMarginal, floorMarginal, oursMarginal/floorMarginal)
	} else {
		fmt.Fprintf(w, "Marginal cost: %s, it %s.\n", notMeasured, needsTwoNs)
	}
	if hasFixed {
		fmt.Fprintf(w, "\nFixed cost at N=1: ours − floor = %.0f ms; plugin start (plugin-start row − floor at N=1) = %.0f ms; "+
			"one request (median of %d ListModels calls of the catalog against the same mock, each the first of a new "+
			"process, on a new connection, as a plan makes its one request) = %.0f ms; plugin start + one request = %.0f ms. "+
			"Run by run, ours at N=1 took at most that run's plugin start + request in %d of %d runs.\n",
			fixed, start, len(by[key(kindRequest, 1)].times), oneRequest, budget, fixedRuns, len(over))
	} else {
		fmt.Fprintf(w, "\nFixed cost: %s, it %s.\n", notMeasured, needsOne)
	}

	if _, ok := by[key(kindBaseline, first)]; ok {
		fmt.Fprintf(w, "\n### This build vs -baseline %s\n\n", o.baseline)
		fmt.Fprintln(w, "N megallm_model data sources, both providers' plans interleaved in the same runs.")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| N | baseline | this build | this/baseline |")
		fmt.Fprintln(w, "|--:|--:|--:|--:|")
		for _, n := range o.ns {
			baseline, ours := by[key(kindBaseline, n)], by[key(kindOurs, n)]
			fmt.Fprintf(w, "| %d | %s | %s | %.2f |\n", n, baseline.spread(), ours.spread(), ours.median()/baseline.median())
		}
		if hasMarginal {
			baselineMarginal := marginal(kindBaseline)
			fmt.Fprintf(w, "| marginal cost per megallm_model | %.2f ms | %.2f ms | %.2f |\n",
				baselineMarginal, oursMarginal, oursMarginal/baselineMarginal)
			perRun := func(kind string) []float64 {
				return differences(by[key(kind, first)].times, by[key(kind, last)].times)
			}
			fmt.Fprintf(w, "| the same, median of the per-run ratios | | | %.2f |\n",
				perRunMedian(perRun(kindOurs), perRun(kindBaseline)))
		}
	}

	fmt.Fprintf(w, "\n### Targets (end to end)\n\n")
	fmt.Fprintln(w, "| target | measured | |")
	fmt.Fprintln(w, "|---|---|---|")
	fmt.Fprintf(w, "| exactly 1 request per plan, every N | %s | %s |\n", requestsSummary(by, o.ns), verdict(allOne))
	marginalMeasured, marginalVerdict := needsTwoNs, notMeasured
	if hasMarginal {
		marginalMeasured = fmt.Sprintf("%.2f × (%.2f ms vs %.2f ms)", oursMarginal/floorMarginal, oursMarginal, floorMarginal)
		marginalVerdict = verdict(oursMarginal <= 3*floorMarginal)
	}
	fmt.Fprintf(w, "| marginal cost per megallm_model ≤ 3 × per terraform_data | %s | %s |\n", marginalMeasured, marginalVerdict)
	fixedMeasured, fixedVerdict := needsOne, notMeasured
	if hasFixed {
		fixedMeasured = fmt.Sprintf("%.0f ms vs %.0f ms (medians); within it in %d of %d runs", fixed, budget, fixedRuns, len(over))
		fixedVerdict = runsVerdict(fixedRuns, len(over))
	}
	fmt.Fprintf(w, "| fixed cost at N=1 ≤ plugin start + one request | %s | %s |\n", fixedMeasured, fixedVerdict)
	if len(rss) > 0 {
		fmt.Fprintf(w, "| provider peak RSS < 60 MB, %d-model catalog (megallm_model plans) | %.1f MB | %s |\n",
			catalogSize, peakRSS, verdict(peakRSS < 60))
	}
	return w.String()
}

func requestsSummary(by map[string]stats, ns []int) string {
	var all []int
	for _, n := range ns {
		all = append(all, by[key(kindOurs, n)].requests...)
	}
	if len(all) == 0 {
		return "—"
	}
	return fmt.Sprintf("%d plans, %d–%d requests each", len(all), slices.Min(all), slices.Max(all))
}
