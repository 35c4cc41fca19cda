package provider

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// readModel reads a model object and the lifecycle it states (catalog.Stated),
// from its model_lifecycle, else from a saved entry's dates at its root.
// Unknown attributes at its root are ignored, but an object with none of a
// model's, or with the models of megallm_models, is no model.
func readModel(v tftypes.Value) (*megallm.Model, catalog.Lifecycle, error) {
	const wanted = "model must be a model object, such as data.megallm_model.NAME or an element of " +
		"data.megallm_models.NAME.models, got "
	o, ok := newObjectReader("model.", v)
	var id string
	switch {
	case !ok && knownID(v, &id):
		return nil, catalog.Lifecycle{}, fmt.Errorf("%s%s %s, a model id: %s", wanted, typeName(v), megallm.Quote(id), lookUp(id))
	case !ok && (v.Type().Is(tftypes.List{}) || v.Type().Is(tftypes.Tuple{})):
		return nil, catalog.Lifecycle{}, errors.New(wanted + typeName(v) + ": pass one of its models, such as " +
			"data.megallm_models.NAME.models[0], or call the function for each, in a for expression")
	case !ok:
		return nil, catalog.Lifecycle{}, errors.New(wanted + typeName(v))
	}
	if _, isList := o.attrs["models"]; isList { // a model has no models: this is the list's data source
		return nil, catalog.Lifecycle{}, errors.New(wanted + "a megallm_models data source. Pass one of its models, such as " +
			"data.megallm_models.NAME.models[0]")
	}
	misplaced(o) // first: { input_tokens_cost_per_million = 1 } is a model whose price belongs in pricing
	// Misspellings are looked for in a model only: { name = "gpt-4o" } meant
	// an id, and is told that it has none of a model's attributes.
	isModel := o.has(func(name string, _ tftypes.Value) bool { return modelTypes().model[name] != nil })
	for _, name := range slices.Sorted(maps.Keys(o.attrs)) {
		if meant := unset(o, catalog.Miscased(name, rootAttributeNames), nil); len(meant) > 0 { // a Model_Lifecycle would go unchecked
			o.keep(fmt.Errorf("model has no attribute %s, so it would go unread.%s Attribute names are case-sensitive",
				megallm.Quote(name), didYouMean(meant)))
		} else if isModel {
			o.keep(misspeltError(o, name)) // a capabilites would leave the model without capabilities
		}
	}
	if o.err() == nil && !isModel {
		got := "an object with none of its attributes, such as id, capabilities or pricing"
		if data, ok := o.attrs["data"]; ok && isList(data) { // GET /models' answer: { object = "list", data = [...] }
			got = savedAnswer + ". Pass one of its entries, such as jsondecode(file(...)).data[0]"
		}
		return nil, catalog.Lifecycle{}, errors.New(wanted + got)
	}
	// { id = "gpt-4o" } would be answered from nothing (it meets not_deprecated), whatever its id names.
	if len(o.attrs) == 1 && knownID(o.attrs["id"], &id) {
		return nil, catalog.Lifecycle{}, fmt.Errorf("%san object with only an id, %s, which a function, having no catalog, "+
			"cannot look up: %s", wanted, megallm.Quote(id), lookUp(id))
	}
	contextLength := o.int64("context_length")
	m := &megallm.Model{
		Type:            o.string("type"),
		DisplayName:     o.string("display_name"),
		OwnedBy:         o.string("owned_by"),
		CreatedAt:       dateAttribute(o, "created_at"),
		ContextLength:   positive(contextLength),
		MaxOutputTokens: positive(o.int64("max_output_tokens")),
	}
	if id := o.string("id"); id != nil {
		m.ID = *id
	}
	if c := o.object("capabilities", "{ supports_vision = true }"); c != nil {
		// A saved GET /models entry of the API's older shape names a flag
		// without "supports_", and may give its context length here.
		c.keep(apiAttributes("model.capabilities", c, capabilityAttributeNames, append(slices.Clone(capabilityNames), "max_context_length")...))
		flags := make(map[string]bool, len(megallm.CapabilityTable))
		for _, capability := range megallm.CapabilityTable {
			if flag := cmp.Or(c.bool(capability.Field()), c.bool(capability.Name)); flag != nil {
				flags[capability.Field()] = *flag
			}
		}
		m.Capabilities = ptr(megallm.CapabilitiesOf(flags))
		if contextLength == nil { // only where the spec's field is absent, as the decoder reads it
			m.ContextLength = positive(c.int64("max_context_length"))
		}
		o.keep(c.err())
	}
	if p := o.object("pricing", pricingExample); p != nil {
		p.keep(apiAttributes("model.pricing", p, pricingAttributeNames))
		m.Pricing = readPricing(p)
		o.keep(p.err())
	}
	l := o.object("model_lifecycle", `{ retires_at = "2026-06-30" }`)
	// Beside a model_lifecycle too: merge(data.megallm_model.NAME, { lifecycle = { ... } }) would go unread.
	misnamed, written := o.attrs["lifecycle"]
	if written && (l == nil || misnamed.IsKnown() && !misnamed.IsNull()) {
		o.keep(errors.New("model.lifecycle is no attribute of a model, so its lifecycle would go unchecked: write it as model_lifecycle"))
	}
	switch {
	case l == nil && !written: // an entry of a saved GET /models answer has the API's fields at its root
		m.DeprecatedAt, m.RetiresAt, m.Successor = dateAttribute(o, "deprecated_at"), dateAttribute(o, "retires_at"), o.string("successor")
	case l != nil:
		for _, name := range savedLifecycleNames { // unread: unmet_requirements would check less than was written
			if v, ok := o.attrs[name]; ok && v.IsKnown() && !v.IsNull() {
				o.keep(misplacedError(name, "model_lifecycle"))
			}
		}
		o.keep(onlyAttributes("model.model_lifecycle", l, lifecycleAttributeNames))
		m.DeprecatedAt, m.RetiresAt = dateAttribute(l, "deprecated_at"), dateAttribute(l, "retires_at")
		m.Successor = l.string("successor")
		unreadable := func(name string) bool { flag := l.bool(name); return flag != nil && *flag }
		m.DeprecatedAtUnreadable, m.RetiresAtUnreadable = unreadable(unreadableMarks[0]), unreadable(unreadableMarks[1])
	}
	if m.Successor != nil && keyScrubber("")(*m.Successor) != *m.Successor { // a saved entry's: null, as the decoder reads it
		m.Successor = nil
	}
	if l == nil {
		return m, catalog.Stated(m, "", nil), o.err()
	}
	lifecycle := catalog.Stated(m, statusAttribute(l), l.int64("days_to_retirement"))
	o.keep(l.err())
	return m, lifecycle, o.err()
}

// knownID reports whether v is a known string that is not blank, and sets id to it.
func knownID(v tftypes.Value, id *string) bool {
	return v.Type() != nil && v.Type().Is(tftypes.String) && v.IsKnown() && v.As(id) == nil && strings.TrimSpace(*id) != ""
}

// lookUp advises, for a model given by its id alone, to read it with a data source.
func lookUp(id string) string {
	withID := fmt.Sprintf("(id = %s)", megallm.Quote(id))
	if !megallm.QuotesWhole(id) { // a cut id cannot be copied from here
		withID = "whose id is that same string, too long to repeat here,"
	}
	return "read the model with a megallm_model data source " + withID + " and pass data.megallm_model.NAME"
}

// unreadableMarks are model_lifecycle's marks of a date that could not be read.
var unreadableMarks = []string{"deprecated_at_unreadable", "retires_at_unreadable"}

// savedLifecycleNames carry a saved GET /models entry's lifecycle at its root.
var savedLifecycleNames = []string{"deprecated_at", "retires_at", "successor"}

// positive is a token limit, nil when it is 0, as the decoder reads it.
func positive(limit *int64) *int64 {
	if limit != nil && *limit == 0 {
		return nil
	}
	return limit
}

// lifecycleStatuses are the values of model_lifecycle.status.
var lifecycleStatuses = []string{string(catalog.StatusActive), string(catalog.StatusDeprecated), string(catalog.StatusRetired)}

// statusAttribute reads model_lifecycle.status; "" when null.
func statusAttribute(o *objectReader) catalog.Status {
	s := o.string("status")
	if s == nil {
		return ""
	}
	if !slices.Contains(lifecycleStatuses, *s) {
		o.keep(fmt.Errorf("%sstatus is %s, which is not a lifecycle status.%s Use %s, or null when no date is known",
			o.prefix, megallm.Quote(*s), didYouMean(catalog.Closest(*s, slices.Values(lifecycleStatuses))),
			catalog.QuoteList(lifecycleStatuses, "or")))
		return ""
	}
	return catalog.Status(*s)
}
