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

// today returns day, which writes the date (UTC) offset days from the day
// today is called on, as a policy does.
func today() (day func(offset int) string) {
	now := time.Now().UTC()
	return func(offset int) string { return now.AddDate(0, 0, offset).Format(time.DateOnly) }
}

// onOneDay calls plan with a today day and returns that day. The provider
// counts days and statuses by its own clock, so if the date (UTC) changes
// while plan runs, onOneDay calls plan again with the new day, so that a
// test's exact day counts hold across midnight. plan must not fail the test
// over what the provider says, or the second call comes too late.
func onOneDay(t *testing.T, plan func(day func(offset int) string)) (day func(offset int) string) {
	t.Helper()
	day = today()
	plan(day)
	if now := today()(0); now != day(0) {
		t.Logf("the date changed from %s to %s during the plan: planning again", day(0), now)
		day = today()
		plan(day)
	}
	return day
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
