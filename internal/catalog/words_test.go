package catalog

import (
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ value, want string }{
		{"gpt-4o", `"gpt-4o"`},
		{"line\nbreak", `"line\nbreak"`},
		{strings.Repeat("a", maxQuotedChars), `"` + strings.Repeat("a", maxQuotedChars) + `"`},
		{strings.Repeat("a", maxQuotedChars+1), `"` + strings.Repeat("a", maxQuotedChars) + `"… (65 characters)`},
		// Characters, not bytes: no rune is cut in half.
		{strings.Repeat("é", 100), `"` + strings.Repeat("é", maxQuotedChars) + `"… (100 characters)`},
	} {
		if got := Quote(tc.value); got != tc.want {
			t.Errorf("Quote(%d bytes) = %s, want %s", len(tc.value), got, tc.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	t.Parallel()
	if got := Excerpt("Legal has not approved it"); got != "Legal has not approved it" {
		t.Errorf("Excerpt(short) = %q", got)
	}
	long := strings.Repeat("x", 1000)
	if got, want := Excerpt(long), strings.Repeat("x", maxQuotedChars)+"… (1000 characters)"; got != want {
		t.Errorf("Excerpt(1000 characters) = %q, want %q", got, want)
	}
}

func TestQuoteSome(t *testing.T) {
	t.Parallel()
	items := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = string(rune('a' + i))
		}
		return out
	}
	for _, tc := range []struct {
		n    int
		want string
	}{
		{1, `"a"`},
		{3, `"a", "b" or "c"`},
		{MaxListed, `"a", "b", "c", "d", "e", "f", "g", "h", "i" or "j"`},
		{MaxListed + 5, `"a", "b", "c", "d", "e", "f", "g", "h", "i", "j" or 5 more`},
	} {
		if got := QuoteSome(items(tc.n), "or"); got != tc.want {
			t.Errorf("QuoteSome(%d items) = %s, want %s", tc.n, got, tc.want)
		}
	}
	if got, want := QuoteList([]string{strings.Repeat("o", 100)}, "and"), `"`+strings.Repeat("o", 64)+`"… (100 characters)`; got != want {
		t.Errorf("QuoteList cuts each item: got %s, want %s", got, want)
	}
}
