package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// harness is the provider binary every test of the package runs.
var harness *Harness

// TestMain builds the provider once for the whole run.
func TestMain(m *testing.M) {
	var err error
	harness, err = NewHarness("../..")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	harness.Close()
	os.Exit(code)
}

// planAgainstMock plans config against a mock of its own, with the mock's
// key, and fails the test if the plan fails. It returns the mock, the CLI
// output, and that output with every run of white space as one space, since
// Terraform wraps messages at about 78 columns.
func planAgainstMock(t *testing.T, config string) (server *mockapi.Server, out, flat string) {
	t.Helper()
	server = mockapi.NewTestServer(t, "")
	ws := harness.Workspace(t, config, map[string]string{
		"MEGALLM_BASE_URL": server.URL(),
		"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
	})
	out, err := ws.Run("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("plan failed: %v\n%s", err, out)
	}
	return server, out, strings.Join(strings.Fields(out), " ")
}

// plan runs one terraform plan of config against server and returns the
// output with white space folded, so that wrapped messages can be matched.
func plan(t *testing.T, server *mockapi.Server, config string, env map[string]string) (string, error) {
	t.Helper()
	vars := map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey}
	for k, v := range env {
		vars[k] = v
	}
	out, err := harness.Workspace(t, config, vars).Run("plan", "-input=false", "-no-color")
	return strings.Join(strings.Fields(out), " "), err
}

// day is the date offset days from today (UTC), as a policy writes it.
func day(offset int) string {
	return time.Now().UTC().AddDate(0, 0, offset).Format(time.DateOnly)
}

// writeFile writes text to path, making its directory first.
func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
