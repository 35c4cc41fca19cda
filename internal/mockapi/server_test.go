package mockapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func TestStart_refusesNonLoopback(t *testing.T) {
	t.Parallel()
	for _, addr := range []string{
		"0.0.0.0:0",
		"10.0.0.1:0",
		"192.168.1.10:0",
		"8.8.8.8:0",
		"[::]:0",
		":0",
		"localhost:0",
		"example.com:0",
		"127.0.0.1", // no port
	} {
		server := mockapi.New(testKey)
		if err := server.Start(addr); err == nil {
			_ = server.Close()
			t.Errorf("Start(%q) succeeded, want a refusal", addr)
			continue
		}
		if server.URL() != "" {
			t.Errorf("Start(%q) failed but URL() = %q, want empty", addr, server.URL())
		}
		if err := server.Close(); err == nil {
			t.Errorf("Close after a refused Start(%q) = nil, want an error", addr)
		}
	}
}

func TestStart_loopback(t *testing.T) {
	t.Parallel()
	server := mockapi.New(testKey)
	if err := server.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = server.Close() })
	if !strings.HasPrefix(server.URL(), "http://127.0.0.1:") || !strings.HasSuffix(server.URL(), "/v1") {
		t.Errorf("URL() = %q, want http://127.0.0.1:PORT/v1", server.URL())
	}
	if a := do(t, server, http.MethodGet, "/v1/models", bearer(testKey)); a.status != http.StatusOK {
		t.Errorf("GET /v1/models = %d, want 200", a.status)
	}
}

func TestNewTestServer_loopbackUntilCleanup(t *testing.T) {
	t.Parallel()
	var url string
	t.Run("test", func(t *testing.T) {
		server := mockapi.NewTestServer(t, testKey)
		url = server.URL()
		if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/v1") {
			t.Errorf("URL() = %q, want http://127.0.0.1:PORT/v1", url)
		}
		if a := do(t, server, http.MethodGet, "/v1/models", bearer(testKey)); a.status != http.StatusOK {
			t.Errorf("GET /v1/models = %d, want 200", a.status)
		}
	})
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Get(url + "/models")
	if err == nil {
		_ = resp.Body.Close()
		t.Errorf("GET after the test ended = %d, want a refused connection", resp.StatusCode)
	}
}

func TestClose_notStarted(t *testing.T) {
	t.Parallel()
	if err := mockapi.New("").Close(); err == nil {
		t.Error("Close on a mock never started = nil, want an error")
	}
}

func TestModels_builtinCatalog(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	for name, header := range map[string]map[string]string{
		"bearer":    bearer(testKey),
		"x-api-key": {"x-api-key": testKey},
	} {
		a := do(t, server, http.MethodGet, "/v1/models", header)
		if a.status != http.StatusOK {
			t.Fatalf("%s: status %d, want 200 (body %q)", name, a.status, a.body)
		}
		if ct := a.header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: Content-Type = %q, want application/json", name, ct)
		}
		if !bytes.Equal(a.body, mockapi.BuiltinCatalog()) {
			t.Errorf("%s: body is not the built-in catalog", name)
		}
	}

	var catalog struct {
		Object string                   `json:"object"`
		Data   []map[string]interface{} `json:"data"`
	}
	if err := json.Unmarshal(mockapi.BuiltinCatalog(), &catalog); err != nil {
		t.Fatalf("built-in catalog is not JSON: %v", err)
	}
	if catalog.Object != "list" {
		t.Errorf("object = %q, want list", catalog.Object)
	}
	if len(catalog.Data) < 20 {
		t.Errorf("built-in catalog has %d models, want >= 20", len(catalog.Data))
	}
	owners := map[string]bool{}
	types := map[string]bool{}
	seen := map[string]bool{}
	var withoutPricing, withoutCaps int
	for _, m := range catalog.Data {
		id, _ := m["id"].(string)
		if id == "" {
			t.Errorf("a model has no id: %v", m)
		}
		if seen[id] {
			t.Errorf("id %q appears twice", id)
		}
		seen[id] = true
		if owner, ok := m["owned_by"].(string); ok {
			owners[owner] = true
		}
		if typ, ok := m["type"].(string); ok {
			if typ != "chat" && typ != "embedding" {
				t.Errorf("model %q has type %q, not one the spec lists", id, typ)
			}
			types[typ] = true
		}
		if _, ok := m["pricing"]; !ok {
			withoutPricing++
		}
		if _, ok := m["capabilities"]; !ok {
			withoutCaps++
		}
	}
	if len(owners) < 5 {
		t.Errorf("built-in catalog has %d distinct owned_by, want >= 5", len(owners))
	}
	if !types["chat"] || !types["embedding"] {
		t.Errorf("built-in catalog types = %v, want both chat and embedding", types)
	}
	if withoutPricing == 0 {
		t.Error("no model in the built-in catalog omits pricing")
	}
	if withoutCaps == 0 {
		t.Error("no model in the built-in catalog omits capabilities")
	}
}

func TestBuiltinCatalog_returnsACopy(t *testing.T) {
	t.Parallel()
	first := mockapi.BuiltinCatalog()
	for i := range first {
		first[i] = 'x'
	}
	if second := mockapi.BuiltinCatalog(); bytes.Equal(first, second) || !json.Valid(second) {
		t.Error("changing the slice BuiltinCatalog returned changed the built-in catalog")
	}
}

func TestModels_defaultKey(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	if a := do(t, server, http.MethodGet, "/v1/models", bearer(mockapi.DefaultAPIKey)); a.status != http.StatusOK {
		t.Errorf("DefaultAPIKey: status %d, want 200", a.status)
	}
	if a := do(t, server, http.MethodGet, "/v1/models", bearer(testKey)); a.status != http.StatusUnauthorized {
		t.Errorf("another key: status %d, want 401", a.status)
	}
}

func TestModels_unauthorized(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	tests := []struct {
		name   string
		header map[string]string
	}{
		{"no credentials", nil},
		{"wrong bearer key", bearer("test-wrong-key-not-a-secret")},
		{"wrong x-api-key", map[string]string{"x-api-key": "test-wrong-key-not-a-secret"}},
		{"bearer scheme missing", map[string]string{"Authorization": testKey}},
		{"basic scheme", map[string]string{"Authorization": "Basic " + testKey}},
		{"key in x-api-key with bearer prefix", map[string]string{"x-api-key": "Bearer " + testKey}},
		{"empty bearer", map[string]string{"Authorization": "Bearer "}},
		{"key with a suffix", bearer(testKey + "x")},
		{"the default key", bearer(mockapi.DefaultAPIKey)},
	}
	for _, tc := range tests {
		a := do(t, server, http.MethodGet, "/v1/models", tc.header)
		if a.status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", tc.name, a.status)
			continue
		}
		if ct := a.header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: Content-Type = %q, want application/json", tc.name, ct)
		}
		msg, typ, code := apiError(t, a.body)
		if msg != "Invalid authentication credentials" || typ != "invalid_request_error" || code != "invalid_api_key" {
			t.Errorf("%s: error = %q, %q, %q; want the spec's 401 example", tc.name, msg, typ, code)
		}
	}
}

func TestFaults_servedOnceInOrder(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.ServerError(), mockapi.HTMLPage(http.StatusBadGateway))
	server.InjectFaults(mockapi.RateLimited("7"), mockapi.MalformedJSON(), mockapi.Unauthorized())

	get := func() answer { return do(t, server, http.MethodGet, "/v1/models", bearer(testKey)) }

	a := get()
	if a.status != http.StatusInternalServerError {
		t.Fatalf("request 1: status %d, want 500", a.status)
	}
	if msg, typ, code := apiError(t, a.body); msg != "Internal server error" || typ != "api_error" || code != "internal_error" {
		t.Errorf("request 1: error = %q, %q, %q; want the spec's 500 example", msg, typ, code)
	}
	if a.header.Get("Retry-After") != "" {
		t.Errorf("request 1: Retry-After = %q, want none", a.header.Get("Retry-After"))
	}

	a = get()
	if a.status != http.StatusBadGateway || a.header.Get("Content-Type") != "text/html" {
		t.Fatalf("request 2: status %d, Content-Type %q; want 502 text/html", a.status, a.header.Get("Content-Type"))
	}
	if !strings.HasPrefix(string(a.body), "<html>") || !strings.Contains(string(a.body), "<h1>Bad Gateway</h1>") {
		t.Errorf("request 2: body %q, want an HTML Bad Gateway page", a.body)
	}

	a = get()
	if a.status != http.StatusTooManyRequests {
		t.Fatalf("request 3: status %d, want 429", a.status)
	}
	if got := a.header.Get("Retry-After"); got != "7" {
		t.Errorf("request 3: Retry-After = %q, want 7", got)
	}
	if msg, _, code := apiError(t, a.body); msg != "Rate limit exceeded" || code != "rate_limit_exceeded" {
		t.Errorf("request 3: error = %q, %q", msg, code)
	}

	a = get()
	if a.status != http.StatusOK || json.Valid(a.body) {
		t.Fatalf("request 4: status %d, valid JSON %v; want 200 with a cut-off body", a.status, json.Valid(a.body))
	}

	a = get()
	if a.status != http.StatusUnauthorized {
		t.Fatalf("request 5: status %d, want 401 even with the right key", a.status)
	}

	for i := 6; i <= 7; i++ {
		a = get()
		if a.status != http.StatusOK || !bytes.Equal(a.body, mockapi.BuiltinCatalog()) {
			t.Errorf("request %d: status %d, want the normal catalog once the faults are used up", i, a.status)
		}
	}
	if n := server.RequestCount(); n != 7 {
		t.Errorf("RequestCount() = %d, want 7", n)
	}
}

func TestFaults_customFault(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.Fault{Status: http.StatusTeapot, Body: "short and stout"})
	a := do(t, server, http.MethodGet, "/v1/models", bearer(testKey))
	if a.status != http.StatusTeapot || string(a.body) != "short and stout" {
		t.Errorf("got %d %q, want 418 %q", a.status, a.body, "short and stout")
	}
}

// TestFaults_echoes: the echo faults repeat the credential the request
// carried, in either header, so that clients can be tested against servers
// that quote it back.
func TestFaults_echoes(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.CredentialsEcho(), mockapi.CredentialsEcho(), mockapi.HeadersEcho())

	a := do(t, server, http.MethodGet, "/v1/models", bearer("echoed-bearer-key"))
	if a.status != http.StatusUnauthorized || !strings.Contains(string(a.body), `"message":"bad credentials: Bearer echoed-bearer-key"`) {
		t.Errorf("bearer: got %d %s, want a 401 quoting the Authorization header", a.status, a.body)
	}
	a = do(t, server, http.MethodGet, "/v1/models", map[string]string{"x-api-key": "echoed-header-key"})
	if a.status != http.StatusUnauthorized || !strings.Contains(string(a.body), `"message":"bad credentials: x-api-key echoed-header-key"`) {
		t.Errorf("x-api-key: got %d %s, want a 401 quoting the x-api-key header", a.status, a.body)
	}
	a = do(t, server, http.MethodGet, "/v1/models", map[string]string{"x-api-key": "listed-key", "User-Agent": "ua"})
	var listed struct{ Credentials, Headers map[string]string }
	if err := json.Unmarshal(a.body, &listed); err != nil || a.status != http.StatusOK ||
		listed.Credentials["X-Api-Key"] != "listed-key" || listed.Headers["User-Agent"] != "ua" ||
		!strings.HasPrefix(string(a.body), "{\n  \"credentials\"") {
		t.Errorf("headers echo: got %d %s (%v), want a 200 listing the request headers, credentials first", a.status, a.body, err)
	}
}

func TestRequests_recorded(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	if n := server.RequestCount(); n != 0 || len(server.Requests()) != 0 {
		t.Fatalf("a new mock has recorded %d requests", n)
	}
	do(t, server, http.MethodGet, "/v1/models", map[string]string{"Authorization": "Bearer " + testKey, "User-Agent": "ua-one"})
	do(t, server, http.MethodPost, "/v1/models", map[string]string{"x-api-key": testKey, "X-Trace": "two"})
	do(t, server, http.MethodGet, "/v1/other", nil)

	if n := server.RequestCount(); n != 3 {
		t.Fatalf("RequestCount() = %d, want 3", n)
	}
	reqs := server.Requests()
	if len(reqs) != 3 {
		t.Fatalf("Requests() has %d entries, want 3", len(reqs))
	}
	want := []struct{ method, path string }{
		{http.MethodGet, "/v1/models"}, {http.MethodPost, "/v1/models"}, {http.MethodGet, "/v1/other"},
	}
	for i, w := range want {
		if reqs[i].Method != w.method || reqs[i].Path != w.path {
			t.Errorf("request %d = %s %s, want %s %s", i, reqs[i].Method, reqs[i].Path, w.method, w.path)
		}
	}
	if got := reqs[0].Header.Get("Authorization"); got != "Bearer "+testKey {
		t.Error("request 0 did not record the Authorization header as sent")
	}
	if got := reqs[0].Header.Get("User-Agent"); got != "ua-one" {
		t.Errorf("request 0 User-Agent = %q, want ua-one", got)
	}
	if got := reqs[1].Header.Get("x-api-key"); got != testKey {
		t.Error("request 1 did not record the x-api-key header as sent")
	}
	if got := reqs[1].Header.Get("X-Trace"); got != "two" {
		t.Errorf("request 1 X-Trace = %q, want two", got)
	}
	if reqs[2].Header.Get("Authorization") != "" || reqs[2].Header.Get("x-api-key") != "" {
		t.Error("request 2 recorded credentials it was not sent")
	}

	// Requests returns a copy.
	reqs[0].Method = "CHANGED"
	reqs[0].Header.Set("User-Agent", "changed")
	if again := server.Requests(); again[0].Method != http.MethodGet {
		t.Error("changing the Requests() slice changed the mock's record")
	}
}

func TestRequests_concurrent(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	const n = 20
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodGet, server.URL()+"/models", nil)
			req.Header.Set("Authorization", "Bearer "+testKey)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Errorf("GET: %v", err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("status %d, want 200", resp.StatusCode)
			}
		})
	}
	wg.Wait()
	if got := server.RequestCount(); got != n {
		t.Errorf("RequestCount() = %d, want %d", got, n)
	}
}

func TestUnknownPath_404(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	for _, path := range []string{"/v1/nope", "/models", "/v1/models/gpt-4o", "/"} {
		a := do(t, server, http.MethodGet, path, bearer(testKey))
		if a.status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, a.status)
			continue
		}
		if ct := a.header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("GET %s: Content-Type = %q, want application/json", path, ct)
		}
		msg, typ, code := apiError(t, a.body)
		if msg != "Not found: "+path || typ != "invalid_request_error" || code != "not_found" {
			t.Errorf("GET %s: error = %q, %q, %q", path, msg, typ, code)
		}
	}
}

func TestWrongMethod_405(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		a := do(t, server, method, "/v1/models", bearer(testKey))
		if a.status != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 405", method, a.status)
			continue
		}
		if allow := a.header.Get("Allow"); allow != http.MethodGet {
			t.Errorf("%s: Allow = %q, want GET", method, allow)
		}
		if msg, _, code := apiError(t, a.body); msg != "Method not allowed" || code != "method_not_allowed" {
			t.Errorf("%s: error = %q, %q", method, msg, code)
		}
	}
}

func TestSetModels(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.SetModels(
		json.RawMessage(`{"id":"only-one","type":"chat","future":true}`),
		json.RawMessage(`{"id":"second"}`),
	)
	a := do(t, server, http.MethodGet, "/v1/models", bearer(testKey))
	if a.status != http.StatusOK {
		t.Fatalf("status %d, want 200", a.status)
	}
	want := `{"data":[{"id":"only-one","type":"chat","future":true},{"id":"second"}],"object":"list"}`
	if string(a.body) != want {
		t.Errorf("body = %s, want %s", a.body, want)
	}
	// Authentication still applies to a replaced catalog.
	if a := do(t, server, http.MethodGet, "/v1/models", nil); a.status != http.StatusUnauthorized {
		t.Errorf("without a key: status %d, want 401", a.status)
	}
}

func TestSetModels_emptyIsAnEmptyList(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.SetModels()
	a := do(t, server, http.MethodGet, "/v1/models", bearer(testKey))
	var body struct {
		Object string             `json:"object"`
		Data   *[]json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(a.body, &body); err != nil {
		t.Fatalf("body %q: %v", a.body, err)
	}
	if body.Object != "list" || body.Data == nil || len(*body.Data) != 0 {
		t.Errorf("SetModels() body = %s, want an empty data array", a.body)
	}
}

func TestSetModels_invalidJSONPanics(t *testing.T) {
	t.Parallel()
	server := mockapi.New(testKey)
	defer func() {
		if recover() == nil {
			t.Error("SetModels with invalid JSON did not panic")
		}
	}()
	server.SetModels(json.RawMessage(`{"id":`))
}

func TestSetLatency(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.SetLatency(time.Minute)

	// Cancelled once the server has counted it, not after a fixed time: on a
	// loaded machine a short deadline can run out before the request arrives.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, server.URL()+"/models", nil)
	req.Header.Set("Authorization", "Bearer "+testKey)
	done := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_ = resp.Body.Close()
		}
		done <- err
	}()
	for deadline := time.Now().Add(30 * time.Second); server.RequestCount() == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the request was not counted within 30s")
		}
	}
	select {
	case err := <-done:
		t.Fatalf("with a minute of latency, the request ended before it was cancelled: %v", err)
	default:
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("with a minute of latency, a cancelled request ended with %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("request did not give up within 30s of its cancellation")
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("RequestCount() = %d, want 1 (recorded before the delay)", n)
	}

	server.SetLatency(0)
	if a := do(t, server, http.MethodGet, "/v1/models", bearer(testKey)); a.status != http.StatusOK {
		t.Errorf("after SetLatency(0): status %d, want 200", a.status)
	}
}

// TestMove_redirectsEveryRequest: a moved path answers every request, not
// only the next, with its redirect, which a client follows to the catalog.
func TestMove_redirectsEveryRequest(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.Move("/v1/old/models", http.StatusPermanentRedirect, server.URL()+"/models")
	for range 2 {
		if got := do(t, server, http.MethodGet, "/v1/old/models", bearer(testKey)); got.status != http.StatusOK {
			t.Errorf("status %d after the redirect, want 200: %s", got.status, got.body)
		}
	}
	var paths []string
	for _, r := range server.Requests() {
		paths = append(paths, r.Path)
	}
	if want := "/v1/old/models /v1/models /v1/old/models /v1/models"; strings.Join(paths, " ") != want {
		t.Errorf("paths requested: %q, want %q", paths, want)
	}
}
