// Package e2e runs the real provider binary under the real Terraform (or
// OpenTofu) CLI, the way users run it: built with `go build`, installed
// through a dev_overrides CLI configuration, talking to the mock API on
// loopback. Tests here check what only a whole run shows: what Terraform's
// TRACE log contains, how many requests one plan makes, what the CLI prints.
package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/megallm/terraform-provider-megallm/internal/tfcli"
)

// Harness holds a provider binary built once for a test run.
type Harness struct {
	terraform   string
	version     *version.Version
	providerDir string
}

// NewHarness builds the provider from the module root into a temporary
// directory and finds the Terraform CLI (TF_ACC_TERRAFORM_PATH, else
// terraform or tofu on PATH) and its version. Call Close when done.
func NewHarness(moduleRoot string) (*Harness, error) {
	terraform, err := tfcli.Find()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(terraform, "version", "-json") //nolint:gosec // G204: the Terraform CLI the test chose.
	cmd.Env = append(tfcli.CleanEnviron(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	var v struct {
		Version string `json:"terraform_version"` // OpenTofu's too
	}
	if err == nil {
		err = json.Unmarshal(out, &v)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the version of %s: %w\n%s", terraform, err, out)
	}
	cliVersion, err := version.NewVersion(v.Version)
	if err != nil {
		return nil, fmt.Errorf("reading the version of %s: %w\n%s", terraform, err, out)
	}
	dir, err := os.MkdirTemp("", "megallm-e2e-provider-")
	if err != nil {
		return nil, err
	}
	build := tfcli.BuildProvider(moduleRoot, filepath.Join(dir, "terraform-provider-megallm"), "0.0.0-e2e")
	if out, err := build.CombinedOutput(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("building the provider: %w\n%s", err, out)
	}
	return &Harness{terraform: terraform, version: cliVersion, providerDir: dir}, nil
}

// SkipBelow skips t on a CLI older than minimum, which what needs.
func (h *Harness) SkipBelow(t *testing.T, minimum *version.Version, what string) {
	t.Helper()
	if h.version.LessThan(minimum) {
		t.Skipf("%s needs Terraform %s or later; this CLI is %s", what, minimum, h.version)
	}
}

// Close removes the built provider.
func (h *Harness) Close() { _ = os.RemoveAll(h.providerDir) }

// Workspace is a Terraform working directory with its own CLI configuration.
type Workspace struct {
	t   *testing.T
	h   *Harness
	Dir string
	env []string
}

// Workspace writes config as main.tf, after a terraform block that requires
// the provider, in a fresh directory. env holds the variables for every
// command, on top of a clean environment: no MEGALLM_*, TF_* or proxy
// settings of the caller's leak in.
func (h *Harness) Workspace(t *testing.T, config string, env map[string]string) *Workspace {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(tfcli.RequiredProviders+config), 0o600); err != nil {
		t.Fatal(err)
	}
	return h.workspace(t, dir, env)
}

// ModuleWorkspace copies the module in src (with its subdirectories) into a
// fresh directory, for commands such as `terraform test`.
func (h *Harness) ModuleWorkspace(t *testing.T, src string, env map[string]string) *Workspace {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return h.workspace(t, dir, env)
}

func (h *Harness) workspace(t *testing.T, dir string, env map[string]string) *Workspace {
	t.Helper()
	cliConfig := filepath.Join(t.TempDir(), "terraform.rc")
	if err := tfcli.WriteDevOverrides(cliConfig, h.providerDir); err != nil {
		t.Fatal(err)
	}
	clean := append(tfcli.CleanEnviron(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	for k, v := range env {
		clean = append(clean, k+"="+v)
	}
	return &Workspace{t: t, h: h, Dir: dir, env: clean}
}

// Run runs the CLI in the workspace and returns everything it printed.
func (w *Workspace) Run(args ...string) (string, error) {
	w.t.Helper()
	cmd, out := w.command(args...)
	err := cmd.Run()
	return out.String(), err
}

// Output runs the CLI in the workspace and returns what it printed on
// standard output alone, such as the JSON of `terraform show -json`; what it
// printed on standard error is in the error.
func (w *Workspace) Output(args ...string) (string, error) {
	w.t.Helper()
	cmd, stderr := w.command(args...)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("%w\n%s", err, stderr)
	}
	return stdout.String(), nil
}

// Start starts the CLI in the workspace, for a test that signals it. After
// cmd.Wait, out holds everything it printed.
func (w *Workspace) Start(args ...string) (cmd *exec.Cmd, out *bytes.Buffer, err error) {
	w.t.Helper()
	cmd, out = w.command(args...)
	return cmd, out, cmd.Start()
}

func (w *Workspace) command(args ...string) (*exec.Cmd, *bytes.Buffer) {
	//nolint:gosec // G204: runs the Terraform CLI the test chose, with the test's own arguments.
	cmd := exec.Command(w.h.terraform, append([]string{"-chdir=" + w.Dir}, args...)...)
	cmd.Env = w.env
	// A provider left running by a killed CLI holds its output open: Wait
	// returns anyway, so that a test fails instead of hanging.
	cmd.WaitDelay = 10 * time.Second
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	return cmd, &out
}
