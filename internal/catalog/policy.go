package catalog

import (
	"cmp"
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
			if _, keyed := p.Models[model]; keyed && misnamed.One() && !slices.Contains(findings.Keyed, model) {
				findings.Keyed = append(findings.Keyed, model)
			}
		}
		if s := decision.Successor; s != nil && c.byID[*s] == nil {
			if misnamed, ok := c.LookupMisnamed(*s); ok && (misnamed.CatalogID != model || !misnamed.One()) {
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
