package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// testVersion is the provider version the tests run, seen in the User-Agent.
const testVersion = "0.0.0-test"

// testProviderFactories serves the provider in-process to the Terraform CLI.
var testProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"megallm": providerserver.NewProtocol6WithError(New(testVersion)()),
}

// TestMain makes the acceptance tests hermetic: its own empty CLI config (the
// environment may point TF_CLI_CONFIG_FILE at a missing file), no real
// MegaLLM key or URL from the environment, a Terraform from PATH rather than a
// download, and a proxy that no request reaches unless it leaves loopback, so
// that a test can never talk to the real API.
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
		"HTTP_PROXY":         "http://127.0.0.1:9",
		"HTTPS_PROXY":        "http://127.0.0.1:9",
		"NO_PROXY":           "",
	} {
		_ = os.Setenv(key, value)
	}
	_ = os.Unsetenv(EnvAPIKey)
	_ = os.Unsetenv(EnvBaseURL)

	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		found := ""
		for _, name := range []string{"terraform", "tofu"} {
			if p, err := exec.LookPath(name); err == nil {
				found = p
				break
			}
		}
		if found == "" {
			fmt.Fprintln(os.Stderr, "The acceptance tests need Terraform (>= 1.0) or OpenTofu: none is on PATH "+
				"and TF_ACC_TERRAFORM_PATH is not set. Install one, or run `make test`, which builds OpenTofu into bin/.")
			return 1
		}
		_ = os.Setenv("TF_ACC_TERRAFORM_PATH", found)
	}
	return m.Run()
}

// startMock serves the fake API on a free loopback port for one test.
func startMock(t *testing.T) *mockapi.Server {
	t.Helper()
	server := mockapi.New("")
	if err := server.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("starting the mock API: %v", err)
	}
	t.Cleanup(func() { _ = server.Close() })
	return server
}

// providerBlock configures the provider against the mock, with extra lines.
func providerBlock(server *mockapi.Server, extra string) string {
	return fmt.Sprintf(`
provider "megallm" {
  base_url = %q
  api_key  = %q
  %s
}
`, server.URL(), mockapi.DefaultAPIKey, extra)
}

// expectError builds an ExpectError regexp from words, allowing Terraform's
// line wrapping (any white space) between them; `.` matches newlines too.
func expectError(words string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + regexp.MustCompile(`\s+`).ReplaceAllString(words, `\s+`))
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
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: testProviderFactories, Steps: steps})
}
