package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func TestModelDataSource_readsEveryField(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	const address = "data.megallm_model.test"
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_model" "test" { id = "gpt-4o-mini" }`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(address, tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o-mini")),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("type"), knownvalue.StringExact("chat")),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("display_name"), knownvalue.StringExact("GPT-4o mini")),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("owned_by"), knownvalue.StringExact("openai")),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("created_at"), knownvalue.StringExact("2024-07-18T00:00:00Z")),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("context_length"), knownvalue.Int64Exact(128000)),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("max_output_tokens"), knownvalue.Int64Exact(16384)),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("capabilities"), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"supports_function_calling":  knownvalue.Bool(true),
				"supports_vision":            knownvalue.Bool(true),
				"supports_streaming":         knownvalue.Bool(true),
				"supports_structured_output": knownvalue.Bool(true),
			})),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("pricing"), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"input_tokens_cost_per_million":  knownvalue.Float64Exact(0.15),
				"output_tokens_cost_per_million": knownvalue.Float64Exact(0.6),
				"currency":                       knownvalue.StringExact("USD"),
			})),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("require"), knownvalue.Null()),
		},
	})
}

func TestModelDataSource_idWithSlashAndDots(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_model" "llama" { id = "meta-llama/llama-3.3-70b-instruct" }`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_model.llama", tfjsonpath.New("owned_by"), knownvalue.StringExact("meta")),
			statecheck.ExpectKnownValue("data.megallm_model.llama", tfjsonpath.New("context_length"), knownvalue.Int64Exact(131072)),
		},
	})
}

func TestModelDataSource_omittedFieldsAreNull(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_model" "no_capabilities" { id = "deepseek-coder" }
data "megallm_model" "no_pricing"      { id = "meta-llama/llama-3.2-90b-vision-instruct" }
data "megallm_model" "partial"         { id = "codestral-latest" }
data "megallm_model" "embedding"       { id = "text-embedding-004" }
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_model.no_capabilities", tfjsonpath.New("capabilities"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_model.no_capabilities", tfjsonpath.New("created_at"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_model.no_capabilities", tfjsonpath.New("max_output_tokens"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_model.no_capabilities", tfjsonpath.New("context_length"), knownvalue.Int64Exact(16000)),
			statecheck.ExpectKnownValue("data.megallm_model.no_pricing", tfjsonpath.New("pricing"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_model.no_pricing", tfjsonpath.New("capabilities").AtMapKey("supports_vision"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("data.megallm_model.partial", tfjsonpath.New("capabilities").AtMapKey("supports_structured_output"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_model.partial", tfjsonpath.New("capabilities").AtMapKey("supports_function_calling"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("data.megallm_model.embedding", tfjsonpath.New("type"), knownvalue.StringExact("embedding")),
			statecheck.ExpectKnownValue("data.megallm_model.embedding", tfjsonpath.New("pricing"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_model.embedding", tfjsonpath.New("max_output_tokens"), knownvalue.Null()),
		},
	})
}

func TestModelDataSource_unknownIDSuggestsClosest(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		resource.TestStep{
			Config:      providerBlock(server, "") + `data "megallm_model" "typo" { id = "gpt-4o-mnii" }`,
			ExpectError: expectError(`Unknown MegaLLM model id .* has no model with id "gpt-4o-mnii". Did you mean "gpt-4o-mini" or "gpt-4.1-mini"\?`),
		},
		resource.TestStep{
			Config:      providerBlock(server, "") + `data "megallm_model" "three" { id = "gpt-4" }`,
			ExpectError: expectError(`Did you mean "gpt-4o", "gpt-4.1" or "gpt-4.1-mini"\?`),
		},
		resource.TestStep{
			Config:      providerBlock(server, "") + `data "megallm_model" "prefix" { id = "llama-3.3-70b-instruct" }`,
			ExpectError: expectError(`Did you mean "meta-llama/llama-3.3-70b-instruct"\?`),
		},
		resource.TestStep{
			// Other gateways name models "vendor/model".
			Config:      providerBlock(server, "") + `data "megallm_model" "vendor" { id = "anthropic/claude-sonnet-4" }`,
			ExpectError: expectError(`has no model with id "anthropic/claude-sonnet-4". Did you mean "claude-sonnet-4-20250514"\?`),
		},
		resource.TestStep{
			// A misspelt id without its date is near the start of the catalog's.
			Config:      providerBlock(server, "") + `data "megallm_model" "dated" { id = "claude-3-5-sonet" }`,
			ExpectError: expectError(`has no model with id "claude-3-5-sonet". Did you mean "claude-3-5-sonnet-20241022"\?`),
		},
		resource.TestStep{
			Config:      providerBlock(server, "") + `data "megallm_model" "case" { id = "GPT-4o" }`,
			ExpectError: expectError(`Did you mean "gpt-4o"`),
		},
		resource.TestStep{
			// Not "Ids are case-sensitive": the slip is in the separators.
			Config: providerBlock(server, "") + `data "megallm_model" "separators" { id = "gpt_4o" }`,
			ExpectError: expectError(`has no model with id "gpt_4o"\. Did you mean "gpt-4o"\?\s+The catalog has "gpt-4o": ids are ` +
				`exact to the separator\. List the available ids with the megallm_models data source\.\s*$`),
		},
		resource.TestStep{
			// A 1,000,000-character id: the error quotes its first 64.
			Config:      providerBlock(server, "") + `data "megallm_model" "long" { id = format("%01000000d", 0) }`,
			ExpectError: expectError(`\) has no model with id "0{64}"… \(1000000 characters\)\. Ids are case-sensitive`),
		},
		resource.TestStep{
			Config:      providerBlock(server, "") + `data "megallm_model" "far" { id = "zzzzzzzzzzzz" }`,
			ExpectError: expectError(`\(26 models from http://127\.0\.0\.1:\d+/v1/models\) has no model with id "zzzzzzzzzzzz"\.\s+Ids are case-sensitive`),
		},
	)
}

// TestModelDataSource_vendorPrefixedIDSuggestsClosestWhole: in a catalog of
// ids with vendor prefixes, some sharing what follows the '/', the id closest
// as a whole is suggested first, and another vendor's model after it.
func TestModelDataSource_vendorPrefixedIDSuggestsClosestWhole(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(
		json.RawMessage(`{"id":"meta-llama/llama-3.1-70b-instruct","owned_by":"meta"}`),
		json.RawMessage(`{"id":"meta-llama/llama-3.3-70b-instruct","owned_by":"meta"}`),
		json.RawMessage(`{"id":"groq/llama-3.1-70b-instruct","owned_by":"groq"}`),
		json.RawMessage(`{"id":"mistralai/mistral-large","owned_by":"mistralai"}`),
		json.RawMessage(`{"id":"mistral-large","owned_by":"mistralai"}`),
	)
	unitTest(t,
		errorStep(server, "megallm_model", `id = "meta-llama/llama-3.1-70b"`,
			`has no model with id "meta-llama/llama-3.1-70b". Did you mean "meta-llama/llama-3.1-70b-instruct" or "groq/llama-3.1-70b-instruct"\?`),
		errorStep(server, "megallm_model", `id = "meta/llama-3.1-70b-instruct"`,
			`Did you mean "meta-llama/llama-3.1-70b-instruct", "groq/llama-3.1-70b-instruct" or "meta-llama/llama-3.3-70b-instruct"\?`),
		errorStep(server, "megallm_model", `id = "mistrali/mistral-large"`,
			`Did you mean "mistralai/mistral-large" or "mistral-large"\?`),
	)
}

func TestModelDataSource_requirementsUnmetListsEach(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		resource.TestStep{
			Config: providerBlock(server, "") + `
data "megallm_model" "old" {
  id = "gpt-3.5-turbo"
  require = {
    supports_vision            = true
    supports_function_calling  = true
    min_context_length         = 100000
    min_max_output_tokens      = 8192
    max_input_cost_per_million = 0.25
    max_output_cost_per_million = 1
  }
}`,
			ExpectError: expectError(`Model does not meet requirements .* Model "gpt-3.5-turbo" does not meet 5 requirements:` +
				` - does not support vision - context_length 16385 < required 100000` +
				` - max_output_tokens 4096 < required 8192 - input_tokens_cost_per_million 0.5 > allowed 0.25` +
				` - output_tokens_cost_per_million 1.5 > allowed 1 Choose another model \(a megallm_models data source with` +
				` the same require lists the models that do\), or relax require\.`),
		},
		resource.TestStep{
			Config: providerBlock(server, "") + `
data "megallm_model" "coder" {
  id      = "deepseek-coder"
  require = { supports_function_calling = true, min_max_output_tokens = 1 }
}`,
			ExpectError: expectError(`does not report whether it supports function calling \(capabilities.supports_function_calling is missing\)` +
				` - max_output_tokens is not reported \(required >= 1\)`),
		},
		resource.TestStep{
			Config: providerBlock(server, "") + `
data "megallm_model" "unpriced" {
  id      = "meta-llama/llama-3.2-90b-vision-instruct"
  require = { max_input_cost_per_million = 10 }
}`,
			// Relaxing never admits a model without the price: the advice is not to relax require.
			ExpectError: expectError(`Model "meta-llama/llama-3.2-90b-vision-instruct" does not meet 1 requirement:` +
				` - input_tokens_cost_per_million is not reported \(allowed <= 10\) Choose another model \(.*\), or` +
				` remove what it misses from require: a model never meets a requirement on a field it does not report\.`),
		},
	)
}

func TestModelDataSource_requirementsMetAreInclusive(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_model" "ok" {
  id = "gpt-4o"
  require = {
    supports_vision             = true
    supports_function_calling   = true
    supports_streaming          = true
    supports_structured_output  = true
    min_context_length          = 128000
    min_max_output_tokens       = 16384
    max_input_cost_per_million  = 2.5
    max_output_cost_per_million = 10
  }
}
data "megallm_model" "false_is_no_requirement" {
  id      = "o3-mini"
  require = { supports_vision = false, min_context_length = 1 }
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_model.ok", tfjsonpath.New("context_length"), knownvalue.Int64Exact(128000)),
			statecheck.ExpectKnownValue("data.megallm_model.ok", tfjsonpath.New("require").AtMapKey("min_context_length"), knownvalue.Int64Exact(128000)),
			statecheck.ExpectKnownValue("data.megallm_model.false_is_no_requirement", tfjsonpath.New("capabilities").AtMapKey("supports_vision"), knownvalue.Bool(false)),
		},
	})
}

func TestModelDataSource_invalidArguments(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		resource.TestStep{
			Config:      providerBlock(server, "") + `data "megallm_model" "empty" { id = "" }`,
			ExpectError: expectError(`Invalid id .* id is "", which is no model id: write the id of a model, such as "gpt-4o-mini"\.`),
		},
		resource.TestStep{
			Config:      providerBlock(server, "") + `data "megallm_model" "blank" { id = " " }`,
			ExpectError: expectError(`Invalid id .* id is " ", which is no model id: write the id of a model`),
		},
		resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "neg" {
  id      = "gpt-4o"
  require = { min_context_length = -1 }
}`,
			ExpectError: expectError(`Invalid require .* require.min_context_length must be 0 or more, got -1`),
		},
		resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "neg" {
  id      = "gpt-4o"
  require = { max_output_cost_per_million = -0.5 }
}`,
			ExpectError: expectError(`Invalid require .* require.max_output_cost_per_million must be 0 or more, got -0.5`),
		},
		resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "fraction" {
  id      = "gpt-4o"
  require = { min_context_length = 1.5, min_max_output_tokens = 0.5 }
}`,
			ExpectError: expectError(`Invalid require .* require.min_context_length must be a whole number, got 1\.5: write 1 or 2\. ` +
				`require.min_max_output_tokens must be a whole number, got 0\.5: write 0 or 1\.\s*$`),
		},
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid configuration sent %d requests to the API, want 0", n)
	}
}

// An id with white space around it and in another letter case, as a person
// reads " GPT-4o", is refused once, by the read, with the catalog's spelling:
// following that advice plans. So is a candidate, wherever it stands, and an
// id with a look-alike dash; one the catalog lacks even so gets its closest
// ids. Each is on the argument it is written in.
func TestModelDataSource_spacedIDAdviceFromTheCatalog(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	plans := func(body, id string) resource.TestStep {
		return resource.TestStep{
			Config: providerBlock(server, "") + `data "megallm_model" "m" {` + "\n" + body + "\n}",
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact(id)),
			},
		}
	}
	unitTest(t,
		errorStep(server, "megallm_model", `id = " GPT-4o"`,
			`Invalid id .* id is " GPT-4o", with white space around it, which no model id has: write it as "gpt-4o"\.\s*$`),
		plans(`id = "gpt-4o"`, "gpt-4o"),
		errorStep(server, "megallm_model", `candidates = ["gpt-4.1", "OpenAI/GPT-4o-Mini\n"]`,
			`Invalid candidates .* candidates\[1\] is "OpenAI/GPT-4o-Mini\\n", with white space around it, which no model `+
				`id has: write it as "gpt-4o-mini"\.\s*$`),
		plans(`candidates = ["gpt-4.1", "gpt-4o-mini"]`, "gpt-4.1"),
		errorStep(server, "megallm_model", "id = \"GPT\u20114o\"",
			`Invalid id .* id is "GPT‑4o", with an invisible or look-alike character \(U\+2011, its character 4\), which no `+
				`model id has: copying through a chat or a document can add one; write it as "gpt-4o"\.`),
		errorStep(server, "megallm_model", `id = "gpt-4x "`,
			`id is "gpt-4x ", with white space around it, which no model id has: the catalog has no model id "gpt-4x" `+
				`either\. Did you mean "gpt-4o" or "gpt-4\.1"\?`),
	)
}

// A spaced id whose catalog spelling is too long to quote whole is not
// advised as that spelling, which a cut quote cannot give: the advice says
// what to change, and followed, it plans.
func TestModelDataSource_spacedLongIDAdvice(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	id := fmt.Sprintf("model-%075d", 1) // 81 characters
	server.SetModels(json.RawMessage(fmt.Sprintf(`{"id":%q,"owned_by":"openai"}`, id)))
	unitTest(t,
		errorStep(server, "megallm_model", fmt.Sprintf(`id = " OpenAI/%s"`, strings.ToUpper(id)),
			`with white space around it, which no model id has: delete the white space around it, and write it without\s+`+
				`the vendor prefix "OpenAI/", and write it in lower case\.\s*$`),
		resource.TestStep{ // the advice followed
			Config: providerBlock(server, "") + fmt.Sprintf(`data "megallm_model" "m" { id = %q }`, id),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact(id)),
			},
		},
	)
}

// A key that Terraform knows while it validates, before it configures the
// provider (from file(), here with the newline a file ends in), is shown as
// *** when it is pasted into a data source's argument: the provider block's
// validation remembers it.
func TestModelDataSource_keyFromFileInArgument(t *testing.T) {
	t.Parallel()
	step := func(key, dataSource, expected string) resource.TestStep {
		server := mockapi.NewTestServer(t, key)
		file := filepath.Join(t.TempDir(), "key.txt")
		if err := os.WriteFile(file, []byte(key+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return resource.TestStep{
			Config: fmt.Sprintf("provider \"megallm\" {\n  base_url = %q\n  api_key  = file(%q)\n}\n", server.URL(), file) +
				fmt.Sprintf(dataSource, file),
			ExpectError: expectError(expected),
		}
	}
	unitTest(t,
		// Next to a value not known yet, the validator refuses the id (nameValidator); else the read would.
		step(testKey(t, "id"), "data \"megallm_model\" \"m\" {\n  id = file(%q)\n  require = { min_context_length = timestamp() == \"\" ? 1 : 2 }\n}",
			`id is "\*\*\*\\n", with white space around it, which no model id has: write the model id as the catalog does\.`),
		// All known, the read refuses it, with what the catalog has: the key stays *** there too.
		step(testKey(t, "id-read"), `data "megallm_model" "m" { id = file(%q) }`,
			`id is "\*\*\*\\n", with white space around it, which no model id has: the catalog has no model id "\*\*\*" either`),
		step("zq9-sort_by+KEY+h111-8053", `data "megallm_models" "m" { sort_by = file(%q) }`,
			`sort_by = "\*\*\*\\n" is not one of its values\.`),
		// a key file copied from a .env line: its key, shorter than the runs
		// of ten characters a longer key is found by, is *** without the line
		step("MEGALLM_API_KEY=h114-k7", "data \"megallm_model\" \"m\" {\n  id = replace(file(%q), \"MEGALLM_API_KEY=\", \"\")\n"+
			"  require = { min_context_length = timestamp() == \"\" ? 1 : 2 }\n}",
			`id is "\*\*\*\\n", with white space around it`),
	)
}

func TestDidYouMean(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		ids  []string
		want string
	}{
		{nil, ""},
		{[]string{"a"}, ` Did you mean "a"?`},
		{[]string{"a", "b"}, ` Did you mean "a" or "b"?`},
		{[]string{"a", "b", "c"}, ` Did you mean "a", "b" or "c"?`},
	} {
		if got := didYouMean(tc.ids); got != tc.want {
			t.Errorf("didYouMean(%q) = %q, want %q", tc.ids, got, tc.want)
		}
	}
}

// A catalog of one model is "1 model", not "1 models".
func TestModelDataSource_unknownIDInCatalogOfOne(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"gpt-4o","type":"chat"}`))
	unitTest(t, errorStep(server, "megallm_model", `id = "gpt-4o-mini"`,
		`Unknown MegaLLM model id .* The MegaLLM catalog \(1 model from http://127\.0\.0\.1:\d+/v1/models\) has no model with id "gpt-4o-mini"`))
}

// TestModelDataSource_idHoldingTheKey: with a key that is a word, as a
// gateway that checks none may take, the catalog leaves out a model whose id
// holds it (ollama/llama3 for "ollama"), so an id or a candidate that holds
// it is told why, with a key that hides no id, and no other model is
// suggested for it, nor advised as the spelling of one when written with
// white space around it; an excluded id, a policy's key or successor that
// holds it is told so in a warning, as another such id the catalog lacks,
// not refused as misnamed, and such a successor is none, kept out of the
// state. No other test's text holds "ollama", which every later message of
// this process scrubs (configuredKeys).
func TestModelDataSource_idHoldingTheKey(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "ollama")
	server.SetModels(json.RawMessage(`{"id":"ollama/llama3"}`), json.RawMessage(`{"id":"llama3"}`))
	const why = `The id holds the API key (shown as ***), and every model whose id holds it is left out of the ` +
		`catalog, as no configuration could name it without the key: for an API that checks no key, set a key of 10 ` +
		`characters or more that no model id holds, such as "no-key-required"`
	provider := fmt.Sprintf("provider \"megallm\" {\n  base_url = %q\n  api_key  = \"ollama\"\n}\n", server.URL())
	spaced := `" \*\*\*/llama3", with white space around it, which no model id has: the catalog has no model id ` +
		`"\*\*\*/llama3" either\. ` + regexp.QuoteMeta(why) + `\.`
	for config, expected := range map[string]string{
		`data "megallm_model" "m" { id = "ollama/llama3" }`: `has no model with id "\*\*\*/llama3"\. ` +
			regexp.QuoteMeta(why) + `\.\s+Ids are case-sensitive`,
		`data "megallm_model" "m" { candidates = ["ollama/llama3"] }`: `- "\*\*\*/llama3" is not in the catalog \(t` +
			regexp.QuoteMeta(why[1:]) + `\)\s+Add a candidate`,
		// With white space around it, it is not advised to be written as another model's id.
		`data "megallm_model" "m" { id = " ollama/llama3" }`:             `id is ` + spaced,
		`data "megallm_model" "m" { candidates = [" ollama/llama3"] }`:   `candidates\[0\] is ` + spaced,
		`data "megallm_models" "m" { exclude_ids = [" ollama/llama3"] }`: `an id of exclude_ids is ` + spaced,
	} {
		unitTest(t, resource.TestStep{Config: provider + config, ExpectError: expectError(expected)})
	}
	unitTest(t, resource.TestStep{
		Config:            provider + `data "megallm_models" "m" { exclude_ids = ["ollama/llama3"] }`,
		ConfigStateChecks: []statecheck.StateCheck{expectIDs("data.megallm_models.m", "llama3")},
	})
	p := newProtocolServer(t, server, map[string]tftypes.Value{"api_key": str("ollama")})
	exclude := tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("ollama/llama3")})
	_, warnings := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", map[string]tftypes.Value{"exclude_ids": exclude}))
	want := `AttributeName("exclude_ids"): No model with this id: No model in the MegaLLM catalog (1 model from ` +
		server.URL() + `/models) has id "***/llama3", so excluding it leaves out nothing. Ids are exact and case-sensitive. ` +
		why + "."
	if !slices.Contains(warnings, want) {
		t.Errorf("warnings\n%q\nwant among them\n%q", warnings, want)
	}
	// The policy's key and successor that hold it are told why, in the warnings of ids it lacks, not refused as
	// written otherwise than "llama3", nor advised to be written so with white space around them; the successor is none.
	server.SetModels(json.RawMessage(`{"id":"ollama/llama3"}`), json.RawMessage(`{"id":"llama3"}`), json.RawMessage(`{"id":"phi3"}`))
	p = newProtocolServer(t, server, map[string]tftypes.Value{"api_key": str("ollama"), "policy": object(map[string]tftypes.Value{
		"models": object(map[string]tftypes.Value{
			"ollama/llama3": object(map[string]tftypes.Value{"denied": tftypes.NewValue(tftypes.Bool, true)}),
			"phi3":          object(map[string]tftypes.Value{"successor": str("ollama/llama3")}),
		}),
	})})
	state, warnings := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil))
	if strings.Contains(state.String(), "ollama") {
		t.Error("the state holds the key, as phi3's successor, which the policy names")
	}
	from := " the MegaLLM catalog from " + server.URL() + "/models"
	for _, want := range []string{"Provider policy names models the catalog does not have: " + aboutPolicy +
		` policy.models names "***/llama3" (t` + why[1:] + "), which" + from + " does not have, so what the policy says " +
		"of it has no effect. Ids are exact and case-sensitive: correct a typo, or remove the model if it has left the catalog.",
		"Provider policy names successors the catalog does not have: " + aboutPolicy + " These successors in policy.models " +
			"are not in" + from + ", so a configuration cannot move to them yet:\n  - \"phi3\" names successor \"***/llama3\" " +
			"(t" + why[1:] + ")\n\nIds are exact and case-sensitive: correct the successor's id, or add it to the catalog first.",
	} {
		if !slices.Contains(warnings, want) {
			t.Errorf("warnings\n%q\nwant among them\n%q", warnings, want)
		}
	}
	unitTest(t, resource.TestStep{
		Config: strings.Replace(provider, "}", `  policy   = { models = { " ollama/llama3" = { denied = true }, phi3 = { `+
			`successor = " ollama/llama3" } } }`+"\n}", 1) + `data "megallm_models" "m" {}`,
		ExpectError: expectError(`a key of policy\.models is ` + spaced + `\s+policy\.models\["phi3"\]\.successor is ` + spaced),
	})
}

// TestModelDataSource_unknownFallbackCandidates: a candidate after the
// chosen one that the catalog lacks warns, with the closest ids, once per
// plan: a typo in a fallback would otherwise show only when the chosen model
// retires, as a plan that fails.
func TestModelDataSource_unknownFallbackCandidates(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	p := newProtocolServer(t, server, nil)
	typos := candidatesConfig("gpt-4.1", "gpt-4o-mni", "o3-mini", "no-such-model-anywhere")
	tests := []struct {
		name   string
		config map[string]tftypes.Value
		want   []string
	}{
		{"typos after the chosen one", typos, []string{
			`AttributeName("candidates"): Fallback candidates not in the catalog: Chose "gpt-4.1", but the MegaLLM ` +
				`catalog (26 models from ` + server.URL() + `/models) lacks 2 candidates after it, which could never be ` +
				`chosen in its place:` + "\n" + `  - "gpt-4o-mni" is not in the catalog (did you mean "gpt-4o-mini" or ` +
				`"gpt-4.1-mini"?)` + "\n" + `  - "no-such-model-anywhere" is not in the catalog` + "\n\n" + `Correct ` +
				`each id, or remove it from candidates if its model has left the catalog.`,
		}},
		{"once per plan", typos, nil},
		{"known fallbacks", candidatesConfig("gpt-4.1", "gpt-4o-mini"), nil},
	}
	for _, tc := range tests {
		if _, got := p.readWarnings(t, "megallm_model", p.config(t, "megallm_model", tc.config)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: warnings\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

// A display name written for id, or as a candidate, is no id, and the error
// names the id whose display name it is, which then plans; Closest finds no
// id near "DeepSeek V3".
func TestModelDataSource_displayNameForID(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		configErrorStep(server, `data "megallm_model" "m" { id = "DeepSeek V3" }`,
			`has no model with id "DeepSeek V3"\. It is the display name of "deepseek-chat": write that id instead\.`),
		configErrorStep(server, `data "megallm_model" "m" { candidates = ["Mistral Large", "deepseek v3"] }`,
			`- "Mistral Large" is not in the catalog \(it is the display name of "mistral-large-latest": write that id `+
				`instead\) - "deepseek v3" is not in the catalog \(it is the display name of "deepseek-chat": write that id instead\)`),
		resource.TestStep{ // followed, the advice plans
			Config: providerBlock(server, "") + `data "megallm_model" "m" { id = "deepseek-chat" }
data "megallm_model" "c" { candidates = ["mistral-large-latest", "deepseek-chat"] }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("display_name"), knownvalue.StringExact("DeepSeek V3")),
				statecheck.ExpectKnownValue("data.megallm_model.c", tfjsonpath.New("display_name"), knownvalue.StringExact("Mistral Large")),
			},
		},
	)
}
