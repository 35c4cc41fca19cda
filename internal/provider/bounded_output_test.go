package provider

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// These tests hold every diagnostic to a bounded size: a quoted value is cut
// after 64 characters, a list after 10 lines, and "did you mean" is worked
// out only for what is shown.

// TestCandidateLines_suggestsOnlyForShown counts the work: of 2,000
// candidates a 10,000-model catalog lacks, the ten shown get suggestions,
// each a pass over the catalog, and the rest are counted.
func TestCandidateLines_suggestsOnlyForShown(t *testing.T) {
	t.Parallel()
	models := make([]megallm.Model, 10000)
	for i := range models {
		models[i] = megallm.Model{ID: fmt.Sprintf("model-%05d", i)}
	}
	c := catalog.New(models)
	unknown := make([]string, 2000)
	for i := range unknown {
		unknown[i] = fmt.Sprintf("model-%05d", 10000+i)
	}
	_, passed := c.Choose(unknown, catalog.Query{})
	calls := 0
	lines := candidateLines(c, passed, func(id string) *catalog.Rejection { calls++; return c.Unknown(id) })
	if calls != catalog.MaxListed {
		t.Errorf("candidateLines computed suggestions %d times, want %d (one per line shown)", calls, catalog.MaxListed)
	}
	got := strings.Split(lines, "\n  - ")
	if len(got) != catalog.MaxListed+1 || got[0] != `"model-10000" is not in the catalog (did you mean "model-00000", "model-01000" or "model-00001"?)` ||
		got[catalog.MaxListed] != "and 1990 more" {
		t.Errorf("candidateLines =\n%s", lines)
	}
}

// TestModelDataSource_candidatesListBounded: the error for 25 candidates
// the catalog lacks lists ten, with their suggestions, and counts the rest.
func TestModelDataSource_candidatesListBounded(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ids := make([]string, 25)
	for i := range ids {
		ids[i] = fmt.Sprintf("%q", fmt.Sprintf("gpt-4o-%02d", i))
	}
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_model" "m" { candidates = [` + strings.Join(ids, ", ") + `] }`,
		ExpectError: expectError(`None of the 25 candidates can be used: - "gpt-4o-00" is not in the catalog \(did you mean "gpt-4o"\?\)` +
			`.* - "gpt-4o-09" is not in the catalog \(did you mean "gpt-4o"\?\) - and 15 more Add a candidate`),
	})
}

// TestModelDataSource_candidatesMistakesBounded: 25 candidates of the
// wrong type show ten mistakes, one per line, and count the rest, as a
// policy's do.
func TestModelDataSource_candidatesMistakesBounded(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_model" "m" { candidates = [` + strings.Repeat("1, ", 25) + `] }`,
		ExpectError: expectError(`Invalid candidates .* candidates\[0\] must be a string, got a number` +
			`.* candidates\[9\] must be a string, got a number\.\s+and 15 more\.\s*$`),
	})
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid candidates sent %d requests to the API, want 0", n)
	}
}

// TestPolicy_mistakesListBounded: a policy with 1,111 mistakes shows ten,
// one per line, and counts the rest, at validate already; so does one whose
// entries have several each: the bound is the whole message's, the policy's
// own mistakes first, then each entry's by id.
func TestPolicy_mistakesListBounded(t *testing.T) {
	t.Parallel()
	entries := make([]string, 1111)
	for i := range entries {
		entries[i] = fmt.Sprintf("%q = { retire_at = \"2030-01-01\" }", fmt.Sprintf("m-%04d", i))
	}
	policy := "{ models = { " + strings.Join(entries, ", ") + " } }"
	for i := range 3 {
		entries[i] = fmt.Sprintf(`"m-%d" = { retire_at = "2030-01-01", denied = "maybe", successor = "m-%d" }`, i, i)
	}
	threeEach := `{ allowed_owner = ["x"], allowed_owners = [""], retirement_notice_days = "ninety", models = { ` +
		strings.Join(entries[:3], ", ") + " } }"
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, policy, `data "megallm_model" "m" { id = "gpt-4o" }`),
		ExpectError: expectError(`Invalid policy .* policy\.models\["m-0000"\] has no attribute "retire_at"\. Did you mean "retires_at"\?` +
			`.* policy\.models\["m-0009"\] has no attribute "retire_at"\. .* and 1101 more\.\s*$`),
	}, resource.TestStep{
		Config: policyProvider(server, threeEach, `data "megallm_model" "m" { id = "gpt-4o" }`),
		ExpectError: expectError(`Invalid policy .* policy has no attribute "allowed_owner"\..*policy\.allowed_owners\[0\] is "",` +
			`.*policy\.retirement_notice_days must be a number.*policy\.models\["m-1"\]\.successor is the model itself:` +
			`.*policy\.models\["m-2"\] has no attribute "retire_at"\. Did you mean "retires_at"\? Its attributes are .* "pricing"\. and 2 more\.\s*$`),
	})
	if n := server.RequestCount(); n != 0 {
		t.Errorf("an invalid policy sent %d requests to the API, want 0", n)
	}
}

// TestValuesQuotedWithinBounds: the values a user writes, and the lists
// they make, are cut in warnings and errors as ids are: after 64
// characters, with the length, and after ten items.
func TestValuesQuotedWithinBounds(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 200)
	cut := `"` + strings.Repeat("x", 64) + `"… (200 characters)`
	server := mockapi.NewTestServer(t, "")
	p := newProtocolServer(t, server, nil)
	set := func(values ...string) tftypes.Value {
		elements := make([]tftypes.Value, len(values))
		for i, v := range values {
			elements[i] = str(v)
		}
		return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, elements)
	}
	where := "No model in the MegaLLM catalog (26 models from " + server.URL() + "/models)"
	many := make([]string, 25)
	for i := range many {
		many[i] = fmt.Sprintf("gone-%02d", i)
	}
	for _, tc := range []struct {
		name   string
		config map[string]tftypes.Value
		want   []string
	}{
		{"type", map[string]tftypes.Value{"type": str(long)}, []string{
			`AttributeName("type"): No model of this type: ` + where + ` has type ` + cut + `, so megallm_models lists none. ` +
				`The catalog's types are "chat" and "embedding".`,
		}},
		{"owned_by", map[string]tftypes.Value{"owned_by": set(long)}, []string{
			`AttributeName("owned_by"): No model with this owner: ` + where + ` has owned_by ` + cut + `, so that owner matches ` +
				`nothing. The catalog's owners are "anthropic", "deepseek", "google", "meta", "mistral", "openai" and "xai".`,
		}},
		{"exclude_ids", map[string]tftypes.Value{"exclude_ids": set(long)}, []string{
			`AttributeName("exclude_ids"): No model with this id: ` + where + ` has id ` + cut + `, so excluding it leaves out ` +
				`nothing. Ids are exact and case-sensitive. Remove it from exclude_ids if the model has left the catalog.`,
		}},
	} {
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", tc.config)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: warnings\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
	// 25 excluded ids the catalog lacks: ten warnings, then one for the rest.
	_, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", map[string]tftypes.Value{"exclude_ids": set(many...)}))
	if len(got) != catalog.MaxListed+1 || !strings.Contains(got[0], `has id "gone-00"`) || got[catalog.MaxListed] !=
		`AttributeName("exclude_ids"): No model with these ids: `+where+` has any of 15 more ids of exclude_ids either, so `+
			`excluding them leaves out nothing: "gone-10", "gone-11", "gone-12", "gone-13", "gone-14", "gone-15", "gone-16", `+
			`"gone-17", "gone-18", "gone-19" and 5 more.` {
		t.Errorf("25 unknown exclude_ids: %d warnings\n%s", len(got), strings.Join(got, "\n"))
	}
	// The same for owned_by.
	_, got = p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", map[string]tftypes.Value{"owned_by": set(many...)}))
	if len(got) != catalog.MaxListed+1 || !strings.HasPrefix(got[catalog.MaxListed], `AttributeName("owned_by"): No model with these owners: `+
		where+` has any of 15 more owners of owned_by either, so they match nothing: "gone-10", `) {
		t.Errorf("25 unknown owners: %d warnings\n%s", len(got), strings.Join(got, "\n"))
	}
}

// TestPolicy_wordsWithinBounds: the policy's allowed_owners and reasons are
// cut in the errors that quote them.
func TestPolicy_wordsWithinBounds(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	owners := make([]string, 15)
	for i := range owners {
		owners[i] = fmt.Sprintf("%q", fmt.Sprintf("owner-%02d", i))
	}
	owners[0] = `"` + strings.Repeat("o", 100) + `"`
	reason := strings.Repeat("r", 300)
	unitTest(t,
		resource.TestStep{
			Config: policyProvider(server, `{ allowed_owners = [`+strings.Join(owners, ", ")+`] }`, `data "megallm_model" "m" { id = "gpt-4o" }`),
			ExpectError: expectError(`Model "gpt-4o" is owned by "openai", and the policy allows only models owned by "` + strings.Repeat("o", 64) +
				`"… \(100 characters\), "owner-01", .* "owner-09" or 5 more\.`),
		},
		resource.TestStep{
			Config:      policyProvider(server, `{ models = { "gpt-4o" = { denied = true, reason = "`+reason+`" } } }`, `data "megallm_model" "m" { id = "gpt-4o" }`),
			ExpectError: expectError(`Model "gpt-4o" is denied by the policy: ` + strings.Repeat("r", 64) + `… \(300 characters\)\.`),
		},
	)
}

// TestTypedValuesQuotedWithinBounds: what a user types into a dynamic
// argument, a date, a duration or a policy, and the ids a policy or the
// catalog names, are cut in the messages that quote them, and a require
// with many unknown attributes names ten of them and counts the rest.
func TestTypedValuesQuotedWithinBounds(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 200)
	cut := `"` + strings.Repeat("x", 64) + `"… (200 characters)`
	unknown := map[string]any{}
	for i := range 30 {
		unknown[fmt.Sprintf("k%02d%s", i, long)] = true
	}
	requireValue, _, _ := fuzzValue(unknown, false)
	_, requireErr := readRequirements(requireValue, types.StringNull(), "")
	policyValue, _, _ := fuzzValue(map[string]any{"allowed_owners": []any{" " + long}}, false)
	_, ownerErr := readPolicy(policyValue, true)
	// Read with the catalog, which spells a spaced name (spacedPolicyNames):
	// an owner, a key and a successor of 1 MB, each with white space around it.
	huge := " " + strings.Repeat("x", 1<<20)
	spacedNamesErr := spacedPolicyNames(&catalog.Policy{AllowedOwners: []string{huge}, Models: map[string]catalog.ModelPolicy{
		huge: {Successor: &huge}, "gpt-4o": {Successor: &huge},
	}})(catalog.New([]megallm.Model{{ID: "gpt-4o", OwnedBy: ptr("openai")}}))
	days := int64(5)
	messages := map[string]string{
		"require":         sentence(requireErr),
		"created_after":   createdDateValidator.str("created_after", long),
		"request_timeout": positiveDurationValidator.str("request_timeout", "1"+strings.Repeat("0", 200)),
		"allowed_owners":  sentence(ownerErr),
		"spaced names":    sentence(spacedNamesErr),
		"lifecycle": lifecycleDetail(long, catalog.Lifecycle{RetiresAt: date("2030-01-01"), DaysToRetirement: &days}, "",
			lifecycleAdvice{Advice: catalog.Advice{Successor: long}, fallback: long}, 30),
	}
	for name, msg := range messages {
		if msg == "" || strings.Contains(msg, strings.Repeat("x", 65)) || strings.Contains(msg, strings.Repeat("0", 65)) {
			t.Errorf("%s: a value quoted in full, or no message:\n%s", name, msg)
		}
	}
	if got := strings.Count(messages["require"], "require has no attribute "+`"k`); got != catalog.MaxListed ||
		!strings.Contains(messages["require"], `require has no attribute "k00`+strings.Repeat("x", 61)+`"… (203 characters).`) ||
		!strings.Contains(messages["require"], "require has 20 more attributes it does not take. Its attributes are ") {
		t.Errorf("require with 30 unknown attributes names %d:\n%s", got, messages["require"])
	}
	if got := messages["spaced names"]; len(got) > 2000 || strings.Count(got, " characters)") != 9 {
		t.Errorf("spaced policy names of 1 MB: %d bytes, want each name cut after 64 characters:\n%.3000s", len(got), got)
	}
	if want := "created_after is " + cut + ", which is not a date."; !strings.Contains(messages["created_after"], want) {
		t.Errorf("created_after: %s\nwant it to contain %s", messages["created_after"], want)
	}
}
