package catalog

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// MistypedCurrency is the currency of the pricing of the policy's entry with
// this ID, and the catalog's currencies it is near.
type MistypedCurrency struct {
	ID, Currency string
	Meant        []string
}

// UnstatedCurrency is the policy's price for the model ID, which names no
// currency and so is in DefaultCurrency, while the catalog lists that model
// in Listed: a price negotiated with its vendor may be meant in Listed.
type UnstatedCurrency struct {
	ID, Listed string
}

// CheapPrice is the price Name (as pricing names it) of the policy's entry
// ID, under 1/FarBelow of the model's list price in the same currency: a price
// per Unit, a thousand tokens or a token, written as one per million, would
// be; PerMillion is what it is per million tokens if it is per Unit.
type CheapPrice struct {
	ID, Name                string
	Price, List, PerMillion float64
	Unit                    PriceUnit
}

// FarBelow is how many times under its list price a negotiated price is a
// CheapPrice: no discount is 99%, while a unit slip is a thousandfold.
const FarBelow = 100

// negotiate replaces m's list price with the policy's price p, in
// DefaultCurrency where p names none, and finds that unstated currency where
// the list price is in another, and p's prices that are CheapPrices.
func (f *PolicyFindings) negotiate(m *megallm.Model, p *megallm.Pricing) {
	listed := m.Pricing
	if p.Currency == nil && listed != nil && pricingCurrency(listed) != DefaultCurrency {
		f.UnstatedCurrencies = append(f.UnstatedCurrencies, UnstatedCurrency{m.ID, pricingCurrency(listed)})
	}
	negotiated := *p
	if negotiated.Currency == nil {
		negotiated.Currency = new(DefaultCurrency)
	}
	if listed != nil && pricingCurrency(listed) == *negotiated.Currency {
		f.cheapPrice(m.ID, "input_tokens_cost_per_million", negotiated.InputTokensCostPerMillion, listed.InputTokensCostPerMillion)
		f.cheapPrice(m.ID, "output_tokens_cost_per_million", negotiated.OutputTokensCostPerMillion, listed.OutputTokensCostPerMillion)
	}
	m.Pricing = &negotiated
}

// cheapPrice finds the negotiated price, named name, of the entry id when it
// is a CheapPrice of list, per the unit whose slip it is closest to.
func (f *PolicyFindings) cheapPrice(id, name string, price, list *float64) {
	if price == nil || list == nil || *price <= 0 || *price*FarBelow >= *list {
		return
	}
	unit := priceUnits["1k"]
	if *list / *price > math.Sqrt(1e3*1e6) { // nearer a millionfold than a thousandfold
		unit = priceUnits["token"]
	}
	f.CheapPrices = append(f.CheapPrices, CheapPrice{ID: id, Name: name, Price: *price, List: *list,
		PerMillion: roundAmount(*price * float64(1_000_000/unit.Tokens)), Unit: unit})
}

// sortPricing sorts the findings of negotiate by id, as Apply finds them in
// map order, and a CheapPrice's input price before its output price.
func (f *PolicyFindings) sortPricing() {
	slices.SortFunc(f.UnstatedCurrencies, func(a, b UnstatedCurrency) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(f.CheapPrices, func(a, b CheapPrice) int { return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.Name, b.Name)) })
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
