package tfcli_test

import (
	"errors"
	"os"
	"path/filepath"
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
