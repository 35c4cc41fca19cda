package catalog

import (
	"maps"
	"regexp"
	"slices"
	"sync"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Owners returns the distinct owned_by values of the catalog, sorted. Models
// that do not report an owner add none.
func (c *Catalog) Owners() []string { return slices.Clone(c.owners()) }

// MatchesAnyID reports whether pattern matches an id of the catalog.
func (c *Catalog) MatchesAnyID(pattern *regexp.Regexp) bool {
	return slices.ContainsFunc(c.models, func(m megallm.Model) bool { return pattern.MatchString(m.ID) })
}

// Types returns the distinct types of the catalog, sorted. Models that do
// not report a type add none.
func (c *Catalog) Types() []string { return slices.Clone(c.types()) }

// Currencies returns the distinct currencies the catalog's models are priced
// in, sorted. A model with pricing that reports no currency is priced in
// DefaultCurrency; a model without pricing adds none.
func (c *Catalog) Currencies() []string { return slices.Clone(c.currencies()) }

// SuggestOwners returns up to three of the catalog's owners that the user may
// have meant by owner, closest first, found as Suggest finds ids: the same
// owner in another case first.
func (c *Catalog) SuggestOwners(owner string) []string {
	return Closest(owner, slices.Values(c.Owners()))
}

// countFacets has Owners, Types and Currencies each work out its answer on
// first use and keep it, since every read asks: New calls it, and Apply again
// once a policy has changed pricing.
func (c *Catalog) countFacets() {
	c.owners = c.distinct(func(m *megallm.Model) *string { return m.OwnedBy })
	c.types = c.distinct(func(m *megallm.Model) *string { return m.Type })
	c.currencies = c.distinct(func(m *megallm.Model) *string {
		if m.Pricing == nil {
			return nil
		}
		currency := pricingCurrency(m.Pricing)
		return &currency
	})
}

// distinct returns the distinct non-nil values of field over the models,
// sorted, worked out on its first call.
func (c *Catalog) distinct(field func(*megallm.Model) *string) func() []string {
	return sync.OnceValue(func() []string {
		seen := map[string]bool{}
		for i := range c.models {
			if v := field(&c.models[i]); v != nil {
				seen[*v] = true
			}
		}
		return slices.Sorted(maps.Keys(seen))
	})
}
