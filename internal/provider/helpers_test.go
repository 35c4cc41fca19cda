package provider

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
	"github.com/megallm/terraform-provider-megallm/internal/tfcli"
)

// testVersion is the provider version the tests run, seen in the User-Agent.
const testVersion = "0.0.0-test"

// testProviderFactories serves the provider in-process to the Terraform CLI:
// as megallm, and as megallmplain for a second provider block
// (allWithoutPolicy), since plugin-testing serves every block of one name,
// aliases too, from one server, which keeps the configuration of whichever
// block Terraform configured last.
var testProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"megallm":      newTestProviderServer,
	"megallmplain": newTestProviderServer,
}

// newTestProviderServer is the provider, its clock stopped at testNow and its
// diagnostics checked (checkedServer).
func newTestProviderServer() (tfprotov6.ProviderServer, error) {
	return checkedServer{providerserver.NewProtocol6(&megallmProvider{version: testVersion, now: func() time.Time { return testNow }})()}, nil
}

// testNow is the time the run started, when the provider under test computes
// lifecycles: a run that crosses midnight UTC keeps the day that day counts
// from.
var testNow = time.Now().UTC()

// errNoTerraform is why the tests that drive Terraform skip, nil when a CLI
// was found.
var errNoTerraform error

// TestMain makes the acceptance tests hermetic: its own empty CLI config (the
// environment may point TF_CLI_CONFIG_FILE at a missing file), no real
// MegaLLM key or URL from the environment, a Terraform from PATH rather than a
// download (without one, only the tests that drive Terraform skip), and a
// proxy that no request reaches unless it leaves loopback, so that a test can
// never talk to the real API. It fails the run when a diagnostic of any test
// is unfinished (checkedServer), and makes Terraform's garbage collector less
// eager (GOGC).
func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "megallm-provider-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer func() { _ = os.RemoveAll(dir) }()
	cliConfig := filepath.Join(dir, "terraform.rc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for key, value := range map[string]string{
		"TF_CLI_CONFIG_FILE": cliConfig,
		"CHECKPOINT_DISABLE": "1",
		// The provider's real namespace; OpenTofu rejects plugin-testing's
		// default legacy namespace "-".
		"TF_ACC_PROVIDER_NAMESPACE": "megallm",
		"HTTP_PROXY":                "http://127.0.0.1:9",
		"HTTPS_PROXY":               "http://127.0.0.1:9",
		"NO_PROXY":                  "",
	} {
		_ = os.Setenv(key, value)
	}
	_ = os.Unsetenv(envAPIKey)
	_ = os.Unsetenv(envBaseURL)
	// Each Terraform command lives a fraction of a second, and the suite runs
	// some 3,500 of them: collecting garbage at GOGC=400 rather than Go's 100
	// took 4 to 9 % less of the tests' CPU, and a plan's peak memory stays at
	// 62 MB. A GOGC set by whoever runs the tests wins.
	if _, set := os.LookupEnv("GOGC"); !set {
		_ = os.Setenv("GOGC", "400")
	}

	// Without a CLI the pure-Go tests still run and unitTest and functionsTest
	// skip, but not when acceptance tests are asked for (TF_ACC, as make test
	// and CI set it): then a missing CLI fails the run rather than skip them.
	if terraform, err := tfcli.Find(); err != nil {
		if os.Getenv("TF_ACC") != "" {
			fmt.Fprintf(os.Stderr, "TF_ACC is set but no Terraform or OpenTofu CLI was found: %v\n", err)
			return 1
		}
		errNoTerraform = err
	} else {
		_ = os.Setenv(tfcli.EnvTerraformPath, terraform)
	}
	// OpenTofu reads `source = "megallm/megallm"` as registry.opentofu.org:
	// serve the provider under that address so that configurations with a
	// required_providers block (the examples) find it.
	if openTofu() && os.Getenv("TF_ACC_PROVIDER_HOST") == "" {
		_ = os.Setenv("TF_ACC_PROVIDER_HOST", "registry.opentofu.org")
	}
	code := m.Run()
	if reportUnfinished(os.Stderr) && code == 0 {
		return 1
	}
	return code
}

// openTofu reports whether the tests run OpenTofu rather than Terraform.
func openTofu() bool {
	return strings.Contains(filepath.Base(os.Getenv(tfcli.EnvTerraformPath)), "tofu")
}

// providerBlock configures the provider against the mock, with extra lines.
func providerBlock(server *mockapi.Server, extra string) string {
	return namedProviderBlock("megallm", server, extra)
}

// allWithoutPolicy is data.megallm_models.all with include_retired = true
// under a provider block without policy, which lists every model of the
// catalog: where the advice reads whole what a policy leaves out. A user
// writes that block as provider "megallm" with an alias, which Terraform runs
// in a process of its own; a test writes it as megallmplain, served on its own
// (testProviderFactories).
//
// A test whose last step has the other block's policy read data.megallm_models.all
// ends with a step that writes the value whole: plugin-testing destroys with
// the last step's configuration, and Terraform 1.11 draws no edge from a
// provider block to the destroy of a data source its arguments read, so under
// load that data source may be gone and the policy unknown. Configure then
// fails no longer (0342e52: the first read reports it, and a destroy plan
// reads none); the steps stay, as they check that the whole value plans.
func allWithoutPolicy(server *mockapi.Server) string {
	return namedProviderBlock("megallmplain", server, "") + `data "megallm_models" "all" {
  provider        = megallmplain
  include_retired = true
}
`
}

// namedProviderBlock configures the provider of this local name against the
// mock, with extra lines.
func namedProviderBlock(name string, server *mockapi.Server, extra string) string {
	return fmt.Sprintf(`
provider %q {
  base_url = %q
  api_key  = %q
  %s
}
`, name, server.URL(), mockapi.DefaultAPIKey, extra)
}

// testKey is an API key of this test's own, one per role when a test needs
// several. The provider remembers every api_key it validates for the rest of
// the process and scrubs any run of ten of its characters from later messages,
// so a key that held a word ("configured") or a date would scrub it from other
// tests' texts; hex digits spell no such word, and the hash of the test's name
// repeats in no other test.
func testKey(t *testing.T, role string) string {
	sum := sha256.Sum256([]byte(t.Name() + "\x00" + role))
	return "key-" + hex.EncodeToString(sum[:12])
}

// expectError builds an ExpectError regexp from words, allowing Terraform's
// line wrapping (any white space) between them; `.` matches newlines too.
func expectError(words string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + regexp.MustCompile(`\s+`).ReplaceAllString(words, `\s+`))
}

// errorStep plans one data source of this type with body against server and
// expects the error that expected matches (see expectError).
func errorStep(server *mockapi.Server, dataSource, body, expected string) resource.TestStep {
	return configErrorStep(server, `data "`+dataSource+`" "bad" {`+"\n"+body+"\n}", expected)
}

// configErrorStep plans config against server and expects the error that
// expected matches (see expectError).
func configErrorStep(server *mockapi.Server, config, expected string) resource.TestStep {
	return resource.TestStep{Config: providerBlock(server, "") + config, ExpectError: expectError(expected)}
}

// planErrorStep plans config and expects the error that expected matches
// (see expectError) from the plan itself: a plan, no apply, so an error that
// comes only at apply, once values known after apply are, leaves the step
// without one.
func planErrorStep(config, expected string) resource.TestStep {
	return resource.TestStep{Config: config, PlanOnly: true, ExpectNonEmptyPlan: true, ExpectError: expectError(expected)}
}

// knownIDs checks a list of ids exactly, in order.
func knownIDs(ids ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(ids))
	for i, id := range ids {
		checks[i] = knownvalue.StringExact(id)
	}
	return knownvalue.ListExact(checks)
}

// expectIDs checks the ids attribute of a megallm_models data source.
func expectIDs(address string, ids ...string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, tfjsonpath.New("ids"), knownIDs(ids...))
}

// unitTest runs acceptance steps with the provider served in-process. They
// talk only to a loopback mock, so they run with or without TF_ACC.
func unitTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	unitTestFrom(t, nil, steps...)
}

// unitTestFrom is unitTest on Terraform minimum or later, which older
// versions skip; a nil minimum runs on every version.
func unitTestFrom(t *testing.T, minimum *version.Version, steps ...resource.TestStep) {
	t.Helper()
	skipWithoutTerraform(t)
	tc := resource.TestCase{Steps: steps}
	if minimum != nil {
		tc.TerraformVersionChecks = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(minimum)}
	}
	resource.UnitTest(t, withProvider(tc))
}

// withProvider serves the provider in-process to a test case: on the case, or
// on every step when a step runs a ConfigDirectory, since plugin-testing counts
// the directory's provider block as providers given at the step level.
func withProvider(tc resource.TestCase) resource.TestCase {
	for _, step := range tc.Steps {
		if step.ConfigDirectory != nil {
			for i := range tc.Steps {
				tc.Steps[i].ProtoV6ProviderFactories = testProviderFactories
			}
			return tc
		}
	}
	tc.ProtoV6ProviderFactories = testProviderFactories
	return tc
}

// skipWithoutTerraform skips a test that drives the Terraform CLI when TestMain
// found none.
func skipWithoutTerraform(t *testing.T) {
	t.Helper()
	if errNoTerraform != nil {
		t.Skip(errNoTerraform)
	}
}

// functionsTest is unitTest for configurations that call provider functions,
// which Terraform has since 1.8: older versions skip them.
func functionsTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	unitTestFrom(t, tfversion.Version1_8_0, steps...)
}

// wantUserAgent is the User-Agent of the provider the tests run, under the
// Terraform (or OpenTofu) that runs them, in the form of HashiCorp's providers.
var wantUserAgent = regexp.MustCompile(`^Terraform/\d+\.\d+\.\d+\S* \(\+https://www\.terraform\.io\) terraform-provider-megallm/` +
	regexp.QuoteMeta(testVersion) + `$`)

// expectRequests checks every request the mock received: each must carry
// exactly one credential header, the wanted one, and the provider's User-Agent.
func expectRequests(server *mockapi.Server, header, value string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		requests := server.Requests()
		if len(requests) == 0 {
			return errors.New("the mock received no request")
		}
		for _, r := range requests {
			if r.Path != "/v1/models" || r.Method != http.MethodGet {
				return fmt.Errorf("request %s %s, want GET /v1/models", r.Method, r.Path)
			}
			if got := r.Header.Values(header); len(got) != 1 || got[0] != value {
				return fmt.Errorf("request has %d %s header(s) or the wrong value", len(got), header)
			}
			for _, other := range []string{"Authorization", "X-Api-Key"} {
				if other != http.CanonicalHeaderKey(header) && r.Header.Get(other) != "" {
					return fmt.Errorf("request also carries a %s header: only one credential header may be sent", other)
				}
			}
			if ua := r.Header.Get("User-Agent"); !wantUserAgent.MatchString(ua) {
				return fmt.Errorf("User-Agent %q, want it to match %s", ua, wantUserAgent)
			}
		}
		return nil
	}
}

// modelDynamic is m as the data sources return it, today, as a provider
// function receives it.
func modelDynamic(m *megallm.Model) types.Dynamic {
	return types.DynamicValue(types.ObjectValueMust(modelTypes().model, modelValues(m, time.Now().UTC())))
}
