package provider

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func TestProvider_bearerAuthScheme(t *testing.T) {
	t.Parallel()
	for _, scheme := range []string{"", `auth_scheme = "bearer"`} {
		server := mockapi.NewTestServer(t, "")
		unitTest(t, resource.TestStep{
			Config: providerBlock(server, scheme) + `data "megallm_model" "m" { id = "gpt-4o" }`,
			Check:  expectRequests(server, "Authorization", "Bearer "+mockapi.DefaultAPIKey),
		})
	}
}

func TestProvider_xAPIKeyAuthScheme(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, `auth_scheme = "x-api-key"`) + `data "megallm_model" "m" { id = "gpt-4o" }`,
		Check:  expectRequests(server, "x-api-key", mockapi.DefaultAPIKey),
	})
}

// The environment tests change process-wide variables, so they do not run in
// parallel with the others.

func TestProvider_environmentVariables(t *testing.T) {
	server := mockapi.NewTestServer(t, "")
	t.Setenv(envAPIKey, mockapi.DefaultAPIKey)
	t.Setenv(envBaseURL, server.URL()+"/") // a trailing slash is fine
	unitTest(t, resource.TestStep{
		Config: `
provider "megallm" {}
data "megallm_model" "m" { id = "o3-mini" }`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("max_output_tokens"), knownvalue.Int64Exact(100000)),
		},
		Check: expectRequests(server, "Authorization", "Bearer "+mockapi.DefaultAPIKey),
	})
}

func TestProvider_argumentsOverrideEnvironment(t *testing.T) {
	server := mockapi.NewTestServer(t, "")
	t.Setenv(envAPIKey, "env-key-that-the-mock-rejects")
	t.Setenv(envBaseURL, "http://127.0.0.1:9/v1")
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_model" "m" { id = "o3-mini" }`,
		Check:  expectRequests(server, "Authorization", "Bearer "+mockapi.DefaultAPIKey),
	})
}

// A rejected key's advice names the key that was sent: changing
// MEGALLM_API_KEY does nothing while api_key is set.
func TestProvider_rejectedKeyNamesItsSource(t *testing.T) {
	server := mockapi.NewTestServer(t, "")
	t.Setenv(envBaseURL, server.URL())
	t.Setenv(envAPIKey, mockapi.DefaultAPIKey)
	staleAPIKey := fmt.Sprintf(`
provider "megallm" {
  api_key     = %q
  max_retries = 0
}
data "megallm_models" "all" {}`, testKey(t, "stale api_key"))
	unitTest(t, resource.TestStep{
		Config: staleAPIKey,
		ExpectError: expectError(`MegaLLM rejected the API key .* The key sent is api_key's, which is used instead of the ` +
			`MEGALLM_API_KEY environment variable whenever it is set: correct the value api_key gets, or remove api_key ` +
			`to send MEGALLM_API_KEY's\.`),
	})
	t.Setenv(envAPIKey, testKey(t, "stale "+envAPIKey))
	unitTest(t, resource.TestStep{
		Config: `
provider "megallm" { max_retries = 0 }
data "megallm_models" "all" {}`,
		ExpectError: expectError(`MegaLLM rejected the API key .* The key sent is the MEGALLM_API_KEY environment ` +
			`variable's, as api_key is unset or blank: correct the variable, or set api_key in the provider "megallm" block`),
	})
	// Without the variable, removing api_key would send no key at all.
	t.Setenv(envAPIKey, " ")
	unitTest(t, resource.TestStep{
		Config: staleAPIKey,
		ExpectError: expectError(`MegaLLM rejected the API key .* The key sent is api_key's \(the MEGALLM_API_KEY ` +
			`environment variable is unset or blank\): correct the value api_key gets\.\s*$`),
	})
}

// TestProvider_invalidBaseURLInEnvironment: the URL MEGALLM_BASE_URL meant
// is written without quotes, which a .env file that Docker reads would keep
// as part of the value, and set so it plans.
func TestProvider_invalidBaseURLInEnvironment(t *testing.T) {
	server := mockapi.NewTestServer(t, "")
	t.Setenv(envAPIKey, mockapi.DefaultAPIKey)
	meant := server.URL()
	t.Setenv(envBaseURL, strings.TrimPrefix(meant, "http://"))
	config := `data "megallm_models" "all" {}`
	unitTest(t, resource.TestStep{
		Config: config,
		ExpectError: expectError(`Invalid MEGALLM_BASE_URL .* The MEGALLM_BASE_URL environment variable is set, but ` +
			regexp.QuoteMeta(megallm.Quote(strings.TrimPrefix(meant, "http://"))) + ` must start with https:// or ` +
			`http://\. Did you mean ` + regexp.QuoteMeta(meant) + `\? Set it to the API root that serves /models, for ` +
			`example https://ai\.megallm\.io/v1, or unset it\.`),
	}, resource.TestStep{ // as a .env file that Docker reads would set the quoted advice
		PreConfig:   func() { t.Setenv(envBaseURL, `"`+meant+`"`) },
		Config:      config,
		ExpectError: expectError(`is written in quotes`),
	}, resource.TestStep{
		PreConfig: func() { t.Setenv(envBaseURL, meant) },
		Config:    config,
	})
}

// TestProvider_blankEnvironmentVariable: MEGALLM_BASE_URL or
// MEGALLM_CATALOG_FILE set to white space alone is an error naming the
// variable, as base_url = " " is one, where an empty one is unset; the fix works.
func TestProvider_blankEnvironmentVariable(t *testing.T) {
	const key = "zq7-blankvar-k3y-h70x"
	server := mockapi.NewTestServer(t, key)
	t.Setenv(envAPIKey, key)
	for name, setTo := range map[string]string{
		envBaseURL:     `the API root that serves /models, for example https://ai\.megallm\.io/v1`,
		envCatalogFile: `the path of a saved GET /models answer`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Setenv(envBaseURL, server.URL())
			t.Setenv(name, " \t")
			config := `provider "megallm" {}
data "megallm_model" "m" { id = "gpt-4o" }`
			unitTest(t,
				resource.TestStep{
					Config: config,
					ExpectError: expectError(`Invalid ` + name + ` .* The ` + name + ` environment variable is " \\t", ` +
						`white space alone\. Set it to ` + setTo + `, or unset it \(an empty value counts as unset\)\.`),
				},
				resource.TestStep{ // the advice followed: the mock's API root, and no file
					PreConfig:         func() { t.Setenv(envBaseURL, server.URL()); t.Setenv(envCatalogFile, "") },
					Config:            config,
					ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o"))},
				},
			)
		})
	}
}

// badBaseURLs are base URLs built on the mock's that must be refused before
// any request, each with the error that says why. The mock accepts the key in
// the URL's password, so a request sent with it would succeed.
func badBaseURLs(server *mockapi.Server) map[string]struct{ value, expected string } {
	url := server.URL()
	hostPort := strings.TrimPrefix(strings.TrimSuffix(url, "/v1"), "http://")
	port := hostPort[strings.LastIndex(hostPort, ":")+1:]
	return map[string]struct{ value, expected string }{
		"leading space":     {" " + url, `" http://127.0.0.1:\d+/v1" has white space in it: remove it \(a leading or trailing space is easy to miss\)`},
		"trailing space":    {url + " ", `"http://127.0.0.1:\d+/v1 " has white space in it`},
		"byte-order mark":   {"\ufeff" + url, `"\\ufeffhttp://127.0.0.1:\d+/v1" has an invisible character \(U\+FEFF\) in it`},
		"quoted":            {`"` + url + `"`, `"\\"http://127.0.0.1:\d+/v1\\"" is written in quotes, which here are part of the value \(as in a .env file that Docker reads\): remove them`},
		"port too large":    {"http://127.0.0.1:99999/v1", `"http://127.0.0.1:99999/v1" has port "99999": a port must be a number from 1 to 65535`},
		"port zero":         {"http://127.0.0.1:0/v1", `"http://127.0.0.1:0/v1" has port "0": a port must be a number from 1 to 65535`},
		"port not a number": {"http://127.0.0.1:api/v1", `"http://127.0.0.1:api/v1" is not a URL: invalid port ":api" after host`},
		"empty host":        {"http://:" + port + "/v1", `"http://:\d+/v1" has no host`},
		"no scheme": {hostPort + "/v1",
			`"127.0.0.1:\d+/v1" must start with https:// or http://\. Did you mean "http://127.0.0.1:\d+/v1"\?`},
		"scheme without colon": {"http//" + hostPort + "/v1",
			`"http//127.0.0.1:\d+/v1" must start with https:// or http://\. Did you mean "http://127.0.0.1:\d+/v1"\?`},
		"scheme with one slash": {"http:/" + hostPort + "/v1", `"http:/127.0.0.1:\d+/v1" must start with https:// or http://\. Did you mean "http://127.0.0.1:\d+/v1"\?`},
		"scheme misspelt":       {"htps://" + hostPort + "/v1", `"htps://127.0.0.1:\d+/v1" must start with https:// or http://\. Did you mean "https://127.0.0.1:\d+/v1"\?`},
		"scheme with two colons": {"http:://" + hostPort + "/v1",
			`"http:://127.0.0.1:\d+/v1" has no host\. Did you mean "http://127.0.0.1:\d+/v1"\?`},
		"credentials after a mistyped scheme": {"http//user:" + mockapi.DefaultAPIKey + "@" + hostPort + "/v1",
			`"http//\*\*\*@127.0.0.1:\d+/v1" must start with https:// or http://\. Put the API key in api_key`},
		"credentials": {"http://user:" + mockapi.DefaultAPIKey + "@" + hostPort + "/v1",
			`"http://\*\*\*@127.0.0.1:\d+/v1" must not hold a user name or password. Put the API key in api_key or the MEGALLM_API_KEY environment variable instead`},
	}
}

// TestProvider_invalidBaseURL: each malformed base_url is an error on
// base_url that says what is wrong and shows a good value, and nothing is sent.
func TestProvider_invalidBaseURL(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	for name, bad := range badBaseURLs(server) {
		t.Run(name, func(t *testing.T) {
			unitTest(t, resource.TestStep{
				Config: fmt.Sprintf(`
provider "megallm" {
  base_url    = %q
  api_key     = %q
  auth_scheme = "x-api-key"
}
data "megallm_models" "all" {}`, bad.value, mockapi.DefaultAPIKey),
				ExpectError: expectError(`Invalid base_url .* base_url ` + bad.expected + `.* Use the API root that serves /models, for example "https://ai.megallm.io/v1"`),
			})
		})
	}
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid base_url values sent %d requests, want 0", n)
	}
}

// TestProvider_invalidBaseURLInEnvironmentForms: MEGALLM_BASE_URL gets the
// same checks as base_url, each reported on base_url, naming the variable,
// and the URL it meant is written without quotes, as the variable takes it.
func TestProvider_invalidBaseURLInEnvironmentForms(t *testing.T) {
	server := mockapi.NewTestServer(t, "")
	t.Setenv(envAPIKey, mockapi.DefaultAPIKey)
	meantQuoted := regexp.MustCompile(`Did you mean "([^"]*)"`)
	for name, bad := range badBaseURLs(server) {
		t.Run(name, func(t *testing.T) {
			t.Setenv(envBaseURL, bad.value)
			expected := meantQuoted.ReplaceAllString(bad.expected, "Did you mean $1")
			unitTest(t, resource.TestStep{
				Config: `data "megallm_models" "all" {}`,
				ExpectError: expectError(`Invalid MEGALLM_BASE_URL .* The MEGALLM_BASE_URL environment variable is set, but ` + expected +
					`.* Set it to the API root that serves /models, for example https://ai\.megallm\.io/v1, or unset it`),
			})
		})
	}
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid MEGALLM_BASE_URL values sent %d requests, want 0", n)
	}
}

func TestProvider_missingAPIKey(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "megallm" { base_url = %q }
data "megallm_models" "all" {}`, server.URL()),
		ExpectError: expectError(`Missing MegaLLM API key .* none is configured: api_key and the MEGALLM_API_KEY environment variable are unset or blank. Set api_key in the provider "megallm" block .* or set the MEGALLM_API_KEY environment variable`),
	})
	if n := server.RequestCount(); n != 0 {
		t.Errorf("a provider without a key sent %d requests, want 0", n)
	}
}

func TestProvider_apiErrors(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		fault    *mockapi.Fault
		key      string
		expected string
	}{
		"401 rejected key": {
			key: "wrong-key-not-a-secret",
			expected: `MegaLLM rejected the API key .* GET http://127\.0\.0\.1:\d+/v1/models: HTTP 401 Unauthorized: Invalid authentication credentials ` +
				`\(type invalid_request_error, code invalid_api_key\)\. .* auth_scheme .* The key sent is api_key's`,
		},
		"500 server error": {
			fault:    ptr(mockapi.ServerError()),
			expected: `MegaLLM API error .* GET http://127\.0\.0\.1:\d+/v1/models: HTTP 500 Internal Server Error: Internal server error \(type api_error, code internal_error\)`,
		},
		"502 html page": {
			fault:    ptr(mockapi.HTMLPage(http.StatusBadGateway)),
			expected: `MegaLLM API error .* GET http://127\.0\.0\.1:\d+/v1/models: HTTP 502 Bad Gateway: response body: .*<title>Bad Gateway</title>`,
		},
		"200 error answer": {
			fault: ptr(mockapi.Fault{Status: http.StatusOK, ContentType: "application/json",
				Body: `{"error":{"message":"Quota exceeded for this key","type":"insufficient_quota"}}`}),
			expected: `MegaLLM API answered with an error .* GET http://127\.0\.0\.1:\d+/v1/models: HTTP 200 OK: the response is not ` +
				`a MegaLLM model list: it is an error answer of the API \(an "error" and no "data" array\): Quota exceeded for ` +
				`this key \(type insufficient_quota\)\. The API, or a gateway in front of it, sent an error instead of the model ` +
				`list, with a success status: do what its message says\. If it rejects the key: The key sent is api_key's \(the ` +
				`MEGALLM_API_KEY environment variable is unset or blank\): correct the value api_key gets\. If the error persists, ` +
				`check the MegaLLM status page or try again later\.`,
		},
		"200 another service's message": {
			fault: ptr(mockapi.Fault{Status: http.StatusOK, ContentType: "application/json", Body: `{"message":"Welcome to the Acme API"}`}),
			expected: `Unexpected response from the MegaLLM API .* HTTP 200 OK: the response is not a MegaLLM model list: it has ` +
				`no "data" array; response body starts with .*Welcome to the Acme API.*\.\s+Check that base_url points at ` +
				`the MegaLLM API and not at a proxy or a web page\.`,
		},
		"401 error string": {
			fault:    ptr(mockapi.Fault{Status: http.StatusUnauthorized, ContentType: "application/json", Body: `{"error":"Invalid key"}`}),
			expected: `MegaLLM rejected the API key .* HTTP 401 Unauthorized: Invalid key\.\s+Check that the key is valid`,
		},
		"malformed json": {
			fault: ptr(mockapi.MalformedJSON()),
			expected: `Unexpected response from the MegaLLM API .* GET http://127\.0\.0\.1:\d+/v1/models: HTTP 200 OK: the response is not a MegaLLM model list: ` +
				`unexpected EOF; response body starts with .*gpt-4o`,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, "")
			key := mockapi.DefaultAPIKey
			if tc.key != "" {
				key = tc.key
			}
			if tc.fault != nil {
				server.InjectFaults(*tc.fault)
			}
			unitTest(t, resource.TestStep{
				Config: fmt.Sprintf(`
provider "megallm" {
  base_url    = %q
  api_key     = %q
  max_retries = 0
}
data "megallm_model" "m" { id = "gpt-4o" }`, server.URL(), key),
				ExpectError: expectError(tc.expected),
			})
		})
	}
}

// TestProvider_errorBodyWithoutMessage: an error body without a message
// quotes its type or code (scrubbed of the key), else the body's start, and
// its advice fits the status and what the body says: never "do what its
// message says". A 200 whose "error" says nothing, or is null, may be another
// server's: checking base_url is the advice, and following it plans.
func TestProvider_errorBodyWithoutMessage(t *testing.T) {
	t.Parallel()
	key := testKey(t, "api_key")
	const (
		typeOnly  = `no message \(type quota_\*\*\*\)\.`
		codeOnly  = `no message \(code 7\)\.`
		body      = `.*\{\\"error\\":.*\}"\.`
		checkBase = `Check that base_url points at the MegaLLM API and not at a proxy or a web page\.`
		answered  = `MegaLLM API answered with an error .* HTTP 200 OK: the response is not a MegaLLM model list: it is an ` +
			`error answer of the API \(an "error" and no "data" array\)`
		noneSaid = `; response body starts with` + body + ` Its "error" holds no message, type or code that says what ` +
			`failed\. ` + checkBase + ` If it does, the API, or a gateway in front of it, sent an error without saying ` +
			`why\. If it rejects the key: The key sent is api_key's`
		typeSaid = ` The API, or a gateway in front of it, sent an error instead of the model list, with a success status ` +
			`and no message: its type or code says what failed\. If it rejects the key: The key sent is api_key's`
		refused  = ` The answer gives no message that says why the request was refused\. ` + checkBase + ` If the error persists`
		persists = ` If the error persists, check the MegaLLM status page or try again later\.`
	)
	for name, tc := range map[string]struct {
		body                string
		at200, at400, at500 string
	}{
		"only type": {`{"error":{"type":"quota_` + key + `"}}`, answered + `: ` + typeOnly + typeSaid,
			`HTTP 400 Bad Request: ` + typeOnly + refused, `HTTP 500 Internal Server Error: ` + typeOnly + persists},
		"only code": {`{"error":{"code":7}}`, answered + `: ` + codeOnly + typeSaid,
			`HTTP 400 Bad Request: ` + codeOnly + refused, `HTTP 500 Internal Server Error: ` + codeOnly + persists},
		"empty object": {`{"error":{}}`, answered + noneSaid,
			`HTTP 400 Bad Request: response body: ` + body + refused, `HTTP 500 Internal Server Error: response body: ` + body + persists},
		"null": {`{"error":null}`, `Unexpected response from the MegaLLM API .* it has no "data" array; response body starts with` +
			body + ` ` + checkBase + `\s*$`,
			`HTTP 400 Bad Request: response body: ` + body + refused, `HTTP 500 Internal Server Error: response body: ` + body + persists},
		"empty string": {`{"error":""}`, answered + noneSaid,
			`HTTP 400 Bad Request: response body: ` + body + refused, `HTTP 500 Internal Server Error: response body: ` + body + persists},
		"number": {`{"error":42}`, answered + noneSaid,
			`HTTP 400 Bad Request: response body: ` + body + refused, `HTTP 500 Internal Server Error: response body: ` + body + persists},
	} {
		for status, expected := range map[int]string{http.StatusOK: tc.at200, http.StatusBadRequest: tc.at400,
			http.StatusInternalServerError: tc.at500} {
			t.Run(fmt.Sprintf("%s at %d", name, status), func(t *testing.T) {
				t.Parallel()
				answeredThenFixed(t, key, mockapi.Fault{Status: status, ContentType: "application/json", Body: tc.body},
					expected, strings.Contains(expected, checkBase))
			})
		}
	}
}

// TestProvider_errorBodyNotJSON: an answer whose body is not JSON, or is
// JSON too long to be read whole (64 KiB), may say why in its text, so the
// error does not say that it gives no message; where the text says that a
// plain http request reached an https port (Go's words or nginx's), the
// advice is to write https://, and following it gets an https answer.
func TestProvider_errorBodyNotJSON(t *testing.T) {
	t.Parallel()
	const (
		unread = `\. The provider reads no error message from the answer: its body, quoted above, is not JSON, or is ` +
			`JSON too long to be read whole\. Check that base_url points at the MegaLLM API and not at a proxy or a web page\. If the error persists`
		https = `\. The server at base_url refused a plain http request, as one sent to its https port: write base_url ` +
			`with https:// instead of http://\.\s*$`
	)
	nginx := "<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n" +
		"<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n</body>\r\n</html>\r\n"
	for name, tc := range map[string]struct {
		fault    mockapi.Fault
		expected string
	}{
		"text": {mockapi.Fault{Status: http.StatusBadRequest, ContentType: "text/plain", Body: "Bad request"},
			`HTTP 400 Bad Request: response body: "Bad request"` + unread},
		"JSON over 64 KiB": {mockapi.Fault{Status: http.StatusBadRequest, ContentType: "application/json",
			Body: `{"error":{"message":"` + strings.Repeat("a", 70<<10) + `"}}`}, `HTTP 400 Bad Request: response body: "\{.*…"` + unread},
		"nginx's page": {mockapi.Fault{Status: http.StatusBadRequest, ContentType: "text/html", Body: nginx},
			`MegaLLM API refused plain http .* HTTP 400 Bad Request: response body: "<html> <head><title>400 The plain HTTP request was ` +
				`sent to HTTPS port</title>.*"` + https},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			answeredThenFixed(t, mockapi.DefaultAPIKey, tc.fault, tc.expected, false)
		})
	}
	t.Run("Go's answer", func(t *testing.T) {
		t.Parallel()
		server := startTLSMock(t)
		config := func(scheme string) string {
			return fmt.Sprintf("provider \"megallm\" {\n  base_url = %q\n  api_key  = %q\n}\n", strings.Replace(server.URL,
				"https://", scheme, 1)+"/v1", mockapi.DefaultAPIKey) + `data "megallm_models" "all" {}`
		}
		unitTest(t, resource.TestStep{Config: config("http://"), ExpectError: expectError(`MegaLLM API refused plain http .* ` +
			`HTTP 400 Bad Request: response body: "Client sent an HTTP request to an HTTPS server\."` + https)},
			resource.TestStep{Config: config("https://"), ExpectError: expectError(`Cannot verify the MegaLLM API's TLS certificate`)})
	})
}

// TestProvider_forbiddenOrNotFoundWithoutMessage: a 403 or a 404 whose error
// body has no message quotes its type or code (scrubbed of the key), else the
// body, with the status's own advice, and following that advice plans.
func TestProvider_forbiddenOrNotFoundWithoutMessage(t *testing.T) {
	t.Parallel()
	key := testKey(t, "api_key")
	const (
		forbidden = `MegaLLM API refused access .* HTTP 403 Forbidden: %s\. The API, or a proxy or firewall in front of ` +
			`it, refuses this request: check that the key may list models \(its project, scopes or allowed IP ` +
			`addresses\), and that base_url is the API your key belongs to\.`
		notFound = `MegaLLM API not found at base_url .* HTTP 404 Not Found: %s\. Check base_url: it must be the API ` +
			`root that serves /models, for example "https://ai\.megallm\.io/v1"\.`
	)
	for name, tc := range map[string]struct{ body, said string }{
		"only type":    {`{"error":{"type":"quota_` + key + `"}}`, `no message \(type quota_\*\*\*\)`},
		"empty object": {`{"error":{}}`, `response body: "\{\\"error\\":\{\}\}"`},
	} {
		for status, expected := range map[int]string{http.StatusForbidden: forbidden, http.StatusNotFound: notFound} {
			t.Run(fmt.Sprintf("%s at %d", name, status), func(t *testing.T) {
				t.Parallel()
				answeredThenFixed(t, key, mockapi.Fault{Status: status, ContentType: "application/json", Body: tc.body},
					fmt.Sprintf(expected, tc.said), true)
			})
		}
	}
}

// answeredThenFixed plans a megallm_model against an API that answers with
// fault, expecting the error expected; when fixable, a second step with
// base_url set to an API that serves /models and takes the key plans.
func answeredThenFixed(t *testing.T, key string, fault mockapi.Fault, expected string, fixable bool) {
	failing := mockapi.NewTestServer(t, key)
	failing.InjectFaults(fault)
	config := func(server *mockapi.Server) string {
		return fmt.Sprintf("provider \"megallm\" {\n  base_url    = %q\n  api_key     = %q\n  max_retries = 0\n}\n",
			server.URL(), key) + `data "megallm_model" "m" { id = "gpt-4o" }`
	}
	steps := []resource.TestStep{{Config: config(failing), ExpectError: expectError(expected)}}
	if fixable {
		steps = append(steps, resource.TestStep{Config: config(mockapi.NewTestServer(t, key)),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m",
				tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o"))}})
	}
	unitTest(t, steps...)
}

func TestProvider_unreachableAPI(t *testing.T) {
	t.Parallel()
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "megallm" {
  base_url = "http://127.0.0.1:9/v1"
  api_key  = %q
}
data "megallm_models" "all" {}`, mockapi.DefaultAPIKey),
		ExpectError: expectError(`Cannot reach the MegaLLM API.*"http://127\.0\.0\.1:9/v1/models".* connection refused \(gave up after 4 attempts\).* Check base_url`),
	})
}

func TestProvider_invalidArguments(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(extra, expected string) resource.TestStep {
		return resource.TestStep{
			Config:      providerBlock(server, extra) + `data "megallm_models" "all" {}`,
			ExpectError: expectError(expected),
		}
	}
	unitTest(t,
		step(`auth_scheme = ""`, `Invalid auth_scheme .* auth_scheme is "", which is no auth scheme: leave auth_scheme out, or set it to null \(as a variable's default = null\), to use the default "bearer"\.`),
		step(`request_timeout = ""`, `Invalid request_timeout .* request_timeout is "", which is no duration: leave request_timeout out, or set it to null \(as a variable's default = null\), to use the default "30s"\.`),
		step(`auth_scheme = "basic"`, `Invalid auth_scheme .* auth_scheme = "basic" is not one of its values\. Use "bearer" or "x-api-key"\.`),
		step(`auth_scheme = "Bearer"`, `auth_scheme = "Bearer" is not one of its values\. Did you mean "bearer"\? Use "bearer" or "x-api-key"\.`),
		step(`auth_scheme = "header"`, `auth_scheme = "header" is not one of its values\. Did you mean "x-api-key"\? Use "bearer" or "x-api-key"\.`),
		step(`request_timeout = "soon"`, `Invalid request_timeout .* "soon" is not a positive duration: the value must be a positive Go duration such as "30s", "1m" or "1m30s"`),
		step(`request_timeout = "30"`, `Invalid request_timeout .* "30" is not a positive duration: .* Did you mean "30s"\?`),
		step(`request_timeout = "30 s"`, `Invalid request_timeout .* "30 s" is not a positive duration: .* Did you mean "30s"\?`),
		step(`request_timeout = "30 seconds"`, `Invalid request_timeout .* "30 seconds" is not a positive duration: .* Did you mean "30s"\?`),
		step(`request_timeout = " 1m30s "`, `" 1m30s " is not a positive duration: .* Did you mean "1m30s"\?`),
		step(`request_timeout = "10M"`, `"10M" is not a positive duration: .* If M means minutes, write "10m" \(a lower-case m\); a Go duration has no unit for months\.`),
		step(`request_timeout = "1d"`, `"1d" is not a positive duration: .* Did you mean "24h"\?`),
		step(`request_timeout = "PT30S"`, `"PT30S" is not a positive duration: .* Did you mean "30s"\?`),
		step(`request_timeout = "PT1M"`, `"PT1M" is not a positive duration: .* Units are ns, us, ms, s, m and h\. Did you mean "1m"\?\s*$`),
		step(`request_timeout = "0 s"`, `"0 s" is not a positive duration: the value must be a positive Go duration such as "30s", "1m" or "1m30s"\. Units are ns, us, ms, s, m and h\.\s*$`),
		step(`request_timeout = "0s"`, `"0s" is not a positive duration`),
		step(`request_timeout = "-5s"`, `"-5s" is not a positive duration`),
		step(`request_timeout = "9999999h"`, `Invalid request_timeout .* "9999999h" is too long: a Go duration holds at most 2562047h \(about 292 years\)\. `+
			`The value must be a positive Go duration such as "30s"`),
		step(`max_retries = 11`, `Invalid max_retries .* max_retries must be from 0 to 10, got 11: write 10 or less\.`),
		step(`max_retries = -1`, `max_retries must be from 0 to 10, got -1: write 0 or more\.`),
		step(`max_retries = 1.5`, `Invalid max_retries .* max_retries must be a whole number from 0 to 10, got 1\.5: write 1 or 2\.`),
		step(`max_retries = 10.5`, `max_retries must be a whole number from 0 to 10, got 10\.5: write 10\.`),
		step(`max_retries = -2.5`, `max_retries must be a whole number from 0 to 10, got -2\.5: write 0 or more\.`),
		step(`max_retries = 1e30`, `max_retries must be from 0 to 10, got 1e30: write 10 or less\.`),
		// Past 1e21, to 20 digits and as HCL writes the exponent: not 1.23456789e+22.
		step(`max_retries = 12345678901234567890123`, `max_retries must be from 0 to 10, got 1\.234567890123456789e22: write 10 or less\.`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid provider configuration sent %d requests, want 0", n)
	}
	unitTest(t,
		resource.TestStep{
			Config:      `provider "megallm" { base_url = "ftp://ai.megallm.io/v1" }` + "\n" + `data "megallm_models" "all" {}`,
			ExpectError: expectError(`Invalid base_url .* "ftp://ai.megallm.io/v1" must start with https:// or http://. Use the API root that serves /models, for example "https://ai.megallm.io/v1"`),
		},
		resource.TestStep{
			Config:      `provider "megallm" { base_url = "https://" }` + "\n" + `data "megallm_models" "all" {}`,
			ExpectError: expectError(`Invalid base_url .* "https://" has no host`),
		},
		resource.TestStep{
			Config: `provider "megallm" { base_url = "" }` + "\n" + `data "megallm_models" "all" {}`,
			ExpectError: expectError(`Invalid base_url .* base_url is "", which is no URL: leave base_url out, or set it to null \(as a ` +
				`variable's default = null\), to use MEGALLM_BASE_URL or the default "https://ai\.megallm\.io/v1"\.\s*$`),
		},
		resource.TestStep{
			Config:      `provider "megallm" { base_url = " " }` + "\n" + `data "megallm_models" "all" {}`,
			ExpectError: expectError(`base_url is " ", which is no URL: leave base_url out`),
		},
	)
}

// TestProvider_baseURLEndingInModels: a base_url copied with its /models
// gets a 404 from .../models/models, and the error says what to cut and
// shows the URL without it, which works; not where a short key, a word of
// the URL, is shown as ***, as that URL would not.
func TestProvider_baseURLEndingInModels(t *testing.T) {
	t.Parallel()
	const shortKey = "abcd"
	server := mockapi.NewTestServer(t, shortKey)
	config := func(baseURL string) string {
		return fmt.Sprintf(`
provider "megallm" {
  base_url = %q
  api_key  = %q
}
data "megallm_model" "m" { id = "gpt-4o" }`, baseURL, shortKey)
	}
	unitTest(t,
		resource.TestStep{
			Config: config(server.URL() + "/models"),
			ExpectError: expectError(`MegaLLM API not found at base_url .* GET ` + regexp.QuoteMeta(server.URL()) + `/models/models: HTTP 404 ` +
				`.* This one ends in /models, which the provider adds: leave it out; for example "` +
				regexp.QuoteMeta(server.URL()) + `"\.\s*$`),
		},
		resource.TestStep{ // the advice followed
			Config:            config(server.URL()),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o"))},
		},
		resource.TestStep{
			Config: config(server.URL() + "/" + shortKey + "/models"),
			ExpectError: expectError(`GET ` + regexp.QuoteMeta(server.URL()) + `/\*\*\*/models/models: HTTP 404 ` +
				`.* This one ends in /models, which the provider adds: leave it out\.\s*$`),
		},
	)
}

// TestProvider_baseURLWithoutPath: a base_url without the API's version
// path gets a 404 from /models, and the error says to add it, which works.
func TestProvider_baseURLWithoutPath(t *testing.T) {
	t.Parallel()
	key := testKey(t, "api_key")
	server := mockapi.NewTestServer(t, key)
	root := strings.TrimSuffix(server.URL(), "/v1")
	config := func(baseURL string) string {
		return fmt.Sprintf(`
provider "megallm" {
  base_url = %q
  api_key  = %q
}
data "megallm_model" "m" { id = "gpt-4o" }`, baseURL, key)
	}
	unitTest(t,
		resource.TestStep{
			Config: config(root + "/"),
			ExpectError: expectError(`MegaLLM API not found at base_url .* GET ` + regexp.QuoteMeta(root) + `/models: HTTP 404 .* ` +
				`Check base_url: it must be the API root that serves /models, for example "https://ai\.megallm\.io/v1"\. ` +
				`This one has no path: add the API's version path, as the default "https://ai\.megallm\.io/v1" ` +
				`has /v1; for example "` + regexp.QuoteMeta(server.URL()) + `"\.`),
		},
		resource.TestStep{ // the advice followed
			Config:            config(server.URL()),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o"))},
		},
	)
}

// A base URL from MEGALLM_BASE_URL is named, and fixed, as the variable's:
// base_url is unset, and the variable is what to change, to a URL written
// without quotes, as a .env file that Docker reads takes it; so set, it plans.
func TestProvider_baseURLFromEnvironmentNamesTheVariable(t *testing.T) {
	key := testKey(t, envAPIKey)
	server := mockapi.NewTestServer(t, key)
	t.Setenv(envBaseURL, strings.TrimSuffix(server.URL(), "/v1"))
	t.Setenv(envAPIKey, key)
	config := `data "megallm_model" "m" { id = "gpt-4o" }`
	unitTest(t, resource.TestStep{
		Config: config,
		ExpectError: expectError(`MegaLLM API not found at MEGALLM_BASE_URL .* HTTP 404 .* Check MEGALLM_BASE_URL: it must be ` +
			`the API root that serves /models, for example https://ai\.megallm\.io/v1\. This one has no path: .*; for example ` +
			regexp.QuoteMeta(server.URL()) + `\.`),
	}, resource.TestStep{
		PreConfig: func() { t.Setenv(envBaseURL, server.URL()) },
		Config:    config,
	})
}

func TestProvider_validArguments(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		resource.TestStep{
			Config: providerBlock(server, `
  request_timeout = "2s"
  max_retries     = 0`) + `data "megallm_model" "m" { id = "gpt-4o" }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o")),
			},
		},
		resource.TestStep{
			Config: fmt.Sprintf(`
provider "megallm" {
  base_url        = "%s/"
  api_key         = %q
  auth_scheme     = "x-api-key"
  request_timeout = "1m30s"
  max_retries     = 10
}
data "megallm_model" "m" { id = "gpt-4o" }`, server.URL(), mockapi.DefaultAPIKey),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o")),
			},
		},
	)
}

// timestamp() is unknown at plan, in every Terraform since 1.0.
func TestProvider_argumentUnknownAtPlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "megallm" {
  base_url = %q
  api_key  = timestamp()
}
data "megallm_models" "all" {}`, server.URL()),
		ExpectError: expectError(`Provider argument not known at plan time .* api_key depends on a value that Terraform will only know after apply, .* Set api_key from a variable, a literal or the MEGALLM_API_KEY environment variable, or apply`),
	})
}

// TestProvider_crossHostRedirectSendsNoKey: the API redirects to another host
// (a second mock that records every header); in either scheme that host gets
// no credential, so it answers 401 and the plan fails on that, saying that the
// key was not checked; set as base_url, as the error advises, that host plans.
func TestProvider_crossHostRedirectSendsNoKey(t *testing.T) {
	t.Parallel()
	for _, scheme := range megallm.AuthSchemeNames() {
		t.Run(scheme, func(t *testing.T) {
			t.Parallel()
			api, other := mockapi.NewTestServer(t, ""), mockapi.NewTestServer(t, "")
			otherURL := strings.Replace(other.URL(), "127.0.0.1", "localhost", 1)
			for range 10 {
				api.InjectFaults(mockapi.Redirect(http.StatusFound, otherURL+"/models"))
			}
			unitTest(t, resource.TestStep{
				Config: providerBlock(api, fmt.Sprintf("auth_scheme = %q", scheme)) + `data "megallm_models" "all" {}`,
				ExpectError: expectError(`MegaLLM API redirected to where the key is not sent .* GET http://127\.0\.0\.1:\d+/v1/models: ` +
					`HTTP 401 Unauthorized \(redirected to http://localhost:\d+/v1/models, where the key is not sent\): .* ` +
					`base_url redirects to another host, or from https to http, and the provider sends the API key to ` +
					`neither, so the key was not checked: .* If you trust it, set base_url to it, without the /models`),
			})
			requests := other.Requests()
			if len(requests) == 0 {
				t.Fatal("the redirect was not followed")
			}
			for _, r := range requests {
				for name, values := range r.Header {
					if strings.Contains(strings.Join(values, " "), mockapi.DefaultAPIKey) {
						t.Errorf("the host redirected to received the key in its %s header", name)
					}
				}
			}
			unitTest(t, resource.TestStep{
				Config: fmt.Sprintf(`
provider "megallm" {
  base_url    = %q
  api_key     = %q
  auth_scheme = %q
}
data "megallm_models" "all" {}`, otherURL, mockapi.DefaultAPIKey, scheme),
			})
		})
	}
}

// A key read with file() ends in a newline; white space around the key is
// removed, so the mock (which accepts only the exact key) answers.
func TestProvider_apiKeyFromAFileWithANewline(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	keyFile := filepath.Join(t.TempDir(), "key.txt")
	if err := os.WriteFile(keyFile, []byte(mockapi.DefaultAPIKey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "megallm" {
  base_url = %q
  api_key  = file(%q)
}
data "megallm_model" "m" { id = "gpt-4o" }`, server.URL(), keyFile),
		Check: expectRequests(server, "Authorization", "Bearer "+mockapi.DefaultAPIKey),
	})
}

func TestProvider_apiKeyWithAControlCharacterInside(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "megallm" {
  base_url = %q
  api_key  = "sk-fake\tkey"
}
data "megallm_model" "m" { id = "gpt-4o" }`, server.URL()),
		ExpectError: expectError(`Invalid api_key .* The API key in api_key contains a control character \(such as a line break or a tab\) inside it`),
	})
	if n := server.RequestCount(); n != 0 {
		t.Errorf("an invalid key sent %d requests, want 0", n)
	}
}

// TestProvider_apiKeyShorterThanMinKeyLength: a key of 3 characters (a dummy
// such as "-" for a gateway that checks none) is refused before any request,
// as no message could be read with it replaced; following the advice, a key
// of 4 characters plans.
func TestProvider_apiKeyShorterThanMinKeyLength(t *testing.T) {
	t.Parallel()
	const key = "Q7zX"
	server := mockapi.NewTestServer(t, key)
	config := func(key string) string {
		return fmt.Sprintf(`
provider "megallm" {
  base_url = %q
  api_key  = %q
}
data "megallm_model" "m" { id = "gpt-4o" }`, server.URL(), key)
	}
	unitTest(t, resource.TestStep{
		Config: config(key[:3]),
		ExpectError: expectError(`Invalid api_key .* The API key in api_key is shorter than 4 characters, which no API key is: ` +
			`set the key the API issued \(an API that checks no key, such as a local gateway, takes any value of 4 characters or more, and one of 10 or more that no model id holds, ` +
			`such as "no-key-required", is not hidden where ids and messages hold it as a word\); ` +
			`the key is not shown here`),
	}, resource.TestStep{
		Config:            config(key),
		Check:             expectRequests(server, "Authorization", "Bearer "+key),
		ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("id"), knownvalue.StringExact("gpt-4o"))},
	})
}

// startTLSMock serves the fake API over https on loopback, with a
// certificate nothing trusts. Its URL has no /v1.
func startTLSMock(t *testing.T) *httptest.Server {
	t.Helper()
	server := httptest.NewUnstartedServer(mockapi.New(""))
	server.Config.ErrorLog = log.New(io.Discard, "", 0) // the rejected handshakes
	server.StartTLS()
	t.Cleanup(server.Close)
	return server
}

// TestProvider_tlsUnknownAuthority: an https base_url whose certificate is
// not trusted (a self-signed server on loopback) says how to trust it.
func TestProvider_tlsUnknownAuthority(t *testing.T) {
	t.Parallel()
	server := startTLSMock(t)
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "megallm" {
  base_url = "%s/v1"
  api_key  = %q
}
data "megallm_models" "all" {}`, server.URL, mockapi.DefaultAPIKey),
		ExpectError: expectError(`Cannot verify the MegaLLM API's TLS certificate .* Get "https://127\.0\.0\.1:\d+/v1/models": tls: failed to verify certificate: x509: certificate signed by unknown authority\. ` +
			`.* If you trust that authority, give the provider its certificate \(PEM\): on Linux, set the SSL_CERT_FILE environment variable .* or SSL_CERT_DIR`),
	})
}

// TestProvider_redirectLoop: redirects that do not end are headed as what
// happened, not as an API that cannot be reached: it answered, with them.
func TestProvider_redirectLoop(t *testing.T) {
	t.Parallel()
	api := mockapi.NewTestServer(t, "")
	for range 10 {
		api.InjectFaults(mockapi.Redirect(http.StatusFound, api.URL()+"/models"))
	}
	unitTest(t, resource.TestStep{
		Config: providerBlock(api, "") + `data "megallm_models" "all" {}`,
		ExpectError: expectError(`Too many redirects from the MegaLLM API .* Get "http://127\.0\.0\.1:\d+/v1/models": ` +
			`stopped after 10 redirects\. The server answered, with ` +
			`redirects that did not end, as a loop of them does\. Check that base_url points at the MegaLLM API and not ` +
			`at a proxy or a web page\.`),
	})
}

// TestProvider_redirectToAPage: a redirect that ends in a page that is not
// the catalog names where it led.
func TestProvider_redirectToAPage(t *testing.T) {
	t.Parallel()
	api, other := mockapi.NewTestServer(t, ""), mockapi.NewTestServer(t, "")
	otherURL := strings.Replace(other.URL(), "127.0.0.1", "localhost", 1)
	for range 4 {
		api.InjectFaults(mockapi.Redirect(http.StatusFound, otherURL+"/login"))
		other.InjectFaults(mockapi.HTMLPage(http.StatusOK))
	}
	unitTest(t, resource.TestStep{
		Config: providerBlock(api, "") + `data "megallm_models" "all" {}`,
		ExpectError: expectError(`Unexpected response from the MegaLLM API .* GET http://127\.0\.0\.1:\d+/v1/models: HTTP 200 OK ` +
			`\(redirected to http://localhost:\d+/v1/login\): the response is not a MegaLLM model list`),
	})
}
