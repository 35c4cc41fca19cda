package megallm

import (
	"cmp"
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
