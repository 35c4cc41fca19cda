package megallm_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func TestBodyLimit(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		limit   int64
		padding int64
		says    string
	}{
		"configured limit": {limit: 4096, padding: 8192, says: "larger than the client's limit of 4096 bytes"},
		"default 64 MiB":   {padding: megallm.DefaultMaxBodyBytes, says: "larger than the client's limit of 64 MiB"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, testKey)
			server.InjectFaults(mockapi.HugeBody(tc.padding))
			client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey, MaxBodyBytes: tc.limit})
			_, _, err := client.ListModels(context.Background())
			var respErr *megallm.ResponseError
			if !errors.Is(err, megallm.ErrBodyTooLarge) || !errors.As(err, &respErr) || respErr.StatusCode != http.StatusOK ||
				!strings.Contains(err.Error(), tc.says) {
				t.Errorf("err = %v, want a *ResponseError wrapping ErrBodyTooLarge that says %q", err, tc.says)
			}
		})
	}
	// Exactly at the limit is fine.
	server := mockapi.NewTestServer(t, testKey)
	body := `{"object":"list","data":[]}`
	server.InjectFaults(mockapi.Fault{Status: http.StatusOK, Body: body})
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey, MaxBodyBytes: int64(len(body))})
	if _, _, err := client.ListModels(context.Background()); err != nil {
		t.Errorf("a body exactly at the limit: %v", err)
	}
}

// TestBodyLimit_contentLength: the answer is read whole whatever its
// Content-Length says, and a length past the limit (here past what any
// machine could allocate) is not believed.
func TestBodyLimit_contentLength(t *testing.T) {
	t.Parallel()
	body := `{"object":"list","data":[{"id":"gpt-4o"},{"id":"o3"}]}`
	for name, length := range map[string]int64{"exact": int64(len(body)), "unknown": -1, "too short": 10, "too long": 1 << 50} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			transport := roundTripFunc(func(req *http.Request) (*http.Response, error) {
				return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
					Body: io.NopCloser(strings.NewReader(body)), ContentLength: length, Request: req}, nil
			})
			client := newClient(t, megallm.Config{BaseURL: "http://127.0.0.1/v1", APIKey: testKey, Transport: transport})
			if models, _, err := client.ListModels(context.Background()); err != nil || len(models) != 2 {
				t.Errorf("%d models, %v; want the 2 in the body", len(models), err)
			}
		})
	}
}
