package mockapi_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

const testKey = "test-key-not-a-secret-123"

type answer struct {
	status int
	header http.Header
	body   []byte
}

// do sends one request to the mock's host with the given headers.
func do(t *testing.T, server *mockapi.Server, method, path string, header map[string]string) answer {
	t.Helper()
	url := strings.TrimSuffix(server.URL(), "/v1") + path
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatalf("NewRequest: %v", err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: body}
}

func bearer(key string) map[string]string { return map[string]string{"Authorization": "Bearer " + key} }

// apiError decodes the spec's error body, failing on any other shape.
func apiError(t *testing.T, body []byte) (message, typ, code string) {
	t.Helper()
	var parsed struct {
		Error *struct {
			Message *string `json:"message"`
			Type    *string `json:"type"`
			Code    *string `json:"code"`
		} `json:"error"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&parsed); err != nil || parsed.Error == nil ||
		parsed.Error.Message == nil || parsed.Error.Type == nil || parsed.Error.Code == nil {
		t.Fatalf("body %q is not the spec's error shape (err %v)", body, err)
	}
	return *parsed.Error.Message, *parsed.Error.Type, *parsed.Error.Code
}
