package megallm_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// testKey is an obviously fake key. Failure messages never print it.
const testKey = "test-key-not-a-secret-123"

// newClient builds a client, failing the test when New refuses cfg.
func newClient(t *testing.T, cfg megallm.Config) *megallm.Client {
	t.Helper()
	client, err := megallm.New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return client
}

// recorder is an httptest server that answers every request with one fixed
// response and remembers the requests it saw.
type recorder struct {
	*httptest.Server
	mu       sync.Mutex
	requests []*http.Request
}

func newRecorder(t *testing.T, status int, contentType, body string) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.mu.Lock()
		rec.requests = append(rec.requests, r.Clone(context.Background()))
		rec.mu.Unlock()
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(rec.Close)
	return rec
}

func (r *recorder) paths() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, req := range r.requests {
		out = append(out, req.URL.Path)
	}
	return out
}

// listFrom fetches the catalog served by a recorder answering 200 with body.
func listFrom(t *testing.T, body string) ([]megallm.Model, error) {
	t.Helper()
	rec := newRecorder(t, http.StatusOK, "application/json", body)
	client := newClient(t, megallm.Config{BaseURL: rec.URL + "/v1", APIKey: testKey})
	models, _, err := client.ListModels(context.Background())
	return models, err
}

// assertNoKey fails when err's message contains key, without printing it.
func assertNoKey(t *testing.T, err error, key string) {
	t.Helper()
	if err == nil {
		t.Fatal("expected an error, got nil")
	}
	if strings.Contains(err.Error(), key) {
		t.Error("error message contains the API key")
	}
	if strings.Contains(fmt.Sprintf("%+v", err), key) {
		t.Error("error formatted verbosely contains the API key")
	}
}

// waitFor polls cond for up to 5 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// closedPortURL returns a base URL on 127.0.0.1 where nothing listens.
func closedPortURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatalf("close listener: %v", err)
	}
	return "http://" + addr + "/v1"
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }
