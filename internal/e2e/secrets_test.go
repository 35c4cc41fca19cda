package e2e

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestServerEchoingTheKey: servers that repeat the credential they received
// (a 401 quoting it, a 500 quoting it that is retried and so logged as a
// retry, a 200 that lists the request headers like httpbin) never get the key
// into the CLI output or a DEBUG or TRACE log, in either scheme, and the
// error still shows what the server said with the key as ***.
func TestServerEchoingTheKey(t *testing.T) {
	t.Parallel()
	const key = "e2e-fake-key-echoed-by-the-server-0123456789"
	retriedEcho := mockapi.CredentialsEcho()
	retriedEcho.Status = http.StatusInternalServerError
	retriedEcho.RetryAfter = "0"
	faults := []struct {
		name  string
		fault mockapi.Fault
		// shown is what the error must still show, per scheme.
		shown map[string]string
	}{
		{"401 quoting the credential", mockapi.CredentialsEcho(), map[string]string{
			"bearer":    "HTTP 401 Unauthorized: bad credentials: Bearer ***",
			"x-api-key": "HTTP 401 Unauthorized: bad credentials: x-api-key ***",
		}},
		{"retried 500 quoting the credential", retriedEcho, map[string]string{
			"bearer":    "HTTP 500 Internal Server Error: bad credentials: Bearer ***",
			"x-api-key": "HTTP 500 Internal Server Error: bad credentials: x-api-key ***",
		}},
		{"200 listing the headers", mockapi.HeadersEcho(), map[string]string{
			"bearer":    `\"Authorization\": \"Bearer ***\"`,
			"x-api-key": `\"X-Api-Key\": \"***`,
		}},
	}
	for _, f := range faults {
		for _, scheme := range []string{"bearer", "x-api-key"} {
			for _, level := range []string{"DEBUG", "TRACE"} {
				t.Run(fmt.Sprintf("%s/%s/%s", f.name, scheme, level), func(t *testing.T) {
					t.Parallel()
					server := mockapi.NewTestServer(t, key)
					server.InjectFaults(f.fault, f.fault)
					logPath := t.TempDir() + "/plan.log"
					out, err := plan(t, server, fmt.Sprintf("provider \"megallm\" {\n  auth_scheme = %q\n  max_retries = 1\n}\n", scheme)+readOneModel,
						map[string]string{"MEGALLM_API_KEY": key, "TF_LOG": level, "TF_LOG_PATH": logPath})
					if err == nil || !strings.Contains(out, f.shown[scheme]) {
						t.Errorf("plan: err = %v, want an error showing %s:\n%s", err, f.shown[scheme], strings.ReplaceAll(out, key, "<KEY>"))
					}
					logged, readErr := os.ReadFile(logPath)
					if readErr != nil {
						t.Fatal(readErr)
					}
					if !strings.Contains(string(logged), "Received MegaLLM API response") {
						t.Fatalf("the %s log (%d bytes) has no provider response line", level, len(logged))
					}
					for name, text := range map[string]string{level + " log": string(logged), "CLI output": out} {
						if strings.Contains(text, key) {
							t.Errorf("the %s contains the API key", name)
						}
					}
				})
			}
		}
	}
}

// TestServerQuotingTheKeyInAnyForm: a server that quotes the key back in any
// form (another letter case, JSON-escaped, percent-encoded, cut short) in a
// JSON error, an HTML page or a 200 that is not a model list gets no run of
// 10 of its characters, in any of those forms, into the CLI output or the
// DEBUG or TRACE log of a real plan, in either scheme, for a key holding
// / + = _ -; the error still shows the rest of what the server said.
func TestServerQuotingTheKeyInAnyForm(t *testing.T) {
	t.Parallel()
	const key = "e2e/Quoted+Key=Back_By-The/Server+9Z"
	pages := []struct {
		name  string
		page  mockapi.EchoPage
		shown string
	}{
		{"JSON error", mockapi.EchoJSONError, "HTTP 401 Unauthorized: invalid api key ***"},
		{"HTML page", mockapi.EchoHTMLPage, "upstream refused key ***"},
		{"200 not a model list", mockapi.EchoNotAList, `\"token\":\"***\"`},
	}
	combination := 0
	for _, page := range pages {
		for _, form := range mockapi.KeyForms() {
			// Each combination in one scheme and at one level, in turn, to
			// keep the plans few.
			scheme, level := []string{"bearer", "x-api-key"}[combination%2], []string{"DEBUG", "TRACE"}[combination/2%2]
			combination++
			t.Run(fmt.Sprintf("%s/%s/%s/%s", page.name, form.Name, scheme, level), func(t *testing.T) {
				t.Parallel()
				server := mockapi.NewTestServer(t, key)
				server.InjectFaults(mockapi.KeyEcho(page.page, form), mockapi.KeyEcho(page.page, form))
				logPath := t.TempDir() + "/plan.log"
				out, err := plan(t, server, fmt.Sprintf("provider \"megallm\" {\n  auth_scheme = %q\n  max_retries = 1\n}\n", scheme)+readOneModel,
					map[string]string{"MEGALLM_API_KEY": key, "TF_LOG": level, "TF_LOG_PATH": logPath})
				logged, readErr := os.ReadFile(logPath)
				if readErr != nil {
					t.Fatal(readErr)
				}
				for name, text := range map[string]string{level + " log": string(logged), "CLI output": out} {
					if leak := mockapi.LeakedKey(text, key); leak != "" {
						t.Fatalf("the %s holds %s", name, leak)
					}
				}
				if !strings.Contains(string(logged), "Received MegaLLM API response") {
					t.Fatalf("the %s log (%d bytes) has no provider response line", level, len(logged))
				}
				if err == nil || !strings.Contains(out, page.shown) {
					t.Errorf("plan: err = %v, want an error showing %s:\n%s", err, page.shown, out)
				}
			})
		}
	}
}

// TestKeyWrittenIntoAnotherArgument: a key pasted into base_url's path
// (refused before any request, or beside catalog_file named by the advice to
// save the file) or query, or wired into base_url, auth_scheme or
// MEGALLM_BASE_URL by mistake, stays out of the CLI output and the TRACE log,
// which still say what is wrong; so does a key file's byte-order mark, which
// is removed; and so does a key in a data source's or function's argument.
func TestKeyWrittenIntoAnotherArgument(t *testing.T) {
	t.Parallel()
	const key = "e2e-fake-key-pasted-into-the-base-url-0123"
	const fromVariable = "variable \"key\" {\n  type      = string\n  sensitive = true\n}\n"
	for name, tc := range map[string]struct {
		provider string            // the provider block's arguments
		env      map[string]string // MEGALLM_BASE_URL is the mock's unless set
		shown    string
		data     string // the data source, readOneModel unless set
	}{
		"base_url path": {env: map[string]string{"MEGALLM_BASE_URL": "/" + key}, shown: "Error: API key in the base URL"},
		// Beside catalog_file, base_url is read only by the advice to save the file.
		"base_url path, catalog_file": {provider: `catalog_file = "megallm-no-such-catalog.json"`,
			env: map[string]string{"MEGALLM_BASE_URL": "/" + key}, shown: `BASE_URL/models -o catalog.json (with BASE_URL the ` +
				`API root, MEGALLM_BASE_URL's value "http://127.0.0.1:`},
		"base_url query": {env: map[string]string{"MEGALLM_BASE_URL": "?key=" + key},
			shown: `/v1?***" must not have a query or fragment: remove it (a query that holds the API key goes in api_key instead)`},
		"base_url = var.key": {provider: "api_key = var.key\nbase_url = var.key",
			shown: `base_url = var.key base_url "***" must start with https:// or http://.`},
		"auth_scheme = var.key": {provider: "auth_scheme = var.key", shown: `auth_scheme = "***" is not one of its values.`},
		"MEGALLM_BASE_URL = the key": {env: map[string]string{"MEGALLM_BASE_URL": key},
			shown: `The MEGALLM_BASE_URL environment variable is set, but "***" must start with https://`},
		"api_key with a byte-order mark": {env: map[string]string{"MEGALLM_API_KEY": "\ufeff" + key + "\r\n"}, shown: "No changes."},
		// Cut after 64 characters inside the key: its start is dropped too.
		"base_url cut inside the key": {provider: "api_key = var.key\nbase_url = \"ftp://gateway.example.com/" +
			strings.Repeat("a", 29) + "${var.key}\"", shown: `aaaaaaaaaaaaaaaaaaaaaaaaaaaaa***"… (97 characters) must start with https://`},
		"catalog_file = var.key": {provider: "catalog_file = var.key", shown: `catalog file "***": no such file or directory.`},
		"MEGALLM_CATALOG_FILE = the key": {env: map[string]string{"MEGALLM_CATALOG_FILE": key},
			shown: `catalog file "***": no such file or directory.`},
		// A data source's validators see no api_key: the provider's is remembered.
		"id = var.key, api_key = var.key": {provider: "api_key = var.key", env: map[string]string{"MEGALLM_API_KEY": ""},
			data: "data \"megallm_model\" \"m\" { id = \"${var.key} \" }\n", shown: `id is "*** ", with white space around it`},
		// empty_reason, text the provider writes into the state, quotes the filters.
		"type = var.key, in empty_reason": {provider: "api_key = var.key", env: map[string]string{"MEGALLM_API_KEY": ""},
			data: "data \"megallm_models\" \"x\" {\n  type = var.key\n  lifecycle {\n    postcondition {\n" +
				"      condition     = length(self.ids) > 0\n      error_message = self.empty_reason\n    }\n  }\n}\n",
			shown: `- type = "***" kept none of the 26 models`},
		// The framework logs a set of names at TRACE when it compares it.
		"exclude_ids = [var.key]": {data: "data \"megallm_models\" \"x\" { exclude_ids = [var.key] }\n", shown: "No changes."},
		// A function runs in a provider process of its own that was never
		// configured: MEGALLM_API_KEY's key is the one it knows.
		"supports(m, var.key)": {data: "output \"x\" {\n  value     = provider::megallm::supports({ id = \"gpt-4o\", type = \"chat\" }, var.key)\n  sensitive = true\n}\n",
			shown: `unknown capability "***". Use one of`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, key)
			logPath := t.TempDir() + "/plan.log"
			env := map[string]string{"MEGALLM_API_KEY": key, "TF_VAR_key": key, "TF_LOG": "TRACE", "TF_LOG_PATH": logPath}
			for k, v := range tc.env {
				env[k] = v
			}
			if suffix, ok := tc.env["MEGALLM_BASE_URL"]; ok && !strings.HasPrefix(suffix, key) {
				env["MEGALLM_BASE_URL"] = server.URL() + suffix
			}
			out, err := plan(t, server, fromVariable+"provider \"megallm\" {\n"+tc.provider+"\n}\n"+cmp.Or(tc.data, readOneModel), env)
			logged, readErr := os.ReadFile(logPath)
			if readErr != nil {
				t.Fatal(readErr)
			}
			for name, text := range map[string]string{"TRACE log": string(logged), "CLI output": out} {
				if leak := mockapi.LeakedKey(text, key); leak != "" {
					t.Fatalf("the %s holds %s", name, leak)
				}
			}
			if strings.Contains(out, key[:8]) {
				t.Fatalf("the CLI output holds the start of the key")
			}
			if !strings.Contains(out, tc.shown) || (err == nil) != (tc.shown == "No changes.") {
				t.Errorf("plan: err = %v, want it to show %s:\n%s", err, tc.shown, out)
			}
		})
	}
}

// TestServerWritingTheKeyIntoTheCatalog: a server that writes the key into a
// model's text fields (display_name, owned_by, type, successor, a currency),
// in any form the redactor knows, base64 included, gets it into neither the
// plan's output, `terraform show`, nor the state: each is *** there, and an
// entry whose id holds the key is left out, with a warning that names the
// entry without quoting its id.
func TestServerWritingTheKeyIntoTheCatalog(t *testing.T) {
	t.Parallel()
	const key = "e2e/Catalog+Echo=Of_The-Key/0123+9Z"
	forms := append(mockapi.KeyForms(), mockapi.Base64KeyForms()...)
	var entries []json.RawMessage
	for i, form := range forms {
		quoted := form.Write(key)
		entries = append(entries, json.RawMessage(fmt.Sprintf(`{"id":"m%d","type":"%s","owned_by":"%s","display_name":"Model %s",`+
			`"successor":"%s","pricing":{"currency":"%s"}}`, i, quoted, quoted, quoted, quoted, quoted)),
			json.RawMessage(fmt.Sprintf(`{"id":"%s"}`, quoted)))
	}
	server := mockapi.NewTestServer(t, key)
	server.SetModels(entries...)
	ws := harness.Workspace(t, "data \"megallm_models\" \"all\" {}\noutput \"models\" { value = data.megallm_models.all.models }\n",
		map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": key})
	outputs := map[string]string{}
	for _, command := range [][]string{{"plan", "-input=false", "-no-color"}, {"apply", "-input=false", "-no-color", "-auto-approve"}, {"show", "-no-color"}} {
		out, err := ws.Run(command...)
		if err != nil {
			t.Fatalf("terraform %s: %v\n%s", command[0], err, strings.ReplaceAll(out, key, "<KEY>"))
		}
		outputs["terraform "+command[0]] = out
	}
	state, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	outputs["state"] = string(state)
	b64 := forms[len(forms)-1].Write(key)
	for name, text := range outputs {
		if leak := mockapi.LeakedKey(text, key); leak != "" {
			t.Errorf("the %s holds %s", name, leak)
		}
		if strings.Contains(text, b64[10:20]) {
			t.Errorf("the %s holds the key in base64", name)
		}
	}
	if plan := strings.Join(strings.Fields(outputs["terraform plan"]), " "); !strings.Contains(plan, `display_name = "Model ***"`) ||
		!strings.Contains(plan, `data[1] has an "id" that holds the API key, which the provider never shows or saves`) {
		t.Errorf("the plan does not show a display_name as \"Model ***\" and warn of the entry left out:\n%s", plan)
	}
	var compact bytes.Buffer // OpenTofu writes the state without the white space Terraform indents it with
	if err := json.Compact(&compact, state); err != nil || !strings.Contains(compact.String(), `"display_name":"Model ***"`) {
		t.Errorf("the state has no display_name \"Model ***\" (%v):\n%s", err, state)
	}
}

// TestCatalogFileEchoingEitherKey: with api_key in the provider block and
// another key in MEGALLM_API_KEY, a catalog_file saved from a server that
// echoed either of them, in any form the redactor knows, gets neither key
// into the plan's output (its warnings included), `terraform show` or the
// state.
func TestCatalogFileEchoingEitherKey(t *testing.T) {
	t.Parallel()
	const configured, fromEnv = "e2e/Cfg+Key=0123-abcd-7f", "e2e/Env+Key=4567-efgh-9c"
	// shown is out for a failure's message: withheld when it holds a key.
	shown := func(out string) string {
		if mockapi.LeakedKey(out, configured) != "" || mockapi.LeakedKey(out, fromEnv) != "" {
			return "(withheld: it holds a key)"
		}
		return out
	}
	keys := map[string]string{"MEGALLM_API_KEY's": fromEnv, "api_key's": configured}
	for whose, echoed := range keys {
		t.Run(whose, func(t *testing.T) {
			t.Parallel()
			var entries []json.RawMessage
			for i, form := range mockapi.KeyForms() {
				quoted := form.Write(echoed)
				entries = append(entries, json.RawMessage(fmt.Sprintf(`{"id":"m%d","owned_by":"%s","display_name":"Model %s",`+
					`"successor":"%s"}`, i, quoted, quoted, quoted)), json.RawMessage(fmt.Sprintf(`{"id":"%s"}`, quoted)))
			}
			path := filepath.Join(t.TempDir(), "catalog.json")
			writeFile(t, path, string(mockapi.ListBody(entries...)))
			ws := harness.Workspace(t, fmt.Sprintf("provider \"megallm\" {\n  catalog_file = %q\n  api_key      = %q\n}\n", path, configured)+
				"data \"megallm_models\" \"all\" {}\noutput \"models\" { value = data.megallm_models.all.models }\n",
				map[string]string{"MEGALLM_API_KEY": fromEnv})
			outputs := map[string]string{}
			for _, command := range [][]string{{"plan", "-input=false", "-no-color"}, {"apply", "-input=false", "-no-color", "-auto-approve"}, {"show", "-no-color"}} {
				out, err := ws.Run(command...)
				if err != nil {
					t.Fatalf("terraform %s: %v\n%s", command[0], err, shown(out))
				}
				outputs["terraform "+command[0]] = out
			}
			state, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
			if err != nil {
				t.Fatal(err)
			}
			outputs["state"] = string(state)
			for name, text := range outputs {
				for whoseKey, key := range keys {
					if leak := mockapi.LeakedKey(text, key); leak != "" {
						t.Errorf("the %s holds %s (%s)", name, leak, whoseKey)
					}
				}
			}
			if plan := strings.Join(strings.Fields(outputs["terraform plan"]), " "); !strings.Contains(plan, `display_name = "Model ***"`) ||
				!strings.Contains(plan, `has an "id" that holds the API key, which the provider never shows or saves`) {
				t.Errorf("the plan does not show a display_name as \"Model ***\" and warn of an entry left out:\n%s", shown(plan))
			}
		})
	}
}

// TestHTTP2DebugLog: GODEBUG=http2debug=1 or 2, which has Go's HTTP/2 client
// log each request header (and with 2 the frames of the answer) to stderr,
// which Terraform copies into its log, gets the key into neither the DEBUG
// log nor the CLI output of a real plan against an https API that offers
// HTTP/2, also where http2client=0 turns Go's HTTP/2 client off.
func TestHTTP2DebugLog(t *testing.T) {
	t.Parallel()
	const key = "e2e-fake-key-in-an-http2-debug-log-0123"
	for _, godebug := range []string{"http2debug=2", "http2client=0,http2debug=1"} {
		t.Run(godebug, func(t *testing.T) {
			t.Parallel()
			mock := mockapi.New(key)
			server := httptest.NewUnstartedServer(mock)
			server.EnableHTTP2 = true
			server.StartTLS()
			t.Cleanup(server.Close)
			logPath := t.TempDir() + "/plan.log"
			out, err := harness.Workspace(t, readOneModel, map[string]string{"MEGALLM_BASE_URL": server.URL + "/v1",
				"MEGALLM_API_KEY": key, "SSL_CERT_FILE": certificateFile(t, server), "GODEBUG": godebug,
				"TF_LOG": "DEBUG", "TF_LOG_PATH": logPath,
			}).Run("plan", "-input=false", "-no-color")
			if err != nil {
				t.Fatalf("plan: %v\n%s", err, strings.ReplaceAll(out, key, "<KEY>"))
			}
			logged, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(logged), "Received MegaLLM API response") || mock.RequestCount() != 1 {
				t.Fatalf("the API received %d requests, and the log (%d bytes) has no provider response line", mock.RequestCount(), len(logged))
			}
			for name, text := range map[string]string{"DEBUG log": string(logged), "CLI output": out} {
				if leak := mockapi.LeakedKey(text, key); leak != "" {
					t.Errorf("the %s holds %s", name, leak)
				}
			}
		})
	}
}

// TestProtocolDataFiles: TF_LOG_SDK_PROTO_DATA_DIR has terraform-plugin-go
// write the configuration and state that each protocol message carries to a
// file, whatever TF_LOG says, the provider block's configuration included. A key in MEGALLM_API_KEY, which
// no configuration holds, reaches none of them, not even through a model that
// echoes it (the read's state holds ***); a key in api_key is in the provider
// block's, which every ValidateProviderConfig and ConfigureProvider writes, as
// the index's Authentication section says: if either changes, so must it.
func TestProtocolDataFiles(t *testing.T) {
	t.Parallel()
	const key = "e2e-fake-key-in-protocol-data-0123456789"
	for where, want := range map[string][]string{
		"MEGALLM_API_KEY": nil,
		"api_key":         {"ConfigureProvider_Request_Config.msgpack", "ValidateProviderConfig_Request_Config.msgpack"},
	} {
		t.Run(where, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, key)
			server.SetModels(json.RawMessage(`{"id":"gpt-4o","display_name":"GPT-4o for ` + key + `"}`))
			dir := t.TempDir()
			env := map[string]string{"MEGALLM_BASE_URL": server.URL(), "TF_LOG_SDK_PROTO_DATA_DIR": dir}
			config := readOneModel
			if where == "api_key" {
				config = "variable \"key\" {\n  type      = string\n  sensitive = true\n}\n" +
					"provider \"megallm\" {\n  api_key = var.key\n}\n" + config
				env["TF_VAR_key"] = key
			} else {
				env["MEGALLM_API_KEY"] = key
			}
			if out, err := harness.Workspace(t, config, env).Run("plan", "-input=false", "-no-color"); err != nil {
				t.Fatalf("plan failed: %v\n%s", err, strings.ReplaceAll(out, key, "<KEY>"))
			}
			files, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			holding, read := map[string]bool{}, false
			for _, f := range files {
				data, err := os.ReadFile(filepath.Join(dir, f.Name()))
				if err != nil {
					t.Fatal(err)
				}
				_, message, _ := strings.Cut(f.Name(), "_") // after the time in milliseconds
				if message == "ReadDataSource_Response_State.msgpack" && bytes.Contains(data, []byte("GPT-4o for ***")) {
					read = true
				}
				if bytes.Contains(data, []byte(key)) {
					holding[message] = true
				}
			}
			if got := slices.Sorted(maps.Keys(holding)); !slices.Equal(got, want) {
				t.Errorf("with the key in %s, the files that hold it are %v, want %v", where, got, want)
			}
			if !read {
				t.Errorf("no file of the %d written holds the read's state with the echoed key as ***", len(files))
			}
		})
	}
}
