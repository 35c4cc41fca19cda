package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// A retired model's successor is advised only if it can be used; otherwise
// the error says why not and suggests the closest ids that can be.
func TestRetired_successorThatCannotBeUsed(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := fmt.Sprintf(`{
    models = {
      "o3-mini" = { retires_at = %q, successor = "gpt-4.1" }
      "gpt-4.1" = { denied = true, reason = "Not approved." }
    }
  }`, day(-1))
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, policy, `data "megallm_model" "m" { id = "o3-mini" }`),
		ExpectError: expectError(fmt.Sprintf(`Model "o3-mini" was retired on %s \(successor "gpt-4\.1", which is denied `+
			`by the policy: Not approved\)\. Did you mean "gpt-4\.1-mini" or "gpt-4o"\?`, day(-1))),
	})
}

// A successor that cannot be used gives way to its own successor, the
// organisation's next choice, where that can be used: for id, and for a
// candidate that no other candidate replaces, where nothing else gives a lead.
func TestRetired_successorsSuccessor(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := fmt.Sprintf(`{
    models = {
      "o3-mini" = { retires_at = %[1]q, successor = "gpt-4.1" }
      "gpt-4.1" = { retires_at = %[1]q, successor = "claude-sonnet-4-20250514" }
    }
  }`, day(-1))
	retired := fmt.Sprintf(`"o3-mini" was retired on %[1]s \(successor "gpt-4\.1", which was retired on %[1]s\)`, day(-1))
	unitTest(t, resource.TestStep{
		Config:      policyProvider(server, policy, `data "megallm_model" "m" { id = "o3-mini" }`),
		ExpectError: expectError(`Model ` + retired + `\. Did you mean "claude-sonnet-4-20250514"\?`),
	}, resource.TestStep{
		Config:      policyProvider(server, policy, `data "megallm_model" "m" { candidates = ["o3-mini"] }`),
		ExpectError: expectError(`- ` + retired + ` \(did you mean "claude-sonnet-4-20250514"\?\) Add a candidate`),
	})
}

// A model that the API names as its own successor gets no advice to move to
// itself, nor candidates = ["m4", "m4"].
func TestRetired_ownSuccessor(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"m4","retires_at":"2020-01-01","successor":"m4"}`), json.RawMessage(`{"id":"m5"}`))
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_model" "m" { id = "m4" }`,
		ExpectError: expectError(`Model "m4" was retired on 2020-01-01 \(successor "m4", which is the model itself\)\. ` +
			`Did you mean "m5"\? To keep planning through the next retirement without an edit, set candidates instead of id`),
	})
}

// A successor the catalog names otherwise than it lists it is qualified as
// the deprecation warning qualifies it, where the unmet requirements name it:
// in megallm_model's error and in megallm_models' empty_reason.
func TestDeprecated_misnamedSuccessorQualified(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"gpt-4o","deprecated_at":"2020-01-01","successor":"GPT-4o-mini"}`),
		json.RawMessage(`{"id":"gpt-4o-mini"}`))
	unmet := `model_lifecycle.status is deprecated since 2020-01-01 (successor "GPT-4o-mini", which is not in the catalog)`
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_model" "m" {
  id      = "gpt-4o"
  require = { not_deprecated = true }
}`,
		ExpectError: expectError(`Model "gpt-4o" does not meet 1 requirement: - ` + regexp.QuoteMeta(unmet)),
	}, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_models" "m" {
  id_regex = "^gpt-4o$"
  require  = { not_deprecated = true }
}`,
		ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_models.m",
			tfjsonpath.New("empty_reason"), knownvalue.StringRegexp(regexp.MustCompile(
				`none meets require\.not_deprecated \(the closest: `+regexp.QuoteMeta(unmet)+`\)`)))},
	})
}

// A successor that holds the API key is null, as an id that holds it is left
// out: scrubbed, it would name no model, so no advice offers it.
func TestRetired_successorThatHoldsTheKey(t *testing.T) {
	t.Parallel()
	key := testKey(t, "api_key")
	server := mockapi.NewTestServer(t, key)
	server.SetModels(json.RawMessage(`{"id":"m4","retires_at":"2020-01-01","successor":"m4-`+key+`"}`),
		json.RawMessage(`{"id":"m5"}`))
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf("provider \"megallm\" {\n  base_url = %q\n  api_key  = %q\n}\n", server.URL(), key) +
			`data "megallm_model" "m" { id = "m4" }`,
		ExpectError: expectError(`Model "m4" was retired on 2020-01-01\. Did you mean "m5"\? To keep planning`),
	})
}

// longID is a catalog id too long to quote whole (113 characters), and
// longHead the first 64 characters, which a quote shows.
var longID, longHead = fmt.Sprintf("vendor/model-%0100d", 1), "vendor/model-" + strings.Repeat("0", 51)

// listedWholeWords match listedWhole's sentence.
const listedWholeWords = `Read each id suggested here whole from the ids of a megallm_models data source, which lists every model the policy allows\.`

// listedWholeFollowed is listedWhole's advice followed: the id quoted cut as
// longHead, read whole from a megallm_models data source's ids, plans.
func listedWholeFollowed(server *mockapi.Server) resource.TestStep {
	return resource.TestStep{
		Config: providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "all" {}
data "megallm_model" "m" { id = one([for id in data.megallm_models.all.ids : id if substr(id, 0, 64) == %q]) }`, longHead),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact(longID)),
		},
	}
}

// A retired model's successor, or an id closest to a typo, too long to quote
// whole is advised cut, with where to read it whole; followed, it plans.
// A candidate that names it otherwise is told what to change, and so is
// candidates written as a string of it: the list of its one id.
func TestAdvice_idTooLongToQuoteWhole(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"m4","retires_at":"2020-01-01","successor":"`+longID+`"}`),
		json.RawMessage(`{"id":"`+longID+`"}`))
	cut := `"` + longHead + `"… \(113 characters\)`
	unitTest(t,
		errorStep(server, "megallm_model", `id = "m4"`, `Model "m4" was retired on 2020-01-01 \(successor `+cut+`\)\. `+
			`Replace it with its successor: set id = `+cut+`\. `+listedWholeWords),
		errorStep(server, "megallm_model", fmt.Sprintf(`id = "vendor/model-%0100d"`, 2), `Did you mean `+cut+`\? `+listedWholeWords),
		listedWholeFollowed(server),
		// A candidate written otherwise is told what to change, as the cut id cannot be copied.
		errorStep(server, "megallm_model", `candidates = ["Acme/`+strings.ToUpper(longID)+`"]`, `is not in the catalog, `+
			`which has `+cut+`: write it without the vendor prefix "Acme/", and write it in lower case Write each id`),
		errorStep(server, "megallm_model", `candidates = "`+longID+`"`,
			`candidates must be a list of strings, got a string: write it as a list of its one id: \["\.\.\."\]\.\s*$`),
		resource.TestStep{ // the advice followed (either one)
			Config: providerBlock(server, "") + `data "megallm_model" "m" { candidates = ["` + longID + `"] }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact(longID)),
			},
		},
	)
}

// A successor the catalog lacks, close to a model the policy denies whose id
// is too long to quote whole, is advised cut with where that id is listed
// whole: not by a megallm_models data source under the policy, which leaves
// denied models out, but by one with include_retired = true under a provider
// block without policy; followed, it plans.
func TestAdvice_deniedIDTooLongToQuoteWhole(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"m4"}`), json.RawMessage(`{"id":"`+longID+`"}`))
	policy := func(successor string) string {
		return fmt.Sprintf(`{ models = { %q = { denied = true }, "m4" = { successor = %s } } }`, longID, successor)
	}
	cut := `"` + longHead + `"… \(113 characters\)`
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, policy(fmt.Sprintf(`" vendor/model-%0100d"`, 2)), `data "megallm_model" "m" { id = "m4" }`),
		ExpectError: expectError(`the catalog has no model id ` + cut + ` either\. Did you mean ` + cut + `\? ` +
			`Read each id suggested here whole from the ids of a megallm_models data source with include_retired = true ` +
			`under a provider block without policy, which lists every model of the catalog\.`),
	}, resource.TestStep{ // the advice followed
		Config: allWithoutPolicy(server) + policyProvider(server, policy(fmt.Sprintf(`one([for id in data.megallm_models.all.ids : id if substr(id, 0, 64) == %q])`, longHead)),
			`data "megallm_model" "m" { id = "m4" }`),
		ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m",
			tfjsonpath.New("model_lifecycle").AtMapKey("successor"), knownvalue.StringExact(longID))},
	}, resource.TestStep{ // written whole; and the destroy after it reads no block's policy from a data source (allWithoutPolicy)
		Config: policyProvider(server, policy(fmt.Sprintf("%q", longID)), `data "megallm_model" "m" { id = "m4" }`),
		ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m",
			tfjsonpath.New("model_lifecycle").AtMapKey("successor"), knownvalue.StringExact(longID))},
	})
}

// A policy key or an excluded id naming in another letter case, neither
// upper nor lower, a model the policy denies whose id is too long to quote
// whole is told to take the catalog's letter case from where that id is
// listed: a megallm_models data source with include_retired = true under a
// provider block without policy, as one under the policy leaves it out;
// followed, it plans.
func TestAdvice_miscasedDeniedIDTooLongToQuoteWhole(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	id := fmt.Sprintf("Vendor/Model-%0100d", 1)
	server.SetModels(json.RawMessage(`{"id":"m4","owned_by":"openai"}`), json.RawMessage(`{"id":"`+id+`","owned_by":"acme"}`))
	written := fmt.Sprintf(`"vendor/MODEL-%0100d"`, 1)
	read := fmt.Sprintf(`[for id in data.megallm_models.all.ids : id if lower(id) == %q]`, strings.ToLower(id))
	policy := func(key string) string {
		return fmt.Sprintf(`{ allowed_owners = ["openai"], models = { (%s) = { denied = true } } }`, key)
	}
	excluding := func(ids string) string { return `data "megallm_models" "m" { exclude_ids = ` + ids + ` }` }
	advice := expectError(`write it in the letter case of the catalog, whose ids a megallm_models data source ` +
		`with include_retired = true under a provider block without policy lists`)
	followed := []statecheck.StateCheck{expectIDs("data.megallm_models.m", "m4")}
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, policy(written), `data "megallm_models" "m" {}`), ExpectError: advice,
	}, resource.TestStep{ // the advice followed
		Config: allWithoutPolicy(server) + policyProvider(server, policy("one("+read+")"), `data "megallm_models" "m" {}`), ConfigStateChecks: followed,
	}, resource.TestStep{
		Config: policyProvider(server, `{ allowed_owners = ["openai"] }`, excluding("["+written+"]")), ExpectError: advice,
	}, resource.TestStep{ // the advice followed
		Config: allWithoutPolicy(server) + policyProvider(server, `{ allowed_owners = ["openai"] }`, excluding(read)),
		ConfigStateChecks: append(followed, statecheck.ExpectKnownValue("data.megallm_models.m", tfjsonpath.New("exclude_ids"),
			knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(id)}))),
	})
}

// A policy in error fails every data source under its provider block, so its
// own errors send a cut id, even of a model it allows, to a megallm_models
// data source with include_retired = true under a provider block without
// policy: for a misnamed key, a spaced one and a spaced successor the catalog
// lacks, whose "did you mean" is cut. Followed, it plans.
func TestAdvice_policyInErrorTooLongToQuoteWhole(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	id := fmt.Sprintf("Vendor/Model-%0100d", 1)
	server.SetModels(json.RawMessage(`{"id":"m4"}`), json.RawMessage(`{"id":"`+id+`"}`))
	policy := func(key, more string) string {
		return fmt.Sprintf(`{ models = { (%s) = { successor = "m4" }%s } }`, key, more)
	}
	written, cut := fmt.Sprintf(`vendor/MODEL-%0100d`, 1), `"Vendor/Model-`+strings.Repeat("0", 51)+`"… \(113 characters\)`
	withoutPolicy := `a megallm_models data source with include_retired = true under a provider block without policy`
	letterCase := expectError(`write it in the letter case of the catalog, whose ids ` + withoutPolicy + ` lists`)
	listing := `data "megallm_models" "m" {}`
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, policy(`"`+written+`"`, ""), listing), ExpectError: letterCase,
	}, resource.TestStep{
		Config: policyProvider(server, policy(`" `+written+`"`, ""), listing), ExpectError: letterCase,
	}, resource.TestStep{
		Config: policyProvider(server, policy(`"`+id+`"`, fmt.Sprintf(`, "m4" = { successor = " Vendor/Model-%0100d" }`, 2)), listing),
		ExpectError: expectError(`Did you mean ` + cut + `\? Read each id suggested here whole from the ids of ` + withoutPolicy +
			`, which lists every model of the catalog\.`),
	}, resource.TestStep{ // the advice followed
		Config: allWithoutPolicy(server) + policyProvider(server, policy(fmt.Sprintf(`one([for id in data.megallm_models.all.ids : id if lower(id) == %q])`,
			strings.ToLower(id)), ""), listing),
		ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", id, "m4")},
	}, resource.TestStep{ // written whole; and the destroy after it reads no block's policy from a data source (allWithoutPolicy)
		Config:            policyProvider(server, policy(fmt.Sprintf("%q", id), ""), listing),
		ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", id, "m4")},
	})
}

// TestIDsListedWhole: a cut id of a model that has retired is read whole from
// a megallm_models data source with include_retired = true, as one the policy
// denies is; one that can be used, from any; an id quoted whole needs neither.
func TestIDsListedWhole(t *testing.T) {
	t.Parallel()
	retiredID := strings.Replace(longID, "vendor", "retired", 1)
	models := catalog.New([]megallm.Model{{ID: longID}, {ID: retiredID, RetiresAt: ptr(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))},
		{ID: "m4", RetiresAt: ptr(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))}})
	every := " Read each id suggested here whole from the ids of a megallm_models data source with include_retired = true " +
		"under a provider block without policy, which lists every model of the catalog."
	for _, tc := range []struct {
		ids  []string
		want string
	}{
		{[]string{longID}, " " + strings.ReplaceAll(listedWholeWords, `\`, "")},
		{[]string{longID, retiredID}, every},
		{[]string{longID, "m4"}, " " + strings.ReplaceAll(listedWholeWords, `\`, "")},
		{[]string{"m4"}, ""},
	} {
		if got := listedWhole(models, idKind, tc.ids...); got != tc.want {
			t.Errorf("listedWhole(%.12q) = %q, want %q", tc.ids, got, tc.want)
		}
	}
}

// TestLifecycleDetail_longSuccessor: a successor too long to quote whole is
// not advised as a list to copy, candidates = [model, "cut…"…], which could
// not be; a short one is.
func TestLifecycleDetail_longSuccessor(t *testing.T) {
	t.Parallel()
	deprecated := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	l := catalog.Lifecycle{Status: catalog.StatusDeprecated, DeprecatedAt: &deprecated}
	for successor, want := range map[string]string{
		"m5": `Model "m4" is deprecated since 2020-01-01. Its successor is "m5": move to it, or list it as a fallback with ` +
			`candidates = ["m4", "m5"].`,
		longID: `Model "m4" is deprecated since 2020-01-01. Its successor is "` + longHead + `"… (113 characters): move to it, ` +
			`or list it as a fallback in candidates, after this model. ` + strings.ReplaceAll(listedWholeWords, `\`, ""),
	} {
		if got := lifecycleDetail("m4", l, "", lifecycleAdvice{Advice: catalog.Advice{Successor: successor}}, 30); got != want {
			t.Errorf("lifecycleDetail(successor %.8q…) =\n%s\nwant\n%s", successor, got, want)
		}
	}
}

// id_regex written as a wildcard of text too long to quote whole is told what
// to change, as the cut pattern to write cannot be copied; followed, it lists
// the id. So is one with a dot, which the pattern escapes. A policy key so
// written is told where the ids are listed, not a cut id_regex to copy.
func TestAdvice_wildcardTooLongToQuoteWhole(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"`+longID+`"}`), json.RawMessage(`{"id":"m5"}`))
	tail := longID[len("vendor/"):]
	if got, want := wildcardAdvice(longID+".x*"), `, delete each *, and start it with ^, and escape its dots as \\.`; !strings.HasSuffix(got, want+".") {
		t.Errorf("wildcardAdvice(%.8q…) = %s, want it to end with %s", longID, got, want)
	}
	unitTest(t,
		errorStep(server, "megallm_models", `id_regex = "*`+tail+`"`, `for the ids that end with "`+longHead[7:]+
			`0{7}"… \(106 characters\), delete each \*, and end it with \$\.`),
		resource.TestStep{
			Config: policyProvider(server, `{ models = { "`+tail+`*" = { denied = true } } }`, `data "megallm_models" "all" {}`),
			ExpectError: expectError(`but ids are exact, not wildcard patterns, .* under its id \(a megallm_models data ` +
				`source lists the catalog's ids\)`),
		},
		resource.TestStep{ // the advice followed
			Config:            providerBlock(server, "") + `data "megallm_models" "all" { id_regex = "` + tail + `$" }`,
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.all", longID)},
		},
	)
}
