package catalog

import (
	"context"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// chooseFixture is a catalog at fixedNow with a policy that denies one
// model and retires two.
func chooseFixture() *Catalog {
	c := New([]megallm.Model{
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
	c.Apply(&Policy{
		AllowedOwners: []string{"openai"},
		Models: map[string]ModelPolicy{
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

// TestAdvise: a successor is advised only when it can be used; otherwise
// why not, and its own successor (and so on) that can, else the usable ids
// closest to it (or to the model).
func TestAdvise(t *testing.T) {
	t.Parallel()
	c := chooseFixture()
	tests := []struct {
		id        string
		successor *string
		want      Advice
	}{
		{"old", ptr("gpt-4o"), Advice{Successor: "gpt-4o"}},
		{"retired-to-denied", ptr("denied"), Advice{Successor: "denied",
			Unusable: "is denied by the policy: legal has not approved it"}},
		{"m4", ptr("m4"), Advice{Successor: "m4", Unusable: "is the model itself"}},
		{"retired-to-missing", ptr("gpt-4x"), Advice{Successor: "gpt-4x", Unusable: "is not in the catalog",
			Alternatives: []string{"gpt-4o"}}},
		{"x", ptr("old"), Advice{Successor: "old", Unusable: "was retired on 2026-03-01", Alternatives: []string{"gpt-4o"}}},
		{"x", ptr("m4"), Advice{Successor: "m4", Unusable: "was retired on 2026-01-01"}}, // its own successor
		{"x", ptr("foreign"), Advice{Successor: "foreign",
			Unusable: `is owned by "meta", and the policy allows only models owned by "openai"`}},
		{"gpt-4o-minu", nil, Advice{Alternatives: []string{"gpt-4o-mini"}}},
	}
	for _, tc := range tests {
		if got := c.Advise(tc.id, tc.successor, &Query{}); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Advise(%q, %v) = %+v, want %+v", tc.id, tc.successor, got, tc.want)
		}
	}
	// For a reader that requires what the successor lacks, advice it could
	// not follow: the successor cannot be used, nor an alternative that
	// misses the requirement too.
	long := &Query{Require: Requirements{MinContextLength: big.NewInt(100000)}}
	want := Advice{Successor: "small", Unusable: "does not meet this data source's require", Alternatives: []string{"gpt-4o-mini"}}
	if got := c.Advise("gpt-4o-minx", ptr("small"), long); !reflect.DeepEqual(got, want) {
		t.Errorf("Advise with a requirement the successor misses = %+v, want %+v", got, want)
	}
	// A successor that retires no later than the model cannot be moved to,
	// nor an alternative that does: the ones served after the model retires.
	soon := New([]megallm.Model{
		{ID: "m1", DeprecatedAt: date("2026-01-01T00:00:00Z"), RetiresAt: date("2026-06-01T00:00:00Z"), Successor: ptr("m2")},
		{ID: "m2", RetiresAt: date("2026-06-01T00:00:00Z")}, {ID: "m2-a", RetiresAt: date("2026-05-01T00:00:00Z")},
		{ID: "m2-b", RetiresAt: date("2026-07-01T00:00:00Z")},
	})
	soon.Apply(nil, fixedNow)
	want = Advice{Successor: "m2", Unusable: "retires on 2026-06-01, no later than this model", Alternatives: []string{"m2-b"}}
	if got := soon.Advise("m1", ptr("m2"), &Query{}); !reflect.DeepEqual(got, want) {
		t.Errorf("Advise with a successor that retires no later = %+v, want %+v", got, want)
	}
	// A successor misspelt without its date: the ids it is near the start
	// of, as Suggest finds them.
	dated := New([]megallm.Model{{ID: "claude-3-5-sonnet-20241022"}, {ID: "claude-3-opus-20240229"}})
	want = Advice{Successor: "claude-3-5-sonet", Unusable: "is not in the catalog", Alternatives: []string{"claude-3-5-sonnet-20241022"}}
	if got := dated.Advise("claude-3-opus-20240229", ptr("claude-3-5-sonet"), &Query{}); !reflect.DeepEqual(got, want) {
		t.Errorf("Advise with a successor misspelt without its date = %+v, want %+v", got, want)
	}
}

// TestUnmet_successorJudged: a not_deprecated miss says why its successor
// cannot be used, as Advise does, where the catalog checks the model (Check,
// Narrowing); Query.Unmet, which has no catalog, cannot say.
func TestUnmet_successorJudged(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "gpt-4o", DeprecatedAt: date("2020-01-01T00:00:00Z"), Successor: ptr("GPT-4o-mini")},
		{ID: "gpt-4o-mini"},
	})
	q := Query{Require: Requirements{NotDeprecated: true}}
	judged := func(misses []Miss) string {
		if len(misses) != 1 {
			t.Fatalf("misses %+v, want one", misses)
		}
		return misses[0].SuccessorUnusable
	}
	if _, r := c.Check("gpt-4o", q); r == nil || judged(r.Unmet) != "is not in the catalog" {
		t.Errorf("Check: rejection %+v, want its miss's successor judged not in the catalog", r)
	}
	if n := c.Narrowing(Query{IDPattern: regexp.MustCompile("^gpt-4o$"), Require: q.Require}); judged(n[len(n)-1].Unmet) != "is not in the catalog" {
		t.Errorf("Narrowing: %+v, want the closest miss's successor judged not in the catalog", n)
	}
	m, _ := c.Lookup("gpt-4o")
	if got := judged(q.Unmet(m, LifecycleOf(m, fixedNow))); got != "" {
		t.Errorf("Query.Unmet judged the successor %q, want nothing", got)
	}
}

// TestChoose_suggestsNothing counts the work "did you mean" costs: 2,000
// candidates that a catalog of 10,000 lacks get no suggestions from Choose,
// which would cost a pass over the catalog each; the caller asks
// suggestUsable for the few it shows.
func TestChoose_suggestsNothing(t *testing.T) {
	t.Parallel()
	models := make([]megallm.Model, 10000)
	for i := range models {
		models[i] = megallm.Model{ID: fmt.Sprintf("family-%d/model-%05d", i%7, i)}
	}
	c := New(models)
	unknown := make([]string, 2000)
	for i := range unknown {
		unknown[i] = fmt.Sprintf("family-%d/model-%05d", i%7, 10000+i)
	}
	m, passed := c.Choose(unknown, Query{})
	if m != nil || len(passed) != len(unknown) {
		t.Fatalf("Choose chose %v and passed over %d, want none chosen and %d passed over", m, len(passed), len(unknown))
	}
	suggested := 0
	for _, p := range passed {
		if p.Rejection.Suggestions != nil {
			suggested++
		}
	}
	if suggested != 0 {
		t.Errorf("Choose computed suggestions for %d of %d unknown candidates, want 0", suggested, len(passed))
	}
	if got, want := c.suggestUsable(unknown[0]), []string{"family-0/model-00000", "family-0/model-00007", "family-0/model-00070"}; !equalStrings(got, want) {
		t.Errorf("suggestUsable(%s) = %q, want %q", unknown[0], got, want)
	}
}

// TestMisnamed_leftOut: an id that WithLeftOut reports (the provider's: one
// that holds the API key, whose model the decoder left out) is not in the
// catalog for LookupMisnamed, and so for Misnamed, Check, Choose and the
// policy, though it names "llama3" with a vendor prefix in a catalog without
// it; Check says why, with no suggestion, a successor that names it is
// none, and LeftOut is not asked about a catalog id, a successor's included.
func TestMisnamed_leftOut(t *testing.T) {
	t.Parallel()
	models := func() []megallm.Model { return []megallm.Model{{ID: "llama3"}, {ID: "gpt-4o"}} }
	if r := New(models()).Misnamed("ollama/llama3"); r == nil || r.Kind != MisnamedModelID {
		t.Fatalf("Misnamed without WithLeftOut = %+v, want the vendor prefix's MisnamedModelID", r)
	}
	asked := map[string]bool{}
	s := NewSource(func(context.Context) ([]megallm.Model, []megallm.Problem, error) { return models(), nil, nil },
		&Policy{Models: map[string]ModelPolicy{"ollama/llama3": {Denied: true}, "gpt-4o": {Successor: ptr("ollama/llama3")},
			"llama3": {Successor: ptr("gpt-4o")}}},
	).WithLeftOut(func(id string) string {
		asked[id] = true
		if id == "ollama/llama3" {
			return "it holds the key"
		}
		return ""
	})
	c, err := s.Catalog(context.Background())
	if err != nil {
		t.Fatalf("Catalog: %v, want the policy's left-out key and successor not taken for misnamed", err)
	}
	if _, findings := s.TakeProblems(); !slices.Equal(findings.UnknownIDs, []string{"ollama/llama3"}) ||
		!slices.Equal(findings.MissingSuccessors, []MissingSuccessor{{"gpt-4o", "ollama/llama3"}}) {
		t.Errorf("findings = %+v, want the key unknown and the successor missing", findings)
	}
	if m, _ := c.Lookup("gpt-4o"); m.Successor != nil {
		t.Errorf("gpt-4o's successor = %q, want none for the policy's, whose model was left out", *m.Successor)
	}
	if r := c.Misnamed("ollama/llama3"); r != nil {
		t.Errorf("Misnamed = %+v, want nil for an id LeftOut reports", r)
	}
	if r := c.Misnamed("acme/gpt-4o"); r == nil || r.Kind != MisnamedModelID {
		t.Errorf("Misnamed(acme/gpt-4o) = %+v, want MisnamedModelID for an id LeftOut does not report", r)
	}
	if _, r := c.Check("ollama/llama3", Query{}); r == nil || r.Kind != NotInCatalog || r.LeftOut != "it holds the key" ||
		r.Suggestions != nil || r.DisplayNameOf != nil {
		t.Errorf("Check = %+v, want NotInCatalog with LeftOut's reason and no suggestion", r)
	}
	m, passed := c.Choose([]string{"ollama/llama3", "gpt-4o"}, Query{})
	if m == nil || m.ID != "gpt-4o" || len(passed) != 1 || passed[0].Rejection.Kind != NotInCatalog {
		t.Errorf("Choose = %v, %+v, want gpt-4o after ollama/llama3 passed over as not in the catalog", m, passed)
	}
	if asked["gpt-4o"] || asked["llama3"] {
		t.Errorf("LeftOut was asked about %v, catalog ids among them", asked)
	}
}
