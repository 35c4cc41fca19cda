package megallm_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// maxQuotedChars is how many characters of a value Quote keeps.
const maxQuotedChars = 64

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
		if got := megallm.Quote(tc.value); got != tc.want {
			t.Errorf("Quote(%d bytes) = %s, want %s", len(tc.value), got, tc.want)
		}
	}
}

// TestQuote_readsAsItselfInHCL: a value a message quotes, such as an id of
// the catalog that "Did you mean" offers, reads as itself when copied into a
// configuration. Go's \a, \b, \f, \v and \x07 are no HCL escapes, and
// Terraform refuses them ("Invalid escape sequence").
func TestQuote_readsAsItselfInHCL(t *testing.T) {
	t.Parallel()
	for _, value := range []string{
		"gemini-2.0-flash\a", "nul\x00", "\b\f\v", "esc\x1b[31m", "del\x7f", "zero\u200bwidth", "rtl\u202e",
		"line\nbreak\r\t", `back\\slash\\a`, `quote"d`, "\U0001F600",
	} {
		quoted := megallm.Quote(value)
		expr, diags := hclsyntax.ParseExpression([]byte(quoted), "", hcl.InitialPos)
		if diags.HasErrors() {
			t.Errorf("Quote(%q) = %s, which HCL cannot read: %s", value, quoted, diags.Error())
			continue
		}
		if got, diags := expr.Value(nil); diags.HasErrors() || got.AsString() != value {
			t.Errorf("Quote(%q) = %s, which HCL reads as %#v (%s)", value, quoted, got, diags.Error())
		}
	}
}

// TestQuote_leavesTemplateMarks: ${ and %{ stay as sent. A quoted value is
// copied into JSON (a policy file), an environment variable or a path as
// well as into HCL, and only HCL reads $${ as ${: doubled, a denial copied
// into a policy file named another id and let the model through. HCL
// refuses a bare ${ loudly ("Invalid reference").
func TestQuote_leavesTemplateMarks(t *testing.T) {
	t.Parallel()
	for _, value := range []string{"acme-${env}-chat", "pct-%{x}", "$${kept}"} {
		if got, want := megallm.Quote(value), strconv.Quote(value); got != want {
			t.Errorf("Quote(%q) = %s, want %s", value, got, want)
		}
	}
}

// TestQuotesWhole: whole up to 64 characters, however many bytes they take.
func TestQuotesWhole(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		value string
		want  bool
	}{
		{strings.Repeat("é", maxQuotedChars), true},
		{strings.Repeat("a", maxQuotedChars+1), false},
	} {
		if got := megallm.QuotesWhole(tc.value); got != tc.want {
			t.Errorf("QuotesWhole(%d bytes) = %v, want %v", len(tc.value), got, tc.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	t.Parallel()
	if got := megallm.Excerpt("Legal has not approved it"); got != "Legal has not approved it" {
		t.Errorf("Excerpt(short) = %q", got)
	}
	long := strings.Repeat("x", 1000)
	if got, want := megallm.Excerpt(long), strings.Repeat("x", maxQuotedChars)+"… (1000 characters)"; got != want {
		t.Errorf("Excerpt(1000 characters) = %q, want %q", got, want)
	}
}

// A path keeps its file name: it is cut after 256 characters, not 64.
func TestQuotePath(t *testing.T) {
	t.Parallel()
	ci := "/home/runner/work/platform/platform/infrastructure/modules/llm-gateway/testdata/catalog.json"
	if got := megallm.QuotePath(ci); got != `"`+ci+`"` {
		t.Errorf("QuotePath(%d characters) = %s, want it whole", len(ci), got)
	}
	long := "/" + strings.Repeat("d/", 200) + "catalog.json"
	if got, want := megallm.QuotePath(long), `"`+long[:256]+`"… (413 characters)`; got != want {
		t.Errorf("QuotePath(413 characters) = %s, want %s", got, want)
	}
	if got := megallm.QuotePath("snap\tshots/catalog.json"); got != `"snap\tshots/catalog.json"` {
		t.Errorf("QuotePath with a tab = %s", got)
	}
}

// ToWrite: quoted for an argument, bare for an environment variable (a .env
// file that Docker reads keeps quotes in the value), and never what advice
// cannot ask for: a cut quote, or a value a shell or .env file reads otherwise.
func TestToWrite(t *testing.T) {
	t.Parallel()
	long := "/" + strings.Repeat("d/", 200) + "catalog.json"
	for _, tc := range []struct {
		in          megallm.Setting
		value, want string
		path, ok    bool
	}{
		{megallm.Argument, "https://ai.megallm.io/v1", `"https://ai.megallm.io/v1"`, false, true},
		{megallm.EnvironmentVariable, "https://ai.megallm.io/v1", "https://ai.megallm.io/v1", false, true},
		{megallm.EnvironmentVariable, "https://gw.example.test/" + strings.Repeat("v", 64), "", false, false},
		{megallm.Argument, "/srv/megallm snapshots/catalog.json", `"/srv/megallm snapshots/catalog.json"`, true, true},
		{megallm.EnvironmentVariable, "/srv/megallm snapshots/catalog.json", "", true, false},
		{megallm.EnvironmentVariable, "C:/megallm/catalog.json", "C:/megallm/catalog.json", true, true},
		{megallm.EnvironmentVariable, `C:\megallm\catalog.json`, "", true, false},
		{megallm.EnvironmentVariable, "~/catalog.json", "", true, false},
		{megallm.Argument, long, "", true, false},
		{megallm.EnvironmentVariable, long, "", true, false},
		{megallm.Argument, "", "", true, false},
	} {
		write := megallm.ToWrite
		if tc.path {
			write = megallm.PathToWrite
		}
		if got, ok := write(tc.in, tc.value); got != tc.want || ok != tc.ok {
			t.Errorf("setting %d, %.40q (path %v): got %s, %v, want %s, %v", tc.in, tc.value, tc.path, got, ok, tc.want, tc.ok)
		}
	}
}
