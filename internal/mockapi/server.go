// Package mockapi is a fake MegaLLM API that implements GET /v1/models per the
// OpenAPI contract, with switches to inject faults and a record of every
// request. Acceptance tests run it in-process; `make demo` runs it as a
// process (cmd/megallm-mock). It only ever listens on loopback.
package mockapi

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// DefaultAPIKey is the obviously fake key the mock accepts unless told otherwise.
const DefaultAPIKey = "mock-megallm-key-not-a-secret" //nolint:gosec // G101: a deliberately fake key.

// modelsPath is where the mock serves the catalog; a base URL ends in /v1.
const modelsPath = "/v1/models"

//go:embed catalog.json
var builtinCatalog []byte

// Server is the fake API. Its zero value is not usable: call New.
type Server struct {
	apiKey string

	mu       sync.Mutex
	catalog  []byte
	latency  time.Duration
	faults   []Fault
	moves    map[string]Fault
	requests []Request

	http *http.Server
	url  string
}

// Request is what the mock recorded of one request.
type Request struct {
	Method string
	Path   string
	Header http.Header
	// Received is when the request arrived, so that a test can tell how
	// long a client waited between two (a Retry-After honoured).
	Received time.Time
}

// New returns a mock that accepts apiKey (DefaultAPIKey when empty) and serves
// the built-in catalog.
func New(apiKey string) *Server {
	if apiKey == "" {
		apiKey = DefaultAPIKey
	}
	return &Server{apiKey: apiKey, catalog: builtinCatalog}
}

// BuiltinCatalog returns the built-in GET /models response body.
func BuiltinCatalog() []byte {
	return bytes.Clone(builtinCatalog)
}

// SetModels replaces the catalog with these model objects, sent as given.
func (s *Server) SetModels(models ...json.RawMessage) {
	body := ListBody(models...)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.catalog = body
}

// ListBody is the GET /models response body that lists these model objects.
func ListBody(models ...json.RawMessage) []byte {
	if models == nil {
		models = []json.RawMessage{}
	}
	body, err := json.Marshal(map[string]any{"object": "list", "data": models})
	if err != nil {
		panic(fmt.Sprintf("mockapi: the model objects are not valid JSON: %v", err))
	}
	return body
}

// SetLatency delays every answer by d.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// InjectFaults queues faults; each of the next requests gets the next fault
// instead of its normal answer, and then the mock answers normally again.
func (s *Server) InjectFaults(faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, faults...)
}

// Move answers every request for path, such as "/v1/old/models", with a
// redirect of status to location, as an API that moved answers at its old
// address.
func (s *Server) Move(path string, status int, location string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.moves == nil {
		s.moves = map[string]Fault{}
	}
	s.moves[path] = Redirect(status, location)
}

// Requests returns a copy of every request received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	copy(out, s.requests)
	return out
}

// RequestCount is how many requests the mock has received.
func (s *Server) RequestCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// Start listens on addr, which must be a loopback address ("127.0.0.1:0"
// picks a free port), and serves until Close.
func (s *Server) Start(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("mockapi: refusing to listen on %q: use a loopback address such as 127.0.0.1:0", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s.url = "http://" + ln.Addr().String() + strings.TrimSuffix(modelsPath, "/models")
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.http.Serve(ln) }()
	return nil
}

// URL is the base URL to configure the provider with, e.g. http://127.0.0.1:PORT/v1.
func (s *Server) URL() string { return s.url }

// Close stops a started mock.
func (s *Server) Close() error {
	if s.http == nil {
		return errors.New("mockapi: not started")
	}
	return s.http.Close()
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Received: time.Now()})
	latency := s.latency
	var fault *Fault
	if len(s.faults) > 0 {
		fault = &s.faults[0]
		s.faults = s.faults[1:]
	}
	catalog := s.catalog
	move, moved := s.moves[r.URL.Path]
	s.mu.Unlock()

	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			return
		}
	}
	switch {
	case fault != nil:
		fault.write(w, r)
	case moved:
		move.write(w, r)
	case r.URL.Path != modelsPath:
		writeError(w, r, http.StatusNotFound, "Not found: "+r.URL.Path, "invalid_request_error", "not_found")
	case r.Method != http.MethodGet:
		w.Header().Set("Allow", http.MethodGet)
		writeError(w, r, http.StatusMethodNotAllowed, "Method not allowed", "invalid_request_error", "method_not_allowed")
	case !s.authorized(r.Header):
		Unauthorized().write(w, r)
	default:
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(catalog)
	}
}

// authorized accepts the key in either scheme the API documents.
func (s *Server) authorized(h http.Header) bool {
	return h.Get("Authorization") == "Bearer "+s.apiKey || h.Get("x-api-key") == s.apiKey
}
