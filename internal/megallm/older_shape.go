package megallm

import (
	"cmp"
	"time"
)

// olderShape is what MegaLLM's older OpenAPI document and OpenAI-compatible
// gateways send where the spec has created_at: created, in Unix seconds.
// DecodeModels reads it into the spec's field when that is absent (the
// spec's field wins) and leaves it nil: no other code sees it.
type olderShape struct {
	Created *int64 `json:"created,omitempty"`
}

// olderCapabilities is the older shape's names for supports_vision,
// supports_function_calling and the model's context_length.
type olderCapabilities struct {
	Vision           *bool  `json:"vision,omitempty"`
	FunctionCalling  *bool  `json:"function_calling,omitempty"`
	MaxContextLength *int64 `json:"max_context_length,omitempty"`
}

// maxUnixSeconds is 9999-12-31T23:59:59Z, the last second RFC 3339 can write.
const maxUnixSeconds = 253402300799

// readOlderShape fills the spec's fields of m, entry index, that are absent
// from the older shape's, reporting an odd older value, and clears the older
// fields.
func (rev *review) readOlderShape(m *Model, index int) {
	if v := m.Created; v != nil && m.CreatedAt == nil {
		if *v <= 0 || *v > maxUnixSeconds {
			rev.fieldReadAsNull(m, index, "created", "is "+formatInt(*v)+", not a time in Unix seconds from 1970 to 9999")
		} else {
			createdAt := time.Unix(*v, 0).UTC().Format(time.RFC3339)
			m.CreatedAt = &createdAt
		}
	}
	m.olderShape = olderShape{}
	c := m.Capabilities
	if c == nil {
		return
	}
	c.SupportsVision = cmp.Or(c.SupportsVision, c.Vision)
	c.SupportsFunctionCalling = cmp.Or(c.SupportsFunctionCalling, c.FunctionCalling)
	if m.ContextLength == nil && c.MaxContextLength != nil && rev.positiveTokens(m, index, "capabilities.max_context_length", c.MaxContextLength) {
		m.ContextLength = c.MaxContextLength
	}
	c.olderCapabilities = olderCapabilities{}
}
