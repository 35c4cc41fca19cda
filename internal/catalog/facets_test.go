package catalog

import (
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
