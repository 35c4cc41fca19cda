package provider

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"golang.org/x/text/currency"
	"gopkg.in/yaml.v3"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// otherTypeHint says what to write for v where a value of type want goes:
// which bool for a number (1 is true), which no quotes are around, or a
// list's one value alone.
func otherTypeHint(v tftypes.Value, want tftypes.Type) string {
	var n big.Float
	var elements []tftypes.Value
	switch {
	case isList(v) && v.As(&elements) == nil && len(elements) == 1 && elements[0].Type().Is(want) && !elements[0].IsNull():
		return ": write its one value alone, not in a list"
	case !want.Is(tftypes.Bool) || v.As(&n) != nil:
		return ""
	case n.Cmp(big.NewFloat(1)) == 0:
		return " 1: write true, the bool it means"
	case n.Sign() == 0:
		return " 0: write false, the bool it means"
	}
	return " " + numberText(&n) + ", which is no bool: write true or false"
}

// quotedHint explains a string where a bool or number is wanted: to write it
// without quotes (nor a currency sign or "/M"), or, for a map(string), to
// declare another type; else to write a bool or number. A number that rule
// refuses gets rule's error too, so that the fix is whole.
func (o *objectReader) quotedHint(name string, v tftypes.Value, want tftypes.Type, rule func(*big.Float) error) string {
	var s string
	if v.As(&s) != nil {
		return ""
	}
	kind, literal := "number", "a number"
	if want.Is(tftypes.Bool) {
		kind, literal = "bool", "true or false"
	}
	noneOfKind := func() string {
		if o.stringMap {
			return o.mapHint(s, ", and write "+literal)
		}
		return fmt.Sprintf(" %s, which is no %s: write %s, without quotes", megallm.Quote(s), kind, literal)
	}
	refusal := func(n string) error { // the rule's error for the number n
		if f, _, err := big.ParseFloat(n, 10, 512, big.ToNearestEven); rule != nil && err == nil {
			return rule(f)
		}
		return nil
	}
	// what follows the quoted value where the rule refuses the number too
	notEither := func(number string, err error) string {
		return fmt.Sprintf(", and the number%s would not do either: %s", number, err)
	}
	if !megallm.QuotesWhole(s) { // a hint repeats the number unquoted, which only a whole quote shows
		if want.Is(tftypes.Number) && numberLiteral.MatchString(s) && !o.stringMap {
			if err := refusal(s); err != nil {
				return " " + megallm.Quote(s) + notEither("", err)
			}
			return " " + megallm.Quote(s) + ": write it without quotes"
		}
		return noneOfKind()
	}
	bare, unit := s, ""
	nameUnit, price := catalog.NamedPriceUnit(name)
	var times *big.Rat // what a price per another unit is multiplied by, to be one per nameUnit
	if before, written, valueUnit, ok := catalog.PriceUnitAfter(s); ok && price {
		bare, unit = before, written
		if valueUnit.Tokens != nameUnit.Tokens {
			times = big.NewRat(nameUnit.Tokens, valueUnit.Tokens)
		}
	}
	bare, sign := withoutCurrency(bare)
	if !strings.Contains(name, "cost") { // a count, which no currency goes with: "5 EUR" is no number of tokens
		bare, sign = s, ""
	}
	n, alt, short := shorthandNumber(bare, !price)
	short = short && want.Is(tftypes.Number) && !numberLiteral.MatchString(s)
	written := s // the value to write without quotes
	if b := strings.ToLower(strings.TrimSpace(s)); want.Is(tftypes.Bool) && (b == "true" || b == "false") {
		written = b // "True", or "true\n" from file(), as a person reads it
	}
	if !short && ((want.Is(tftypes.Bool) && written != "true" && written != "false") || (want.Is(tftypes.Number) && !numberLiteral.MatchString(s))) {
		return noneOfKind()
	}
	if !short {
		n, alt = s, ""
	}
	shown := n // the number to write, with how it was converted
	if short && times != nil {
		n, alt = timesText(n, times), timesText(alt, times)
		shown = fmt.Sprintf("%s (%s × %s, as %s is one per %s)", n, shown, timesText("1", times), name, nameUnit.Words)
	}
	refused := ""
	if err := refusal(n); err != nil {
		refused = notEither(" "+n, err)
	}
	if alt != "" && refusal(alt) == nil { // a reading the attribute takes too: ask, do not guess
		shown += fmt.Sprintf(" (or %s, if its comma is a decimal comma)", alt)
	}
	without := "without quotes"
	switch {
	case sign != "" && unit != "":
		without += ", " + megallm.Quote(sign) + " or " + megallm.Quote(unit)
	case sign+unit != "":
		without += " or " + megallm.Quote(sign+unit)
	}
	without += o.currencyHint(sign)
	switch {
	case refused != "" && !o.stringMap:
		return " " + megallm.Quote(s) + refused
	case short && !o.stringMap:
		return fmt.Sprintf(" %s: write it as the number %s, %s", megallm.Quote(s), shown, without)
	case !o.stringMap:
		return fmt.Sprintf(" %s: write it without quotes, as %s, or, where a variable's type made it a string, type it %s",
			megallm.Quote(s), written, kind)
	}
	fix := refused // a number as people write it stays a string in any map(string)
	if short && refused == "" {
		fix = fmt.Sprintf(", and write it as the number %s", shown)
	}
	return o.mapHint(s, fix)
}

// currencyHint says which currency to set for a price written with sign, or
// to convert the price; "" when o reads prices in it already, or in a
// currency not known yet, or sign names none.
func (o *objectReader) currencyHint(sign string) string {
	codes := currencyCodes(sign)
	sets := make([]string, len(codes))
	for i, code := range codes {
		sets[i] = fmt.Sprintf(cmp.Or(o.setCurrency, "set currency = %q"), code)
	}
	set := strings.Join(sets, " or ")
	if len(codes) > 1 { // the number alone would be read in USD: the fix is one of them
		set += fmt.Sprintf(" (whichever %s stands for)", megallm.Quote(sign))
	}
	switch {
	case len(codes) == 0 || o.currencyUnknown || slices.Contains(codes, cmp.Or(o.currency, catalog.DefaultCurrency)):
		return ""
	case o.currency == "":
		return fmt.Sprintf(", and, as a price is read in %q unless currency says otherwise, %s", catalog.DefaultCurrency, set)
	}
	reads := fmt.Sprintf("which reads it in %s: %s instead, or convert the price to %[1]s", o.currency, set)
	if _, err := currency.ParseISO(o.currency); err != nil { // a typo ("UDS"): no price is in it
		reads = "which is no ISO 4217 code: " + set + " instead"
	}
	return fmt.Sprintf(", and currency is %q, %s", o.currency, reads)
}

// mapHint says that s is a string because o is a map of strings, which
// declaring the variable's type fixes, then fix.
func (o *objectReader) mapHint(s, fix string) string {
	return fmt.Sprintf(" %s: %s is a map of strings, in which true is \"true\" and 128000 is \"128000\". Declare %s%s",
		megallm.Quote(s), strings.TrimSuffix(o.prefix, "."), declareAny, fix)
}

// declareAny is how to pass an object where a map type or tomap() made a
// map: a map's values share one type.
const declareAny = "the variable it comes from as type = any, not map(string) or map(any) (drop any tomap() around the object)"

// currencySigns are the signs and names a currency may be written with, each
// with its ISO 4217 codes ("¥" is yen or yuan); longer first, as
// withoutCurrency cuts the first that fits.
var currencySigns = []struct{ sign, code string }{
	{"US dollars", "USD"}, {"US dollar", "USD"}, {"US$", "USD"}, {"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY CNY"}, {"dollars", "USD"}, {"dollar", "USD"},
	{"euros", "EUR"}, {"euro", "EUR"}, {"pounds", "GBP"}, {"pound", "GBP"}, {"yen", "JPY"}, {"yuan", "CNY"},
}

// currencyCodes are the ISO 4217 codes that sign (of currencySigns, or a
// code, in any case) may stand for; none for none.
func currencyCodes(sign string) []string {
	sign = strings.TrimSpace(sign)
	for _, c := range currencySigns {
		if strings.EqualFold(sign, c.sign) {
			return strings.Fields(c.code)
		}
	}
	if _, err := currency.ParseISO(sign); err == nil {
		return []string{strings.ToUpper(sign)}
	}
	return nil
}

// hasSign reports whether code, in any case, is the code of a sign in
// currencySigns: a currency common enough to be written in lower case.
func hasSign(code string) bool {
	return slices.ContainsFunc(currencySigns, func(c struct{ sign, code string }) bool { return strings.EqualFold(c.code, code) })
}

// timesText is the decimal number n times by, as numberText writes it; ""
// for "".
func timesText(n string, by *big.Rat) string {
	r, ok := new(big.Rat).SetString(n)
	if !ok {
		return ""
	}
	return numberText(new(big.Float).SetPrec(512).SetRat(r.Mul(r, by)))
}

// codeAround matches a number with a three-letter code before or after it,
// apart or glued: "EUR 2,50", "USD2.50", "2.50eur".
var codeAround = regexp.MustCompile(`^(?:([A-Za-z]{3})\s*([^A-Za-z\s]\S*)|(\S*[^A-Za-z\s])\s*([A-Za-z]{3}))$`)

// withoutCurrency is s without the currency sign, name or ISO 4217 code a
// price may be written with ("$2.50", "EUR 2,50", "3 euros"), and that sign;
// s and "" when it has none. A code before the number counts in upper case,
// or of currencySigns ("usd 3"): "top 3" is no price in TOP.
func withoutCurrency(s string) (bare, sign string) {
	t := strings.TrimSpace(s)
	for _, c := range currencySigns {
		n := len(c.sign)
		switch {
		case n > len(t):
		case strings.EqualFold(t[:n], c.sign):
			return t[n:], t[:n]
		case strings.EqualFold(t[len(t)-n:], c.sign):
			return t[:len(t)-n], t[len(t)-n:]
		}
	}
	if m := codeAround.FindStringSubmatch(t); m != nil {
		before, code, bare := m[1] != "", m[1]+m[4], m[2]+m[3]
		if _, err := currency.ParseISO(code); err == nil && (!before || code == strings.ToUpper(code) || hasSign(code)) {
			return bare, code
		}
	}
	return s, ""
}

// numberLiteral matches a number as Terraform and JSON write it.
var numberLiteral = regexp.MustCompile(`^-?\d+(\.\d+)?([eE][+-]?\d+)?$`)

// shorthand matches a number as people write it: 128k, 1.5M, 3B, 128,000,
// 1_000, and 2,50 with a decimal comma (one or two digits after it), with
// any letter after it, which must be one of scales.
var shorthand = regexp.MustCompile(`^\s*(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+|,\d{1,2})?\s*([A-Za-z]?)\s*$`)

// scales are the letters people write after a number, in either case, and
// what each multiplies it by: thousand, million, billion (B, or G as in giga).
var scales = map[string]int64{"": 1, "k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9}

// shorthandNumber is s, a number as people write it (shorthand), as
// Terraform writes it: "128k" is 128000. alt is its reading with a decimal
// comma for one comma before three digits ("1,500"), else "". A scale letter
// is read only if scale: a price per million's "2.5M" is 2.5, not 2500000.
func shorthandNumber(s string, scale bool) (n, alt string, ok bool) {
	m := shorthand.FindStringSubmatch(s)
	if m == nil || strings.ContainsAny(m[1], ",_") && strings.HasPrefix(m[2], ",") { // 1,000,5 is no number
		return "", "", false
	}
	factor, known := scales[strings.ToLower(m[3])]
	if !known || factor != 1 && !scale {
		return "", "", false
	}
	by := new(big.Rat).SetInt64(factor)
	scaled := func(number string) string {
		r, _ := new(big.Rat).SetString(number) // digits and at most one point, as shorthand matched them
		if r.Mul(r, by); r.IsInt() {
			return r.Num().String()
		}
		return strings.TrimRight(r.FloatString(len(number)), "0")
	}
	if whole, fraction, found := strings.Cut(m[1], ","); found && m[2] == "" && !strings.ContainsAny(fraction, ",_") {
		if strings.HasPrefix(whole, "0") { // no thousands: "0,500" is 0.5
			return scaled(whole + "." + fraction), "", true
		}
		alt = scaled(whole + "." + fraction)
	}
	return scaled(strings.NewReplacer(",", "", "_", "").Replace(m[1]) + strings.Replace(m[2], ",", ".", 1)), alt, true
}

// asText explains a string that holds a list or an object written as text
// ("[\"gpt-4o\"]"), as file() and -var give one, or attributes without braces
// (asAttributes), or YAML (asYAML); "" for other text ("[beta] gpt-4o").
func asText(v tftypes.Value, object bool) string {
	var s string
	if !v.Type().Is(tftypes.String) || !v.IsKnown() || v.As(&s) != nil {
		return ""
	}
	if s = strings.TrimSpace(s); !strings.HasPrefix(s, "[") && !strings.HasPrefix(s, "{") {
		if object {
			return cmp.Or(asAttributes(s), asYAML(s, true))
		}
		return asYAML(s, false)
	}
	// A value as -var reads it for type = any: HCL (JSON too) that needs no
	// variable or function to evaluate.
	if e, diags := hclsyntax.ParseExpression([]byte(s), "", hcl.InitialPos); diags.HasErrors() {
		return ""
	} else if _, diags := e.Value(nil); diags.HasErrors() {
		return ""
	}
	how := "as file() reads it and -var or TF_VAR_ pass it to a variable declared without a type: decode it with " +
		"jsondecode(), or declare the variable with type = any"
	if !json.Valid([]byte(s)) { // {supports_vision=true}, as -var takes HCL, or in quotes in the configuration
		how = "as -var or TF_VAR_ pass it to a variable declared without a type: declare the variable with type = any " +
			"(it is not JSON, which jsondecode() reads), or, where the configuration writes it in quotes, delete them"
	}
	return fmt.Sprintf(" %s, a value written as text, %s", megallm.Quote(s), how)
}

// asYAML explains YAML text of a mapping where an object is wanted, or of a
// sequence where a list is; "" for other text.
func asYAML(s string, object bool) string {
	var doc any
	if !strings.Contains(s, "\n") || yaml.Unmarshal([]byte(s), &doc) != nil {
		return ""
	}
	_, isMap := doc.(map[string]any)
	if _, isList := doc.([]any); object && !isMap || !object && !isList {
		return ""
	}
	return fmt.Sprintf(" %s, YAML written as text, as file() reads it: decode it with yamldecode()", megallm.Quote(s))
}

// asAttributes explains text of name = value lines, where an object is
// wanted; "" for other text.
func asAttributes(s string) string {
	file, diags := hclsyntax.ParseConfig([]byte(s), "", hcl.InitialPos)
	body, _ := file.Body.(*hclsyntax.Body)
	if diags.HasErrors() || body == nil || len(body.Blocks) > 0 || len(body.Attributes) == 0 {
		return ""
	}
	var attrs []string
	for _, a := range slices.SortedFunc(maps.Values(body.Attributes), func(a, b *hclsyntax.Attribute) int {
		return a.SrcRange.Start.Byte - b.SrcRange.Start.Byte
	}) {
		if _, diags := a.Expr.Value(nil); diags.HasErrors() {
			return ""
		}
		attrs = append(attrs, s[a.SrcRange.Start.Byte:a.SrcRange.End.Byte])
	}
	object := "in braces, { ... }"
	if megallm.QuotesWhole(s) { // the object repeats the text unquoted, which only a whole quote shows
		object = "{ " + strings.Join(attrs, ", ") + " }"
	}
	return fmt.Sprintf(" %s, attributes written as text: write them as an object, without quotes, %s", megallm.Quote(s), object)
}
