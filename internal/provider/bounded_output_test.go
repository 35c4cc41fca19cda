package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// These tests hold every diagnostic to a bounded size: a quoted value is cut
// after 64 characters, a list after 10 lines, and "did you mean" is worked
// out only for what is shown.

// TestCandidateLines_suggestsOnlyForShown counts the work: of 2,000
// candidates a 10,000-model catalog lacks, the ten shown get suggestions,
// each a pass over the catalog, and the rest are counted.
func TestCandidateLines_suggestsOnlyForShown(t *testing.T) {
	t.Parallel()
	models := make([]megallm.Model, 10000)
	for i := range models {
		models[i] = megallm.Model{ID: fmt.Sprintf("model-%05d", i)}
	}
	c := catalog.New(models)
	unknown := make([]string, 2000)
	for i := range unknown {
		unknown[i] = fmt.Sprintf("model-%05d", 10000+i)
	}
	_, passed := c.Choose(unknown, catalog.Requirements{})
	calls := 0
	lines := candidateLines(passed, func(id string) []string { calls++; return c.SuggestUsable(id) })
	if calls != catalog.MaxListed {
		t.Errorf("candidateLines computed suggestions %d times, want %d (one per line shown)", calls, catalog.MaxListed)
	}
	got := strings.Split(lines, "\n  - ")
	if len(got) != catalog.MaxListed+1 || got[0] != `"model-10000" is not in the catalog (did you mean "model-00000", "model-01000" or "model-00001"?)` ||
		got[catalog.MaxListed] != "and 1990 more" {
		t.Errorf("candidateLines =\n%s", lines)
	}
}

// TestModelDataSource_candidatesListBounded: the error for 25 candidates
// the catalog lacks lists ten, with their suggestions, and counts the rest.
func TestModelDataSource_candidatesListBounded(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ids := make([]string, 25)
	for i := range ids {
		ids[i] = fmt.Sprintf("%q", fmt.Sprintf("gpt-4o-%02d", i))
	}
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_model" "m" { candidates = [` + strings.Join(ids, ", ") + `] }`,
		ExpectError: expectError(`None of the 25 candidates can be used: - "gpt-4o-00" is not in the catalog \(did you mean "gpt-4o"\?\)` +
			`.* - "gpt-4o-09" is not in the catalog \(did you mean "gpt-4o"\?\) - and 15 more Add a candidate`),
	})
}
