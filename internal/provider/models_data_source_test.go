package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func TestModelsDataSource_allModelsByID(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const address = "data.megallm_models.all"
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_models" "all" {}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(address, tfjsonpath.New("ids"), knownvalue.ListSizeExact(26)),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("models"), knownvalue.ListSizeExact(26)),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("ids").AtSliceIndex(0), knownvalue.StringExact("claude-3-5-haiku-20241022")),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("ids").AtSliceIndex(25), knownvalue.StringExact("text-embedding-3-small")),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("models").AtSliceIndex(0).AtMapKey("id"), knownvalue.StringExact("claude-3-5-haiku-20241022")),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("models").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id":                knownvalue.StringExact("claude-3-5-haiku-20241022"),
				"type":              knownvalue.StringExact("chat"),
				"display_name":      knownvalue.StringExact("Claude 3.5 Haiku"),
				"owned_by":          knownvalue.StringExact("anthropic"),
				"created_at":        knownvalue.StringExact("2024-10-22T00:00:00Z"),
				"context_length":    knownvalue.Int64Exact(200000),
				"max_output_tokens": knownvalue.Int64Exact(8192),
				"capabilities": knownvalue.ObjectExact(map[string]knownvalue.Check{
					"supports_function_calling":  knownvalue.Bool(true),
					"supports_vision":            knownvalue.Bool(false),
					"supports_streaming":         knownvalue.Bool(true),
					"supports_structured_output": knownvalue.Bool(false),
				}),
				"pricing": knownvalue.ObjectExact(map[string]knownvalue.Check{
					"input_tokens_cost_per_million":  knownvalue.Float64Exact(0.8),
					"output_tokens_cost_per_million": knownvalue.Float64Exact(4),
					"currency":                       knownvalue.StringExact("USD"),
				}),
				// The API reports no lifecycle, and no policy is set.
				"model_lifecycle": knownvalue.ObjectExact(map[string]knownvalue.Check{
					"status":                   knownvalue.Null(),
					"deprecated_at":            knownvalue.Null(),
					"retires_at":               knownvalue.Null(),
					"successor":                knownvalue.Null(),
					"days_to_retirement":       knownvalue.Null(),
					"deprecated_at_unreadable": knownvalue.Bool(false),
					"retires_at_unreadable":    knownvalue.Bool(false),
				}),
			})),
		},
	})
}

func TestModelsDataSource_filters(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "embedding" { type = "embedding" }
data "megallm_models" "owners" { owned_by = ["anthropic", "xai"] }
data "megallm_models" "regex" { id_regex = "^gpt-4o" }
data "megallm_models" "regex_anywhere" { id_regex = "embed" }
data "megallm_models" "combined" {
  type     = "chat"
  owned_by = ["openai", "google"]
  id_regex = "mini|flash"
  require  = { supports_structured_output = true, max_input_cost_per_million = 0.2 }
}
data "megallm_models" "none" {
  owned_by = ["openai"]
  type     = "embedding"
  id_regex = "large$"
  require  = { supports_vision = true }
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.embedding", "mistral-embed", "text-embedding-004", "text-embedding-3-large", "text-embedding-3-small"),
			expectIDs("data.megallm_models.owners", "claude-3-5-haiku-20241022", "claude-3-5-sonnet-20241022", "claude-3-opus-20240229", "claude-sonnet-4-20250514", "grok-2-1212"),
			expectIDs("data.megallm_models.regex", "gpt-4o", "gpt-4o-mini"),
			expectIDs("data.megallm_models.regex_anywhere", "mistral-embed", "text-embedding-004", "text-embedding-3-large", "text-embedding-3-small"),
			expectIDs("data.megallm_models.combined", "gemini-2.0-flash", "gpt-4o-mini"),
			// Nothing matches: empty lists, never null.
			expectIDs("data.megallm_models.none"),
			statecheck.ExpectKnownValue("data.megallm_models.none", tfjsonpath.New("models"), knownvalue.ListExact([]knownvalue.Check{})),
		},
	})
}

// TestModelsDataSource_cheapestMeetingRequirements is the headline use: the
// cheapest vision model with at least 128k context. A model without pricing
// qualifies on capability but sorts last.
func TestModelsDataSource_cheapestMeetingRequirements(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "vision" {
  sort_by = "input_cost"
  require = { supports_vision = true, min_context_length = 128000 }
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.vision",
				"gemini-2.0-flash", "gpt-4o-mini", "gpt-4.1-mini", "gemini-1.5-pro", "gpt-4.1", "gpt-4o",
				"claude-3-5-sonnet-20241022", "claude-sonnet-4-20250514", "claude-3-opus-20240229",
				"meta-llama/llama-3.2-90b-vision-instruct"),
		},
	})
}

// sortFixture is a catalog that exercises every sort key: missing fields,
// ties, and byte-wise id order.
var sortFixture = []json.RawMessage{
	json.RawMessage(`{"id":"b","created_at":"2024-02-01T00:00:00Z","context_length":100,"max_output_tokens":10,"pricing":{"input_tokens_cost_per_million":2,"output_tokens_cost_per_million":5}}`),
	json.RawMessage(`{"id":"a","created_at":"2024-03-01T00:00:00Z","context_length":100,"pricing":{"input_tokens_cost_per_million":1}}`),
	json.RawMessage(`{"id":"C","created_at":"2024-01-01T00:00:00Z","max_output_tokens":30,"pricing":{"input_tokens_cost_per_million":2,"output_tokens_cost_per_million":1}}`),
	json.RawMessage(`{"id":"d","context_length":300,"max_output_tokens":20}`),
}

func TestModelsDataSource_sortKeys(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(sortFixture...)
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "default"      {}
data "megallm_models" "id_desc"      { descending = true }
data "megallm_models" "created"      { sort_by = "created_at" }
data "megallm_models" "created_desc" {
  sort_by    = "created_at"
  descending = true
}
data "megallm_models" "context"      { sort_by = "context_length" }
data "megallm_models" "context_desc" {
  sort_by    = "context_length"
  descending = true
}
data "megallm_models" "output"       { sort_by = "max_output_tokens" }
data "megallm_models" "output_desc" {
  sort_by    = "max_output_tokens"
  descending = true
}
data "megallm_models" "in_cost"      { sort_by = "input_cost" }
data "megallm_models" "in_cost_desc" {
  sort_by    = "input_cost"
  descending = true
}
data "megallm_models" "out_cost"     { sort_by = "output_cost" }
data "megallm_models" "out_cost_desc" {
  sort_by    = "output_cost"
  descending = true
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			// Ids compare byte-wise: upper case before lower case.
			expectIDs("data.megallm_models.default", "C", "a", "b", "d"),
			expectIDs("data.megallm_models.id_desc", "d", "b", "a", "C"),
			// d has no created_at: last in both directions.
			expectIDs("data.megallm_models.created", "C", "b", "a", "d"),
			expectIDs("data.megallm_models.created_desc", "a", "b", "C", "d"),
			// a and b tie at 100: id ascending in both directions; C has none.
			expectIDs("data.megallm_models.context", "a", "b", "d", "C"),
			expectIDs("data.megallm_models.context_desc", "d", "a", "b", "C"),
			expectIDs("data.megallm_models.output", "b", "d", "C", "a"),
			expectIDs("data.megallm_models.output_desc", "C", "d", "b", "a"),
			// C and b tie at 2; d has no pricing.
			expectIDs("data.megallm_models.in_cost", "a", "C", "b", "d"),
			expectIDs("data.megallm_models.in_cost_desc", "C", "b", "a", "d"),
			// a has pricing but no output cost; d has no pricing: both last, by id.
			expectIDs("data.megallm_models.out_cost", "C", "b", "a", "d"),
			expectIDs("data.megallm_models.out_cost_desc", "b", "C", "a", "d"),
			// Omitted fields are null in the listed objects too.
			statecheck.ExpectKnownValue("data.megallm_models.default", tfjsonpath.New("models").AtSliceIndex(3).AtMapKey("pricing"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_models.default", tfjsonpath.New("models").AtSliceIndex(3).AtMapKey("created_at"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_models.default", tfjsonpath.New("models").AtSliceIndex(1).AtMapKey("pricing").AtMapKey("output_tokens_cost_per_million"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_models.default", tfjsonpath.New("models").AtSliceIndex(1).AtMapKey("capabilities"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_models.default", tfjsonpath.New("models").AtSliceIndex(1).AtMapKey("type"), knownvalue.Null()),
		},
	})
}

func TestModelsDataSource_emptyCatalog(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels()
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_models" "all" {}`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.all"),
			statecheck.ExpectKnownValue("data.megallm_models.all", tfjsonpath.New("models"), knownvalue.ListExact([]knownvalue.Check{})),
		},
	})
}

// TestModelsDataSource_idRegexAdvice: the id_regex that white space around a
// pattern is refused for keeps the models meant, and "" keeps every model.
func TestModelsDataSource_idRegexAdvice(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "trimmed" { id_regex = "^gpt-4o$" }
data "megallm_models" "every" { id_regex = "" }
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.trimmed", "gpt-4o"),
			statecheck.ExpectKnownValue("data.megallm_models.every", tfjsonpath.New("ids"), knownvalue.ListSizeExact(26)),
		},
	})
}

func TestModelsDataSource_invalidArguments(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(body, expected string) resource.TestStep {
		return errorStep(server, "megallm_models", body, expected)
	}
	unitTest(t,
		step(`type = ""`, `Invalid type .* type is "", which is no model type: leave type out, or set it to null \(as a variable's `+
			`default = null\), to keep every type\.\s*$`),
		step(`type = " \t"`, `Invalid type .* type is " \\t", which is no model type: leave type out`),
		step(`sort_by = "price"`, `sort_by = "price" is not one of its values\. Use "id", "created_at", "context_length", "max_output_tokens", "input_cost", "output_cost" or "workload_cost"\.`),
		step(`id_regex = "gpt-(4o"`, `Invalid regular expression .* with data.megallm_models.bad, .* missing closing \) in "gpt-\(4o"\. .*RE2 syntax`),
		step(`id_regex = "(${join("|", [for i in range(40) : "model-${i}"])}"`,
			`missing closing \) in "\(model-0\|model-1\|model-2\|model-3\|model-4\|model-5\|model-6\|model-7"… \(350 characters\)\.`),
		step(`id_regex = " "`, `Invalid id_regex .* id_regex is " ", which is no pattern of model ids: leave id_regex out, or set `+
			`it to null \(as a variable's default = null\), to keep every model\.`),
		step("id_regex = <<EOT\n^gpt-4o$\nEOT", `Invalid id_regex .* id_regex is "\^gpt-4o\$\\n", with white space around it, `+
			`which no model id has: write it as "\^gpt-4o\$"\.`),
		// A pattern too long to quote whole is not advised as written, cut.
		step("id_regex = <<EOT\n^(gpt-4o|"+strings.Repeat("x", 60)+")$\nEOT", `Invalid id_regex .* with white space around it, `+
			`which no model id has: delete the white space around it\.\s*$`),
		step(`owned_by = []`, `Invalid owned_by .* owned_by is empty, which keeps no model: list owners, such as \["openai"\], or leave owned_by out to keep every owner\.`),
		step(`owned_by = [""]`, `Invalid owned_by .* an owner of owned_by is "", which is no owner: remove it\.`),
		step(`owned_by = ["openai", " \t"]`, `Invalid owned_by .* an owner of owned_by is " \\t", which is no owner: remove it\.`),
		step(`owned_by = ["openai", null]`, `Invalid owned_by .* owned_by has a null element, which is no owner: remove it, make the variable, attribute or expression it comes from give a value`),
		step(`exclude_ids = ["gpt-4o", null]`, `Invalid exclude_ids .* exclude_ids has a null element, which is no model id: remove it`),
		step(`require = { min_max_output_tokens = -5 }`, `Invalid require .* require.min_max_output_tokens must be 0 or more, got -5`),
		step(`require = { max_input_cost_per_million = -1 }`, `Invalid require .* require.max_input_cost_per_million must be 0 or more, got -1`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid configuration sent %d requests to the API, want 0", n)
	}
}

// TestNullElementFromAnExpression: a null element that an expression gives,
// not a variable (one() of an empty list, a conditional), is told so, and
// that compact() drops it; followed, that advice plans.
func TestNullElementFromAnExpression(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	fix := `remove it, make the variable, attribute or expression it comes from give a value (one() of an empty list ` +
		`gives null, as a conditional may), or drop null elements with compact([...])`
	unitTest(t,
		errorStep(server, "megallm_models", `exclude_ids = [one([for id in ["gpt-4o"] : id if false])]`,
			`Invalid exclude_ids .* exclude_ids has a null element, which is no model id: `+regexp.QuoteMeta(fix)+`\.`),
		errorStep(server, "megallm_model", `candidates = ["gpt-4o", 1 > 2 ? "gpt-4o-mini" : null]`,
			`candidates\[1\] is null, which is no model id: `+regexp.QuoteMeta(fix)),
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + `
data "megallm_models" "m" {
  id_regex    = "^gpt-4o"
  exclude_ids = compact([one([]), "gpt-4o-mini"])
}
data "megallm_model" "m" { candidates = compact([one([]), "gpt-4o"]) }`,
			ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", "gpt-4o"),
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o"))},
		},
	)
}

// A type, owner or excluded id with white space around it, in another letter
// case too, is refused once, by the read, with the catalog's spelling:
// following that advice plans. One the catalog lacks even so gets its closest.
func TestModelsDataSource_spacedNameAdviceFromTheCatalog(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	plans := func(body string) resource.TestStep {
		return resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_models" "m" {` + "\n" + body + "\n}",
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_models.m", tfjsonpath.New("empty_reason"), knownvalue.StringExact("")),
			},
		}
	}
	step := func(body, expected string) resource.TestStep {
		return errorStep(server, "megallm_models", body, expected)
	}
	unitTest(t,
		step(`type = " Chat"`, `Invalid type .* type is " Chat", with white space around it, which no model type has: `+
			`write it as "chat"\.\s*$`),
		plans(`type = "chat"`),
		step(`owned_by = ["anthropic", "OpenAI "]`, `Invalid owned_by .* an owner of owned_by is "OpenAI ", with white space `+
			`around it, which no owner has: write it as "openai"\.\s*$`),
		plans(`owned_by = ["anthropic", "openai"]`),
		step(`exclude_ids = [" GPT-4o"]`, `Invalid exclude_ids .* an id of exclude_ids is " GPT-4o", with white space around `+
			`it, which no model id has: write it as "gpt-4o"\.\s*$`),
		plans(`exclude_ids = ["gpt-4o"]`),
		step(`type = "chta\t"`, `type is "chta\\t", with white space around it, which no model type has: the catalog has no `+
			`model type "chta" either\. Did you mean "chat"\?`),
		step(`owned_by = ["nobody "]`, `an owner of owned_by is "nobody ", with white space around it, which no owner has: the `+
			`catalog has no owner "nobody" either\. The catalog's owners are "anthropic", "deepseek", .*`),
	)
}

// TestModelsDataSource_filterMatchingNoModelWarns reads through the provider
// server, since plugin-testing does not show warnings: a type or owner that
// no model of the catalog has warns on its attribute, and filters that each
// match models but not together do not.
func TestModelsDataSource_filterMatchingNoModelWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	p := newProtocolServer(t, server, nil)
	owners := func(values ...string) tftypes.Value {
		elements := make([]tftypes.Value, len(values))
		for i, v := range values {
			elements[i] = str(v)
		}
		return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, elements)
	}
	catalog := "No model in the MegaLLM catalog (26 models from " + server.URL() + "/models)"
	tests := []struct {
		name   string
		config map[string]tftypes.Value
		want   []string
	}{
		{"owner one edit away", map[string]tftypes.Value{"owned_by": owners("opnai")}, []string{
			`AttributeName("owned_by"): No model with this owner: ` + catalog +
				` has owned_by "opnai", so that owner matches nothing. Did you mean "openai"?`,
		}},
		// A letter-case slip alone is an error of its own: no word of letter case for another slip.
		{"owner with a hyphen", map[string]tftypes.Value{"owned_by": owners("open-ai")}, []string{
			`AttributeName("owned_by"): No model with this owner: ` + catalog +
				` has owned_by "open-ai", so that owner matches nothing. Did you mean "openai"?`,
		}},
		{"owner far from any", map[string]tftypes.Value{"owned_by": owners("openai", "cohere")}, []string{
			`AttributeName("owned_by"): No model with this owner: ` + catalog +
				` has owned_by "cohere", so that owner matches nothing. The catalog's owners are ` +
				`"anthropic", "deepseek", "google", "meta", "mistral", "openai" and "xai".`,
		}},
		{"type the catalog lacks", map[string]tftypes.Value{"type": str("rerank")}, []string{
			`AttributeName("type"): No model of this type: ` + catalog +
				` has type "rerank", so megallm_models lists none. The catalog's types are "chat" and "embedding".`,
		}},
		{"type one edit away", map[string]tftypes.Value{"type": str("chta")}, []string{
			`AttributeName("type"): No model of this type: ` + catalog +
				` has type "chta", so megallm_models lists none. Did you mean "chat"? The catalog's types are "chat" and "embedding".`,
		}},
		{"id_regex matching no id", map[string]tftypes.Value{"id_regex": str("^gtp-")}, []string{
			`AttributeName("id_regex"): No model id matches id_regex: No model id in the MegaLLM catalog (26 models from ` +
				server.URL() + `/models) matches id_regex "^gtp-", so megallm_models lists none. It matches anywhere in ` +
				`an id; check it against the catalog's ids.`,
		}},
		// As a wildcard, "gpt-4.1*" would keep gpt-4.1 and gpt-4.1-mini; as RE2, gpt-4o and gpt-4o-mini too.
		{"id_regex written as a wildcard", map[string]tftypes.Value{"id_regex": str("gpt-4.1*")}, []string{
			`AttributeName("id_regex"): Wildcard in id_regex: id_regex "gpt-4.1*" is a regular expression, in which a ` +
				`final * repeats the character before it, zero or more times, so it keeps the ids without that character ` +
				`too. It is not a wildcard pattern, where * stands for any text: for the ids that start with "gpt-4.1", ` +
				`write "^gpt-4\\.1".`,
		}},
		// Anchored, it is still a wildcard: as RE2, "^gpt-4o*" keeps gpt-4.1 and gpt-4.1-mini too.
		{"anchored id_regex written as a wildcard", map[string]tftypes.Value{"id_regex": str("^gpt-4o*")}, []string{
			`AttributeName("id_regex"): Wildcard in id_regex: id_regex "^gpt-4o*" is a regular expression, in which a ` +
				`final * repeats the character before it, zero or more times, so it keeps the ids without that character ` +
				`too. It is not a wildcard pattern, where * stands for any text: for the ids that start with "gpt-4o", ` +
				`write "^gpt-4o".`,
		}},
		{"id_regex with a regular * at its end", map[string]tftypes.Value{"id_regex": str("^gpt-4.*")}, nil},
		{"id_regex matching", map[string]tftypes.Value{"id_regex": str("^gpt-")}, nil},
		{"each matches, not together", map[string]tftypes.Value{"type": str("embedding"), "owned_by": owners("anthropic")}, nil},
		{"matching filters", map[string]tftypes.Value{"type": str("chat"), "owned_by": owners("openai", "xai")}, nil},
	}
	for _, tc := range tests {
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", tc.config)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: warnings\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

func TestModelsDataSource_anyType(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(
		json.RawMessage(`{"id":"rerank-english-v3","type":"rerank","owned_by":"cohere"}`),
		json.RawMessage(`{"id":"rerank-multilingual-v3","type":"rerank","owned_by":"cohere"}`),
		json.RawMessage(`{"id":"command-r","type":"chat","owned_by":"cohere"}`),
		json.RawMessage(`{"id":"dall-e-3","type":"image","owned_by":"openai"}`),
	)
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "rerank" { type = "rerank" }
data "megallm_models" "image"  { type = "image" }
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.rerank", "rerank-english-v3", "rerank-multilingual-v3"),
			expectIDs("data.megallm_models.image", "dall-e-3"),
		},
	})
}

func TestCatalogHas(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		values []string
		want   string
	}{
		{nil, "No model of the catalog reports its type."},
		{[]string{"chat"}, `The catalog's only type is "chat".`},
		{[]string{"chat", "embedding"}, `The catalog's types are "chat" and "embedding".`},
		{[]string{"chat", "embedding", "rerank"}, `The catalog's types are "chat", "embedding" and "rerank".`},
	} {
		if got := catalogHas("types", tc.values); got != tc.want {
			t.Errorf("catalogHas(types, %q) = %q, want %q", tc.values, got, tc.want)
		}
	}
}

// TestModelValues_readBack holds modelValues, which builds both data
// sources' model values, to the functions' reader, and setModels'
// conversion to the framework's: each model of the synthetic and built-in
// catalogs, and models that omit each optional object or every field, reads
// back as itself.
func TestModelValues_readBack(t *testing.T) {
	t.Parallel()
	var models []megallm.Model
	for _, body := range [][]byte{mockapi.ListBody(mockapi.SyntheticModels(300)...), mockapi.BuiltinCatalog()} {
		decoded, problems, err := megallm.DecodeModels(bytes.NewReader(body))
		if err != nil || len(problems) > 0 {
			t.Fatalf("decoding a catalog: %v %v", err, problems)
		}
		models = append(models, decoded...)
	}
	f := 0.0
	successor := "gpt-4o"
	deprecated := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	retires := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	past := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	models = append(models,
		megallm.Model{ID: "deprecated", DeprecatedAt: &deprecated, RetiresAt: &retires, Successor: &successor},
		megallm.Model{ID: "retired", RetiresAt: &past},
		megallm.Model{ID: "successor-only", Successor: &successor},
		megallm.Model{ID: "bare"},
		megallm.Model{ID: "empty-objects", Capabilities: &megallm.Capabilities{}, Pricing: &megallm.Pricing{}},
		// A free model: a price of 0 is a price. (A token limit of 0 is none
		// the decoder keeps, and reads back as not reported.)
		megallm.Model{ID: "zeros", Pricing: &megallm.Pricing{InputTokensCostPerMillion: &f}},
	)
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range models {
		want := &models[i]
		values := modelValues(want, now)
		object, diags := types.ObjectValue(modelTypes().model, values)
		if diags.HasError() {
			t.Fatalf("%s: %v", want.ID, diags)
		}
		value, err := object.ToTerraformValue(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if direct, err := terraformObject(context.Background(), modelTypes().terraform, values); err != nil || !direct.Equal(value) {
			t.Errorf("%s: setModels converts to another value than the framework: %v", want.ID, err)
		}
		got, lifecycle, err := readModel(value)
		if err != nil {
			t.Fatalf("%s: %v", want.ID, err)
		}
		if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(megallm.Model{}, "Object")); diff != "" { // not an attribute
			t.Errorf("%s reads back otherwise (-built +read):\n%s", want.ID, diff)
		}
		if diff := cmp.Diff(catalog.LifecycleOf(want, now), lifecycle); diff != "" {
			t.Errorf("%s's lifecycle reads back otherwise (-built +read):\n%s", want.ID, diff)
		}
	}
}

// TestModelsDataSource_excludeIDsCostLinear: a read costs in proportion to
// exclude_ids, not to its square, as the framework's comparison of the state's
// set with the configuration's, element by element, would
// (terraform-plugin-framework#1314): seconds of plan time for 2,000 ids.
// Allocations count the work, as a clock would not on a loaded machine.
func TestModelsDataSource_excludeIDsCostLinear(t *testing.T) {
	p := newProtocolServer(t, mockapi.NewTestServer(t, ""), nil)
	allocations := func(n int) float64 {
		ids := make([]tftypes.Value, n)
		for i := range ids {
			ids[i] = str(mockapi.SyntheticModelID(i)) // not in the built-in catalog: warnings, no error
		}
		config := p.config(t, "megallm_models", map[string]tftypes.Value{
			"exclude_ids": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, ids),
		})
		return testing.AllocsPerRun(1, func() {
			if _, errText := p.read("megallm_models", config); errText != "" {
				t.Fatal(errText)
			}
		})
	}
	if small, large := allocations(250), allocations(500); large > 3*small {
		t.Errorf("twice the exclude_ids cost %.1f times the allocations (%.0f, then %.0f): want about twice", large/small, small, large)
	}
}

// TestSpacedIDsAdvisedAsListed: a read works out what a spaced id of
// exclude_ids or candidates meant, a pass over the catalog each, only for the
// ten its error lists, and counts the others, so that a thousand cost what
// ten do (DESIGN.md), not a minute of plan time for a thousand ids of a
// catalog of 10,000.
func TestSpacedIDsAdvisedAsListed(t *testing.T) {
	models := make([]json.RawMessage, 2000)
	for i := range models {
		// in capitals, which each comparison with a value lower-cases: allocations count the comparisons
		models[i] = json.RawMessage(fmt.Sprintf(`{"id": "Model-%d", "object": "model"}`, i))
	}
	mock := mockapi.NewTestServer(t, "")
	mock.SetModels(models...)
	p := newProtocolServer(t, mock, nil)
	for _, c := range []struct{ typeName, argument string }{{"megallm_models", "exclude_ids"}, {"megallm_model", "candidates"}} {
		allocations := func(n int) float64 {
			ids := make([]tftypes.Value, n)
			for i := range ids {
				ids[i] = str(fmt.Sprintf(" no-such-model-%d ", i)) // spaced, and not in the catalog
			}
			listType := tftypes.Type(tftypes.List{ElementType: tftypes.String})
			if c.argument == "exclude_ids" {
				listType = tftypes.Set{ElementType: tftypes.String}
			}
			config := p.config(t, c.typeName, map[string]tftypes.Value{c.argument: tftypes.NewValue(listType, ids)})
			return testing.AllocsPerRun(1, func() {
				if _, errText := p.read(c.typeName, config); !strings.Contains(errText, "and "+strconv.Itoa(n-catalog.MaxListed)+" more") {
					t.Fatalf("%s: want the spaced ids refused, ten listed: %.500s", c.argument, errText)
				}
			})
		}
		if small, large := allocations(20), allocations(200); large > 2*small {
			t.Errorf("ten times the spaced %s cost %.1f times the allocations (%.0f, then %.0f): want the advice worked "+
				"out for the ten listed alone", c.argument, large/small, small, large)
		}
	}
}
