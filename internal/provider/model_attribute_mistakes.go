package provider

import (
	"cmp"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// attributePaths are the attributes the functions read, each at its path
// (context_length, capabilities.supports_vision).
var attributePaths = sync.OnceValue(func() map[string]string {
	paths := make(map[string]string)
	for _, nested := range nestedObjects {
		for _, name := range nested.attrs {
			paths[name] = nested.name + "." + name
		}
	}
	for _, name := range rootAttributeNames {
		paths[name] = name
	}
	return paths
})

// misspeltError refuses name, at the root of the model o, when it is a near
// miss (catalog.Misnames) of an attribute the functions read there or in a
// nested object, which would go unread: capabilites, retire_at, stauts
// (model_lifecycle.status). lifecycle has its own error, and created is the
// older shape's date; a price in another unit has unitError's.
func misspeltError(o *objectReader, name string) error {
	paths, v := attributePaths(), o.attrs[name]
	if _, read := paths[name]; read || name == "lifecycle" || name == "created" {
		return nil
	}
	names := slices.Collect(maps.Keys(paths))
	if err := unitError(o, name, names, paths); err != nil {
		return err
	}
	// The unreadable-date marks are the provider's, typed by no person: a
	// near name of another type (retires_at_unreadabl = "x") misspells none.
	names = slices.DeleteFunc(names, func(n string) bool { return !mayMisname(v, n) || slices.Contains(unreadableMarks, n) })
	if !catalog.Misnames(name, names) {
		return nil
	}
	meant := catalog.Closest(name, slices.Values(names))
	if len(meant) == 0 {
		return nil
	}
	path := paths[meant[0]]
	if len(unset(o, meant[:1], paths)) == 0 {
		return fmt.Errorf("model has no attribute %s. %s", megallm.Quote(name), strings.TrimSuffix(nearSet([]string{path}), "."))
	}
	effect, written := "it would go unread", path
	nested, attribute, inside := strings.Cut(path, ".")
	if inside {
		written = attribute + " in " + nested + " = { ... }"
	}
	if nested == "model_lifecycle" || slices.Contains(savedLifecycleNames, nested) { // or a saved entry's dates
		effect = "its lifecycle would go unchecked"
	}
	return fmt.Errorf("model has no attribute %s, so %s%s: write it as %s", megallm.Quote(name), effect,
		aside(didYouMean([]string{path})), written)
}

// mayMisname reports whether v, under a name the functions do not read, may
// be under their attribute name misspelt, as its type goes: a list is none,
// a bool only a capability (a newer API's deprecated = false is no
// deprecated_at).
func mayMisname(v tftypes.Value, name string) bool {
	switch {
	case isList(v):
		return false
	case v.Type().Is(tftypes.Bool):
		return modelTypes().capabilities[name] != nil || slices.Contains(capabilityNames, name)
	}
	return true
}

// unitError refuses name, an attribute of o, when it is the price of one of
// names per another number of tokens (catalog.OtherUnit, such as
// input_cost_per_token, or require's max_input_cost_per_token), with the
// price converted; at a model's root, with paths, where to write it, and
// where o has it too, to keep one of the two.
func unitError(o *objectReader, name string, names []string, paths map[string]string) error {
	meant, unit, meantUnit := catalog.OtherUnit(name, names)
	if meant == "" {
		return nil
	}
	v := o.attrs[name]
	name = megallm.Excerpt(name)
	where, in := o.prefix+meant, "" // model.pricing.input_tokens_cost_per_million, require.max_input_cost_per_million
	if path := paths[meant]; path != "" {
		nested, _, _ := strings.Cut(path, ".")
		where, in = o.prefix+path, " in "+nested+" = { ... }"
	}
	if len(unset(o, []string{meant}, paths)) == 0 {
		return fmt.Errorf("%s%s is a price per %s, and %s one per %s. %s", o.prefix, name, unit.Words,
			where, meantUnit.Words, nearSet([]string{cmp.Or(paths[meant], meant)}))
	}
	times := new(big.Float).Quo(new(big.Float).SetInt64(meantUnit.Tokens), new(big.Float).SetInt64(unit.Tokens))
	price := fmt.Sprintf("%s × %s", name, numberText(times))
	var n big.Float
	if v.IsKnown() && !v.IsNull() && v.Type().Is(tftypes.Number) && v.As(&n) == nil {
		price = fmt.Sprintf("%s (%s × %s)", numberText(new(big.Float).Mul(&n, times)), numberText(&n), numberText(times))
	}
	return fmt.Errorf("%s%s is a price per %s, and %s one per %s: write %s = %s%s", o.prefix, name, unit.Words,
		where, meantUnit.Words, meant, price, in)
}

// apiAttributes refuses the attributes of o, a model's capabilities or
// pricing, that misname one of names or older (catalog.Misnames, mayMisname)
// or price another unit (unitError), and ignores the others, a newer API's
// fields (supports_reasoning), as the data sources do.
func apiAttributes(what string, o *objectReader, names []string, older ...string) error {
	for _, name := range slices.Sorted(maps.Keys(o.attrs)) {
		if slices.Contains(names, name) || slices.Contains(older, name) {
			continue
		}
		if err := unitError(o, name, names, nil); err != nil {
			o.keep(err)
			delete(o.attrs, name)
		} else if !catalog.Misnames(name, slices.DeleteFunc(slices.Concat(names, older), func(n string) bool { return !mayMisname(o.attrs[name], n) })) {
			delete(o.attrs, name)
		}
	}
	return onlyAttributes(what, o, names, older...)
}

// The attributes of a model's nested objects: a misspelt name would read as
// a model without the flag, price or date.
var (
	capabilityAttributeNames = slices.Sorted(maps.Keys(modelTypes().capabilities))
	pricingAttributeNames    = slices.Sorted(maps.Keys(modelTypes().pricing))
	lifecycleAttributeNames  = slices.Sorted(maps.Keys(modelTypes().lifecycle))
	// rootAttributeNames are read at a model's root, a saved GET /models entry's dates too.
	rootAttributeNames = append(slices.Sorted(maps.Keys(modelTypes().model)), savedLifecycleNames...)
	// nestedObjects are a model's nested objects, each with its attributes.
	nestedObjects = []struct {
		name  string
		attrs []string
	}{{"capabilities", capabilityAttributeNames}, {"pricing", pricingAttributeNames}, {"model_lifecycle", lifecycleAttributeNames}}
)

// misplaced keeps an error for each attribute at the model's root that
// belongs in one of its nested objects (but for a saved entry's dates and
// successor), where it would go unread: supports_vision = true beside
// capabilities. A currency beside a pricing, or null, has rootCurrency.
func misplaced(o *objectReader) {
	for _, in := range nestedObjects {
		for _, name := range slices.Sorted(maps.Keys(o.attrs)) {
			switch _, hasPricing := o.attrs["pricing"]; {
			case attributePaths()[name] != in.name+"."+name: // not in's, or read at the root too
			case name == "currency" && (hasPricing || o.attrs[name].IsNull()):
				o.keep(rootCurrency(o))
			case o.isMap: // moved into an object, it would not fit the map's type
				o.keep(fmt.Errorf("%w. model is a map, which holds no object: declare %s", misplacedError(name, in.name), declareAny))
			default:
				o.keep(misplacedError(name, in.name))
			}
		}
	}
}

// misplacedError refuses name at a model's root, unread there: one of in's
// attributes, or a saved entry's date beside a model_lifecycle.
func misplacedError(name, in string) error {
	is, orDrop := "an attribute of model."+in+", not of the model", ""
	if slices.Contains(savedLifecycleNames, name) {
		is, orDrop = "read from model."+in+" when the model has one, not from the model", ", or drop one of the two"
	}
	return fmt.Errorf("model.%s is %s, so it would go unread: move it into %s = { ... }%s", name, is, in, orDrop)
}

// rootCurrency refuses a currency at o's root, unread, beside a pricing
// without one. It may be megallm_model's argument beside a pricing that
// merge() replaced, so the fix is to give pricing its currency.
func rootCurrency(o *objectReader) error {
	c, p := o.attrs["currency"], o.attrs["pricing"]
	var prices map[string]tftypes.Value
	readable := p.IsKnown() && !p.IsNull() && p.As(&prices) == nil
	if _, has := prices["currency"]; c.IsNull() || !c.IsKnown() || !readable || has {
		return nil
	}
	written, code, s := "model.currency", "CODE", ""
	if c.As(&s) == nil && megallm.QuotesWhole(s) { // a cut one cannot be copied
		written, code = "model.currency "+megallm.Quote(s), megallm.Quote(s)
	}
	return fmt.Errorf("model.pricing has no currency, so its prices would be read in %q, not in %s: a model's prices are in "+
		"pricing.currency alone (a megallm_model's currency is that of its price bounds). Give pricing its currency: "+
		"pricing = { ..., currency = %s }", catalog.DefaultCurrency, written, code)
}
