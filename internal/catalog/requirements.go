package catalog

import (
	"fmt"
	"strconv"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Requirements is what a model must offer. Zero values ask for nothing: a
// false capability or a nil bound is no requirement. A model that does not
// report a field never meets a requirement on that field.
type Requirements struct {
	FunctionCalling  bool
	Vision           bool
	Streaming        bool
	StructuredOutput bool

	MinContextLength        *int64
	MinMaxOutputTokens      *int64
	MaxInputCostPerMillion  *float64
	MaxOutputCostPerMillion *float64
}

// Unmet lists, in a fixed order, every requirement the model misses, each with
// the model's actual value and the required one. It is empty when all are met.
func (r Requirements) Unmet(m *megallm.Model) []string {
	var unmet []string
	add := func(problem string) { unmet = append(unmet, problem) }

	caps := m.Capabilities
	if caps == nil {
		caps = &megallm.Capabilities{}
	}
	for _, c := range []struct {
		required bool
		actual   *bool
		name     string
		field    string
	}{
		{r.FunctionCalling, caps.SupportsFunctionCalling, "function calling", "supports_function_calling"},
		{r.Vision, caps.SupportsVision, "vision", "supports_vision"},
		{r.Streaming, caps.SupportsStreaming, "streaming", "supports_streaming"},
		{r.StructuredOutput, caps.SupportsStructuredOutput, "structured output", "supports_structured_output"},
	} {
		switch {
		case !c.required || (c.actual != nil && *c.actual):
		case c.actual == nil:
			add(fmt.Sprintf("does not report whether it supports %s (capabilities.%s is missing)", c.name, c.field))
		default:
			add("does not support " + c.name)
		}
	}

	if problem, ok := atLeast("context_length", m.ContextLength, r.MinContextLength); !ok {
		add(problem)
	}
	if problem, ok := atLeast("max_output_tokens", m.MaxOutputTokens, r.MinMaxOutputTokens); !ok {
		add(problem)
	}
	pricing := m.Pricing
	if pricing == nil {
		pricing = &megallm.Pricing{}
	}
	if problem, ok := atMost("input_tokens_cost_per_million", pricing.InputTokensCostPerMillion, r.MaxInputCostPerMillion); !ok {
		add(problem)
	}
	if problem, ok := atMost("output_tokens_cost_per_million", pricing.OutputTokensCostPerMillion, r.MaxOutputCostPerMillion); !ok {
		add(problem)
	}
	return unmet
}

// Met reports whether the model meets every requirement.
func (r Requirements) Met(m *megallm.Model) bool {
	return len(r.Unmet(m)) == 0
}

func atLeast(field string, actual, minimum *int64) (string, bool) {
	switch {
	case minimum == nil:
		return "", true
	case actual == nil:
		return fmt.Sprintf("%s is not reported (required >= %d)", field, *minimum), false
	case *actual < *minimum:
		return fmt.Sprintf("%s %d < required %d", field, *actual, *minimum), false
	}
	return "", true
}

func atMost(field string, actual, maximum *float64) (string, bool) {
	switch {
	case maximum == nil:
		return "", true
	case actual == nil:
		return fmt.Sprintf("%s is not reported (allowed <= %s)", field, formatNumber(*maximum)), false
	case *actual > *maximum:
		return fmt.Sprintf("%s %s > allowed %s", field, formatNumber(*actual), formatNumber(*maximum)), false
	}
	return "", true
}

func formatNumber(f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64)
}
