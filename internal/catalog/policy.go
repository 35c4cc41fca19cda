package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Policy is what an organisation has decided about models, beyond what the
// catalog says: which it allows, their lifecycle, and the prices it pays.
// The zero Policy allows every model and changes nothing.
type Policy struct {
	// AllowedOwners, when not nil, allows only models owned by one of these.
	AllowedOwners []string
	// Models are the decisions about single models, by id.
	Models map[string]ModelPolicy
	// RetirementNoticeDays is how many days ahead of its retirement a model
	// in use is warned about; nil is DefaultRetirementNoticeDays, and 0
	// turns the notice off.
	RetirementNoticeDays *int64
}

// DefaultRetirementNoticeDays is the notice a model in use gets of its
// retirement when the policy sets none.
const DefaultRetirementNoticeDays = 90

// ModelPolicy is what a Policy says of one model.
type ModelPolicy struct {
	// DeprecatedAt and RetiresAt are dates. Where the API reports its own,
	// the earlier of the two applies: the stricter date wins.
	DeprecatedAt, RetiresAt *time.Time
	// Successor is the organisation's choice, so it wins over the API's.
	Successor *string
	// Reason is why, in the policy's words, for warnings and errors.
	Reason *string
	// Denied models are never chosen.
	Denied bool
	// Pricing, when set, is the negotiated price, which replaces the list
	// price as a whole.
	Pricing *megallm.Pricing
}

// PolicyFindings is what a policy names that the catalog lacks, or has in
// more spellings than the policy names.
type PolicyFindings struct {
	// Misnamed are the policy's model ids that the catalog has only
	// written otherwise, in another letter case or with a prefix added or
	// left out (LookupMisnamed), sorted: the policy misses the model it was
	// written for, which Err makes an error.
	Misnamed []MisnamedID
	// Keyed are the catalog ids of Misnamed (of those that name one) that the
	// policy has a key for too, sorted: written as the catalog does, such an
	// id repeats that key.
	Keyed []string
	// UnknownIDs are the policy's other model ids the catalog does not
	// have, sorted.
	UnknownIDs []string
	// MissingSuccessors are the policy's successors that the catalog does
	// not have.
	MissingSuccessors []MissingSuccessor
	// MisnamedSuccessors are the successors of the policy's entries for
	// catalog models (Misnamed's too) that the catalog has only written
	// otherwise, sorted by entry, which Err makes an error: the move the
	// policy advises would name no model wherever it is shown. One that names
	// its entry's own model is a mistake of its own, left to MissingSuccessors.
	MisnamedSuccessors []MisnamedSuccessor
	// MistypedCurrencies are the policy's prices in a currency that is no
	// ISO 4217 code and near one the catalog's models are priced in before
	// the policy applies (ClosestCode), sorted by entry, which Err makes an
	// error: such a price compares with no other.
	MistypedCurrencies []MistypedCurrency
	// UnstatedCurrencies are the policy's prices without a currency for
	// models the catalog prices in another than DefaultCurrency, sorted by id.
	UnstatedCurrencies []UnstatedCurrency
	// CheapPrices are the policy's prices far under their list prices, sorted.
	CheapPrices []CheapPrice
	// UnknownOwners are the policy's allowed owners that no catalog model
	// has, in the policy's order.
	UnknownOwners []string
	// AllowsNone is set when the catalog has models and the policy allows
	// none of them.
	AllowsNone bool
	// SpellingGaps are the caseGroups of which the policy names
	// some ids but not all, in catalog order.
	SpellingGaps []SpellingGap
}

// SpellingGap is a group of ids that differ only in letter case: what the
// policy says of the Named ones does not apply to the Others.
type SpellingGap struct {
	Named, Others []string
}

// MissingSuccessor is a model whose successor is not in the catalog.
type MissingSuccessor struct {
	ID, Successor string
}

// MisnamedSuccessor is the successor of the policy's entry with this ID,
// written otherwise than the catalog writes it.
type MisnamedSuccessor struct {
	ID        string
	Successor MisnamedID
}

// MisnamedID is an id written otherwise than the catalog's: in another
// letter case, with other separators, with a vendor prefix, without a
// prefix, or with other ids in one string (LookupMisnamed).
// Alike are the other catalog ids that an ID without a prefix names as well,
// nil for none: ambiguous, it names none of them; or, Joined, the ids it
// lists after CatalogID.
type MisnamedID struct {
	ID, CatalogID string
	Alike         []string
}

// Prefix is the prefix that one of ID and CatalogID has and the other lacks,
// and whether ID added it: the vendor prefix "openai/" or "/" that
// "openai/gpt-4o" or "/gpt-4o" adds to "gpt-4o", or the prefix "meta-llama/"
// that "llama-3.3-70b-instruct" lacks; "" for an ID only in another letter
// case (foldID).
func (m MisnamedID) Prefix() (prefix string, added bool) {
	for i, r := range m.ID {
		if r == '/' && foldID(m.ID[i+1:]) == foldID(m.CatalogID) {
			return m.ID[:i+1], true
		}
	}
	if i := strings.LastIndexByte(m.CatalogID, '/'); i >= 0 && foldID(m.CatalogID[i+1:]) == foldID(m.ID) {
		return m.CatalogID[:i+1], false
	}
	return "", false
}

// Joined reports whether ID lists CatalogID and Alike, in that order, in one
// string ("gpt-4o, gpt-4o-mini"; LookupMisnamed): it names each of them.
func (m MisnamedID) Joined() bool {
	return m.Alike != nil && slices.Equal(strings.FieldsFunc(m.ID, listSeparator), append([]string{m.CatalogID}, m.Alike...))
}

// Separated reports whether ID and CatalogID differ in their separators, as
// "gpt4o" and "gpt-4o" do (unseparated), not only in letter case or a prefix.
func (m MisnamedID) Separated() bool {
	id, _ := unseparated(nil, m.ID, len(m.ID))
	catalogID, _ := unseparated(nil, m.CatalogID, len(m.CatalogID))
	return foldID(m.ID) != foldID(m.CatalogID) && string(id) == string(catalogID)
}

// PolicyMismatchError is a policy whose model entries or successors name
// catalog models otherwise than the catalog writes them, or whose prices
// mistype the catalog's currency: a denial, a retirement, a successor or a
// price that misses its model is never what its author meant, so no data
// source may use the catalog.
type PolicyMismatchError struct {
	Misnamed           []MisnamedID
	Keyed              []string            // as PolicyFindings'
	MisnamedSuccessors []MisnamedSuccessor // as PolicyFindings'
	MistypedCurrencies []MistypedCurrency  // as PolicyFindings'
	Catalog            *Catalog            // the policy was applied to, which knows what it refuses
}

func (e *PolicyMismatchError) Error() string {
	return fmt.Sprintf("the policy names %d model(s) or currencies otherwise than the catalog writes them",
		len(e.Misnamed)+len(e.MisnamedSuccessors)+len(e.MistypedCurrencies))
}

// Err is the error the findings of c make: a *PolicyMismatchError when the
// policy names a model or currency otherwise than the catalog writes it, else nil.
func (f PolicyFindings) Err(c *Catalog) error {
	if len(f.Misnamed)+len(f.MisnamedSuccessors)+len(f.MistypedCurrencies) == 0 {
		return nil
	}
	return &PolicyMismatchError{Misnamed: f.Misnamed, Keyed: f.Keyed, MisnamedSuccessors: f.MisnamedSuccessors,
		MistypedCurrencies: f.MistypedCurrencies, Catalog: c}
}

// Apply applies p to c at now, the day lifecycle statuses are computed for:
// each model takes the stricter of its own and the policy's lifecycle dates,
// the policy's successor (none where LeftOut reports it) and its negotiated
// price. It returns what p names
// that c lacks. Apply changes c: call it once, before c is shared.
func (c *Catalog) Apply(p *Policy, now time.Time) PolicyFindings {
	c.policy, c.now = p, now
	c.advised.Clear() // answers for the models and day before
	var findings PolicyFindings
	if p == nil {
		return findings
	}
	listed := c.Currencies() // as the API prices its models
	for id, decision := range p.Models {
		if pricing := decision.Pricing; pricing != nil && pricing.Currency != nil && !slices.Contains(listed, *pricing.Currency) {
			if meant := ClosestCode(*pricing.Currency, listed); len(meant) > 0 {
				findings.MistypedCurrencies = append(findings.MistypedCurrencies, MistypedCurrency{id, *pricing.Currency, meant})
			}
		}
		m, ok := c.byID[id]
		model := id // the catalog's id of the entry's model
		if !ok {
			misnamed, ok := c.LookupMisnamed(id)
			if !ok {
				findings.UnknownIDs = append(findings.UnknownIDs, id)
				continue
			}
			findings.Misnamed, model = append(findings.Misnamed, misnamed), misnamed.CatalogID
			if _, keyed := p.Models[model]; keyed && misnamed.Alike == nil && !slices.Contains(findings.Keyed, model) {
				findings.Keyed = append(findings.Keyed, model)
			}
		}
		if s := decision.Successor; s != nil && c.byID[*s] == nil {
			if misnamed, ok := c.LookupMisnamed(*s); ok && (misnamed.CatalogID != model || misnamed.Alike != nil) {
				findings.MisnamedSuccessors = append(findings.MisnamedSuccessors, MisnamedSuccessor{id, misnamed})
			} else {
				findings.MissingSuccessors = append(findings.MissingSuccessors, MissingSuccessor{id, *s})
			}
		}
		if m == nil { // misnamed: the entry applies to no model
			continue
		}
		m.DeprecatedAt = earlier(m.DeprecatedAt, decision.DeprecatedAt)
		m.RetiresAt = earlier(m.RetiresAt, decision.RetiresAt)
		m.Successor = cmp.Or(decision.Successor, m.Successor)
		if m.Successor != nil && c.LeftOut(*m.Successor) != "" {
			m.Successor = nil // as the decoder's: no advice may name a model left out
		}
		if decision.Pricing != nil {
			findings.negotiate(m, decision.Pricing)
		}
	}
	c.countFacets()
	owners := c.Owners()
	for _, owner := range p.AllowedOwners {
		if !slices.Contains(owners, owner) {
			findings.UnknownOwners = append(findings.UnknownOwners, owner)
		}
	}
	if len(p.Models) > 0 { // caseGroups builds the fold index: not for a policy that names no model
		for _, ids := range c.caseGroups() {
			var gap SpellingGap
			for _, id := range ids {
				if _, named := p.Models[id]; named {
					gap.Named = append(gap.Named, id)
				} else {
					gap.Others = append(gap.Others, id)
				}
			}
			if len(gap.Named) > 0 && len(gap.Others) > 0 {
				findings.SpellingGaps = append(findings.SpellingGaps, gap)
			}
		}
	}
	findings.AllowsNone = len(c.models) > 0 && !slices.ContainsFunc(c.models, func(m megallm.Model) bool { return c.allowed(&m) })
	slices.SortFunc(findings.Misnamed, func(a, b MisnamedID) int { return strings.Compare(a.ID, b.ID) })
	slices.Sort(findings.UnknownIDs)
	slices.Sort(findings.Keyed)
	slices.SortFunc(findings.MissingSuccessors, func(a, b MissingSuccessor) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(findings.MisnamedSuccessors, func(a, b MisnamedSuccessor) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(findings.MistypedCurrencies, func(a, b MistypedCurrency) int { return strings.Compare(a.ID, b.ID) })
	findings.sortPricing()
	return findings
}

// earlier is the earlier of two dates, either of which may be nil.
func earlier(a, b *time.Time) *time.Time {
	switch {
	case a == nil:
		return b
	case b == nil || !b.Before(*a):
		return a
	}
	return b
}

// RetirementNoticeDays is the policy's notice of a retirement, in days.
func (c *Catalog) RetirementNoticeDays() int64 {
	if c.policy == nil || c.policy.RetirementNoticeDays == nil {
		return DefaultRetirementNoticeDays
	}
	return *c.policy.RetirementNoticeDays
}

// RetiresWithinNotice reports whether a model of lifecycle l is active and
// retires within the notice window: in RetirementNoticeDays days or fewer.
// A deprecated model's own warning says when it retires.
func (c *Catalog) RetiresWithinNotice(l Lifecycle) bool {
	notice := c.RetirementNoticeDays()
	return notice > 0 && l.Status == StatusActive && l.DaysToRetirement != nil && *l.DaysToRetirement <= notice
}

// Now is the time the catalog's lifecycle statuses are computed for.
func (c *Catalog) Now() time.Time { return c.now }

// Withheld reports whether a Source gives c to no reader: while it checks the
// policy (PolicyFindings.Err, Source.WithCheck), and for good when the policy
// is in error, so what the checks say of c no data source under it can list.
func (c *Catalog) Withheld() bool { return c.withheld }

// allowed reports whether the policy allows m: not denied, and owned by an
// allowed owner.
func (c *Catalog) allowed(m *megallm.Model) bool {
	p := c.policy
	if p == nil {
		return true
	}
	if p.Models[m.ID].Denied {
		return false
	}
	return p.AllowedOwners == nil || (m.OwnedBy != nil && c.OwnerAllowed(*m.OwnedBy))
}

// OwnerAllowed reports whether the policy allows models of this owner.
func (c *Catalog) OwnerAllowed(owner string) bool {
	return c.policy == nil || c.policy.AllowedOwners == nil || slices.Contains(c.policy.AllowedOwners, owner)
}

// OwnerDenied returns how many models of this owner the catalog has when
// the policy denies every one of them by its models entries, so that the
// owner matches nothing although allowed_owners allows it; 0 when the policy
// allows one of them, or the catalog has none.
func (c *Catalog) OwnerDenied(owner string) int {
	if c.policy == nil || len(c.policy.Models) == 0 {
		return 0
	}
	n := 0
	for i := range c.models {
		m := &c.models[i]
		if m.OwnedBy == nil || *m.OwnedBy != owner {
			continue
		}
		if !c.policy.Models[m.ID].Denied {
			return 0
		}
		n++
	}
	return n
}

// Refusal says why the policy does not allow m, completing "model X ...";
// it is "" when the policy allows m.
func (c *Catalog) Refusal(m *megallm.Model) string {
	if c.allowed(m) {
		return ""
	}
	if decision := c.policy.Models[m.ID]; decision.Denied {
		return "is denied by the policy" + because(decision.Reason)
	}
	owner := "does not report its owner"
	if m.OwnedBy != nil {
		owner = "is owned by " + megallm.Quote(*m.OwnedBy)
	}
	if len(c.policy.AllowedOwners) == 0 {
		return owner + ", and the policy allows no owners"
	}
	return fmt.Sprintf("%s, and the policy allows only models owned by %s", owner, QuoteSome(c.policy.AllowedOwners, "or"))
}

// Reason is the policy's reason about the model with this id, "" if none,
// without the full stop it may end with, which the sentence around it adds.
func (c *Catalog) Reason(id string) string {
	if c.policy == nil {
		return ""
	}
	return reasonText(c.policy.Models[id].Reason)
}

// reasonText is a policy reason on one line, each run of white space a
// space, trimmed of final full stops, "" for none.
func reasonText(reason *string) string {
	if reason == nil {
		return ""
	}
	return strings.TrimRight(strings.Join(strings.Fields(*reason), " "), ". ")
}

// because is ": reason", or "" without one.
func because(reason *string) string {
	if r := reasonText(reason); r != "" {
		return ": " + r
	}
	return ""
}

// ComparesPrices reports whether q compares prices, in q.Currency: it sorts by
// a cost or bounds a price.
func (q *Query) ComparesPrices() bool {
	return strings.HasPrefix(sortKeyOf(q.SortBy).field.name, "pricing") || q.Require.AnyPriceBound()
}

// PolicyPriced reports whether the policy sets the price of the model with
// this id (its negotiated price), not the catalog.
func (c *Catalog) PolicyPriced(id string) bool {
	return c.policy != nil && c.policy.Models[id].Pricing != nil
}

// PricedElsewhere returns, in catalog order, the models whose policy price is
// in another currency than q's while q compares prices (a cost sort, a price
// bound) and would keep them but for that: they sort last by cost and meet
// no price bound, whatever the price, as prices in two currencies do not
// compare. None when q compares no prices.
func (c *Catalog) PricedElsewhere(q Query) []*megallm.Model {
	if c.policy == nil || !q.ComparesPrices() {
		return nil
	}
	for _, row := range RequirementTable {
		if row.Kind == AmountMaximum {
			*row.maximum(&q.Require) = nil
		}
	}
	s := c.selection(&q)
	var out []*megallm.Model
	for i := range c.models {
		if m := &c.models[i]; c.PolicyPriced(m.ID) && !pricedIn(m, q.Currency) && s.keeps(m) {
			out = append(out, m)
		}
	}
	return out
}
