package catalog

import (
	"errors"
	"math"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

func TestWorkloadCost(t *testing.T) {
	t.Parallel()
	priced := func(in, out *float64) *megallm.Model {
		return &megallm.Model{ID: "m", Pricing: &megallm.Pricing{InputTokensCostPerMillion: in, OutputTokensCostPerMillion: out}}
	}
	tests := []struct {
		name     string
		workload Workload
		model    *megallm.Model
		want     float64
		wantErr  error
	}{
		{"both sides", Workload{1.2e9, 3e8}, priced(ptr(0.15), ptr(0.6)), 1.2e9/1e6*0.15 + 3e8/1e6*0.6, nil},
		{"fractional tokens", Workload{0.5, 1.5}, priced(ptr(2.0), ptr(4.0)), 0.5/1e6*2 + 1.5/1e6*4, nil},
		{"as a person computes it", Workload{3e6, 0}, priced(ptr(0.1), nil), 0.3, nil}, // not 0.30000000000000004
		{"zero workload", Workload{}, priced(ptr(2.0), ptr(4.0)), 0, nil},
		{"free model", Workload{1e6, 1e6}, priced(ptr(0.0), ptr(0.0)), 0, nil},
		{"missing price of a zero count", Workload{1e6, 0}, priced(ptr(2.0), nil), 2, nil},
		{"no pricing", Workload{1, 1}, &megallm.Model{ID: "m"}, 0, ErrNoPricing},
		{"empty pricing", Workload{0, 0}, priced(nil, nil), 0, ErrNoPricing},
		{"no input price", Workload{1, 0}, priced(nil, ptr(1.0)), 0, errNoInputPrice},
		{"no output price", Workload{0, 1}, priced(ptr(1.0), nil), 0, errNoOutputPrice},
		{"too large", Workload{math.MaxFloat64, 0}, priced(ptr(1e300), nil), 0, ErrCostNotExpressible},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.workload.Cost(tc.model)
			if !errors.Is(err, tc.wantErr) || got != tc.want {
				t.Errorf("Cost = %v, %v; want %v, %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
}

// workloadFixture is a catalog where the cheapest input price is not the
// cheapest workload: "cheap-in" has the lowest input price and a high output
// price.
func workloadFixture() []megallm.Model {
	usd, eur := "USD", "EUR"
	return []megallm.Model{
		{ID: "cheap-in", Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.1), OutputTokensCostPerMillion: ptr(20.0), Currency: &usd}},
		{ID: "balanced", Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.5), OutputTokensCostPerMillion: ptr(1.0), Currency: &usd}},
		{ID: "no-currency", Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(1.0), OutputTokensCostPerMillion: ptr(2.0)}},
		{ID: "euro", Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.01), OutputTokensCostPerMillion: ptr(0.01), Currency: &eur}},
		{ID: "euro-dear", Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(9.0), OutputTokensCostPerMillion: ptr(9.0), Currency: &eur}},
		{ID: "no-output-price", Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(0.01), Currency: &usd}},
		{ID: "unpriced"},
	}
}

func TestSelect_workloadCost(t *testing.T) {
	t.Parallel()
	c := New(workloadFixture())
	workload := &Workload{InputTokens: 1e6, OutputTokens: 1e6}
	tests := []struct {
		name  string
		query Query
		want  []string
	}{
		// cheap-in 20.1, balanced 1.5, no-currency 3 (taken as USD); the
		// euro models are not priced in USD and sort with the unpriced, by id.
		{"workload cost", Query{SortBy: SortByWorkloadCost, Workload: workload},
			[]string{"balanced", "no-currency", "cheap-in", "euro", "euro-dear", "no-output-price", "unpriced"}},
		{"workload cost descending", Query{SortBy: SortByWorkloadCost, Workload: workload, Descending: true},
			[]string{"cheap-in", "no-currency", "balanced", "euro", "euro-dear", "no-output-price", "unpriced"}},
		{"input cost picks another model", Query{SortBy: sortByInputCost},
			[]string{"no-output-price", "cheap-in", "balanced", "no-currency", "euro", "euro-dear", "unpriced"}},
		{"input cost in EUR", Query{SortBy: sortByInputCost, Currency: "EUR"},
			[]string{"euro", "euro-dear", "balanced", "cheap-in", "no-currency", "no-output-price", "unpriced"}},
		{"workload cost in EUR", Query{SortBy: SortByWorkloadCost, Workload: workload, Currency: "EUR"},
			[]string{"euro", "euro-dear", "balanced", "cheap-in", "no-currency", "no-output-price", "unpriced"}},
		{"workload cost without a workload sorts by id", Query{SortBy: SortByWorkloadCost},
			[]string{"balanced", "cheap-in", "euro", "euro-dear", "no-currency", "no-output-price", "unpriced"}},
		{"max workload cost", Query{Workload: workload, Require: Requirements{MaxWorkloadCost: ptr(3.0)}},
			[]string{"balanced", "no-currency"}},
		{"max workload cost in EUR", Query{Workload: workload, Currency: "EUR", Require: Requirements{MaxWorkloadCost: ptr(1.0)}},
			[]string{"euro"}},
		{"max input cost keeps USD models only", Query{Require: Requirements{MaxInputCostPerMillion: ptr(1.0)}},
			[]string{"balanced", "cheap-in", "no-currency", "no-output-price"}},
	}
	for _, tc := range tests {
		if got := ids(c.Select(tc.query)); !equalStrings(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
