package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// TestRegoFilters checks the Rego library's list of the megallm_models
// arguments that leave models out, against the schema: every optional
// argument is either in that list or named here as one that leaves no model
// out. A filter missing from the list would make the library take a filtered
// read for the whole catalog; a new argument fails here until it is sorted.
// The policy-as-code guide lists the same filters.
func TestRegoFilters(t *testing.T) {
	file := filepath.Join("..", "..", "policy", "opa", "catalog.rego")
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`(?m)^_filters := \[(.*)\]$`).FindSubmatch(text)
	if line == nil {
		t.Fatalf("%s has no `_filters := [...]` line", file)
	}
	var filters []string
	for _, name := range strings.Split(string(line[1]), ",") {
		filters = append(filters, strings.Trim(strings.TrimSpace(name), `"`))
	}
	// Arguments that order, price or widen the list, or give a requirement's currency.
	notFilters := []string{"sort_by", "descending", "workload", "currency", "include_retired"}

	var resp datasource.SchemaResponse
	newModelsDataSource().Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	var arguments []string
	for name, a := range resp.Schema.Attributes {
		if a.IsOptional() {
			arguments = append(arguments, name)
		}
	}
	for _, name := range arguments {
		if slices.Contains(filters, name) == slices.Contains(notFilters, name) {
			t.Errorf("megallm_models argument %q must be in exactly one of %s's _filters and this test's "+
				"notFilters: add it to _filters if it can leave a model out", name, file)
		}
	}
	guide := filepath.Join("..", "..", "templates", "guides", "policy-as-code.md.tmpl")
	page, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	listed := regexp.MustCompile(`\*\*no filter\*\* \(no ([^)]*)\)`).FindSubmatch(page)
	if listed == nil {
		t.Fatalf("%s has no \"**no filter** (no ...)\" list", guide)
	}
	var guideFilters []string
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllSubmatch(listed[1], -1) {
		guideFilters = append(guideFilters, string(m[1]))
	}
	if !slices.Equal(guideFilters, filters) {
		t.Errorf("%s lists the filters %q, but _filters is %q: list the same, in the same order", guide, guideFilters, filters)
	}
	for _, name := range append(filters, notFilters...) {
		if !slices.Contains(arguments, name) {
			t.Errorf("%q is not an argument of megallm_models: remove it from %s's _filters or this test", name, file)
		}
	}
}
