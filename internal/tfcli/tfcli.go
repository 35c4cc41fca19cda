// Package tfcli finds the Terraform (or OpenTofu) CLI and prepares what runs
// a locally built provider under it: the dev_overrides CLI configuration, the
// required_providers block and a clean environment. The acceptance tests, the
// e2e harness and the plan benchmark share it; the provider itself does not
// import it.
package tfcli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// EnvTerraformPath names the CLI to use, as terraform-plugin-testing reads it.
const EnvTerraformPath = "TF_ACC_TERRAFORM_PATH"

// RequiredProviders is a terraform block that requires this provider.
const RequiredProviders = "terraform {\n  required_providers {\n    megallm = { source = \"megallm/megallm\" }\n  }\n}\n"

// ErrNotFound says that no Terraform CLI was named or found on PATH.
var ErrNotFound = errors.New("no Terraform CLI: set " + EnvTerraformPath +
	" or put terraform or tofu on PATH (make test builds OpenTofu into bin/)")

// Find returns the CLI named by TF_ACC_TERRAFORM_PATH, else terraform or tofu
// from PATH, else ErrNotFound.
func Find() (string, error) {
	if path := os.Getenv(EnvTerraformPath); path != "" {
		return path, nil
	}
	for _, name := range []string{"terraform", "tofu"} {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", ErrNotFound
}

// WriteDevOverrides writes a CLI configuration file at path that installs
// megallm/megallm from the binary in providerDir instead of a registry.
func WriteDevOverrides(path, providerDir string) error {
	text := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n",
		"megallm/megallm", providerDir)
	return os.WriteFile(path, []byte(text), 0o600)
}

// CleanEnviron is this process's environment without the settings that would
// change what a Terraform run under test does: MEGALLM_*, TF_*, proxies and
// CHECKPOINT_DISABLE.
func CleanEnviron() []string {
	var clean []string
	for _, kv := range os.Environ() {
		name := strings.ToUpper(strings.SplitN(kv, "=", 2)[0])
		if strings.HasPrefix(name, "MEGALLM_") || strings.HasPrefix(name, "TF_") ||
			strings.HasSuffix(name, "_PROXY") || name == "CHECKPOINT_DISABLE" {
			continue
		}
		clean = append(clean, kv)
	}
	return clean
}

// BuildProvider is the command that builds the provider module in dir into
// out as a release builds it (.goreleaser.yml, make build): static, with
// CGO_ENABLED=0 whatever the environment says, since Terraform runs a provider
// on hosts without a C library and a dynamically linked one starts differently.
func BuildProvider(dir, out, version string) *exec.Cmd {
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -X main.version="+version, "-o", out, ".") //nolint:gosec // G204: the caller's own output path and version
	build.Dir = dir
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	return build
}
