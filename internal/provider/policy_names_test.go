package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// A policy entry that names a catalog model in another letter case, or under
// its owner's vendor prefix, would deny or retire nothing: the plan fails,
// whichever data source reads the catalog, rather than pass with a warning.
func TestPolicy_misnamedModelFailsThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, `{ models = {
  "GPT-4o" = { denied = true }, "o3-MINI" = { retires_at = "2020-01-01" }, "OpenAI/gpt-4.1" = { denied = true }
} }`, `
data "megallm_model" "m" { id = "gpt-4o" }
data "megallm_models" "all" {}`),
		ExpectError: expectError(`Provider policy writes model ids otherwise than the catalog .* Model ids are exact, and ` +
			`these ids of the provider's policy name catalog models otherwise than the catalog writes them, so what the policy says of them \(a ` +
			`denial, a retirement, a price, a successor\) would silently miss them: - ` +
			`policy\.models\["GPT-4o"\] names no model, but the catalog has "gpt-4o": ids are case-sensitive - ` +
			`policy\.models\["OpenAI/gpt-4\.1"\] names no model, but the catalog has "gpt-4\.1", without the vendor ` +
			`prefix "OpenAI/" - ` +
			`policy\.models\["o3-MINI"\] names no model, but the catalog has "o3-mini": ids are case-sensitive ` +
			`Write each id as the catalog does\.`),
	})
}

// Keys that name one catalog model, each misnamed or one as the catalog
// writes it, are told to merge: written as the catalog does, each alone, the
// object literal would hold one key twice, which Terraform takes without a
// word, keeping one entry (a denial or a price silently lost).
func TestPolicy_misnamedKeysOfOneModel(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	config := func(models string) string {
		return policyProvider(server, `{ models = { `+models+` } }`, `data "megallm_model" "m" { id = "gpt-4o" }`)
	}
	unitTest(t,
		resource.TestStep{
			Config: config(`"GPT-4o" = { denied = true }, "Gpt-4o" = { pricing = { input_tokens_cost_per_million = 1, ` +
				`output_tokens_cost_per_million = 2 } }, "gpt-4o" = { retires_at = "2099-01-01" }`),
			ExpectError: expectError(`policy\.models\["GPT-4o"\] names no model, but the catalog has "gpt-4o": ids are ` +
				`case-sensitive; so written, it is the same model as the keys "gpt-4o" and "Gpt-4o": merge them into one entry, ` +
				`policy\.models\["gpt-4o"\] - policy\.models\["Gpt-4o"\] names no model, but the catalog has "gpt-4o": ` +
				`ids are case-sensitive; so written, it is the same model as the keys "gpt-4o" and "GPT-4o": merge them into one entry, ` +
				`policy\.models\["gpt-4o"\]`),
		},
		resource.TestStep{
			Config: config(`"GPT-4o" = { denied = true }, "openai/gpt-4o" = { retires_at = "2099-01-01" }`),
			ExpectError: expectError(`the catalog has "gpt-4o": ids are case-sensitive; so written, it is the same model as the key "openai/gpt-4o": ` +
				`merge the two into one entry, policy\.models\["gpt-4o"\]`),
		},
		resource.TestStep{ // the advice followed
			Config:      config(`"gpt-4o" = { denied = true, retires_at = "2099-01-01" }`),
			ExpectError: expectError(`gpt-4o.*denied`),
		},
	)
}

// A catalog id of two characters under its owner's vendor prefix is
// misnamed as a longer one is: an error, not a warning that the id is unknown.
func TestPolicy_misnamedShortIDFailsThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"o3","owned_by":"openai"}`), json.RawMessage(`{"id":"o3-mini","owned_by":"openai"}`))
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, `{ models = { "openai/o3" = { denied = true } } }`, `data "megallm_models" "all" {}`),
		ExpectError: expectError(`policy\.models\["openai/o3"\] names no model, but the catalog has "o3", without the ` +
			`vendor prefix "openai/"`),
	})
}

// A successor that names a catalog model in another letter case, or under its
// owner's vendor prefix, would advise, in every warning, error and
// model_lifecycle.successor, an id that fails wherever it is written: the plan
// fails, as for a misnamed key (beside it, in one error), and written as the
// catalog does it plans. One the catalog lacks entirely may be a model it is
// yet to list: a warning (TestPolicy_unknownSuccessorSuggestsClosestIDs).
func TestPolicy_misnamedSuccessorFailsThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(successor string) resource.TestStep {
		return resource.TestStep{Config: policyProvider(server, `{ models = { "gpt-4o" = { successor = "`+successor+`" } } }`,
			`data "megallm_model" "m" { id = "gpt-4o" }`)}
	}
	misnamed := func(successor, expected string) resource.TestStep {
		s := step(successor)
		s.ExpectError = expectError(`Provider policy writes model ids otherwise than the catalog .* a price, a successor\) ` +
			`would silently miss them: - ` + expected + ` Write each id as the catalog does\.`)
		return s
	}
	lifecycleSuccessor := func(successor string) resource.TestStep {
		s := step(successor)
		s.Check = resource.TestCheckResourceAttr("data.megallm_model.m", "model_lifecycle.successor", successor)
		return s
	}
	unitTest(t,
		misnamed("GPT-4o-mini", `policy\.models\["gpt-4o"\]\.successor is "GPT-4o-mini", which names no model, but the `+
			`catalog has "gpt-4o-mini": ids are case-sensitive`),
		misnamed("openai/gpt-4o-mini", `policy\.models\["gpt-4o"\]\.successor is "openai/gpt-4o-mini", which names no `+
			`model, but the catalog has "gpt-4o-mini", without the vendor prefix "openai/"`),
		lifecycleSuccessor("gpt-4o-mini"), // the advice followed
		lifecycleSuccessor("gpt-4o-minii"),
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "GPT-4o" = { successor = "OpenAI/GPT-4o-mini" } } }`,
				`data "megallm_models" "all" {}`),
			ExpectError: expectError(`- policy\.models\["GPT-4o"\] names no model, but the catalog has "gpt-4o": ids are ` +
				`case-sensitive - policy\.models\["GPT-4o"\]\.successor is "OpenAI/GPT-4o-mini", which names no model, but ` +
				`the catalog has "gpt-4o-mini", without the vendor prefix "OpenAI/" Write each id`),
		},
	)
}

// A policy entry or successor that is a catalog id without its prefix names
// no model: the denial would leave meta-llama/llama-3.3-70b-instruct usable,
// so the plan fails; written as the catalog does, the model is denied. One
// that more catalog ids end in names them all, and no key to merge it with.
func TestPolicy_idWithoutPrefixFailsThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ambiguous := mockapi.NewTestServer(t, "")
	ambiguous.SetModels(json.RawMessage(`{"id":"groq/llama-3"}`), json.RawMessage(`{"id":"together/llama-3"}`))
	use := `data "megallm_model" "m" { id = "meta-llama/llama-3.3-70b-instruct" }`
	unitTest(t,
		resource.TestStep{
			Config: policyProvider(ambiguous, `{ models = { "llama-3" = { denied = true }, "GROQ/llama-3" = { denied = true }, `+
				`"groq/llama-3" = { reason = "r" } } }`, `data "megallm_models" "all" {}`),
			ExpectError: expectError(`would silently miss them: - policy\.models\["GROQ/llama-3"\] names no model, but the ` +
				`catalog has "groq/llama-3": ids are case-sensitive; so written, it is the same model as the key "groq/llama-3": merge the two into one ` +
				`entry, policy\.models\["groq/llama-3"\] - policy\.models\["llama-3"\] names no model, but the catalog has ` +
				`"groq/llama-3" and "together/llama-3", each with a prefix that it lacks: write in full each one meant Write each id`),
		},
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "llama-3.3-70b-instruct" = { denied = true }, `+
				`"gpt-4o" = { successor = "llama-3.1-8b-instruct" } } }`, use),
			ExpectError: expectError(`Provider policy writes model ids otherwise than the catalog .* would silently miss ` +
				`them: - policy\.models\["llama-3\.3-70b-instruct"\] names no model, but the catalog has ` +
				`"meta-llama/llama-3\.3-70b-instruct", with the prefix "meta-llama/" - policy\.models\["gpt-4o"\]\.successor ` +
				`is "llama-3\.1-8b-instruct", which names no model, but the catalog has "meta-llama/llama-3\.1-8b-instruct", ` +
				`with the prefix "meta-llama/" Write each id as the catalog does\.`),
		},
		resource.TestStep{ // the advice followed
			Config:      policyProvider(server, `{ models = { "meta-llama/llama-3.3-70b-instruct" = { denied = true } } }`, use),
			ExpectError: expectError(`Model not allowed by the policy`),
		},
	)
}

// An allowed owner with white space around it matches no owner: an error at
// validate, as for a policy's model id, listed with another element's mistake.
func TestPolicy_allowedOwnerWithWhiteSpace(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, `{ allowed_owners = ["anthropic", " openai"] }`, `data "megallm_models" "all" {}`),
		ExpectError: expectError(`policy\.allowed_owners\[1\] is " openai", with white space around it, which no owner ` +
			`has: write it as "openai"`),
	}, resource.TestStep{
		Config: policyProvider(server, `{ allowed_owners = [null, " openai"] }`, `data "megallm_models" "all" {}`),
		ExpectError: expectError(`policy\.allowed_owners\[0\] is null, which is no owner: .* policy\.allowed_owners\[1\] is ` +
			`" openai", with white space around it, which no owner has: write the owner as the catalog does\.`),
	})
}

// A candidate that names a catalog model otherwise than the catalog writes
// it, in another letter case or under its owner's vendor prefix, is a
// mistake, wherever it stands in the list, not a candidate passed over; one
// the catalog lacks entirely, under another owner's prefix too, may be a model
// that has left it, and is passed over with a warning. As id, a prefixed one
// suggests the catalog's id alone.
func TestCandidates_misnamedIsAnError(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		errorStep(server, "megallm_model", `candidates = ["gpt-4o-mini", "GPT-4o"]`, `Error: Candidate id written otherwise `+
			`than the catalog .* Model ids are exact, and these ids of candidates name catalog models otherwise than the `+
			`catalog writes them, so they would never be chosen: - "GPT-4o" is not in the catalog, which has "gpt-4o": ids `+
			`are case-sensitive Write each id as the catalog does\.`),
		errorStep(server, "megallm_model", `candidates = ["openai/gpt-4o", "gpt-4.1"]`, `Error: Candidate id written `+
			`otherwise than the catalog .* - "openai/gpt-4o" is not in the catalog, which has "gpt-4o", without the vendor `+
			`prefix "openai/" Write each id as the catalog does\.`),
		errorStep(server, "megallm_model", `id = "OpenAI/gpt-4o"`, `Error: Unknown MegaLLM model id .* has no model with id `+
			`"OpenAI/gpt-4o"\. Did you mean "gpt-4o"\? The catalog has "gpt-4o", without the vendor prefix "OpenAI/"\.`),
		resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "m" { candidates = ["anthropic/gpt-4o", "gpt-4.1"] }`,
			Check:  resource.TestCheckResourceAttr("data.megallm_model.m", "id", "gpt-4.1"),
		},
	)
}

// The advice of "no candidate qualifies" fits the case: one candidate is
// "the only candidate", require is mentioned only when a candidate failed
// it, and relaxing it only when a bound missed could be relaxed.
func TestCandidates_noneQualifiesWords(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "m" { candidates = ["gpt-9"] }`,
			ExpectError: expectError(`The only candidate cannot be used: - "gpt-9" is not in the catalog .*` +
				`Add a candidate that qualifies\.`),
		},
		resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "m" {
  candidates = ["gpt-9", "gpt-4o"]
  require    = { min_context_length = 10000000 }
}`,
			ExpectError: expectError(`None of the 2 candidates can be used: .* Add a candidate that qualifies, or relax require\.`),
		},
		resource.TestStep{ // no bound admits a model without the price: relaxing require cannot help
			Config: providerBlock(server, "") + `data "megallm_model" "m" {
  candidates = ["meta-llama/llama-3.2-90b-vision-instruct", "text-embedding-004"]
  require    = { max_input_cost_per_million = 10 }
}`,
			ExpectError: expectError(`None of the 2 candidates can be used: .* Add a candidate that qualifies, or remove what` +
				` they miss from require: a model never meets a requirement on a field it does not report\.`),
		},
		resource.TestStep{ // one candidate's price is reported: relaxing can admit it
			Config: providerBlock(server, "") + `data "megallm_model" "m" {
  candidates = ["meta-llama/llama-3.2-90b-vision-instruct", "gpt-4o"]
  require    = { max_input_cost_per_million = 1 }
}`,
			ExpectError: expectError(`None of the 2 candidates can be used: .* Add a candidate that qualifies, or relax require\.`),
		},
	)
}

// TestPolicy_unknownSuccessorSuggestsClosestIDs reads through the provider
// server, since plugin-testing does not show warnings: a successor the
// catalog lacks warns, naming the closest ids that the entry's model can move
// to (neither itself nor a denied model, as the deprecation warning advises),
// or the id of the model whose display name it is.
func TestPolicy_unknownSuccessorSuggestsClosestIDs(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := object(map[string]tftypes.Value{"models": object(map[string]tftypes.Value{
		"o3-mini":                   object(map[string]tftypes.Value{"successor": str("gpt-4o-minii")}),
		"gpt-4.1":                   object(map[string]tftypes.Value{"successor": str("DeepSeek V3")}),
		"gpt-4o":                    object(map[string]tftypes.Value{"successor": str("gpt-5")}),
		"claude-3-opus-20240229":    object(map[string]tftypes.Value{"denied": tftypes.NewValue(tftypes.Bool, true)}),
		"claude-3-5-haiku-20241022": object(map[string]tftypes.Value{"successor": str("claude-3-opus-2024022")}),
	})})
	p := newProtocolServer(t, server, map[string]tftypes.Value{"policy": policy})
	_, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil))
	want := []string{"Provider policy names successors the catalog does not have: " + aboutPolicy +
		" These successors in policy.models are not in the MegaLLM catalog from " + server.URL() + "/models, so a " +
		"configuration cannot move to them yet:\n" +
		`  - "claude-3-5-haiku-20241022" names successor "claude-3-opus-2024022" (did you mean "claude-3-5-sonnet-20241022"?)` + "\n" +
		`  - "gpt-4.1" names successor "DeepSeek V3" (it is the display name of "deepseek-chat": write that id instead)` + "\n" +
		`  - "gpt-4o" names successor "gpt-5" (did you mean "gpt-4.1" or "gpt-4o-mini"?)` + "\n" +
		`  - "o3-mini" names successor "gpt-4o-minii" (did you mean "gpt-4o-mini" or "gpt-4.1-mini"?)` + "\n\n" +
		"Ids are exact and case-sensitive: correct the successor's id, or add it to the catalog first."}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n%q\nwant\n%q", got, want)
	}
}

// TestPolicy_ownerWithEveryModelDeniedWarns reads through the provider
// server, since plugin-testing does not show warnings: an owner whose every
// model the policy denies one by one matches nothing, and owned_by says so,
// as it does for an owner allowed_owners leaves out; an owner with one model
// allowed, which other arguments filter out, gets no warning.
func TestPolicy_ownerWithEveryModelDeniedWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	denied := object(map[string]tftypes.Value{"denied": tftypes.NewValue(tftypes.Bool, true)})
	p := newProtocolServer(t, server, map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{
		"models": object(map[string]tftypes.Value{
			"mistral-large-latest": denied, "mistral-small-latest": denied, "codestral-latest": denied, "mistral-embed": denied,
			"claude-3-5-haiku-20241022": denied, "grok-2-1212": denied,
		}),
	})})
	owners := func(owners ...string) tftypes.Value {
		values := make([]tftypes.Value, len(owners))
		for i, owner := range owners {
			values[i] = str(owner)
		}
		return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, values)
	}
	for _, tc := range []struct {
		name   string
		config map[string]tftypes.Value
		want   []string
	}{
		{"every model denied", map[string]tftypes.Value{"owned_by": owners("mistral")}, []string{
			`AttributeName("owned_by"): Every model of this owner denied by the policy: The provider's policy denies every ` +
				`model owned by "mistral" (all 4 in the catalog, with denied = true in its models), so that owner matches nothing.`,
		}},
		{"the only model denied", map[string]tftypes.Value{"owned_by": owners("xai")}, []string{
			`AttributeName("owned_by"): Every model of this owner denied by the policy: The provider's policy denies every ` +
				`model owned by "xai" (the only one in the catalog, with denied = true in its models), so that owner matches nothing.`,
		}},
		// One anthropic model is denied, the others are allowed but not of this type.
		{"one allowed, filtered out", map[string]tftypes.Value{"owned_by": owners("anthropic"), "type": str("embedding")}, nil},
	} {
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", tc.config)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: warnings\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

// TestPolicy_displayNameForIDWarns reads through the provider server, since
// plugin-testing does not show warnings: a display name written as a policy's
// model id names the id whose display name it is.
func TestPolicy_displayNameForIDWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := object(map[string]tftypes.Value{"models": object(map[string]tftypes.Value{
		"DeepSeek V3": object(map[string]tftypes.Value{"denied": tftypes.NewValue(tftypes.Bool, true)}),
	})})
	p := newProtocolServer(t, server, map[string]tftypes.Value{"policy": policy})
	_, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil))
	want := `policy.models names "DeepSeek V3" (it is the display name of "deepseek-chat": write that id instead), which the MegaLLM catalog`
	if len(got) != 1 || !strings.Contains(got[0], want) {
		t.Errorf("warnings %q, want one with %q", got, want)
	}
}

// TestPolicy_unknownIDsWarnInNumber reads through the provider server, since
// plugin-testing does not show warnings: one id the catalog lacks is "it",
// two are "them".
func TestPolicy_unknownIDsWarnInNumber(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	for _, tc := range []struct {
		ids  []string
		want string
	}{
		{[]string{"gpt-9"}, "so what the policy says of it has no effect. Ids are exact and case-sensitive: correct a " +
			"typo, or remove the model if it has left the catalog."},
		{[]string{"gpt-9", "gpt-10"}, "so what the policy says of them has no effect. Ids are exact and case-sensitive: " +
			"correct a typo, or remove the models that have left the catalog."},
	} {
		models := map[string]tftypes.Value{}
		for _, id := range tc.ids {
			models[id] = object(map[string]tftypes.Value{"denied": tftypes.NewValue(tftypes.Bool, true)})
		}
		p := newProtocolServer(t, server, map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{"models": object(models)})})
		_, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil))
		if len(got) != 1 || !strings.HasSuffix(got[0], tc.want) || strings.Count(got[0], "(did you mean") != len(tc.ids) {
			t.Errorf("policy naming %q: warnings %q, want one naming each that ends %q", tc.ids, got, tc.want)
		}
	}
}

// TestPolicy_caseVariantsWarnUntilEverySpellingIsNamed reads through the
// provider server, since plugin-testing does not show warnings: a policy
// entry for one of two ids that differ only in letter case warns that it
// does not apply to the other, until the policy names both as the warning
// says; a policy naming neither has nothing to warn about.
func TestPolicy_caseVariantsWarnUntilEverySpellingIsNamed(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"o3-mini"}`), json.RawMessage(`{"id":"gpt-4o"}`), json.RawMessage(`{"id":"O3-MINI"}`))
	denied := object(map[string]tftypes.Value{"denied": tftypes.NewValue(tftypes.Bool, true)})
	for _, tc := range []struct {
		name   string
		models map[string]tftypes.Value
		want   []string
	}{
		{"one spelling denied", map[string]tftypes.Value{"O3-MINI": denied}, []string{
			"Provider policy names only some spellings of model ids that differ only in letter case: " + aboutPolicy +
				" The MegaLLM catalog from " + server.URL() + "/models lists models whose ids differ only in letter case, " +
				"and policy.models names only some of the spellings:\n" +
				`  - policy.models names "O3-MINI", not "o3-mini"` + "\n\n" +
				`Ids are exact and case-sensitive, so each is a separate model, and what the policy says of "O3-MINI" ` +
				`(a denial, a retirement, a price) does not apply to "o3-mini". Name every spelling in policy.models, ` +
				"each with the entry of the one it names, or ask the catalog's maintainers which one is meant.",
		}},
		{"the advice followed", map[string]tftypes.Value{"O3-MINI": denied, "o3-mini": denied}, nil},
		{"neither spelling named", map[string]tftypes.Value{"gpt-4o": denied}, nil},
	} {
		p := newProtocolServer(t, server, map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{"models": object(tc.models)})})
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: warnings\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

// A spelling to name too long to quote whole is advised cut, with where to
// read it whole: the ids of a megallm_models data source, which list it, as
// the policy says nothing of it; named so, the warning goes. A retired one,
// which such a data source leaves out, is read from one with include_retired.
func TestPolicy_caseVariantTooLongToQuoteWhole(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	upper := strings.ToUpper(longID)
	server.SetModels(json.RawMessage(`{"id":"`+longID+`"}`), json.RawMessage(`{"id":"`+upper+`"}`), json.RawMessage(`{"id":"m5"}`))
	denied := object(map[string]tftypes.Value{"denied": tftypes.NewValue(tftypes.Bool, true)})
	p := newProtocolServer(t, server, map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{
		"models": object(map[string]tftypes.Value{upper: denied})})})
	state, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil))
	if want := `which one is meant. ` + strings.ReplaceAll(listedWholeWords, `\`, ""); len(got) != 1 || !strings.HasSuffix(got[0], want) {
		t.Errorf("warnings\n%q\nwant one that ends %q", got, want)
	}
	var attrs map[string]tftypes.Value
	var ids []tftypes.Value
	var whole string // the advice followed: the id the warning cuts, read whole from ids
	if err := state.As(&attrs); err != nil || attrs["ids"].As(&ids) != nil {
		t.Fatalf("state %v: %v", state, err)
	}
	for _, v := range ids {
		if id := ""; v.As(&id) == nil && strings.HasPrefix(id, longHead) {
			whole = id
		}
	}
	p = newProtocolServer(t, server, map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{
		"models": object(map[string]tftypes.Value{upper: denied, whole: denied})})})
	if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil)); len(got) != 0 {
		t.Errorf("the advice followed: warnings %q", got)
	}
	server.SetModels(json.RawMessage(`{"id":"`+longID+`","retires_at":"2020-01-01"}`), json.RawMessage(`{"id":"`+upper+`"}`))
	p = newProtocolServer(t, server, map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{
		"models": object(map[string]tftypes.Value{upper: denied})})})
	want := "which one is meant. Read each id suggested here whole from the ids of a megallm_models data source with " +
		"include_retired = true under a provider block without policy, which lists every model of the catalog."
	if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil)); len(got) != 1 || !strings.HasSuffix(got[0], want) {
		t.Errorf("a retired spelling: warnings\n%q\nwant one that ends %q", got, want)
	}
}

// A policy price in a currency that is no ISO 4217 code and one edit from
// one the API prices its models in is a typo, which would only warn that the
// policy prices models in another currency, advising to set the typo as the
// data source's currency: it fails every read, with the code meant, checked
// against the catalog's currencies before the policy applies ("UDS" once
// applied is one of them). An ISO 4217 code near one ("USN") is a currency of
// its own.
func TestPolicy_mistypedCurrencyFailsThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	config := func(currency string) string {
		return policyProvider(server, `{ models = {
  "gpt-4o" = { pricing = { currency = "`+currency+`", input_tokens_cost_per_million = 2 } },
  "o3-mini" = { pricing = { currency = "EUR", input_tokens_cost_per_million = 1 } }
} }`, `
data "megallm_model" "m" { id = "gpt-4o" }
data "megallm_models" "all" { require = { max_input_cost_per_million = 5 } }`)
	}
	unitTest(t, resource.TestStep{
		Config: config("uds"),
		ExpectError: expectError(`Provider policy currency not an ISO 4217 code .* The provider's policy prices models in a ` +
			`currency that no model in the catalog is priced in, one edit from one that is, so, whatever their price, ` +
			`price requirements would leave them out and cost sorts put them last: - ` +
			`policy\.models\["gpt-4o"\]\.pricing\.currency "UDS" is no ISO 4217 code\. Did you mean "USD"\? ` +
			`Correct each code\.`),
	}, resource.TestStep{
		Config: config("USN"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("pricing").AtMapKey("currency"), knownvalue.StringExact("USN")),
		},
	})
}

// TestPolicy_priceInAnotherCurrencyWarns reads through the provider server,
// since plugin-testing does not show warnings: a negotiated price in another
// currency than the data source's would sort its model last by cost, or
// leave it out of a price bound, whatever the price, so the read warns,
// naming the models its other arguments keep, until either fix is made.
func TestPolicy_priceInAnotherCurrencyWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	priced := func(currency string) tftypes.Value {
		return object(map[string]tftypes.Value{"pricing": object(map[string]tftypes.Value{
			"input_tokens_cost_per_million": number(0), "currency": str(currency),
		})})
	}
	policy := func(models map[string]tftypes.Value) map[string]tftypes.Value {
		return map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{"models": object(models)})}
	}
	bound := object(map[string]tftypes.Value{"max_input_cost_per_million": number(1)})
	const summary = `AttributeName("currency"): Policy prices models in another currency than this data source: `
	for _, tc := range []struct {
		name   string
		policy map[string]tftypes.Value
		config map[string]tftypes.Value
		want   []string
	}{
		{"a cost sort", policy(map[string]tftypes.Value{"gpt-4o": priced("EUR")}),
			map[string]tftypes.Value{"sort_by": str("input_cost"), "limit": number(3)}, []string{summary +
				`This data source compares prices in "USD" (currency), and the provider's policy prices these models, ` +
				`which its other arguments keep, in another currency, so, whatever their price, sort_by = "input_cost" ` +
				"puts them last: prices in two currencies do not compare.\n" +
				`  - "gpt-4o" is priced in "EUR" (policy.models["gpt-4o"].pricing)` + "\n\n" +
				`Write each negotiated price in "USD", converted, with pricing.currency = "USD" in its policy entry, or ` +
				`set currency = "EUR" here to compare only the models priced in "EUR".`}},
		{"a price bound, two currencies", policy(map[string]tftypes.Value{"gpt-4o": priced("EUR"), "gpt-4.1": priced("GBP")}),
			map[string]tftypes.Value{"require": bound}, []string{summary +
				`This data source compares prices in "USD" (currency), and the provider's policy prices these models, ` +
				`which its other arguments keep, in another currency, so, whatever their price, require's price bounds ` +
				"leave them out: prices in two currencies do not compare.\n" +
				`  - "gpt-4o" is priced in "EUR" (policy.models["gpt-4o"].pricing)` + "\n" +
				`  - "gpt-4.1" is priced in "GBP" (policy.models["gpt-4.1"].pricing)` + "\n\n" +
				`Write each negotiated price in "USD", converted, with pricing.currency = "USD" in its policy entry, or ` +
				`set currency here to one of "EUR" or "GBP" to compare only the models priced in that currency.`}},
		// Each fix, and a model that the read's other arguments leave out anyway.
		{"the price in USD", policy(map[string]tftypes.Value{"gpt-4o": priced("USD")}),
			map[string]tftypes.Value{"sort_by": str("input_cost")}, nil},
		{"the data source's currency", policy(map[string]tftypes.Value{"gpt-4o": priced("EUR")}),
			map[string]tftypes.Value{"sort_by": str("input_cost"), "currency": str("EUR")}, nil},
		{"another type", policy(map[string]tftypes.Value{"gpt-4o": priced("EUR")}),
			map[string]tftypes.Value{"sort_by": str("input_cost"), "type": str("embedding")}, nil},
		{"no price compared", policy(map[string]tftypes.Value{"gpt-4o": priced("EUR")}),
			map[string]tftypes.Value{"sort_by": str("context_length")}, nil},
	} {
		p := newProtocolServer(t, server, tc.policy)
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", tc.config)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: warnings\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}

	// A catalog priced in EUR alone compares no price in USD, whatever the
	// policy says: the policy's EUR price is not why, and converting it
	// would not sort the others.
	euro := mockapi.NewTestServer(t, "")
	euro.SetModels(json.RawMessage(`{"id":"gpt-4o","pricing":{"input_tokens_cost_per_million":2.5,"currency":"EUR"}}`),
		json.RawMessage(`{"id":"gpt-4.1","pricing":{"input_tokens_cost_per_million":2,"currency":"EUR"}}`))
	p := newProtocolServer(t, euro, policy(map[string]tftypes.Value{"gpt-4o": priced("EUR")}))
	want := []string{`AttributeName("currency"): No model priced in this currency: No model in the MegaLLM catalog (2 models ` +
		`from ` + euro.URL() + `/models) is priced in "USD", currency's default, so no model meets a price requirement or ` +
		`sorts by cost in it. The catalog's only currency is "EUR". Set currency = "EUR" to compare the prices in it.`}
	config := p.config(t, "megallm_models", map[string]tftypes.Value{"sort_by": str("input_cost")})
	if _, got := p.readWarnings(t, "megallm_models", config); !slices.Equal(got, want) {
		t.Errorf("a catalog in EUR: warnings\n%q\nwant\n%q", got, want)
	}

	// Without a policy too: a price sort or bound that compares nothing,
	// as currency defaults to USD, says which currency to set; the advice
	// followed sorts the models by price.
	p = newProtocolServer(t, euro, nil)
	for name, config := range map[string]map[string]tftypes.Value{
		"a price sort":  {"sort_by": str("input_cost")},
		"a price bound": {"require": object(map[string]tftypes.Value{"max_input_cost_per_million": number(3)})},
	} {
		state, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", config))
		if !slices.Equal(got, want) {
			t.Errorf("a catalog in EUR, %s, no policy: warnings\n%q\nwant\n%q", name, got, want)
		}
		if reason := stringAttr(t, state, "empty_reason"); name == "a price bound" && !strings.HasSuffix(reason,
			`(the closest: priced in EUR, the requirement is in USD)`+"\n\n"+`Set currency = "EUR" to compare the prices in it, or loosen or remove require.`) {
			t.Errorf("a catalog in EUR, a price bound: empty_reason = %q, want it to say which currency to set", reason)
		}
		config["currency"] = str("EUR")
		state, got = p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", config))
		var attrs map[string]tftypes.Value
		var values []tftypes.Value
		if err := state.As(&attrs); err != nil || attrs["ids"].As(&values) != nil {
			t.Fatalf("a catalog in EUR, %s: no ids in the state", name)
		}
		ids := make([]string, len(values))
		for i, v := range values {
			_ = v.As(&ids[i])
		}
		if len(got) != 0 || !slices.Equal(ids, []string{"gpt-4.1", "gpt-4o"}) {
			t.Errorf("a catalog in EUR, %s, currency = \"EUR\": warnings %q, ids %q, want none and [gpt-4.1 gpt-4o]", name, got, ids)
		}
	}
}

// A name of the policy with white space around it, or an invisible character,
// fails the plan once, naming the name as the catalog writes it (in another
// letter case, without a vendor prefix), else what the catalog has close to
// it, and not again among the ids written otherwise than the catalog does,
// which list the others; the plan with that advice followed passes. Only the
// catalog can spell a name, so the read refuses it, not the validator, which
// does next to a value not known yet, where the read may wait for apply.
func TestPolicy_spacedNameAdvicePlans(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(policy, config, expected string, checks ...statecheck.StateCheck) resource.TestStep {
		step := resource.TestStep{Config: policyProvider(server, policy, config), ConfigStateChecks: checks}
		if expected != "" {
			step.ExpectError = expectError(expected)
		}
		return step
	}
	const readGPT4o = `data "megallm_model" "m" { id = "gpt-4o" }`
	gpt4o := func(attribute string, value knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New(attribute), value)
	}
	unitTestFrom(t, tfversion.Version1_4_0,
		step(`{ allowed_owners = [" OpenAI", "anthropic "] }`, readGPT4o, `Invalid policy .* `+
			`policy\.allowed_owners\[0\] is " OpenAI", with white space around it, which no owner has: write it as "openai"\. `+
			`policy\.allowed_owners\[1\] is "anthropic ", with white space around it, which no owner has: write it as "anthropic"\.`),
		step(`{ allowed_owners = ["openai", "anthropic"] }`, readGPT4o, "", gpt4o("owned_by", knownvalue.StringExact("openai"))),
		step(`{ allowed_owners = [" opnai"] }`, readGPT4o, `policy\.allowed_owners\[0\] is " opnai", with white space around `+
			`it, which no owner has: the catalog has no owner "opnai" either\. Did you mean "openai"\?`),
		step(`{ models = { " GPT-4o" = { pricing = { input_tokens_cost_per_million = 1 } }, "OpenAI/o3-mini\u200b" = { denied = true } } }`,
			readGPT4o, `a key of policy\.models is " GPT-4o", with white space around it, which no model id has: write it as "gpt-4o"\. `+
				`a key of policy\.models is "OpenAI/o3-mini\\u200b", with an invisible or look-alike character \(U\+200B, its `+
				`character 15\), which no model id has: copying through a chat or a document can add one; write it as "o3-mini"\.\s*$`),
		step(`{ models = { " GPT-4o" = { denied = true }, "O3-mini" = { denied = true, successor = "gpt-4.1 " } } }`, readGPT4o,
			`a key of policy\.models is " GPT-4o", with white space around it, which no model id has: write it as "gpt-4o"\.\s+`+
				`policy\.models\["O3-mini"\]\.successor is "gpt-4\.1 ", with white space around it, which no model id has: write it `+
				`as "gpt-4\.1"\.\s+Model ids are exact, .* miss them:\s+- policy\.models\["O3-mini"\] names no model, but the `+
				`catalog has "o3-mini": ids are case-sensitive\s+Write each id as the catalog does\.\s*$`),
		step(`{ models = { "gpt-4o" = { pricing = { input_tokens_cost_per_million = 1 } }, "o3-mini" = { denied = true } } }`,
			readGPT4o, "", gpt4o("pricing", knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"input_tokens_cost_per_million": knownvalue.Float64Exact(1),
			}))),
		step(`{ models = { "gpt-4o" = { successor = " GPT-4.1" } } }`, readGPT4o, `policy\.models\["gpt-4o"\]\.successor is `+
			`" GPT-4\.1", with white space around it, which no model id has: write it as "gpt-4\.1"\.\s*$`),
		step(`{ models = { "gpt-4o" = { successor = "gpt-4.1" } } }`, readGPT4o, "",
			gpt4o("model_lifecycle", knownvalue.ObjectPartial(map[string]knownvalue.Check{"successor": knownvalue.StringExact("gpt-4.1")}))),
		// Written as the catalog does, a successor that names its entry's own
		// model, or a key that repeats another, is that mistake, said at once.
		step(`{ models = { "gpt-4o" = { reason = "Superseded", successor = " GPT-4o" } } }`, readGPT4o, `policy\.models\["gpt-4o"\]\.`+
			`successor is " GPT-4o", with white space around it, which no model id has: written as "gpt-4o", it is the model `+
			`itself: name the model to move to, or leave successor out\.`),
		// So does a successor, spaced or not, that names the model of a spaced
		// key once the key is written as the catalog does.
		step(`{ models = { " GPT-4o" = { reason = "Superseded", successor = "gpt-4o" } } }`, readGPT4o, `a key of policy\.models `+
			`is " GPT-4o", with white space around it, which no model id has: write it as "gpt-4o"\.\s+`+
			`policy\.models\[" GPT-4o"\]\.successor is "gpt-4o": once the key is written as "gpt-4o", it is the model itself: `+
			`name the model to move to, or leave successor out\.`),
		step(`{ models = { " GPT-4o" = { reason = "Superseded", successor = " GPT-4o" } } }`, readGPT4o, `a key of policy\.models `+
			`is " GPT-4o", with white space around it, which no model id has: write it as "gpt-4o"\.\s+`+
			`policy\.models\[" GPT-4o"\]\.successor is " GPT-4o", with white space around it, which no model id has: `+
			`written as "gpt-4o", it is the model itself: name the model to move to, or leave successor out\.`),
		// A misnamed key whose successor is its model, once written as the
		// catalog does: both in one plan, and the two fixes together plan (below).
		step(`{ models = { "GPT-4o" = { reason = "Superseded", successor = "gpt-4o" } } }`, readGPT4o, `Invalid policy .* `+
			`policy\.models\["GPT-4o"\]\.successor is "gpt-4o": once the key is written as "gpt-4o", it is the model itself: name `+
			`the model to move to, or leave successor out\. .* policy\.models\["GPT-4o"\] names no model, but the catalog has `+
			`"gpt-4o": ids are case-sensitive`),
		// The key as the catalog writes it, and its model as the successor in
		// another letter case: the advice followed plans (the step after).
		step(`{ models = { "gpt-4o" = { reason = "Superseded", successor = "GPT-4o" } } }`, readGPT4o, `Invalid policy .* `+
			`policy\.models\["gpt-4o"\]\.successor is "GPT-4o", which names no model, but the catalog has "gpt-4o":\s+ids\s+are\s+`+
			`case-sensitive; written as "gpt-4o", it is the model itself: name the model to move to, or leave successor out\.`),
		step(`{ models = { "gpt-4o" = { reason = "Superseded" } } }`, readGPT4o, "",
			gpt4o("model_lifecycle", knownvalue.ObjectPartial(map[string]knownvalue.Check{"successor": knownvalue.Null()}))),
		step(`{ models = { " gpt-4o" = { pricing = { input_tokens_cost_per_million = 1 } }, "gpt-4o" = { reason = "Negotiated" } } }`,
			readGPT4o, `a key of policy\.models is " gpt-4o", with white space around it, which no model id has: written as `+
				`"gpt-4o", it repeats the entry policy\.models\["gpt-4o"\]: merge the two into that entry\.`),
		// Two spaced keys of one model, each written as the catalog does, would
		// be one key twice, of which Terraform keeps one entry without a word.
		step(`{ models = { " gpt-4o" = { pricing = { input_tokens_cost_per_million = 1 } }, "GPT-4o " = { reason = "Negotiated" } } }`,
			readGPT4o, `a key of policy\.models is " gpt-4o", with white space around it, which no model id has: written as `+
				`"gpt-4o", it is the same model as the key "GPT-4o ": merge the two into one entry, policy\.models\["gpt-4o"\]\.\s+`+
				`a key of policy\.models is "GPT-4o ", with white space around it, which no model id has: written as `+
				`"gpt-4o", it is the same model as the key " gpt-4o": merge the two into one entry, policy\.models\["gpt-4o"\]\.`),
		step(`{ models = { "gpt-4o" = { pricing = { input_tokens_cost_per_million = 1 }, reason = "Negotiated" } } }`, readGPT4o, "",
			gpt4o("pricing", knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"input_tokens_cost_per_million": knownvalue.Float64Exact(1),
			}))),
		step(`{ models = { "gpt-4o" = { successor = "gpt-4o-minii " } } }`, readGPT4o, `policy\.models\["gpt-4o"\]\.successor `+
			`is "gpt-4o-minii ", with white space around it, which no model id has: the catalog has no model id `+
			`"gpt-4o-minii" either\. Did you mean "gpt-4o-mini"`),
		// A wildcard is no id, with white space around it or not; the id_regex
		// it advises lists the ids in the letter case the catalog writes them.
		step(`{ models = { " GPT-4*" = { denied = true } } }`, readGPT4o, `a key of policy\.models is " GPT-4\*", but ids `+
			`are exact, not wildcard patterns, .* \(a megallm_models data source with id_regex = "\(\?i\)\^GPT-4" lists them\)`),
		step(`null`, `data "megallm_models" "gpt4" { id_regex = "(?i)^GPT-4" }`, "",
			expectIDs("data.megallm_models.gpt4", "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini")),
	)
	// Next to a value not known yet, the read may wait for apply: the
	// validator refuses the name, without the spelling only the catalog has.
	unitTestFrom(t, tfversion.Version1_4_0, planErrorStep(`resource "terraform_data" "u" { input = "openai" }`+
		policyProvider(server, `{ allowed_owners = [terraform_data.u.output], models = { " GPT-4o" = { denied = true } } }`, readGPT4o),
		`a key of policy\.models is " GPT-4o", with white space around it, which no model id has: write the model id as `+
			`the catalog does\.`))
}

// Keys of policy.models that, written as the catalog does, are one model id
// are told so, each naming the others, also a key the catalog has only in
// another letter case (which the read's misnamed-id error says to write so):
// following each key's advice alone would write one key twice.
func TestSpacedPolicyNames_keysOfOneModel(t *testing.T) {
	t.Parallel()
	models := catalog.New([]megallm.Model{{ID: "gpt-4o", OwnedBy: ptr("openai")}, {ID: "o3-mini", OwnedBy: ptr("openai")}})
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{[]string{" gpt-4o", "GPT-4o ", "openai/gpt-4o\u200b", "o3-mini"},
			`a key of policy.models is " gpt-4o", with white space around it, which no model id has: written as "gpt-4o", ` +
				`it is the same model as the keys "GPT-4o " and "openai/gpt-4o\u200b": merge them into one entry, policy.models["gpt-4o"]` + "\n" +
				`a key of policy.models is "GPT-4o ", with white space around it, which no model id has: written as "gpt-4o", ` +
				`it is the same model as the keys " gpt-4o" and "openai/gpt-4o\u200b": merge them into one entry, policy.models["gpt-4o"]` + "\n" +
				`a key of policy.models is "openai/gpt-4o\u200b", with an invisible or look-alike character (U+200B, its character 14), ` +
				`which no model id has: copying through a chat or a document can add one; written as "gpt-4o", it is the same ` +
				`model as the keys " gpt-4o" and "GPT-4o ": merge them into one entry, policy.models["gpt-4o"]`},
		{[]string{" gpt-4o", "GPT-4o"},
			`a key of policy.models is " gpt-4o", with white space around it, which no model id has: written as "gpt-4o", ` +
				`it is the same model as the key "GPT-4o": merge the two into one entry, policy.models["gpt-4o"]`},
	} {
		policy := &catalog.Policy{Models: map[string]catalog.ModelPolicy{}}
		for _, key := range tc.keys {
			policy.Models[key] = catalog.ModelPolicy{Denied: true}
		}
		if err := spacedPolicyNames(policy)(models); err == nil || err.Error() != tc.want {
			t.Errorf("keys %q: error\n%v\nwant\n%s", tc.keys, err, tc.want)
		}
	}
}

// A successor that, written as the catalog does, names the model its key
// names, written so too, is the model itself: said at once, spaced or not.
func TestSpacedPolicyNames_successorOfItsOwnKey(t *testing.T) {
	t.Parallel()
	models := catalog.New([]megallm.Model{{ID: "gpt-4o", OwnedBy: ptr("openai")}, {ID: "gpt-4.1", OwnedBy: ptr("openai")}})
	const self = "it is the model itself: name the model to move to, or leave successor out"
	for _, tc := range []struct{ key, successor, want string }{
		{" GPT-4o", "gpt-4o", `a key of policy.models is " GPT-4o", with white space around it, which no model id has: ` +
			`write it as "gpt-4o"` + "\n" + `policy.models[" GPT-4o"].successor is "gpt-4o": once the key is written as "gpt-4o", ` + self},
		{" GPT-4o", " GPT-4o", `a key of policy.models is " GPT-4o", with white space around it, which no model id has: ` +
			`write it as "gpt-4o"` + "\n" + `policy.models[" GPT-4o"].successor is " GPT-4o", with white space around it, which ` +
			`no model id has: written as "gpt-4o", ` + self},
		// The key in another letter case, which the misnamed-id error says to write as "gpt-4o".
		{"GPT-4o", "gpt-4o ", `policy.models["GPT-4o"].successor is "gpt-4o ", with white space around it, which no model ` +
			`id has: written as "gpt-4o", ` + self},
		{" GPT-4o", "gpt-4.1", `a key of policy.models is " GPT-4o", with white space around it, which no model id has: ` +
			`write it as "gpt-4o"`},
		// A key the catalog has in another letter case, or under its vendor
		// prefix, with the successor it will be once the misnamed-id error's
		// advice is followed: said in the same plan, not the next.
		{"GPT-4o", "gpt-4o", `policy.models["GPT-4o"].successor is "gpt-4o": once the key is written as "gpt-4o", ` + self},
		{"openai/gpt-4o", "OpenAI/GPT-4o", `policy.models["openai/gpt-4o"].successor is "OpenAI/GPT-4o": once the key is ` +
			`written as "gpt-4o", ` + self},
		// The key as the catalog writes it, and its model as the successor in
		// another letter case or under its vendor prefix: no model, and
		// written as the catalog does, the model itself.
		{"gpt-4o", "GPT-4o", `policy.models["gpt-4o"].successor is "GPT-4o", which names no model, but the catalog has ` +
			`"gpt-4o": ids are case-sensitive; written as "gpt-4o", ` + self},
		{"gpt-4o", "openai/gpt-4o", `policy.models["gpt-4o"].successor is "openai/gpt-4o", which names no model, but the ` +
			`catalog has "gpt-4o", without the vendor prefix "openai/"; written as "gpt-4o", ` + self},
	} {
		policy := &catalog.Policy{Models: map[string]catalog.ModelPolicy{tc.key: {Successor: &tc.successor}}}
		if err := spacedPolicyNames(policy)(models); err == nil || err.Error() != tc.want {
			t.Errorf("key %q, successor %q: error\n%v\nwant\n%s", tc.key, tc.successor, err, tc.want)
		}
	}
}

// The provider takes a policy as a value, most often a shared file's
// (jsondecode(file(...)), or yamldecode): its spaced names get the errors, and
// the paths, that the same policy written inline gets, and the file with the
// advice followed plans.
func TestPolicy_spacedNamesFromAFile(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	dir := t.TempDir()
	for name, body := range map[string]string{
		"spaced.json": `{"allowed_owners": [" OpenAI"], "models": {" gpt-4o": {"denied": true}, "GPT-4o ": {"reason": "x"},` +
			` "gpt-4.1": {"successor": "GPT-4o-mini\u200b"}}}`,
		"spaced.yaml": "allowed_owners: [\" OpenAI\"]\nmodels:\n  \" gpt-4o\": {denied: true}\n  \"GPT-4o \": {reason: x}\n" +
			"  gpt-4.1: {successor: \"GPT-4o-mini\\u200b\"}\n",
		"fixed.json": `{"allowed_owners": ["openai"], "models": {"gpt-4o": {"denied": true, "reason": "x"}, "gpt-4.1": {"successor": "gpt-4o-mini"}}}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	const readMini = `data "megallm_model" "m" { id = "gpt-4o-mini" }`
	want := expectError(`Invalid policy .* ` +
		`policy\.allowed_owners\[0\] is " OpenAI", with white space around it, which no owner has: write it as "openai"\. ` +
		`a key of policy\.models is " gpt-4o", with white space around it, which no model id has: written as "gpt-4o", it is ` +
		`the same model as the key "GPT-4o ": merge the two into one entry, policy\.models\["gpt-4o"\]\. ` +
		`a key of policy\.models is "GPT-4o ", with white space around it, which no model id has: written as "gpt-4o", it is ` +
		`the same model as the key " gpt-4o": merge the two into one entry, policy\.models\["gpt-4o"\]\. ` +
		`policy\.models\["gpt-4\.1"\]\.successor is "GPT-4o-mini\\u200b", with an invisible or look-alike character \(U\+200B, ` +
		`its character 12\), which no model id has: copying through a chat or a document can add one; write it as "gpt-4o-mini"\.`)
	step := func(policy string) resource.TestStep {
		return resource.TestStep{Config: policyProvider(server, policy, readMini), ExpectError: want}
	}
	unitTestFrom(t, tfversion.Version1_4_0,
		step(`{ allowed_owners = [" OpenAI"], models = { " gpt-4o" = { denied = true }, "GPT-4o " = { reason = "x" }, `+
			`"gpt-4.1" = { successor = "GPT-4o-mini\u200b" } } }`),
		step(fmt.Sprintf("jsondecode(file(%q))", filepath.Join(dir, "spaced.json"))),
		step(fmt.Sprintf("yamldecode(file(%q))", filepath.Join(dir, "spaced.yaml"))),
		resource.TestStep{Config: policyProvider(server, fmt.Sprintf("jsondecode(file(%q))", filepath.Join(dir, "fixed.json")), readMini),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m",
				tfjsonpath.New("owned_by"), knownvalue.StringExact("openai"))}},
	)
}

// A spaced policy name is refused by the read, which alone has the catalog to
// spell it: where every read of the plan waits for apply, for a depends_on on
// a resource with changes or an argument known only after apply, the plan
// passes and the apply fails at the read, with the catalog's spelling, once
// the resources it waits for are made. Terraform calls a data source in such
// a plan only in the validate walk, before it configures the provider, so no
// data source can load the catalog there, and Configure sends no request.
func TestPolicy_spacedNameWaitsForADeferredRead(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const created = `resource "terraform_data" "u" { input = "gpt-4o" }` + "\n"
	want := expectError(`Invalid policy .* policy\.allowed_owners\[0\] is " OpenAI", with white space around it, which no ` +
		`owner has: write it as "openai"\.`)
	for _, read := range []string{
		"data \"megallm_model\" \"m\" {\n  id         = \"gpt-4o\"\n  depends_on = [terraform_data.u]\n}",
		"data \"megallm_model\" \"m\" {\n  id = terraform_data.u.output\n}",
	} {
		config := created + policyProvider(server, `{ allowed_owners = [" OpenAI"] }`, read)
		unitTestFrom(t, tfversion.Version1_4_0,
			resource.TestStep{Config: config, PlanOnly: true, ExpectNonEmptyPlan: true},
			resource.TestStep{Config: config, ExpectError: want},
		)
	}
}

// TestPolicy_spacedNamesAdvisedAsListed: the read works out what a spaced
// name of the policy meant, a pass over the catalog each, only for the ten
// its error lists, and counts the others, so that a thousand cost what ten do
// (DESIGN.md), not seconds of every plan for a thousand of a large catalog.
func TestPolicy_spacedNamesAdvisedAsListed(t *testing.T) {
	models := make([]megallm.Model, 2000)
	for i := range models {
		// in capitals, which each comparison with a value lower-cases: allocations count the comparisons
		models[i] = megallm.Model{ID: fmt.Sprintf("Model-%d", i), OwnedBy: ptr(fmt.Sprintf("Owner-%d", i))}
	}
	c := catalog.New(models)
	successor := " no-such-successor"
	for name, policy := range map[string]func(n int) *catalog.Policy{
		"allowed_owners": func(n int) *catalog.Policy {
			p := &catalog.Policy{}
			for i := range n {
				p.AllowedOwners = append(p.AllowedOwners, fmt.Sprintf(" no-such-owner-%d", i))
			}
			return p
		},
		"models": func(n int) *catalog.Policy {
			p := &catalog.Policy{Models: map[string]catalog.ModelPolicy{}}
			for i := range n / 2 { // a spaced key and a spaced successor each
				p.Models[fmt.Sprintf(" no-such-model-%d", i)] = catalog.ModelPolicy{Successor: &successor}
			}
			return p
		},
	} {
		allocations := func(n int) float64 {
			check := spacedPolicyNames(policy(n))
			return testing.AllocsPerRun(1, func() {
				if err := check(c); err == nil || !strings.Contains(err.Error(), "and "+strconv.Itoa(n-catalog.MaxListed)+" more") {
					t.Fatalf("%s: want the spaced names refused, ten listed: %.500v", name, err)
				}
			})
		}
		if small, large := allocations(20), allocations(200); large > 2*small {
			t.Errorf("ten times the spaced names of %s cost %.1f times the allocations (%.0f, then %.0f): want the "+
				"advice worked out for the ten listed alone", name, large/small, small, large)
		}
	}
}

// Past the catalog.MaxListed mistakes listed, "and N more" counts every
// other mistake, also one only the catalog finds in a name without white
// space: a successor that is its entry's model written otherwise, or the
// model of a misnamed key.
func TestSpacedPolicyNames_countsEveryMistakeNotListed(t *testing.T) {
	t.Parallel()
	models := catalog.New([]megallm.Model{{ID: "gpt-4o", OwnedBy: ptr("openai")}, {ID: "gpt-4.1", OwnedBy: ptr("openai")},
		{ID: "o3-mini", OwnedBy: ptr("openai")}})
	policy := &catalog.Policy{AllowedOwners: slices.Repeat([]string{" openai"}, catalog.MaxListed), Models: map[string]catalog.ModelPolicy{
		"GPT-4.1": {Successor: ptr("gpt-4.1")}, "gpt-4o": {Successor: ptr("GPT-4o")},
	}}
	policy.Models[" o3-mini"] = catalog.ModelPolicy{Denied: true}
	err := spacedPolicyNames(policy)(models)
	if want := "\nand 3 more"; err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error\n%v\nwant it to end with %q", err, want)
	}
}

// A policy key that names a catalog id too long to quote whole otherwise is
// told what to change, as the cut id cannot be copied, and so is the entry
// that two such keys merge into; followed, it plans.
func TestPolicy_misnamedLongID(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"`+longID+`","owned_by":"acme"}`), json.RawMessage(`{"id":"m5"}`))
	config := func(key string) string {
		return policyProvider(server, `{ models = { "`+key+`" = { denied = true } } }`, `data "megallm_model" "m" { id = "m5" }`)
	}
	unitTest(t,
		resource.TestStep{
			Config: config("Acme/" + strings.ToUpper(longID)),
			ExpectError: expectError(`names no model, but the catalog has "` + longHead + `"… \(113 characters\): write it ` +
				`without the vendor prefix "Acme/", and write it in lower case Write each id`),
		},
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "Acme/`+longID+`" = { denied = true }, "`+strings.ToUpper(longID)+
				`" = { retires_at = "2099-01-01" } } }`, `data "megallm_model" "m" { id = "m5" }`),
			ExpectError: expectError(`the catalog has "` + longHead + `"… \(113 characters\): write it without the vendor ` +
				`prefix "Acme/"; so written, it is the same model as the key "VENDOR/MODEL-0+"… \(113 characters\): merge the two into one entry, ` +
				`under this key so written -`),
		},
		resource.TestStep{
			Config: policyProvider(server, `{ models = { " `+longID+`" = { denied = true }, "`+strings.ToUpper(longID)+
				`" = { retires_at = "2099-01-01" } } }`, `data "megallm_model" "m" { id = "m5" }`),
			ExpectError: expectError(`a key of policy\.models is " ` + longHead[:63] + `"… \(114 characters\), with white space ` +
				`around it, which no model id has: once you delete the white space around it, it is the same model as the key ` +
				`"VENDOR/MODEL-0+"… \(113 characters\): merge the two into one entry, under this key so written\.`),
		},
		resource.TestStep{ // the advice followed
			Config: policyProvider(server, `{ models = { "`+longID+`" = { denied = true, retires_at = "2099-01-01" } } }`,
				`data "megallm_model" "m" { id = "m5" }`),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("m5"))},
		},
	)
}
