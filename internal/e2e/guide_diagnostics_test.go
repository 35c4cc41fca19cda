package e2e

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestGuideDiagnostics plans what each error and warning quoted in the
// documentation shows and checks that the provider words it as the page
// does, so that a change of wording cannot leave a page quoting the old one.
// The model-policy guide's dates that are still to come are moved to the same
// distance from today, in the policy and in the page's text alike.
func TestGuideDiagnostics(t *testing.T) {
	t.Parallel()
	policyJSON, err := os.ReadFile("../../examples/guides/model-policy/model-policy.json")
	if err != nil {
		t.Fatal(err)
	}
	guidePolicy := func(moved map[string]string) string {
		text := string(policyJSON)
		for from, to := range moved {
			text = strings.ReplaceAll(text, from, to)
		}
		return "provider \"megallm\" {\n  policy = jsondecode(<<EOT\n" + text + "\nEOT\n  )\n}\n"
	}
	day := today()
	retiresLater := map[string]string{"2027-03-31": day(117)} // gpt-4o's retirement in model-policy.json
	const modelPolicy, requirements, index = "guides/model-policy.md.tmpl", "guides/requirements.md.tmpl", "index.md.tmpl"
	tests := []struct {
		page, summary string
		moved         map[string]string // dates of the page and the policy, moved
		config        string
		env           map[string]string
	}{
		{page: modelPolicy, summary: "Warning: Deprecated MegaLLM model", moved: retiresLater,
			config: guidePolicy(retiresLater) + `data "megallm_model" "chat" { id = "gpt-4o" }`},
		{page: modelPolicy, summary: "Warning: MegaLLM model retiring soon", moved: map[string]string{"2027-01-15": day(42)},
			config: `provider "megallm" {
  policy = { models = { "gpt-4o" = { retires_at = "` + day(42) + `", successor = "gpt-4.1", reason = "Vendor end of life" } } }
}
data "megallm_model" "m" { id = "gpt-4o" }`},
		{page: modelPolicy, summary: "Error: Retired MegaLLM model",
			config: guidePolicy(retiresLater) + `data "megallm_model" "chat" { id = "gpt-3.5-turbo" }`},
		{page: modelPolicy, summary: "Error: Model not allowed by the policy",
			config: guidePolicy(retiresLater) + `data "megallm_model" "chat" { id = "mistral-large-latest" }`},
		{page: modelPolicy, summary: "Warning: Candidate models passed over",
			config: guidePolicy(retiresLater) + `data "megallm_model" "chat" { candidates = ["gpt-3.5-turbo", "gpt-4o-mini"] }`},
		{page: modelPolicy, summary: "Error: No candidate model qualifies", config: guidePolicy(retiresLater) + `
data "megallm_model" "chat" {
  candidates = ["gpt-3.5-turbo", "claude-3-opus-20240229", "gpt-4o"]
  require    = { not_deprecated = true }
}`},
		{page: requirements, summary: "Error: Model does not meet requirements", config: `
data "megallm_model" "chat" {
  id      = "gpt-3.5-turbo"
  require = { supports_vision = true, min_context_length = 100000 }
}`},
		{page: index, summary: "Error: Missing MegaLLM API key", config: `data "megallm_model" "chat" { id = "gpt-4o" }`,
			env: map[string]string{"MEGALLM_API_KEY": ""}},
	}
	// Every quoted diagnostic has a case, but Terraform's own.
	covered := map[string]bool{}
	for _, tc := range tests {
		covered[tc.page+": "+tc.summary] = true
	}
	pages, _ := filepath.Glob("../../templates/*.tmpl")
	nested, _ := filepath.Glob("../../templates/*/*.tmpl")
	for _, page := range append(pages, nested...) {
		text, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(page, "../../templates/")
		for _, m := range quotedSummary.FindAllStringSubmatch(string(text), -1) {
			if m[1] != "Warning: Check block assertion failed" && !covered[name+": "+m[1]] {
				t.Errorf("%s quotes %q, which TestGuideDiagnostics has no case for: add one", name, m[1])
			}
		}
	}
	for _, tc := range tests {
		t.Run(tc.summary, func(t *testing.T) {
			t.Parallel()
			want := quotedDiagnostic(t, "../../templates/"+tc.page, tc.summary, tc.moved)
			out, _ := plan(t, mockapi.NewTestServer(t, ""), tc.config, tc.env)
			if !strings.Contains(out, tc.summary) || !want.MatchString(out) {
				t.Errorf("%s quotes %q as\n  %s\nbut the provider says:\n  %s", tc.page, tc.summary, want, out)
			}
		})
	}
}

// quotedSummary finds the first line of a fenced block that quotes a
// diagnostic.
var quotedSummary = regexp.MustCompile("(?m)^```\n((?:Error|Warning): .+)$")

// sourceLine is the line of configuration that Terraform quotes under a
// diagnostic's "with" and "on" lines, such as `  10:   id = "gpt-4o"`.
var sourceLine = regexp.MustCompile(`^\s*\d+: `)

// quotedDiagnostic finds the fenced block of page that starts with summary
// and returns its words after the summary and the quoted source line, as a
// pattern of the plan's output with white space runs made one space: the
// dates in moved replaced, and "in N days" any number of days.
func quotedDiagnostic(t *testing.T, page, summary string, moved map[string]string) *regexp.Regexp {
	t.Helper()
	text, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	_, block, found := strings.Cut(string(text), "```\n"+summary+"\n")
	block, _, closed := strings.Cut(block, "```")
	if !found || !closed {
		t.Fatalf("%s has no fenced block that starts with %q", page, summary)
	}
	lines := strings.Split(block, "\n")
	for i, line := range lines {
		if sourceLine.MatchString(line) {
			lines = lines[i+1:]
			break
		}
	}
	words := strings.Join(strings.Fields(strings.Join(lines, "\n")), " ")
	for from, to := range moved {
		words = strings.ReplaceAll(words, from, to)
	}
	pattern := strings.ReplaceAll(regexp.QuoteMeta(words), "in N days", `in \d+ days`)
	return regexp.MustCompile(pattern)
}

// TestRequirementsGuideCheckBlock plans the requirements guide's check block
// as written: it warns, without failing the plan, for a model without vision
// and for one whose catalog entry sends no capabilities at all.
func TestRequirementsGuideCheckBlock(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_8_0, "the guide's check block (a provider function)")
	text, err := fs.ReadFile(os.DirFS("../../templates"), "guides/requirements.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	check := regexp.MustCompile("(?ms)^check \"chat_model_has_vision\" \\{\n.*?^\\}\n").Find(text)
	if check == nil {
		t.Fatal("the requirements guide shows no check \"chat_model_has_vision\" block")
	}
	server := mockapi.NewTestServer(t, "")
	for _, id := range []string{"gpt-3.5-turbo", "deepseek-coder"} { // no vision; no capabilities
		out, err := plan(t, server, string(check)+`data "megallm_model" "chat" { id = "`+id+`" }`, nil)
		if want := "Warning: Check block assertion failed"; err != nil || !strings.Contains(out, want) ||
			!strings.Contains(out, id+" cannot read images.") {
			t.Errorf("with %s, the guide's check block should warn %q and pass; error %v:\n%s", id, want, err, out)
		}
	}
}

// TestRequirementsGuideForEach plans the requirements guide's for_each
// example as written, and with the two mistakes it warns of: a misspelt
// requirement is a "did you mean" under its type = any, and the map(object)
// type it advises against refuses teams whose needs differ.
func TestRequirementsGuideForEach(t *testing.T) {
	t.Parallel()
	text, err := fs.ReadFile(os.DirFS("../../templates"), "guides/requirements.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	example := string(regexp.MustCompile("(?ms)^variable \"teams\" \\{\n.*?^\\}\n\ndata \"megallm_models\" \"team\" \\{\n.*?^\\}\n").Find(text))
	const typed = `map(object({ needs = any, currency = optional(string, "USD") }))`
	if example == "" || !strings.Contains(example, "type = any\n") || !strings.Contains(string(text), typed) {
		t.Fatal("the requirements guide shows no variable \"teams\" of type = any passed to data \"megallm_models\" \"team\" " +
			"by for_each, or does not name the type " + typed)
	}
	server := mockapi.NewTestServer(t, "")
	for _, tc := range []struct{ name, config, want string }{
		{"as written", example + `output "support" { value = data.megallm_models.team["support"].ids }`,
			`support = [ + "gemini-2.0-flash", + "gpt-4.1-mini", + "gpt-4o-mini", ]`},
		{"misspelt", strings.Replace(example, "supports_vision", "supports_vison", 1),
			`require has no attribute "supports_vison". Did you mean "supports_vision"?`},
		{"map(object)", strings.Replace(example, "type = any", "type = "+typed, 1),
			"cannot find a common base type for all elements"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, err := plan(t, server, tc.config, nil)
			if (err == nil) != (tc.name == "as written") || !strings.Contains(out, tc.want) {
				t.Errorf("the guide's for_each example %s: want %q; error %v:\n%s", tc.name, tc.want, err, out)
			}
		})
	}
}
