package catalog

import (
	"fmt"
	"slices"
	"strings"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

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
