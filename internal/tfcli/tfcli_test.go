package tfcli_test

import (
	"debug/elf"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/tfcli"
)

func TestFind_environmentFirst(t *testing.T) {
	t.Setenv(tfcli.EnvTerraformPath, "/opt/terraform")
	got, err := tfcli.Find()
	if err != nil || got != "/opt/terraform" {
		t.Fatalf("Find() = %q, %v; want /opt/terraform", got, err)
	}
}

func TestFind_notFound(t *testing.T) {
	t.Setenv(tfcli.EnvTerraformPath, "")
	t.Setenv("PATH", t.TempDir())
	if _, err := tfcli.Find(); !errors.Is(err, tfcli.ErrNotFound) {
		t.Fatalf("Find() error = %v, want ErrNotFound", err)
	}
}

func TestFind_onPath(t *testing.T) {
	dir := t.TempDir()
	tofu := filepath.Join(dir, "tofu")
	if err := os.WriteFile(tofu, []byte("#!/bin/sh\n"), 0o700); err != nil { //nolint:gosec // G306: an executable stub
		t.Fatal(err)
	}
	t.Setenv(tfcli.EnvTerraformPath, "")
	t.Setenv("PATH", dir)
	if got, err := tfcli.Find(); err != nil || got != tofu {
		t.Fatalf("Find() = %q, %v; want %q", got, err, tofu)
	}
}

func TestWriteDevOverrides(t *testing.T) {
	path := filepath.Join(t.TempDir(), "terraform.rc")
	if err := tfcli.WriteDevOverrides(path, "/tmp/plugins"); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "provider_installation {\n  dev_overrides {\n    \"megallm/megallm\" = \"/tmp/plugins\"\n  }\n  direct {}\n}\n"
	if string(got) != want {
		t.Fatalf("config:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(tfcli.RequiredProviders, `source = "megallm/megallm"`) {
		t.Fatalf("RequiredProviders does not require megallm/megallm: %s", tfcli.RequiredProviders)
	}
}

func TestCleanEnviron(t *testing.T) {
	t.Setenv("MEGALLM_API_KEY", "sk-fake-not-a-secret")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("HTTPS_PROXY", "http://127.0.0.1:9")
	t.Setenv("CHECKPOINT_DISABLE", "1")
	t.Setenv("TFCLI_TEST_KEEP", "kept")
	env := tfcli.CleanEnviron()
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "MEGALLM_API_KEY", "TF_LOG", "HTTPS_PROXY", "CHECKPOINT_DISABLE":
			t.Errorf("CleanEnviron kept %s", name)
		}
	}
	if !slices.Contains(env, "TFCLI_TEST_KEEP=kept") {
		t.Error("CleanEnviron dropped TFCLI_TEST_KEEP")
	}
}

// TestBuildProvider_static: the provider the tests and planbench run is
// built as a release builds it, static, even where the environment enables cgo.
func TestBuildProvider_static(t *testing.T) {
	t.Setenv("CGO_ENABLED", "1")
	out := filepath.Join(t.TempDir(), "terraform-provider-megallm")
	if text, err := tfcli.BuildProvider(filepath.Join("..", ".."), out, "0.0.0-test").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	assertStatic(t, out)
}

// TestMakeBuild_static: make build (and make install and make demo, which
// build the same way) builds the provider as a release does, even where the
// environment enables cgo.
func TestMakeBuild_static(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("needs make")
	}
	t.Setenv("CGO_ENABLED", "1")
	bin := t.TempDir()
	build := exec.Command("make", "build", "BIN="+bin)
	build.Dir = filepath.Join("..", "..")
	if text, err := build.CombinedOutput(); err != nil {
		t.Fatalf("make build: %v\n%s", err, text)
	}
	assertStatic(t, filepath.Join(bin, "terraform-provider-megallm"))
}

// assertStatic fails t unless the binary at path is statically linked.
func assertStatic(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("reads the binary as ELF")
	}
	binary, err := elf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = binary.Close() }()
	for _, prog := range binary.Progs {
		if prog.Type == elf.PT_INTERP {
			t.Fatalf("%s is dynamically linked (it names an ELF interpreter); a release's is static (CGO_ENABLED=0)", path)
		}
	}
}
