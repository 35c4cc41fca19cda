package provider

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Terraform values are read into the client's and the catalog's types here,
// directly from terraform-plugin-go values rather than through the
// framework's reflection (which costs more than the rest of a read; see
// BENCHMARKS.md). The data sources read their require argument this way, and
// the provider functions read their model and require arguments, which may be
// the objects the data sources return or hand-written literals.

// readRequirements reads a require object; null requires nothing. An unset
// capability or one set to false asks for nothing; an unset bound is nil.
// Names it does not know are refused: a typo would silently require nothing.
func readRequirements(v tftypes.Value) (catalog.Requirements, error) {
	var req catalog.Requirements
	if v.IsNull() {
		return req, nil
	}
	o, err := requireReader(v)
	if err != nil {
		return req, err
	}
	for _, q := range requireAttributes {
		switch q.Kind {
		case catalog.RequiresTrue:
			if b := o.bool(q.Name); b != nil && *b {
				q.Require(&req, nil, nil)
			}
		case catalog.WholeMinimum:
			q.Require(&req, o.int64(q.Name), nil)
		case catalog.AmountMaximum:
			q.Require(&req, nil, o.float64(q.Name))
		}
	}
	return req, o.err
}

// requireReader is a reader of a non-null require value, once its attribute
// names are known to be requirements.
func requireReader(v tftypes.Value) (*objectReader, error) {
	o, ok := newObjectReader("require.", v)
	if !ok {
		return nil, fmt.Errorf("require must be an object such as { supports_vision = true }, got %s", typeName(v))
	}
	if err := onlyAttributes("require", o, requireAttributeNames); err != nil {
		return nil, err
	}
	return o, nil
}

// onlyAttributes refuses the attributes of o that are not in names, each
// with the closest name it may be a typo of; what names o in the message.
func onlyAttributes(what string, o *objectReader, names []string) error {
	var unknown []string
	for name := range o.attrs {
		if !slices.Contains(names, name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	var msg strings.Builder
	for _, name := range unknown {
		fmt.Fprintf(&msg, "%s has no attribute %q.", what, name)
		if closest := catalog.Closest(name, slices.Values(names)); len(closest) > 0 {
			fmt.Fprintf(&msg, " Did you mean %q?", closest[0])
		}
		msg.WriteString(" ")
	}
	fmt.Fprintf(&msg, "Its attributes are %s.", catalog.QuoteList(names, "and"))
	return errors.New(msg.String())
}

// readModel reads a model object, as either data source returns it, and
// its lifecycle: the model_lifecycle.status and days_to_retirement it
// reports, as the data source computed them, else what its dates give at
// now. Attributes it does not know are ignored.
func readModel(v tftypes.Value, now time.Time) (*megallm.Model, catalog.Lifecycle, error) {
	o, ok := newObjectReader("model.", v)
	if !ok {
		return nil, catalog.Lifecycle{}, fmt.Errorf("model must be a model object, such as data.megallm_model.NAME or an element of "+
			"data.megallm_models.NAME.models, got %s", typeName(v))
	}
	m := &megallm.Model{
		Type:            o.string("type"),
		DisplayName:     o.string("display_name"),
		OwnedBy:         o.string("owned_by"),
		CreatedAt:       dateAttribute(o, "created_at"),
		ContextLength:   o.int64("context_length"),
		MaxOutputTokens: o.int64("max_output_tokens"),
	}
	if id := o.string("id"); id != nil {
		m.ID = *id
	}
	if c := o.object("capabilities"); c != nil {
		flags := make(map[string]bool, len(megallm.CapabilityTable))
		for _, capability := range megallm.CapabilityTable {
			if flag := c.bool(capability.Field()); flag != nil {
				flags[capability.Field()] = *flag
			}
		}
		m.Capabilities = ptr(megallm.CapabilitiesOf(flags))
		o.keep(c.err)
	}
	if p := o.object("pricing"); p != nil {
		m.Pricing = &megallm.Pricing{
			InputTokensCostPerMillion:  p.float64("input_tokens_cost_per_million"),
			OutputTokensCostPerMillion: p.float64("output_tokens_cost_per_million"),
			Currency:                   p.string("currency"),
		}
		o.keep(p.err)
	}
	lifecycle := catalog.Lifecycle{}
	if l := o.object("model_lifecycle"); l != nil {
		m.DeprecatedAt, m.RetiresAt = dateAttribute(l, "deprecated_at"), dateAttribute(l, "retires_at")
		m.Successor = l.string("successor")
		lifecycle = catalog.LifecycleOf(m, now)
		if status := statusAttribute(l); status != nil {
			lifecycle.Status = *status
		}
		if days := l.int64("days_to_retirement"); days != nil {
			lifecycle.DaysToRetirement = days
		}
		o.keep(l.err)
	}
	return m, lifecycle, o.err
}

// lifecycleStatuses are the values of model_lifecycle.status.
var lifecycleStatuses = []string{string(catalog.StatusActive), string(catalog.StatusDeprecated), string(catalog.StatusRetired)}

// statusAttribute reads model_lifecycle.status, one of lifecycleStatuses.
func statusAttribute(o *objectReader) *catalog.Status {
	s := o.string("status")
	if s == nil {
		return nil
	}
	if !slices.Contains(lifecycleStatuses, *s) {
		o.keep(fmt.Errorf("%sstatus is %s, which is not a lifecycle status.%s Use %s, or null when no date is known",
			o.prefix, megallm.Quote(*s), didYouMean(catalog.Closest(*s, slices.Values(lifecycleStatuses))),
			catalog.QuoteList(lifecycleStatuses, "or")))
		return nil
	}
	return ptr(catalog.Status(*s))
}

// dateAttribute reads a date attribute as the catalog's dates are read
// (megallm.ParseDate).
func dateAttribute(o *objectReader, name string) *time.Time {
	s := o.string(name)
	if s == nil {
		return nil
	}
	date, ok := megallm.ParseDate(*s)
	if !ok {
		o.keep(fmt.Errorf("%s%s is %q, which is not a date. Use %s", o.prefix, name, *s, dateForms))
		return nil
	}
	return &date
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// readStrings reads a list, set or tuple of strings, none of them null or
// blank.
func readStrings(where string, v tftypes.Value) ([]string, error) {
	var elements []tftypes.Value
	if !v.Type().Is(tftypes.List{}) && !v.Type().Is(tftypes.Set{}) && !v.Type().Is(tftypes.Tuple{}) || v.As(&elements) != nil {
		return nil, fmt.Errorf("%s must be a list of strings, got %s", where, typeName(v))
	}
	out := make([]string, 0, len(elements))
	for i, e := range elements {
		var s string
		if !e.Type().Is(tftypes.String) || e.IsNull() || e.As(&s) != nil {
			return nil, fmt.Errorf("%s[%d] must be a string, got %s", where, i, typeName(e))
		}
		if strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("%s[%d] is blank, which names nothing", where, i)
		}
		out = append(out, s)
	}
	return out, nil
}

// objectReader reads typed attributes of one object or map, keeping the
// first error, which names the attribute by its path (prefix).
type objectReader struct {
	prefix string
	attrs  map[string]tftypes.Value
	err    error
	// stringMap is set for a map of strings, such as a map(string) variable
	// makes of { supports_vision = true }.
	stringMap bool
}

// newObjectReader reads v, which must be a known, non-null object or map.
func newObjectReader(prefix string, v tftypes.Value) (*objectReader, bool) {
	isObject := v.Type().Is(tftypes.Object{}) || v.Type().Is(tftypes.Map{})
	if !v.IsKnown() || v.IsNull() || !isObject {
		return nil, false
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		return nil, false
	}
	return &objectReader{prefix: prefix, attrs: attrs, stringMap: v.Type().Is(tftypes.Map{ElementType: tftypes.String})}, true
}

func (o *objectReader) keep(err error) {
	if o.err == nil {
		o.err = err
	}
}

// value is the named attribute, or false when it is absent or null.
func (o *objectReader) value(name string, want tftypes.Type, wantName string) (tftypes.Value, bool) {
	v, ok := o.attrs[name]
	if !ok || v.IsNull() {
		return v, false
	}
	if !v.IsKnown() {
		o.keep(fmt.Errorf("%s%s is not known yet", o.prefix, name))
		return v, false
	}
	if !v.Type().Is(want) {
		o.keep(fmt.Errorf("%s%s must be %s, got %s%s", o.prefix, name, wantName, typeName(v), o.stringMapHint(v, want)))
		return v, false
	}
	return v, true
}

// stringMapHint explains a string where a bool or a number is wanted, when
// it is the text of one in a map of strings: Terraform turned the value into
// a string because of the map's type, and the fix is the type.
func (o *objectReader) stringMapHint(v tftypes.Value, want tftypes.Type) string {
	var s string
	if !o.stringMap || v.As(&s) != nil {
		return ""
	}
	_, isNumber := new(big.Float).SetString(s)
	if (want.Is(tftypes.Bool) && s != "true" && s != "false") || (want.Is(tftypes.Number) && !isNumber) {
		return ""
	}
	return fmt.Sprintf(" %s: %s is a map of strings, in which true is \"true\" and 128000 is \"128000\". Declare "+
		"the variable it comes from as type = any or as an object({ ... }) type, not map(string)",
		megallm.Quote(s), strings.TrimSuffix(o.prefix, "."))
}

func (o *objectReader) string(name string) *string {
	v, ok := o.value(name, tftypes.String, "a string")
	if !ok {
		return nil
	}
	var s string
	o.keep(v.As(&s))
	return &s
}

func (o *objectReader) bool(name string) *bool {
	v, ok := o.value(name, tftypes.Bool, "a bool")
	if !ok {
		return nil
	}
	var b bool
	o.keep(v.As(&b))
	return &b
}

// number reads a number attribute. Every number a model or a requirement
// holds (prices, token counts) is 0 or more: a negative one is an error, as
// it is nonsense in the catalog too.
func (o *objectReader) number(name string) *big.Float {
	v, ok := o.value(name, tftypes.Number, "a number")
	if !ok {
		return nil
	}
	n := new(big.Float)
	o.keep(v.As(&n))
	if n.Sign() < 0 {
		o.keep(fmt.Errorf("%s%s must be 0 or more, got %s", o.prefix, name, n.Text('g', -1)))
		return nil
	}
	return n
}

func (o *objectReader) int64(name string) *int64 {
	n := o.number(name)
	if n == nil {
		return nil
	}
	i, accuracy := n.Int64()
	switch {
	case !n.IsInt():
		o.keep(fmt.Errorf("%s%s must be a whole number, got %s", o.prefix, name, n.Text('g', 10)))
		return nil
	case accuracy != big.Exact:
		o.keep(fmt.Errorf("%s%s is too large: %s (at most %d)", o.prefix, name, n.Text('g', 10), int64(math.MaxInt64)))
		return nil
	}
	return &i
}

func (o *objectReader) float64(name string) *float64 {
	n := o.number(name)
	if n == nil {
		return nil
	}
	f, _ := n.Float64()
	if math.IsInf(f, 0) {
		o.keep(fmt.Errorf("%s%s is too large: %s", o.prefix, name, n.Text('g', 10)))
		return nil
	}
	return &f
}

func (o *objectReader) object(name string) *objectReader {
	v, ok := o.attrs[name]
	if !ok || v.IsNull() {
		return nil
	}
	child, isObject := newObjectReader(o.prefix+name+".", v)
	if !isObject {
		o.keep(fmt.Errorf("%s%s must be an object, got %s", o.prefix, name, typeName(v)))
		return nil
	}
	return child
}

// typeName names a value's Terraform type for an error message.
func typeName(v tftypes.Value) string {
	switch t := v.Type(); {
	case !v.IsKnown():
		return "an unknown value"
	case v.IsNull():
		return "null"
	case t.Is(tftypes.String):
		return "string"
	case t.Is(tftypes.Bool):
		return "bool"
	case t.Is(tftypes.Number):
		return "number"
	case t.Is(tftypes.Object{}):
		return "object"
	case t.Is(tftypes.Map{}):
		return "map"
	case t.Is(tftypes.List{}), t.Is(tftypes.Tuple{}):
		return "list"
	case t.Is(tftypes.Set{}):
		return "set"
	default:
		return t.String()
	}
}
