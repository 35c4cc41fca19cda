package megallm

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
)

// rawModel is a wireModel whose fields are left undecoded, to read one by
// one. It has the same JSON names as wireModel.
type rawModel struct {
	ID              json.RawMessage `json:"id"`
	Object          json.RawMessage `json:"object"`
	Type            json.RawMessage `json:"type"`
	CreatedAt       json.RawMessage `json:"created_at"`
	Created         json.RawMessage `json:"created"`
	OwnedBy         json.RawMessage `json:"owned_by"`
	DisplayName     json.RawMessage `json:"display_name"`
	Capabilities    json.RawMessage `json:"capabilities"`
	Pricing         json.RawMessage `json:"pricing"`
	ContextLength   json.RawMessage `json:"context_length"`
	MaxOutputTokens json.RawMessage `json:"max_output_tokens"`
	DeprecatedAt    json.RawMessage `json:"deprecated_at"`
	RetiresAt       json.RawMessage `json:"retires_at"`
	Successor       json.RawMessage `json:"successor"`
}

type rawPricing struct {
	InputTokensCostPerMillion  json.RawMessage `json:"input_tokens_cost_per_million"`
	OutputTokensCostPerMillion json.RawMessage `json:"output_tokens_cost_per_million"`
	Currency                   json.RawMessage `json:"currency"`
}

// decodeEntry reads one entry of "data". An entry that decodes as a
// wireModel with an id is taken whole; otherwise it is read field by field
// (readFields).
func (rev *review) decodeEntry(raw json.RawMessage, index int) (wireModel, bool) {
	var whole wireModel
	if json.Unmarshal(raw, &whole) == nil && whole.ID != "" {
		return whole, true
	}
	return rev.readFields(raw, index)
}

// readFields reads each field of an entry on its own; one that cannot be
// read is nil (an older shape's field only when the spec's is absent). It
// reports false for an entry that is not an object with a string id.
func (rev *review) readFields(raw json.RawMessage, index int) (wireModel, bool) {
	var w wireModel
	m := &w.Model
	dropped := func(issue string) (wireModel, bool) {
		rev.problems = append(rev.problems, Problem{Kind: EntryDropped, Index: index, Issue: issue})
		return wireModel{}, false
	}
	var fields rawModel
	if kind := jsonKind(raw); kind != '{' || json.Unmarshal(raw, &fields) != nil {
		return dropped("is " + describe(raw) + ", not a model object")
	}
	if isNull(fields.ID) { // an id sent under another key is said, not read: that would be a guess
		if i := slices.IndexFunc(rev.misnamed[index], func(s sentAs) bool { return s.field == "id" }); i >= 0 {
			return dropped(`has no "id": it ` + rev.misnamed[index][i].issue())
		}
		return dropped(`has no "id"`)
	}
	if json.Unmarshal(fields.ID, &m.ID) != nil {
		return dropped(`has an "id" that is ` + describe(fields.ID) + ", not a string")
	}
	if m.ID == "" {
		return dropped(`has an empty "id"`)
	}
	if _, dup := rev.seen[m.ID]; dup {
		return w, true // keep leaves it out: its fields do not matter.
	}

	r := fieldReader{rev: rev, index: index, id: m.ID}
	m.Object = r.str("object", fields.Object)
	m.Type = r.str("type", fields.Type)
	w.CreatedAtText = r.str("created_at", fields.CreatedAt)
	if isNull(fields.CreatedAt) {
		w.Created = r.integer("created", fields.Created)
	}
	m.OwnedBy = r.str("owned_by", fields.OwnedBy)
	m.DisplayName = r.str("display_name", fields.DisplayName)
	var caps map[string]json.RawMessage
	if r.object("capabilities", fields.Capabilities, &caps) {
		flags := make(map[string]bool, len(CapabilityTable))
		for _, row := range CapabilityTable {
			if flag := r.boolean("capabilities."+row.Field(), caps[row.Field()]); flag != nil {
				flags[row.Field()] = *flag
			}
		}
		c := &wireCapabilities{Capabilities: CapabilitiesOf(flags)}
		if isNull(caps["supports_vision"]) {
			c.Vision = r.boolean("capabilities.vision", caps["vision"])
		}
		if isNull(caps["supports_function_calling"]) {
			c.FunctionCalling = r.boolean("capabilities.function_calling", caps["function_calling"])
		}
		if isNull(fields.ContextLength) {
			c.MaxContextLength = r.integer("capabilities.max_context_length", caps["max_context_length"])
		}
		w.Capabilities = c
	}
	var pricing rawPricing
	if r.object("pricing", fields.Pricing, &pricing) {
		m.Pricing = &Pricing{
			InputTokensCostPerMillion:  r.number("pricing.input_tokens_cost_per_million", pricing.InputTokensCostPerMillion),
			OutputTokensCostPerMillion: r.number("pricing.output_tokens_cost_per_million", pricing.OutputTokensCostPerMillion),
		}
		if raw := pricing.Currency; !isNull(raw) && jsonKind(raw) != '"' {
			r.unreadable("pricing.currency", "is "+describe(raw)+", not a string"+pricesInNoCurrency(m.Pricing))
		} else {
			m.Pricing.Currency = r.str("pricing.currency", raw)
		}
	}
	m.ContextLength = r.integer("context_length", fields.ContextLength)
	m.MaxOutputTokens = r.integer("max_output_tokens", fields.MaxOutputTokens)
	w.DeprecatedAtText = r.str("deprecated_at", fields.DeprecatedAt)
	w.RetiresAtText = r.str("retires_at", fields.RetiresAt)
	m.Successor = r.str("successor", fields.Successor)
	return w, true
}

// fieldReader reads the fields of one entry, reporting each it cannot read.
type fieldReader struct {
	rev   *review
	index int
	id    string
}

func (r fieldReader) unreadable(field, issue string) {
	r.rev.problems = append(r.rev.problems, Problem{Kind: FieldReadAsNull, Index: r.index, ModelID: r.id, Field: field, Issue: issue})
}

func (r fieldReader) str(field string, raw json.RawMessage) *string {
	if isNull(raw) {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		r.unreadable(field, "is "+describe(raw)+", not a string")
		return nil
	}
	return &s
}

func (r fieldReader) boolean(field string, raw json.RawMessage) *bool {
	if isNull(raw) {
		return nil
	}
	var b bool
	if json.Unmarshal(raw, &b) != nil {
		r.unreadable(field, "is "+describe(raw)+", not true or false")
		return nil
	}
	return &b
}

func (r fieldReader) number(field string, raw json.RawMessage) *float64 {
	if isNull(raw) {
		return nil
	}
	if jsonKind(raw) != '0' {
		r.unreadable(field, "is "+describe(raw)+", not a number")
		return nil
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || (f == 0 && !writtenAsZero(raw)) {
		r.unreadable(field, "is "+describe(raw)+", out of range")
		return nil
	}
	return &f
}

// integer reads a whole number, also when written as a float (128000.0, 1.28e5).
func (r fieldReader) integer(field string, raw json.RawMessage) *int64 {
	if isNull(raw) {
		return nil
	}
	if jsonKind(raw) != '0' {
		r.unreadable(field, "is "+describe(raw)+", not a number")
		return nil
	}
	if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
		return &n
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	switch {
	case err != nil || f < math.MinInt64 || f >= math.MaxInt64:
		r.unreadable(field, "is "+describe(raw)+", out of range")
		return nil
	case f != math.Trunc(f) || (f == 0 && !writtenAsZero(raw)):
		r.unreadable(field, "is "+describe(raw)+", not a whole number")
		return nil
	}
	n := int64(f)
	return &n
}

// object decodes an object field into fields, reporting false when it is
// null or not an object.
func (r fieldReader) object(field string, raw json.RawMessage, fields any) bool {
	if isNull(raw) {
		return false
	}
	if jsonKind(raw) != '{' || json.Unmarshal(raw, fields) != nil {
		r.unreadable(field, "is "+describe(raw)+", not an object")
		return false
	}
	return true
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// jsonKind is the kind of a JSON value: '{', '[', '"', 't', 'f', 'n', or '0'
// for a number.
func jsonKind(raw json.RawMessage) byte {
	raw = bytes.TrimLeft(raw, jsonSpace)
	if len(raw) == 0 {
		return 'n'
	}
	if c := raw[0]; c == '-' || (c >= '0' && c <= '9') {
		return '0'
	}
	return raw[0]
}

// describe names a JSON value for a message, quoting what the server sent.
func describe(raw json.RawMessage) string {
	switch jsonKind(raw) {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 'n':
		return "null"
	case 't', 'f':
		return "the boolean " + string(bytes.TrimSpace(raw))
	case '"':
		var s string
		_ = json.Unmarshal(raw, &s)
		return "the string " + Quote(s)
	default:
		return "the number " + Excerpt(string(bytes.TrimSpace(raw)))
	}
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }
