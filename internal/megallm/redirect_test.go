package megallm_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestRedirect_crossHostDropsBothCredentialHeaders: a redirect to another
// host (here the same loopback server under another name or port) receives
// neither credential header, in either scheme; a same-host redirect keeps it.
func TestRedirect_crossHostDropsBothCredentialHeaders(t *testing.T) {
	t.Parallel()
	for _, scheme := range []megallm.AuthScheme{megallm.AuthBearer, megallm.AuthXAPIKey} {
		for _, target := range []string{"other port", "other name"} {
			t.Run(string(scheme)+"/"+target, func(t *testing.T) {
				t.Parallel()
				other := mockapi.NewTestServer(t, testKey) // records every header it receives
				otherURL := other.URL()
				if target == "other name" {
					otherURL = strings.Replace(otherURL, "127.0.0.1", "localhost", 1)
				}
				api := mockapi.NewTestServer(t, testKey)
				api.InjectFaults(mockapi.Redirect(http.StatusFound, otherURL+"/models"))
				client := newClient(t, megallm.Config{BaseURL: api.URL(), APIKey: testKey, AuthScheme: scheme})
				_, _, err := client.ListModels(context.Background())
				if apiErr := (*megallm.APIError)(nil); !errors.As(err, &apiErr) || !apiErr.KeyWithheld {
					t.Errorf("err = %v, want an APIError with KeyWithheld: the other host refused a request without the key", err)
				}
				requests := other.Requests()
				if len(requests) != 1 {
					t.Fatalf("the other host received %d requests, want 1", len(requests))
				}
				for name, values := range requests[0].Header {
					for _, v := range values {
						if strings.Contains(v, testKey) {
							t.Errorf("the other host received the key in its %s header", name)
						}
					}
				}
			})
		}
	}
	t.Run("same host keeps the key", func(t *testing.T) {
		t.Parallel()
		api := mockapi.NewTestServer(t, testKey)
		api.InjectFaults(mockapi.Redirect(http.StatusMovedPermanently, api.URL()+"/models"))
		client := newClient(t, megallm.Config{BaseURL: api.URL(), APIKey: testKey, AuthScheme: megallm.AuthXAPIKey})
		if _, _, err := client.ListModels(context.Background()); err != nil {
			t.Errorf("same-host redirect: %v", err)
		}
	})
}

func TestRedirect_stopsAfterTen(t *testing.T) {
	t.Parallel()
	api := mockapi.NewTestServer(t, testKey)
	for range 11 {
		api.InjectFaults(mockapi.Redirect(http.StatusFound, api.URL()+"/models"))
	}
	_, _, err := newClient(t, megallm.Config{BaseURL: api.URL(), APIKey: testKey}).ListModels(context.Background())
	// As Go's default: the tenth redirect is not followed.
	if err == nil || !strings.Contains(err.Error(), "stopped after 10 redirects") || api.RequestCount() != 10 {
		t.Errorf("err = %v after %d requests, want a stop after 10 redirects (10 requests)", err, api.RequestCount())
	}
}
