package provider

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/e2e"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
	"github.com/megallm/terraform-provider-megallm/internal/tfcli"
)

// TestExamples plans and applies every folder of examples/ against the mock,
// so that an example that no longer works fails the build. The examples read
// the key and URL from the environment, as users are told to. A folder with
// files beside its .tf files (a policy file read with file()) runs as a
// directory, so that path.module finds them. A folder with an aliased
// provider block runs only where a real binary serves each block in a process
// of its own (aliasedProvider).
func TestExamples(t *testing.T) {
	server := mockapi.NewTestServer(t, "")
	t.Setenv(envAPIKey, mockapi.DefaultAPIKey)
	t.Setenv(envBaseURL, server.URL())

	for name, dir := range exampleDirs(t) {
		body, withOtherFiles := readExample(t, dir)
		if aliasedProvider.MatchString(body) {
			if len(exampleOutputs[name]) > 0 {
				t.Errorf("exampleOutputs has checks for %s, an example with an aliased provider block, which only "+
					"TestExamplesStandalone plans: check its outputs in internal/e2e, with the provider binary", name)
			}
			continue
		}
		t.Run(name, func(t *testing.T) {
			step := resource.TestStep{Config: body}
			if withOtherFiles {
				step = resource.TestStep{ConfigDirectory: config.StaticDirectory(dir)}
			}
			// Terraform reads a check block's data source at every apply, so
			// the plan after an apply is never empty.
			step.ExpectNonEmptyPlan = scopedDataSource.MatchString(body)
			for output, want := range exampleOutputs[name] {
				step.ConfigStateChecks = append(step.ConfigStateChecks, statecheck.ExpectKnownOutputValue(output, want))
			}
			before := server.RequestCount()
			unitTestFrom(t, exampleTerraform(name, body), step)
			if strings.Contains(body, `data "megallm_`) && server.RequestCount() == before {
				t.Error("the example made no request: is it reading the catalog at all?")
			}
		})
	}
}

// TestExampleEstimateCostPartlyPriced plans the estimate_cost example against
// a catalog with a chat model that has an input price only, as one whose
// output price the catalog sent as a string reads, and one priced in EUR:
// the comparison by model leaves both out (costs in two currencies do not
// compare) instead of failing the plan, and keeps a model priced in USD or
// in no currency, which is USD.
func TestExampleEstimateCostPartlyPriced(t *testing.T) {
	server := mockapi.NewTestServer(t, "")
	server.SetModels(
		json.RawMessage(`{"id":"gpt-4o-mini","type":"chat","pricing":{"input_tokens_cost_per_million":0.15,"output_tokens_cost_per_million":0.6}}`),
		json.RawMessage(`{"id":"usd","type":"chat","pricing":{"input_tokens_cost_per_million":1,"output_tokens_cost_per_million":1,"currency":"usd"}}`),
		json.RawMessage(`{"id":"eur","type":"chat","pricing":{"input_tokens_cost_per_million":0.1,"output_tokens_cost_per_million":0.1,"currency":"EUR"}}`),
		json.RawMessage(`{"id":"input-only","type":"chat","pricing":{"input_tokens_cost_per_million":1}}`),
		json.RawMessage(`{"id":"unpriced","type":"chat"}`),
	)
	t.Setenv(envAPIKey, mockapi.DefaultAPIKey)
	t.Setenv(envBaseURL, server.URL())
	body, _ := readExample(t, filepath.Join("..", "..", "examples", "functions", "estimate_cost"))
	functionsTest(t, resource.TestStep{Config: body, ConfigStateChecks: []statecheck.StateCheck{
		statecheck.ExpectKnownOutputValue("monthly_cost_by_model", knownvalue.MapExact(map[string]knownvalue.Check{
			"gpt-4o-mini": knownvalue.Float64Exact(8.1),
			"usd":         knownvalue.Float64Exact(36),
		})),
	}})
}

// TestExamplesNothingQualifies plans the examples that read ids[0] against a
// catalog in which no model meets their requirements: each fails with its
// own message, saying what to relax, then empty_reason, not with "Invalid
// index". The examples share the variables set here, so they plan in parallel
// with each other, never with other tests (this one sets variables).
func TestExamplesNothingQualifies(t *testing.T) {
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"gpt-4o","type":"chat","context_length":8000,` +
		`"pricing":{"input_tokens_cost_per_million":2.5,"output_tokens_cost_per_million":10}}`))
	t.Setenv(envAPIKey, mockapi.DefaultAPIKey)
	t.Setenv(envBaseURL, server.URL())
	reason := ` No model in the MegaLLM catalog \(1 model from \S+\) passes the filters of megallm_models, so ids and ` +
		`models are empty\. In the order they apply: - `
	chat := reason + `type = "chat" kept 1 of 1 model - require kept none of them: none meets `
	loosen := ` Loosen or remove require, or one of the filters before it\.`
	for name, want := range map[string]string{
		"examples/data-sources/megallm_models/cheapest": `No chat model has vision and 128k tokens of context: relax require\.` + chat +
			`require\.supports_vision \(the closest: does not report whether it supports vision ` +
			`\(capabilities\.supports_vision is missing\)\); none meets require\.min_context_length \(the closest: ` +
			`context_length 8000 < required 128000\)` + loosen,
		"examples/data-sources/megallm_models/workload": `No chat model costs at most 1000 USD for this traffic: raise ` +
			`max_workload_cost\.` + chat + `require\.max_workload_cost \(the closest: workload_cost 6000 > allowed 1000\)` + loosen,
		"examples/workload-cost": `No MegaLLM model with vision and a 128k context costs at most 5000 USD a month for this ` +
			`workload\.` + reason + `require kept none of the 1 model: none meets require\.supports_vision .* Loosen or remove require\.`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body, _ := readExample(t, filepath.Join("..", "..", name))
			unitTestFrom(t, exampleTerraform(name, body), resource.TestStep{
				Config: body, ExpectError: regexp.MustCompile(strings.ReplaceAll(want, " ", `\s+`)),
			})
		})
	}
}

// TestExamplesStandalone copies each example folder alone into an empty
// directory and plans it as a user who copied it would: with the provider
// binary built from this module, installed through dev_overrides for
// megallm/megallm, against the mock. A folder that does not require
// megallm/megallm (Terraform then looks for hashicorp/megallm) fails here, as
// does an hcl block of README.md that uses the provider. It changes no
// process-wide state (each plan gets its own environment), so it runs in
// parallel with the other tests.
func TestExamplesStandalone(t *testing.T) {
	t.Parallel()
	skipWithoutTerraform(t)
	harness, err := e2e.NewHarness(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(harness.Close)
	server := mockapi.NewTestServer(t, "")
	env := map[string]string{envBaseURL: server.URL(), envAPIKey: mockapi.DefaultAPIKey}

	dirs := exampleDirs(t)
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for i, block := range readmeConfigs.FindAllStringSubmatch(string(readme), -1) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(block[1]), 0o600); err != nil {
			t.Fatal(err)
		}
		dirs[fmt.Sprintf("README.md/hcl-%d", i+1)] = dir
	}
	for name, dir := range dirs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body, _ := readExample(t, dir)
			if minimum := exampleTerraform(name, body); minimum != nil {
				harness.SkipBelow(t, minimum, name)
			}
			// No init: with dev_overrides, Terraform plans without it (and
			// init would ask the registry for the overridden provider).
			ws := harness.ModuleWorkspace(t, dir, env)
			if out, err := ws.Run("plan", "-input=false", "-no-color"); err != nil {
				t.Fatalf("terraform plan in a copy of %s alone: %v\n%s", name, err, out)
			}
		})
	}
}

// exampleTerraform is the oldest Terraform that runs an example where that is
// newer than 1.0, the oldest the suite runs on: 1.8 for one that calls a
// provider function, else its entry in exampleNeeds; nil for 1.0.
func exampleTerraform(name, body string) *version.Version {
	if strings.Contains(body, "provider::megallm::") {
		return tfversion.Version1_8_0
	}
	return exampleNeeds[name]
}

// exampleNeeds is the Terraform that an example without provider functions
// needs, where it is newer than 1.0, by the newest feature it uses.
var exampleNeeds = map[string]*version.Version{
	// A data source's lifecycle postcondition.
	"examples/data-sources/megallm_models/cheapest": tfversion.Version1_2_0,
	"examples/data-sources/megallm_models/workload": tfversion.Version1_2_0,
	"examples/workload-cost":                        tfversion.Version1_2_0,
	// terraform_data.
	"examples/guides/policy-as-code": tfversion.Version1_4_0,
	// A reference into a nested attribute (pricing.input_tokens_cost_per_million),
	// which Terraform 1.1 and older refuse ("Unsupported attribute").
	"examples/demo": tfversion.Version1_2_0,
}

// Every key of exampleNeeds names an example folder: a misspelt one would
// never skip.
func TestExampleNeedsNamesExamples(t *testing.T) {
	dirs := exampleDirs(t)
	for name := range exampleNeeds {
		if _, ok := dirs[name]; !ok {
			t.Errorf("exampleNeeds names %q, which is no folder of examples/ with .tf files", name)
		}
	}
}

// readmeConfigs matches the hcl blocks of a Markdown file that use the
// provider: each must be a configuration that plans on its own.
var readmeConfigs = regexp.MustCompile("(?s)```hcl\n((?:[^`]|`[^`])*?megallm(?:[^`]|`[^`])*?)```")

// exampleDirs returns every folder of examples/ that holds .tf files, by its
// path from the repository's root.
func exampleDirs(t *testing.T) map[string]string {
	t.Helper()
	dirs := map[string]string{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(filepath.Join(root, "examples"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
			name, _ := filepath.Rel(root, filepath.Dir(path))
			dirs[filepath.ToSlash(name)] = filepath.Dir(path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 4 {
		t.Fatalf("found %d example folders, want at least 4: is the walk looking in the right place?", len(dirs))
	}
	return dirs
}

// exampleOutputs are the outputs that the text around an example (a guide)
// states, by example folder.
var exampleOutputs = map[string]map[string]knownvalue.Check{
	// make demo's table shows why the cheapest vision model is not the
	// cheapest model: the capability columns and the limits.
	"examples/demo": {
		"cheapest_vision_128k": knownvalue.StringExact("gemini-2.0-flash"),
		"cheapest_chat":        knownvalue.StringExact("meta-llama/llama-3.1-8b-instruct (no vision)"),
		"models_table": knownvalue.StringRegexp(regexp.MustCompile(
			`^ID\s+TYPE\s+VISION\s+TOOLS\s+CONTEXT\s+MAX OUT\s+IN \$/M\s+OUT \$/M\n` +
				`(?s:.*)\nmeta-llama/llama-3\.1-8b-instruct\s+chat\s+no\s+yes\s+131072\s+4096\s+0\.05\s+0\.08\n` +
				`gemini-2\.0-flash\s+chat\s+yes\s+yes\s+1048576\s+8192\s+0\.10\s+0\.40\s+<- cheapest chat, vision, >= 128k context\n` +
				`(?s:.*)\ndeepseek-coder\s+chat\s+-\s+-\s+16000\s+-\s+0\.14`)),
	},
	// Each data source's example shows what it read.
	"examples/data-sources/megallm_model":            {"context_length": knownvalue.Int64Exact(128000)},
	"examples/data-sources/megallm_model/candidates": {"chosen": knownvalue.StringExact("gpt-4.1")},
	"examples/data-sources/megallm_models/cheapest":  {"cheapest_vision_model": knownvalue.StringExact("gemini-2.0-flash")},
	"examples/guides/model-policy": {
		"chat_model":                    knownvalue.StringExact("gpt-4o-mini"),
		"long_lived_model":              knownvalue.StringExact("gpt-4.1"),
		"cheapest_approved_chat_models": knownIDs("gpt-4o-mini", "gemini-2.0-flash", "gpt-4.1-mini"),
		"chat_monthly_cost":             knownvalue.Float64Exact(162),
	},
}

// aliasedProvider matches the alias argument of a provider block. The
// in-process server of TestExamples would serve that block and the default one
// as one provider, configured concurrently (a data race) with the
// configuration of whichever block Terraform configured last
// (testProviderFactories); a real binary, as TestExamplesStandalone and
// internal/e2e run, serves each block in a process of its own.
var aliasedProvider = regexp.MustCompile(`\n[ \t]*alias\s*=`)

// scopedDataSource matches an indented data block, which can only be one
// nested in a check block.
var scopedDataSource = regexp.MustCompile(`\n[ \t]+data\s+"`)

// readExample returns the .tf files of an example folder joined into one
// configuration, and whether the folder holds other files too.
func readExample(t *testing.T, dir string) (string, bool) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	otherFiles := false
	for _, entry := range entries {
		switch {
		case entry.IsDir():
		case filepath.Ext(entry.Name()) != ".tf":
			otherFiles = true
		default:
			text, err := os.ReadFile(filepath.Join(dir, entry.Name()))
			if err != nil {
				t.Fatal(err)
			}
			body.Write(text)
			body.WriteString("\n")
		}
	}
	return body.String(), otherFiles
}

// TestExamplesFormatted: every .tf file of examples/, and every Terraform
// block of docs/ and README.md (the templates' own too, beside the examples
// that tfplugindocs copies in), is as `terraform fmt` writes it, since users
// copy them from the Registry and GitHub.
func TestExamplesFormatted(t *testing.T) {
	terraform, err := tfcli.Find()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..")
	pages, err := filepath.Glob(filepath.Join(root, "docs", "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := t.TempDir()
	for _, page := range append(pages, filepath.Join(root, "docs", "index.md"), filepath.Join(root, "README.md")) {
		text, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := filepath.Rel(root, page)
		for i, block := range terraformBlock.FindAllStringSubmatch(string(text), -1) {
			file := fmt.Sprintf("%s_block%d.tf", strings.ReplaceAll(filepath.ToSlash(name), "/", "_"), i+1)
			if err := os.WriteFile(filepath.Join(blocks, file), []byte(block[1]), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	if written, _ := os.ReadDir(blocks); len(written) < 10 {
		t.Fatalf("found %d Terraform blocks in docs/ and README.md, want at least 10: does the pattern still match?", len(written))
	}
	for _, dir := range []string{filepath.Join(root, "examples"), blocks} {
		fmtCheck := exec.Command(terraform, "fmt", "-check", "-list=true", "-recursive", dir)
		fmtCheck.Env = tfcli.CleanEnviron()
		var stderr strings.Builder
		fmtCheck.Stderr = &stderr
		if out, err := fmtCheck.Output(); err != nil {
			t.Errorf("terraform fmt -check %s: %v: these files are not as terraform fmt writes them (run make fmt, "+
				"or fix the block in templates/ a page was made from):\n%s%s", dir, err, out, stderr.String())
		}
	}
}

// terraformBlock matches a fenced block of Terraform in Markdown.
var terraformBlock = regexp.MustCompile("(?ms)^```(?:terraform|hcl)\n(.*?)^```")
