package catalog

import (
	"math/big"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

func TestNarrowing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		policy *Policy
		q      Query
		want   []Narrowed
	}{
		{"each filter in Select's order, up to the one that keeps none", nil,
			Query{OwnedBy: []string{"openai"}, Type: "chat", IDPattern: regexp.MustCompile("4o"), ExcludeIDs: []string{"gpt-4o"}},
			[]Narrowed{{By: ByType, Kept: 3, Of: 6}, {By: ByOwnedBy, Kept: 2, Of: 3},
				{By: ByIDPattern, Kept: 1, Of: 2}, {By: ByExcludeIDs, Kept: 0, Of: 1}}},
		{"created range", nil, Query{CreatedAfter: date("2024-01-01T00:00:00Z"), CreatedBefore: date("2024-01-01T01:00:00Z")},
			[]Narrowed{{By: ByCreatedAfter, Kept: 4, Of: 6}, {By: ByCreatedBefore, Kept: 0, Of: 4}}},
		{"a requirement no model meets, with the closest value", nil,
			Query{Type: "chat", Require: Requirements{Capabilities: needs("function_calling"), MinContextLength: big.NewInt(2000000),
				MaxOutputCostPerMillion: ptr(5.0)}},
			[]Narrowed{{By: ByType, Kept: 3, Of: 6}, {By: ByRequirement, Kept: 0, Of: 3, Unmet: []Miss{
				{Requirement: row("min_context_length"), Value: 1047576, Bound: big.NewInt(2000000)},
				{Requirement: row("max_output_cost_per_million"), Amount: 8, AmountBound: 5},
			}}}},
		// The models that miss the fewest (one each here), by id, each with its misses.
		// The closest value is one a model that the later steps keep has: relaxed to gpt-4.1's, require would
		// keep only gpt-4.1, which the policy denies or retires, and the read would stay empty.
		{"the closest value of a model the policy keeps", &Policy{Models: map[string]ModelPolicy{"gpt-4.1": {Denied: true}}},
			Query{Require: Requirements{MinContextLength: big.NewInt(2000000)}},
			[]Narrowed{{By: ByRequirement, Kept: 0, Of: 6, Unmet: []Miss{
				{Requirement: row("min_context_length"), Value: 128000, Bound: big.NewInt(2000000)},
			}}}},
		{"the closest value of a model not retired", &Policy{Models: map[string]ModelPolicy{"gpt-4.1": {RetiresAt: date("2020-01-01T00:00:00Z")}}},
			Query{Require: Requirements{MinContextLength: big.NewInt(2000000)}},
			[]Narrowed{{By: ByRequirement, Kept: 0, Of: 6, Unmet: []Miss{
				{Requirement: row("min_context_length"), Value: 128000, Bound: big.NewInt(2000000)},
			}}}},
		{"the closest value of a retired model, with include_retired", &Policy{Models: map[string]ModelPolicy{"gpt-4.1": {RetiresAt: date("2020-01-01T00:00:00Z")}}},
			Query{IncludeRetired: true, Require: Requirements{MinContextLength: big.NewInt(2000000)}},
			[]Narrowed{{By: ByRequirement, Kept: 0, Of: 6, Unmet: []Miss{
				{Requirement: row("min_context_length"), Value: 1047576, Bound: big.NewInt(2000000)},
			}}}},
		// Not gpt-4.1, which does not report whether it supports function calling: relaxing never admits it.
		{"requirements each met by a model, never all at once", nil,
			Query{Require: Requirements{Capabilities: needs("function_calling"), MinContextLength: big.NewInt(200000)}},
			[]Narrowed{{By: ByRequirement, Kept: 0, Of: 6, Closest: []NearMiss{
				{Model: stub("beta"), Unmet: []Miss{{Requirement: row("min_context_length"), Value: 8192, Bound: big.NewInt(200000)}}},
				{Model: stub("gpt-4o"), Unmet: []Miss{{Requirement: row("min_context_length"), Value: 128000, Bound: big.NewInt(200000)}}},
			}, AsClose: 2}}},
		// In the query's order, and only models the steps after require keep: no advice to relax it for a
		// model the policy denies.
		{"the closest in the query's order, of those the policy allows",
			&Policy{Models: map[string]ModelPolicy{"beta": {Denied: true}}},
			Query{Require: Requirements{Capabilities: needs("function_calling"), MinContextLength: big.NewInt(200000)},
				SortBy: sortByContextLength, Descending: true},
			[]Narrowed{{By: ByRequirement, Kept: 0, Of: 6, Closest: []NearMiss{
				{Model: stub("gpt-4o"), Unmet: []Miss{{Requirement: row("min_context_length"), Value: 128000, Bound: big.NewInt(200000)}}},
			}, AsClose: 1}}},
		// Only gpt-4.1 meets min_context_length, and the policy denies it: of the models it allows, that one
		// requirement is at fault, with the closest value of those.
		{"a requirement only a model the policy denies meets", &Policy{Models: map[string]ModelPolicy{"gpt-4.1": {Denied: true}}},
			Query{Require: Requirements{Capabilities: needs("function_calling"), MinContextLength: big.NewInt(200000)}},
			[]Narrowed{{By: ByRequirement, Kept: 0, Of: 6, Unmet: []Miss{
				{Requirement: row("min_context_length"), Value: 128000, Bound: big.NewInt(200000)},
			}}}},
		// When the steps after require keep none of its models, relaxing it lists none whatever the value: the
		// closest of them all, as without a policy.
		{"the closest of all when the policy keeps none", &Policy{AllowedOwners: []string{"nobody"}},
			Query{Require: Requirements{MinContextLength: big.NewInt(2000000)}},
			[]Narrowed{{By: ByRequirement, Kept: 0, Of: 6, Unmet: []Miss{
				{Requirement: row("min_context_length"), Value: 1047576, Bound: big.NewInt(2000000)},
			}}}},
		// A model without pricing meets no price bound, and one priced in another currency none either: not
		// "each requirement is met by one of them". The currency guard judges the models with pricing, a price
		// bound those priced in the query's currency or without pricing (whose miss is that it is not reported).
		{"a price bound in a currency that no priced model has", nil,
			Query{Currency: "EUR", Require: Requirements{MaxInputCostPerMillion: ptr(1.0)}},
			[]Narrowed{{By: ByRequirement, Kept: 0, Of: 6, Unmet: []Miss{
				{Requirement: row(""), Currency: "USD", BoundCurrency: "EUR"}, // the guard: the one row without a name
				{Requirement: row("max_input_cost_per_million"), AmountBound: 1, Unreported: true},
			}}}},
		{"a price bound that only models priced in another currency would meet",
			&Policy{Models: map[string]ModelPolicy{"Zeta": {Pricing: &megallm.Pricing{Currency: ptr("EUR"),
				InputTokensCostPerMillion: ptr(2.5)}}}},
			Query{Currency: "EUR", Require: Requirements{MaxInputCostPerMillion: ptr(1.0)}},
			[]Narrowed{{By: ByRequirement, Kept: 0, Of: 6, Unmet: []Miss{
				{Requirement: row("max_input_cost_per_million"), Amount: 2.5, AmountBound: 1},
			}}}},
		{"the policy, when it leaves a model out", &Policy{Models: map[string]ModelPolicy{"gpt-4o": {Denied: true}}},
			Query{IDPattern: regexp.MustCompile("4o")},
			[]Narrowed{{By: ByIDPattern, Kept: 1, Of: 6}, {By: ByPolicy, Kept: 0, Of: 1}}},
		{"retirement, when it leaves a model out", &Policy{Models: map[string]ModelPolicy{"A1": {RetiresAt: date("2020-01-01T00:00:00Z")}}},
			Query{Type: "rerank"},
			[]Narrowed{{By: ByType, Kept: 1, Of: 6}, {By: ByRetirement, Kept: 0, Of: 1}}},
		{"a policy and retirement that leave out none are not listed", &Policy{Models: map[string]ModelPolicy{"A1": {Denied: true}}},
			Query{Type: "chat"},
			[]Narrowed{{By: ByType, Kept: 3, Of: 6}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := New(queryFixture())
			if tt.policy != nil {
				c.Apply(tt.policy, fixedNow)
			}
			got := c.Narrowing(tt.q)
			for _, n := range got {
				for i := range n.Closest {
					n.Closest[i].Model = stub(n.Closest[i].Model.ID)
				}
			}
			//nolint:govet // deepequalerrors: every Miss here has a nil CostErr
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Narrowing =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

// TestNarrowing_closestReportWhatTheyMiss: the closest models are those
// that relaxing require admits, not those that miss fewer requirements on a
// value they do not report (or cannot be priced for), which relaxing never
// admits; when no model is such, none is listed.
func TestNarrowing_closestReportWhatTheyMiss(t *testing.T) {
	t.Parallel()
	unknown := []megallm.Model{
		{ID: "no-context", ContextLength: nil, Capabilities: &megallm.Capabilities{SupportsVision: ptr(true)},
			Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(1.0), OutputTokensCostPerMillion: ptr(2.0)}},
		{ID: "no-vision-flag", ContextLength: ptr[int64](300000)},
		{ID: "no-output-price", ContextLength: ptr[int64](300000), Capabilities: &megallm.Capabilities{SupportsVision: ptr(true)},
			Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(1.0)}},
	}
	far := megallm.Model{ID: "far", ContextLength: ptr[int64](8192), Capabilities: &megallm.Capabilities{SupportsVision: ptr(false)},
		Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(1.0), OutputTokensCostPerMillion: ptr(2.0)}}
	q := Query{Require: Requirements{Capabilities: needs("vision"), MinContextLength: big.NewInt(200000), MaxWorkloadCost: ptr(100.0)},
		Workload: &Workload{InputTokens: 1e6, OutputTokens: 1e6}}
	got := New(append(slices.Clone(unknown), far)).Narrowing(q)
	if len(got) != 1 || got[0].AsClose != 1 || len(got[0].Closest) != 1 || got[0].Closest[0].Model.ID != "far" ||
		len(got[0].Closest[0].Unmet) != 2 {
		t.Errorf("Narrowing = %+v, want only far, missing 2 requirements, as the closest", got)
	}
	if got := New(unknown).Narrowing(q); len(got) != 1 || len(got[0].Unmet) != 0 || len(got[0].Closest) != 0 || got[0].AsClose != 0 {
		t.Errorf("Narrowing without far = %+v, want no closest model, nor a requirement none meets", got)
	}
}

// row is the requirement with this name.
func row(name string) *Requirement {
	for i := range RequirementTable {
		if RequirementTable[i].Name == name {
			return &RequirementTable[i]
		}
	}
	panic("no requirement " + name)
}

// stub is a model with only this id, as TestNarrowing compares a NearMiss.
func stub(id string) *megallm.Model {
	return &megallm.Model{ID: id}
}
