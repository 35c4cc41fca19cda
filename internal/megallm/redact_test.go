package megallm_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestListModels_serverTextNeverCarriesTheKey: servers that repeat the key
// (in an error message, type or code, a body, a redirect target or a URL a
// transport error quotes) get it replaced by *** in the error, in either
// scheme, and the rest of what they said is still shown.
func TestListModels_serverTextNeverCarriesTheKey(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		// baseURL sets up the server and returns the base URL to request.
		baseURL func(t *testing.T) string
		want    map[megallm.AuthScheme]string
	}{
		"401 message quoting the credential": {
			baseURL: func(t *testing.T) string {
				server := mockapi.NewTestServer(t, testKey)
				server.InjectFaults(mockapi.CredentialsEcho())
				return server.URL()
			},
			want: map[megallm.AuthScheme]string{
				megallm.AuthBearer:  "HTTP 401 Unauthorized: bad credentials: Bearer *** (type invalid_request_error, code invalid_api_key)",
				megallm.AuthXAPIKey: "HTTP 401 Unauthorized: bad credentials: x-api-key *** (type invalid_request_error, code invalid_api_key)",
			},
		},
		"error type and code quoting the key": {
			baseURL: func(t *testing.T) string {
				body := `{"error":{"message":"no","type":"key ` + testKey + `","code":"` + testKey + `"}}`
				return newRecorder(t, http.StatusForbidden, "application/json", body).URL + "/v1"
			},
			want: map[megallm.AuthScheme]string{"": "HTTP 403 Forbidden: no (type key ***, code ***)"},
		},
		"error page quoting the credential": {
			baseURL: func(t *testing.T) string {
				return newRecorder(t, http.StatusBadRequest, "text/plain", "Bad header value "+testKey+" (not an api key)").URL + "/v1"
			},
			want: map[megallm.AuthScheme]string{"": `response body: "Bad header value *** (not an api key)"`},
		},
		"200 listing the request headers": {
			baseURL: func(t *testing.T) string {
				server := mockapi.NewTestServer(t, testKey)
				server.InjectFaults(mockapi.HeadersEcho())
				return server.URL()
			},
			want: map[megallm.AuthScheme]string{
				megallm.AuthBearer:  `\"Authorization\": \"Bearer ***\"`,
				megallm.AuthXAPIKey: `\"X-Api-Key\": \"***\"`,
			},
		},
		"key cut off at the end of the quoted body": {
			baseURL: func(t *testing.T) string {
				body := `{"echo":"` + strings.Repeat("x", 180) + " " + testKey + `"}`
				return newRecorder(t, http.StatusOK, "application/json", body).URL + "/v1"
			},
			want: map[megallm.AuthScheme]string{"": strings.Repeat("x", 180) + " ***"},
		},
		"redirect to a URL that quotes the key": {
			baseURL: func(t *testing.T) string {
				server := mockapi.NewTestServer(t, testKey)
				server.InjectFaults(mockapi.Redirect(http.StatusFound, server.URL()+"/elsewhere?key="+testKey))
				return server.URL()
			},
			want: map[megallm.AuthScheme]string{"": "(redirected to http://127.0.0.1:"},
		},
		"redirect to a page that is not the catalog": {
			baseURL: func(t *testing.T) string {
				server := mockapi.NewTestServer(t, testKey)
				server.InjectFaults(mockapi.Redirect(http.StatusFound, server.URL()+"/login?key="+testKey), mockapi.HeadersEcho())
				return server.URL()
			},
			want: map[megallm.AuthScheme]string{"": "/v1/login?key=***): the response is not a MegaLLM model list"},
		},
		"transport error quoting a redirect target": {
			baseURL: func(t *testing.T) string {
				server := mockapi.NewTestServer(t, testKey)
				server.InjectFaults(mockapi.Redirect(http.StatusFound, closedPortURL(t)+"/models?key="+testKey))
				return server.URL()
			},
			want: map[megallm.AuthScheme]string{"": "/v1/models?key=***"},
		},
	}
	for name, tc := range cases {
		for _, scheme := range megallm.AuthSchemeNames() {
			t.Run(name+"/"+scheme, func(t *testing.T) {
				t.Parallel()
				client := newClient(t, megallm.Config{BaseURL: tc.baseURL(t), APIKey: testKey, AuthScheme: megallm.AuthScheme(scheme)})
				_, _, err := client.ListModels(context.Background())
				assertNoKey(t, err, testKey)
				// Not even the start of the key may remain.
				assertNoKey(t, err, testKey[:8])
				want, ok := tc.want[megallm.AuthScheme(scheme)]
				if !ok {
					want = tc.want[""]
				}
				if err != nil && !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", strings.ReplaceAll(err.Error(), testKey, "<KEY>"), want)
				}
			})
		}
	}
}

// A catalog that quotes the key in a model's id or in a value the decoder
// cannot read gets it replaced in the problems too: they become warnings.
func TestListModels_problemsNeverCarryTheKey(t *testing.T) {
	t.Parallel()
	body := `{"object":"list","data":[` +
		`{"id":"m1","created_at":"` + testKey + `"},` +
		`{"id":"m2","pricing":{"input_tokens_cost_per_million":"` + testKey + `"}},` +
		`{"id":"` + testKey + `","context_length":-1}]}`
	client := newClient(t, megallm.Config{BaseURL: newRecorder(t, http.StatusOK, "application/json", body).URL + "/v1", APIKey: testKey})
	_, problems, err := client.ListModels(context.Background())
	if err != nil || len(problems) != 3 {
		t.Fatalf("got %d problems, err %v; want 3 and no error", len(problems), err)
	}
	for _, p := range problems {
		if text := p.String(); strings.Contains(text, testKey[:8]) || !strings.Contains(text, "***") {
			t.Errorf("problem %q still quotes the key, or lost where it was", strings.ReplaceAll(text, testKey, "<KEY>"))
		}
	}
}

// TestListModels_keyInAnyFormNeverSurvives: a server that quotes the key back
// in any form (another letter case, JSON-escaped, percent-encoded, cut short)
// in a JSON error, an HTML page, a 200 that is not a model list, a redirect
// target or a URL a transport error quotes gets no run of 10 of its
// characters into the error, in either scheme, for keys holding / + = _ -
// and for a key shorter than 10 characters; the rest of what it said is
// still shown.
func TestListModels_keyInAnyFormNeverSurvives(t *testing.T) {
	t.Parallel()
	pages := map[string]struct {
		baseURL func(t *testing.T, key string, form mockapi.KeyForm) string
		shown   string
	}{
		"JSON error": {
			baseURL: func(t *testing.T, key string, form mockapi.KeyForm) string {
				server := mockapi.NewTestServer(t, key)
				server.InjectFaults(mockapi.KeyEcho(mockapi.EchoJSONError, form))
				return server.URL()
			},
			shown: "HTTP 401 Unauthorized: invalid api key *** (type invalid_request_error, code invalid_api_key)",
		},
		"HTML page": {
			baseURL: func(t *testing.T, key string, form mockapi.KeyForm) string {
				server := mockapi.NewTestServer(t, key)
				server.InjectFaults(mockapi.KeyEcho(mockapi.EchoHTMLPage, form))
				return server.URL()
			},
			shown: "<p>upstream refused key ***</p>",
		},
		"200 body that is not a model list": {
			baseURL: func(t *testing.T, key string, form mockapi.KeyForm) string {
				server := mockapi.NewTestServer(t, key)
				server.InjectFaults(mockapi.KeyEcho(mockapi.EchoNotAList, form))
				return server.URL()
			},
			shown: `response body starts with "{\"token\":\"***\",\"valid\":false}"`,
		},
		"redirect target": {
			baseURL: func(t *testing.T, key string, form mockapi.KeyForm) string {
				server := mockapi.NewTestServer(t, key)
				server.InjectFaults(mockapi.Redirect(http.StatusFound, server.URL()+"/login?token="+form.Write(key)), mockapi.HeadersEcho())
				return server.URL()
			},
			shown: "/v1/login?token=***): the response is not a MegaLLM model list",
		},
		"transport error": {
			baseURL: func(t *testing.T, key string, form mockapi.KeyForm) string {
				server := mockapi.NewTestServer(t, key)
				server.InjectFaults(mockapi.Redirect(http.StatusFound, closedPortURL(t)+"/models?token="+form.Write(key)))
				return server.URL()
			},
			shown: "/v1/models?token=***",
		},
	}
	for _, key := range []string{"sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn+Op=Qr_St-Uv", "k/y+Z=_-"} {
		for name, page := range pages {
			for _, form := range mockapi.KeyForms() {
				for _, scheme := range megallm.AuthSchemeNames() {
					t.Run(fmt.Sprintf("%s/%s/%s/%d-character key", name, form.Name, scheme, len(key)), func(t *testing.T) {
						t.Parallel()
						client := newClient(t, megallm.Config{BaseURL: page.baseURL(t, key, form), APIKey: key, AuthScheme: megallm.AuthScheme(scheme)})
						_, _, err := client.ListModels(context.Background())
						if err == nil {
							t.Fatal("ListModels succeeded, want an error")
						}
						for _, text := range []string{err.Error(), fmt.Sprintf("%+v", err)} {
							if leak := mockapi.LeakedKey(text, key); leak != "" {
								t.Fatalf("the error holds %s", leak)
							}
						}
						if !strings.Contains(err.Error(), page.shown) {
							t.Errorf("error %q does not contain %q", err, page.shown)
						}
					})
				}
			}
		}
	}
}
