package mockapi

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// NewTestServer serves a mock that accepts apiKey (DefaultAPIKey when empty)
// on a free 127.0.0.1 port for one test or benchmark, and stops it when tb
// ends. Tests use it instead of Start and Close.
func NewTestServer(tb testing.TB, apiKey string) *Server {
	tb.Helper()
	s := New(apiKey)
	server := httptest.NewServer(s)
	tb.Cleanup(server.Close)
	s.url = server.URL + strings.TrimSuffix(modelsPath, "/models")
	return s
}
