package catalog

import (
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

// negotiate replaces m's list price with the policy's price p, in
// DefaultCurrency where p names none, and finds that unstated currency where
// the list price is in another.
func (f *PolicyFindings) negotiate(m *megallm.Model, p *megallm.Pricing) {
	if listed := m.Pricing; p.Currency == nil && listed != nil && pricingCurrency(listed) != DefaultCurrency {
		f.UnstatedCurrencies = append(f.UnstatedCurrencies, UnstatedCurrency{m.ID, pricingCurrency(listed)})
	}
	negotiated := *p
	if negotiated.Currency == nil {
		negotiated.Currency = new(DefaultCurrency)
	}
	m.Pricing = &negotiated
}
