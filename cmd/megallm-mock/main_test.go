package main

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// syncBuffer is an io.Writer that run writes to while the test reads it.
type syncBuffer struct {
	mu   sync.Mutex
	text strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.text.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.text.String()
}

// TestExportLines pastes what the mock prints into a shell, as a user would,
// and checks that the variables it sets reach the mock with its key and that
// the CLI configuration it writes overrides megallm/megallm with the build.
func TestExportLines(t *testing.T) {
	providerDir := t.TempDir()
	var out syncBuffer
	stop := make(chan os.Signal)
	done := make(chan error, 1)
	go func() { done <- run([]string{"-provider-dir", providerDir}, &out, stop) }()
	t.Cleanup(func() {
		close(stop)
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	for !strings.Contains(out.String(), "TF_CLI_CONFIG_FILE") {
		select {
		case err := <-done:
			t.Fatalf("the mock stopped: %v\n%s", err, out.String())
		default:
			time.Sleep(10 * time.Millisecond)
		}
	}

	work := t.TempDir()
	shell := exec.Command("bash", "-euc", out.String()+"\nenv")
	shell.Dir = work
	env, err := shell.Output()
	if err != nil {
		t.Fatalf("the printed lines fail in a shell: %v\n%s", err, out.String())
	}
	vars := map[string]string{}
	scanner := bufio.NewScanner(strings.NewReader(string(env)))
	for scanner.Scan() {
		if name, value, ok := strings.Cut(scanner.Text(), "="); ok {
			vars[name] = value
		}
	}
	if want := filepath.Join(work, "dev.tfrc"); vars["TF_CLI_CONFIG_FILE"] != want {
		t.Errorf("TF_CLI_CONFIG_FILE = %q, want %q", vars["TF_CLI_CONFIG_FILE"], want)
	}
	cliConfig, err := os.ReadFile(filepath.Join(work, "dev.tfrc"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `dev_overrides { "megallm/megallm" = "` + providerDir + `" }`; !strings.Contains(string(cliConfig), want) {
		t.Errorf("dev.tfrc does not hold %s:\n%s", want, cliConfig)
	}
	if vars["MEGALLM_API_KEY"] != mockapi.DefaultAPIKey {
		t.Errorf("MEGALLM_API_KEY = %q, want the mock's key", vars["MEGALLM_API_KEY"])
	}
	req, err := http.NewRequest(http.MethodGet, vars["MEGALLM_BASE_URL"]+"/models", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+vars["MEGALLM_API_KEY"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET $MEGALLM_BASE_URL/models with $MEGALLM_API_KEY: %s, want 200 OK", resp.Status)
	}
}
