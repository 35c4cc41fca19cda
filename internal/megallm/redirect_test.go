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

// TestRedirect_stopQuotesAWholeURL: a loop of redirects stops with an error
// that names the URL requested and where the last redirect led, host
// included and password left out, where Go quotes the Location header alone
// and as it is ("/v1/models").
func TestRedirect_stopQuotesAWholeURL(t *testing.T) {
	t.Parallel()
	for _, userinfo := range []string{"", "user:hunter2@"} {
		api := mockapi.NewTestServer(t, testKey)
		location, want := "/v1/models", api.URL()+"/models"
		if userinfo != "" {
			location = strings.Replace(want, "://", "://"+userinfo, 1)
			want = strings.Replace(want, "://", "://user:xxxxx@", 1)
		}
		for range 11 {
			api.InjectFaults(mockapi.Redirect(http.StatusFound, location))
		}
		_, _, err := newClient(t, megallm.Config{BaseURL: api.URL(), APIKey: testKey}).ListModels(context.Background())
		if want := `"` + api.URL() + `/models": redirected to ` + want + `: stopped after 10 redirects`; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("redirects to %s: err = %v, want %s", location, err, want)
		}
	}
}

// TestRedirect_httpsToHTTPDropsTheKey: a redirect from https to http on the
// same host is sent without the key, and the 401 it gets says so.
func TestRedirect_httpsToHTTPDropsTheKey(t *testing.T) {
	t.Parallel()
	for _, scheme := range []megallm.AuthScheme{megallm.AuthBearer, megallm.AuthXAPIKey} {
		var plain http.Header
		transport := roundTripFunc(func(req *http.Request) (*http.Response, error) {
			if req.URL.Scheme == "https" {
				return &http.Response{StatusCode: http.StatusFound, Header: http.Header{"Location": {"http://api.example/v1/models"}},
					Body: http.NoBody, Request: req}, nil
			}
			plain = req.Header.Clone()
			return &http.Response{StatusCode: http.StatusUnauthorized, Header: http.Header{}, Body: http.NoBody, Request: req}, nil
		})
		client := newClient(t, megallm.Config{BaseURL: "https://api.example/v1", APIKey: testKey, AuthScheme: scheme, Transport: transport})
		_, _, err := client.ListModels(context.Background())
		if plain == nil || plain.Get("Authorization") != "" || plain.Get("x-api-key") != "" {
			t.Errorf("%s: the plain http request was not sent, or carried a credential header", scheme)
		}
		if apiErr := (*megallm.APIError)(nil); !errors.As(err, &apiErr) || !apiErr.KeyWithheld ||
			!strings.Contains(err.Error(), "(redirected to http://api.example/v1/models, where the key is not sent)") {
			t.Errorf("%s: err = %v, want a 401 that says the key was not sent", scheme, err)
		}
	}
}
