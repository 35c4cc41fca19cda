package catalog

import (
	"errors"
	"math"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// DefaultCurrency is the currency price requirements and cost sorts apply in
// when none is chosen.
const DefaultCurrency = "USD"

// Workload is a number of input and output tokens over any period the user
// chooses. Counts are 0 or more and may be fractional.
type Workload struct {
	InputTokens, OutputTokens float64
}

// The reasons Cost gives for a workload it cannot price, each completing
// "model X ...". ErrNoPricing is a model without any price.
var (
	ErrNoPricing          = errors.New("has no pricing")
	errNoInputPrice       = errors.New("has no pricing.input_tokens_cost_per_million")
	errNoOutputPrice      = errors.New("has no pricing.output_tokens_cost_per_million")
	ErrCostNotExpressible = errors.New("costs too much for this workload to represent")
)

// Cost is what w costs with m, in m's pricing.currency:
// input_tokens / 1e6 × input price + output_tokens / 1e6 × output price.
// A model without pricing, or without the price of a non-zero token count,
// cannot be priced. The cost is rounded to amountDigits significant digits
// (roundAmount), so that it reads as a person computes it: 3,000,000 tokens
// at 0.1 per million cost 0.3. The estimate_cost function, the data sources'
// workload costs, their sort and max_workload_cost all come from here, so
// they agree to the last digit.
func (w Workload) Cost(m *megallm.Model) (float64, error) {
	p := m.Pricing
	if p == nil || (p.InputTokensCostPerMillion == nil && p.OutputTokensCostPerMillion == nil) {
		return 0, ErrNoPricing
	}
	cost := 0.0
	if w.InputTokens != 0 {
		if p.InputTokensCostPerMillion == nil {
			return 0, errNoInputPrice
		}
		cost += w.InputTokens / 1e6 * *p.InputTokensCostPerMillion
	}
	if w.OutputTokens != 0 {
		if p.OutputTokensCostPerMillion == nil {
			return 0, errNoOutputPrice
		}
		cost += w.OutputTokens / 1e6 * *p.OutputTokensCostPerMillion
	}
	if math.IsInf(cost, 0) {
		return 0, ErrCostNotExpressible
	}
	return roundAmount(cost), nil
}

// CostlyPrice names the price of m that makes w's cost too large to
// represent (ErrCostNotExpressible), "input_tokens_cost_per_million" or
// "output_tokens_cost_per_million", with its value: that of the larger term,
// where the price is more than its token count. It is "" where the token
// counts are what is too large.
func (w Workload) CostlyPrice(m *megallm.Model) (name string, price float64) {
	p := m.Pricing
	name, count, perMillion := "input_tokens_cost_per_million", w.InputTokens, p.InputTokensCostPerMillion
	if w.InputTokens == 0 || (w.OutputTokens != 0 &&
		w.OutputTokens/1e6**p.OutputTokensCostPerMillion > w.InputTokens/1e6**p.InputTokensCostPerMillion) {
		name, count, perMillion = "output_tokens_cost_per_million", w.OutputTokens, p.OutputTokensCostPerMillion
	}
	if *perMillion <= count {
		return "", 0
	}
	return name, *perMillion
}

// pricedIn reports whether m's prices are in currency ("" is
// DefaultCurrency). A model that does not report its currency is taken as
// priced in DefaultCurrency, the currency of the MegaLLM API, so that a
// catalog or a model literal without currencies keeps working in USD.
func pricedIn(m *megallm.Model, currency string) bool {
	if currency == "" {
		currency = DefaultCurrency
	}
	return m.Pricing != nil && pricingCurrency(m.Pricing) == currency
}

// pricingCurrency is p's currency, DefaultCurrency when it reports none.
func pricingCurrency(p *megallm.Pricing) string {
	if p.Currency == nil {
		return DefaultCurrency
	}
	return *p.Currency
}
