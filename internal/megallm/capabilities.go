package megallm

import "encoding/json"

// Capability is a feature a model reports under "capabilities", one row of
// CapabilityTable.
type Capability struct {
	// Name is how the supports function and the docs call it: "vision". Its
	// field, in the API, in Capabilities and in require, is "supports_" + Name.
	Name string
	// Words complete "does not support ...": "function calling".
	Words string
	// Does completes "Whether the model ...": "accepts images".
	Does string
	// flag reads the capability's field of Capabilities.
	flag func(*Capabilities) *bool
}

// CapabilityTable is every capability, in the order the docs and the
// requirements list them: the one place that names them. The decoder, the
// require attributes and their reader, the supports function, the model's
// schema and the docs all come from it. Adding one is a row here plus its
// field in Capabilities (and the mock's synthetic catalog, to test it).
var CapabilityTable = []Capability{
	{"function_calling", "function calling", "can call tools (functions)",
		func(c *Capabilities) *bool { return c.SupportsFunctionCalling }},
	{"vision", "vision", "accepts images",
		func(c *Capabilities) *bool { return c.SupportsVision }},
	{"streaming", "streaming", "can stream its answer",
		func(c *Capabilities) *bool { return c.SupportsStreaming }},
	{"structured_output", "structured output", "can answer in a given JSON schema",
		func(c *Capabilities) *bool { return c.SupportsStructuredOutput }},
}

// Field is the capability's field in the API's capabilities and in require.
func (c Capability) Field() string { return "supports_" + c.Name }

// Flag is caps' flag for c: nil when it is not reported.
func (c Capability) Flag(caps *Capabilities) *bool { return c.flag(caps) }

// Supported is m's flag for c: nil when it does not say.
func (c Capability) Supported(m *Model) *bool {
	if m.Capabilities == nil {
		return nil
	}
	return c.flag(m.Capabilities)
}

// CapabilitiesOf are the capabilities with these flags, keyed by the API's
// names (Field); other names are ignored. The flags reach their fields by
// the fields' own JSON names, so no code names a field but its row's flag.
func CapabilitiesOf(flags map[string]bool) Capabilities {
	var caps Capabilities
	encoded, _ := json.Marshal(flags)  // a map of bools always encodes
	_ = json.Unmarshal(encoded, &caps) // and decodes into Capabilities
	return caps
}
