//go:build opa

// The Rego library of policy/opa on real plans, run by `make test-opa`,
// which builds OPA and conftest into bin/ and passes their paths in OPA_PATH
// and CONFTEST_PATH (the build tag keeps `make test` from waiting for them).

package e2e

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
	"github.com/megallm/terraform-provider-megallm/internal/tfcli"
)

const policyDir = "../../policy/opa"

// TestPolicyAsCode: a real plan whose terraform_data resources hold model ids
// in every shape the library looks at gets exactly one deny per wrong id and a
// warn per deprecated or soon retiring one, or one known only after apply,
// from OPA and from conftest alike; a narrower notice window, from data,
// drops the notice, and an attribute path into a wholly unknown input warns.
func TestPolicyAsCode(t *testing.T) {
	t.Parallel()
	var server *mockapi.Server
	var plan string
	day := onOneDay(t, func(day func(int) string) {
		server = mockapi.NewTestServer(t, "")
		ws := harness.Workspace(t, fmt.Sprintf(`
provider "megallm" {
  policy = {
    allowed_owners = ["openai", "anthropic", "google"]
    models = {
      "gpt-3.5-turbo"          = { deprecated_at = %q, retires_at = %q, successor = "gpt-4o-mini" }
      "gpt-4o"                 = { deprecated_at = %q, retires_at = %q, successor = "gpt-4.1" }
      "gpt-4.1-mini"           = { retires_at = %q }
      "claude-3-opus-20240229" = { denied = true }
    }
  }
}
provider "megallm" {
  alias = "unfiltered"
}
data "megallm_models" "catalog" { include_retired = true }
data "megallm_models" "unfiltered" {
  provider        = megallm.unfiltered
  include_retired = true
}
# a filtered read is not the catalog
data "megallm_models" "chat" { type = "chat" }

resource "terraform_data" "later" {}
resource "terraform_data" "app" {
  input = {
    env = {
      OPENAI_MODEL     = "gpt4o-mini"             # a typo
      REVIEW_MODEL     = "claude-3-opus-20240229" # denied by the policy
      SUMMARY_MODEL_ID = "mistral-large-latest"   # of an owner the policy does not allow
      LEGACY_MODEL     = "gpt-3.5-turbo"          # retired
      SECRET_MODEL     = sensitive("gpt-3.5-turbo") # retired, and hidden
      CHAT_MODEL       = "gpt-4o"                 # deprecated
      BATCH_MODEL      = "gpt-4.1-mini"           # retires in 45 days
      MODEL            = "gpt-4o-mini"            # valid
      LOG_LEVEL        = "gpt-4o-minii"           # not a model setting
      FALLBACK_MODELS  = "gpt-4.1, gpt-4o-mni"    # a list, with a typo
      OLLAMA_MODELS    = "/data/models"           # a directory, no id
    }
    routing = { fallback_model = ["gpt-4.1", "Gpt-4.1"] } # ids in a list in a map
    model   = terraform_data.later.id                      # unknown until apply
  }
}
# wholly unknown until apply: warned about only where attribute_paths reach into it
resource "terraform_data" "settings" { input = { model = "gpt-4o-mini" } }
resource "terraform_data" "relay" { input = terraform_data.settings.output }
module "worker" { source = "./worker" }
`, day(-400), day(-10), day(-30), day(120), day(45)), map[string]string{
			"MEGALLM_BASE_URL": server.URL(),
			"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
		})
		writeFile(t, filepath.Join(ws.Dir, "worker", "main.tf"),
			`resource "terraform_data" "job" { input = { steps = [{ model = "gpt-5-turbo" }] } }`)
		plan = savedPlan(t, ws)
	})
	// one fetch per provider configuration: the guide says the second read
	// costs one request
	if n := server.RequestCount(); n != 2 {
		t.Errorf("the plan made %d requests, want 2", n)
	}

	wantDeny := []string{
		// one edit from the retired gpt-3.5-turbo: a model id, so no path to ignore is offered
		`module.worker.terraform_data.job: input.steps[0].model = "gpt-5-turbo" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`terraform_data.app: input.env.LEGACY_MODEL = "gpt-3.5-turbo" was retired on ` + day(-10) + `: use its successor "gpt-4o-mini".`,
		`terraform_data.app: input.env.OPENAI_MODEL = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.env.FALLBACK_MODELS = "gpt-4o-mni" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.env.REVIEW_MODEL = "claude-3-opus-20240229" is denied by the provider's policy. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`,
		`terraform_data.app: input.env.SECRET_MODEL = (sensitive value) was retired (its dates and successor are not shown, as the value is sensitive).`,
		`terraform_data.app: input.env.SUMMARY_MODEL_ID = "mistral-large-latest" is owned by "mistral", of which the provider's policy allows no model. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`,
		`terraform_data.app: input.routing.fallback_model[1] = "Gpt-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1" or "gpt-4.1-mini" or "gpt-4o"?`,
	}
	deprecated := `terraform_data.app: input.env.CHAT_MODEL = "gpt-4o" is deprecated since ` + day(-30) +
		` and retires on ` + day(120) + `, in 120 days: use its successor "gpt-4.1".`
	unknown := `terraform_data.app: input.model is known only after apply, so it was not checked: ` +
		`check the plan made after this one is applied, which knows it.`
	wantWarn := []string{
		`terraform_data.app: input.env.BATCH_MODEL = "gpt-4.1-mini" retires on ` + day(45) +
			`, in 45 days, within the 90-day notice window (no successor is named).`,
		deprecated,
		unknown,
	}
	deny, warn := evalOPA(t, plan, "")
	assertMessages(t, "OPA deny", deny, wantDeny)
	assertMessages(t, "OPA warn", warn, wantWarn)

	deny, warn, code := conftest(t, plan, "")
	assertMessages(t, "conftest failures", deny, wantDeny)
	assertMessages(t, "conftest warnings", warn, wantWarn)
	if code != 1 {
		t.Errorf("conftest exited with %d, want 1 (a deny fails the check)", code)
	}

	// without --namespace, conftest checks package main, which repeats the
	// messages of package megallm; --all-namespaces checks both, so twice
	deny, warn, code = conftestIn(t, plan, "", "--namespace", "megallm")
	assertMessages(t, "conftest failures with --namespace megallm", deny, wantDeny)
	assertMessages(t, "conftest warnings with --namespace megallm", warn, wantWarn)
	if code != 1 {
		t.Errorf("conftest with --namespace megallm exited with %d, want 1", code)
	}
	deny, warn, code = conftestIn(t, plan, "", "--all-namespaces")
	assertMessages(t, "conftest failures with --all-namespaces", deny, slices.Concat(wantDeny, wantDeny))
	assertMessages(t, "conftest warnings with --all-namespaces", warn, slices.Concat(wantWarn, wantWarn))
	if code != 1 {
		t.Errorf("conftest with --all-namespaces exited with %d, want 1", code)
	}

	gate, code := opaGate(t, plan)
	assertMessages(t, "opa eval --fail-defined", gate, wantDeny)
	if code != 1 {
		t.Errorf("opa eval --fail-defined exited with %d, want 1", code)
	}

	settings := filepath.Join(t.TempDir(), "settings.json")
	writeFile(t, settings, `{"megallm_settings": {"retirement_notice_days": 30}}`)
	_, warn = evalOPA(t, plan, settings)
	assertMessages(t, "OPA warn with a 30-day window", warn, []string{deprecated, unknown})

	writeFile(t, settings, `{"megallm_settings": {"attribute_paths": {"terraform_data": ["input.model"]}}}`)
	_, warn = evalOPA(t, plan, settings)
	assertMessages(t, "OPA warn with attribute_paths into a wholly unknown input", warn, append(wantWarn,
		`terraform_data.relay: input is known only after apply, so it was not checked: `+
			`check the plan made after this one is applied, which knows it.`))

	// a real plan has every attribute of a resource, so a path that starts
	// with none of them is a typo; a name where it has a list reaches nothing
	writeFile(t, settings, `{"megallm_settings": {"attribute_paths": {"terraform_data": `+
		`["inptu.model", "input.routing.fallback_model.name", "output.model", "triggers_replace.model"]}}}`)
	deny, _ = evalOPA(t, plan, settings)
	assertMessages(t, "OPA deny with mistaken attribute_paths", deny, append(wantDeny,
		`megallm_settings.attribute_paths["terraform_data"] has "inptu.model", but terraform_data.app has `+
			`no attribute "inptu", so it reaches no value and checks nothing. Did you mean "input"? Name an attribute `+
			`of the resource as the plan's JSON (terraform show -json) writes it.`,
		`megallm_settings.attribute_paths["terraform_data"] has "input.routing.fallback_model.name", which reaches `+
			`no value: "input.routing.fallback_model" is a list, whose elements a step reaches by index, not by name. `+
			`Write the index as a number, or "*" for any, as "input.routing.fallback_model.*.name".`))
}

// TestPolicyAsCode_helmRelease: a helm_release's values and set blocks, in
// terraform_data resources (no helm provider offline), as a plan writes them:
// the texts of values, as yamlencode and a values file write them, are read
// as YAML, each document of them; a set block's dotted name is matched by its
// last part, and each element of a set_list's value is checked. A value
// that is no model id (a GPU's model) gets the path that ignores it, which,
// followed, leaves every other deny.
func TestPolicyAsCode_helmRelease(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ws := harness.Workspace(t, `
data "megallm_models" "catalog" { include_retired = true }
resource "terraform_data" "chart" {
  input = [yamlencode({ llm = { model = "gtp-4o" }, gpu = { model = "a100" } }), file("values.yaml")]
}
resource "terraform_data" "release" {
  input = {
    set      = [{ name = "llm.model", value = "gtp-4o" }, { name = "image.tag", value = "1.2" }]
    set_list = [{ name = "router.fallback_models", value = ["gpt-4.1", "gpt4o-mini"] }]
  }
}
`, map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey})
	writeFile(t, filepath.Join(ws.Dir, "values.yaml"),
		"# chat\nchat: &chat\n  model: gpt-4o-mini\nsupport: *chat\n---\nworker:\n  embedding_model: gpt4o-mini\n")
	settings := filepath.Join(t.TempDir(), "settings.json")
	writeFile(t, settings, `{"megallm_settings": {"json_attributes": {"terraform_data": ["input"]}}}`)
	gpu := `terraform_data.chart: input[0].gpu.model = "a100" is not in the MegaLLM catalog. ` +
		`If it is no model id, add "input.0.gpu.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`
	want := []string{
		`terraform_data.chart: input[0].llm.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.chart: input[1].worker.embedding_model = "gpt4o-mini" is not in the MegaLLM catalog. ` +
			`Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.release: input.set[0].value = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.release: input.set_list[0].value[1] = "gpt4o-mini" is not in the MegaLLM catalog. ` +
			`Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
	}
	plan := savedPlan(t, ws)
	assertDeniedByBoth(t, plan, settings, append([]string{gpu}, want...))
	writeFile(t, settings, `{"megallm_settings": {"json_attributes": {"terraform_data": ["input"]}, `+
		`"ignored_attribute_paths": {"terraform_data": ["input.0.gpu.model"]}}}`)
	assertDeniedByBoth(t, plan, settings, want)
}

// TestPolicyAsCode_pluralKeys: under a plural key, an element of a list with
// white space inside and the values of a JSON object are checked, as the plan
// writes a list and jsonencode's text; words and a relative path are no id.
func TestPolicyAsCode_pluralKeys(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ws := harness.Workspace(t, `
data "megallm_models" "catalog" { include_retired = true }
resource "terraform_data" "router" {
  input = {
    FALLBACK_MODELS  = "gpt-4o-mini, gtp 4o"
    ROUTER_MODELS    = jsonencode({ primary = "gtp-4o", fallback = "gpt-4o-mini" })
    OLLAMA_MODELS    = "./models"
    supported_models = "Chat and embeddings"
    spare_models     = ["gpt-4.1", "gpt 4.1"]
  }
}
`, map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey})
	want := []string{
		`terraform_data.router: input.FALLBACK_MODELS = "gtp 4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.router: input.ROUTER_MODELS = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.router: input.spare_models[1] = "gpt 4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1" or "gpt-4.1-mini"?`,
	}
	assertDeniedByBoth(t, savedPlan(t, ws), "", want)
}

// TestPolicyAsCode_jsonText: jsonencode's text is read wherever a plan holds
// it, as the key patterns read the values of a resource: in an environment
// variable, a container's {name, value} pair and a file's content, in a
// module two deep; a plural key's JSON list is read once, as its ids.
func TestPolicyAsCode_jsonText(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ws := harness.Workspace(t, `
data "megallm_models" "catalog" { include_retired = true }
module "platform" { source = "./platform" }
`, map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey})
	writeFile(t, filepath.Join(ws.Dir, "platform", "main.tf"), `module "chat" { source = "./chat" }`)
	writeFile(t, filepath.Join(ws.Dir, "platform", "chat", "main.tf"), `
resource "terraform_data" "function" {
  input = {
    environment = [{ variables = {
      APP_CONFIG      = jsonencode({ llm = { model = "gtp-4o", temperature = 0.2 } })
      FALLBACK_MODELS = jsonencode(["gpt-4.1", "gpt4o-mini"])
    } }]
    containers = [{ env = [{ name = "ROUTES", value = jsonencode([{ path = "/chat", model = "gpt-4o-mini" }, { path = "/code", model = "gpt-4.1-mnii" }]) }] }]
    content    = <<-EOT
      {"agents": [{"name": "triage", "model": "claude-sonet-4-20250514"}]}
    EOT
  }
}
`)
	const at = `module.platform.module.chat.terraform_data.function: input.`
	want := []string{
		at + `environment[0].variables.APP_CONFIG.llm.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		at + `environment[0].variables.FALLBACK_MODELS = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		at + `containers[0].env[0].value[1].model = "gpt-4.1-mnii" is not in the MegaLLM catalog. Did you mean "gpt-4.1-mini" or "gpt-4o-mini"?`,
		at + `content.agents[0].model = "claude-sonet-4-20250514" is not in the MegaLLM catalog. Did you mean "claude-sonnet-4-20250514"?`,
	}
	assertDeniedByBoth(t, savedPlan(t, ws), "", want)
}

// TestPolicyAsCode_yamlFiles: YAML text under a key that names a YAML file,
// as a ConfigMap's data holds yamlencode's text or a file's, is read without
// a setting; one known only after apply warns.
func TestPolicyAsCode_yamlFiles(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ws := harness.Workspace(t, `
data "megallm_models" "catalog" { include_retired = true }
resource "terraform_data" "later" {}
resource "terraform_data" "config_map" {
  input = {
    data = {
      "application.yaml" = yamlencode({ llm = { chat = { model = "gtp-4o" } } })
      "router.yml"       = file("router.yml")
      "later.yaml"       = yamlencode({ model = terraform_data.later.id })
    }
  }
}
`, map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey})
	writeFile(t, filepath.Join(ws.Dir, "router.yml"), "# routes\nroutes:\n  - path: /chat\n    model: gpt-4o-mini\n  - path: /code\n    model: gpt4.1\n")
	deny, warn := evalOPA(t, savedPlan(t, ws), "")
	assertMessages(t, "OPA deny", deny, []string{
		`terraform_data.config_map: input.data["application.yaml"].llm.chat.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.config_map: input.data["router.yml"].routes[1].model = "gpt4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1"?`,
	})
	assertMessages(t, "OPA warn", warn, []string{`terraform_data.config_map: input.data["later.yaml"] is known only after apply, ` +
		`so it was not checked: check the plan made after this one is applied, which knows it.`})
}

// TestPolicyAsCode_litellm: a LiteLLM proxy's config.yaml routes to MegaLLM
// under "openai/", which the proxy strips: the deny of a usable id under it
// names routing_prefixes, which, followed, checks each id by what follows, a
// misspelt one denied as written, with what to write under the prefix.
func TestPolicyAsCode_litellm(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	ws := harness.Workspace(t, `
data "megallm_models" "catalog" { include_retired = true }
resource "terraform_data" "litellm" {
  input = {
    "config.yaml" = yamlencode({ model_list = [
      { model_name = "chat", litellm_params = { model = "openai/gpt-4.1", api_base = "https://ai.megallm.io/v1" } },
      { model_name = "fast", litellm_params = { model = "openai/gtp-4o", api_base = "https://ai.megallm.io/v1" } },
    ] })
  }
}
`, map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey})
	plan := savedPlan(t, ws)
	path := `terraform_data.litellm: input["config.yaml"].model_list`
	assertDeniedByBoth(t, plan, "", []string{
		path + `[0].litellm_params.model = "openai/gpt-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1" or ` +
			`"gpt-4.1-mini"? If a proxy routes it to MegaLLM without "openai/", as LiteLLM does, add "openai/" to ` +
			`megallm_settings.routing_prefixes["terraform_data"].`,
		path + `[1].litellm_params.model = "openai/gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
	})
	settings := filepath.Join(t.TempDir(), "settings.json")
	writeFile(t, settings, `{"megallm_settings": {"routing_prefixes": {"terraform_data": ["openai/"]}}}`)
	assertDeniedByBoth(t, plan, settings, []string{
		path + `[1].litellm_params.model = "openai/gtp-4o" is not in the MegaLLM catalog. Did you mean "openai/gpt-4o"?`,
	})
}

// TestPolicyAsCode_failsClosed: a plan that did not read the catalog gets one
// deny that says what to add, and nothing about its ids; when the root module
// does not require the provider, the deny says how to, since a data source
// added without it would be hashicorp/megallm's.
func TestPolicyAsCode_failsClosed(t *testing.T) {
	t.Parallel()
	const config = `
resource "terraform_data" "app" {
  input = { env = { OPENAI_MODEL = "gpt4o-mini", CHAT_MODEL = "gpt-4o" } }
}
`
	const add = `No MegaLLM catalog in this plan, so no model id can be checked. ` +
		`Add data "megallm_models" "catalog" { include_retired = true }, with no filter, to the configuration ` +
		`(its arguments must be known at plan time, or it is read only during apply), and check the JSON of a ` +
		`saved plan: terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json.`
	ws := harness.Workspace(t, config, nil)
	deny, warn := evalOPA(t, savedPlan(t, ws), "")
	assertMessages(t, "OPA deny", deny, []string{add})
	assertMessages(t, "OPA warn", warn, nil)

	writeFile(t, filepath.Join(ws.Dir, "main.tf"), config) // no required_providers
	deny, _ = evalOPA(t, savedPlan(t, ws), "")
	assertMessages(t, "OPA deny without required_providers", deny, []string{add +
		` This configuration does not declare the provider: add megallm = { source = "megallm/megallm" } ` +
		`to the root module's terraform { required_providers } and run terraform init, as Terraform otherwise ` +
		`looks for hashicorp/megallm.`})

	// Required under another local name, the plan lists the provider under
	// megallm too: the data source needs that name.
	writeFile(t, filepath.Join(ws.Dir, "main.tf"), strings.Replace(tfcli.RequiredProviders, "megallm =", "llm =", 1)+config)
	deny, _ = evalOPA(t, savedPlan(t, ws), "")
	assertMessages(t, "OPA deny with the provider required as llm", deny, []string{add +
		` The root module names the provider llm: add provider = llm to that data source, as Terraform otherwise ` +
		`looks for hashicorp/megallm.`})
}

// TestPolicyAsCode_unreadableLifecycleDate: a lifecycle date the catalog sent
// that the provider cannot read is null in the plan, as an absent one is, and
// marked in model_lifecycle, which the library reads: an id whose retires_at
// could not be read may be retired and warns, one without dates passes.
func TestPolicyAsCode_unreadableLifecycleDate(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"retires-soon","retires_at":"soon"}`), json.RawMessage(`{"id":"undated"}`))
	ws := harness.Workspace(t, `
data "megallm_models" "catalog" { include_retired = true }
resource "terraform_data" "app" {
  input = { CHAT_MODEL = "retires-soon", BATCH_MODEL = "undated" }
}
`, map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey})
	deny, warn := evalOPA(t, savedPlan(t, ws), "")
	assertMessages(t, "OPA deny", deny, nil)
	assertMessages(t, "OPA warn", warn, []string{`terraform_data.app: input.CHAT_MODEL = "retires-soon" may be retired: ` +
		`the catalog sent a retires_at that the provider could not read. Report it to the catalog's maintainers.`})
}

// TestPolicyAsCode_ownPackageMain: a package main of the user's own, loaded
// next to the library, with a deny of either form (a set, or a complete rule,
// which conflicted with the library's set of the same name), fails the plan
// with its own message and the library's, with or without --all-namespaces
// (which shows the library's twice, once per package).
func TestPolicyAsCode_ownPackageMain(t *testing.T) {
	t.Parallel()
	plan := filepath.Join(t.TempDir(), "plan.json")
	writeFile(t, plan, `{"format_version": "1.2", "resource_changes": [], "planned_values": {"root_module": {"resources": `+
		`[{"address": "terraform_data.app", "mode": "managed", "type": "terraform_data", "name": "app", "values": {}}]}}, `+
		`"configuration": {"provider_config": {"megallm": {"name": "megallm", "full_name": "registry.terraform.io/megallm/megallm"}}}}`,
	) // a resource and no catalog: one deny
	catalogDeny := `No MegaLLM catalog in this plan, so no model id can be checked. ` +
		`Add data "megallm_models" "catalog" { include_retired = true }, with no filter, to the configuration ` +
		`(its arguments must be known at plan time, or it is read only during apply), and check the JSON of a ` +
		`saved plan: terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json.`
	for name, rule := range map[string]string{
		"set":      `deny contains "own rule" if input.format_version == "1.2"`,
		"complete": `deny := ["own rule"] if input.format_version == "1.2"`,
	} {
		t.Run(name, func(t *testing.T) {
			own := t.TempDir()
			writeFile(t, filepath.Join(own, "own.rego"), "package main\n\n"+rule+"\n")
			deny, _, code := conftestIn(t, plan, "", "--policy", own)
			assertMessages(t, "conftest failures", deny, []string{"own rule", catalogDeny})
			if code != 1 {
				t.Errorf("conftest exited with %d, want 1", code)
			}
			deny, _, _ = conftestIn(t, plan, "", "--policy", own, "--all-namespaces")
			assertMessages(t, "conftest failures with --all-namespaces", deny, []string{"own rule", catalogDeny, catalogDeny})
		})
	}
}

// TestPolicyAsCode_guideExample: the guide's example plans with the one
// warning the guide shows, and passes conftest, with its settings file too.
func TestPolicyAsCode_guideExample(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	example := "../../examples/guides/policy-as-code"
	ws := harness.ModuleWorkspace(t, example, map[string]string{
		"MEGALLM_BASE_URL": server.URL(),
		"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
	})
	plan := savedPlan(t, ws)
	want := []string{`terraform_data.chat_service: input.environment.FALLBACK_MODEL = "gpt-4o" is deprecated since 2026-06-01: use its successor "gpt-4.1".`}
	for _, settings := range []string{"", filepath.Join(example, "megallm-settings.json")} {
		deny, warn := evalOPA(t, plan, settings)
		assertMessages(t, "OPA deny", deny, nil)
		assertMessages(t, "OPA warn", warn, want)
		deny, warn, code := conftest(t, plan, settings)
		assertMessages(t, "conftest failures", deny, nil)
		assertMessages(t, "conftest warnings", warn, want)
		if code != 0 {
			t.Errorf("conftest exited with %d, want 0 (warnings do not fail the check)", code)
		}
	}
	if gate, code := opaGate(t, plan); code != 0 || len(gate) != 0 {
		t.Errorf("opa eval --fail-defined exited with %d, want 0, and printed %q", code, gate)
	}
}

// TestPolicyAsCode_oddInputs: an input that is no plan, a plan of another
// shape, or settings of another shape are denied as such with no built-in
// error, so that the deny is said under opa eval --strict-builtin-errors too.
func TestPolicyAsCode_oddInputs(t *testing.T) {
	t.Parallel()
	shape := "The input is shaped otherwise than a saved plan's JSON (%s is no object), so no model id can be checked: " +
		"check the JSON of a saved plan: terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json."
	app := `{"planned_values": {"root_module": {"resources": [{"address": "terraform_data.app", "mode": "managed", ` +
		`"type": "terraform_data", "name": "app", "values": {"input": {"model": "gpt-4o"}}}]}}, "prior_state": {"values": {"root_module": ` +
		`{"resources": [{"address": "data.megallm_models.catalog", "mode": "data", "type": "megallm_models", "name": "catalog", ` +
		`"values": {"include_retired": true, "models": [{"id": "gpt-4o", "owned_by": "openai", "model_lifecycle": {}}]}}]}}}}`
	for _, c := range []struct{ input, settings, want string }{
		{`[{"path": "plan.json", "contents": {}}]`, "", "The input is a list of files (conftest test --combine), not a plan, " +
			"so no model id can be checked: run the same conftest test without --combine, which checks each saved plan on its own, " +
			"such as conftest test --policy policy/opa plan.json."},
		{`{"planned_values": {"root_module": [{"resources": []}]}}`, "", fmt.Sprintf(shape, "planned_values.root_module")},
		{`{"planned_values": {"root_module": {}}, "prior_state": {"values": {"root_module": []}}}`, "",
			fmt.Sprintf(shape, "prior_state.values.root_module")},
		{app, `{"megallm_settings": {"json_attributes": ["x"]}}`,
			`megallm_settings.json_attributes is ["x"]: set an object from resource type to a list of attribute names.`},
		{app, `{"megallm_settings": {"attribute_paths": {"terraform_data": [1]}}}`,
			`megallm_settings.attribute_paths["terraform_data"] is [1]: set a list of attribute paths such as ["model.*.name"].`},
	} {
		dir := t.TempDir()
		path, settings := filepath.Join(dir, "input.json"), ""
		writeFile(t, path, c.input)
		if c.settings != "" {
			settings = filepath.Join(dir, "settings.json")
			writeFile(t, settings, c.settings)
		}
		deny, warn := evalOPA(t, path, settings)
		assertMessages(t, "OPA deny of "+c.input+" "+c.settings, deny, []string{c.want})
		assertMessages(t, "OPA warn of "+c.input+" "+c.settings, warn, nil)
	}
}

// savedPlan plans the workspace into a saved plan and returns the path of
// its JSON (terraform show -json).
func savedPlan(t *testing.T, ws *Workspace) string {
	t.Helper()
	if out, err := ws.Run("get", "-no-color"); err != nil {
		t.Fatalf("terraform get failed: %v\n%s", err, out)
	}
	if out, err := ws.Run("plan", "-input=false", "-no-color", "-out=plan.tfplan"); err != nil {
		t.Fatalf("plan failed: %v\n%s", err, out)
	}
	out, err := ws.Output("show", "-json", "plan.tfplan")
	if err != nil {
		t.Fatalf("terraform show -json failed: %v", err)
	}
	path := filepath.Join(t.TempDir(), "plan.json")
	writeFile(t, path, out)
	return path
}

// evalOPA evaluates the library's deny and warn sets on a plan's JSON with
// the OPA CLI, with a settings file when one is given. A built-in function's
// error fails it: OPA would otherwise leave the rule undefined, and a deny
// could go silently unsaid.
func evalOPA(t *testing.T, plan, settings string) (deny, warn []string) {
	t.Helper()
	args := []string{"eval", "--strict-builtin-errors", "--format", "raw", "--data", policyDir, "--input", plan}
	if settings != "" {
		args = append(args, "--data", settings)
	}
	args = append(args, `{"deny": data.megallm.deny, "warn": data.megallm.warn}`)
	out, err := exec.Command(tool(t, "OPA_PATH"), args...).Output()
	if err != nil {
		t.Fatalf("opa eval failed: %v\n%s", err, stderrOf(err))
	}
	t.Logf("opa eval:\n%s", out)
	var result struct{ Deny, Warn []string }
	if err := json.Unmarshal(out, &result); err != nil {
		t.Fatalf("reading the output of opa eval: %v\n%s", err, out)
	}
	return result.Deny, result.Warn
}

// opaGate runs the guide's CI gate with OPA alone, which exits with 1 when
// the plan has a deny, and returns the denies it printed and its exit code.
func opaGate(t *testing.T, plan string) (denies []string, code int) {
	t.Helper()
	out, err := exec.Command(tool(t, "OPA_PATH"), "eval", "--fail-defined", "--format", "raw",
		"--data", policyDir, "--input", plan, "data.megallm.deny[_]").Output()
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("opa eval failed to run: %v", err)
	}
	return strings.FieldsFunc(string(out), func(r rune) bool { return r == '\n' }), code
}

// conftest runs `conftest test`, as the guide does, on a plan's JSON and
// returns its failures, its warnings and its exit code.
func conftest(t *testing.T, plan, settings string) (failures, warnings []string, code int) {
	t.Helper()
	return conftestIn(t, plan, settings)
}

// conftestIn runs conftest test with the library and further flags (none:
// conftest's default namespace, main) and returns the failures and warnings of every namespace it checked.
func conftestIn(t *testing.T, plan, settings string, flags ...string) (failures, warnings []string, code int) {
	t.Helper()
	args := append([]string{"test", "--no-color", "--policy", policyDir, "--output", "json"}, flags...)
	if settings != "" {
		args = append(args, "--data", settings)
	}
	out, err := exec.Command(tool(t, "CONFTEST_PATH"), append(args, plan)...).Output()
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("conftest failed to run: %v", err)
	}
	var results []struct {
		Failures, Warnings []struct{ Msg string }
	}
	if err := json.Unmarshal(out, &results); err != nil || len(results) == 0 {
		t.Fatalf("reading the output of conftest (exit code %d): %v\n%s%s", code, err, out, stderrOf(err))
	}
	for _, r := range results {
		for _, f := range r.Failures {
			failures = append(failures, f.Msg)
		}
		for _, w := range r.Warnings {
			warnings = append(warnings, w.Msg)
		}
	}
	return failures, warnings, code
}

// tool is the path of a CLI that make test-opa passes in the environment.
func tool(t *testing.T, env string) string {
	t.Helper()
	path := os.Getenv(env)
	if path == "" {
		t.Fatalf("%s is not set: run these tests with make test-opa, which builds OPA and conftest into bin/", env)
	}
	return path
}

func stderrOf(err error) string {
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		return string(exit.Stderr)
	}
	return ""
}

// assertMessages compares two sets of messages, in any order.
func assertMessages(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got: %s\nwant: %s", what, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

// assertDeniedByBoth checks that OPA and conftest, given the plan and the
// settings file (or none), deny it with exactly want and warn of nothing.
func assertDeniedByBoth(t *testing.T, plan, settings string, want []string) {
	t.Helper()
	deny, warn := evalOPA(t, plan, settings)
	assertMessages(t, "OPA deny", deny, want)
	assertMessages(t, "OPA warn", warn, nil)
	deny, warn, _ = conftest(t, plan, settings)
	assertMessages(t, "conftest failures", deny, want)
	assertMessages(t, "conftest warnings", warn, nil)
}
