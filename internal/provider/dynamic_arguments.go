package provider

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"golang.org/x/text/currency"
	"gopkg.in/yaml.v3"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// The dynamic arguments (require, workload, candidates, policy, and the
// functions' model and require) are read by one reader that names each
// mistake by its path, which their validators use too (DESIGN.md).

// readDynamic reads a dynamic argument with read; one not known yet reads as
// nothing, as an attribute not known yet does (attribute).
func readDynamic[T any](ctx context.Context, v types.Dynamic, read func(tftypes.Value) (T, error)) (T, error) {
	value, err := v.ToTerraformValue(ctx)
	if err != nil || !value.IsKnown() {
		var zero T
		return zero, err
	}
	return read(value)
}

// onlyAttributes refuses the attributes of o not in names (nor in older,
// names it also reads but does not list), the first catalog.MaxListed each
// with where it belongs when written one level off (oneLevelOff), else the
// closest name of either, or the names that share most words with it, or
// that have a word of their own it has or misspells, each that o does not
// have (unset; else nearSet); what names o.
func onlyAttributes(what string, o *objectReader, names []string, older ...string) error {
	var unknown []string
	for _, name := range slices.Sorted(maps.Keys(o.attrs)) {
		if !slices.Contains(names, name) && !slices.Contains(older, name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	var msg strings.Builder
	for _, name := range unknown[:min(len(unknown), catalog.MaxListed)] {
		if belongs := oneLevelOff(what, o, names, name); belongs != "" {
			fmt.Fprintf(&msg, "%s has no attribute %s, which %s. ", what, megallm.Quote(name), belongs)
			continue
		}
		closest := catalog.Closest(name, slices.Values(slices.Concat(names, older)))
		if len(closest) > 0 {
			closest = closest[:1]
		} else if closest = catalog.ClosestByWords(name, names); len(closest) == 0 {
			closest = catalog.ClosestByOwnWord(name, names)
		}
		// A name that qualifies one (cached_input_tokens) names another thing.
		closest = slices.DeleteFunc(closest, func(c string) bool { return strings.HasSuffix(name, "_"+c) })
		if meant := unset(o, closest, nil); len(meant) == 0 && len(closest) > 0 {
			fmt.Fprintf(&msg, "%s has no attribute %s. %s ", what, megallm.Quote(name), nearSet(closest))
		} else {
			fmt.Fprintf(&msg, "%s has no attribute %s.%s ", what, megallm.Quote(name), didYouMean(meant))
		}
	}
	if more := len(unknown) - catalog.MaxListed; more > 0 {
		fmt.Fprintf(&msg, "%s has %d more attributes it does not take. ", what, more)
	}
	fmt.Fprintf(&msg, "Its attributes are %s.", catalog.QuoteList(names, "and"))
	return errors.New(msg.String())
}

// oneLevelOff says where name, an attribute of o (at what) not in names,
// belongs when it is written one level off: in the nested object of names
// that has it (nestedObjects: a policy entry's price, in its pricing), in
// the object that holds o (o.outer: a policy entry's reason, not in its
// pricing), or, an object under o's own name, in o itself (require = {
// require = { ... } }); "" when none.
func oneLevelOff(what string, o *objectReader, names []string, name string) string {
	own := what[strings.LastIndex(what, ".")+1:]
	if _, isObject := newObjectReader("", o.attrs[name]); isObject && name == own {
		return fmt.Sprintf("nests %s once too deep: write the attributes it holds in %s = { ... } itself", name, name)
	} else if slices.Contains(o.outer, name) {
		return fmt.Sprintf("belongs beside %s, not in it: move it out of %s = { ... }", own, own)
	}
	for _, in := range nestedObjects {
		switch {
		case !slices.Contains(names, in.name) || !slices.Contains(in.attrs, name):
		case len(unset(o, []string{name}, map[string]string{name: in.name + "." + name})) == 0:
			return fmt.Sprintf("belongs in its %s, which has one too: keep one of the two, in %s", in.name, in.name)
		default:
			return fmt.Sprintf("belongs in its %s: move it into %s = { ... }", in.name, in.name)
		}
	}
	return ""
}

// nearSet says that an attribute is a near miss of these, which the object
// has: a did-you-mean, followed, would write one twice.
func nearSet(set []string) string {
	return "It has " + catalog.QuoteList(set, "and") + ", which that name is close to: keep one of the two, and remove the other."
}

// unset are those of names, attributes that a did-you-mean or a fix would
// name, that o, an object, does not have, each at paths[name]
// ("pricing.currency" for one in its pricing; the name itself without
// paths): one o has, followed, would be written twice.
func unset(o *objectReader, names []string, paths map[string]string) []string {
	return slices.DeleteFunc(slices.Clone(names), func(name string) bool {
		nested, attribute, inside := strings.Cut(cmp.Or(paths[name], name), ".")
		attrs := o.attrs
		if v := attrs[nested]; inside && (!v.IsKnown() || v.IsNull() || v.As(&attrs) != nil) {
			return false
		} else if !inside {
			attribute = nested
		}
		_, set := attrs[attribute]
		return set
	})
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// stringElements reads the elements of a list, set or tuple of strings, none
// null, with each element's mistake at its index ("" in out where there is
// one): a blank one is no name of kind, and the fix is to remove it; err
// when v is no such collection, with example, a list of that kind.
// An element not known yet is "" in out, without a mistake.
func stringElements(where string, kind nameKind, example string, v tftypes.Value) (out []string, mistakes []error, err error) {
	var elements []tftypes.Value
	if !isList(v) || v.As(&elements) != nil {
		var one string // a list in one string: "gpt-4o", "gpt-4o,gpt-4o-mini", "[gpt-4o]"; "" for no known string
		_ = v.As(&one)
		separator := func(r rune) bool { return strings.ContainsRune(`,[]"'`, r) || unicode.IsSpace(r) }
		if names := strings.FieldsFunc(one, separator); len(names) > 0 && asText(v, false) == "" {
			return nil, nil, fmt.Errorf("%s must be a list of strings, got string: write it as [%s]", where,
				quoteFirst(names, catalog.MaxListed, "... (%d more)", nil))
		}
		return nil, nil, fmt.Errorf("%s must be a list of strings such as %s, got %s%s", where, example, typeName(v), asText(v, false))
	}
	out = make([]string, len(elements))
	mistakes = make([]error, len(elements))
	for i, e := range elements {
		var s string
		if !e.IsKnown() { // checked once it is known
			continue
		}
		if e.IsNull() { // as a variable left null puts in a list
			mistakes[i] = fmt.Errorf("%s[%d] is null, which is no %s: %s", where, i, kind.noun, nullElementFix)
			continue
		}
		if !e.Type().Is(tftypes.String) || e.As(&s) != nil {
			mistakes[i] = fmt.Errorf("%s[%d] must be a string, got %s", where, i, typeName(e))
			continue
		}
		if mistakes[i] = blank(fmt.Sprintf("%s[%d]", where, i), s, kind.noun, "remove it"); mistakes[i] == nil {
			out[i] = s
		}
	}
	return out, mistakes, nil
}

// isList reports whether v is a list, set or tuple.
func isList(v tftypes.Value) bool {
	return v.Type().Is(tftypes.List{}) || v.Type().Is(tftypes.Set{}) || v.Type().Is(tftypes.Tuple{})
}

// spaced says that name, written at where, has white space around it, or an
// invisible character anywhere, which no name of this kind (an owner, a model
// id) has, and how to write it; nil when it has none, or is blank, which its
// reader refuses in its own words. Compared exactly, it would match nothing.
func spaced(where, name, kind string) error { return spacedFix(where, name, kind, nil) }

// spacedFix is spaced with fix's advice for the name as it reads
// (cleanName). A name that only the catalog can spell (a model id, type or
// owner) needs it: read as " GPT-4o", it is "gpt-4o" (spelledIn). A nil fix
// writes the name spaced can tell, trimmed with "-" for dashes, when that
// leaves no invisible character; else it is to be retyped.
func spacedFix(where, name, kind string, fix func(clean string) string) error {
	if trimmed := strings.TrimSpace(name); trimmed == "" || trimmed == name && !strings.ContainsFunc(name, invisible) {
		return nil
	}
	hyphens := strings.Map(func(r rune) rune { return cmp.Or(dash(r), r) }, name) // dashes written "-"
	clean := cleanName(hyphens)
	advice := "delete it, or retype the " + kind
	switch fixed := strings.TrimSpace(hyphens); {
	case fix != nil && clean != "":
		advice = fix(clean)
	case !strings.ContainsFunc(fixed, invisible): // else writing it as fixed would keep a character this refuses
		advice = rewrite(nil, nameKind{}, name)(fixed) // name but for white space and dashes: no letter case, so no kind, to advise
	}
	if strings.TrimSpace(name) != name {
		return fmt.Errorf("%s is %s, with white space around it, which no %s has: %s", where, megallm.Quote(name), kind, advice)
	}
	i := strings.IndexFunc(name, invisible)
	r, _ := utf8.DecodeRuneInString(name[i:])
	return fmt.Errorf("%s is %s, with an invisible or look-alike character (%U, its character %d), which no %s "+
		"has: copying through a chat or a document can add one; %s",
		where, megallm.Quote(name), r, utf8.RuneCountInString(name[:i])+1, kind, advice)
}

// cleanName is name as it reads: without white space around it
// or invisible characters, its look-alike dashes written "-".
func cleanName(name string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case dash(r) != 0:
			return '-'
		case unicode.IsSpace(r):
			return ' '
		case invisible(r):
			return -1
		}
		return r
	}, name))
}

// rewrite is the advice to write a name written so as another: "write it
// as" that one, when megallm.Quote shows it whole, else what to change, as a
// cut quote cannot be copied: the white space around it, invisible
// characters, look-alike dashes, a prefix added or left out, the letter case,
// of the catalog's names of kind that a megallm_models data source (lister's)
// lists ("ids", "owners (models[*].owned_by)").
func rewrite(models *catalog.Catalog, kind nameKind, written string) func(as string) string {
	return func(as string) string {
		if megallm.QuotesWhole(as) {
			return "write it as " + megallm.Quote(as)
		}
		var changes []string
		trimmed := strings.TrimSpace(written)
		if trimmed != written {
			changes = append(changes, "delete the white space around it")
		}
		if strings.ContainsFunc(trimmed, func(r rune) bool { return invisible(r) && dash(r) == 0 }) {
			changes = append(changes, "delete its invisible characters")
		}
		if strings.ContainsFunc(trimmed, func(r rune) bool { return dash(r) != 0 }) {
			changes = append(changes, `write its look-alike dashes as "-"`)
		}
		clean, as := cleanName(written), cleanName(as) // as is clean, but for white space within it
		if prefix, added := (catalog.MisnamedID{ID: clean, CatalogID: as}).Prefix(); prefix != "" {
			changes = append(changes, "write it"+strings.TrimPrefix(misnamedWhy(prefix, added), ","))
			if added {
				clean = clean[len(prefix):]
			} else {
				clean = as[:len(prefix)] + clean
			}
		}
		switch { // by what each change gives, as "ſ" lower-cased is no "s", nor "k" upper-cased a Kelvin sign
		case clean == as:
		case strings.ToLower(clean) == as:
			changes = append(changes, "write it in lower case")
		case strings.ToUpper(clean) == as:
			changes = append(changes, "write it in upper case")
		default:
			source, _ := lister(models, kind, as)
			if kind.field != kind.plural { // a field of the models it lists
				source = "(" + kind.field + ") " + source
			}
			changes = append(changes, "write it in the letter case of the catalog, whose "+kind.plural+" "+source+" lists")
		}
		return strings.Join(changes, ", and ")
	}
}

// spelledIn is spacedFix's fix from the catalog, for a name (of kind) read
// as clean: write's for how the catalog writes it (spelling, "" when it has
// none; rewrite, most often), else that the catalog lacks clean too, with
// meant's words for what it may have meant (a didYouMean, meantWords or
// catalogHas).
func spelledIn(kind string, spelling, meant, write func(clean string) string) func(clean string) string {
	return func(clean string) string {
		if s := spelling(clean); s != "" {
			return write(s)
		}
		return fmt.Sprintf("the catalog has no %s %s either.%s", kind, megallm.Quote(clean), meant(clean))
	}
}

// unspelled is spacedFix for a name of kind before the catalog is read, which
// alone can spell it: the trimmed name may be in another letter case.
func unspelled(where, name string, kind nameKind) error {
	return spacedFix(where, name, kind.noun, func(string) string { return "write the " + kind.noun + " as the catalog does" })
}

// invisible reports whether r is a character a name never has but copied
// text often does: a format character (zero-width space, soft hyphen, byte-
// order mark), a non-breaking space, or a dash other than "-" (dash).
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || r == '\u00a0' || r == '\u2007' || r == '\u202f' || dash(r) != 0
}

// dash is '-' for a character that a document or a PDF writes in its place
// (a non-breaking hyphen, an en dash, a minus sign), else 0.
func dash(r rune) rune {
	if r != '-' && (unicode.Is(unicode.Pd, r) || r == '\u2212') {
		return '-'
	}
	return 0
}

// nameValidator refuses a name of kind that is blank, saying blankFix, or has
// white space around it. For an element of a set, whose path shows its value,
// set names the set and noun the element. White space around it is refused
// here only next to a value not known yet, which may leave the read to apply
// (DESIGN.md); else the read refuses it, with the catalog's spelling.
func nameValidator(set, noun string, kind nameKind, blankFix string) argumentCheck {
	name := func(name string) string {
		if set != "" {
			return noun + " of " + set
		}
		return name
	}
	check := argumentCheck{describes: cmp.Or(noun, "a "+kind.noun) + ", not blank, without white space around it", str: func(at, value string) string {
		return sentence(blank(name(at), value, kind.noun, blankFix))
	}, strPartial: func(at, value string) string {
		return sentence(cmp.Or(blank(name(at), value, kind.noun, blankFix), unspelled(name(at), value, kind)))
	}}
	if set != "" {
		check.summary = "Invalid " + set
	}
	return check
}

// blank says that value, written at name, is blank, so no kind, and what to
// do (fix); nil when it is not blank.
func blank(name, value, kind, fix string) error {
	if strings.TrimSpace(value) != "" {
		return nil
	}
	return fmt.Errorf("%s is %s, which is no %s: %s", name, megallm.Quote(value), kind, fix)
}

// objectReader reads the attributes of an object or map, keeping every
// mistake, each naming the attribute by its path (prefix). It skips a value
// not known yet, so that a value only partly known has what is known checked:
// a data source's validator passes the rest, and a function that has such an
// argument returns an unknown result (argumentsKnown); a data source reads,
// and a provider configures, only once every value is known.
type objectReader struct {
	prefix string
	attrs  map[string]tftypes.Value
	errs   []error
	// outer are the attribute names of the object that holds o, where it
	// has them checked (oneLevelOff).
	outer []string
	// isMap is set for a map, whose values share one type: beside strings,
	// no nested object. stringMap is set for a map of strings, as a
	// map(string) variable makes.
	isMap, stringMap bool
	// currency is the currency the prices o reads are in, where one is set
	// ("" for the default), and setCurrency how to set another: a format of
	// its code, `set currency = %q` when empty (pricedIn); currencyUnknown
	// says that the currency set is known only after apply.
	currency, setCurrency string
	currencyUnknown       bool
}

// pricedIn says that o's prices are in currency, as written ("" or a code
// that is none: the default), which setCurrency sets (see objectReader).
func (o *objectReader) pricedIn(currency, setCurrency string) {
	if code, ok := megallm.NormaliseCurrency(currency); ok {
		o.currency = code
	}
	o.setCurrency = setCurrency
}

// newObjectReader reads v, which must be a known, non-null object or map.
// Its attributes are a copy: As gives v's own map, from which a reader that
// sets an attribute aside (apiAttributes) would delete it for every later
// read of v too.
func newObjectReader(prefix string, v tftypes.Value) (*objectReader, bool) {
	isObject := v.Type().Is(tftypes.Object{}) || v.Type().Is(tftypes.Map{})
	var attrs map[string]tftypes.Value
	if !v.IsKnown() || v.IsNull() || !isObject || v.As(&attrs) != nil {
		return nil, false
	}
	return &objectReader{prefix: prefix, attrs: maps.Clone(attrs), isMap: v.Type().Is(tftypes.Map{}),
		stringMap: v.Type().Is(tftypes.Map{ElementType: tftypes.String})}, true
}

// readObject reads v, written at where, which must be a known, non-null
// object or map, such as example.
func readObject(where, example string, v tftypes.Value) (*objectReader, error) {
	if o, ok := newObjectReader(where+".", v); ok {
		return o, nil
	}
	return nil, fmt.Errorf("%s must be an object such as %s, got %s%s", where, example, typeName(v), asText(v, true))
}

func (o *objectReader) keep(err error) {
	if err != nil {
		o.errs = append(o.errs, err)
	}
}

// has reports whether f holds for an attribute of o.
func (o *objectReader) has(f func(name string, v tftypes.Value) bool) bool {
	for name, v := range o.attrs {
		if f(name, v) {
			return true
		}
	}
	return false
}

// err is every mistake kept, one per line; nil without any.
func (o *objectReader) err() error { return joinMistakes(o.errs) }

// joinMistakes joins the mistakes that are not nil, one per line, as
// joinProblems does; nil without any.
func joinMistakes(mistakes []error) error {
	var lines []string
	for _, err := range mistakes {
		if err != nil {
			lines = append(lines, err.Error())
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return errors.New(joinProblems(lines, "\n"))
}

// numberForBoolHint says which bool to write for a number where a bool is
// wanted: 1 and 0 as true and false, as C and JSON-minded writers mean them.
func numberForBoolHint(v tftypes.Value, want tftypes.Type) string {
	var n big.Float
	if !want.Is(tftypes.Bool) || v.As(&n) != nil {
		return ""
	}
	switch {
	case n.Cmp(big.NewFloat(1)) == 0:
		return " 1: write true, without quotes"
	case n.Sign() == 0:
		return " 0: write false, without quotes"
	}
	return " " + numberText(&n) + ": write true or false, without quotes"
}

// quotedHint explains a string where a bool or number is wanted: when the
// string holds one, the fix is to write it without quotes (and without a
// currency sign, nor, for the price per million named, "/M"), or, when a
// map(string) type made it a string, to declare another type; else to write
// a bool or number. A number that rule refuses gets rule's error too, so that
// the fix is whole. A string too long to repeat unquoted is quoted, cut,
// with the fix that needs no repeating, or the rule's error.
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
	if i := perMillion.FindStringIndex(s); i != nil && strings.HasSuffix(name, "_per_million") {
		bare, unit = s[:i[0]], strings.TrimSpace(s[i[0]:])
	}
	bare, sign := withoutCurrency(bare)
	if rule != nil && rule(big.NewFloat(0.5)) != nil { // a count, which no currency goes with: "5 EUR" is no number of tokens
		bare, sign = s, ""
	}
	n, alt, short := shorthandNumber(bare)
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
	refused := ""
	if err := refusal(n); err != nil {
		refused = notEither(" "+n, err)
	}
	if alt != "" && refusal(alt) == nil { // a reading the attribute takes too: ask, do not guess
		n += fmt.Sprintf(" (or %s, if its comma is a decimal comma)", alt)
	}
	without := "without quotes"
	switch {
	case sign != "" && unit != "":
		without += ", " + megallm.Quote(sign) + " or " + megallm.Quote(unit)
	case sign+unit != "":
		without += " or " + megallm.Quote(sign+unit)
	}
	// Without the sign of another currency, the number would be read in the
	// default one: say which to set.
	without += o.currencyHint(sign)
	switch {
	case refused != "" && !o.stringMap:
		return " " + megallm.Quote(s) + refused
	case short && !o.stringMap:
		return fmt.Sprintf(" %s: write it as the number %s, %s", megallm.Quote(s), n, without)
	case !o.stringMap:
		return fmt.Sprintf(" %s: write it without quotes, as %s, or, where a variable's type made it a string, type it %s",
			megallm.Quote(s), written, kind)
	}
	fix := refused // a number as people write it stays a string in any map(string)
	if short && refused == "" {
		fix = fmt.Sprintf(", and write it as the number %s", n)
	}
	return o.mapHint(s, fix)
}

// currencyHint says which currency to set for a price written with sign, ""
// when o reads its prices in the currency sign stands for (one of them, for
// "¥") already, or in a currency not known yet, or sign names none.
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
	return fmt.Sprintf(", and currency is %q, which reads it in %s: %s instead, or convert the price to %s",
		o.currency, o.currency, set, o.currency)
}

// mapHint says that s is a string because o is a map of strings, which
// declaring the variable's type fixes (map(any) makes one of mixed values
// too, as tomap() does), then fix.
func (o *objectReader) mapHint(s, fix string) string {
	return fmt.Sprintf(" %s: %s is a map of strings, in which true is \"true\" and 128000 is \"128000\". Declare %s%s",
		megallm.Quote(s), strings.TrimSuffix(o.prefix, "."), declareAny, fix)
}

// declareAny is how to pass an object where a map type or tomap() made a
// map: a map's values share one type.
const declareAny = "the variable it comes from as type = any, not map(string) or map(any) (drop any tomap() around the object)"

// currencySigns are the signs and names a price or currency may be written
// with instead of its ISO 4217 code, each with that code, or the codes, by
// spaces, of one that stands for several ("¥" is yen or yuan); longer first,
// as withoutCurrency cuts the first that fits.
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

// perMillion matches the unit a price per million tokens may end with:
// "/M", "/1M", " per million", "/MTok", " per million tokens".
var perMillion = regexp.MustCompile(`(?i)\s*(/|\bper\b)\s*(1\s*)?(m|million)\s*(tok|tokens)?\s*$`)

// codeAround matches a number with a three-letter code before or after it,
// apart or glued: "EUR 2,50", "USD2.50", "2.50eur".
var codeAround = regexp.MustCompile(`^(?:([A-Za-z]{3})\s*([^A-Za-z\s]\S*)|(\S*[^A-Za-z\s])\s*([A-Za-z]{3}))$`)

// withoutCurrency is s without the currency sign, name or ISO 4217 code a
// price may be written with ("$2.50", "2.50 €", "EUR 2,50", "2,50eur",
// "3 euros"), and that sign as written; s and "" when it has none. A code
// before the number counts in upper case, or in any case for a currency
// of currencySigns ("usd 3", "Eur3"): "top 3" and "all5" are words, not the
// codes TOP and ALL, and "per 3" has none.
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

// shorthand matches a number as people write it: 128k, 1.5M, 128,000, 1_000,
// and 2,50 with a decimal comma (one or two digits after it).
var shorthand = regexp.MustCompile(`^\s*(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+|,\d{1,2})?\s*([kKmM]?)\s*$`)

// shorthandNumber is s, written as people write numbers (shorthand), as
// Terraform writes it: "128k" is 128000; false for anything else. alt is
// its reading with a decimal comma when s has one comma, before three
// digits ("1,500" is 1.5 in much of Europe), else "". "0,500" is 0.5 alone.
func shorthandNumber(s string) (n, alt string, ok bool) {
	m := shorthand.FindStringSubmatch(s)
	if m == nil || strings.ContainsAny(m[1], ",_") && strings.HasPrefix(m[2], ",") { // 1,000,5 is no number
		return "", "", false
	}
	scale := new(big.Rat).SetInt64(map[string]int64{"": 1, "k": 1e3, "m": 1e6}[strings.ToLower(m[3])])
	scaled := func(number string) string {
		r, _ := new(big.Rat).SetString(number) // digits and at most one point, as shorthand matched them
		if r.Mul(r, scale); r.IsInt() {
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

func (o *objectReader) string(name string) *string {
	return attribute[string](o, name, tftypes.String, "a string", nil)
}

func (o *objectReader) bool(name string) *bool {
	return attribute[bool](o, name, tftypes.Bool, "a bool", nil)
}

// attribute reads the named attribute of o, of type t (wantName in errors);
// nil when it is absent, null or not known yet. rule, if any, is a number
// attribute's own, for a number written in quotes (numberBy).
func attribute[T any](o *objectReader, name string, t tftypes.Type, wantName string, rule func(*big.Float) error) *T {
	v, ok := o.attrs[name]
	if !ok || v.IsNull() || !v.IsKnown() {
		return nil
	}
	if !v.Type().Is(t) {
		o.keep(fmt.Errorf("%s%s must be %s, got %s%s%s", o.prefix, name, wantName, typeName(v), o.quotedHint(name, v, t, rule),
			numberForBoolHint(v, t)))
		return nil
	}
	var x T
	o.keep(v.As(&x))
	return &x
}

// int64 reads a count: a whole number, 0 or more.
func (o *objectReader) int64(name string) *int64 {
	return numberBy(o, name, func(name string, n *big.Float) (int64, error) {
		return wholeNumber(name, n, 0, math.MaxInt64)
	})
}

// numberBy reads a number attribute of o by rule; a number written in
// quotes is checked by it too, its error naming the attribute alone.
func numberBy[T any](o *objectReader, name string, rule func(name string, n *big.Float) (T, error)) *T {
	n := attribute[big.Float](o, name, tftypes.Number, "a number", func(n *big.Float) error {
		_, err := rule(name, n)
		return err
	})
	if n == nil {
		return nil
	}
	v, err := rule(o.prefix+name, n)
	if err != nil {
		o.keep(err)
		return nil
	}
	return &v
}

// object reads the named attribute of o, an object such as example.
func (o *objectReader) object(name, example string) *objectReader {
	v, ok := o.attrs[name]
	if !ok || v.IsNull() || !v.IsKnown() {
		return nil
	}
	child, err := readObject(o.prefix+name, example, v)
	o.keep(err)
	return child
}

// asText explains a string that holds a list or an object written as text
// ("[\"gpt-4o\"]"), as file() reads one and -var and TF_VAR_ give one to a
// variable declared without a type, or, where an object is wanted, its
// attributes without braces ("supports_vision = true"), or either in a YAML
// file's lines (asYAML); "" for any other value, such as an id or prose in
// brackets ("[beta] gpt-4o"), which no fix would read.
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
	if !json.Valid([]byte(s)) { // {supports_vision=true}, as -var takes HCL
		how = "as -var or TF_VAR_ pass it to a variable declared without a type: declare the variable with type = any " +
			"(it is not JSON, which jsondecode() reads)"
	}
	return fmt.Sprintf(" %s, a value written as text, %s", megallm.Quote(s), how)
}

// asYAML explains a YAML file's text, as file() reads one: lines that hold a
// mapping where an object is wanted, or a sequence where a list is; "" for
// other text.
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

// asAttributes explains text that holds attributes, name = value lines that
// need no variable or function, where an object is wanted: in braces, as
// written, when the text is short; "" for other text.
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

// typeName names a value's Terraform type for an error message.
func typeName(v tftypes.Value) string {
	switch {
	case !v.IsKnown():
		return "an unknown value"
	case v.IsNull():
		return "null"
	}
	for _, k := range []struct {
		t    tftypes.Type
		name string
	}{{tftypes.String, "string"}, {tftypes.Bool, "bool"}, {tftypes.Number, "number"}, {tftypes.Object{}, "object"},
		{tftypes.Map{}, "map"}, {tftypes.List{}, "list"}, {tftypes.Tuple{}, "list"}, {tftypes.Set{}, "set"}} {
		if v.Type().Is(k.t) {
			return k.name
		}
	}
	return v.Type().String()
}
