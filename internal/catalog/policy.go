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
}

// ModelPolicy is what a Policy says of one model.
type ModelPolicy struct {
	// DeprecatedAt and RetiresAt are RFC 3339 dates; the API's own dates,
	// were it to report them, take precedence, as does its Successor.
	DeprecatedAt, RetiresAt *string
	Successor               *string
	// Reason is why, in the policy's words, for warnings and errors.
	Reason *string
	// Denied models are never chosen.
	Denied bool
	// Pricing, when set, is the negotiated price, which replaces the list
	// price as a whole.
	Pricing *megallm.Pricing
}

// PolicyFindings is what a policy names that the catalog lacks.
type PolicyFindings struct {
	// UnknownIDs are the policy's model ids the catalog does not have, sorted.
	UnknownIDs []string
	// MissingSuccessors are the policy's successors, where the API names
	// none, that the catalog does not have.
	MissingSuccessors []MissingSuccessor
}

// MissingSuccessor is a model whose successor is not in the catalog.
type MissingSuccessor struct {
	ID, Successor string
}

// Apply applies p to c at now, the day lifecycle statuses are computed for:
// each model takes the policy's lifecycle where the API reports none, and
// its negotiated price. It returns what p names that c lacks. Apply changes
// c: call it once, before c is shared.
func (c *Catalog) Apply(p *Policy, now time.Time) PolicyFindings {
	c.policy, c.now = p, now
	var findings PolicyFindings
	if p == nil {
		return findings
	}
	for id, decision := range p.Models {
		m, ok := c.byID[id]
		if !ok {
			findings.UnknownIDs = append(findings.UnknownIDs, id)
			continue
		}
		m.DeprecatedAt = cmp.Or(m.DeprecatedAt, decision.DeprecatedAt)
		m.RetiresAt = cmp.Or(m.RetiresAt, decision.RetiresAt)
		m.Successor = cmp.Or(m.Successor, decision.Successor)
		if decision.Pricing != nil {
			m.Pricing = decision.Pricing
		}
		if s := decision.Successor; s != nil && m.Successor == s { // the policy's, not the API's
			if _, ok := c.byID[*s]; !ok {
				findings.MissingSuccessors = append(findings.MissingSuccessors, MissingSuccessor{ID: id, Successor: *s})
			}
		}
	}
	slices.Sort(findings.UnknownIDs)
	slices.SortFunc(findings.MissingSuccessors, func(a, b MissingSuccessor) int { return strings.Compare(a.ID, b.ID) })
	return findings
}

// Now is the time the catalog's lifecycle statuses are computed for.
func (c *Catalog) Now() time.Time { return c.now }

// Allowed reports whether the policy allows m: not denied, and owned by an
// allowed owner.
func (c *Catalog) Allowed(m *megallm.Model) bool {
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

// Refusal says why the policy does not allow m, completing "model X ...";
// it is "" when the policy allows m.
func (c *Catalog) Refusal(m *megallm.Model) string {
	if c.Allowed(m) {
		return ""
	}
	if decision := c.policy.Models[m.ID]; decision.Denied {
		return "is denied by the policy" + because(decision.Reason)
	}
	owner := "does not report its owner"
	if m.OwnedBy != nil {
		owner = "is owned by " + megallm.QuoteUntrusted(*m.OwnedBy)
	}
	if len(c.policy.AllowedOwners) == 0 {
		return owner + ", and the policy allows no owners"
	}
	return fmt.Sprintf("%s, and the policy allows only models owned by %s", owner, QuoteSome(c.policy.AllowedOwners, "or"))
}

// Reason is the policy's reason about the model with this id, "" if none.
func (c *Catalog) Reason(id string) string {
	if c.policy == nil {
		return ""
	}
	if r := c.policy.Models[id].Reason; r != nil {
		return *r
	}
	return ""
}

// because is ": reason", or "" without one.
func because(reason *string) string {
	if reason == nil || strings.TrimSpace(*reason) == "" {
		return ""
	}
	return ": " + *reason
}
