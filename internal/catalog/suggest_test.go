package catalog

import (
	"cmp"
	"encoding/json"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func suggestFixture() *Catalog {
	var models []megallm.Model
	for _, id := range []string{
		"gpt-4o",
		"gpt-4o-mini",
		"gpt-4.1",
		"gpt-4.1-mini",
		"o3-mini",
		"claude-3-5-sonnet-20241022",
		"meta-llama/llama-3.3-70b-instruct",
		"meta-llama/llama-3.1-8b-instruct",
		"text-embedding-3-small",
		"Mistral-Large-Latest",
	} {
		models = append(models, megallm.Model{ID: id})
	}
	return New(models)
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	c := suggestFixture()
	tests := []struct {
		name string
		id   string
		want []string
	}{
		// "GPT-4O" is "gpt-4o" at distance 0; "gpt-4.1" is 2 edits away (the
		// limit for a 6-letter id); "gpt-4o-mini" contains it and ranks at the
		// limit, after "gpt-4.1" by id.
		{"case-insensitive", "GPT-4O", []string{"gpt-4o", "gpt-4.1", "gpt-4o-mini"}},
		{"returns the catalog's spelling", "mistral-large-latest", []string{"Mistral-Large-Latest"}},
		// Two transpositions: 2 edits here, 4 for plain Levenshtein (over the limit).
		{"transpositions count as one edit", "gtp-o4", []string{"gpt-4o"}},
		{"containment", "llama-3.3-70b-instruct", []string{"meta-llama/llama-3.3-70b-instruct"}},
		{"containment ignores case", "LLAMA-3.1-8B-INSTRUCT", []string{"meta-llama/llama-3.1-8b-instruct"}},
		{"containment reads '.', '_' and '-' as one", "claude-3.5-sonnet", []string{"claude-3-5-sonnet-20241022"}},
		{"containment, underscores", "llama_3.3_70b", []string{"meta-llama/llama-3.3-70b-instruct"}},
		{"vendor prefix", "openai/gpt-4o", []string{"gpt-4o", "gpt-4o-mini"}},
		{"vendor prefix, containment", "anthropic/claude-3.5-sonnet", []string{"claude-3-5-sonnet-20241022"}},
		{"far-off id", "stable-diffusion-xl", []string{}},
		{"far-off short id", "zz", []string{}},
		{"too short for containment", "o3", []string{}},
	}
	for _, tc := range tests {
		got := c.Suggest(tc.id)
		if got == nil || !equalStrings(got, tc.want) {
			t.Errorf("%s: Suggest(%q) = %#v, want %q", tc.name, tc.id, got, tc.want)
		}
	}
}

// TestSuggest_vendorPrefixes: in a catalog of ids with vendor prefixes, some
// sharing what follows the '/' under other vendors, the id closest as a whole
// comes first, an id is read without each of its prefixes, and an id under a
// wholly other vendor is no near miss of it.
func TestSuggest_vendorPrefixes(t *testing.T) {
	t.Parallel()
	var models []megallm.Model
	for _, id := range []string{
		"meta-llama/llama-3.1-70b-instruct",
		"meta-llama/llama-3.1-8b-instruct",
		"meta-llama/llama-3.3-70b-instruct",
		"groq/llama-3.1-70b-instruct",
		"llama-3.1-70b-instruct",
		"deepseek/deepseek-chat",
		"deepseek/deepseek-r1",
		"together/deepseek-chat",
		"mistralai/mistral-large",
		"mistralai/mistral-small",
		"mistral-large",
		"gpt-4o",
	} {
		models = append(models, megallm.Model{ID: id})
	}
	c := New(models)
	for _, tc := range []struct {
		id   string
		want []string
	}{
		// a typo in the vendor: that vendor's id, then the same model without one
		{"meta-lama/llama-3.1-70b-instruct", []string{"meta-llama/llama-3.1-70b-instruct", "llama-3.1-70b-instruct", "meta-llama/llama-3.3-70b-instruct"}},
		{"mistrali/mistral-large", []string{"mistralai/mistral-large", "mistral-large", "mistralai/mistral-small"}},
		{"deepsek/deepseek-chat", []string{"deepseek/deepseek-chat", "deepseek/deepseek-r1", "together/deepseek-chat"}},
		// the id whole contained before ids containing only what follows its '/'
		{"meta-llama/llama-3.1-70b", []string{"meta-llama/llama-3.1-70b-instruct", "groq/llama-3.1-70b-instruct", "llama-3.1-70b-instruct"}},
		// another gateway's prefix before an id with a '/' of its own
		{"openrouter/meta-llama/llama-3.1-70b-instruct", []string{"meta-llama/llama-3.1-70b-instruct", "llama-3.1-70b-instruct", "meta-llama/llama-3.3-70b-instruct"}},
		// "groq/" retypes all of "meta/": four edits, but another vendor's model
		{"meta/llama-3.1-70b-instruct", []string{"llama-3.1-70b-instruct", "meta-llama/llama-3.1-70b-instruct", "groq/llama-3.1-70b-instruct"}},
		// a typo after another gateway's prefix
		{"openai/gpt-4p", []string{"gpt-4o"}},
		{"x/y/deepseek/deepseek-chatt", []string{"deepseek/deepseek-chat", "deepseek/deepseek-r1"}},
	} {
		for range 20 { // ties in the same order every time
			if got := c.Suggest(tc.id); !equalStrings(got, tc.want) {
				t.Errorf("Suggest(%q) = %q, want %q", tc.id, got, tc.want)
				break
			}
		}
	}
}

// TestSuggest_startOfAnID: when no id is near a value, the ids whose start,
// up to a separator and of two words or more, at the beginning or after a
// vendor prefix, is near it two edits closer, or else two of its
// neighbouring characters swapped, are, closest first, as the Rego library's
// _led suggests them: a misspelt id without its date, version or suffix. A
// value near only a start of one word, a word of letters alone, a path or a
// URL is none; an id near as a whole is suggested as before; Unknown
// suggests only usable ids.
func TestSuggest_startOfAnID(t *testing.T) {
	t.Parallel()
	var models []megallm.Model
	for _, id := range []string{
		"claude-3-5-sonnet-20241022", "gpt-4o-2024-08-06", "gpt-4o-mini", "gpt-3.5-turbo", "o3-mini",
		"meta-llama/llama-3.3-70b-instruct", "llama-3.1-8b-instruct", "mistral-large-latest", "mistral-embed",
	} {
		models = append(models, megallm.Model{ID: id})
	}
	c := New(models)
	for value, want := range map[string][]string{
		"claude-3-5-sonet":                     {"claude-3-5-sonnet-20241022"},
		"Claude-3-5-Sonet":                     {"claude-3-5-sonnet-20241022"},
		"gtp-4o-2024":                          {"gpt-4o-2024-08-06"},
		"gtp-4o":                               {"gpt-4o-2024-08-06", "gpt-4o-mini"}, // swapped in a start too short for an edit
		"llama-3.3-7b":                         {"meta-llama/llama-3.3-70b-instruct", "llama-3.1-8b-instruct"},
		"meta-llama/llama-3.3-7b":              {"meta-llama/llama-3.3-70b-instruct"},
		"mistral-lage":                         {"mistral-embed"}, // near as a whole: the start is not asked
		"gpu":                                  {},                // gpt- is a start of one word
		"gp3":                                  {},                // two edits from gpt-3, but not two closer
		"claude 3 5 sonet":                     {},                // letters alone, as a setting is
		"/models/claude-3-5-sonet":             {},
		"https://example.com/claude-3-5-sonet": {},
	} {
		if got := c.Suggest(value); got == nil || !equalStrings(got, want) {
			t.Errorf("Suggest(%q) = %#v, want %q", value, got, want)
		}
	}
	retired := New(append(slices.Clone(models), megallm.Model{ID: "claude-3-5-sonnet-20240620", RetiresAt: date("2020-01-01")}))
	if got, want := retired.Unknown("claude-3-5-sonet").Suggestions, []string{"claude-3-5-sonnet-20241022"}; !equalStrings(got, want) {
		t.Errorf("Unknown(claude-3-5-sonet).Suggestions = %q, want %q", got, want)
	}
}

func TestSuggest_typoFirst(t *testing.T) {
	t.Parallel()
	got := suggestFixture().Suggest("gpt-4o-mnii")
	if len(got) == 0 || got[0] != "gpt-4o-mini" {
		t.Fatalf("Suggest(gpt-4o-mnii) = %q, want gpt-4o-mini first", got)
	}
	if len(got) > 3 {
		t.Errorf("Suggest(gpt-4o-mnii) = %q, want at most 3", got)
	}
}

func TestSuggest_atMostThreeClosestFirst(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "model-e"}, {ID: "model-d"}, {ID: "model-c"}, {ID: "model-b"},
		{ID: "model-a"}, {ID: "modle-x"}, {ID: "model-x2"},
	})
	// All seven are one edit away (substitution, insertion or
	// transposition), so id order picks the first three.
	want := []string{"model-a", "model-b", "model-c"}
	for range 50 {
		got := c.Suggest("model-x")
		if !equalStrings(got, want) {
			t.Fatalf("Suggest(model-x) = %q, want %q every time", got, want)
		}
	}

	// Distance beats id order: the exact-but-for-case id comes first.
	c = New([]megallm.Model{{ID: "aaaa"}, {ID: "aaab"}, {ID: "aabb"}, {ID: "AAAC"}})
	if got, want := c.Suggest("aaac"), []string{"AAAC", "aaaa", "aaab"}; !equalStrings(got, want) {
		t.Errorf("Suggest(aaac) = %q, want %q", got, want)
	}
}

func TestSuggest_deterministic(t *testing.T) {
	t.Parallel()
	var models []megallm.Model
	for _, id := range []string{"abcd-1", "abcd-2", "abcd-3", "abcd-4", "abcd-5", "abcd-6", "abcd-7", "abcd-8"} {
		models = append(models, megallm.Model{ID: id})
	}
	c := New(models)
	first := c.Suggest("abcd-0")
	if want := []string{"abcd-1", "abcd-2", "abcd-3"}; !equalStrings(first, want) {
		t.Fatalf("Suggest(abcd-0) = %q, want %q", first, want)
	}
	for range 100 {
		if got := c.Suggest("abcd-0"); !equalStrings(got, first) {
			t.Fatalf("Suggest changed between calls: %q then %q", first, got)
		}
	}
}

func TestSuggest_duplicateIDsSuggestedOnce(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "gpt-4o"}, {ID: "gpt-4o"}, {ID: "gpt-4o"}})
	if got := c.Suggest("gpt-4"); !equalStrings(got, []string{"gpt-4o"}) {
		t.Errorf("Suggest(gpt-4) = %q, want [gpt-4o] once", got)
	}
}

func TestBoundedEditDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a", "", 1},
		{"", "abc", 3},
		{"gpt-4o", "gpt-4o", 0},
		{"gpt-4o", "gpt-4", 1},
		{"gpt-4", "gpt-4o", 1},
		{"gpt-4o", "gpt-4a", 1},
		{"ab", "ba", 1},
		{"gpt-4o-mnii", "gpt-4o-mini", 1},
		{"gtp-o4", "gpt-4o", 2},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"sunday", "saturday", 3},
		// Optimal string alignment: no edits inside a transposed pair, so
		// this is 3 (true Damerau-Levenshtein would give 2).
		{"ca", "abc", 3},
		// Runes, not bytes.
		{"café", "cafe", 1},
		{"naïve", "naive", 1},
		{"日本語", "日本", 1},
		// Case matters here; Suggest lowercases first.
		{"GPT", "gpt", 3},
	}
	for _, tc := range tests {
		s, u := []rune(tc.a), []rune(tc.b)
		unbounded := len(s) + len(u)
		if got := boundedEditDistance(s, u, unbounded, nil); got != tc.want {
			t.Errorf("boundedEditDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := boundedEditDistance(u, s, unbounded, nil); got != tc.want {
			t.Errorf("boundedEditDistance(%q, %q) = %d, want %d (symmetric)", tc.b, tc.a, got, tc.want)
		}
		// Under a lower limit, the distance is capped at limit+1.
		for limit := range tc.want {
			if got := boundedEditDistance(s, u, limit, nil); got != limit+1 {
				t.Errorf("boundedEditDistance(%q, %q, limit %d) = %d, want %d", tc.a, tc.b, limit, got, limit+1)
			}
		}
	}
}

func TestSuggest_longIDs(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", maxEditLength+44) // over maxEditLength
	c := New([]megallm.Model{
		{ID: strings.ToUpper(long)},
		{ID: "ns/" + long + "y"},
		{ID: long[1:] + "z"},
	})
	// Another case of the id, and ids that contain it, are found at any
	// length; edit distances are not computed past maxEditLength, so the id
	// one substitution away is not.
	if got, want := c.Suggest(long), []string{strings.ToUpper(long), "ns/" + long + "y"}; !equalStrings(got, want) {
		t.Errorf("Suggest(%d characters) = %q, want %q", len(long), got, want)
	}
	if got := c.Suggest(strings.Repeat("0", 1_000_000)); !equalStrings(got, []string{}) {
		t.Errorf("Suggest(1 MB id) = %q, want none", got)
	}
}

// TestSuggest_longIDCostsNoMoreThanReadingIt counts the bytes Suggest
// allocates for a 20 KB id against 1,000 models: without bounds every
// candidate decoded the id into runes, 80 KB each. Not parallel, so that
// no other test allocates meanwhile.
func TestSuggest_longIDCostsNoMoreThanReadingIt(t *testing.T) {
	c := New(syntheticModels(t, 1000))
	for _, id := range []string{strings.Repeat("0", 20_000), strings.Repeat("0/", 10_000)} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		got := c.Suggest(id)
		runtime.ReadMemStats(&after)
		if len(got) != 0 {
			t.Errorf("Suggest(20 KB id %.4q…) = %q, want none", id, got)
		}
		if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 64<<10 {
			t.Errorf("Suggest(20 KB id %.4q…) allocated %d bytes over 1,000 models, want at most 64 KiB", id, allocated)
		}
	}
}

// TestSuggest_sameAsUnbounded checks that the bounds change no suggestion for
// ids of ordinary length: typos, other cases, missing namespaces and
// prefixes of synthetic ids give what the unbounded search gives.
func TestSuggest_sameAsUnbounded(t *testing.T) {
	t.Parallel()
	c := New(syntheticModels(t, 1000))
	var ids []string
	for i := 0; i < 1000; i += 41 {
		id := mockapi.SyntheticModelID(i)
		swapped := []byte(id)
		swapped[5], swapped[6] = swapped[6], swapped[5]
		_, unqualified, _ := strings.Cut(id, "/")
		ids = append(ids, id[1:], id[:len(id)-1], string(swapped), strings.ToUpper(id), unqualified,
			id[:len(id)/2], id+"-extra", "x"+id+"x", strings.ReplaceAll(id, "-", ""))
	}
	ids = append(ids, "gpt", "llama", "gpt-4o", "claude-3-opus", "qwen-2-32b", "zz", "", "日本語")
	for _, id := range ids {
		if got, want := c.Suggest(id), unboundedSuggest(c, id); !equalStrings(got, want) {
			t.Errorf("Suggest(%q) = %q, unbounded search gives %q", id, got, want)
		}
	}
}

// unboundedSuggest is Suggest without its bounds, as first written: every
// edit distance computed in full.
func unboundedSuggest(c *Catalog, id string) []string {
	want := []rune(strings.ToLower(id))
	limit := max(2, len(want)/3)
	type candidate struct {
		id       string
		distance int
	}
	var found []candidate
	for candidateID := range c.byID {
		have := []rune(strings.ToLower(candidateID))
		d := boundedEditDistance(want, have, len(want)+len(have), nil)
		if d >= max(len(want), len(have)) {
			d = limit + 1
		}
		if d > limit && len(want) >= 3 && strings.Contains(string(have), string(want)) {
			d = limit
		}
		if d <= limit {
			found = append(found, candidate{candidateID, d})
		}
	}
	slices.SortFunc(found, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.distance, b.distance), cmp.Compare(a.id, b.id))
	})
	out := []string{}
	for _, f := range found[:min(len(found), maxSuggestions)] {
		out = append(out, f.id)
	}
	return out
}

// A value that shares no character with a short name in its place is no
// near miss of it, however few edits rewrite it: "-" is not "id".
func TestClosest_everyCharacterRetyped(t *testing.T) {
	t.Parallel()
	for value, want := range map[string][]string{"-": {}, "xy": {}, "d": {"id"}, "ix": {"id"}} {
		if got := Closest(value, slices.Values([]string{"id", "created_at"})); !equalStrings(got, want) {
			t.Errorf("Closest(%q) = %q, want %q", value, got, want)
		}
	}
}

// A code is near another one edit or one transposition away, not two, as
// Closest allows a value of three letters: "ZWG" is no typo of "ZAR"; nor is
// an ISO 4217 code, in any case, a typo: "USN" is a currency of its own.
func TestClosestCode(t *testing.T) {
	t.Parallel()
	codes := []string{"EUR", "USD", "ZAR"}
	for code, want := range map[string][]string{"UDS": {"USD"}, "eru": {"EUR"}, "USX": {"USD"}, "ZWG": {}, "XYZ": {}, "ZRA": {"ZAR"}, "USN": {}, "usn": {}} {
		if got := ClosestCode(code, codes); !equalStrings(got, want) {
			t.Errorf("ClosestCode(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestClosestByWords(t *testing.T) {
	t.Parallel()
	names := []string{"supports_function_calling", "supports_vision", "min_context_length", "max_input_cost_per_million",
		"max_output_cost_per_million", "max_workload_cost"}
	for value, want := range map[string][]string{
		"max_input_price":        {"max_input_cost_per_million"},
		"supports_functions":     {"supports_function_calling"},
		"max_output_tokens_cost": {"max_output_cost_per_million"},
		"max_cost":               {"max_input_cost_per_million", "max_output_cost_per_million", "max_workload_cost"},
		"max_price":              nil,
		"vision":                 nil,
	} {
		if got := ClosestByWords(value, names); !slices.Equal(got, want) {
			t.Errorf("ClosestByWords(%q) = %q, want %q", value, got, want)
		}
	}
}

// A name whose one telling word is a candidate's own, written, misspelt or
// cut short, is that candidate; the closest of two.
func TestClosestByOwnWord(t *testing.T) {
	t.Parallel()
	pricing := []string{"currency", "input_tokens_cost_per_million", "output_tokens_cost_per_million"}
	for value, want := range map[string][]string{
		"inptu":           {"input_tokens_cost_per_million"},
		"input_price":     {"input_tokens_cost_per_million"},
		"inp":             {"input_tokens_cost_per_million"},
		"otput":           {"output_tokens_cost_per_million"}, // also two edits from input: one from output
		"onput":           {"input_tokens_cost_per_million"},  // and the other way round
		"currancy_code":   {"currency"},
		"price_per_token": nil, // words the prices share tell neither apart
		"prompt":          nil,
		"in":              nil,
	} {
		if got := ClosestByOwnWord(value, pricing); !slices.Equal(got, want) {
			t.Errorf("ClosestByOwnWord(%q) = %q, want %q", value, got, want)
		}
	}
}

// A long name reads each of its words once, however often it repeats them,
// not once for every word of every candidate: a name of 10,000 words, which
// Terraform takes as an attribute name, costs what its one word does.
func TestClosestByOwnWord_repeatedWordsReadOnce(t *testing.T) {
	pricing := []string{"currency", "input_tokens_cost_per_million", "output_tokens_cost_per_million"}
	value := strings.Repeat("inptu_", 10_000)
	if got := ClosestByOwnWord(value, pricing); !slices.Equal(got, []string{"input_tokens_cost_per_million"}) {
		t.Errorf("ClosestByOwnWord(inptu_ × 10,000) = %q, want input_tokens_cost_per_million", got)
	}
	if allocs := testing.AllocsPerRun(1, func() { ClosestByOwnWord(value, pricing) }); allocs > 1000 {
		t.Errorf("ClosestByOwnWord(inptu_ × 10,000) made %.0f allocations, want at most 1,000", allocs)
	}
}

// A word of one or two letters, or one that changes more of a short word
// than it keeps, is no misspelling of it: two edits make "a" day and "o" to.
func TestClosestByOwnWord_shortWords(t *testing.T) {
	t.Parallel()
	require := []string{"not_deprecated", "min_days_to_retirement", "max_workload_cost"}
	for value, want := range map[string][]string{
		"a":        nil,
		"ab":       nil,
		"o":        nil,
		"t":        nil,
		"date":     nil,
		"to":       {"min_days_to_retirement"},
		"dya":      {"min_days_to_retirement"},
		"workloda": {"max_workload_cost"},
	} {
		if got := ClosestByOwnWord(value, require); !slices.Equal(got, want) {
			t.Errorf("ClosestByOwnWord(%q) = %q, want %q", value, got, want)
		}
	}
}

// A name with a word of its own is no misspelling of the names: a newer API's
// field, which a model object's reader ignores.
func TestMisnames(t *testing.T) {
	t.Parallel()
	capabilities := []string{"supports_function_calling", "supports_vision", "supports_streaming", "supports_structured_output", "vision", "max_context_length"}
	pricing := []string{"input_tokens_cost_per_million", "output_tokens_cost_per_million", "currency"}
	for _, c := range []struct {
		value string
		names []string
		want  bool
	}{
		{"supports_vison", capabilities, true},
		{"vison", capabilities, true},
		{"supports_function_call", capabilities, true},      // a word cut short
		{"supports_structured_outputs", capabilities, true}, // a plural
		{"input_cost_per_million", pricing, true},           // a guess of known words
		{"output_token_cost_per_million", pricing, true},
		{"currancy", pricing, true},
		{"currency_code", pricing, true}, // code is close to cost: refused, as a currency that went unread would be USD
		{"supports_reasoning", capabilities, false},
		{"supports_audio_input", capabilities, false},
		{"supports_parallel_function_calling", capabilities, false},
		{"cached_input_tokens_cost_per_million", pricing, false},
		{"input_price", pricing, false},
		{"supports_text", capabilities, false}, // a word inside a known one ("context"), not a misspelling of it
		{"supports_visio", capabilities, true}, // a word cut short
		{"supports_struct_output", capabilities, true},
		// A newer API's field made of two names' words: one name's word in
		// place of another's is no misspelling of either.
		{"max_input_tokens", []string{"max_output_tokens", "input_tokens_cost_per_million"}, false},
		{"max_tokens", []string{"max_output_tokens", "input_tokens_cost_per_million"}, true},
		// A price in another unit is no misspelling: its advice would read the
		// price as one per million tokens (OtherUnit).
		{"input_cost_per_token", pricing, false},
		{"output_cost_per_token", pricing, false},
		{"input_cost_per_1k_tokens", pricing, false},
		{"input_cost_per_million_tokens", pricing, true}, // the same unit: a guess of known words
	} {
		if got := Misnames(c.value, c.names); got != c.want {
			t.Errorf("Misnames(%q) = %v, want %v", c.value, got, c.want)
		}
	}
}

// A long name costs what its distinct words do, not a comparison with each
// word of names for each of its words: Terraform takes a name of 500,000
// words as an attribute name.
func TestMisnames_repeatedWordsReadOnce(t *testing.T) {
	pricing := []string{"currency", "input_tokens_cost_per_million", "output_tokens_cost_per_million"}
	for _, value := range []string{strings.Repeat("inptu_", 10_000), strings.Repeat("input_", 10_000)} {
		if !Misnames(value, pricing) {
			t.Errorf("Misnames(%.12q… × 10,000) = false, want true", value)
		}
		if allocs := testing.AllocsPerRun(1, func() { Misnames(value, pricing) }); allocs > 1000 {
			t.Errorf("Misnames(%.12q… × 10,000) made %.0f allocations, want at most 1,000", value, allocs)
		}
	}
}

// A word longer than any of names' by more than the edits a misspelling
// makes is none of theirs, and costs no edit distance: before, each word of
// names decoded a 100,000-letter word into runes, 400 KB each. Not parallel,
// so that no other test allocates meanwhile.
func TestMisnames_longWordCostsNoEditDistance(t *testing.T) {
	pricing := []string{"currency", "input_tokens_cost_per_million", "output_tokens_cost_per_million"}
	value := strings.Repeat("a", 100_000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := Misnames(value, pricing)
	runtime.ReadMemStats(&after)
	if got {
		t.Error("Misnames(100,000 letters) = true, want false")
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 64<<10 {
		t.Errorf("Misnames(100,000 letters) allocated %d bytes, want at most 64 KiB", allocated)
	}
}

// TestMiscased: every spelling that differs only in letter case is a
// suggestion, as the name could be any of them mistyped, the first
// maxSuggestions in the names' order; none when the name is one of them.
func TestMiscased(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		names []string
		want  []string
	}{
		{"cHat", []string{"CHAT", "Chat", "chat", "embedding"}, []string{"CHAT", "Chat", "chat"}},
		{"chat", []string{"CHAT", "Chat", "chat"}, nil},
		{"ab", []string{"AB", "Ab", "aB", "abc", "ab "}, []string{"AB", "Ab", "aB"}},
		{"AB", []string{"Ab", "aB", "ab", "Ab2"}, []string{"Ab", "aB", "ab"}},
		{"x", []string{"y"}, nil},
	} {
		if got := Miscased(tc.name, tc.names); !slices.Equal(got, tc.want) {
			t.Errorf("Miscased(%q, %q) = %q, want %q", tc.name, tc.names, got, tc.want)
		}
	}
	if got := Miscased("ab", []string{"AB", "Ab", "aB", "ab"}); got != nil {
		t.Errorf("Miscased of a name that names has = %q, want none", got)
	}
}

// typoCorpus is a section of testdata/typos.json: a catalog and typos of
// its ids, each with the ids Suggest suggests for it, kept as data so that
// policy/opa's Rego library is held to the same suggestions (internal/e2e's
// TestPolicyAsCode_typoCorpus).
type typoCorpus struct {
	Catalog []string
	Typos   []struct {
		Kind, Typo string
		Closest    []string
	}
}

func TestSuggest_typoCorpus(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/typos.json")
	if err != nil {
		t.Fatal(err)
	}
	var sections []typoCorpus
	if err := json.Unmarshal(data, &sections); err != nil {
		t.Fatal(err)
	}
	for _, corpus := range sections {
		models := make([]megallm.Model, len(corpus.Catalog))
		for i, id := range corpus.Catalog {
			models[i] = megallm.Model{ID: id}
		}
		c := New(models)
		for _, tc := range corpus.Typos {
			if got := c.Suggest(tc.Typo); !slices.Equal(got, tc.Closest) {
				t.Errorf("%s: Suggest(%q) = %q, want %q", tc.Kind, tc.Typo, got, tc.Closest)
			}
		}
	}
}

// A display name written where an id goes names the ids of its models, as a
// person reads it, for any model and for Check among the usable ones; a
// value that is an id in some letter case is none.
func TestDisplayNamed(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "gpt-4o", DisplayName: ptr("GPT-4o")},
		{ID: "gpt-4o-mini", DisplayName: ptr("GPT-4o mini")},
		{ID: "deepseek-chat", DisplayName: ptr(" DeepSeek V3 ")},
		{ID: "claude-3-5-sonnet-20241022", DisplayName: ptr("Claude 3.5 Sonnet")},
		{ID: "claude-3-5-sonnet-20240620", DisplayName: ptr("Claude 3.5 Sonnet")},
		{ID: "claude-3-opus-20240229", DisplayName: ptr("Claude 3 Opus"), RetiresAt: date("2020-01-01")},
		{ID: "Claude 3 Haiku", DisplayName: ptr("claude 3 haiku")},
		{ID: "no-name"},
	})
	for value, want := range map[string][]string{
		"GPT-4o mini":       {"gpt-4o-mini"},
		"deepseek v3":       {"deepseek-chat"},
		"Claude 3.5 Sonnet": {"claude-3-5-sonnet-20240620", "claude-3-5-sonnet-20241022"},
		"Claude 3 Opus":     {"claude-3-opus-20240229"},
		"GPT-4O":            nil, // gpt-4o in another letter case, as Misnamed says
		"CLAUDE 3 HAIKU":    nil,
		"":                  nil,
		"Mistral Large":     nil,
	} {
		if got := c.DisplayNamed(value); !slices.Equal(got, want) {
			t.Errorf("DisplayNamed(%q) = %q, want %q", value, got, want)
		}
	}
	for value, want := range map[string][]string{"DeepSeek V3": {"deepseek-chat"}, "Claude 3 Opus": nil} {
		if _, r := c.Check(value, Query{}); r == nil || r.Kind != NotInCatalog || !slices.Equal(r.DisplayNameOf, want) {
			t.Errorf("Check(%q) = %+v, want NotInCatalog with DisplayNameOf %q (usable models only)", value, r, want)
		}
	}
}

// A name whose words are a name's but for its unit word names the same price
// per another number of tokens.
func TestOtherUnit(t *testing.T) {
	t.Parallel()
	pricing := []string{"currency", "input_tokens_cost_per_million", "output_tokens_cost_per_million"}
	for _, c := range []struct {
		value, want     string
		tokens, perName int64
	}{
		{"input_cost_per_token", "input_tokens_cost_per_million", 1, 1_000_000},
		{"output_cost_per_token", "output_tokens_cost_per_million", 1, 1_000_000},
		{"Input_Cost_Per_Tokens", "input_tokens_cost_per_million", 1, 1_000_000},
		{"input_tokens_cost_per_token", "input_tokens_cost_per_million", 1, 1_000_000},
		{"input_cost_per_1k_tokens", "input_tokens_cost_per_million", 1_000, 1_000_000},
		{"output_cost_per_thousand_tokens", "output_tokens_cost_per_million", 1_000, 1_000_000},
		{"input_cost_per_million_tokens", "", 0, 0}, // the same unit: Misnames's
		{"input_cost_per_1m_tokens", "", 0, 0},
		{"cached_input_cost_per_token", "", 0, 0}, // a word of its own
		{"input_cost_per_token_above_128k_tokens", "", 0, 0},
		{"input_cost", "", 0, 0},
	} {
		got, unit, nameUnit := OtherUnit(c.value, pricing)
		if got != c.want || unit.Tokens != c.tokens || nameUnit.Tokens != c.perName {
			t.Errorf("OtherUnit(%q) = %q, %d, %d; want %q, %d, %d", c.value, got, unit.Tokens, nameUnit.Tokens, c.want, c.tokens, c.perName)
		}
	}
}
