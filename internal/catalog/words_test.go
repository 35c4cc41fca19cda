package catalog

import (
	"strings"
	"testing"
)

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
