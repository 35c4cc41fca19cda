package megallm_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestRedirect_crossHostDropsBothCredentialHeaders: a redirect to another
// host (here the same loopback server under another name or port) receives
// neither credential header, in either scheme, whatever its status, temporary
// or permanent; a same-host redirect keeps it.
func TestRedirect_crossHostDropsBothCredentialHeaders(t *testing.T) {
	t.Parallel()
	// Each status once, each scheme with each target among them: the hop's
	// host decides, not its status.
	schemes, targets := []megallm.AuthScheme{megallm.AuthBearer, megallm.AuthXAPIKey}, []string{"other port", "other name"}
	for i, status := range []int{http.StatusFound, http.StatusMovedPermanently, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		scheme, target := schemes[i%2], targets[i/2%2]
		t.Run(fmt.Sprintf("%s/%s/%d", scheme, target, status), func(t *testing.T) {
			t.Parallel()
			other := mockapi.NewTestServer(t, testKey) // records every header it receives
			otherURL := other.URL()
			if target == "other name" {
				otherURL = strings.Replace(otherURL, "127.0.0.1", "localhost", 1)
			}
			api := mockapi.NewTestServer(t, testKey)
			api.InjectFaults(mockapi.Redirect(status, otherURL+"/models"))
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

// TestRedirect_permanentMoveNamesTheBaseURL: a catalog read at the end of
// permanent redirects (301, 308, every hop) comes with one CatalogMoved
// problem that names the base URL that reads it at once, and whether the key
// is withheld there, for the provider's advice to set it, when one can: the
// target is a models URL without a query, with no key in it, and the base
// URL is quoted whole. Any temporary hop, or a target no base_url gives,
// makes no problem.
func TestRedirect_permanentMoveNamesTheBaseURL(t *testing.T) {
	t.Parallel()
	type hop struct {
		status   int
		location string
	}
	const old = "https://api.example/v1/models"
	long := "https://api.example/" + strings.Repeat("v", 50) + "/models" // a base URL of 70 characters
	for _, tc := range []struct {
		name string
		base string
		hops map[string]hop
		want string
	}{
		{"301 on the same host", "", map[string]hop{old: {301, "https://api.example/v2/models"}},
			`moved permanently to "https://api.example/v2/models"; base URL "https://api.example/v2"`},
		{"308 to a relative location", "", map[string]hop{old: {308, "/v2/models"}},
			`moved permanently to "https://api.example/v2/models"; base URL "https://api.example/v2"`},
		{"301 from http to https", "http://api.example/v1", map[string]hop{"http://api.example/v1/models": {301, old}},
			`moved permanently to "https://api.example/v1/models"; base URL "https://api.example/v1"`},
		{"301 to another host", "", map[string]hop{old: {301, "https://new.example/v2/models"}},
			`moved permanently to "https://new.example/v2/models", where the key is not sent; base URL ` +
				`"https://new.example/v2", key withheld`},
		{"301 then 308", "", map[string]hop{old: {301, "/v2/models"}, "https://api.example/v2/models": {308, "/v3/models"}},
			`moved permanently to "https://api.example/v3/models"; base URL "https://api.example/v3"`},
		{"a fragment, which is not sent", "", map[string]hop{old: {301, "/v2/models#list"}},
			`moved permanently to "https://api.example/v2/models"; base URL "https://api.example/v2"`},
		{"302", "", map[string]hop{old: {302, "/v2/models"}}, ""},
		{"303", "", map[string]hop{old: {303, "/v2/models"}}, ""},
		{"307", "", map[string]hop{old: {307, "/v2/models"}}, ""},
		{"308 then 302", "", map[string]hop{old: {308, "/v2/models"}, "https://api.example/v2/models": {302, "/v3/models"}}, ""},
		{"302 then 301", "", map[string]hop{old: {302, "/v2/models"}, "https://api.example/v2/models": {301, "/v3/models"}}, ""},
		{"a query", "", map[string]hop{old: {301, "/v2/models?version=2"}}, ""},
		{"not a models URL", "", map[string]hop{old: {301, "/v2/catalog.json"}}, ""},
		{"a trailing slash", "", map[string]hop{old: {301, "/v2/models/"}}, ""},
		{"a double slash", "", map[string]hop{old: {301, "/v2//models"}}, ""},
		{"a password", "", map[string]hop{old: {301, "https://user:pw@api.example/v2/models"}}, ""},
		{"the key", "", map[string]hop{old: {301, "/" + testKey + "/models"}}, ""},
		{"a base URL too long to quote", "", map[string]hop{old: {301, long}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			transport := roundTripFunc(func(req *http.Request) (*http.Response, error) {
				resp := &http.Response{StatusCode: http.StatusOK, Header: http.Header{}, Request: req,
					Body: io.NopCloser(strings.NewReader(`{"object":"list","data":[{"id":"m"}]}`))}
				if h, ok := tc.hops[req.URL.String()]; ok {
					resp.StatusCode, resp.Body = h.status, http.NoBody
					resp.Header.Set("Location", h.location)
				}
				return resp, nil
			})
			base := cmp.Or(tc.base, "https://api.example/v1")
			models, problems, err := newClient(t, megallm.Config{BaseURL: base, APIKey: testKey, Transport: transport}).
				ListModels(context.Background())
			if err != nil || len(models) != 1 {
				t.Fatalf("ListModels: %d models, %v; want the catalog", len(models), err)
			}
			var got []string
			for _, p := range problems {
				if p.Kind == megallm.CatalogMoved {
					line := fmt.Sprintf("%s; base URL %q", p, p.BaseURL)
					if p.KeyWithheld {
						line += ", key withheld"
					}
					got = append(got, line)
				}
			}
			if want := []string{tc.want}; tc.want == "" && len(got) != 0 || tc.want != "" && !slices.Equal(got, want) {
				t.Errorf("CatalogMoved problems: %q, want %q", got, tc.want)
			}
		})
	}
}
