package provider

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/big"
	"slices"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

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

// onlyAttributes refuses the attributes of o (named what) not in names nor in
// older (read, not listed), the first catalog.MaxListed each with where it
// belongs (oneLevelOff), or the price per million tokens it gives in another
// unit (unitError), else the names it may mean that o lacks (unset; else nearSet).
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
		if err := unitError(o, name, names, nil); err != nil { // its price, renamed as is, would be misread
			fmt.Fprintf(&msg, "%s. ", strings.TrimSuffix(err.Error(), "."))
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
			o.meant = append(o.meant, meant...)
		}
	}
	if more := len(unknown) - catalog.MaxListed; more > 0 {
		fmt.Fprintf(&msg, "%s has %d more attributes it does not take. ", what, more)
	}
	fmt.Fprintf(&msg, "Its attributes are %s.", catalog.QuoteList(names, "and"))
	return errors.New(msg.String())
}

// oneLevelOff says where name, an attribute of o (at what) not in names,
// belongs when written one level off: in a nested object of names
// (nestedObjects), in the object that holds o (o.outer), or, an object under
// o's own name, in o itself (require = { require = { ... } }); "" when none.
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

// unset are those of names, which advice would name, that o does not have
// (advice to write one it has would have it twice), each at paths[name]
// ("pricing.currency"; the name itself without paths).
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

// listOf is names, read from one string, written as a list, or, where their
// quotes or the list would be cut and could not be copied, what to write.
func listOf(names []string, kind nameKind) string {
	if len(names) <= catalog.MaxListed && !slices.ContainsFunc(names, func(name string) bool { return !megallm.QuotesWhole(name) }) {
		return "[" + quoteFirst(names, len(names), "", nil) + "]"
	}
	if len(names) == 1 {
		return "a list of its one " + kind.name + `: ["..."]`
	}
	return fmt.Sprintf(`a list of its %s, each in quotes of its own: ["...", "...", ...]`, counted(len(names), kind.name))
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// stringElements reads a list, set or tuple of strings of kind, with each
// element's mistake at its index ("" in out for it, and for an element not
// known yet); err when v is no such collection, with example, such a list.
func stringElements(where string, kind nameKind, example string, v tftypes.Value) (out []string, mistakes []error, err error) {
	var elements []tftypes.Value
	if !isList(v) || v.As(&elements) != nil {
		var one string // a list in one string: "gpt-4o", "gpt-4o,gpt-4o-mini", "[gpt-4o]"; "" for no known string
		_ = v.As(&one)
		separator := func(r rune) bool { return strings.ContainsRune(`,[]"'`, r) || unicode.IsSpace(r) }
		if names := strings.FieldsFunc(one, separator); len(names) > 0 && asText(v, false) == "" {
			return nil, nil, fmt.Errorf("%s must be a list of strings, got %s: write it as %s", where, typeName(v), listOf(names, kind))
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
			hint := otherTypeHint(e, tftypes.String)
			if hint == "" && isList(e) { // as ["gpt-4o", var.fallbacks] gives
				hint = ": wrap the list that holds it in flatten(), which puts its elements in its place"
			}
			mistakes[i] = fmt.Errorf("%s[%d] must be a string, got %s%s", where, i, typeName(e), hint)
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

// objectReader reads the attributes of an object or map, keeping every
// mistake, each named by its path (prefix). It skips a value not known yet,
// so that what is known of a partly known value is checked (DESIGN.md).
type objectReader struct {
	prefix string
	attrs  map[string]tftypes.Value
	errs   []error
	// outer are the attribute names of the object that holds o (oneLevelOff);
	// meant those onlyAttributes offered for a near miss (did you mean).
	outer, meant []string
	// isMap is set for a map, which holds no nested object; stringMap for a
	// map of strings, as a map(string) variable makes.
	isMap, stringMap bool
	// currency is that of o's prices ("" for the default), setCurrency a
	// format of how to set another (pricedIn), and currencyUnknown says that
	// the currency set is known only after apply.
	currency, setCurrency string
	currencyUnknown       bool
}

// pricedIn says that o's prices are in currency ("" or no code: the
// default), which setCurrency sets.
func (o *objectReader) pricedIn(currency, setCurrency string) {
	if code, ok := megallm.NormaliseCurrency(currency); ok {
		o.currency = code
	}
	o.setCurrency = setCurrency
}

// newObjectReader reads v, which must be a known, non-null object or map.
// Its attributes are a copy of v's own map, from which apiAttributes deletes.
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

// joinMistakes joins the mistakes that are not nil, one per line
// (joinProblems), those of one it joined before each on its own, so that
// the bound holds for the whole; nil without any.
func joinMistakes(mistakes []error) error {
	var lines mistakeLines
	for _, err := range mistakes {
		var joined mistakeLines
		if errors.As(err, &joined) && joined.Error() == err.Error() { // not in words of its own
			lines = append(lines, joined...)
		} else if err != nil {
			lines = append(lines, err.Error())
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return lines
}

// mistakeLines are mistakes joined by joinMistakes, every one kept; the
// error shows the first catalog.MaxListed.
type mistakeLines []string

func (m mistakeLines) Error() string { return joinProblems(m, "\n") }

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
			otherTypeHint(v, t)))
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

// typeName names a value's Terraform type for an error message, as a person
// writes it after "got": a string, an object, null.
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
	}{{tftypes.String, "a string"}, {tftypes.Bool, "a bool"}, {tftypes.Number, "a number"}, {tftypes.Object{}, "an object"},
		{tftypes.Map{}, "a map"}, {tftypes.List{}, "a list"}, {tftypes.Tuple{}, "a list"}, {tftypes.Set{}, "a set"}} {
		if v.Type().Is(k.t) {
			return k.name
		}
	}
	return v.Type().String()
}
