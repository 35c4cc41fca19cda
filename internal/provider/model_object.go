package provider

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// One model as both data sources return it: its schema, its value and how
// the provider functions read it back.

// modelValues are m's attributes as both data sources return them, its
// lifecycle as of now: every attribute of modelAttributes, each omission
// null, as the framework's values, without a tfsdk struct (BENCHMARKS.md).
func modelValues(m *megallm.Model, now time.Time) map[string]attr.Value {
	t := modelTypes()
	capabilities := types.ObjectNull(t.capabilities)
	if c := m.Capabilities; c != nil {
		flags := make(map[string]attr.Value, len(megallm.CapabilityTable))
		for _, capability := range megallm.CapabilityTable {
			flags[capability.Field()] = types.BoolPointerValue(capability.Flag(c))
		}
		capabilities = types.ObjectValueMust(t.capabilities, flags)
	}
	pricing := types.ObjectNull(t.pricing)
	if p := m.Pricing; p != nil {
		pricing = types.ObjectValueMust(t.pricing, map[string]attr.Value{
			"input_tokens_cost_per_million":  types.Float64PointerValue(p.InputTokensCostPerMillion),
			"output_tokens_cost_per_million": types.Float64PointerValue(p.OutputTokensCostPerMillion),
			"currency":                       types.StringPointerValue(p.Currency),
		})
	}
	l := catalog.LifecycleOf(m, now)
	status := types.StringNull()
	if l.Status != "" {
		status = types.StringValue(string(l.Status))
	}
	return map[string]attr.Value{
		"id":                types.StringValue(m.ID),
		"type":              types.StringPointerValue(m.Type),
		"display_name":      types.StringPointerValue(m.DisplayName),
		"owned_by":          types.StringPointerValue(m.OwnedBy),
		"created_at":        types.StringPointerValue(dateString(m.CreatedAt)),
		"context_length":    types.Int64PointerValue(m.ContextLength),
		"max_output_tokens": types.Int64PointerValue(m.MaxOutputTokens),
		"capabilities":      capabilities,
		"pricing":           pricing,
		"model_lifecycle": types.ObjectValueMust(t.lifecycle, map[string]attr.Value{
			"status":                   status,
			"deprecated_at":            types.StringPointerValue(dateString(l.DeprecatedAt)),
			"retires_at":               types.StringPointerValue(dateString(l.RetiresAt)),
			"successor":                types.StringPointerValue(l.Successor),
			"days_to_retirement":       types.Int64PointerValue(l.DaysToRetirement),
			"deprecated_at_unreadable": types.BoolValue(l.DeprecatedAtUnreadable),
			"retires_at_unreadable":    types.BoolValue(l.RetiresAtUnreadable),
		}),
	}
}

// modelTypes are the types of a model object and of its nested objects,
// from modelAttributes, once.
var modelTypes = sync.OnceValue(func() (t struct {
	model, capabilities, pricing, lifecycle map[string]attr.Type
	terraform                               tftypes.Type
}) {
	attributes := modelAttributes()
	typeOf := func(a schema.Attribute) map[string]attr.Type {
		object, _ := a.GetType().(types.ObjectType)
		return object.AttrTypes
	}
	t.model = typeOf(schema.SingleNestedAttribute{Attributes: attributes})
	t.terraform = types.ObjectType{AttrTypes: t.model}.TerraformType(context.Background())
	t.capabilities, t.pricing, t.lifecycle = typeOf(attributes["capabilities"]), typeOf(attributes["pricing"]), typeOf(attributes["model_lifecycle"])
	return t
})

// modelAttributes is the schema of one model, every attribute computed.
func modelAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "Model id, as sent in API requests (for example `gpt-4o-mini`). May contain `/` and `.`.",
			Computed:            true,
		},
		"type": schema.StringAttribute{
			MarkdownDescription: "Model type as the API lists it, such as `chat` or `embedding`. Null if the API does not say.",
			Computed:            true,
		},
		"display_name": schema.StringAttribute{
			MarkdownDescription: "Human-readable name, such as `GPT-4o mini`. Null if the API does not say.",
			Computed:            true,
		},
		"owned_by": schema.StringAttribute{
			MarkdownDescription: "Organisation that publishes the model, such as `openai` or `anthropic`. Null if the API does not say.",
			Computed:            true,
		},
		"created_at": schema.StringAttribute{
			MarkdownDescription: "When the model was released, as an RFC 3339 timestamp. Null if the API does not say.",
			Computed:            true,
		},
		"context_length": schema.Int64Attribute{
			MarkdownDescription: "Context window in tokens. Null if the API does not say.",
			Computed:            true,
		},
		"max_output_tokens": schema.Int64Attribute{
			MarkdownDescription: "Most tokens the model can produce in one answer. Null if the API does not say.",
			Computed:            true,
		},
		"capabilities": schema.SingleNestedAttribute{
			MarkdownDescription: "Features the model supports. Null when the API sends no capabilities; " +
				"a single capability the API omits is null too.",
			Computed:   true,
			Attributes: capabilityAttributes(),
		},
		"pricing": schema.SingleNestedAttribute{
			MarkdownDescription: "Price per million tokens. Null when the API sends no pricing (it is never a made-up zero).",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"input_tokens_cost_per_million": schema.Float64Attribute{
					MarkdownDescription: "Price of one million input (prompt) tokens. Null if the API does not say.", Computed: true,
				},
				"output_tokens_cost_per_million": schema.Float64Attribute{
					MarkdownDescription: "Price of one million output (completion) tokens. Null if the API does not say.", Computed: true,
				},
				"currency": schema.StringAttribute{
					MarkdownDescription: "Currency of the prices, such as `USD`. Null if the API does not say, which " +
						"counts as `USD`.",
					Computed: true,
				},
			},
		},
		"model_lifecycle": schema.SingleNestedAttribute{
			MarkdownDescription: "Where the model is in its lifecycle, from the API's lifecycle fields and the " +
				"provider's `policy` (of two dates, the earlier). Always an object; each attribute is null where " +
				"nothing is known.",
			Computed: true,
			Attributes: map[string]schema.Attribute{
				"status": schema.StringAttribute{
					MarkdownDescription: "`active`, `deprecated` (from `deprecated_at` on) or `retired` (from " +
						"`retires_at` on), computed for today's date in UTC. Null when neither date is known.",
					Computed: true,
				},
				"deprecated_at": schema.StringAttribute{
					MarkdownDescription: "When the model is or was deprecated, as an RFC 3339 timestamp. Null if not known.", Computed: true,
				},
				"retires_at": schema.StringAttribute{
					MarkdownDescription: "When the model stops or stopped being served, as an RFC 3339 timestamp. Null if not known.",
					Computed:            true,
				},
				"successor": schema.StringAttribute{
					MarkdownDescription: "Id of the model to move to. Null if not known.", Computed: true,
				},
				"days_to_retirement": schema.Int64Attribute{
					MarkdownDescription: "Whole days (UTC) from today to `retires_at`; 0 once retired. Null without " +
						"a `retires_at`.",
					Computed: true,
				},
				"deprecated_at_unreadable": schema.BoolAttribute{
					MarkdownDescription: "Whether the catalog sent a `deprecated_at` that the provider cannot read " +
						"(a warning names it). `deprecated_at` is then the policy's, or null, and the model may be " +
						"deprecated already: `require`'s `not_deprecated` is unmet.",
					Computed: true,
				},
				"retires_at_unreadable": schema.BoolAttribute{
					MarkdownDescription: "Whether the catalog sent a `retires_at` that the provider cannot read (a " +
						"warning names it). `retires_at` and `days_to_retirement` are then the policy's, or null, and " +
						"the model may retire sooner, or be retired already: `require`'s `not_deprecated` and " +
						"`min_days_to_retirement` are unmet.",
					Computed: true,
				},
			},
		},
	}
}

// capabilityAttributes has a flag per row of megallm.CapabilityTable.
func capabilityAttributes() map[string]schema.Attribute {
	attributes := make(map[string]schema.Attribute, len(megallm.CapabilityTable))
	for _, c := range megallm.CapabilityTable {
		attributes[c.Field()] = schema.BoolAttribute{MarkdownDescription: "Whether the model " + c.Does + ". Null if the API does not say.", Computed: true}
	}
	return attributes
}

// readModel reads a model object and its lifecycle: what its dates give at
// now, or the status and days it reports where they are later
// (catalog.Lifecycle.Later). Unknown attributes at its root are ignored, but
// an object with no model attribute, or with the models of megallm_models, is
// no model. Its lifecycle is read from its model_lifecycle, else from a saved
// entry's names at its root (savedLifecycleNames), which beside a
// model_lifecycle must be null (one not known yet is checked once it is).
func readModel(v tftypes.Value, now time.Time) (*megallm.Model, catalog.Lifecycle, error) {
	const wanted = "model must be a model object, such as data.megallm_model.NAME or an element of " +
		"data.megallm_models.NAME.models, got "
	o, ok := newObjectReader("model.", v)
	var id string
	switch {
	case !ok && v.Type().Is(tftypes.String) && v.IsKnown() && v.As(&id) == nil && strings.TrimSpace(id) != "":
		withID := fmt.Sprintf("(id = %s)", megallm.Quote(id))
		if !megallm.QuotesWhole(id) { // a cut id cannot be copied from here
			withID = "whose id is that same string, too long to repeat here,"
		}
		return nil, catalog.Lifecycle{}, fmt.Errorf("%sstring %s, a model id: read the model with a megallm_model data source "+
			"%s and pass data.megallm_model.NAME", wanted, megallm.Quote(id), withID)
	case !ok && (v.Type().Is(tftypes.List{}) || v.Type().Is(tftypes.Tuple{})):
		return nil, catalog.Lifecycle{}, errors.New(wanted + "a list: pass one of its models, such as " +
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
			got = "a saved GET /models answer. Pass one of its entries, such as jsondecode(file(...)).data[0]"
		}
		return nil, catalog.Lifecycle{}, errors.New(wanted + got)
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
	switch _, misnamed := o.attrs["lifecycle"]; {
	case l == nil && misnamed:
		o.keep(errors.New("model.lifecycle is no attribute of a model, so its lifecycle would go unchecked: write it as model_lifecycle"))
	case l == nil: // an entry of a saved GET /models answer has the API's fields at its root
		m.DeprecatedAt, m.RetiresAt, m.Successor = dateAttribute(o, "deprecated_at"), dateAttribute(o, "retires_at"), o.string("successor")
	default:
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
	lifecycle := catalog.LifecycleOf(m, now)
	if l != nil {
		lifecycle = lifecycle.Later(statusAttribute(l), l.int64("days_to_retirement"))
		o.keep(l.err())
	}
	return m, lifecycle, o.err()
}

// unreadableMarks are model_lifecycle's marks of a date the catalog sent
// that could not be read.
var unreadableMarks = []string{"deprecated_at_unreadable", "retires_at_unreadable"}

// savedLifecycleNames carry a saved GET /models entry's lifecycle at its
// root, where a data source's object has model_lifecycle.
var savedLifecycleNames = []string{"deprecated_at", "retires_at", "successor"}

// attributePaths are the attributes the functions read, each by where it is
// read: at the root (context_length) or in the nested object that holds it
// (capabilities.supports_vision, model_lifecycle.status).
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

// misspeltError refuses name, at the root of the model o, when it is no
// attribute the functions read there but a near miss of one read there or in
// a nested object (catalog.Misnames and catalog.Closest), which it names with
// how to write it: unread, capabilites would leave the model without
// capabilities, retire_at without a lifecycle, stauts (model_lifecycle.status)
// unretired. A name with a word of its own (a newer API's updated_at) names
// something else; lifecycle has its own error, and created is the older
// shape's date, which a saved GET /models entry may have. A near miss of an
// attribute the model has says so (nearSet), and a price in another unit has
// its own error (unitError).
func misspeltError(o *objectReader, name string) error {
	paths, v := attributePaths(), o.attrs[name]
	if _, read := paths[name]; read || name == "lifecycle" || name == "created" {
		return nil
	}
	names := slices.Collect(maps.Keys(paths))
	if err := unitError(o, name, names, paths); err != nil {
		return err
	}
	// The unreadable-date marks are the provider's, copied with the object it
	// wrote and typed by no person, so a near name is no misspelling of them.
	// mayMisname already rules them out for a bool, which is no capability:
	// this leaves them out for other values (retires_at_unreadabl = "x").
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

// mayMisname reports whether v, written under a name the functions do not
// read, may be their attribute name misspelt, as its type goes: a list is
// none of theirs, and a bool only a capability (a newer API's deprecated =
// false is no misspelt deprecated_at, a date). Other values may be written
// in quotes or as another type the reader refuses with its own error.
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
// names per another number of tokens (catalog.OtherUnit): read as that name,
// input_cost_per_token = 0.0000025 would be a millionth of its price. It says
// how to convert, with the number when the value is one, and shows name cut
// as megallm.Excerpt cuts: any number of "token" words make the same price's
// name. At a model's root, with paths, it says where to write the price;
// where o has that price too (at paths[meant], unset), to keep one of the two.
func unitError(o *objectReader, name string, names []string, paths map[string]string) error {
	meant, unit, meantUnit := catalog.OtherUnit(name, names)
	if meant == "" {
		return nil
	}
	v := o.attrs[name]
	name = megallm.Excerpt(name)
	path := attributePaths()[meant]
	if len(unset(o, []string{meant}, paths)) == 0 {
		return fmt.Errorf("%s%s is a price per %s, and model.%s one per %s. %s", o.prefix, name, unit.Words,
			path, meantUnit.Words, nearSet([]string{cmp.Or(paths[meant], meant)}))
	}
	in := ""
	if nested, _, _ := strings.Cut(path, "."); paths != nil {
		in = " in " + nested + " = { ... }"
	}
	times := new(big.Float).Quo(new(big.Float).SetInt64(meantUnit.Tokens), new(big.Float).SetInt64(unit.Tokens))
	price := fmt.Sprintf("%s × %s", name, numberText(times))
	var n big.Float
	if v.IsKnown() && !v.IsNull() && v.Type().Is(tftypes.Number) && v.As(&n) == nil {
		price = fmt.Sprintf("%s (%s × %s)", numberText(new(big.Float).Mul(&n, times)), numberText(&n), numberText(times))
	}
	return fmt.Errorf("%s%s is a price per %s, and model.%s one per %s: write %s = %s%s", o.prefix, name, unit.Words,
		path, meantUnit.Words, meant, price, in)
}

// positive is a token limit, nil when it is 0: the decoder reads a limit
// that is not positive as null, so a saved entry's 0 means to a function what
// it means to the data sources.
func positive(limit *int64) *int64 {
	if limit != nil && *limit == 0 {
		return nil
	}
	return limit
}

// apiAttributes refuses the attributes of o, a model's capabilities or
// pricing, that misname one of names or older (catalog.Misnames), as
// onlyAttributes does, or name a price in another unit (unitError), and
// ignores the others, such as supports_reasoning, and a value no misspelling
// of theirs could hold (mayMisname: a newer API's list of tiers, whose tier is
// two edits from per): a saved catalog of a newer API has fields this
// provider does not know, and the data sources read its entries without them
// too.
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
	// rootAttributeNames are read at a model's root: its own, and the
	// lifecycle dates a saved GET /models entry has there.
	rootAttributeNames = append(slices.Sorted(maps.Keys(modelTypes().model)), savedLifecycleNames...)
	// nestedObjects are a model's nested objects, each with its attributes
	// (a policy entry's pricing has a model's).
	nestedObjects = []struct {
		name  string
		attrs []string
	}{{"capabilities", capabilityAttributeNames}, {"pricing", pricingAttributeNames}, {"model_lifecycle", lifecycleAttributeNames}}
)

// misplaced keeps an error for each attribute at the model's root that is
// one of its capabilities', prices or model_lifecycle's (other than the dates
// and successor a saved entry has there), which would go unread there (a
// model with supports_vision = true beside capabilities would not support it,
// one with status = "retired" would not be retired). A currency beside a
// pricing, or null, has its own rule (rootCurrency). In a map, which holds
// no object, the fix is to give an object instead.
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

// misplacedError refuses name at a model's root, which would go unread there,
// and says to move it into in: one of in's attributes, or a saved entry's
// (savedLifecycleNames) beside a model_lifecycle, which is read instead.
func misplacedError(name, in string) error {
	is, orDrop := "an attribute of model."+in+", not of the model", ""
	if slices.Contains(savedLifecycleNames, name) {
		is, orDrop = "read from model."+in+" when the model has one, not from the model", ", or drop one of the two"
	}
	return fmt.Errorf("model.%s is %s, so it would go unread: move it into %s = { ... }%s", name, is, in, orDrop)
}

// rootCurrency refuses a currency at o's root beside a pricing without one,
// where it would go unread, leaving the prices counted in USD. It may be
// megallm_model's argument, beside a pricing that merge() replaced, so the
// fix is to give pricing its currency, not to move this one. Null (the
// argument left unset) or not known yet, beside a pricing with a currency,
// or beside a null or unknown pricing, it is fine.
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

// lifecycleStatuses are the values of model_lifecycle.status.
var lifecycleStatuses = []string{string(catalog.StatusActive), string(catalog.StatusDeprecated), string(catalog.StatusRetired)}

// statusAttribute reads model_lifecycle.status, one of lifecycleStatuses,
// "" when null.
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

// modelParameter is the model argument every function takes.
func modelParameter() function.DynamicParameter {
	return function.DynamicParameter{
		Name:               "model",
		AllowUnknownValues: true,
		MarkdownDescription: "A model object: `data.megallm_model.NAME`, an element of `data.megallm_models.NAME.models`, " +
			"an entry of a saved `GET /models` answer (`jsondecode(file(...)).data[0]`, whose lifecycle dates are at " +
			"its root), or an object literal with the attributes the function needs. Attributes the function does not " +
			"read are ignored, such as those a saved catalog of a newer API may have (`supports_reasoning`, " +
			"`cached_input_tokens_cost_per_million`, or `max_input_tokens`, whose words are those of two names), and " +
			"a list (`tiers` in `pricing`) or a bool whose name is near one the function reads of another type (a root " +
			"`deprecated`, no `deprecated_at`); a `context_length` or `max_output_tokens` of 0, which a " +
			"saved entry may hold, is read as not reported, as the data sources read it. These are errors:\n" +
			"   - `data.megallm_models.NAME` itself, or an object with none of a model's attributes;\n" +
			"   - a misspelling of an attribute the function reads, at the model's root or in `capabilities` or " +
			"`pricing` (`capabilites`, `context_lenght`, `supports_vison`, `retire_at`, `stauts` for " +
			"`model_lifecycle.status`), or a model's attribute in another letter case (`Model_Lifecycle`);\n" +
			"   - a price per token or per thousand tokens, at the model's root or in `pricing` (`input_cost_per_token`, " +
			"as LiteLLM saves it), whose error gives it per million tokens;\n" +
			"   - an attribute that `model_lifecycle` does not have, or `lifecycle` for `model_lifecycle`;\n" +
			"   - an attribute of `capabilities`, `pricing` or `model_lifecycle` written at the model's root " +
			"(`supports_vision`, `input_tokens_cost_per_million`, `status`), except `currency` when it is null or " +
			"`pricing` has its own (`data.megallm_model.NAME` has its `currency` argument there), and the dates and " +
			"`successor`, which a saved entry has there: these are errors only when not null beside a " +
			"`model_lifecycle`, which is read instead.",
	}
}

// modelArgument reads a function's model, its first argument, dynamic so that
// it takes either data source's objects and partial literals, and its lifecycle today.
func modelArgument(ctx context.Context, arg types.Dynamic, today time.Time) (*megallm.Model, catalog.Lifecycle, *function.FuncError) {
	var lifecycle catalog.Lifecycle
	m, err := readDynamic(ctx, arg, func(v tftypes.Value) (m *megallm.Model, err error) {
		m, lifecycle, err = readModel(v, today)
		return m, err
	})
	if err != nil {
		return nil, lifecycle, function.NewArgumentFuncError(0, err.Error())
	}
	return m, lifecycle, nil
}
