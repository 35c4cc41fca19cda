package catalog

import (
	"regexp"
	"slices"
	"strings"
)

// PriceUnit is how many tokens a price is of, as its name says after its
// last per: per_token, per_1k_tokens, per_million.
type PriceUnit struct {
	Tokens int64
	Words  string // "token", "thousand tokens", "million tokens"
}

// priceUnits are the words of a PriceUnit after per, each with an optional
// "tokens" after it (per_million_tokens).
var priceUnits = map[string]PriceUnit{
	"token":    {1, "token"},
	"1k":       {1_000, "thousand tokens"},
	"thousand": {1_000, "thousand tokens"},
	"1000":     {1_000, "thousand tokens"},
	"1m":       {1_000_000, "million tokens"},
	"million":  {1_000_000, "million tokens"},
	"1000000":  {1_000_000, "million tokens"},
}

// priceUnitOf reads a price's name: the words of what it prices, sorted and
// without "token" (input_tokens_cost and input_cost price the same), and its
// unit; ok is false for a name that ends in no PriceUnit.
func priceUnitOf(name string) (priced []string, unit PriceUnit, ok bool) {
	w := words(name)
	per := slices.Index(w, "per")
	if per < 0 {
		return nil, PriceUnit{}, false
	}
	after := w[per+1:]
	if len(after) == 2 && after[1] == "token" {
		after = after[:1]
	}
	if len(after) != 1 {
		return nil, PriceUnit{}, false
	}
	unit, ok = priceUnits[after[0]]
	priced = slices.DeleteFunc(slices.Clone(w[:per]), func(w string) bool { return w == "token" })
	slices.Sort(priced)
	return priced, unit, ok
}

// OtherUnit returns the name of names whose words value has, but for a unit
// word (token, 1k, thousand, million): the same price per another number of
// tokens, such as a LiteLLM-style input_cost_per_token for
// input_tokens_cost_per_million, with both units; "" for none. Its price is
// that of the name once multiplied by name's tokens over value's.
func OtherUnit(value string, names []string) (name string, valueUnit, nameUnit PriceUnit) {
	priced, unit, ok := priceUnitOf(value)
	if !ok {
		return "", PriceUnit{}, PriceUnit{}
	}
	for _, n := range names {
		if p, u, ok := priceUnitOf(n); ok && u.Tokens != unit.Tokens && slices.Equal(p, priced) {
			return n, unit, u
		}
	}
	return "", PriceUnit{}, PriceUnit{}
}

// NamedPriceUnit is the unit of the price that name names
// (input_tokens_cost_per_million: per million tokens); false for a name that
// names no price.
func NamedPriceUnit(name string) (PriceUnit, bool) {
	_, unit, ok := priceUnitOf(name)
	return unit, ok
}

// PriceUnitAfter splits a price written as text with its unit after it, as
// people write one ("5 per 1K tokens", "$3/M", "0.000002 per token"): the
// text before the unit, the unit as written, and the PriceUnit; false for
// text that ends in none.
func PriceUnitAfter(s string) (before, written string, unit PriceUnit, ok bool) {
	m := unitAfter.FindStringSubmatchIndex(s)
	if m == nil {
		return s, "", PriceUnit{}, false
	}
	word := strings.ToLower(strings.NewReplacer(" ", "", ",", "").Replace(s[m[2]:m[3]]))
	for _, key := range []string{word, strings.TrimPrefix(word, "1"), "1" + word} { // 1million, k
		if unit, ok = priceUnits[key]; ok {
			return s[:m[0]], strings.TrimSpace(s[m[0]:]), unit, true
		}
	}
	return s, "", PriceUnit{}, false
}

// unitAfter matches the unit a price may end with: "/M", "/1K", "/MTok",
// " per million", " per 1,000 tokens", "/token".
var unitAfter = regexp.MustCompile(`(?i)\s*(?:/|\bper\b)\s*((?:1\s*)?(?:k|m|thousand|million)|1,?000(?:,?000)?|token)\s*(?:tok|tokens)?\s*$`)
