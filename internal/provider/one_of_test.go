package provider

import (
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// sort_by names the closest sort key, as every other argument does, and
// lists them all.
func TestModelsDataSource_sortByDidYouMean(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, errorStep(server, "megallm_models", `sort_by = "input_costs"`,
		`Error: Invalid sort_by .* sort_by = "input_costs" is not one of its values\. Did you mean "input_cost"\? `+
			`Use "id", "created_at", "context_length", "max_output_tokens", "input_cost", "output_cost" or "workload_cost"\.`))
}
