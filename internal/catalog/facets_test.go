package catalog

import (
	"fmt"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

func facetsFixture() *Catalog {
	return New([]megallm.Model{
		{ID: "gpt-4o", OwnedBy: ptr("openai"), Type: ptr("chat")},
		{ID: "gpt-4o-mini", OwnedBy: ptr("openai"), Type: ptr("chat")},
		{ID: "text-embedding-3-small", OwnedBy: ptr("openai"), Type: ptr("embedding")},
		{ID: "mistral-large", OwnedBy: ptr("mistralai"), Type: ptr("chat")},
		{ID: "rerank-v3", OwnedBy: ptr("cohere"), Type: ptr("rerank")},
		{ID: "anonymous"}, // reports neither owner nor type
	})
}

func TestOwnersAndTypes(t *testing.T) {
	t.Parallel()
	c := facetsFixture()
	if got, want := c.Owners(), []string{"cohere", "mistralai", "openai"}; !equalStrings(got, want) {
		t.Errorf("Owners() = %q, want %q", got, want)
	}
	if got, want := c.Types(), []string{"chat", "embedding", "rerank"}; !equalStrings(got, want) {
		t.Errorf("Types() = %q, want %q", got, want)
	}
	empty := New(nil)
	if got := empty.Owners(); len(got) != 0 {
		t.Errorf("empty catalog: Owners() = %#v, want none", got)
	}
	if got := empty.Types(); len(got) != 0 {
		t.Errorf("empty catalog: Types() = %#v, want none", got)
	}
}

func TestSuggestOwners(t *testing.T) {
	t.Parallel()
	c := facetsFixture()
	for _, tc := range []struct {
		owner string
		want  []string
	}{
		{"OpenAI", []string{"openai"}},
		{"open-ai", []string{"openai"}},
		{"mistral", []string{"mistralai"}},
		{"cohere-ai", []string{"cohere"}},
		{"anthropic", []string{}},
	} {
		if got := c.SuggestOwners(tc.owner); !equalStrings(got, tc.want) {
			t.Errorf("SuggestOwners(%q) = %q, want %q", tc.owner, got, tc.want)
		}
	}
}

// TestFacets_workedOutOnce: every megallm_models read asks for the owners,
// types and currencies, and every megallm_model read for the currencies; a
// pass over the catalog each time cost a read of 10,000 models some 0.3 ms a
// facet (0.9 ms and 9,000 allocations for the currencies). After the first
// call each costs one copy of its answer.
func TestFacets_workedOutOnce(t *testing.T) { // not parallel: AllocsPerRun
	models := make([]megallm.Model, 1000)
	for i := range models {
		models[i] = megallm.Model{ID: fmt.Sprint(i), OwnedBy: ptr("openai"), Type: ptr("chat"), Pricing: &megallm.Pricing{}}
	}
	c := New(models)
	facets := func() { c.Owners(); c.Types(); c.Currencies() }
	facets()
	if allocs := testing.AllocsPerRun(10, facets); allocs > 3 {
		t.Errorf("Owners, Types and Currencies again: %.0f allocations, want 3 (a copy each)", allocs)
	}
	if got := c.Currencies(); !equalStrings(got, []string{DefaultCurrency}) {
		t.Errorf("Currencies() = %q, want %q", got, DefaultCurrency)
	}
	c.Owners()[0] = "changed" // a copy: the catalog keeps its own
	c.Apply(&Policy{Models: map[string]ModelPolicy{"0": {Pricing: &megallm.Pricing{Currency: ptr("EUR")}}}}, fixedNow)
	if got, want := c.Currencies(), []string{"EUR", DefaultCurrency}; !equalStrings(got, want) {
		t.Errorf("after a policy prices a model in EUR: Currencies() = %q, want %q", got, want)
	}
	if got := c.Owners(); !equalStrings(got, []string{"openai"}) {
		t.Errorf("Owners() = %q after a caller changed its copy, want [openai]", got)
	}
}
