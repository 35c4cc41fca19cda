package e2e

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"gopkg.in/yaml.v3"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// ciTestingExample is the example of the guide "CI, testing and OpenTofu",
// laid out as the root of a user's repository.
const ciTestingExample = "../../examples/guides/ci-testing"

// TestCITestingGuide_workflows runs the run steps of the guide's two GitHub
// workflows in a copy of the example, as GitHub's runner would: the weekly
// refresh saves the mock's catalog and plans against it; the plan job checks
// the snapshot's age, then runs terraform init, test and plan with no request.
// Then what the guide says a saved catalog can hide: a snapshot older than the
// limit fails the job, and once the chosen models leave the live catalog, the
// plan against the old snapshot still passes while the refresh fails.
func TestCITestingGuide_workflows(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_8_0, "the example's mocked tests (provider functions, mock_provider)")
	server := mockapi.NewTestServer(t, "")
	ws := ciWorkspace(t, map[string]string{"MEGALLM_BASE_URL": server.URL()})
	secrets := map[string]string{"MEGALLM_API_KEY": mockapi.DefaultAPIKey}

	out, err := runJob(t, ws, "megallm-catalog.yml", "refresh", secrets)
	if err != nil {
		t.Fatalf("the refresh job failed: %v\n%s", err, out)
	}
	if got := server.RequestCount(); got != 1 {
		t.Errorf("the refresh sent %d requests, want 1 (its plan reads the saved file)", got)
	}

	out, err = runJob(t, ws, "terraform.yml", "plan", nil)
	if err != nil {
		t.Fatalf("the plan job failed: %v\n%s", err, out)
	}
	for _, want := range []string{"0 days ago.", "Success! 5 passed, 0 failed.", `chat_model = "gpt-4o-mini"`} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) { // outputs' "=" are aligned
			t.Errorf("the plan job does not say %q:\n%s", want, out)
		}
	}
	if got := server.RequestCount(); got != 1 {
		t.Errorf("the plan job sent %d requests, want none", got-1)
	}

	saved := time.Now().UTC().Add(-15*24*time.Hour - time.Hour).Format(time.RFC3339)
	writeFile(t, filepath.Join(ws.Dir, "megallm-catalog.saved-at"), saved+"\n")
	out, err = runJob(t, ws, "terraform.yml", "plan", nil)
	want := "megallm-catalog.json was saved on " + saved + ", 15 days ago (limit 14): run the megallm-catalog workflow."
	if err == nil || !strings.Contains(out, want) {
		t.Errorf("with a snapshot saved 15 days ago, the plan job should fail saying %q; error %v:\n%s", want, err, out)
	}

	for _, savedAt := range []string{"", "yesterday-ish"} {
		writeFile(t, filepath.Join(ws.Dir, "megallm-catalog.saved-at"), savedAt)
		out, err = runJob(t, ws, "terraform.yml", "plan", nil)
		if want := "megallm-catalog.saved-at is missing, empty or no date"; err == nil || !strings.Contains(out, want) {
			t.Errorf("with a saved-at file of %q, the plan job should fail saying %q; error %v:\n%s", savedAt, want, err, out)
		}
	}
	if err := os.Remove(filepath.Join(ws.Dir, "megallm-catalog.saved-at")); err != nil {
		t.Fatal(err)
	}
	if out, err = runJob(t, ws, "terraform.yml", "plan", nil); err == nil || !strings.Contains(out, "is missing, empty or no date") {
		t.Errorf("without a saved-at file, the plan job should fail saying so; error %v:\n%s", err, out)
	}

	server.SetModels(catalogWithout(t, "gpt-4o-mini", "gemini-2.0-flash")...)
	writeFile(t, filepath.Join(ws.Dir, "megallm-catalog.saved-at"), time.Now().UTC().Format(time.RFC3339)+"\n")
	if out, err := runJob(t, ws, "terraform.yml", "plan", nil); err != nil || !strings.Contains(strings.Join(strings.Fields(out), " "), `chat_model = "gpt-4o-mini"`) {
		t.Errorf("the plan against the old snapshot should pass with gpt-4o-mini; error %v:\n%s", err, out)
	}
	out, err = runJob(t, ws, "megallm-catalog.yml", "refresh", secrets)
	if flat := strings.Join(strings.Fields(out), " "); err == nil || !strings.Contains(flat, "None of the 2 candidates can be used") {
		t.Errorf("the refresh should fail once both candidates left the catalog; error %v:\n%s", err, out)
	}
}

// TestCITestingGuide_mockedTestsNeedNoCatalog runs the guide's mocked test
// file with no catalog file, no key and no API, then shows what the guide says
// a mock still checks: the provider's validation of its arguments. The
// provider's functions run under the mock too: with the guide's defaults,
// every one reads the mocked model, where the random strings Terraform
// generates for the attributes left out fail them as dates and statuses.
func TestCITestingGuide_mockedTestsNeedNoCatalog(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_8_0, "the example's mocked tests (provider functions, mock_provider)")
	ws := ciWorkspace(t, map[string]string{"MEGALLM_BASE_URL": "http://127.0.0.1:9/v1"}) // nothing listens
	if err := os.Remove(filepath.Join(ws.Dir, "megallm-catalog.json")); err != nil {
		t.Fatal(err)
	}
	if out, err := ws.Run("init", "-input=false", "-no-color"); err != nil {
		t.Fatalf("init failed: %v\n%s", err, out)
	}
	main := filepath.Join(ws.Dir, "main.tf")
	text, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, main, string(text)+`
output "functions" {
  value = [
    provider::megallm::supports(data.megallm_model.chat, "vision"),
    provider::megallm::unmet_requirements(data.megallm_model.chat, { not_deprecated = true, min_days_to_retirement = 30, max_input_cost_per_million = 1 }),
  ]
}
`)
	out, err := ws.Run("test", "-no-color", "-filter=tests/mocked.tftest.hcl")
	if err != nil || !strings.Contains(out, "Success! 2 passed, 0 failed.") {
		t.Fatalf("the mocked tests, with every function called on the mocked model, should pass without a catalog; error %v:\n%s", err, out)
	}

	writeFile(t, main, strings.Replace(string(text), "supports_vision ", "supports_vison  ", 1))
	out, err = ws.Run("test", "-no-color", "-filter=tests/mocked.tftest.hcl")
	if want := `require has no attribute "supports_vison". Did you mean "supports_vision"?`; err == nil || !strings.Contains(out, want) {
		t.Errorf("a mocked test should still fail on a misspelt require, saying %q; error %v:\n%s", want, err, out)
	}
}

// TestCITestingGuide_mockedModelsListIDs runs the form the guide gives for a
// megallm_models mock that lists models: ids, in mock_data defaults or in an
// override_data, read by the configuration as the real list would be. The
// module keeps its provider and reads only megallm_models.
func TestCITestingGuide_mockedModelsListIDs(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_8_0, "the example's mocked tests (provider functions, mock_provider)")
	ws := ciWorkspace(t, map[string]string{"MEGALLM_BASE_URL": "http://127.0.0.1:9/v1"}) // nothing listens
	main := filepath.Join(ws.Dir, "main.tf")
	text, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	provider, _, ok := strings.Cut(string(text), `variable "chat_models"`)
	if !ok {
		t.Fatal(`main.tf has no variable "chat_models" to cut the module's megallm_model at`)
	}
	writeFile(t, main, provider+`
data "megallm_models" "vision" {
  require = { supports_vision = true }
}

output "first_vision_model" {
  value = data.megallm_models.vision.ids[0]
}
`)
	writeFile(t, filepath.Join(ws.Dir, "tests", "ids.tftest.hcl"), `
mock_provider "megallm" {
  mock_data "megallm_models" {
    defaults = { ids = ["mock-vision-model", "mock-other-model"] }
  }
}

run "defaults_list_ids" {
  command = plan
  assert {
    condition     = output.first_vision_model == "mock-vision-model"
    error_message = "The first listed id should be the mocked one, not ${output.first_vision_model}."
  }
}

run "override_lists_ids" {
  command = plan
  override_data {
    target = data.megallm_models.vision
    values = { ids = ["overriding-model"] }
  }
  assert {
    condition     = output.first_vision_model == "overriding-model"
    error_message = "The first listed id should be the overriding one, not ${output.first_vision_model}."
  }
}
`)
	if out, err := ws.Run("init", "-input=false", "-no-color"); err != nil {
		t.Fatalf("init failed: %v\n%s", err, out)
	}
	out, err := ws.Run("test", "-no-color", "-filter=tests/ids.tftest.hcl")
	if err != nil || !strings.Contains(out, "Success! 2 passed, 0 failed.") {
		t.Errorf("a megallm_models mock should list the ids it is given; error %v:\n%s", err, out)
	}
}

// TestCITestingGuide_providerErrorsCannotBeExpected runs what the guide says
// a test cannot do: expect the provider's error. The run fails with that error
// and Terraform's Missing expected failure, as the guide quotes.
func TestCITestingGuide_providerErrorsCannotBeExpected(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_6_0, "terraform test")
	const page = "../../templates/guides/ci-testing-and-opentofu.md.tmpl"
	guide, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	const providerError, testError = "No candidate model qualifies", "Missing expected failure"
	for _, want := range []string{"`expect_failures = [data.megallm_model.chat]`", "`" + providerError + "`", "`" + testError + "`"} {
		if !strings.Contains(strings.Join(strings.Fields(string(guide)), " "), want) {
			t.Errorf("%s does not say %s", page, want)
		}
	}
	ws := ciWorkspace(t, map[string]string{"MEGALLM_BASE_URL": "http://127.0.0.1:9/v1"}) // nothing listens
	writeFile(t, filepath.Join(ws.Dir, "tests", "refused.tftest.hcl"), `
provider "megallm" {
  catalog_file = "megallm-catalog.json"
}

run "refuses_a_model_without_vision" {
  command = plan
  variables {
    chat_models = ["o3-mini"]
  }
  expect_failures = [data.megallm_model.chat]
}
`)
	if out, err := ws.Run("init", "-input=false", "-no-color"); err != nil {
		t.Fatalf("init failed: %v\n%s", err, out)
	}
	out, err := ws.Run("test", "-no-color", "-filter=tests/refused.tftest.hcl")
	if err == nil || !strings.Contains(out, "Error: "+providerError) || !strings.Contains(out, "Error: "+testError) {
		t.Errorf("a run that expects the provider's error should fail with it and %q; error %v:\n%s", testError, err, out)
	}
}

// ciWorkspace copies the example into a fresh directory where, as on a CI
// runner, `terraform` on PATH is the CLI under test and `terraform init`
// installs the provider: the built binary, offered as version 0.1.0 (which
// the example's "~> 0.1" accepts) by a filesystem mirror under both
// registries' host names, so that Terraform and OpenTofu find it.
func ciWorkspace(t *testing.T, env map[string]string) *Workspace {
	t.Helper()
	mirror, bin := t.TempDir(), t.TempDir()
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		dir := filepath.Join(mirror, host, "megallm", "megallm", "0.1.0", runtime.GOOS+"_"+runtime.GOARCH)
		if err := os.MkdirAll(dir, 0o750); err != nil {
			t.Fatal(err)
		}
		provider := filepath.Join(harness.providerDir, "terraform-provider-megallm")
		if err := os.Symlink(provider, filepath.Join(dir, "terraform-provider-megallm_v0.1.0")); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(harness.terraform, filepath.Join(bin, "terraform")); err != nil {
		t.Fatal(err)
	}
	cliConfig := filepath.Join(t.TempDir(), "terraform.rc")
	writeFile(t, cliConfig, fmt.Sprintf("provider_installation {\n  filesystem_mirror {\n    path = %q\n  }\n}\n", mirror))
	all := map[string]string{"TF_CLI_CONFIG_FILE": cliConfig, "PATH": bin + string(os.PathListSeparator) + os.Getenv("PATH")}
	for k, v := range env {
		all[k] = v
	}
	return harness.ModuleWorkspace(t, ciTestingExample, all)
}

// githubWorkflow is what runJob reads of a workflow file.
type githubWorkflow struct {
	Jobs map[string]struct {
		Env   map[string]string `yaml:"env"`
		Steps []struct {
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// secretExpression is how a workflow reads a repository secret.
var secretExpression = regexp.MustCompile(`\$\{\{\s*secrets\.(\w+)\s*\}\}`)

// colour is an ANSI colour code: the workflow's commands run without -no-color.
var colour = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// runJob runs the run steps of one job of a workflow in the example's
// .github/workflows, in the workspace, each with bash as GitHub's runner runs
// `shell: bash`, with the job's and the step's env, until one fails. It skips
// the uses steps: the workspace is the checkout and the CLI is on PATH. A
// secret comes from secrets; any other ${{ }} expression fails the test. It
// returns everything printed, without colour codes, and the failing step's
// error.
func runJob(t *testing.T, ws *Workspace, file, job string, secrets map[string]string) (string, error) {
	t.Helper()
	text, err := os.ReadFile(filepath.Join(ciTestingExample, ".github", "workflows", file))
	if err != nil {
		t.Fatal(err)
	}
	var wf githubWorkflow
	if err := yaml.Unmarshal(text, &wf); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	j, ok := wf.Jobs[job]
	if !ok || len(j.Steps) == 0 {
		t.Fatalf("%s has no job %q with steps", file, job)
	}
	var out strings.Builder
	for i, step := range j.Steps {
		if step.Run == "" {
			continue
		}
		env := append([]string{}, ws.env...)
		for _, vars := range []map[string]string{j.Env, step.Env} {
			for k, v := range vars {
				env = append(env, k+"="+expandSecrets(t, v, secrets))
			}
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expandSecrets(t, step.Run, secrets))
		cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = ws.Dir, env, &out, &out
		if err := cmd.Run(); err != nil {
			name := cmp.Or(step.Name, strings.SplitN(step.Run, "\n", 2)[0])
			return colour.ReplaceAllString(out.String(), ""), fmt.Errorf("%s, job %s, step %d (%s): %w", file, job, i+1, name, err)
		}
	}
	return colour.ReplaceAllString(out.String(), ""), nil
}

func expandSecrets(t *testing.T, s string, secrets map[string]string) string {
	t.Helper()
	s = secretExpression.ReplaceAllStringFunc(s, func(expr string) string {
		name := secretExpression.FindStringSubmatch(expr)[1]
		value, ok := secrets[name]
		if !ok {
			t.Fatalf("the workflow reads secrets.%s, which the test does not set", name)
		}
		return value
	})
	if strings.Contains(s, "${{") {
		t.Fatalf("the workflow uses an expression the test cannot run: %s", s)
	}
	return s
}

// catalogWithout is the mock's built-in catalog without the models of ids.
func catalogWithout(t *testing.T, ids ...string) []json.RawMessage {
	t.Helper()
	var list struct{ Data []json.RawMessage }
	if err := json.Unmarshal(mockapi.BuiltinCatalog(), &list); err != nil {
		t.Fatal(err)
	}
	var kept []json.RawMessage
	for _, model := range list.Data {
		var m struct{ ID string }
		if err := json.Unmarshal(model, &m); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(ids, m.ID) {
			kept = append(kept, model)
		}
	}
	if len(kept) != len(list.Data)-len(ids) {
		t.Fatalf("the built-in catalog does not hold each of %q once", ids)
	}
	return kept
}
