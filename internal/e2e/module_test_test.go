package e2e

import (
	"strings"
	"testing"
)

// TestExampleModuleTests runs `terraform test` in examples/modules/model-choice,
// offline against the catalog snapshot checked in beside its tests, as users
// test their own modules that use this provider.
func TestExampleModuleTests(t *testing.T) {
	t.Parallel()
	ws := harness.ModuleWorkspace(t, "../../examples/modules/model-choice", nil)
	out, err := ws.Run("test", "-no-color")
	if err != nil {
		t.Fatalf("terraform test failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, "4 passed, 0 failed") {
		t.Errorf("want all 4 runs to pass:\n%s", out)
	}
}
