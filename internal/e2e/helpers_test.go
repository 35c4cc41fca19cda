package e2e

import (
	"fmt"
	"os"
	"testing"
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
