package e2e

import (
	"encoding/pem"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestTLSUnknownAuthority: an https API whose certificate is not trusted
// fails the plan with the advice to set SSL_CERT_FILE, and following that
// advice (the provider binary reads it at start) makes the plan work.
func TestTLSUnknownAuthority(t *testing.T) {
	t.Parallel()
	mock := mockapi.New("")
	server := httptest.NewUnstartedServer(mock)
	server.Config.ErrorLog = log.New(io.Discard, "", 0) // the rejected handshake
	server.StartTLS()
	t.Cleanup(server.Close)
	env := map[string]string{"MEGALLM_BASE_URL": server.URL + "/v1", "MEGALLM_API_KEY": mockapi.DefaultAPIKey}

	out, err := harness.Workspace(t, readOneModel, env).Run("plan", "-input=false", "-no-color")
	text := strings.Join(strings.Fields(out), " ")
	if err == nil || !strings.Contains(text, "Error: Cannot verify the MegaLLM API's TLS certificate") ||
		!strings.Contains(text, "set the SSL_CERT_FILE environment variable") {
		t.Fatalf("plan against an untrusted certificate: err = %v, want the advice to set SSL_CERT_FILE:\n%s", err, out)
	}

	env["SSL_CERT_FILE"] = certificateFile(t, server)
	if out, err := harness.Workspace(t, readOneModel, env).Run("plan", "-input=false", "-no-color"); err != nil {
		t.Errorf("plan with SSL_CERT_FILE naming the server's certificate failed: %v\n%s", err, out)
	}
	if n := mock.RequestCount(); n != 1 {
		t.Errorf("the API received %d requests, want 1: the trusted plan's", n)
	}
}

// certificateFile writes server's certificate to a file of the test's, for
// SSL_CERT_FILE, and returns its path.
func certificateFile(t *testing.T, server *httptest.Server) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: server.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
