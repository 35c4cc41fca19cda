package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// These tests cover the created_at range, exclude_ids and limit.

func TestModelsDataSource_createdRange(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "after_date" {
  created_after = "2025-01-31"
  sort_by       = "created_at"
}
data "megallm_models" "before_date" { created_before = "2024-01-01" }
data "megallm_models" "after_is_strict" { created_after = "2025-04-14T00:00:00Z" }
data "megallm_models" "after_with_offset" { created_after = "2025-04-13T23:00:00-01:00" }
data "megallm_models" "between" {
  created_after  = "2024-12-01"
  created_before = "2024-12-26T00:00:00Z"
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			// o3-mini, created at 2025-01-31T00:00:00Z, is not strictly later than the date.
			expectIDs("data.megallm_models.after_date", "gemini-2.0-flash", "gpt-4.1", "gpt-4.1-mini", "claude-sonnet-4-20250514"),
			expectIDs("data.megallm_models.before_date", "gpt-3.5-turbo", "mistral-embed"),
			expectIDs("data.megallm_models.after_is_strict", "claude-sonnet-4-20250514"),
			// 2025-04-13T23:00:00-01:00 is 2025-04-14T00:00:00Z.
			expectIDs("data.megallm_models.after_with_offset", "claude-sonnet-4-20250514"),
			// deepseek-chat, created at 2024-12-26T00:00:00Z, is not strictly earlier.
			expectIDs("data.megallm_models.between", "grok-2-1212", "meta-llama/llama-3.3-70b-instruct"),
		},
	})
}

// TestModelsDataSource_createdRangeLowerCaseAndSpace: RFC 3339 allows a
// lower-case t and z and a space between date and time; such a bound reads
// as its upper-case form does.
func TestModelsDataSource_createdRangeLowerCaseAndSpace(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "upper_case" { created_after = "2024-01-01T00:00:00Z" }
data "megallm_models" "lower_t_and_z" { created_after = "2024-01-01t00:00:00z" }
data "megallm_models" "space_between" { created_after = "2024-01-01 00:00:00Z" }
data "megallm_models" "lower_case" { created_after = "2025-04-13t23:00:00-01:00" }
data "megallm_models" "space" { created_after = "2025-04-14 00:00:00Z" }
data "megallm_models" "between" {
  created_after  = "2024-12-01t00:00:00z"
  created_before = "2024-12-26 00:00:00z"
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			// The 23 models created after 2024-01-01.
			statecheck.ExpectKnownValue("data.megallm_models.upper_case", tfjsonpath.New("ids"), knownvalue.ListSizeExact(23)),
			statecheck.CompareValuePairs("data.megallm_models.lower_t_and_z", tfjsonpath.New("ids"),
				"data.megallm_models.upper_case", tfjsonpath.New("ids"), compare.ValuesSame()),
			statecheck.CompareValuePairs("data.megallm_models.space_between", tfjsonpath.New("ids"),
				"data.megallm_models.upper_case", tfjsonpath.New("ids"), compare.ValuesSame()),
			expectIDs("data.megallm_models.lower_case", "claude-sonnet-4-20250514"),
			expectIDs("data.megallm_models.space", "claude-sonnet-4-20250514"),
			expectIDs("data.megallm_models.between", "grok-2-1212", "meta-llama/llama-3.3-70b-instruct"),
		},
	})
}

// TestModelsDataSource_createdRangeLeavesOutUndated: a model without a
// created_at is left out by either bound, however wide.
func TestModelsDataSource_createdRangeLeavesOutUndated(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(sortFixture...) // d has no created_at
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "all" {}
data "megallm_models" "after" { created_after = "1970-01-01" }
data "megallm_models" "before" { created_before = "9999-12-31T23:59:59Z" }
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.all", "C", "a", "b", "d"),
			expectIDs("data.megallm_models.after", "C", "a", "b"),
			expectIDs("data.megallm_models.before", "C", "a", "b"),
		},
	})
}

func TestModelsDataSource_excludeIDs(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "gpt4o" {
  id_regex    = "^gpt-4o"
  exclude_ids = ["gpt-4o", "gpt-4o-mni"]
}
data "megallm_models" "none_excluded" {
  id_regex    = "^gpt-4o"
  exclude_ids = []
}
data "megallm_models" "everything_excluded" {
  type        = "embedding"
  exclude_ids = ["mistral-embed", "text-embedding-004", "text-embedding-3-large", "text-embedding-3-small"]
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.gpt4o", "gpt-4o-mini"),
			expectIDs("data.megallm_models.none_excluded", "gpt-4o", "gpt-4o-mini"),
			expectIDs("data.megallm_models.everything_excluded"),
			statecheck.ExpectKnownValue("data.megallm_models.everything_excluded", tfjsonpath.New("models"), knownvalue.ListExact([]knownvalue.Check{})),
		},
	})
}

// TestModelsDataSource_excludedIDWithoutPrefixFails: an excluded id that is
// a catalog id without its prefix, whoever that prefix names, would leave
// that model listed, so it fails the plan, with the catalog's id; one that
// more catalog ids end in names them all, and written as the catalog does,
// each id excludes its model.
func TestModelsDataSource_excludedIDWithoutPrefixFails(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ambiguous := mockapi.NewTestServer(t, "")
	ambiguous.SetModels(json.RawMessage(`{"id":"groq/llama-3","owned_by":"meta"}`),
		json.RawMessage(`{"id":"together/llama-3","owned_by":"meta"}`), json.RawMessage(`{"id":"gpt-4o"}`))
	unitTest(t,
		errorStep(server, "megallm_models", `owned_by = ["meta"]
exclude_ids = ["llama-3.3-70b-instruct"]`, `Error: Excluded id written otherwise than the catalog .* so they would exclude `+
			`nothing and their models would stay listed: - "llama-3.3-70b-instruct" is not in the catalog, which has `+
			`"meta-llama/llama-3.3-70b-instruct", with the prefix "meta-llama/" Write each id as the catalog does\.`),
		errorStep(ambiguous, "megallm_models", `exclude_ids = ["llama-3"]`, `- "llama-3" is not in the catalog, which has `+
			`"groq/llama-3" and "together/llama-3", each with a prefix that it lacks: write in full each one meant Write each id`),
		resource.TestStep{ // the advice followed
			Config:            providerBlock(ambiguous, "") + `data "megallm_models" "m" { exclude_ids = ["groq/llama-3", "together/llama-3"] }`,
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", "gpt-4o")},
		},
	)
}

// TestModelsDataSource_misnamedExcludedIDFails: an excluded id that names a
// catalog model otherwise than the catalog writes it, in another letter case
// or under its owner's vendor prefix, would leave that model listed, so it
// fails the plan, as a misnamed candidate or policy id does; an unknown id,
// under another owner's prefix too, only warns.
func TestModelsDataSource_misnamedExcludedIDFails(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "not_gpt4o" {
  id_regex    = "^gpt-4o"
  exclude_ids = ["GPT-4o", "gpt-4o-mni", "OpenAI/gpt-4o-mini", "anthropic/gpt-4.1"]
}
`,
		ExpectError: expectError(`Error: Excluded id written otherwise than the catalog .* Model ids are exact, and these ids of ` +
			`exclude_ids name catalog models otherwise than the catalog writes them, so they would exclude nothing and ` +
			`their models would stay listed: - "GPT-4o" is not in the catalog, which has "gpt-4o": ids are case-sensitive - ` +
			`"OpenAI/gpt-4o-mini" is not in the catalog, which has "gpt-4o-mini", without the vendor prefix "OpenAI/" ` +
			`Write each id as the catalog does\.`),
	})

	// The misnamed ids are the error's alone; the unknown ones still warn.
	p := newProtocolServer(t, server, nil)
	resp, err := p.server.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{
		TypeName: "megallm_models",
		Config: p.config(t, "megallm_models", map[string]tftypes.Value{
			"exclude_ids": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String},
				[]tftypes.Value{str("GPT-4o"), str("gpt-4o-mni"), str("openai/gpt-4.1"), str("anthropic/gpt-4o")}),
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range resp.Diagnostics {
		got = append(got, fmt.Sprintf("%s: %s, about GPT-4o: %t, openai/gpt-4.1: %t, anthropic/gpt-4o: %t", d.Severity, d.Summary,
			strings.Contains(d.Detail, `"GPT-4o"`), strings.Contains(d.Detail, `"openai/gpt-4.1"`), strings.Contains(d.Detail, `"anthropic/gpt-4o"`)))
	}
	want := []string{
		"ERROR: Excluded id written otherwise than the catalog, about GPT-4o: true, openai/gpt-4.1: true, anthropic/gpt-4o: false",
		"WARNING: No model with this id, about GPT-4o: false, openai/gpt-4.1: false, anthropic/gpt-4o: true",
		"WARNING: No model with this id, about GPT-4o: false, openai/gpt-4.1: false, anthropic/gpt-4o: false",
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%q\nwant\n%q", got, want)
	}
}

// TestModelsDataSource_miscasedTypeOrOwnerFails: a type or owner that the
// catalog has only in another letter case, or an id_regex that matches its
// ids only so, fails the plan with "did you mean",
// as a miscased sort_by does: it can only be a typo, and the empty list it
// would give passes a check on what is listed. One the catalog lacks warns.
func TestModelsDataSource_miscasedTypeOrOwnerFails(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	catalog := `No model in the MegaLLM catalog \(26 models from ` + regexp.QuoteMeta(server.URL()) + `/models\)`
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_models" "chat" { type = "Chat" }`,
		ExpectError: expectError(`Error: Type in the wrong letter case .* ` + catalog + ` has type "Chat", so megallm_models would ` +
			`list none\. Types are case-sensitive\. Did you mean "chat"\? The catalog's types are "chat" and "embedding"\.`),
	}, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_models" "mine" { owned_by = ["OpenAI", "Anthropic", "mistral", "opnai"] }`,
		ExpectError: expectError(`Error: Owner in the wrong letter case .* Owners are case-sensitive, and these owners of owned_by ` +
			`differ from a catalog owner only in letter case, so they would match nothing and their models would not be ` +
			`listed: - "Anthropic" \(did you mean "anthropic"\?\) - "OpenAI" \(did you mean "openai"\?\) Write each owner as ` +
			`the catalog does\.`),
	}, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_models" "gpt4o" { id_regex = "^GPT-4o" }`,
		ExpectError: expectError(`Error: id_regex in the wrong letter case .* ` + strings.Replace(catalog, "model", "model id", 1) +
			` matches id_regex "\^GPT-4o", so megallm_models would list none\. Ids are case-sensitive, and it matches some only ` +
			`when letter case is ignored\. Did you mean "\(\?i\)\^GPT-4o"\? \(\?i\) makes it ignore letter case\.`),
	}, resource.TestStep{ // followed, the advice lists them
		Config:            providerBlock(server, "") + `data "megallm_models" "gpt4o" { id_regex = "(?i)^GPT-4o" }`,
		ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.gpt4o", "gpt-4o", "gpt-4o-mini")},
	})
}

// TestModelsDataSource_miscasedTypeOfSeveralSpellings: a catalog with a type
// or owner in several letter cases reads it in one (between as many, the
// first model's), which a miscased type or owner is told to write, and which
// then keeps every model of it.
func TestModelsDataSource_miscasedTypeOfSeveralSpellings(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"a","type":"CHAT","owned_by":"OpenAI"}`),
		json.RawMessage(`{"id":"b","type":"Chat","owned_by":"openai"}`), json.RawMessage(`{"id":"c","type":"chat"}`))
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_models" "chat" { type = "cHat" }`,
		ExpectError: expectError(`Error: Type in the wrong letter case .* has type "cHat", so megallm_models would list none\. ` +
			`Types are case-sensitive\. Did you mean "CHAT"\?`),
	}, resource.TestStep{
		Config:      providerBlock(server, "") + `data "megallm_models" "mine" { owned_by = ["OPENAI"] }`,
		ExpectError: expectError(`Error: Owner in the wrong letter case .* - "OPENAI" \(did you mean "OpenAI"\?\)`),
	}, resource.TestStep{ // followed, the advice lists them
		Config: providerBlock(server, "") + `
data "megallm_models" "chat" { type = "CHAT" }
data "megallm_models" "mine" { owned_by = ["OpenAI"] }
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.chat", "a", "b", "c"),
			expectIDs("data.megallm_models.mine", "a", "b"),
		},
	})
}

// TestModelsDataSource_miscasedValueTooLongToQuote: a miscased type or
// owner of the catalog too long to quote whole is told where to read it
// whole, and a miscased id_regex too long to quote with (?i) is told what to
// change; followed, each lists the model.
func TestModelsDataSource_miscasedValueTooLongToQuote(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	name := "vendor/" + strings.Repeat("x", 70)
	server.SetModels(json.RawMessage(fmt.Sprintf(`{"id":%q,"type":%[1]q,"owned_by":%[1]q}`, name)))
	upper, cut := strings.ToUpper(name), regexp.QuoteMeta(megallm.Quote(name))
	readWhole := `Read each %s suggested here whole from the models\[\*\]\.%s of a megallm_models data source, which lists ` +
		`every model the policy allows\.`
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "m" { type = %q }`, upper),
		ExpectError: expectError(`Types are case-sensitive\. Did you mean ` + cut + `\? ` +
			fmt.Sprintf(readWhole, "type", "type")),
	}, resource.TestStep{
		Config:      providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "m" { owned_by = [%q] }`, upper),
		ExpectError: expectError(`Write each owner as the catalog does\. ` + fmt.Sprintf(readWhole, "owner", "owned_by")),
	}, resource.TestStep{
		Config:      providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "m" { id_regex = %q }`, upper),
		ExpectError: expectError(`when letter case is ignored\. Start it with \(\?i\), which makes it ignore letter case\.`),
	}, resource.TestStep{ // followed, the advice lists it
		Config: providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "m" {
  type     = %q
  owned_by = [%[1]q]
  id_regex = "(?i)%s"
}`, name, upper),
		ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", name)},
	})
}

// TestModelsDataSource_miscasedUnlistedValueTooLongToQuote: a miscased type
// too long to quote whole held only by a retired model, and such an owner
// only by one the policy denies, are told to read it whole from a
// megallm_models data source with include_retired = true under a provider
// block without policy, as one under the policy lists neither; followed, it
// plans.
func TestModelsDataSource_miscasedUnlistedValueTooLongToQuote(t *testing.T) {
	t.Parallel()
	server, typ, owner := unlistedNamesServer(t, "vendor/")
	policy := func(key string) string { return `{ models = { (` + key + `) = { denied = true } } }` }
	readWhole := `Read each %s suggested here whole from the models\[\*\]\.%s of a megallm_models data source with ` +
		`include_retired = true under a provider block without policy, which lists every model of the catalog\.`
	unitTest(t, resource.TestStep{
		Config:      policyProvider(server, policy(`"d"`), fmt.Sprintf(`data "megallm_models" "m" { type = %q }`, strings.ToUpper(typ))),
		ExpectError: expectError(`Types are case-sensitive\. Did you mean .*\? ` + fmt.Sprintf(readWhole, "type", "type")),
	}, resource.TestStep{
		Config:      policyProvider(server, policy(`"d"`), fmt.Sprintf(`data "megallm_models" "m" { owned_by = [%q] }`, strings.ToUpper(owner))),
		ExpectError: expectError(`Write each owner as the catalog does\. ` + fmt.Sprintf(readWhole, "owner", "owned_by")),
	}, resource.TestStep{ // the advice followed
		Config: allWithoutPolicy(server) + policyProvider(server, policy(`"d"`), fmt.Sprintf(`
data "megallm_models" "t" {
  type            = one([for m in data.megallm_models.all.models : m.type if lower(m.type) == %q])
  include_retired = true
}
data "megallm_models" "o" {
  owned_by = [one([for m in data.megallm_models.all.models : m.owned_by if lower(m.owned_by) == %q])]
}`, typ, owner)),
		ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.t", "r"), expectIDs("data.megallm_models.o")},
	})
}

// TestModelsDataSource_spacedValueTooLongToQuote: a type or owner with white
// space around it whose catalog spelling is too long to quote whole, and in
// a letter case neither upper nor lower, is told where a megallm_models data
// source lists that spelling: in models[*].type or models[*].owned_by, not
// in ids. Followed, the advice lists the model.
func TestModelsDataSource_spacedValueTooLongToQuote(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	name := "Vendor-" + strings.Repeat("x", 70)
	server.SetModels(json.RawMessage(fmt.Sprintf(`{"id":"m","type":%q,"owned_by":%[1]q}`, name)))
	written := " " + strings.ToLower(name)
	advice := `with white space around it, which no %s has: delete the white space around it, and write it in the ` +
		`letter case of the catalog, whose %s \(models\[\*\]\.%s\) a megallm_models data source lists\.`
	unitTest(t, resource.TestStep{
		Config:      providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "m" { owned_by = [%q] }`, written),
		ExpectError: expectError(fmt.Sprintf(advice, "owner", "owners", "owned_by")),
	}, resource.TestStep{
		Config:      providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "m" { type = %q }`, written),
		ExpectError: expectError(fmt.Sprintf(advice, "model type", "types", "type")),
	}, resource.TestStep{ // followed, the advice lists it
		Config:            providerBlock(server, "") + fmt.Sprintf(`data "megallm_models" "m" { owned_by = [%q] }`, name),
		ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", "m")},
	})
}

// unlistedNamesServer serves a type too long to quote whole (prefix, then
// t's) held only by a retired model, r, and such an owner (o's) only by d.
func unlistedNamesServer(t *testing.T, prefix string) (server *mockapi.Server, typ, owner string) {
	server = mockapi.NewTestServer(t, "")
	typ, owner = prefix+strings.Repeat("t", 70), prefix+strings.Repeat("o", 70)
	server.SetModels(json.RawMessage(fmt.Sprintf(`{"id":"r","type":%q,"owned_by":"x","retires_at":"2020-01-01T00:00:00Z"}`, typ)),
		json.RawMessage(fmt.Sprintf(`{"id":"d","type":"chat","owned_by":%q}`, owner)))
	return server, typ, owner
}

// TestModelsDataSource_spacedUnlistedValueTooLongToQuote: such a type held
// only by a retired model, such an owner only by one the policy denies, and
// such an allowed owner of a policy, which then fails every read under it, are
// told that a megallm_models data source with include_retired = true under a
// provider block without policy lists that spelling, as one under the policy
// lists none; followed, it plans.
func TestModelsDataSource_spacedUnlistedValueTooLongToQuote(t *testing.T) {
	t.Parallel()
	server, typ, owner := unlistedNamesServer(t, "Vendor/")
	policy := `{ models = { "d" = { denied = true } } }`
	advice := `with white space around it, which no %s has: delete the white space around it, and write it in the ` +
		`letter case of the catalog, whose %s \(models\[\*\]\.%s\) a megallm_models data source with include_retired = true ` +
		`under a provider block without policy lists\.`
	unitTest(t, resource.TestStep{
		Config:      policyProvider(server, policy, fmt.Sprintf(`data "megallm_models" "m" { type = %q }`, " "+strings.ToLower(typ))),
		ExpectError: expectError(fmt.Sprintf(advice, "model type", "types", "type")),
	}, resource.TestStep{
		Config:      policyProvider(server, policy, fmt.Sprintf(`data "megallm_models" "m" { owned_by = [%q] }`, " "+strings.ToLower(owner))),
		ExpectError: expectError(fmt.Sprintf(advice, "owner", "owners", "owned_by")),
	}, resource.TestStep{
		Config:      policyProvider(server, fmt.Sprintf(`{ allowed_owners = [%q] }`, " "+strings.ToLower(owner)), `data "megallm_models" "m" {}`),
		ExpectError: expectError(fmt.Sprintf(advice, "owner", "owners", "owned_by")),
	}, resource.TestStep{ // the advice followed
		Config: allWithoutPolicy(server) + policyProvider(server, fmt.Sprintf(`{ allowed_owners = [one([for m in `+
			`data.megallm_models.all.models : m.owned_by if lower(m.owned_by) == %q])] }`, strings.ToLower(owner)), `data "megallm_models" "a" {}`),
		ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.a", "d")},
	}, resource.TestStep{ // the advice followed
		Config: allWithoutPolicy(server) + policyProvider(server, policy, fmt.Sprintf(`
data "megallm_models" "t" {
  type            = one([for m in data.megallm_models.all.models : m.type if lower(m.type) == %q])
  include_retired = true
}
data "megallm_models" "o" {
  owned_by = [one([for m in data.megallm_models.all.models : m.owned_by if lower(m.owned_by) == %q])]
}`, strings.ToLower(typ), strings.ToLower(owner))),
		ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.t", "r"), expectIDs("data.megallm_models.o")},
	})
}

// TestModelsDataSource_unknownExcludedIDWarns: an excluded id the catalog
// lacks leaves out nothing, which the user must hear about.
func TestModelsDataSource_unknownExcludedIDWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	p := newProtocolServer(t, server, nil)
	exclude := func(ids ...string) map[string]tftypes.Value {
		elements := make([]tftypes.Value, len(ids))
		for i, id := range ids {
			elements[i] = str(id)
		}
		return map[string]tftypes.Value{"exclude_ids": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, elements)}
	}
	catalog := "No model in the MegaLLM catalog (26 models from " + server.URL() + "/models)"
	tests := []struct {
		name   string
		config map[string]tftypes.Value
		want   []string
	}{
		{"typo", exclude("gpt-4o", "gpt-4o-mni"), []string{
			`AttributeName("exclude_ids"): No model with this id: ` + catalog +
				` has id "gpt-4o-mni", so excluding it leaves out nothing. Ids are exact and case-sensitive. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		}},
		{"nothing close, in id order", exclude("retired-model-2", "retired-model-1"), []string{
			`AttributeName("exclude_ids"): No model with this id: ` + catalog +
				` has id "retired-model-1", so excluding it leaves out nothing. Ids are exact and case-sensitive. ` +
				`Remove it from exclude_ids if the model has left the catalog.`,
			`AttributeName("exclude_ids"): No model with this id: ` + catalog +
				` has id "retired-model-2", so excluding it leaves out nothing. Ids are exact and case-sensitive. ` +
				`Remove it from exclude_ids if the model has left the catalog.`,
		}},
		{"display name", exclude("DeepSeek V3"), []string{
			`AttributeName("exclude_ids"): No model with this id: ` + catalog +
				` has id "DeepSeek V3", so excluding it leaves out nothing. Ids are exact and case-sensitive. ` +
				`It is the display name of "deepseek-chat": write that id instead.`,
		}},
		{"known ids", exclude("gpt-4o", "mistral-embed"), nil},
	}
	for _, tc := range tests {
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", tc.config)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: warnings\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

func TestModelsDataSource_limit(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const cheapest = "data.megallm_models.cheapest_vision"
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "cheapest_vision" {
  sort_by = "input_cost"
  # whole numbers, as Terraform shows them, though its arithmetic leaves
  # them a hair above or below
  require = { supports_vision = true, min_context_length = 100000 * 1.28 }
  limit   = 10 * 0.3
}
data "megallm_models" "first_by_id" { limit = 1 }
data "megallm_models" "larger_than_result" {
  type  = "embedding"
  limit = 1000
}
data "megallm_models" "after_exclusion" {
  sort_by     = "input_cost"
  exclude_ids = ["gemini-2.0-flash"]
  require     = { supports_vision = true }
  limit       = 1
}
# An empty alternative inside a group is an optional part, no error.
data "megallm_models" "optional_part" {
  id_regex = "^gpt-4o(-mini|)$"
}
# Anchored at both ends, a group with an empty alternative matches no id but its others.
data "megallm_models" "anchored_group" {
  id_regex = "^(gpt-4o|o3-mini|)$"
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			// The first three of TestModelsDataSource_cheapestMeetingRequirements' order.
			expectIDs(cheapest, "gemini-2.0-flash", "gpt-4o-mini", "gpt-4.1-mini"),
			statecheck.ExpectKnownValue(cheapest, tfjsonpath.New("models"), knownvalue.ListSizeExact(3)),
			statecheck.ExpectKnownValue(cheapest, tfjsonpath.New("models").AtSliceIndex(0).AtMapKey("id"), knownvalue.StringExact("gemini-2.0-flash")),
			statecheck.ExpectKnownValue(cheapest, tfjsonpath.New("models").AtSliceIndex(1).AtMapKey("id"), knownvalue.StringExact("gpt-4o-mini")),
			statecheck.ExpectKnownValue(cheapest, tfjsonpath.New("models").AtSliceIndex(2).AtMapKey("id"), knownvalue.StringExact("gpt-4.1-mini")),
			expectIDs("data.megallm_models.first_by_id", "claude-3-5-haiku-20241022"),
			expectIDs("data.megallm_models.larger_than_result", "mistral-embed", "text-embedding-004", "text-embedding-3-large", "text-embedding-3-small"),
			expectIDs("data.megallm_models.after_exclusion", "gpt-4o-mini"),
			expectIDs("data.megallm_models.optional_part", "gpt-4o", "gpt-4o-mini"),
			expectIDs("data.megallm_models.anchored_group", "gpt-4o", "o3-mini"),
		},
	})
}

func TestModelsDataSource_invalidFilterArguments(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(body, expected string) resource.TestStep {
		return errorStep(server, "megallm_models", body, expected)
	}
	const forms = `Use an RFC 3339 date-time such as "2025-01-31T12:00:00Z" or a date such as "2025-01-31" \(midnight UTC\)\.`
	unitTest(t,
		step(`limit = 0`, `Invalid limit .* limit must be a positive whole number \(up to 2147483647\), got 0: leave limit out, `+
			`or set it to null, to keep every model\.`),
		step(`limit = -3`, `Invalid limit .* limit must be a positive whole number \(up to 2147483647\), got -3: leave limit out`),
		step(`limit = 2.5`, `Invalid limit .* limit must be a positive whole number \(up to 2147483647\), got 2\.5: write 2 or 3\.`),
		step(`limit = 2.0000000000001`, `limit must be a positive whole number \(up to 2147483647\), got 2\.0000000000001: write 2 or 3\.`),
		// 20 digits, which a message shows, and a float64 or a 64-bit big.Float rounds to 3.
		step(`limit = 2.9999999999999999999`, `got 2\.9999999999999999999: write 2 or 3\.`),
		step(`require = { min_context_length = 2.9999999999999999999 }`, `require\.min_context_length must be a whole number, got 2\.9999999999999999999: write 2 or 3`),
		step(`limit = 0.5`, `limit must be a positive whole number \(up to 2147483647\), got 0\.5: write 1\.`),
		step(`require = { min_context_length = 1234567890123456.7 }`, `require\.min_context_length must be a whole number, got 1234567890123456\.7: write 1234567890123456 or 1234567890123457`),
		step(`limit = 1e12`, `Invalid limit .* limit must be a positive whole number \(up to 2147483647\), got 1000000000000: `+
			`write 2147483647 or less\.`),
		step(`limit = 2147483648`, `got 2147483648: write 2147483647 or less\.`),
		step(`limit = 3000000000.5`, `got 3000000000\.5: write 2147483647 or less\.`),
		step(`created_after = "2025/01/31"`, `Invalid created_after .* created_after is "2025/01/31", which is not a date\. `+forms),
		step(`created_after = " 2025-01-31"`, `Invalid created_after .* created_after is " 2025-01-31", with white space around it, which no date has: write it as "2025-01-31"\.`),
		step(`created_after = "2025-02-30"`, `Invalid created_after .* created_after is "2025-02-30", which is not a date: February 2025 has 28 days\.`),
		step(`created_before = "2025-01-31 12:00:00"`, `Invalid created_before .* created_before is "2025-01-31 12:00:00", `+
			`which is not a date, as a date-time needs a time zone: write "2025-01-31T12:00:00Z" for UTC, or end it with its `+
			`zone's offset, such as \+02:00\. `+forms),
		step(`created_after = "2025-01-31t09:30:00.5"`, `created_after is "2025-01-31t09:30:00.5", which is not a date, `+
			`as a date-time needs a time zone: write "2025-01-31T09:30:00.5Z" for UTC`),
		step(`id_regex = "*sonnet*"`, `Invalid regular expression .* missing argument to repetition operator in "\*"\. .* `+
			`It is not a wildcard pattern, where \* stands for any text: for the ids that contain "sonnet", write "sonnet"\.`),
		step(`id_regex = "*-mini"`, `for the ids that end with "-mini", write "-mini\$"\.`),
		step(`id_regex = "*-mini$"`, `Invalid regular expression .* missing argument to repetition operator in "\*"\. .* `+
			`for the ids that end with "-mini", write "-mini\$"\.`),
		// An empty alternative of the whole, as join() writes for a list with "" in it, matches every id.
		step(`id_regex = join("|", ["gpt-4o-mini", "gpt-4.1-mini", ""])`, `Invalid regular expression .* id_regex `+
			`"gpt-4o-mini\|gpt-4\.1-mini\|" has an empty alternative \(\| at its start or end, or \|\|\), which matches every `+
			`id, so it would keep every model\. Delete the extra \| \(compact\(\) drops the empty element of a list that `+
			`join\(\) wrote it from\), or leave id_regex out to keep every model\.`),
		step(`id_regex = "((?i)^o1||^o3)"`, `id_regex "\(\(\?i\)\^o1\|\|\^o3\)" has an empty alternative`),
		// So does one in an anchored group, as "^(${join(...)})" writes it: the group matches "" after ^.
		step(`id_regex = "^(${join("|", ["gpt-4o", "o3", ""])})"`, `id_regex "\^\(gpt-4o\|o3\|\)" has an empty alternative`),
		step(`created_before = "2025-01-31T12:00:00+15:00"`, `Invalid created_before .* created_before is "2025-01-31T12:00:00\+15:00", `+
			`which is a date-time whose UTC offset, \+15:00, no time zone uses: offsets go from -12:00 to \+14:00, with minutes from 00 to 59\. `+forms),
		step(`
created_after  = "2025-06-01"
created_before = "2025-01-01T00:00:00Z"`, `Empty created_at range .* created_after \("2025-06-01"\) must be earlier than created_before \("2025-01-01T00:00:00Z"\): both are strict, so no model can be created after the one and before the other\. Swap them, or leave one out\.`),
		step(`
created_after  = "2025-01-01"
created_before = "2025-01-01T00:00:00Z"`, `Empty created_at range .* created_after \("2025-01-01"\) must be earlier than created_before .* They are the same instant: set created_after earlier or created_before later, or leave one out\.`),
		step(`exclude_ids = [""]`, `Invalid exclude_ids .* an id of exclude_ids is "", which is no model id: remove it\.`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid configuration sent %d requests to the API, want 0", n)
	}
}

// A blank date, currency or type, as a variable's default = "" gives, is
// advised as the other blank arguments are, and the advice followed plans.
func TestModelsDataSource_blankArguments(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		errorStep(server, "megallm_models", `created_after = ""`, `Invalid created_after .* created_after is "", which is no date: `+
			`leave created_after out, or set it to null \(as a variable's default = null\), to keep models created at any time\.\s*$`),
		errorStep(server, "megallm_models", `created_before = " "`, `Invalid created_before .* created_before is " ", which is no `+
			`date: leave created_before out, or set it to null \(as a variable's default = null\), to keep models created at any time\.\s*$`),
		errorStep(server, "megallm_models", `currency = ""`, `Invalid currency .* currency is "", which is no currency code: `+
			`leave currency out, or set it to null \(as a variable's default = null\), to use the default "USD"\.\s*$`),
		errorStep(server, "megallm_model", "id = \"gpt-4o\"\ncurrency = \" \"", `Invalid currency .* currency is " ", which is no `+
			`currency code: leave currency out, or set it to null \(as a variable's default = null\), to use the default "USD"\.\s*$`),
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `
variable "date" {
  type    = string
  default = null
}
variable "type" {
  type    = string
  default = null
}
variable "currency" {
  type    = string
  default = null
}
data "megallm_models" "m" {
  id_regex       = "^gpt-4o"
  type           = var.type
  created_after  = var.date
  created_before = var.date
  currency       = var.currency
  require        = { max_input_cost_per_million = 100 }
}
data "megallm_model" "m" {
  id       = "gpt-4o"
  currency = var.currency
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				expectIDs("data.megallm_models.m", "gpt-4o", "gpt-4o-mini"),
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o")),
			},
		},
	)
}
