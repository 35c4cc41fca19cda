package catalog

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// TestApply_stricterDateWins: of the API's and the policy's lifecycle dates,
// the earlier applies; the policy's successor wins; and the merged lifecycle
// is never deprecated after it retires.
func TestApply_stricterDateWins(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "api-deprecated-later", DeprecatedAt: date("2026-01-01T00:00:00Z"), Successor: ptr("api-next")},
		{ID: "api-retires-later", RetiresAt: date("2026-09-01T00:00:00Z")},
		{ID: "api-retires-earlier", RetiresAt: date("2026-04-01T00:00:00Z"), Successor: ptr("api-next")},
		{ID: "api-retires-2030", RetiresAt: date("2030-01-01T00:00:00Z")},
		{ID: "api-retires-before-deprecation", RetiresAt: date("2026-03-01T00:00:00Z")},
		{ID: "api-silent"},
		// Instants compare, not texts; of the same instant, the API's text stays.
		{ID: "api-earlier-in-another-offset", RetiresAt: date("2026-04-01T00:00:00+14:00")}, // the 31st, 10:00 UTC
		{ID: "api-same-instant", RetiresAt: date("2026-04-01T02:00:00+02:00")},
		{ID: "api-next"}, {ID: "policy-next"},
	})
	policy := ModelPolicy{
		DeprecatedAt: date("2025-12-01T00:00:00Z"), RetiresAt: date("2026-06-01T00:00:00Z"), Successor: ptr("policy-next"),
	}
	c.Apply(&Policy{Models: map[string]ModelPolicy{
		"api-deprecated-later": policy, "api-retires-later": policy, "api-retires-earlier": {RetiresAt: policy.RetiresAt},
		"api-retires-2030":               {RetiresAt: date("2026-03-09T00:00:00Z"), Reason: ptr("retired by us")},
		"api-retires-before-deprecation": {DeprecatedAt: date("2026-05-01T00:00:00Z")},
		"api-silent":                     policy,
		"api-earlier-in-another-offset":  {RetiresAt: date("2026-03-31T12:00:00Z")},
		"api-same-instant":               {RetiresAt: date("2026-04-01")},
	}}, fixedNow)
	want := map[string]string{
		"api-deprecated-later":           `status="deprecated" deprecated=2025-12-01T00:00:00Z retires=2026-06-01T00:00:00Z successor=policy-next days=83`,
		"api-retires-later":              `status="deprecated" deprecated=2025-12-01T00:00:00Z retires=2026-06-01T00:00:00Z successor=policy-next days=83`,
		"api-retires-earlier":            `status="active" deprecated=- retires=2026-04-01T00:00:00Z successor=api-next days=22`,
		"api-retires-2030":               `status="retired" deprecated=- retires=2026-03-09T00:00:00Z successor=- days=0`,
		"api-retires-before-deprecation": `status="retired" deprecated=2026-03-01T00:00:00Z retires=2026-03-01T00:00:00Z successor=- days=0`,
		"api-silent":                     `status="deprecated" deprecated=2025-12-01T00:00:00Z retires=2026-06-01T00:00:00Z successor=policy-next days=83`,
		"api-earlier-in-another-offset":  `status="active" deprecated=- retires=2026-04-01T00:00:00+14:00 successor=- days=21`,
		"api-same-instant":               `status="active" deprecated=- retires=2026-04-01T02:00:00+02:00 successor=- days=22`,
	}
	for id, want := range want {
		m, _ := c.Lookup(id)
		if got := lifecycleText(LifecycleOf(m, c.Now())); got != want {
			t.Errorf("%s after Apply:\n%s\nwant\n%s", id, got, want)
		}
	}
}

// TestApply_negotiatedPricingReplacesTheListPrice: the policy's pricing
// replaces the API's as a whole, a price it leaves out included.
func TestApply_negotiatedPricingReplacesTheListPrice(t *testing.T) {
	t.Parallel()
	list := func() *megallm.Pricing {
		return &megallm.Pricing{InputTokensCostPerMillion: ptr(2.5), OutputTokensCostPerMillion: ptr(10.0), Currency: ptr("USD")}
	}
	negotiated := &megallm.Pricing{InputTokensCostPerMillion: ptr(2.0), Currency: ptr("EUR")}
	c := New([]megallm.Model{{ID: "negotiated", Pricing: list()}, {ID: "listed", Pricing: list()}, {ID: "unpriced"}})
	c.Apply(&Policy{Models: map[string]ModelPolicy{
		"negotiated": {Pricing: negotiated},
		"listed":     {Reason: ptr("no pricing in the policy")},
		"unpriced":   {Pricing: negotiated},
	}}, fixedNow)
	for id, want := range map[string]*megallm.Pricing{"negotiated": negotiated, "listed": list(), "unpriced": negotiated} {
		if m, _ := c.Lookup(id); !reflect.DeepEqual(m.Pricing, want) {
			t.Errorf("%s: pricing %+v, want %+v", id, *m.Pricing, *want)
		}
	}
}

// TestApply_unstatedCurrency: a negotiated price without a currency is in
// USD, and is a finding where its model is listed in another currency, as
// the price may be meant in it; one that names its currency is not.
func TestApply_unstatedCurrency(t *testing.T) {
	t.Parallel()
	in := func(currency *string) *megallm.Pricing {
		return &megallm.Pricing{InputTokensCostPerMillion: ptr(1.0), OutputTokensCostPerMillion: ptr(2.0), Currency: currency}
	}
	c := New([]megallm.Model{
		{ID: "euro-z", Pricing: in(ptr("EUR"))}, {ID: "euro-a", Pricing: in(ptr("EUR"))}, {ID: "yen", Pricing: in(ptr("JPY"))},
		{ID: "stated", Pricing: in(ptr("EUR"))}, {ID: "dollar", Pricing: in(ptr("USD"))}, {ID: "silent", Pricing: in(nil)},
		{ID: "unpriced"},
	})
	findings := c.Apply(&Policy{Models: map[string]ModelPolicy{
		"euro-z": {Pricing: in(nil)}, "euro-a": {Pricing: in(nil)}, "yen": {Pricing: in(nil)}, "stated": {Pricing: in(ptr("USD"))},
		"dollar": {Pricing: in(nil)}, "silent": {Pricing: in(nil)}, "unpriced": {Pricing: in(nil)},
	}}, fixedNow)
	want := []UnstatedCurrency{{ID: "euro-a", Listed: "EUR"}, {ID: "euro-z", Listed: "EUR"}, {ID: "yen", Listed: "JPY"}}
	if !reflect.DeepEqual(findings.UnstatedCurrencies, want) {
		t.Errorf("UnstatedCurrencies = %+v, want %+v", findings.UnstatedCurrencies, want)
	}
	for _, m := range c.models {
		if m.Pricing == nil || m.Pricing.Currency == nil || *m.Pricing.Currency != DefaultCurrency {
			t.Errorf("%s: pricing %+v after Apply, want the policy's, in %s", m.ID, m.Pricing, DefaultCurrency)
		}
	}
}

// TestApply_cheapPrices: a negotiated price under 1/FarBelow of its list
// price in the same currency is a finding, as a price per thousand tokens or
// per token written as one per million is, with that unit and its price per
// million; a discount of 99%, a free model, a price in another currency and
// one without a list price to compare with are not.
func TestApply_cheapPrices(t *testing.T) {
	t.Parallel()
	priced := func(currency string, input, output *float64) *megallm.Pricing {
		return &megallm.Pricing{InputTokensCostPerMillion: input, OutputTokensCostPerMillion: output, Currency: ptr(currency)}
	}
	list := priced("USD", ptr(2.5), ptr(10.0))
	c := New([]megallm.Model{
		{ID: "per-thousand", Pricing: list}, {ID: "per-token", Pricing: list}, {ID: "discount", Pricing: list},
		{ID: "free", Pricing: list}, {ID: "euro", Pricing: list}, {ID: "unlisted"},
		{ID: "input-listed", Pricing: priced("USD", ptr(2.5), nil)},
	})
	findings := c.Apply(&Policy{Models: map[string]ModelPolicy{
		"per-thousand": {Pricing: priced("USD", ptr(0.0025), ptr(0.01))},
		"per-token":    {Pricing: priced("USD", ptr(0.0000025), ptr(10.0))},
		"discount":     {Pricing: priced("USD", ptr(0.025), ptr(0.1))},
		"free":         {Pricing: priced("USD", ptr(0.0), ptr(0.0))},
		"euro":         {Pricing: priced("EUR", ptr(0.0025), ptr(0.01))},
		"unlisted":     {Pricing: priced("USD", ptr(0.0025), ptr(0.01))},
		"input-listed": {Pricing: priced("USD", ptr(2.5), ptr(0.01))},
	}}, fixedNow)
	thousand, token := priceUnits["thousand"], priceUnits["token"]
	want := []CheapPrice{
		{ID: "per-thousand", Name: "input_tokens_cost_per_million", Price: 0.0025, List: 2.5, PerMillion: 2.5, Unit: thousand},
		{ID: "per-thousand", Name: "output_tokens_cost_per_million", Price: 0.01, List: 10, PerMillion: 10, Unit: thousand},
		{ID: "per-token", Name: "input_tokens_cost_per_million", Price: 0.0000025, List: 2.5, PerMillion: 2.5, Unit: token},
	}
	if !reflect.DeepEqual(findings.CheapPrices, want) {
		t.Errorf("CheapPrices =\n%+v\nwant\n%+v", findings.CheapPrices, want)
	}
}

func TestApply_findings(t *testing.T) {
	t.Parallel()
	// "api" reports its successor, but the policy's, missing, wins. The
	// policy's "Present" is the catalog's "present" in another case.
	c := New([]megallm.Model{
		{ID: "a", OwnedBy: ptr("openai")}, {ID: "b"}, {ID: "c"}, {ID: "present"}, {ID: "api", Successor: ptr("present")},
	})
	findings := c.Apply(&Policy{AllowedOwners: []string{"OpenAI", "openai", "mistral"}, Models: map[string]ModelPolicy{
		"zz-gone": {Denied: true}, "aa-gone": {}, "mm-gone": {Successor: ptr("also-gone")},
		"c": {Successor: ptr("ghost")}, "a": {Successor: ptr("phantom")}, "b": {Successor: ptr("present")},
		"api": {Successor: ptr("overruled")}, "Present": {Denied: true},
	}}, fixedNow)
	if want := []MisnamedID{{ID: "Present", CatalogID: "present"}}; !reflect.DeepEqual(findings.Misnamed, want) {
		t.Errorf("Misnamed = %+v, want %+v", findings.Misnamed, want)
	}
	var mismatch *PolicyMismatchError
	if err := findings.Err(c); !errors.As(err, &mismatch) || !reflect.DeepEqual(mismatch.Misnamed, findings.Misnamed) {
		t.Errorf("Err() = %v, want a *PolicyMismatchError with the miscased ids", err)
	}
	if want := []string{"OpenAI", "mistral"}; !slices.Equal(findings.UnknownOwners, want) {
		t.Errorf("UnknownOwners = %q, want %q", findings.UnknownOwners, want)
	}
	if findings.AllowsNone {
		t.Error("AllowsNone with model a allowed")
	}
	// Map order is random: sorted whatever it was.
	if want := []string{"aa-gone", "mm-gone", "zz-gone"}; !slices.Equal(findings.UnknownIDs, want) {
		t.Errorf("UnknownIDs = %q, want %q", findings.UnknownIDs, want)
	}
	want := []MissingSuccessor{{ID: "a", Successor: "phantom"}, {ID: "api", Successor: "overruled"}, {ID: "c", Successor: "ghost"}}
	if !slices.Equal(findings.MissingSuccessors, want) {
		t.Errorf("MissingSuccessors = %+v, want %+v", findings.MissingSuccessors, want)
	}

	clean := New([]megallm.Model{{ID: "a"}, {ID: "b"}}).Apply(&Policy{Models: map[string]ModelPolicy{"a": {Successor: ptr("b")}}}, fixedNow)
	if !reflect.DeepEqual(clean, PolicyFindings{}) || clean.Err(nil) != nil {
		t.Errorf("a policy naming only catalog models: findings %+v, want none", clean)
	}

	none := New([]megallm.Model{{ID: "a", OwnedBy: ptr("openai")}}).Apply(&Policy{AllowedOwners: []string{"OpenAI"}}, fixedNow)
	if !none.AllowsNone || !slices.Equal(none.UnknownOwners, []string{"OpenAI"}) {
		t.Errorf("allowed_owners in another case: findings %+v, want AllowsNone and the owner unknown", none)
	}
	if empty := New(nil).Apply(&Policy{AllowedOwners: []string{"openai"}}, fixedNow); empty.AllowsNone {
		t.Error("an empty catalog: AllowsNone, want the empty catalog's own warning only")
	}
}

// TestApply_vendorPrefixedIDs: an id under a vendor prefix the catalog does
// not write names its model otherwise, as an id in another letter case does,
// when the prefix is the model's owner in any letter case or the model
// reports none; under another owner's prefix it is an id the catalog lacks.
func TestApply_vendorPrefixedIDs(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "gpt-4o", OwnedBy: ptr("openai")}, {ID: "unowned"}, {ID: "meta-llama/llama-3", OwnedBy: ptr("meta")},
	})
	findings := c.Apply(&Policy{Models: map[string]ModelPolicy{
		"openai/gpt-4o": {Denied: true}, "OpenAI/GPT-4o": {Denied: true}, "acme/unowned": {Denied: true},
		"anthropic/gpt-4o": {Denied: true}, "meta-llama/llama-3": {Denied: true}, "openrouter/meta-llama/llama-3": {Denied: true},
	}}, fixedNow)
	want := []MisnamedID{{ID: "OpenAI/GPT-4o", CatalogID: "gpt-4o"}, {ID: "acme/unowned", CatalogID: "unowned"}, {ID: "openai/gpt-4o", CatalogID: "gpt-4o"}}
	if !reflect.DeepEqual(findings.Misnamed, want) || findings.Err(c) == nil {
		t.Errorf("Misnamed = %+v, want %+v, an error", findings.Misnamed, want)
	}
	if want := []string{"anthropic/gpt-4o", "openrouter/meta-llama/llama-3"}; !slices.Equal(findings.UnknownIDs, want) {
		t.Errorf("UnknownIDs = %q, want %q", findings.UnknownIDs, want)
	}
}

// TestApply_misnamedSuccessors: a successor the catalog has only in another
// letter case or without its owner's vendor prefix is an error, of an entry
// whose key is misnamed too; one the catalog lacks, or that is its entry's
// own model written otherwise, is missing, and an entry for no catalog model
// has its successor unchecked.
func TestApply_misnamedSuccessors(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "a"}, {ID: "b", OwnedBy: ptr("openai")}, {ID: "c"}, {ID: "d"}})
	findings := c.Apply(&Policy{Models: map[string]ModelPolicy{
		"a": {Successor: ptr("B")}, "c": {Successor: ptr("openai/b")}, "D": {Successor: ptr("OpenAI/B")},
		"d": {Successor: ptr("ghost")}, "b": {Successor: ptr("openai/B")}, "gone": {Successor: ptr("B")},
	}}, fixedNow)
	want := []MisnamedSuccessor{
		{ID: "D", Successor: MisnamedID{ID: "OpenAI/B", CatalogID: "b"}},
		{ID: "a", Successor: MisnamedID{ID: "B", CatalogID: "b"}},
		{ID: "c", Successor: MisnamedID{ID: "openai/b", CatalogID: "b"}},
	}
	if !reflect.DeepEqual(findings.MisnamedSuccessors, want) {
		t.Errorf("MisnamedSuccessors = %+v, want %+v", findings.MisnamedSuccessors, want)
	}
	var mismatch *PolicyMismatchError
	if err := findings.Err(c); !errors.As(err, &mismatch) || !reflect.DeepEqual(mismatch.MisnamedSuccessors, want) {
		t.Errorf("Err() = %v, want a *PolicyMismatchError with the misnamed successors", err)
	}
	if want := []MissingSuccessor{{ID: "b", Successor: "openai/B"}, {ID: "d", Successor: "ghost"}}; !slices.Equal(findings.MissingSuccessors, want) {
		t.Errorf("MissingSuccessors = %+v, want %+v", findings.MissingSuccessors, want)
	}
	if m, _ := c.Lookup("a"); m.Successor == nil || *m.Successor != "B" {
		t.Errorf("a's successor %v, want the policy's, as written", m.Successor)
	}
	unknown := New([]megallm.Model{{ID: "a"}}).Apply(&Policy{Models: map[string]ModelPolicy{"a": {Successor: ptr("ghost")}}}, fixedNow)
	if err := unknown.Err(nil); err != nil {
		t.Errorf("a successor the catalog lacks: Err() = %v, want nil: the catalog may gain it", err)
	}
}

// TestApply_spellingGaps: a group of ids that differ only in letter case is
// a gap while the policy names some of its ids but not all, in catalog order.
func TestApply_spellingGaps(t *testing.T) {
	t.Parallel()
	models := []megallm.Model{{ID: "o3-mini"}, {ID: "GPT-4o"}, {ID: "O3-MINI"}, {ID: "gpt-4o"}, {ID: "O3-Mini"}, {ID: "x"}}
	for _, tc := range []struct {
		name  string
		named []string
		want  []SpellingGap
	}{
		{"some of each", []string{"O3-Mini", "o3-mini", "gpt-4o"}, []SpellingGap{
			{Named: []string{"o3-mini", "O3-Mini"}, Others: []string{"O3-MINI"}},
			{Named: []string{"gpt-4o"}, Others: []string{"GPT-4o"}},
		}},
		{"every spelling", []string{"o3-mini", "O3-MINI", "O3-Mini", "gpt-4o", "GPT-4o"}, nil},
		{"none of them", []string{"x"}, nil},
	} {
		policy := &Policy{Models: map[string]ModelPolicy{}}
		for _, id := range tc.named {
			policy.Models[id] = ModelPolicy{Denied: true}
		}
		if got := New(slices.Clone(models)).Apply(policy, fixedNow).SpellingGaps; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: SpellingGaps = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestApply_noPolicyChangesNothing: a nil Policy and the zero Policy leave
// the models as they are and allow every one; Apply still sets Now.
func TestApply_noPolicyChangesNothing(t *testing.T) {
	t.Parallel()
	for name, policy := range map[string]*Policy{"nil": nil, "zero": {}} {
		c := New(queryFixture())
		if findings := c.Apply(policy, fixedNow); !reflect.DeepEqual(findings, PolicyFindings{}) {
			t.Errorf("%s policy: findings %+v, want none", name, findings)
		}
		if !c.Now().Equal(fixedNow) {
			t.Errorf("%s policy: Now() = %s, want %s", name, c.Now(), fixedNow)
		}
		if !reflect.DeepEqual(c.models, queryFixture()) {
			t.Errorf("%s policy changed the models:\n%+v", name, c.models)
		}
		for i := range c.models {
			m := &c.models[i]
			if !c.allowed(m) || c.Refusal(m) != "" || c.Reason(m.ID) != "" {
				t.Errorf("%s policy: %s allowed=%v Refusal=%q Reason=%q, want allowed without words",
					name, m.ID, c.allowed(m), c.Refusal(m), c.Reason(m.ID))
			}
		}
	}
}

func TestAllowedAndRefusal(t *testing.T) {
	t.Parallel()
	models := []megallm.Model{
		{ID: "openai-model", OwnedBy: ptr("openai")},
		{ID: "meta-model", OwnedBy: ptr("meta")},
		{ID: "ownerless"},
		{ID: "denied-with-reason", OwnedBy: ptr("openai")},
		{ID: "denied-without-reason", OwnedBy: ptr("openai")},
		{ID: "denied-blank-reason", OwnedBy: ptr("openai")},
		{ID: "denied-and-owner-not-allowed", OwnedBy: ptr("meta")},
		{ID: "forged-owner", OwnedBy: ptr("evil\"\nowner")},
	}
	decisions := map[string]ModelPolicy{
		"denied-with-reason":           {Denied: true, Reason: ptr("legal has not approved it")},
		"denied-without-reason":        {Denied: true},
		"denied-blank-reason":          {Denied: true, Reason: ptr("  ")},
		"denied-and-owner-not-allowed": {Denied: true, Reason: ptr("never")},
		"openai-model":                 {Reason: ptr("preferred")}, // a reason alone refuses nothing
	}
	tests := []struct {
		name   string
		owners []string
		want   map[string]string // refusal by id; absent means allowed
	}{
		{"allowed_owners nil allows every owner", nil, map[string]string{
			"denied-with-reason":           "is denied by the policy: legal has not approved it",
			"denied-without-reason":        "is denied by the policy",
			"denied-blank-reason":          "is denied by the policy",
			"denied-and-owner-not-allowed": "is denied by the policy: never",
		}},
		{"allowed_owners empty allows no owner", []string{}, map[string]string{
			"openai-model":                 `is owned by "openai", and the policy allows no owners`,
			"meta-model":                   `is owned by "meta", and the policy allows no owners`,
			"ownerless":                    `does not report its owner, and the policy allows no owners`,
			"denied-with-reason":           "is denied by the policy: legal has not approved it",
			"denied-without-reason":        "is denied by the policy",
			"denied-blank-reason":          "is denied by the policy",
			"denied-and-owner-not-allowed": "is denied by the policy: never",
			"forged-owner":                 `is owned by "evil\"\nowner", and the policy allows no owners`,
		}},
		{"one allowed owner", []string{"openai"}, map[string]string{
			"meta-model":                   `is owned by "meta", and the policy allows only models owned by "openai"`,
			"ownerless":                    `does not report its owner, and the policy allows only models owned by "openai"`,
			"denied-with-reason":           "is denied by the policy: legal has not approved it",
			"denied-without-reason":        "is denied by the policy",
			"denied-blank-reason":          "is denied by the policy",
			"denied-and-owner-not-allowed": "is denied by the policy: never",
			"forged-owner":                 `is owned by "evil\"\nowner", and the policy allows only models owned by "openai"`,
		}},
		{"three allowed owners", []string{"anthropic", "google", "openai"}, map[string]string{
			"meta-model":                   `is owned by "meta", and the policy allows only models owned by "anthropic", "google" or "openai"`,
			"ownerless":                    `does not report its owner, and the policy allows only models owned by "anthropic", "google" or "openai"`,
			"denied-with-reason":           "is denied by the policy: legal has not approved it",
			"denied-without-reason":        "is denied by the policy",
			"denied-blank-reason":          "is denied by the policy",
			"denied-and-owner-not-allowed": "is denied by the policy: never",
			"forged-owner":                 `is owned by "evil\"\nowner", and the policy allows only models owned by "anthropic", "google" or "openai"`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := New(slices.Clone(models))
			c.Apply(&Policy{AllowedOwners: tc.owners, Models: decisions}, fixedNow)
			for i := range c.models {
				m := &c.models[i]
				want, refused := tc.want[m.ID]
				if got := c.allowed(m); got == refused {
					t.Errorf("allowed(%s) = %v, want %v", m.ID, got, !refused)
				}
				if got := c.Refusal(m); got != want {
					t.Errorf("Refusal(%s) =\n%q\nwant\n%q", m.ID, got, want)
				}
			}
		})
	}
}

// TestReason: a reason is one line, as a YAML block (reason: |) is not, whose
// lines would read as lines of the message, a list's items too.
func TestReason(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{{ID: "a"}, {ID: "b"}, {ID: "c"}})
	c.Apply(&Policy{Models: map[string]ModelPolicy{"a": {Reason: ptr("moved to b")}, "b": {},
		"c": {Reason: ptr("Not approved:\n- cost\n- data\tresidency.\n")}}}, fixedNow)
	for id, want := range map[string]string{"a": "moved to b", "b": "", "c": "Not approved: - cost - data residency", "not-in-policy": ""} {
		if got := c.Reason(id); got != want {
			t.Errorf("Reason(%s) = %q, want %q", id, got, want)
		}
	}
}

// TestRetiresWithinNotice: an active model retiring in the notice window's
// days or fewer is within it; a deprecated or retired one, a day more, or a
// notice of 0 is not.
func TestRetiresWithinNotice(t *testing.T) {
	t.Parallel()
	days := func(n int) *time.Time { return date(fixedNow.AddDate(0, 0, n).Format(time.DateOnly) + "T23:59:59Z") }
	c := New([]megallm.Model{
		{ID: "today", RetiresAt: days(0)}, {ID: "d90", RetiresAt: days(90)}, {ID: "d91", RetiresAt: days(91)},
		{ID: "deprecated", DeprecatedAt: days(-1), RetiresAt: days(10)}, {ID: "retired", RetiresAt: days(-1)},
		{ID: "unknown"},
	})
	for notice, want := range map[*int64][]string{
		nil:            {"today", "d90"},
		ptr[int64](91): {"today", "d90", "d91"},
		ptr[int64](0):  nil,
	} {
		c.Apply(&Policy{RetirementNoticeDays: notice}, fixedNow)
		var got []string
		for i := range c.models {
			if c.RetiresWithinNotice(LifecycleOf(&c.models[i], c.Now())) {
				got = append(got, c.models[i].ID)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("notice %v: within it %q, want %q", notice, got, want)
		}
	}
	if n := New(nil).RetirementNoticeDays(); n != DefaultRetirementNoticeDays {
		t.Errorf("without a policy: notice %d days, want %d", n, DefaultRetirementNoticeDays)
	}
}

// TestOwnerDenied counts an owner's models only when the policy denies each
// of them by its models entries: one allowed, or retired rather than denied,
// counts nothing.
func TestOwnerDenied(t *testing.T) {
	t.Parallel()
	c := New([]megallm.Model{
		{ID: "m-1", OwnedBy: ptr("mistral")}, {ID: "m-2", OwnedBy: ptr("mistral")},
		{ID: "a-1", OwnedBy: ptr("anthropic")}, {ID: "a-2", OwnedBy: ptr("anthropic")},
		{ID: "g-1", OwnedBy: ptr("google")},
		{ID: "ownerless"},
	})
	if got := c.OwnerDenied("mistral"); got != 0 {
		t.Errorf("without a policy, OwnerDenied(mistral) = %d, want 0", got)
	}
	c.Apply(&Policy{Models: map[string]ModelPolicy{
		"m-1": {Denied: true}, "m-2": {Denied: true, Reason: ptr("not approved")},
		"a-1": {Denied: true}, "a-2": {RetiresAt: date("2020-01-01T00:00:00Z")},
		"ownerless": {Denied: true},
	}}, fixedNow)
	for owner, want := range map[string]int{"mistral": 2, "anthropic": 0, "google": 0, "meta": 0} {
		if got := c.OwnerDenied(owner); got != want {
			t.Errorf("OwnerDenied(%s) = %d, want %d", owner, got, want)
		}
	}
}

// TestPricedElsewhere: a query that compares prices names the models whose
// negotiated price is in another currency, of those its other filters and
// the policy keep; one that compares none names none.
func TestPricedElsewhere(t *testing.T) {
	t.Parallel()
	usd := &megallm.Pricing{InputTokensCostPerMillion: ptr(2.5), Currency: ptr("USD")}
	c := New([]megallm.Model{
		{ID: "listed", Type: ptr("chat"), Pricing: usd}, {ID: "negotiated-eur", Type: ptr("chat"), Pricing: usd},
		{ID: "negotiated-usd", Type: ptr("chat")}, {ID: "embedding-eur", Type: ptr("embedding")},
		{ID: "denied-eur", Type: ptr("chat")},
	})
	eur := &megallm.Pricing{InputTokensCostPerMillion: ptr(0.01), Currency: ptr("EUR")}
	c.Apply(&Policy{Models: map[string]ModelPolicy{
		"negotiated-eur": {Pricing: eur}, "embedding-eur": {Pricing: eur}, "denied-eur": {Pricing: eur, Denied: true},
		"negotiated-usd": {Pricing: &megallm.Pricing{InputTokensCostPerMillion: ptr(1.0), Currency: ptr("USD")}},
	}}, fixedNow)
	for _, tc := range []struct {
		name string
		q    Query
		want []string
	}{
		{"cost sort", Query{Type: "chat", SortBy: sortByInputCost}, []string{"negotiated-eur"}},
		{"workload sort", Query{SortBy: SortByWorkloadCost, Workload: &Workload{InputTokens: 1}}, []string{"negotiated-eur", "embedding-eur"}},
		// The bound that the EUR price could not meet is not what leaves it out.
		{"price bound", Query{Require: Requirements{MaxInputCostPerMillion: ptr(0.0)}}, []string{"negotiated-eur", "embedding-eur"}},
		{"in EUR", Query{Currency: "EUR", SortBy: sortByOutputCost}, []string{"negotiated-usd"}},
		{"no price compared", Query{SortBy: sortByContextLength, Workload: &Workload{InputTokens: 1}}, nil},
	} {
		var got []string
		for _, m := range c.PricedElsewhere(tc.q) {
			got = append(got, m.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: PricedElsewhere = %q, want %q", tc.name, got, tc.want)
		}
	}
}
