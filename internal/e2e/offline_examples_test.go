package e2e

import (
	"path/filepath"
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
	if !strings.Contains(out, "13 passed, 0 failed") {
		t.Errorf("want all 13 runs to pass:\n%s", out)
	}
}

// TestDemoWithoutAServer plans the make demo configuration from a catalog
// snapshot alone: no API, no mock, no key.
func TestDemoWithoutAServer(t *testing.T) {
	t.Parallel()
	snapshot, err := filepath.Abs("../../examples/modules/model-choice/tests/catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	ws := harness.ModuleWorkspace(t, "../../examples/demo", map[string]string{
		"MEGALLM_CATALOG_FILE": snapshot,
		// Nothing listens here: a request would fail the plan.
		"MEGALLM_BASE_URL": "http://127.0.0.1:9/v1",
	})
	out, err := ws.Run("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("terraform plan from the snapshot failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, `cheapest_vision_128k = "gemini-2.0-flash"`) {
		t.Errorf("the plan does not show the cheapest vision model chosen from the snapshot:\n%s", out)
	}
}
