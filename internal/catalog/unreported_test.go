package catalog

import (
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

func TestUnreported(t *testing.T) {
	t.Parallel()
	// Models that report a context length, and nothing else a query reads.
	sparse := New([]megallm.Model{{ID: "a", ContextLength: ptr[int64](8192)}, {ID: "b"}})
	rich := New(queryFixture())
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	everything := Query{
		CreatedAfter: &day, CreatedBefore: &day, SortBy: sortByOutputCost, Workload: &Workload{InputTokens: 1},
		Require: Requirements{
			Capabilities: needs("vision", "streaming"), MinContextLength: big.NewInt(1), MinMaxOutputTokens: big.NewInt(1),
			MaxInputCostPerMillion: ptr(1.0), MaxOutputCostPerMillion: ptr(1.0), MaxWorkloadCost: ptr(1.0),
			NotDeprecated: true, MinDaysToRetirement: big.NewInt(1),
		},
	}
	tests := []struct {
		name    string
		catalog *Catalog
		query   Query
		want    []Unreported
	}{
		{"no field read", sparse, Query{Type: "chat", SortBy: sortByID}, nil},
		{"created range", sparse, Query{CreatedAfter: &day, CreatedBefore: &day}, []Unreported{
			{By: ByCreatedAfter, Field: "created_at"}, {By: ByCreatedBefore, Field: "created_at"},
		}},
		{"a reported field and the lifecycle", sparse, Query{Require: Requirements{MinContextLength: big.NewInt(1), NotDeprecated: true}}, nil},
		{"sort by a price", sparse, Query{SortBy: sortByInputCost}, []Unreported{{By: BySort, Field: "pricing.input_tokens_cost_per_million"}}},
		{"everything, sparse", sparse, everything, []Unreported{
			{By: ByCreatedAfter, Field: "created_at"}, {By: ByCreatedBefore, Field: "created_at"},
			{By: ByRequirement, Requirement: "supports_vision", Field: "capabilities.supports_vision"},
			{By: ByRequirement, Requirement: "supports_streaming", Field: "capabilities.supports_streaming"},
			{By: ByRequirement, Requirement: "min_max_output_tokens", Field: "max_output_tokens"},
			{By: ByRequirement, Requirement: "max_input_cost_per_million", Field: "pricing.input_tokens_cost_per_million"},
			{By: ByRequirement, Requirement: "max_output_cost_per_million", Field: "pricing.output_tokens_cost_per_million"},
			{By: ByRequirement, Requirement: "max_workload_cost", Field: "pricing"},
			{By: BySort, Field: "pricing.output_tokens_cost_per_million"},
		}},
		// The fixture reports every field but streaming.
		{"everything, rich", rich, everything, []Unreported{
			{By: ByRequirement, Requirement: "supports_streaming", Field: "capabilities.supports_streaming"},
		}},
		{"empty catalog", New(nil), Query{SortBy: sortByContextLength}, []Unreported{{By: BySort, Field: "context_length"}}},
	}
	for _, tc := range tests {
		if got := tc.catalog.Unreported(tc.query); !slices.Equal(got, tc.want) && len(got)+len(tc.want) > 0 {
			t.Errorf("%s: Unreported = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
