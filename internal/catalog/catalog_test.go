package catalog

import (
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// ids lists the ids of models, for comparing results.
func ids(models []*megallm.Model) []string {
	out := make([]string, len(models))
	for i, m := range models {
		out[i] = m.ID
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestNewAndLookup(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "gpt-4o", DisplayName: ptr("GPT-4o")},
		{ID: "claude-3-opus", DisplayName: ptr("Claude 3 Opus")},
		{ID: "gpt-4o-mini", DisplayName: ptr("GPT-4o mini")},
	})
	if c.Len() != 3 {
		t.Errorf("Len() = %d, want 3", c.Len())
	}
	tests := []struct {
		id          string
		wantFound   bool
		wantDisplay string
	}{
		{"gpt-4o", true, "GPT-4o"},
		{"claude-3-opus", true, "Claude 3 Opus"},
		{"gpt-4o-mini", true, "GPT-4o mini"},
		{"GPT-4o", false, ""},
		{"gpt-4", false, ""},
		{"gpt-4o ", false, ""},
		{"", false, ""},
	}
	for _, tc := range tests {
		m, ok := c.Lookup(tc.id)
		if ok != tc.wantFound {
			t.Errorf("Lookup(%q) found = %v, want %v", tc.id, ok, tc.wantFound)
			continue
		}
		if !ok {
			if m != nil {
				t.Errorf("Lookup(%q) = %+v with found false, want nil", tc.id, m)
			}
			continue
		}
		if m.ID != tc.id || m.DisplayName == nil || *m.DisplayName != tc.wantDisplay {
			t.Errorf("Lookup(%q) = %+v, want id %q display %q", tc.id, m, tc.id, tc.wantDisplay)
		}
	}
}

func TestLookup_duplicateIDsFirstWins(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "dup", DisplayName: ptr("first")},
		{ID: "other"},
		{ID: "dup", DisplayName: ptr("second")},
		{ID: "dup", DisplayName: ptr("third")},
	})
	m, ok := c.Lookup("dup")
	if !ok {
		t.Fatal("Lookup(dup) not found")
	}
	if m.DisplayName == nil || *m.DisplayName != "first" {
		t.Errorf("Lookup(dup) display = %v, want the first model's (first)", m.DisplayName)
	}
	if c.Len() != 4 {
		t.Errorf("Len() = %d, want 4: duplicates are kept in the list", c.Len())
	}
	if got := ids(c.Select(Query{})); !equalStrings(got, []string{"dup", "dup", "dup", "other"}) {
		t.Errorf("Select ids = %q, want every duplicate listed", got)
	}
}

// TestLookupFold: the catalog id in another letter case, only for an id
// that Lookup does not find, even where the catalog has both casings.
func TestLookupFold(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "Model-A"}, {ID: "model-a"}, {ID: "gpt-4o"}})
	tests := []struct {
		id, want string
		ok       bool
	}{
		{"GPT-4o", "gpt-4o", true},
		{"gpt-4o", "", false},
		{"model-a", "", false}, // the catalog has it, though "Model-A" folds the same
		{"MODEL-A", "Model-A", true},
		{"gpt-4", "", false},
	}
	for _, tc := range tests {
		if got, ok := c.lookupFold(tc.id); got != tc.want || ok != tc.ok {
			t.Errorf("lookupFold(%q) = %q, %t, want %q, %t", tc.id, got, ok, tc.want, tc.ok)
		}
	}
}

// TestLookupMisnamed_shortTail: a catalog id of one or two characters under
// its owner's vendor prefix, in any letter case, names that model otherwise,
// as a longer one does; the suggestion is that id alone, not every id that
// contains it.
func TestLookupMisnamed_shortTail(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "o3", OwnedBy: ptr("openai")}, {ID: "o3-mini", OwnedBy: ptr("openai")}, {ID: "x"}, {ID: "ii-x"}})
	tests := []struct {
		id, want string
		ok       bool
	}{
		{"openai/o3", "o3", true},
		{"OpenAI/O3", "o3", true},
		{"acme/x", "x", true}, // the model reports no owner
		{"anthropic/o3", "", false},
		{"openai/o4", "", false},
		// A prefix reads as a person reads it: an empty one is no vendor,
		// and one that names the owner twice still names it.
		{"/o3", "o3", true},
		{"//O3", "o3", true},
		{"openai/openai/o3", "o3", true},
		{"openai//o3", "o3", true},
		{"anthropic/openai/o3", "", false},
		{"/o4", "", false},
	}
	for _, tc := range tests {
		got, ok := c.LookupMisnamed(tc.id)
		if ok != tc.ok || ok && !reflect.DeepEqual(got, MisnamedID{ID: tc.id, CatalogID: tc.want}) {
			t.Errorf("LookupMisnamed(%q) = %+v, %t, want %q, %t", tc.id, got, ok, tc.want, tc.ok)
		}
	}
	for id, want := range map[string]string{"openai/O3": "openai/", "/o3": "/", "//O3": "//", "openai/openai/o3": "openai/openai/", "O3": "",
		"acme/İİ-x": "acme/"} { // lower-cased, as lookupFold reads it, though no fold of "İ" is "i"
		got, _ := c.LookupMisnamed(id)
		if prefix, _ := got.Prefix(); prefix != want {
			t.Errorf("LookupMisnamed(%q).Prefix() = %q, want %q", id, prefix, want)
		}
	}
	if got := c.Suggest("openai/o3"); !slices.Equal(got, []string{"o3"}) {
		t.Errorf(`Suggest("openai/o3") = %q, want ["o3"]`, got)
	}
}

// TestLookupMisnamed_withoutPrefix: an id without a '/' that a catalog id
// ends in after its last '/', in any letter case, names that model
// otherwise, whoever owns it ("meta-llama/" names no owner "meta"); one that
// more catalog ids end in names each of them alike, in catalog order, once
// each; an id LeftOut reports names none, nor does part of a prefix.
func TestLookupMisnamed_withoutPrefix(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "meta-llama/llama-3.3-70b-instruct", OwnedBy: ptr("meta")}, {ID: "groq/llama-3"},
		{ID: "gpt-4o", OwnedBy: ptr("openai")}, {ID: "together/Llama-3", OwnedBy: ptr("together")}, {ID: "groq/llama-3"},
		{ID: "a/b/c"}, {ID: "held/key-1234"}})
	c.leftOut = func(id string) string {
		if id == "key-1234" {
			return "it holds the key"
		}
		return ""
	}
	tests := []struct {
		id   string
		want MisnamedID
		ok   bool
	}{
		{"llama-3.3-70b-instruct", MisnamedID{ID: "llama-3.3-70b-instruct", CatalogID: "meta-llama/llama-3.3-70b-instruct"}, true},
		{"Llama-3.3-70B-Instruct", MisnamedID{ID: "Llama-3.3-70B-Instruct", CatalogID: "meta-llama/llama-3.3-70b-instruct"}, true},
		{"llama-3", MisnamedID{ID: "llama-3", CatalogID: "groq/llama-3", Alike: []string{"together/Llama-3"}}, true},
		{"c", MisnamedID{ID: "c", CatalogID: "a/b/c"}, true},
		{"b/c", MisnamedID{}, false}, // part of the prefix: no vendor named
		{"b", MisnamedID{}, false},
		{"llama", MisnamedID{}, false},
		{"key-1234", MisnamedID{}, false},
	}
	for _, tc := range tests {
		if got, ok := c.LookupMisnamed(tc.id); ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("LookupMisnamed(%q) = %+v, %t, want %+v, %t", tc.id, got, ok, tc.want, tc.ok)
		}
	}
	if prefix, added := (MisnamedID{ID: "Llama-3.3-70B-Instruct", CatalogID: "meta-llama/llama-3.3-70b-instruct"}).Prefix(); prefix != "meta-llama/" || added {
		t.Errorf("Prefix() = %q, %t, want the catalog id's \"meta-llama/\", not added", prefix, added)
	}
	if r := c.Misnamed("llama-3"); r == nil || r.Kind != MisnamedModelID || !slices.Equal(r.Suggestions, []string{"groq/llama-3", "together/Llama-3"}) {
		t.Errorf("Misnamed(llama-3) = %+v, want MisnamedModelID suggesting both ids", r)
	}
	// In a policy: an error, and an ambiguous key repeats no entry's.
	p := New([]megallm.Model{{ID: "groq/llama-3"}, {ID: "together/llama-3"}, {ID: "meta-llama/llama-3.3"}})
	findings := p.Apply(&Policy{Models: map[string]ModelPolicy{"llama-3": {Denied: true}, "groq/llama-3": {},
		"llama-3.3": {Denied: true}, "meta-llama/llama-3.3": {Successor: ptr("llama-3")}}}, fixedNow)
	want := []MisnamedID{{ID: "llama-3", CatalogID: "groq/llama-3", Alike: []string{"together/llama-3"}},
		{ID: "llama-3.3", CatalogID: "meta-llama/llama-3.3"}}
	if !reflect.DeepEqual(findings.Misnamed, want) || findings.Err(p) == nil || !slices.Equal(findings.Keyed, []string{"meta-llama/llama-3.3"}) ||
		len(findings.MisnamedSuccessors) != 1 || findings.UnknownIDs != nil {
		t.Errorf("findings = %+v, want Misnamed %+v, an error, Keyed only meta-llama/llama-3.3, a misnamed successor", findings, want)
	}
}

// TestLookupMisnamed_separators: an id that differs from a catalog id only
// in its separators ('-', '.', '_', ' ') and letter case names that model
// otherwise, even one edit from another id; two catalog ids read alike make
// it ambiguous; an id one real edit away, or that LeftOut reports, names none.
func TestLookupMisnamed_separators(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "gpt-4o"}, {ID: "gpt4"}, {ID: "claude-3-5-sonnet"}, {ID: "gemini-1.5-pro"},
		{ID: "o-1"}, {ID: "o3"}, {ID: "O1."}, {ID: "meta-llama/llama-3.3-70b"}, {ID: "held-key"}})
	c.leftOut = func(id string) string {
		if id == "held_key" {
			return "it holds the key"
		}
		return ""
	}
	tests := []struct {
		id   string
		want MisnamedID
		ok   bool
	}{
		{"gpt4o", MisnamedID{ID: "gpt4o", CatalogID: "gpt-4o"}, true}, // one edit from gpt4 too
		{"gpt_4o", MisnamedID{ID: "gpt_4o", CatalogID: "gpt-4o"}, true},
		{"GPT 4o", MisnamedID{ID: "GPT 4o", CatalogID: "gpt-4o"}, true},
		{"gpt-4-o", MisnamedID{ID: "gpt-4-o", CatalogID: "gpt-4o"}, true},
		{"claude-3.5-sonnet", MisnamedID{ID: "claude-3.5-sonnet", CatalogID: "claude-3-5-sonnet"}, true},
		{"gemini-1-5-pro", MisnamedID{ID: "gemini-1-5-pro", CatalogID: "gemini-1.5-pro"}, true},
		{"meta_llama/llama-3.3-70b", MisnamedID{ID: "meta_llama/llama-3.3-70b", CatalogID: "meta-llama/llama-3.3-70b"}, true},
		{"o1", MisnamedID{ID: "o1", CatalogID: "o-1", Alike: []string{"O1."}}, true},
		{"o_3", MisnamedID{ID: "o_3", CatalogID: "o3"}, true},
		{"o4", MisnamedID{}, false},          // one edit from o3: another model
		{"gpt-4o:free", MisnamedID{}, false}, // ':' tags a variant
		{"gpt/4o", MisnamedID{}, false},      // '/' is a prefix's
		{"held_key", MisnamedID{}, false},
	}
	for _, tc := range tests {
		if got, ok := c.LookupMisnamed(tc.id); ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("LookupMisnamed(%q) = %+v, %t, want %+v, %t", tc.id, got, ok, tc.want, tc.ok)
		}
	}
	if m, ok := New([]megallm.Model{{ID: "o3"}}).LookupMisnamed("o1"); ok {
		t.Errorf(`LookupMisnamed("o1") beside "o3" = %+v, want none: one real edit is another model`, m)
	}
	for id, want := range map[string]bool{"gpt4o": true, "GPT_4o": true, "GPT-4o": false, "openai/gpt-4o": false} {
		if got := (MisnamedID{ID: id, CatalogID: "gpt-4o"}).Separated(); got != want {
			t.Errorf("%q for gpt-4o: Separated() = %t, want %t", id, got, want)
		}
	}
	// In a policy: an error, a key and a successor alike.
	findings := c.Apply(&Policy{Models: map[string]ModelPolicy{"gpt4o": {Denied: true}, "o3": {Successor: ptr("gpt_4o")}}}, fixedNow)
	if want := []MisnamedID{{ID: "gpt4o", CatalogID: "gpt-4o"}}; !reflect.DeepEqual(findings.Misnamed, want) || findings.Err(c) == nil ||
		len(findings.MisnamedSuccessors) != 1 || findings.UnknownIDs != nil {
		t.Errorf("findings = %+v, want Misnamed %+v, an error, a misnamed successor", findings, want)
	}
}

// TestLookupMisnamed_joined: an id that lists a catalog id with others in one
// string, as a list joined with commas or a CSV cell does, names each of them
// (Joined), in its order, each once: excluding or denying it as written would
// leave them all listed or allowed. A part the catalog lacks, a misspelt id
// ("gpt-4o-mnii") or one it does not have yet ("gpt-5"), is Lacked: before,
// it made the string no list, whose near miss only warned and so left the
// catalog ids beside it ungated. An id repeated names it alone (One), and so
// does one with a stray separator ("gpt-4o,", Stray), which before was no
// list: an unknown id, which only warned, so its exclusion or denial missed
// the model in silence. No catalog id makes it no list of ids, and one id
// with other separators reads first.
func TestLookupMisnamed_joined(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "gpt-4o"}, {ID: "gpt-4o-mini"}, {ID: "o3"}, {ID: "mini"}})
	tests := []struct {
		id         string
		want       MisnamedID
		ok, joined bool
	}{
		{"gpt-4o, gpt-4o-mini", MisnamedID{ID: "gpt-4o, gpt-4o-mini", CatalogID: "gpt-4o", Alike: []string{"gpt-4o-mini"}}, true, true},
		{"o3;gpt-4o", MisnamedID{ID: "o3;gpt-4o", CatalogID: "o3", Alike: []string{"gpt-4o"}}, true, true},
		{"o3 | gpt-4o-mini\ngpt-4o", MisnamedID{ID: "o3 | gpt-4o-mini\ngpt-4o", CatalogID: "o3", Alike: []string{"gpt-4o-mini", "gpt-4o"}}, true, true},
		{"gpt-4o mini", MisnamedID{ID: "gpt-4o mini", CatalogID: "gpt-4o-mini"}, true, false},
		{"gpt-4o, gpt-5", MisnamedID{ID: "gpt-4o, gpt-5", CatalogID: "gpt-4o", Lacked: []string{"gpt-5"}}, true, true},
		{"gpt-4o-mnii, o3, gpt-4o-mnii, mini", MisnamedID{ID: "gpt-4o-mnii, o3, gpt-4o-mnii, mini", CatalogID: "o3",
			Alike: []string{"mini"}, Lacked: []string{"gpt-4o-mnii"}}, true, true},
		{"gpt-4o, gpt-4o", MisnamedID{ID: "gpt-4o, gpt-4o", CatalogID: "gpt-4o"}, true, true},
		{"gpt-5, gpt-6", MisnamedID{}, false, false},
		{"gpt-4o,", MisnamedID{ID: "gpt-4o,", CatalogID: "gpt-4o"}, true, false},
		{";o3|\t", MisnamedID{ID: ";o3|\t", CatalogID: "o3"}, true, false},
		{"gpt-5,", MisnamedID{}, false, false},
	}
	for _, tc := range tests {
		got, ok := c.LookupMisnamed(tc.id)
		if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("LookupMisnamed(%q) = %+v, %t, want %+v, %t", tc.id, got, ok, tc.want, tc.ok)
		}
		if got.Joined() != tc.joined {
			t.Errorf("LookupMisnamed(%q).Joined() = %t, want %t", tc.id, got.Joined(), tc.joined)
		}
	}
	if (MisnamedID{ID: "o1", CatalogID: "o-1", Alike: []string{"O1."}}).Joined() {
		t.Error("an ambiguous id is Joined, want not: it names none of its ids")
	}
	for id, one := range map[string]bool{"gpt-4o, gpt-4o": true, "gpt-4o, gpt-5": false, "gpt-4o gpt-4o-mini": false} {
		if got, _ := c.LookupMisnamed(id); got.One() != one {
			t.Errorf("LookupMisnamed(%q).One() = %t, want %t", id, got.One(), one)
		}
	}
	for id, stray := range map[string]bool{"gpt-4o,": true, ";o3|\t": true, "gpt-4o, gpt-4o": false, "GPT-4o": false} {
		if got, _ := c.LookupMisnamed(id); got.Stray() != stray {
			t.Errorf("LookupMisnamed(%q).Stray() = %t, want %t", id, got.Stray(), stray)
		}
	}
}

// An id of many '/'s reads only those that leave a tail no longer than the
// catalog's longest id: before, each '/' lower-cased all that follows it,
// and each tail that is an id split all that precedes it, so that 10,000
// vendor prefixes made 10,000 copies of the id. Not parallel, so that no
// other test allocates meanwhile.
func TestLookupMisnamed_manySlashesCostReadingTheID(t *testing.T) {
	c := New([]megallm.Model{{ID: "gpt-4o", OwnedBy: ptr("openai")}, {ID: "meta-llama/llama-3", OwnedBy: ptr("meta")}})
	for _, tc := range []struct {
		id, want string
	}{
		{strings.Repeat("OpenAI/", 10_000) + "gpt-4o", "gpt-4o"},
		{strings.Repeat("OpenAI/", 10_000) + "GPT-4o", "gpt-4o"},
		{strings.Repeat("Meta/", 10_000) + "gpt-4o", ""},
		{strings.Repeat("/A", 10_000) + "/gpt-4o", ""},
		{strings.Repeat("/", 10_000) + "Meta-Llama/Llama-3", "meta-llama/llama-3"},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		got, _ := c.LookupMisnamed(tc.id)
		runtime.ReadMemStats(&after)
		if got.CatalogID != tc.want {
			t.Errorf("LookupMisnamed(%.12q… (%d characters)) = %q, want %q", tc.id, len(tc.id), got.CatalogID, tc.want)
		}
		if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 4*uint64(len(tc.id)) {
			t.Errorf("LookupMisnamed(%.12q… (%d characters)) allocated %d bytes, want at most 4 times its length",
				tc.id, len(tc.id), allocated)
		}
	}
}

// TestCaseGroups: the ids that differ only in letter case, grouped in
// catalog order; a duplicate id is no variant of itself.
func TestCaseGroups(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "o3-mini"}, {ID: "gpt-4o"}, {ID: "dup"}, {ID: "O3-MINI"}, {ID: "dup"},
		{ID: "GPT-4o"}, {ID: "O3-Mini"}, {ID: "O3-MINI"}})
	got := c.caseGroups()
	want := [][]string{{"o3-mini", "O3-MINI", "O3-Mini"}, {"gpt-4o", "GPT-4o"}}
	if !slices.EqualFunc(got, want, slices.Equal[[]string]) {
		t.Errorf("caseVariants = %q, want %q", got, want)
	}
	if got := New([]megallm.Model{{ID: "a"}, {ID: "a"}, {ID: "b"}}).caseGroups(); got != nil {
		t.Errorf("caseVariants without any = %q, want none", got)
	}
}

func TestLookup_pointsIntoCatalog(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "b"}, {ID: "a"}})
	m, _ := c.Lookup("a")
	selected := c.Select(Query{})
	if len(selected) != 2 || selected[0] != m {
		t.Errorf("Select()[0] and Lookup(a) are different pointers; want the same catalog entry")
	}
}

func TestNew_empty(t *testing.T) {
	t.Parallel()
	for name, models := range map[string][]megallm.Model{"nil": nil, "empty": {}} {
		c := New(models)
		if c.Len() != 0 {
			t.Errorf("%s: Len() = %d, want 0", name, c.Len())
		}
		if m, ok := c.Lookup(""); ok || m != nil {
			t.Errorf("%s: Lookup(\"\") = %v, %v; want nil, false", name, m, ok)
		}
		if got := c.Select(Query{}); len(got) != 0 {
			t.Errorf("%s: Select = %q, want empty", name, ids(got))
		}
		if got := c.Suggest("gpt-4o"); len(got) != 0 {
			t.Errorf("%s: Suggest = %q, want empty", name, got)
		}
	}
}
