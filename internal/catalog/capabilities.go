package catalog

import (
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Capability is a feature a model reports under "capabilities". This table
// is the one place that names them: the require attributes, their reader and
// "did you mean", the supports function and its names, the model's schema and
// the docs all come from it. Adding one is a row here plus its field in
// megallm.Capabilities (and the mock's synthetic catalog, to test it).
type Capability struct {
	// Name is how the supports function and the docs call it: "vision". Its
	// field, in the API and in require, is "supports_" + Name.
	Name string
	// Words complete "does not support ...": "function calling".
	Words string
	// Does completes "Whether the model ...", for the docs: "accepts images".
	Does string
	// field is the model's field, to read or set.
	field func(*megallm.Capabilities) **bool
}

// Capabilities are every capability, in the order the docs and Unmet list them.
var Capabilities = []Capability{
	{"function_calling", "function calling", "can call tools (functions)",
		func(c *megallm.Capabilities) **bool { return &c.SupportsFunctionCalling }},
	{"vision", "vision", "accepts images",
		func(c *megallm.Capabilities) **bool { return &c.SupportsVision }},
	{"streaming", "streaming", "can stream its answer",
		func(c *megallm.Capabilities) **bool { return &c.SupportsStreaming }},
	{"structured_output", "structured output", "can answer in a given JSON schema",
		func(c *megallm.Capabilities) **bool { return &c.SupportsStructuredOutput }},
}

// Field is the capability's field in the API's capabilities and in require.
func (c Capability) Field() string { return "supports_" + c.Name }

// Supported is the model's flag for c: nil when it does not say.
func (c Capability) Supported(m *megallm.Model) *bool {
	if m.Capabilities == nil {
		return nil
	}
	return c.Flag(m.Capabilities)
}

// Flag is caps' flag for c: nil when it is not reported.
func (c Capability) Flag(caps *megallm.Capabilities) *bool { return *c.field(caps) }

// SetFlag sets caps' flag for c.
func (c Capability) SetFlag(caps *megallm.Capabilities, flag *bool) { *c.field(caps) = flag }

// CapabilitySet is a set of Capabilities: bit i stands for Capabilities[i].
type CapabilitySet uint64

// With is s with the capability at index i added.
func (s CapabilitySet) With(i int) CapabilitySet { return s | 1<<i }

// Has reports whether the capability at index i is in s.
func (s CapabilitySet) Has(i int) bool { return s&(1<<i) != 0 }
