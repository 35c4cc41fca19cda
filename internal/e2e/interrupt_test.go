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
	// Terraform 1.0 lets the read run on after Ctrl-C; 1.1 cancels it.
	harness.SkipBelow(t, tfversion.Version1_1_0, "cancelling a read on Ctrl-C")
	server := mockapi.NewTestServer(t, "")
	server.SetLatency(time.Minute)
	ws := harness.Workspace(t, readOneModel, map[string]string{
		"MEGALLM_BASE_URL": server.URL(),
		"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
	})
	cmd, out, err := ws.Start("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Interrupt only once the request is waiting on the API.
	for deadline := time.Now().Add(30 * time.Second); server.RequestCount() == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("the plan sent no request within 30s (%v):\n%s", <-done, out)
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
	text := strings.Join(strings.Fields(out.String()), " ")
	if err == nil || !strings.Contains(text, "Error: Reading the MegaLLM catalog was cancelled") ||
		!strings.Contains(text, "Terraform was interrupted") || strings.Contains(text, "Cannot reach the MegaLLM API") {
		t.Errorf("interrupted plan: err = %v, want an error saying the read was cancelled:\n%s", err, out)
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}
