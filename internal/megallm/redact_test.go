package megallm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
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

// A catalog that quotes the key in a value the decoder cannot read gets it
// replaced in the problems too: they become warnings.
func TestListModels_problemsNeverCarryTheKey(t *testing.T) {
	t.Parallel()
	body := `{"object":"list","data":[` +
		`{"id":"m1","created_at":"` + testKey + `"},` +
		`{"id":"m2","pricing":{"input_tokens_cost_per_million":"` + testKey + `"}},` +
		`{"id":"m3","context_length":"` + testKey + `"}]}`
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
	// inURL is a quoted key in a URL: a server percent-encodes a space there.
	inURL := func(quoted string) string { return strings.ReplaceAll(quoted, " ", "%20") }
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
		"200 error answer": {
			baseURL: func(t *testing.T, key string, form mockapi.KeyForm) string {
				server := mockapi.NewTestServer(t, key)
				answer := mockapi.KeyEcho(mockapi.EchoJSONError, form)
				answer.Status = http.StatusOK
				server.InjectFaults(answer)
				return server.URL()
			},
			shown: `no "data" array): invalid api key *** (type invalid_request_error, code invalid_api_key)`,
		},
		"redirect target": {
			baseURL: func(t *testing.T, key string, form mockapi.KeyForm) string {
				server := mockapi.NewTestServer(t, key)
				server.InjectFaults(mockapi.Redirect(http.StatusFound, server.URL()+"/login?token="+inURL(form.Write(key))), mockapi.HeadersEcho())
				return server.URL()
			},
			shown: "/v1/login?token=***): the response is not a MegaLLM model list",
		},
		"transport error": {
			baseURL: func(t *testing.T, key string, form mockapi.KeyForm) string {
				server := mockapi.NewTestServer(t, key)
				server.InjectFaults(mockapi.Redirect(http.StatusFound, closedPortURL(t)+"/models?token="+inURL(form.Write(key))))
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

// TestListModels_modelTextNeverCarriesTheKey: a catalog that writes the key,
// in any form the redactor knows, into a model's text fields gets it
// replaced there, so that it reaches no plan or state; an entry whose id
// holds it is left out, with a problem that does not quote the id, and a
// successor that holds it is null, with a problem, so that no advice names it.
func TestListModels_modelTextNeverCarriesTheKey(t *testing.T) {
	t.Parallel()
	const key = "sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn+Op=Qr_St-Uv"
	forms := append(mockapi.KeyForms(), mockapi.Base64KeyForms()...)
	var entries []string
	for i, form := range forms {
		quoted := form.Write(key)
		entries = append(entries,
			fmt.Sprintf(`{"id":"m%d","object":"%s","type":"%s","owned_by":"%s","display_name":"Model %s","successor":"%s",`+
				`"pricing":{"currency":"%s"}}`, i, quoted, quoted, quoted, quoted, quoted, quoted),
			fmt.Sprintf(`{"id":"%s","display_name":"named by the key"}`, quoted))
	}
	body := `{"object":"list","data":[` + strings.Join(entries, ",") + `]}`
	client := newClient(t, megallm.Config{BaseURL: newRecorder(t, http.StatusOK, "application/json", body).URL + "/v1", APIKey: key})
	models, problems, err := client.ListModels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i, form := range forms {
		if i >= len(models) || models[i].ID != fmt.Sprintf("m%d", i) {
			t.Fatalf("%s: got %d models, want m0 to m%d, each in turn", form.Name, len(models), len(forms)-1)
		}
		written, _ := json.Marshal(models[i])
		if leak := mockapi.LeakedKey(string(written), key); leak != "" {
			t.Errorf("%s: the model holds %s", form.Name, leak)
		}
		if quoted := form.Write(key); len(quoted) >= 10 && strings.Contains(string(written), quoted[len(quoted)/2-5:len(quoted)/2+5]) {
			t.Errorf("%s: the model holds the middle of the key as written", form.Name)
		}
		if name := models[i].DisplayName; name == nil || !strings.HasPrefix(*name, "Model ") || !strings.Contains(*name, "***") {
			t.Errorf("%s: display_name = %s, want the rest of it, with the key as ***", form.Name, written)
		}
		if models[i].Successor != nil {
			t.Errorf("%s: successor = %q, want null: scrubbed, it names no model", form.Name, *models[i].Successor)
		}
	}
	if len(models) != len(forms) {
		t.Errorf("got %d models, want %d: an id that holds the key must be left out", len(models), len(forms))
	}
	// Each model's currency, not three letters, is a problem too.
	const dropped = `has an "id" that holds the API key, which the provider never shows or saves`
	var left, successors []string
	for _, p := range problems {
		if leak := mockapi.LeakedKey(p.String(), key); leak != "" {
			t.Errorf("problem %q holds %s", p, leak)
		}
		switch {
		case p.Kind == megallm.EntryDropped:
			left = append(left, p.String())
		case p.Field == "successor":
			successors = append(successors, p.String())
		}
	}
	for i := range forms {
		if want := fmt.Sprintf(`model "m%d": successor holds the API key, which the provider never shows or saves`, i); i >= len(successors) || successors[i] != want {
			t.Fatalf("successors read as null: %q, want each that holds the key, as %q", successors, want)
		}
	}
	for i := range forms {
		if want := fmt.Sprintf("data[%d] %s", 2*i+1, dropped); i >= len(left) || left[i] != want {
			t.Fatalf("entries left out: %q, want each id that holds the key, as %q", left, want)
		}
	}
}

// TestListModels_everyTextFieldIsScrubbed: a model whose every text field
// holds the key (fill reaches each field of megallm.Model) comes back with
// the key as *** in each, in every decoding path, so a field added to Model
// needs no case here. The id is left as it is (an entry whose id holds the
// key is left out), and a successor or currency that holds it is null
// (TestListModels_modelTextNeverCarriesTheKey).
func TestListModels_everyTextFieldIsScrubbed(t *testing.T) {
	t.Parallel()
	const key = "sk-every-text-field-Zq7Wx2Vb9N"
	var sent megallm.Model
	fill(t, reflect.ValueOf(&sent).Elem(), "holds "+key)
	sent.ID, sent.MaxOutputTokens = "m", nil // max_output_tokens: readEveryPath's value of the wrong type
	list := func(t *testing.T, entries ...string) ([]megallm.Model, []string) {
		t.Helper()
		body := `{"object":"list","data":[` + strings.Join(entries, ",") + `]}`
		client := newClient(t, megallm.Config{BaseURL: newRecorder(t, http.StatusOK, "application/json", body).URL + "/v1", APIKey: key})
		models, _, err := client.ListModels(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return models, nil
	}
	got, _ := readEveryPath(t, list, modelJSON(t, sent))
	read := jsonTexts(t, modelJSON(t, got), key)
	for field, written := range jsonTexts(t, modelJSON(t, sent), key) {
		text, ok := read[field]
		switch {
		case written != "holds "+key, !ok && (field == "successor" || field == "pricing.currency"): // a date, the id
		case !ok:
			t.Errorf("%s is null, want it with the key as ***", field)
		case mockapi.LeakedKey(text, key) != "":
			t.Errorf("%s holds %s", field, mockapi.LeakedKey(text, key))
		case text != "holds ***":
			t.Errorf("%s = %q, want %q", field, text, "holds ***")
		}
	}
}

// jsonTexts are the strings of a JSON document, names included, by their
// path (a.b, a[0], a.b's name), written with key as *** (a map's key is a
// name in the path).
func jsonTexts(t *testing.T, document, key string) map[string]string {
	t.Helper()
	var value any
	if err := json.Unmarshal([]byte(document), &value); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	var walk func(path string, value any)
	walk = func(path string, value any) {
		switch v := value.(type) {
		case string:
			texts[path] = v
		case map[string]any:
			for name, field := range v {
				at := strings.TrimPrefix(path+"."+strings.ReplaceAll(name, key, "***"), ".")
				texts[at+"'s name"] = name
				walk(at, field)
			}
		case []any:
			for i, element := range v {
				walk(fmt.Sprintf("%s[%d]", path, i), element)
			}
		}
	}
	walk("", value)
	return texts
}

// TestListModels_keyShorterThanMinKeyLengthLeavesTheCatalog: a key too short
// to be looked for ("-", a dummy for a gateway that checks none) takes no
// model out of the catalog, from the API or a file, and no letter out of a
// message: before, every id with a "-" was left out as holding the key, and
// a key "a" wrote "Inv***lid".
func TestListModels_keyShorterThanMinKeyLengthLeavesTheCatalog(t *testing.T) {
	t.Parallel()
	want, _, err := megallm.DecodeModels(strings.NewReader(string(mockapi.BuiltinCatalog())))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, string(mockapi.BuiltinCatalog()))
	for _, key := range []string{"-", "a", "o-4"} {
		server := mockapi.NewTestServer(t, key)
		client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: key})
		fetched, problems, err := client.ListModels(context.Background())
		if err != nil || len(problems) != 0 || !reflect.DeepEqual(fetched, want) {
			t.Errorf("key %q: %d models, %d problems, err %v; want the %d models of the catalog", key, len(fetched), len(problems), err, len(want))
		}
		read, problems, err := megallm.ReadCatalogFile(path, key)
		if err != nil || len(problems) != 0 || !reflect.DeepEqual(read, want) {
			t.Errorf("key %q, catalog file: %d models, %d problems, err %v; want the %d models of the catalog", key, len(read), len(problems), err, len(want))
		}
		server.InjectFaults(mockapi.Unauthorized())
		if _, _, err := client.ListModels(context.Background()); err == nil || !strings.Contains(err.Error(), "Invalid authentication credentials") {
			t.Errorf("key %q: error %v, want the server's message as it wrote it", key, err)
		}
	}
}

// TestListModels_shortWordKeyIsReplacedAsAWordOnly: a key of fewer than 10
// characters that is a word (vLLM's "EMPTY", "test", "local") is replaced
// where the server quotes it, but not inside other words: before, the
// catalog lost mistral-large-latest to "test" ("la***") and messages
// became unreadable.
func TestListModels_shortWordKeyIsReplacedAsAWordOnly(t *testing.T) {
	t.Parallel()
	want, _, err := megallm.DecodeModels(strings.NewReader(string(mockapi.BuiltinCatalog())))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"test", "EMPTY", "local"} {
		server := mockapi.NewTestServer(t, key)
		client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: key})
		fetched, problems, err := client.ListModels(context.Background())
		if err != nil || len(problems) != 0 || !reflect.DeepEqual(fetched, want) {
			t.Errorf("key %q: %d models, %d problems, err %v; want the %d models of the catalog", key, len(fetched), len(problems), err, len(want))
		}
		server.InjectFaults(mockapi.CredentialsEcho())
		_, _, err = client.ListModels(context.Background())
		if wantErr := "bad credentials: Bearer *** (type invalid_request_error, code invalid_api_key)"; err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("key %q: error %v, want it to contain %q", key, err, wantErr)
		}
	}
}
