package mockapi_test

import (
	"net/http"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestKeyEcho: every page quotes the key the request carried, in either
// header, in each form (base64 too), and LeakedKey finds every one of them (so that a
// test relying on it cannot pass for want of looking), but not ***.
func TestKeyEcho(t *testing.T) {
	t.Parallel()
	const key = "Echo/Key+With=Under_Dash-0123"
	server := mockapi.NewTestServer(t, testKey)
	for _, form := range append(mockapi.KeyForms(), mockapi.Base64KeyForms()...) {
		for _, page := range []mockapi.EchoPage{mockapi.EchoJSONError, mockapi.EchoHTMLPage, mockapi.EchoNotAList} {
			for _, header := range []map[string]string{bearer(key), {"x-api-key": key}} {
				server.InjectFaults(mockapi.KeyEcho(page, form))
				a := do(t, server, http.MethodGet, "/v1/models", header)
				if a.status == http.StatusNotFound || mockapi.LeakedKey(string(a.body), key) == "" {
					t.Errorf("%s on page %d: got %d %s, want the key quoted", form.Name, page, a.status, a.body)
				}
			}
		}
	}
	if leak := mockapi.LeakedKey("invalid api key ***", key); leak != "" {
		t.Errorf("LeakedKey finds %s in a text without the key", leak)
	}
	if leak := mockapi.LeakedKey("short KEY", "key"); leak == "" {
		t.Error("LeakedKey misses a key shorter than 10 characters in another case")
	}
}
