package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestPolicyWarnings: what a plan under a model policy warns about, through
// the real CLI: a deprecated model, candidates passed over, an owner the
// policy does not allow, and what the policy names that the catalog lacks,
// said once however many data sources read the catalog or instances of a block
// pass the same candidates over.
func TestPolicyWarnings(t *testing.T) {
	t.Parallel()
	var server *mockapi.Server
	var out, flat string
	day := onOneDay(t, func(day func(int) string) {
		server, out, flat = planAgainstMock(t, fmt.Sprintf(`
provider "megallm" {
  policy = {
    allowed_owners = ["openai"]
    models = {
      "gpt-3.5-turbo" = {
        deprecated_at = %q
        retires_at    = %q
        successor     = "gpt-4o"
        reason        = "Superseded by gpt-4o"
      }
      "o3-mini"     = { retires_at = %q, successor = "gpt-5" }
      "gpt-4o-minii" = { denied = true }
    }
  }
}
data "megallm_model" "old" { id = "gpt-3.5-turbo" }
data "megallm_model" "fallback" {
  count      = 3
  candidates = ["o3-mini", "gpt-4o-mini"]
}
data "megallm_models" "all" {}
data "megallm_models" "mistral" { owned_by = ["mistral"] }
output "chosen" { value = data.megallm_model.fallback[0].id }
`, day(-10), day(45), day(-1)))
	})
	for _, want := range []string{
		"Warning: Deprecated MegaLLM model",
		fmt.Sprintf(`Model "gpt-3.5-turbo" is deprecated since %s: Superseded by gpt-4o. It retires on %s, in 45 days, `+
			`after which this plan fails. Its successor is "gpt-4o": move to it, or list it as a fallback with `+
			`candidates = ["gpt-3.5-turbo", "gpt-4o"].`, day(-10), day(45)),
		"Warning: Candidate models passed over",
		fmt.Sprintf(`Chose "gpt-4o-mini", candidate 2 of 2, because the ones before it cannot be used: - "o3-mini" `+
			`was retired on %s (successor "gpt-5", which is not in the catalog)`, day(-1)),
		"Warning: Provider policy names models the catalog does not have",
		`This is about the policy argument of the provider "megallm" block, not about the data source Terraform ` +
			`shows it on. policy.models names "gpt-4o-minii" (did you mean "gpt-4o-mini"`,
		"Warning: Owner not allowed by the policy",
		`The provider's policy allows no model owned by "mistral" (its allowed_owners does not list it), so that owner matches nothing.`,
		"Warning: Provider policy names successors the catalog does not have",
		`- "o3-mini" names successor "gpt-5"`,
		`chosen = "gpt-4o-mini"`,
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the plan does not show %q:\n%s", want, out)
		}
	}
	for _, once := range []string{"Warning: Provider policy names models", "Warning: Provider policy names successors",
		"Warning: Candidate models passed over"} {
		if n := strings.Count(out, once); n != 1 {
			t.Errorf("the plan shows %q %d times, want once:\n%s", once, n, out)
		}
	}
	if strings.Contains(out, "similar warning") { // how Terraform shows a warning given more than once
		t.Errorf("the plan repeats a warning:\n%s", out)
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("the plan made %d requests, want 1", n)
	}
}

// TestCandidatesPassedOverSayWhatToChange: the warning for candidates passed
// over says how to have one of them chosen, by why each was, and how to keep
// the model chosen without the warning; before, it gave no next step. Each,
// followed, works: relaxed, require lets the first be chosen; listed alone,
// the chosen one warns no more.
func TestCandidatesPassedOverSayWhatToChange(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	config := func(candidates, minContext string) string {
		return `provider "megallm" {
  policy = { models = { "claude-3-opus-20240229" = { denied = true } } }
}
data "megallm_model" "m" {
  candidates = ` + candidates + `
  require    = { min_context_length = ` + minContext + ` }
}
output "chosen" { value = data.megallm_model.m.id }
`
	}
	const all = `["gpt-3.5-turbo", "claude-3-opus-20240229", "gpt-4o-mnii", "gpt-4o-mini"]`
	out, err := plan(t, server, config(all, "100000"), nil)
	if want := `Chose "gpt-4o-mini", candidate 4 of 4, because the ones before it cannot be used: - "gpt-3.5-turbo" ` +
		`does not meet require: context_length 16385 < required 100000 - "claude-3-opus-20240229" is denied by the ` +
		`policy - "gpt-4o-mnii" is not in the catalog (did you mean "gpt-4o-mini" or "gpt-4.1-mini"?) ` +
		`To have one of them chosen, relax require, or change the policy, or correct its id. To keep "gpt-4o-mini" ` +
		`without this warning, remove the ones before it from candidates.`; err != nil || !strings.Contains(out, want) {
		t.Errorf("plan: %v\n%s\nwant it to hold\n%s", err, out, want)
	}
	out, err = plan(t, server, config(all, "16000"), nil)
	if err != nil || !strings.Contains(out, `chosen = "gpt-3.5-turbo"`) || strings.Contains(out, "passed over") {
		t.Errorf("require relaxed: %v\n%s\nwant gpt-3.5-turbo chosen, without the warning", err, out)
	}
	out, err = plan(t, server, config(`["gpt-4o-mini"]`, "100000"), nil)
	if err != nil || !strings.Contains(out, `chosen = "gpt-4o-mini"`) || strings.Contains(out, "passed over") {
		t.Errorf("the ones before it removed: %v\n%s\nwant gpt-4o-mini chosen, without a warning", err, out)
	}
}

// TestPolicyOwnerWarnings: an allowed owner in another case than the
// catalog's warns with "did you mean", once per plan, and so does a policy
// that allows no model at all, saying that the policy did it.
func TestPolicyOwnerWarnings(t *testing.T) {
	t.Parallel()
	_, out, flat := planAgainstMock(t, `
provider "megallm" {
  policy = { allowed_owners = ["OpenAI"] }
}
data "megallm_models" "all" {}
data "megallm_models" "chat" { type = "chat" }
output "count" { value = length(data.megallm_models.all.ids) }
`)
	for _, want := range []string{
		"Warning: Provider policy allows owners the catalog does not have",
		`policy.allowed_owners lists "OpenAI" (did you mean "openai"?), which no model in the MegaLLM catalog from`,
		"Warning: Provider policy allows no model",
		"The policy allows none of the 26 models in the MegaLLM catalog from",
		"count = 0",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the plan does not show %q:\n%s", want, out)
		}
	}
	for _, once := range []string{"Warning: Provider policy allows owners", "Warning: Provider policy allows no model"} {
		if n := strings.Count(out, once); n != 1 {
			t.Errorf("the plan shows %q %d times, want once:\n%s", once, n, out)
		}
	}
}

// TestDeprecationAdvice: a deprecation warning takes the policy's reason with
// its own full stop once, says "today" for a retirement later today, and
// advises no successor that cannot be used. (Terraform folds warnings that
// share a summary, so this plan has one deprecated model.)
func TestDeprecationAdvice(t *testing.T) {
	t.Parallel()
	var out string
	var err error
	day := onOneDay(t, func(day func(int) string) {
		out, err = plan(t, mockapi.NewTestServer(t, ""), fmt.Sprintf(`
provider "megallm" {
  policy = {
    models = {
      "gpt-4.1-mini" = { deprecated_at = %q, retires_at = "%sT23:59:59Z", successor = "gpt-4.1", reason = "Costly." }
      "gpt-4.1"      = { denied = true }
    }
  }
}
data "megallm_model" "to_denied" { id = "gpt-4.1-mini" }
`, day(-2), day(0)), nil)
	})
	if err != nil {
		t.Fatalf("plan failed: %v\n%s", err, out)
	}
	want := fmt.Sprintf(`Model "gpt-4.1-mini" is deprecated since %s: Costly. It retires on %sT23:59:59Z, today, after `+
		`which this plan fails. Its successor "gpt-4.1" cannot be used: it is denied by the policy. Did you mean "gpt-4o"?`,
		day(-2), day(0))
	if !strings.Contains(out, want) {
		t.Errorf("the plan does not show %q:\n%s", want, out)
	}
}

// TestDeprecationWithoutSuccessor: a deprecated model that names no
// successor, read without a fallback, still gets a next step.
func TestDeprecationWithoutSuccessor(t *testing.T) {
	t.Parallel()
	_, out, flat := planAgainstMock(t, `
provider "megallm" {
  policy = { models = { "gpt-4.1-mini" = { deprecated_at = "2020-01-01" } } }
}
data "megallm_model" "m" { id = "gpt-4.1-mini" }
`)
	want := `Model "gpt-4.1-mini" is deprecated since 2020-01-01. It names no successor: choose another model with ` +
		`the megallm_models data source.`
	if !strings.Contains(flat, want) {
		t.Errorf("the plan does not show %q:\n%s", want, out)
	}
}

// TestDeprecationToDeniedSuccessor: a deprecated model whose successor
// cannot be used, with no model near either id, still gets a next step.
func TestDeprecationToDeniedSuccessor(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"m4","deprecated_at":"2020-01-01","successor":"zz-next"}`),
		json.RawMessage(`{"id":"zz-next"}`))
	out, err := plan(t, server, `
provider "megallm" {
  policy = { models = { "zz-next" = { denied = true } } }
}
data "megallm_model" "m" { id = "m4" }
`, nil)
	if err != nil {
		t.Fatalf("plan failed: %v\n%s", err, out)
	}
	want := `Model "m4" is deprecated since 2020-01-01. Its successor "zz-next" cannot be used: it is denied by the ` +
		`policy. Choose another model with the megallm_models data source, which lists only models that can be used.`
	if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, want) {
		t.Errorf("the plan does not show %q:\n%s", want, out)
	}
}

// TestPolicyFileWithByteOrderMark: a policy file saved with a UTF-8
// byte-order mark fails in jsondecode as the model-policy guide says, and
// the guide's way to read it plans.
func TestPolicyFileWithByteOrderMark(t *testing.T) {
	t.Parallel()
	const page = "../../templates/guides/model-policy.md.tmpl"
	guide, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	provider := regexp.MustCompile("(?m)^provider \"megallm\" \\{\n  policy = .*trimprefix.*\n\\}\n").Find(guide)
	if provider == nil {
		t.Fatalf("%s shows no provider block that reads a policy file with a byte-order mark", page)
	}
	const failure = "invalid character 'ï' looking for beginning of value"
	if !strings.Contains(string(guide), failure) {
		t.Errorf("%s does not quote jsondecode's error %q", page, failure)
	}
	policy, err := os.ReadFile("../../examples/guides/model-policy/model-policy.json")
	if err != nil {
		t.Fatal(err)
	}
	server := mockapi.NewTestServer(t, "")
	for _, tc := range []struct{ provider, wantError string }{
		{"provider \"megallm\" { policy = jsondecode(file(\"${path.module}/model-policy.json\")) }\n", failure},
		{string(provider), ""},
	} {
		ws := harness.Workspace(t, tc.provider+`data "megallm_models" "all" {}`, map[string]string{
			"MEGALLM_BASE_URL": server.URL(),
			"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
		})
		writeFile(t, filepath.Join(ws.Dir, "model-policy.json"), "\ufeff"+string(policy))
		out, err := ws.Run("plan", "-input=false", "-no-color")
		if flat := strings.Join(strings.Fields(out), " "); tc.wantError == "" && err != nil {
			t.Errorf("%s: plan failed: %v\n%s", tc.provider, err, out)
		} else if tc.wantError != "" && (err == nil || !strings.Contains(flat, tc.wantError)) {
			t.Errorf("%s: plan gave %v, want an error with %q:\n%s", tc.provider, err, tc.wantError, out)
		}
	}
}
