package megallm

import (
	"bytes"
	"cmp"
	"encoding/json"
	"reflect"
	"strconv"
	"time"
)

// wireModel is a model as the API sends it: a Model, its dates as written,
// and the names that MegaLLM's older OpenAPI document and OpenAI-compatible
// gateways use for some of its fields. readOlderShape makes it a Model.
type wireModel struct {
	Model
	CreatedAtText    *string `json:"created_at"`
	DeprecatedAtText *string `json:"deprecated_at"`
	RetiresAtText    *string `json:"retires_at"`
	// Created is the older created_at, in Unix seconds.
	Created      *int64            `json:"created"`
	Capabilities *wireCapabilities `json:"capabilities"`
	Pricing      *wirePricing      `json:"pricing"`
}

// wirePricing is the pricing as the API sends it, its prices read as
// wirePrice.
type wirePricing struct {
	Pricing
	Input  *wirePrice `json:"input_tokens_cost_per_million"`
	Output *wirePrice `json:"output_tokens_cost_per_million"`
}

// wirePrice is a price that a number too small for a float64 (1e-400),
// which Go's decoder reads as 0, a free model, does not decode into: it is
// a value of the wrong type, so that its entry is read field by field and
// fieldReader.number says so.
type wirePrice float64

func (p *wirePrice) UnmarshalJSON(raw []byte) error {
	f, err := strconv.ParseFloat(string(raw), 64)
	if jsonKind(raw) != '0' || err != nil || (f == 0 && !writtenAsZero(raw)) {
		return &json.UnmarshalTypeError{Value: describe(raw), Type: reflect.TypeFor[float64]()}
	}
	*p = wirePrice(f)
	return nil
}

// writtenAsZero reports whether a JSON number is 0 as written (0, -0.0,
// 0e5), not a number too small for a float64 that reads as 0.
func writtenAsZero(raw []byte) bool {
	if i := bytes.IndexAny(raw, "eE"); i >= 0 {
		raw = raw[:i]
	}
	return !bytes.ContainsAny(raw, "123456789")
}

// wireCapabilities are the capabilities as the API sends them: the spec's
// flags, and the older shape's names for two of them and for the model's
// context_length.
type wireCapabilities struct {
	Capabilities
	Vision           *bool  `json:"vision"`
	FunctionCalling  *bool  `json:"function_calling"`
	MaxContextLength *int64 `json:"max_context_length"`
}

// maxUnixSeconds is 9999-12-31T23:59:59Z, the last second RFC 3339 can write.
const maxUnixSeconds = 253402300799

// readOlderShape returns the model w, entry index, describes: its spec
// fields, and where one is absent, the older shape's value for it (the
// spec's name wins when both are sent). An odd older value is reported and
// read as absent.
func (rev *review) readOlderShape(w *wireModel, index int) Model {
	m := w.Model
	if w.Created != nil && w.CreatedAtText == nil {
		createdAt := time.Unix(*w.Created, 0).UTC()
		switch v := *w.Created; {
		case v < 0 || v > maxUnixSeconds:
			rev.fieldReadAsNull(&m, index, "created", "is "+formatInt(v)+", not a time in Unix seconds from 1970 to 9999")
		case placeholder(createdAt) != "":
			rev.fieldReadAsNull(&m, index, "created", "is "+formatInt(v)+", "+placeholder(createdAt))
		default:
			m.CreatedAt = &createdAt
		}
	}
	if p := w.Pricing; p != nil {
		p.InputTokensCostPerMillion, p.OutputTokensCostPerMillion = (*float64)(p.Input), (*float64)(p.Output)
		m.Pricing = &p.Pricing
	}
	if c := w.Capabilities; c != nil {
		m.Capabilities = &c.Capabilities
		c.SupportsVision = cmp.Or(c.SupportsVision, c.Vision)
		c.SupportsFunctionCalling = cmp.Or(c.SupportsFunctionCalling, c.FunctionCalling)
		if v := c.MaxContextLength; v != nil && m.ContextLength == nil && rev.positiveTokens(&m, index, "capabilities.max_context_length", v) {
			m.ContextLength = v
		}
	}
	return m
}
