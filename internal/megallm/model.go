package megallm

import (
	"encoding/json"
	"time"
)

// Model is one entry of the MegaLLM catalog. The API may omit any field, so
// every optional field is a pointer: nil means "not sent", never zero. Dates
// are read once, by the decoder (ParseDate); wireModel holds them as sent.
type Model struct {
	ID              string        `json:"id"`
	Object          *string       `json:"object,omitempty"`
	Type            *string       `json:"type,omitempty"`
	CreatedAt       *time.Time    `json:"created_at,omitempty"`
	OwnedBy         *string       `json:"owned_by,omitempty"`
	DisplayName     *string       `json:"display_name,omitempty"`
	Capabilities    *Capabilities `json:"capabilities,omitempty"`
	Pricing         *Pricing      `json:"pricing,omitempty"`
	ContextLength   *int64        `json:"context_length,omitempty"`
	MaxOutputTokens *int64        `json:"max_output_tokens,omitempty"`

	// The model's lifecycle, were the API to report it (it does not yet): when
	// it was deprecated, when it stops being served, and the model to move
	// to. A provider policy fills what the API leaves out.
	DeprecatedAt *time.Time `json:"deprecated_at,omitempty"`
	RetiresAt    *time.Time `json:"retires_at,omitempty"`
	Successor    *string    `json:"successor,omitempty"`
	// DeprecatedAtUnreadable and RetiresAtUnreadable report a date the API
	// sent that could not be read (a Problem; the date is nil): not "none
	// planned", as an absent one is, but not known.
	DeprecatedAtUnreadable bool `json:"-"`
	RetiresAtUnreadable    bool `json:"-"`
}

// Capabilities says which features a model supports: a field per row of
// CapabilityTable, named as the API names it.
type Capabilities struct {
	SupportsFunctionCalling  *bool `json:"supports_function_calling,omitempty"`
	SupportsVision           *bool `json:"supports_vision,omitempty"`
	SupportsStreaming        *bool `json:"supports_streaming,omitempty"`
	SupportsStructuredOutput *bool `json:"supports_structured_output,omitempty"`
}

// Pricing is a model's price per million tokens.
type Pricing struct {
	InputTokensCostPerMillion  *float64 `json:"input_tokens_cost_per_million,omitempty"`
	OutputTokensCostPerMillion *float64 `json:"output_tokens_cost_per_million,omitempty"`
	Currency                   *string  `json:"currency,omitempty"`
}

// modelsResponse is the envelope of GET /models. HasMore is the
// "has_more" of an API that pages the list (as Anthropic's does), raw so
// that a value of another type fails nothing.
type modelsResponse struct {
	Object  string          `json:"object"`
	Data    *[]wireModel    `json:"data"`
	HasMore json.RawMessage `json:"has_more"`
}

// errorResponse is an error body: the API's "error" object, or the message
// alone in "error", "message" or "detail".
type errorResponse struct {
	Error   json.RawMessage `json:"error"`
	Message json.RawMessage `json:"message"`
	Detail  json.RawMessage `json:"detail"`
}

// errorObject is the API's error object, nil when "error" is not an object.
func (b errorResponse) errorObject() *errorObject {
	var object *errorObject
	if json.Unmarshal(b.Error, &object) != nil {
		return nil
	}
	return object
}

// errorObject is the API's "error" object; code may be a string or a number.
type errorObject struct {
	Message json.RawMessage `json:"message"`
	Type    json.RawMessage `json:"type"`
	Code    json.RawMessage `json:"code"`
}
