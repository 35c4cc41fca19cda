package mockapi

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// syntheticFamilies are the publishers and model families a synthetic catalog
// draws from; a namespace, when set, prefixes the id as the API does for
// models served through a router ("meta-llama/llama-3.3-70b-instruct").
var syntheticFamilies = []struct {
	owner, namespace, family, display string
}{
	{"openai", "", "gpt", "GPT"},
	{"anthropic", "", "claude", "Claude"},
	{"google", "", "gemini", "Gemini"},
	{"mistralai", "mistralai/", "mistral", "Mistral"},
	{"meta", "meta-llama/", "llama", "Llama"},
	{"deepseek", "deepseek/", "deepseek", "DeepSeek"},
	{"qwen", "qwen/", "qwen", "Qwen"},
	{"cohere", "", "command", "Command"},
	{"xai", "", "grok", "Grok"},
	{"microsoft", "microsoft/", "phi", "Phi"},
}

var syntheticVariants = []string{"mini", "pro", "instruct", "turbo", "flash", "large", "small", "chat"}

// SyntheticModelID is the id of model i of a synthetic catalog, such as
// "meta-llama/llama-3-70b-instruct-00004". It depends on i alone.
func SyntheticModelID(i int) string {
	f := syntheticFamilies[i%len(syntheticFamilies)]
	v := syntheticVariants[(i/len(syntheticFamilies))%len(syntheticVariants)]
	return fmt.Sprintf("%s%s-%d-%db-%s-%05d", f.namespace, f.family, 1+i%4, 8<<(i%5), v, i)
}

// syntheticModel is one catalog entry; nil fields are omitted, as the API may.
type syntheticModel struct {
	ID              string           `json:"id"`
	Object          *string          `json:"object,omitempty"`
	Type            *string          `json:"type,omitempty"`
	CreatedAt       *string          `json:"created_at,omitempty"`
	OwnedBy         *string          `json:"owned_by,omitempty"`
	DisplayName     *string          `json:"display_name,omitempty"`
	Capabilities    *map[string]bool `json:"capabilities,omitempty"`
	Pricing         *map[string]any  `json:"pricing,omitempty"`
	ContextLength   *int64           `json:"context_length,omitempty"`
	MaxOutputTokens *int64           `json:"max_output_tokens,omitempty"`
	Extra           map[string]any   `json:"extra,omitempty"`
}

// SyntheticModels returns n distinct, deterministic model objects for scale
// tests and benchmarks: ids from SyntheticModelID, varied types, owners,
// dates, limits and prices, and a few percent of every optional field omitted
// (whole capabilities and pricing objects included). The first k models of
// SyntheticModels(n) are SyntheticModels(k).
func SyntheticModels(n int) []json.RawMessage {
	r := rand.New(rand.NewPCG(2024, uint64(len(syntheticFamilies))))
	// maybe is false with the given percent chance: the field is omitted.
	maybe := func(percent int) bool { return r.IntN(100) >= percent }
	epoch := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	contexts := []int64{8192, 32768, 128000, 200000, 1000000, 1047576}
	outputs := []int64{4096, 8192, 16384, 32768, 65536}
	prices := []float64{0.02, 0.05, 0.1, 0.15, 0.25, 0.4, 0.6, 1, 1.25, 2, 2.5, 3, 5, 10, 15, 60, 75}

	out := make([]json.RawMessage, n)
	for i := range n {
		f := syntheticFamilies[i%len(syntheticFamilies)]
		m := syntheticModel{ID: SyntheticModelID(i)}
		embedding := r.IntN(10) == 0
		if maybe(3) {
			m.Object = ptr("model")
		}
		if maybe(2) {
			m.Type = ptr("chat")
			if embedding {
				m.Type = ptr("embedding")
			}
		}
		if maybe(5) {
			m.CreatedAt = ptr(epoch.Add(time.Duration(r.IntN(4*365)) * 24 * time.Hour).Format(time.RFC3339))
		}
		if maybe(2) {
			m.OwnedBy = ptr(f.owner)
		}
		if maybe(10) {
			m.DisplayName = ptr(fmt.Sprintf("%s %d %s #%d", f.display, 1+i%4, syntheticVariants[r.IntN(len(syntheticVariants))], i))
		}
		if maybe(8) {
			caps := map[string]bool{}
			for _, name := range []string{"supports_function_calling", "supports_vision", "supports_streaming", "supports_structured_output"} {
				if maybe(5) {
					caps[name] = !embedding && r.IntN(4) != 0
				}
			}
			m.Capabilities = &caps
		}
		if maybe(10) {
			pricing := map[string]any{}
			input := prices[r.IntN(len(prices))]
			if maybe(3) {
				pricing["input_tokens_cost_per_million"] = input
			}
			if !embedding && maybe(3) {
				pricing["output_tokens_cost_per_million"] = math.Round(input*float64(2+r.IntN(4))*1000) / 1000
			}
			if maybe(5) {
				pricing["currency"] = "USD"
			}
			m.Pricing = &pricing
		}
		if maybe(5) {
			m.ContextLength = ptr(contexts[r.IntN(len(contexts))])
			if embedding {
				m.ContextLength = ptr[int64](8191)
			}
		}
		if !embedding && maybe(8) {
			m.MaxOutputTokens = ptr(outputs[r.IntN(len(outputs))])
		}
		if r.IntN(20) == 0 {
			// A field the contract does not know yet: clients must ignore it.
			m.Extra = map[string]any{"tier": r.IntN(3), "regions": []string{"us", "eu"}}
		}
		body, err := json.Marshal(m)
		if err != nil {
			panic(fmt.Sprintf("mockapi: encoding a synthetic model: %v", err))
		}
		out[i] = body
	}
	return out
}

func ptr[T any](v T) *T { return &v }
