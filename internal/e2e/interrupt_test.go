package e2e

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestInterruptedPlan sends Ctrl-C (SIGINT) to a terraform plan while its
// request waits on a slow API: the plan says the read was cancelled, not that
// the API cannot be reached.
func TestInterruptedPlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetLatency(time.Minute)
	out, err := interruptPlan(t, server, readOneModel, nil, func() bool { return server.RequestCount() > 0 })
	text := strings.Join(strings.Fields(out), " ")
	if err == nil || !strings.Contains(text, "Error: Reading the MegaLLM catalog was cancelled") ||
		!strings.Contains(text, "Terraform was interrupted") || strings.Contains(text, "Cannot reach the MegaLLM API") {
		t.Errorf("interrupted plan: err = %v, want an error saying the read was cancelled:\n%s", err, out)
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// TestInterruptedRetryWait sends Ctrl-C to a plan of three data sources while
// the provider waits the 60s a 429's Retry-After asked for: one error says
// what the plan was waiting for, the API's answer included, and the others
// point to it.
func TestInterruptedRetryWait(t *testing.T) {
	t.Parallel()
	config := readOneModel + `data "megallm_model" "other" { id = "gpt-4o-mini" }` + "\n" +
		`data "megallm_models" "all" {}` + "\n"
	server := mockapi.NewTestServer(t, "")
	server.InjectFaults(mockapi.RateLimited("60"))
	logPath := t.TempDir() + "/plan.log"
	// Interrupt once all three data sources read and the fetch waits to retry.
	out, err := interruptPlan(t, server, config, map[string]string{"TF_LOG": "TRACE", "TF_LOG_PATH": logPath},
		func() bool {
			logged, _ := os.ReadFile(logPath)
			return strings.Count(string(logged), "Calling provider defined DataSource Read") == 3 &&
				strings.Contains(string(logged), "MegaLLM API request failed; retrying")
		})
	flat := strings.Join(strings.Fields(out), " ")
	if err == nil {
		t.Fatalf("the interrupted plan succeeded:\n%s", out)
	}
	for _, want := range []struct {
		text string
		n    int
	}{
		{"Error: Reading the MegaLLM catalog was cancelled", 3},
		{"Terraform was interrupted", 1},
		{"stopped while waiting 1m0s to retry: context canceled", 1},
		{"Rate limit exceeded", 1},
		{"The same error is shown in full", 2},
		{mockapi.DefaultAPIKey, 0},
	} {
		if n := strings.Count(flat, want.text); n != want.n {
			t.Errorf("%q is in the output %d times, want %d:\n%s", want.text, n, want.n, out)
		}
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("%d requests, want 1: the 429", n)
	}
}

// interruptPlan starts a plan of config against server, sends it SIGINT once
// ready holds and returns its output and error.
func interruptPlan(t *testing.T, server *mockapi.Server, config string, env map[string]string, ready func() bool) (string, error) {
	t.Helper()
	// Terraform 1.0 lets the read run on after Ctrl-C; 1.1 cancels it.
	harness.SkipBelow(t, tfversion.Version1_1_0, "cancelling a read on Ctrl-C")
	vars := map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey}
	for k, v := range env {
		vars[k] = v
	}
	cmd, out, err := harness.Workspace(t, config, vars).Start("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for deadline := time.Now().Add(30 * time.Second); !ready(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("the plan was not ready to interrupt within 30s (%v):\n%s", <-done, out)
		}
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("the plan did not stop within 30s of SIGINT (%v):\n%s", <-done, out)
	}
	return out.String(), err
}
