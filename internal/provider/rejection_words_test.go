package provider

import (
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// chooseFixture is a catalog at fixedNow with a policy that denies one
// model and retires two.
func chooseFixture() *catalog.Catalog {
	c := catalog.New([]megallm.Model{
		{ID: "gpt-4o", OwnedBy: ptr("openai"), ContextLength: ptr[int64](128000)},
		{ID: "gpt-4o-mini", OwnedBy: ptr("openai"), ContextLength: ptr[int64](128000)},
		{ID: "small", OwnedBy: ptr("openai"), ContextLength: ptr[int64](8192), MaxOutputTokens: ptr[int64](1024)},
		{ID: "denied", OwnedBy: ptr("openai"), ContextLength: ptr[int64](128000)},
		{ID: "foreign", OwnedBy: ptr("meta"), ContextLength: ptr[int64](128000)},
		{ID: "old", OwnedBy: ptr("openai"), ContextLength: ptr[int64](128000)},
		{ID: "gone-quietly", OwnedBy: ptr("openai"), RetiresAt: date("2026-03-10T12:00:00Z")},
		{ID: "deprecated", OwnedBy: ptr("openai"), ContextLength: ptr[int64](128000)},
		{ID: "retired-and-denied", OwnedBy: ptr("openai")},
		// Successors that cannot be used: denied, the model itself (as only
		// the API can say), and one the catalog lacks.
		{ID: "retired-to-denied", OwnedBy: ptr("openai"), RetiresAt: date("2026-01-01T00:00:00Z"), Successor: ptr("denied")},
		{ID: "m4", OwnedBy: ptr("openai"), RetiresAt: date("2026-01-01T00:00:00Z"), Successor: ptr("m4")},
		{ID: "retired-to-missing", OwnedBy: ptr("openai"), RetiresAt: date("2026-01-01T00:00:00Z"), Successor: ptr("gpt-4x")},
	})
	c.Apply(&catalog.Policy{
		AllowedOwners: []string{"openai"},
		Models: map[string]catalog.ModelPolicy{
			"denied": {Denied: true, Reason: ptr("legal has not approved it")},
			"old": {
				DeprecatedAt: date("2025-12-01T00:00:00Z"), RetiresAt: date("2026-03-01T00:00:00Z"),
				Successor: ptr("gpt-4o"), Reason: ptr("replaced by gpt-4o"),
			},
			"deprecated":         {DeprecatedAt: date("2026-03-01T00:00:00Z"), Successor: ptr("gpt-4o")},
			"retired-and-denied": {Denied: true, RetiresAt: date("2026-01-01T00:00:00Z")},
		},
	}, fixedNow)
	return c
}

// kindNames name the rejection kinds in test output.
var kindNames = map[catalog.RejectionKind]string{
	catalog.NotInCatalog: "NotInCatalog", catalog.MisnamedModelID: "MisnamedModelID", catalog.RefusedByPolicy: "RefusedByPolicy", catalog.RetiredModel: "RetiredModel", catalog.UnmetRequirements: "UnmetRequirements",
}

// rejectionText writes the Rejection of id as its kind and words, "" for none.
func rejectionText(id string, r *catalog.Rejection) string {
	if r == nil {
		return ""
	}
	return kindNames[r.Kind] + ": " + rejectionWords(nil, r)
}

func TestRejectionWords_check(t *testing.T) {
	t.Parallel()
	c := chooseFixture()
	large := check{MinContextLength: big.NewInt(100000)}
	tests := []struct {
		name      string
		id        string
		req       check
		wantKind  catalog.RejectionKind // 0: accepted
		wantWords string
	}{
		{"usable", "gpt-4o", large, 0, ""},
		{"unknown id, one suggestion", "gtp-4o", check{}, catalog.NotInCatalog,
			`is not in the catalog (did you mean "gpt-4o"?)`},
		{"other separators", "gpt4o", check{}, catalog.MisnamedModelID,
			`is not in the catalog, which has "gpt-4o": ids are exact to the separator`},
		{"unknown id, two suggestions", "gpt-4", check{}, catalog.NotInCatalog,
			`is not in the catalog (did you mean "gpt-4o" or "gpt-4o-mini"?)`},
		{"unknown id, nothing close", "zzzzzzzzzzzzzzzz", check{}, catalog.NotInCatalog, "is not in the catalog"},
		// "denied", "old" (retired) and "foreign" (not allowed) are one edit
		// away, but only ids that can be used are suggested.
		{"unknown id, only usable ids suggested", "denie", check{}, catalog.NotInCatalog, "is not in the catalog"},
		{"unknown id, retired not suggested", "olt", check{}, catalog.NotInCatalog, "is not in the catalog"},
		{"unknown id, not allowed not suggested", "foreigm", check{}, catalog.NotInCatalog, "is not in the catalog"},
		{"unknown id, deprecated suggested", "deprecatd", check{}, catalog.NotInCatalog, `is not in the catalog (did you mean "deprecated"?)`},
		{"another letter case", "GPT-4o", check{}, catalog.MisnamedModelID,
			`is not in the catalog, which has "gpt-4o": ids are case-sensitive`},
		{"its owner's vendor prefix", "OpenAI/GPT-4o", check{}, catalog.MisnamedModelID,
			`is not in the catalog, which has "gpt-4o", without the vendor prefix "OpenAI/"`},
		{"an empty vendor prefix", "/gpt-4o", check{}, catalog.MisnamedModelID,
			`is not in the catalog, which has "gpt-4o", without the leading "/"`},
		{"its owner's vendor prefix twice", "openai/openai/gpt-4o", check{}, catalog.MisnamedModelID,
			`is not in the catalog, which has "gpt-4o", without the vendor prefix "openai/openai/"`},
		{"another owner's vendor prefix", "meta/gpt-4o", check{}, catalog.NotInCatalog,
			`is not in the catalog (did you mean "gpt-4o" or "gpt-4o-mini"?)`},
		{"denied", "denied", check{}, catalog.RefusedByPolicy, "is denied by the policy: legal has not approved it"},
		{"owner not allowed", "foreign", check{}, catalog.RefusedByPolicy,
			`is owned by "meta", and the policy allows only models owned by "openai"`},
		{"retired, with the policy's reason and the successor", "old", check{}, catalog.RetiredModel,
			`was retired on 2026-03-01: replaced by gpt-4o (successor "gpt-4o")`},
		{"retired at a time of day, no reason or successor", "gone-quietly", check{}, catalog.RetiredModel,
			"was retired on 2026-03-10T12:00:00Z"},
		{"retired, its successor denied", "retired-to-denied", check{}, catalog.RetiredModel,
			`was retired on 2026-01-01 (successor "denied", which is denied by the policy: legal has not approved it)`},
		{"retired, its own successor", "m4", check{}, catalog.RetiredModel,
			`was retired on 2026-01-01 (successor "m4", which is the model itself)`},
		{"retired, its successor not in the catalog", "retired-to-missing", check{}, catalog.RetiredModel,
			`was retired on 2026-01-01 (successor "gpt-4x", which is not in the catalog)`},
		{"refused before retired", "retired-and-denied", check{}, catalog.RefusedByPolicy, "is denied by the policy"},
		{"retired before unmet", "gone-quietly", large, catalog.RetiredModel, "was retired on 2026-03-10T12:00:00Z"},
		{"unmet requirement", "small", large, catalog.UnmetRequirements,
			"does not meet require: context_length 8192 < required 100000"},
		{"unmet requirements, joined", "small", check{MinContextLength: big.NewInt(100000), MinMaxOutputTokens: big.NewInt(4096)},
			catalog.UnmetRequirements, "does not meet require: context_length 8192 < required 100000; max_output_tokens 1024 < required 4096"},
		{"deprecated meets no requirement by itself", "deprecated", check{}, 0, ""},
		// Check applies the lifecycle at the catalog's Now, whatever r says.
		{"not deprecated, at the catalog's Now", "deprecated", check{NotDeprecated: true, Now: fixedNow.AddDate(-1, 0, 0)},
			catalog.UnmetRequirements, `does not meet require: model_lifecycle.status is deprecated since 2026-03-01 (successor "gpt-4o")`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, rejection := c.Check(tc.id, tc.req.query())
			if got, want := rejectionText(tc.id, rejection), expectedRejection(tc.wantKind, tc.wantWords); got != want {
				t.Fatalf("Check(%s) rejection = %q, want %q", tc.id, got, want)
			}
			switch {
			case (tc.wantKind == catalog.NotInCatalog || tc.wantKind == catalog.MisnamedModelID) && m != nil:
				t.Errorf("Check(%s) model = %s, want nil", tc.id, m.ID)
			case tc.wantKind != catalog.NotInCatalog && tc.wantKind != catalog.MisnamedModelID && (m == nil || m.ID != tc.id):
				t.Errorf("Check(%s) model = %v, want the model looked up", tc.id, m)
			}
		})
	}
}

// expectedRejection is what rejectionText writes for a rejection of kind
// with these words, "" for kind 0 (none).
func expectedRejection(kind catalog.RejectionKind, words string) string {
	if kind == 0 {
		return ""
	}
	return kindNames[kind] + ": " + words
}

// candidatesText writes each candidate as "id: kind: words".
func candidatesText(candidates []catalog.Candidate) []string {
	var out []string
	for _, c := range candidates {
		out = append(out, c.ID+": "+rejectionText(c.ID, c.Rejection))
	}
	return out
}

func TestRejectionWords_choose(t *testing.T) {
	t.Parallel()
	c := chooseFixture()
	large := check{MinContextLength: big.NewInt(100000)}
	passedOver := []string{
		// Without suggestions: the caller asks for those it shows.
		`gpt-4: NotInCatalog: is not in the catalog`,
		"denied: RefusedByPolicy: is denied by the policy: legal has not approved it",
		`old: RetiredModel: was retired on 2026-03-01: replaced by gpt-4o (successor "gpt-4o")`,
		"small: UnmetRequirements: does not meet require: context_length 8192 < required 100000",
	}
	tests := []struct {
		name       string
		ids        []string
		wantChosen string // "" for none
		wantPassed []string
	}{
		{"the first usable, after the passed-over ones", []string{"gpt-4", "denied", "old", "small", "gpt-4o-mini", "gpt-4o"},
			"gpt-4o-mini", passedOver},
		{"the first is usable", []string{"gpt-4o", "denied"}, "gpt-4o", nil},
		{"none usable: every candidate listed", []string{"gpt-4", "denied", "old", "small"}, "", passedOver},
		{"a candidate repeated is checked again", []string{"small", "small"}, "", []string{passedOver[3], passedOver[3]}},
		{"no candidates", nil, "", nil},
		// A candidate in another letter case or under its owner's vendor
		// prefix is a mistake wherever it stands: none is chosen, and only
		// the misnamed ones are listed.
		{"a misnamed candidate, after a usable one", []string{"gpt-4o-mini", "GPT-4o", "meta/small", "openai/Small"}, "", []string{
			`GPT-4o: MisnamedModelID: is not in the catalog, which has "gpt-4o": ids are case-sensitive`,
			`openai/Small: MisnamedModelID: is not in the catalog, which has "small", without the vendor prefix "openai/"`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, passed := c.Choose(tc.ids, large.query())
			chosen := ""
			if m != nil {
				chosen = m.ID
			}
			if chosen != tc.wantChosen {
				t.Errorf("Choose(%q) chose %q, want %q", tc.ids, chosen, tc.wantChosen)
			}
			if got := candidatesText(passed); !slices.Equal(got, tc.wantPassed) {
				t.Errorf("Choose(%q) passed over\n%q\nwant\n%q", tc.ids, got, tc.wantPassed)
			}
		})
	}
}

// An id that more catalog ids end in after a prefix names them all, as many
// as a list holds, and where a quote is cut, says where to read them whole.
func TestRejectionWords_ambiguousWithoutPrefix(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 70)
	var models []megallm.Model
	for _, prefix := range []string{"a/", "b/", "c/", "d/", "e/", "f/", "g/", "h/", "i/", "j/", "k/", "l/"} {
		models = append(models, megallm.Model{ID: prefix + long}, megallm.Model{ID: prefix + "short"})
	}
	c := catalog.New(models)
	for id, want := range map[string]string{
		"short": `is not in the catalog, which has "a/short", "b/short", "c/short", "d/short", "e/short", "f/short", ` +
			`"g/short", "h/short", "i/short", "j/short" and 2 more, each with a prefix that it lacks: write in full each one meant`,
		long: `and 2 more, each with a prefix that it lacks: write in full each one meant. Read each id suggested here whole ` +
			`from the ids of a megallm_models data source, which lists every model the policy allows`,
	} {
		if got := rejectionWords(c, c.Misnamed(id)); !strings.HasSuffix(got, want) {
			t.Errorf("rejectionWords(%.8q…) = %q, want it to end %q", id, got, want)
		}
	}
}

// An id that is the display name of one model says to write that model's id;
// of more, to write the id of the one meant, as "that id" names none.
func TestRejectionWords_displayName(t *testing.T) {
	t.Parallel()
	c := catalog.New([]megallm.Model{
		{ID: "gpt-4o-mini", DisplayName: ptr("Fast")}, {ID: "gemini-2.0-flash", DisplayName: ptr("Fast")},
		{ID: "gpt-4o", DisplayName: ptr("Omni")},
	})
	for id, want := range map[string]string{
		"Omni": `is not in the catalog (it is the display name of "gpt-4o": write that id instead)`,
		"Fast": `is not in the catalog (it is the display name of "gemini-2.0-flash" or "gpt-4o-mini": ` +
			`write the id of the one meant instead)`,
	} {
		if _, r := c.Check(id, catalog.Query{}); r == nil || rejectionWords(c, r) != want {
			t.Errorf("rejectionWords(%q) = %q, want %q", id, rejectionText(id, r), want)
		}
	}
}
