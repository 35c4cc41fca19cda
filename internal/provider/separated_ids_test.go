package provider

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// A policy key that differs from a catalog id only in its separators names
// no model: the denial would leave gpt-4o usable, so the plan fails, with a
// key of that model told to merge; written as the catalog does, the model is
// denied. One that two catalog ids read as, without separators, names both;
// one a real edit from a catalog id ("o1" beside "o3") may be a model the
// catalog is yet to list, and only warns.
func TestPolicy_keyWithOtherSeparatorsFailsThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	odd := mockapi.NewTestServer(t, "")
	odd.SetModels(json.RawMessage(`{"id":"o-1"}`), json.RawMessage(`{"id":"o1."}`), json.RawMessage(`{"id":"o3"}`))
	o3 := mockapi.NewTestServer(t, "")
	o3.SetModels(json.RawMessage(`{"id":"o3"}`))
	use := `data "megallm_model" "m" { id = "gpt-4o" }`
	unitTest(t,
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "gpt4o" = { denied = true }, "gpt-4o" = { reason = "r" } } }`, use),
			ExpectError: expectError(`Provider policy writes model ids otherwise than the catalog .* would silently miss ` +
				`them: - policy\.models\["gpt4o"\] names no model, but the catalog has "gpt-4o": ids are exact to the ` +
				`separator; so written, it is the same model as the key "gpt-4o": merge the two into one entry, policy\.models\["gpt-4o"\] ` +
				`Write each id as the catalog does\.`),
		},
		resource.TestStep{
			Config: policyProvider(odd, `{ models = { "o1" = { denied = true } } }`, `data "megallm_models" "all" {}`),
			ExpectError: expectError(`- policy\.models\["o1"\] names no model, but the catalog has "o-1" and "o1\.", each ` +
				`with other separators: write as the catalog does each one meant Write each id`),
		},
		resource.TestStep{ // the advice followed
			Config:      policyProvider(server, `{ models = { "gpt-4o" = { denied = true, reason = "r" } } }`, use),
			ExpectError: expectError(`Model not allowed by the policy`),
		},
		resource.TestStep{
			Config:            policyProvider(o3, `{ models = { "o1" = { denied = true } } }`, `data "megallm_models" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.all", "o3")},
		},
	)
}

// A successor that differs from a catalog id only in its separators would
// advise an id that fails wherever it is written: the plan fails, and written
// as the catalog does it plans.
func TestPolicy_successorWithOtherSeparatorsFailsThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(successor string) resource.TestStep {
		return resource.TestStep{Config: policyProvider(server, `{ models = { "gpt-4o" = { successor = "`+successor+`" } } }`,
			`data "megallm_model" "m" { id = "gpt-4o" }`)}
	}
	misnamed := step("gpt_4o_mini")
	misnamed.ExpectError = expectError(`would silently miss them: - policy\.models\["gpt-4o"\]\.successor is "gpt_4o_mini", ` +
		`which names no model, but the catalog has "gpt-4o-mini": ids are exact to the separator Write each id`)
	followed := step("gpt-4o-mini")
	followed.Check = resource.TestCheckResourceAttr("data.megallm_model.m", "model_lifecycle.successor", "gpt-4o-mini")
	unitTest(t, misnamed, followed)
}

// A candidate that differs from a catalog id only in its separators could
// never be chosen, even after the chosen one, where a typo only warns: the
// plan fails; written as the catalog does, it plans.
func TestCandidates_otherSeparatorsIsAnError(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		errorStep(server, "megallm_model", `candidates = ["gpt-4.1", "claude-3.5-sonnet-20241022"]`, `Error: Candidate id `+
			`written otherwise than the catalog .* so they would never be chosen: - "claude-3\.5-sonnet-20241022" is not in `+
			`the catalog, which has "claude-3-5-sonnet-20241022": ids are exact to the separator Write each id as the `+
			`catalog does\.`),
		resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "m" { candidates = ["gpt-4.1", "claude-3-5-sonnet-20241022"] }`,
			Check:  resource.TestCheckResourceAttr("data.megallm_model.m", "id", "gpt-4.1"),
		},
	)
}

// An excluded id that differs from a catalog id only in its separators would
// exclude nothing: the plan fails, while a typo beside it still only warns;
// written as the catalog does, it excludes its model.
func TestModelsDataSource_excludedIDWithOtherSeparatorsFails(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		errorStep(server, "megallm_models", `id_regex = "^gpt-4o"
exclude_ids = ["gpt_4o", "gpt-4o-mni"]`, `Error: Excluded id written otherwise than the catalog .* so they would exclude `+
			`nothing and their models would stay listed: - "gpt_4o" is not in the catalog, which has "gpt-4o": ids are exact `+
			`to the separator Write each id as the catalog does\.`),
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `data "megallm_models" "m" {
  id_regex    = "^gpt-4o"
  exclude_ids = ["gpt-4o"]
}`,
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", "gpt-4o-mini")},
		},
	)
}

// A spaced id gets the advice its trimmed form gets, and the white space
// advice: one that, trimmed, two catalog ids read as without separators is
// not advised as either one, which would silently pick the model, nor as the
// nearest other id, but with both and the rule it missed, as the id trimmed
// is, for megallm_model's id and candidates as for a policy key or successor
// and an excluded id; a spaced id the catalog lacks gets the rule the
// trimmed one gets. Followed, the advice plans.
func TestSpacedID_ambiguousTrimmed(t *testing.T) {
	t.Parallel()
	odd := mockapi.NewTestServer(t, "")
	odd.SetModels(json.RawMessage(`{"id":"o-1"}`), json.RawMessage(`{"id":"o1."}`), json.RawMessage(`{"id":"o3"}`))
	const meant = `with white space around it, which no model id has: the catalog has no model id "o1" either\. ` +
		`Did you mean "o-1" or "o1\."\? The catalog has "o-1" and "o1\.", each with other separators: write as the ` +
		`catalog does each one meant\.`
	unitTest(t,
		errorStep(odd, "megallm_model", `id = "o1"`, `has no model with id "o1"\. Did you mean "o-1" or "o1\."\? `+
			`The catalog has "o-1" and "o1\.", each with other separators: write as the catalog does each one meant\.`),
		errorStep(odd, "megallm_model", `id = " o1 "`, `id is " o1 ", `+meant+`\s*$`),
		errorStep(odd, "megallm_model", `candidates = [" o1", "o3"]`, `candidates\[0\] is " o1", `+meant+`\s*$`),
		errorStep(odd, "megallm_models", `exclude_ids = [" o1"]`, `an id of exclude_ids is " o1", `+meant+`\s*$`),
		errorStep(odd, "megallm_model", `id = "o2"`, `has no model with id "o2"\. Did you mean "o3", "o-1" or "o1\."\? `+
			`Ids are case-sensitive\.`),
		errorStep(odd, "megallm_model", `id = " o2 "`, `id is " o2 ", with white space around it, which no model id `+
			`has: the catalog has no model id "o2" either\. Did you mean "o3", "o-1" or "o1\."\? Ids are case-sensitive\.\s*$`),
		resource.TestStep{
			Config:      policyProvider(odd, `{ models = { " o1 " = { denied = true } } }`, `data "megallm_models" "all" {}`),
			ExpectError: expectError(`a key of policy\.models is " o1 ", ` + meant + `\s*$`),
		},
		resource.TestStep{
			Config:      policyProvider(odd, `{ models = { "o3" = { successor = " o1" } } }`, `data "megallm_models" "all" {}`),
			ExpectError: expectError(`policy\.models\["o3"\]\.successor is " o1", ` + meant + `\s*$`),
		},
		resource.TestStep{ // the advice followed
			Config: policyProvider(odd, `{ models = { "o1." = { denied = true } } }`, `data "megallm_model" "m" { id = "o-1" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("o-1")),
			},
		},
	)
}

// An id that joins catalog ids in one string, as a list joined with commas
// reads, names no model, so excluding or denying it would leave every one of
// them listed or allowed, and as a candidate it could never be chosen: each
// is an error that names the ids to write on their own; followed, the advice
// excludes and denies them.
func TestJoinedIDs_failThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const advice = `which has "gpt-4o" and "gpt-4o-mini", which it joins into one: write each one meant as an id of its own`
	unitTest(t,
		errorStep(server, "megallm_models", `id_regex = "^gpt-4o"
exclude_ids = ["gpt-4o, gpt-4o-mini"]`, `Error: Excluded id written otherwise than the catalog .* would stay listed: `+
			`- "gpt-4o, gpt-4o-mini" is not in the catalog, `+advice+` Write each id as the catalog does\.`),
		errorStep(server, "megallm_model", `candidates = ["gpt-4.1", "gpt-4o, gpt-4o-mini"]`, `Error: Candidate id `+
			`written otherwise than the catalog .* - "gpt-4o, gpt-4o-mini" is not in the catalog, `+advice),
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "o3-mini;gpt-4.1" = { denied = true } } }`, `data "megallm_models" "all" {}`),
			ExpectError: expectError(`- policy\.models\["o3-mini;gpt-4\.1"\] names no model, but the catalog has "o3-mini" and ` +
				`"gpt-4\.1", which it joins into one: write each one meant as an id of its own Write each id`),
		},
		resource.TestStep{ // the advice followed
			Config: policyProvider(server, `{ models = { "gpt-4o" = { denied = true }, "gpt-4o-mini" = { denied = true } } }`,
				`data "megallm_models" "m" { id_regex = "^gpt-4" }`),
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", "gpt-4.1", "gpt-4.1-mini")},
		},
	)
}

// An id written twice in one string names that model, and says so once; a
// catalog id joined with a misspelt one names the exact one too: before, it
// read as an unknown id, which only warned, so an exclusion or denial of it
// missed both, and a successor so written warned it was not in the catalog.
// Each is an error that names the exact id and suggests the misspelt one;
// followed, the advice excludes both.
func TestJoinedIDs_repeatedOrMisspeltFailThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const misspelt = `which has "gpt-4o", which it joins into one with "gpt-4o-mnii" \(did you mean "gpt-4o-mini" or ` +
		`"gpt-4\.1-mini"\?\), which the catalog lacks: write each one meant as an id of its own`
	unitTest(t,
		errorStep(server, "megallm_models", `exclude_ids = ["gpt-4o, gpt-4o"]`, `- "gpt-4o, gpt-4o" is not in the `+
			`catalog, which has "gpt-4o", which it repeats: write it once Write each id as the catalog does\.`),
		errorStep(server, "megallm_models", `exclude_ids = ["gpt-4o, gpt-4o-mnii"]`, `Error: Excluded id written `+
			`otherwise than the catalog .* - "gpt-4o, gpt-4o-mnii" is not in the catalog, `+misspelt),
		errorStep(server, "megallm_model", `candidates = ["gpt-4o, gpt-4o-mnii", "gpt-4.1"]`, `Error: Candidate id `+
			`written otherwise than the catalog .* - "gpt-4o, gpt-4o-mnii" is not in the catalog, `+misspelt),
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "gpt-4o, gpt-4o-mnii" = { denied = true }, `+
				`"o3-mini" = { successor = "gpt-4.1 | gpt-4.1" } } }`, `data "megallm_models" "all" {}`),
			ExpectError: expectError(`- policy\.models\["gpt-4o, gpt-4o-mnii"\] names no model, but the catalog has ` +
				`"gpt-4o", which it joins into one with "gpt-4o-mnii" \(did you mean "gpt-4o-mini" or "gpt-4\.1-mini"\?\), ` +
				`which the catalog lacks: write each one meant as an id of its own - policy\.models\["o3-mini"\]\.successor ` +
				`is "gpt-4\.1 \| gpt-4\.1", which names no model, but the catalog has "gpt-4\.1", which it repeats: write it once`),
		},
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `data "megallm_models" "m" {
  id_regex    = "^gpt-4o"
  exclude_ids = ["gpt-4o", "gpt-4o-mini"]
}`,
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m")},
		},
	)
}

// megallm_model reads one model, so "write each as an id of its own" cannot
// be done in its id: the error says how to read each of the models a joined
// id names, and the id_regex it quotes, pasted, lists them.
func TestJoinedIDs_modelIDAdvisesHowToReadEach(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		errorStep(server, "megallm_model", `id = "gpt-4.1, gpt-4o-mini"`, `has no model with id "gpt-4\.1, gpt-4o-mini"\. `+
			`Did you mean "gpt-4\.1" or "gpt-4o-mini"\? The catalog has "gpt-4\.1" and "gpt-4o-mini", which it joins into `+
			`one: write each one meant as an id of its own\. A megallm_model data source reads one model: write one id `+
			`here, and read each other model with a megallm_model data source of its own, or all of them with a `+
			`megallm_models data source with id_regex = "\^\(gpt-4\\\\\.1\|gpt-4o-mini\)\$"\.`),
		errorStep(server, "megallm_model", `id = "gpt-4o, gpt-4o-mnii"`, `The catalog has "gpt-4o", which it joins into `+
			`one with "gpt-4o-mnii" .* write each one meant as an id of its own\. List the available ids with the `+
			`megallm_models data source\.`),
		resource.TestStep{ // the advice followed, pasted
			Config:            providerBlock(server, "") + `data "megallm_models" "m" { id_regex = "^(gpt-4\\.1|gpt-4o-mini)$" }`,
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", "gpt-4.1", "gpt-4o-mini")},
		},
	)
}

// An id with a stray separator of a list, a trailing comma from join() or a
// CSV cell ("gpt-4o,"), names that model alone: before, it read as an unknown
// id, which only warned, so an exclusion or denial of it missed the model in
// silence. It is an error that says to write the id alone; followed, the
// advice excludes and denies it.
func TestJoinedIDs_straySeparatorFailsThePlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const advice = `which has "gpt-4o", which it writes with a list's separator beside it: write it alone, as "gpt-4o"`
	unitTest(t,
		errorStep(server, "megallm_models", `id_regex = "^gpt-4o"
exclude_ids = ["gpt-4o,"]`, `Error: Excluded id written otherwise than the catalog .* would stay listed: `+
			`- "gpt-4o," is not in the catalog, `+advice+` Write each id as the catalog does\.`),
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "; gpt-4o-mini" = { denied = true } } }`, `data "megallm_models" "all" {}`),
			ExpectError: expectError(`- policy\.models\["; gpt-4o-mini"\] names no model, but the catalog has "gpt-4o-mini", ` +
				`which it writes with a list's separator beside it: write it alone, as "gpt-4o-mini"`),
		},
		resource.TestStep{ // the advice followed
			Config: policyProvider(server, `{ models = { "gpt-4o-mini" = { denied = true } } }`, `data "megallm_models" "m" {
  id_regex    = "^gpt-4o"
  exclude_ids = ["gpt-4o"]
}`),
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m")},
		},
	)
}

// An id too long to quote whole beside a stray separator is told to be
// written without it, not as a cut quote, which copied would name nothing.
func TestSpellingWhy_strayBesideALongID(t *testing.T) {
	t.Parallel()
	long := "m-" + strings.Repeat("x", 70)
	models := catalog.New([]megallm.Model{{ID: long}})
	m, _ := models.LookupMisnamed(long + ",")
	const want = ", which it writes with a list's separator beside it: write it alone, without the separator"
	if got := spellingWhy(models, m); !strings.HasSuffix(got, want) {
		t.Errorf("spellingWhy = %q, want it to end %q", got, want)
	}
}
