package megallm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func TestListModels_authHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		scheme     megallm.AuthScheme
		wantHeader string
		wantValue  string
		absent     string
	}{
		{"default is bearer", "", "Authorization", "Bearer " + testKey, "X-Api-Key"},
		{"bearer", megallm.AuthBearer, "Authorization", "Bearer " + testKey, "X-Api-Key"},
		{"x-api-key", megallm.AuthXAPIKey, "X-Api-Key", testKey, "Authorization"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, testKey)
			client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey, AuthScheme: tc.scheme})
			models, _, err := client.ListModels(context.Background())
			if err != nil {
				t.Fatalf("ListModels: %v", err)
			}
			if len(models) == 0 {
				t.Fatal("ListModels returned no models")
			}
			requests := server.Requests()
			if len(requests) != 1 {
				t.Fatalf("server saw %d requests, want 1", len(requests))
			}
			header := requests[0].Header
			if got := header.Values(tc.wantHeader); len(got) != 1 || got[0] != tc.wantValue {
				t.Errorf("%s header is not exactly the expected single value (%d values sent)", tc.wantHeader, len(got))
			}
			if got := header.Values(tc.absent); len(got) != 0 {
				t.Errorf("%s header was sent (%d values), want none", tc.absent, len(got))
			}
		})
	}
}

// TestUserAgent: the Terraform version comes first, in the form of HashiCorp's
// providers, and is left out, not written empty, when Terraform sent none.
func TestUserAgent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ terraform, provider, want string }{
		{"1.11.0", "0.1.0", "Terraform/1.11.0 (+https://www.terraform.io) terraform-provider-megallm/0.1.0"},
		{"1.10.10", "dev", "Terraform/1.10.10 (+https://www.terraform.io) terraform-provider-megallm/dev"},
		{"", "0.1.0", "terraform-provider-megallm/0.1.0"},
	} {
		if got := megallm.UserAgent(tc.terraform, tc.provider); got != tc.want {
			t.Errorf("UserAgent(%q, %q) = %q, want %q", tc.terraform, tc.provider, got, tc.want)
		}
	}
}

func TestListModels_requestShape(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	client := newClient(t, megallm.Config{
		BaseURL:   server.URL(),
		APIKey:    testKey,
		UserAgent: "terraform-provider-megallm/1.2.3-test",
	})
	if _, _, err := client.ListModels(context.Background()); err != nil {
		t.Fatalf("ListModels: %v", err)
	}
	requests := server.Requests()
	if len(requests) != 1 {
		t.Fatalf("server saw %d requests, want 1", len(requests))
	}
	req := requests[0]
	if req.Method != http.MethodGet {
		t.Errorf("method = %q, want GET", req.Method)
	}
	if req.Path != "/v1/models" {
		t.Errorf("path = %q, want /v1/models", req.Path)
	}
	if got := req.Header.Values("User-Agent"); len(got) != 1 || got[0] != "terraform-provider-megallm/1.2.3-test" {
		t.Errorf("User-Agent = %q, want [terraform-provider-megallm/1.2.3-test]", got)
	}
	if got := req.Header.Values("Accept"); len(got) != 1 || got[0] != "application/json" {
		t.Errorf("Accept = %q, want [application/json]", got)
	}
}

func TestListModels_baseURLPath(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, http.StatusOK, "application/json", `{"object":"list","data":[]}`)
	tests := []struct {
		base     string
		wantPath string
	}{
		{rec.URL + "/v1", "/v1/models"},
		{rec.URL + "/v1/", "/v1/models"},
		{rec.URL + "/v1//", "/v1/models"},
		{rec.URL + "/api/v1", "/api/v1/models"},
		{rec.URL, "/models"},
		{rec.URL + "/", "/models"},
	}
	for _, tc := range tests {
		client := newClient(t, megallm.Config{BaseURL: tc.base, APIKey: testKey})
		if want := rec.URL + tc.wantPath; client.ModelsURL() != want {
			t.Errorf("base %q: ModelsURL() = %q, want %q", tc.base, client.ModelsURL(), want)
		}
		before := len(rec.paths())
		if _, _, err := client.ListModels(context.Background()); err != nil {
			t.Errorf("base %q: ListModels: %v", tc.base, err)
			continue
		}
		paths := rec.paths()
		if len(paths) != before+1 {
			t.Fatalf("base %q: server saw %d new requests, want 1", tc.base, len(paths)-before)
		}
		if got := paths[len(paths)-1]; got != tc.wantPath {
			t.Errorf("base %q: requested path %q, want %q", tc.base, got, tc.wantPath)
		}
	}
}

func TestListModels_decodingKeepsOmittedFieldsNil(t *testing.T) {
	t.Parallel()
	body := `{
	  "object": "list",
	  "unknown_top_level": {"nested": [1, 2, 3]},
	  "data": [
	    {"id": "full", "object": "model", "type": "chat", "created_at": "2024-05-13T00:00:00Z",
	     "owned_by": "openai", "display_name": "Full Model",
	     "capabilities": {"supports_function_calling": true, "supports_vision": false,
	                      "supports_streaming": true, "supports_structured_output": false,
	                      "supports_telepathy": true},
	     "pricing": {"input_tokens_cost_per_million": 2.5, "output_tokens_cost_per_million": 0,
	                 "currency": "USD", "discount": 0.5},
	     "context_length": 128000, "max_output_tokens": 16384,
	     "future_field": "ignored"},
	    {"id": "no-pricing", "type": "embedding",
	     "capabilities": {"supports_vision": true}},
	    {"id": "bare"}
	  ]
	}`
	models, err := listFrom(t, body)
	if err != nil {
		t.Fatalf("ListModels: %v", err)
	}
	if len(models) != 3 {
		t.Fatalf("got %d models, want 3", len(models))
	}
	if models[0].ID != "full" || models[1].ID != "no-pricing" || models[2].ID != "bare" {
		t.Fatalf("ids = %q, %q, %q; want the API's order full, no-pricing, bare", models[0].ID, models[1].ID, models[2].ID)
	}

	full := models[0]
	checkString := func(field string, got *string, want string) {
		t.Helper()
		if got == nil || *got != want {
			t.Errorf("full.%s = %v, want %q", field, got, want)
		}
	}
	checkString("Object", full.Object, "model")
	checkString("Type", full.Type, "chat")
	if full.CreatedAt == nil || megallm.FormatDate(*full.CreatedAt) != "2024-05-13T00:00:00Z" {
		t.Errorf("full.CreatedAt = %v, want 2024-05-13T00:00:00Z", full.CreatedAt)
	}
	checkString("OwnedBy", full.OwnedBy, "openai")
	checkString("DisplayName", full.DisplayName, "Full Model")
	if full.Capabilities == nil {
		t.Fatal("full.Capabilities is nil")
	}
	checkBool := func(field string, got *bool, want bool) {
		t.Helper()
		if got == nil || *got != want {
			t.Errorf("full.Capabilities.%s = %v, want pointer to %v", field, got, want)
		}
	}
	checkBool("SupportsFunctionCalling", full.Capabilities.SupportsFunctionCalling, true)
	checkBool("SupportsVision", full.Capabilities.SupportsVision, false)
	checkBool("SupportsStreaming", full.Capabilities.SupportsStreaming, true)
	checkBool("SupportsStructuredOutput", full.Capabilities.SupportsStructuredOutput, false)
	if full.Pricing == nil {
		t.Fatal("full.Pricing is nil")
	}
	if p := full.Pricing.InputTokensCostPerMillion; p == nil || *p != 2.5 {
		t.Errorf("full input cost = %v, want 2.5", p)
	}
	if p := full.Pricing.OutputTokensCostPerMillion; p == nil || *p != 0 {
		t.Errorf("full output cost = %v, want a pointer to 0 (sent as 0, not omitted)", p)
	}
	checkString("Pricing.Currency", full.Pricing.Currency, "USD")
	if p := full.ContextLength; p == nil || *p != 128000 {
		t.Errorf("full.ContextLength = %v, want 128000", p)
	}
	if p := full.MaxOutputTokens; p == nil || *p != 16384 {
		t.Errorf("full.MaxOutputTokens = %v, want 16384", p)
	}

	noPricing := models[1]
	if noPricing.Pricing != nil {
		t.Errorf("no-pricing.Pricing = %+v, want nil", *noPricing.Pricing)
	}
	if noPricing.Capabilities == nil {
		t.Fatal("no-pricing.Capabilities is nil")
	}
	if v := noPricing.Capabilities.SupportsVision; v == nil || !*v {
		t.Errorf("no-pricing SupportsVision = %v, want true", v)
	}
	for name, v := range map[string]*bool{
		"SupportsFunctionCalling":  noPricing.Capabilities.SupportsFunctionCalling,
		"SupportsStreaming":        noPricing.Capabilities.SupportsStreaming,
		"SupportsStructuredOutput": noPricing.Capabilities.SupportsStructuredOutput,
	} {
		if v != nil {
			t.Errorf("no-pricing.Capabilities.%s = %v, want nil (not sent)", name, *v)
		}
	}
	if noPricing.ContextLength != nil || noPricing.MaxOutputTokens != nil || noPricing.CreatedAt != nil || noPricing.OwnedBy != nil {
		t.Errorf("no-pricing has a non-nil field that was not sent: %+v", noPricing)
	}

	bare := models[2]
	if bare.Object != nil || bare.Type != nil || bare.CreatedAt != nil || bare.OwnedBy != nil ||
		bare.DisplayName != nil || bare.Capabilities != nil || bare.Pricing != nil ||
		bare.ContextLength != nil || bare.MaxOutputTokens != nil {
		t.Errorf("bare model has a non-nil optional field: %+v", bare)
	}
}

func TestListModels_builtinCatalog(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey})
	models, _, err := client.ListModels(context.Background())
	if err != nil {
		t.Fatalf("ListModels: %v", err)
	}
	if len(models) < 20 {
		t.Fatalf("got %d models from the built-in catalog, want >= 20", len(models))
	}
	if models[0].ID != "gpt-4o" {
		t.Errorf("first model = %q, want gpt-4o (the API's order)", models[0].ID)
	}
	var withoutPricing, withoutCaps bool
	for _, m := range models {
		if m.ID == "" {
			t.Error("a model has an empty id")
		}
		withoutPricing = withoutPricing || m.Pricing == nil
		withoutCaps = withoutCaps || m.Capabilities == nil
	}
	if !withoutPricing || !withoutCaps {
		t.Errorf("built-in catalog decoded with a model lacking pricing: %v, lacking capabilities: %v; want both",
			withoutPricing, withoutCaps)
	}
}

func TestListModels_emptyData(t *testing.T) {
	t.Parallel()
	models, err := listFrom(t, `{"object":"list","data":[]}`)
	if err != nil {
		t.Fatalf("ListModels: %v", err)
	}
	if len(models) != 0 {
		t.Errorf("got %d models, want 0", len(models))
	}
}

// TestListModels_errorAnswerWithStatus200: a 200 whose body is the API's
// error object, or an "error" that is the message, says so and quotes its
// message, cut as a non-2xx answer's is, in place of the body's start; an
// "error" without a message keeps the start.
func TestListModels_errorAnswerWithStatus200(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 250)
	for body, want := range map[string]string{
		`{"error":{"message":"Quota exceeded","type":"insufficient_quota","code":"quota"}}`: `HTTP 200 OK: the response is ` +
			`not a MegaLLM model list: it is an error answer of the API (an "error" and no "data" array): Quota exceeded ` +
			`(type insufficient_quota, code quota)`,
		`{"error":{"message":"` + long + `"}}`: `(an "error" and no "data" array): ` + long[:200] + "…",
		`{"error":"Quota exceeded"}`:           `(an "error" and no "data" array): Quota exceeded`,
		`{"error":{"type":"quota"}}`:           `(an "error" and no "data" array): no message (type quota)`,
		`{"error":{}}`:                         `(an "error" and no "data" array); response body starts with "{\"error\":{}}"`,
	} {
		_, err := listFrom(t, body)
		if !errors.Is(err, megallm.ErrErrorAnswer) || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("body %s: err = %v, want ErrErrorAnswer ending in %s", body, err, want)
		}
	}
}

// TestListModels_errorBodyShapes: an error body in a shape other than the
// API's object (a code that is a number, an "error" that is the message, a
// "message" or FastAPI's "detail" at the top) has its message quoted,
// scrubbed of the key and cut, at any status but 200, as the object's is; at
// a 200 only a body with an "error" is an error answer: one with a
// "message" or "detail" alone is more likely another service's page.
func TestListModels_errorBodyShapes(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 250)
	for _, tc := range []struct {
		name, body, said string
		errorAnswer      bool // at 200
	}{
		{"error string", `{"error":"Catalog unavailable for ` + testKey + `"}`, `Catalog unavailable for ***`, true},
		{"numeric code", `{"error":{"message":"Bad key ` + strings.ToUpper(testKey) + `","type":"auth","code":401}}`,
			`Bad key *** (type auth, code 401)`, true},
		{"message", `{"message":"Slow down, ` + testKey + `"}`, `Slow down, ***`, false},
		{"detail", `{"detail":"Not authenticated"}`, `Not authenticated`, false},
		{"long detail", `{"detail":"` + long + `"}`, long[:200] + "…", false},
	} {
		for _, status := range []int{http.StatusOK, 400, 401, 403, 404, 429, 500, 503} {
			rec := newRecorder(t, status, "application/json", tc.body)
			_, _, err := newClient(t, megallm.Config{BaseURL: rec.URL + "/v1", APIKey: testKey}).ListModels(context.Background())
			assertNoKey(t, err, testKey)
			want := fmt.Sprintf("HTTP %d %s: %s", status, http.StatusText(status), tc.said)
			switch {
			case status == http.StatusOK && tc.errorAnswer:
				want = `"error" and no "data" array): ` + tc.said
			case status == http.StatusOK:
				want = `it has no "data" array; response body starts with `
			}
			if !strings.Contains(err.Error(), want) || errors.Is(err, megallm.ErrErrorAnswer) != (status == http.StatusOK && tc.errorAnswer) {
				t.Errorf("%s, HTTP %d: err = %v, want it to hold %q", tc.name, status, err, want)
			}
		}
	}
}

// TestListModels_errorBodyWithoutMessage: an error body without a message
// quotes its type or code, scrubbed of the key, at any status, and at a 200
// is an error answer; one with neither quotes the body's start, and at a 200
// is an error answer only when its "error" is not null (an omitted field).
func TestListModels_errorBodyWithoutMessage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body, said string // said: "" for the body's start
		errorAnswer      bool   // at 200
	}{
		{"only type", `{"error":{"type":"quota_` + testKey + `"}}`, `no message (type quota_***)`, true},
		{"only code", `{"error":{"code":` + strings.Repeat("9", 250) + `}}`, `no message (code ` + strings.Repeat("9", 200) + `…)`, true},
		{"empty object", `{"error":{}}`, "", true},
		{"null", `{"error":null}`, "", false},
		{"empty string", `{"error":""}`, "", true},
		{"number", `{"error":42}`, "", true},
	} {
		for _, status := range []int{http.StatusOK, 400, 401, 429, 500, 503} {
			rec := newRecorder(t, status, "application/json", tc.body)
			_, _, err := newClient(t, megallm.Config{BaseURL: rec.URL + "/v1", APIKey: testKey}).ListModels(context.Background())
			assertNoKey(t, err, testKey)
			var want string
			switch {
			case status != http.StatusOK && tc.said != "":
				want = fmt.Sprintf("HTTP %d %s: %s", status, http.StatusText(status), tc.said)
			case status != http.StatusOK:
				want = fmt.Sprintf("HTTP %d %s: response body: %q", status, http.StatusText(status), tc.body)
			case tc.said != "":
				want = `(an "error" and no "data" array): ` + tc.said
			case tc.errorAnswer:
				want = `(an "error" and no "data" array); response body starts with ` + strconv.Quote(tc.body)
			default:
				want = `it has no "data" array; response body starts with ` + strconv.Quote(tc.body)
			}
			if !strings.HasSuffix(err.Error(), want) || errors.Is(err, megallm.ErrErrorAnswer) != (status == http.StatusOK && tc.errorAnswer) {
				t.Errorf("%s, HTTP %d: err = %v, want it to end in %q", tc.name, status, err, want)
			}
		}
	}
}

func TestListModels_notAModelList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, wantInError string
	}{
		{"no data", `{"object":"list"}`, `no "data" array`},
		{"empty object", `{}`, `no "data" array`},
		{"another service's page", `{"message":"Welcome to the Acme API","version":"2.1"}`, `no "data" array; response body starts with`},
		{"null data", `{"object":"list","data":null}`, `no "data" array`},
		{"data is an object", `{"object":"list","data":{}}`, `its "data" is a JSON object, not an array of models`},
		{"top-level array", `[{"id":"gpt-4o"}]`, `it is a JSON array, not an object with a "data" array of models`},
		// Nobody saved the API's answer: no advice on how to save it.
		{"empty array", `[]`, `it is a JSON array, not an object with a "data" array of models; response body starts with`},
		{"more after the answer", `{"data":[]} {"data":[]}`, `it has more after its JSON object; response body starts with`},
		// JSON's white space is space, tab, CR and LF alone: what else bytes.TrimSpace trims is more after it.
		{"form feed after the answer", "{\"data\":[]}\n\f", `more after its JSON object, from "\u000c", which JSON does not count as white space (only space, tab, CR and LF)`},
		{"vertical tab after the answer", "{\"data\":[]}\v", `more after its JSON object, from "\u000b", which JSON does not count`},
		{"no-break space after the answer", "{\"data\":[]}\u00a0", `more after its JSON object, from "\u00a0", which JSON`},
		{"data is a string", `{"data":"models"}`, `its "data" is a JSON string, not an array of models`},
		{"another field of the wrong type, and no data", `{"object":1,"models":[]}`, `it has no "data" array`},
		{"empty body", ``, "model list: it is empty (or only white space)"},
		{"blank body", " \r\n", "model list: it is empty (or only white space)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			models, err := listFrom(t, tc.body)
			var respErr *megallm.ResponseError
			if !errors.As(err, &respErr) {
				t.Fatalf("err = %v (%T), want *megallm.ResponseError", err, err)
			}
			if models != nil {
				t.Errorf("models = %v, want nil alongside the error", models)
			}
			if respErr.StatusCode != http.StatusOK || respErr.Method != http.MethodGet {
				t.Errorf("StatusCode, Method = %d, %q; want 200, GET", respErr.StatusCode, respErr.Method)
			}
			if !strings.Contains(err.Error(), tc.wantInError) {
				t.Errorf("error %q does not contain %q", err.Error(), tc.wantInError)
			}
			if !strings.Contains(err.Error(), "the response is not a MegaLLM model list") {
				t.Errorf("error %q does not say the response is not a model list", err.Error())
			}
		})
	}
}

func TestListModels_malformedJSON(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	fault := mockapi.MalformedJSON()
	server.InjectFaults(fault)
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey})
	_, _, err := client.ListModels(context.Background())
	var respErr *megallm.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("err = %v (%T), want *megallm.ResponseError", err, err)
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("err = %v, want it to wrap io.ErrUnexpectedEOF", err)
	}
	if respErr.URL != client.ModelsURL() {
		t.Errorf("URL = %q, want %q", respErr.URL, client.ModelsURL())
	}
	if respErr.Excerpt != fault.Body {
		t.Errorf("Excerpt = %q, want the whole (short) body %q", respErr.Excerpt, fault.Body)
	}
	msg := err.Error()
	for _, want := range []string{
		"GET " + client.ModelsURL(),
		"HTTP 200 OK",
		fmt.Sprintf("response body starts with %q", fault.Body),
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	assertNoKey(t, err, testKey)
}

func TestListModels_responseErrorExcerptIsBounded(t *testing.T) {
	t.Parallel()
	body := `{"object":"list","data":[` + strings.Repeat(`{"id":"m"},`, 100) + `oops`
	_, err := listFrom(t, body)
	var respErr *megallm.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("err = %v (%T), want *megallm.ResponseError", err, err)
	}
	if len(respErr.Excerpt) != 200 || !strings.HasPrefix(body, respErr.Excerpt) {
		t.Errorf("Excerpt has %d bytes, want the first 200 bytes of the body: %q", len(respErr.Excerpt), respErr.Excerpt)
	}
}

func TestListModels_unauthorized(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	const wrongKey = "test-wrong-key-not-a-secret-456"
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: wrongKey})
	_, _, err := client.ListModels(context.Background())
	var apiErr *megallm.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *megallm.APIError", err, err)
	}
	if apiErr.StatusCode != http.StatusUnauthorized {
		t.Errorf("StatusCode = %d, want 401", apiErr.StatusCode)
	}
	if apiErr.Message != "Invalid authentication credentials" {
		t.Errorf("Message = %q, want %q", apiErr.Message, "Invalid authentication credentials")
	}
	if apiErr.Type != "invalid_request_error" || apiErr.Code != "invalid_api_key" {
		t.Errorf("Type, Code = %q, %q; want invalid_request_error, invalid_api_key", apiErr.Type, apiErr.Code)
	}
	if apiErr.Excerpt != "" {
		t.Errorf("Excerpt = %q, want empty when the body is the API's error shape", apiErr.Excerpt)
	}
	if !apiErr.Unauthorized() {
		t.Error("Unauthorized() = false, want true")
	}
	want := "GET " + client.ModelsURL() + ": HTTP 401 Unauthorized: Invalid authentication credentials " +
		"(type invalid_request_error, code invalid_api_key)"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	assertNoKey(t, err, wrongKey)
}

func TestListModels_serverError(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.ServerError())
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey})
	_, _, err := client.ListModels(context.Background())
	var apiErr *megallm.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *megallm.APIError", err, err)
	}
	if apiErr.StatusCode != http.StatusInternalServerError || apiErr.Message != "Internal server error" {
		t.Errorf("StatusCode, Message = %d, %q; want 500, %q", apiErr.StatusCode, apiErr.Message, "Internal server error")
	}
	if apiErr.Type != "api_error" || apiErr.Code != "internal_error" {
		t.Errorf("Type, Code = %q, %q; want api_error, internal_error", apiErr.Type, apiErr.Code)
	}
	if apiErr.Unauthorized() {
		t.Error("Unauthorized() = true for a 500")
	}
	if !strings.Contains(err.Error(), "HTTP 500 Internal Server Error: Internal server error") {
		t.Errorf("Error() = %q, want it to contain the status line and message", err.Error())
	}
	// The fault is served once; the next call succeeds.
	if _, _, err := client.ListModels(context.Background()); err != nil {
		t.Errorf("second ListModels: %v", err)
	}
}

// An error built without a method, as a caller or test may build one, starts
// with its URL, not a space.
func TestAPIError_withoutMethod(t *testing.T) {
	t.Parallel()
	err := &megallm.APIError{StatusCode: http.StatusNotFound, URL: "https://api.example/v1/models"}
	if want := "https://api.example/v1/models: HTTP 404 Not Found"; err.Error() != want || err.Headline() != want {
		t.Errorf("Error(), Headline() = %q, %q; want both %q", err.Error(), err.Headline(), want)
	}
}

func TestListModels_htmlErrorPage(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	fault := mockapi.HTMLPage(http.StatusBadGateway)
	server.InjectFaults(fault)
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey})
	_, _, err := client.ListModels(context.Background())
	var apiErr *megallm.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *megallm.APIError", err, err)
	}
	if apiErr.StatusCode != http.StatusBadGateway {
		t.Errorf("StatusCode = %d, want 502", apiErr.StatusCode)
	}
	if apiErr.Message != "" || apiErr.Type != "" || apiErr.Code != "" {
		t.Errorf("Message, Type, Code = %q, %q, %q; want all empty for an HTML body", apiErr.Message, apiErr.Type, apiErr.Code)
	}
	if !strings.HasPrefix(apiErr.Excerpt, "<html><head><title>Bad Gateway</title>") {
		t.Errorf("Excerpt = %q, want the start of the HTML page", apiErr.Excerpt)
	}
	if apiErr.Excerpt != fault.Body {
		t.Errorf("Excerpt = %q, want the whole short page %q", apiErr.Excerpt, fault.Body)
	}
	msg := err.Error()
	if !strings.Contains(msg, "502 Bad Gateway") {
		t.Errorf("Error() = %q, want it to contain %q", msg, "502 Bad Gateway")
	}
	if !strings.Contains(msg, fmt.Sprintf("response body: %q", fault.Body)) {
		t.Errorf("Error() = %q, want it to quote the body", msg)
	}
}

func TestListModels_apiErrorExcerpts(t *testing.T) {
	t.Parallel()
	longPage := "<html>\n  <body>\n" + strings.Repeat("<p>proxy failure</p>\n", 50) + "</body></html>"
	tests := []struct {
		name        string
		status      int
		body        string
		wantExcerpt string
		wantInError string
	}{
		{
			name:        "long body is cut to 200 bytes with an ellipsis, whitespace collapsed",
			status:      http.StatusServiceUnavailable,
			body:        longPage,
			wantExcerpt: strings.Join(strings.Fields(longPage), " ")[:200] + "…",
			wantInError: "HTTP 503 Service Unavailable: response body: ",
		},
		{
			name:        "error object without a message quotes its type, not the body",
			status:      http.StatusBadRequest,
			body:        `{"error":{"type":"invalid_request_error"}}`,
			wantExcerpt: "",
			wantInError: `HTTP 400 Bad Request: no message (type invalid_request_error)`,
		},
		{
			name:        "error object with nothing in it falls back to the body",
			status:      http.StatusBadRequest,
			body:        `{"error":{}}`,
			wantExcerpt: `{"error":{}}`,
			wantInError: `HTTP 400 Bad Request: response body: "{\"error\":{}}"`,
		},
		{
			name:        "unknown status code has no status text",
			status:      599,
			body:        "",
			wantExcerpt: "",
			wantInError: "HTTP 599",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, tc.status, "text/html", tc.body)
			client := newClient(t, megallm.Config{BaseURL: rec.URL + "/v1", APIKey: testKey})
			_, _, err := client.ListModels(context.Background())
			var apiErr *megallm.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v (%T), want *megallm.APIError", err, err)
			}
			if apiErr.StatusCode != tc.status {
				t.Errorf("StatusCode = %d, want %d", apiErr.StatusCode, tc.status)
			}
			if apiErr.Excerpt != tc.wantExcerpt {
				t.Errorf("Excerpt = %q, want %q", apiErr.Excerpt, tc.wantExcerpt)
			}
			if !strings.Contains(err.Error(), tc.wantInError) {
				t.Errorf("Error() = %q, want it to contain %q", err.Error(), tc.wantInError)
			}
		})
	}
}

func TestListModels_missingAPIKeySendsNothing(t *testing.T) {
	t.Parallel()
	for _, scheme := range []megallm.AuthScheme{megallm.AuthBearer, megallm.AuthXAPIKey} {
		server := mockapi.NewTestServer(t, testKey)
		client, err := megallm.New(megallm.Config{BaseURL: server.URL(), APIKey: "", AuthScheme: scheme})
		if err != nil {
			t.Fatalf("New with an empty key: %v (the key is only checked when needed)", err)
		}
		models, _, err := client.ListModels(context.Background())
		if !errors.Is(err, megallm.ErrMissingAPIKey) {
			t.Errorf("%s: err = %v, want ErrMissingAPIKey", scheme, err)
		}
		if models != nil {
			t.Errorf("%s: models = %v, want nil", scheme, models)
		}
		if n := server.RequestCount(); n != 0 {
			t.Errorf("%s: server saw %d requests, want 0", scheme, n)
		}
	}
}

func TestListModels_contextAlreadyCancelled(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := client.ListModels(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	assertNoKey(t, err, testKey)
}

func TestListModels_contextCancelledWhileWaiting(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.SetLatency(time.Minute)
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, _, err := client.ListModels(ctx)
		done <- err
	}()
	waitFor(t, func() bool { return server.RequestCount() == 1 })
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		assertNoKey(t, err, testKey)
	case <-time.After(5 * time.Second):
		t.Fatal("ListModels did not return within 5s of the context being cancelled")
	}
}

func TestListModels_connectionRefused(t *testing.T) {
	t.Parallel()
	client := newClient(t, megallm.Config{BaseURL: closedPortURL(t), APIKey: testKey})
	_, _, err := client.ListModels(context.Background())
	if err == nil {
		t.Fatal("ListModels to a closed port succeeded")
	}
	var apiErr *megallm.APIError
	var respErr *megallm.ResponseError
	if errors.As(err, &apiErr) || errors.As(err, &respErr) {
		t.Errorf("err = %T, want a transport error, not an API or response error", err)
	}
	var opErr *net.OpError
	if !errors.As(err, &opErr) || opErr.Op != "dial" {
		t.Errorf("err = %v, want a dial error", err)
	}
}

// TestListModels_errorsNeverContainTheKey drives every error path with both
// auth schemes and checks that no error message carries the key.
func TestListModels_errorsNeverContainTheKey(t *testing.T) {
	t.Parallel()
	type setup func(t *testing.T) (baseURL, key string, timeout time.Duration)
	withFault := func(f mockapi.Fault) setup {
		return func(t *testing.T) (string, string, time.Duration) {
			server := mockapi.NewTestServer(t, testKey)
			server.InjectFaults(f)
			return server.URL(), testKey, 0
		}
	}
	paths := []struct {
		name  string
		setup setup
	}{
		{"401 wrong key", func(t *testing.T) (string, string, time.Duration) {
			return mockapi.NewTestServer(t, testKey).URL(), "test-wrong-key-not-a-secret-789", 0
		}},
		{"500", withFault(mockapi.ServerError())},
		{"502 html", withFault(mockapi.HTMLPage(http.StatusBadGateway))},
		{"429", withFault(mockapi.RateLimited("30"))},
		{"malformed json", withFault(mockapi.MalformedJSON())},
		{"timeout", func(t *testing.T) (string, string, time.Duration) {
			server := mockapi.NewTestServer(t, testKey)
			server.SetLatency(time.Minute)
			return server.URL(), testKey, 50 * time.Millisecond
		}},
		{"connection refused", func(t *testing.T) (string, string, time.Duration) {
			return closedPortURL(t), testKey, 0
		}},
		{"key not valid in a header", func(t *testing.T) (string, string, time.Duration) {
			return mockapi.NewTestServer(t, testKey).URL(), testKey + "\n", 0
		}},
		{"key in base_url's path, 404", func(t *testing.T) (string, string, time.Duration) {
			return mockapi.NewTestServer(t, testKey).URL() + "/" + testKey, testKey, 0
		}},
		{"key in base_url's path, refused", func(t *testing.T) (string, string, time.Duration) {
			return closedPortURL(t) + "/" + strings.ToUpper(testKey), testKey, 0
		}},
	}
	for _, scheme := range []megallm.AuthScheme{megallm.AuthBearer, megallm.AuthXAPIKey} {
		for _, p := range paths {
			t.Run(string(scheme)+"/"+p.name, func(t *testing.T) {
				t.Parallel()
				baseURL, key, timeout := p.setup(t)
				client := newClient(t, megallm.Config{BaseURL: baseURL, APIKey: key, AuthScheme: scheme, Timeout: timeout})
				_, _, err := client.ListModels(context.Background())
				assertNoKey(t, err, strings.TrimSpace(key))
				assertNoKey(t, errors.New(strings.ToLower(client.ModelsURL())), strings.TrimSpace(key))
			})
		}
	}
}

// TestParseBaseURL_query: a query or fragment is refused, an empty one too,
// and the error quotes the URL without it, as a query may hold the key.
func TestParseBaseURL_query(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"https://ai.megallm.io/v1?region=eu":          `"https://ai.megallm.io/v1?***" must not have a query or fragment: remove it`,
		"https://ai.megallm.io/v1#models":             `"https://ai.megallm.io/v1#***" must not have a query or fragment: remove it`,
		"https://ai.megallm.io/v1#":                   `"https://ai.megallm.io/v1#" must not have a query or fragment: remove it`,
		"https://ai.megallm.io/v1?":                   `"https://ai.megallm.io/v1?" must not have a query or fragment: remove it`,
		"https://ai.megallm.io/v1?key=" + testKey:     `"https://ai.megallm.io/v1?***" must not have a query or fragment: remove it (a query that holds the API key goes in api_key instead)`,
		"https://u:" + testKey + "@ai.megallm.io/v1?": `"https://***@ai.megallm.io/v1?" must not hold a user name or password`,
		// A password with an unencoded "#" or "?" is no URL, and shows no part of it.
		"https://u:" + testKey[:8] + "#" + testKey[8:] + "@ai.megallm.io/v1": `"https://***@ai.megallm.io/v1" is not a URL`,
		"https://u:" + testKey[:8] + "?" + testKey[8:] + "@ai.megallm.io/v1": `"https://***@ai.megallm.io/v1" is not a URL`,
	} {
		_, err := megallm.ParseBaseURL(raw)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseBaseURL of a URL with a query: err = %v, want it to start %s", megallm.KeyScrubber(testKey)(fmt.Sprint(err)), want)
		}
		assertNoKey(t, err, testKey[:8])
	}
}

// TestParseBaseURL_credentials: a user name or password in the URL is
// refused (the key would be sent twice), and the error does not quote it.
func TestParseBaseURL_credentials(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{
		"https://user:hunter2-not-a-secret@ai.megallm.io/v1",
		"https://hunter2-not-a-secret@ai.megallm.io/v1",
		"https://user:hunter2-not-a-secret@ai.megallm.io/v1 ",
		"http://:hunter2-not-a-secret@127.0.0.1:8080/v1",
		// without the scheme too, where the error is the missing scheme
		"user:hunter2-not-a-secret@ai.megallm.io/v1",
		"hunter2-not-a-secret@127.0.0.1:8080",
		// and with it mistyped
		"https//user:hunter2-not-a-secret@ai.megallm.io/v1",
		"https:/user:hunter2-not-a-secret@ai.megallm.io/v1",
	} {
		_, err := megallm.ParseBaseURL(raw)
		if err == nil {
			t.Errorf("ParseBaseURL accepted a URL with credentials: %q", strings.ReplaceAll(raw, "hunter2-not-a-secret", "<PASSWORD>"))
			continue
		}
		if strings.Contains(err.Error(), "hunter2-not-a-secret") {
			t.Errorf("the error quotes the password: %q", strings.ReplaceAll(err.Error(), "hunter2-not-a-secret", "<PASSWORD>"))
		}
		if !strings.Contains(err.Error(), "***@") {
			t.Errorf("the error %q does not quote the URL with its credentials as ***", err)
		}
	}
	_, err := megallm.ParseBaseURL("https://user:hunter2-not-a-secret@ai.megallm.io/v1")
	if !errors.Is(err, megallm.ErrCredentialsInBaseURL) || err.Error() != `"https://***@ai.megallm.io/v1" must not hold a user name or password` {
		t.Errorf("err = %v, want ErrCredentialsInBaseURL quoting the URL without its credentials", err)
	}
}

func TestParseBaseURL(t *testing.T) {
	t.Parallel()
	accepted := []struct {
		raw  string
		want string
	}{
		{"https://ai.megallm.io/v1", "https://ai.megallm.io/v1"},
		{"https://ai.megallm.io/v1/", "https://ai.megallm.io/v1"},
		{"https://ai.megallm.io/v1///", "https://ai.megallm.io/v1"},
		{"http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080"},
		{"https://gateway.example.com/megallm/api/v1", "https://gateway.example.com/megallm/api/v1"},
		{"HTTPS://ai.megallm.io/v1", "https://ai.megallm.io/v1"},
		{"http://127.0.0.1:1/v1", "http://127.0.0.1:1/v1"},
		{"https://ai.megallm.io:65535/v1", "https://ai.megallm.io:65535/v1"},
		{"http://[::1]:8080/v1", "http://[::1]:8080/v1"},
		{"http://[::1%25lo]:8080/v1", "http://[::1%25lo]:8080/v1"},
		{"http://[::ffff:127.0.0.1]:8080/v1", "http://[::ffff:127.0.0.1]:8080/v1"},
	}
	for _, tc := range accepted {
		u, err := megallm.ParseBaseURL(tc.raw)
		if err != nil {
			t.Errorf("ParseBaseURL(%q) error: %v", tc.raw, err)
			continue
		}
		if u.String() != tc.want {
			t.Errorf("ParseBaseURL(%q) = %q, want %q", tc.raw, u.String(), tc.want)
		}
	}

	rejected := []struct {
		raw         string
		wantInError string
	}{
		{"", "must start with https:// or http://"},
		{"ftp://x", "must start with https:// or http://"},
		{"file:///etc/passwd", "must start with https:// or http://"},
		{"ai.megallm.io/v1", "must start with https:// or http://"},
		{"//ai.megallm.io/v1", "must start with https:// or http://"},
		{"127.0.0.1:8080/v1", "must start with https:// or http://"},
		{"http://", "has no host"},
		{"https:///v1", "has no host"},
		{"http://[::1", "is not a URL"},
		{"https://ai.megallm.io:port/v1", "is not a URL"},
		{" https://ai.megallm.io/v1", "has white space in it: remove it"},
		{"https://ai.megallm.io/v1 ", "has white space in it: remove it"},
		{"https://ai.megallm.io/v1\n", "has white space in it: remove it"},
		{"https://ai.megallm.io/my api/v1", "has white space in it: remove it"},
		{"\ufeffhttps://ai.megallm.io/v1", "has an invisible character (U+FEFF) in it"},
		{"https://ai.megallm\u200b.io/v1", "has an invisible character (U+200B) in it"},
		{`"https://ai.megallm.io/v1"`, "is written in quotes, which here are part of the value"},
		{`'https://ai.megallm.io/v1'`, "is written in quotes, which here are part of the value"},
		{"http://:8080/v1", "has no host"},
		{"http://127.0.0.1:99999/v1", `has port "99999": a port must be a number from 1 to 65535`},
		{"http://127.0.0.1:0/v1", `has port "0": a port must be a number from 1 to 65535`},
		{"http://127.0.0.1:/v1", `has port "": a port must be a number from 1 to 65535`},
		{"http://[::1]:65536/v1", `has port "65536": a port must be a number from 1 to 65535`},
	}
	for _, tc := range rejected {
		u, err := megallm.ParseBaseURL(tc.raw)
		if err == nil {
			t.Errorf("ParseBaseURL(%q) = %q, want an error", tc.raw, u)
			continue
		}
		if !strings.Contains(err.Error(), tc.wantInError) {
			t.Errorf("ParseBaseURL(%q) error %q does not contain %q", tc.raw, err, tc.wantInError)
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("%q", tc.raw)) {
			t.Errorf("ParseBaseURL(%q) error %q does not quote the input", tc.raw, err)
		}
	}

	// A pasted or generated URL is quoted as every value is: cut, with its length.
	long := "ftp://" + strings.Repeat("h", 300)
	_, err := megallm.ParseBaseURL(long)
	if want := `"ftp://` + strings.Repeat("h", 58) + `"… (306 characters) must start with https:// or http://`; err == nil || err.Error() != want {
		t.Errorf("ParseBaseURL(<306 characters>) error %v, want %s", err, want)
	}
	_, err = megallm.ParseBaseURL("http://127.0.0.1:" + strings.Repeat("9", 100) + "/v1")
	if err == nil || strings.Contains(err.Error(), strings.Repeat("9", 65)) {
		t.Errorf("a 100-digit port is quoted in full: %v", err)
	}
}

func TestNew(t *testing.T) {
	t.Parallel()
	for _, scheme := range []megallm.AuthScheme{"basic", "Bearer", "X-API-KEY", "apikey"} {
		client, err := megallm.New(megallm.Config{BaseURL: megallm.DefaultBaseURL, APIKey: testKey, AuthScheme: scheme})
		if err == nil {
			t.Errorf("New accepted auth scheme %q", scheme)
			continue
		}
		if client != nil {
			t.Errorf("New(%q) returned a client alongside the error", scheme)
		}
		want := fmt.Sprintf("unknown auth scheme %q: use one of bearer, x-api-key", scheme)
		if err.Error() != want {
			t.Errorf("New(%q) error = %q, want %q", scheme, err, want)
		}
	}

	if client, err := megallm.New(megallm.Config{BaseURL: "ai.megallm.io/v1", APIKey: testKey}); err == nil || client != nil {
		t.Errorf("New with a base URL without scheme = %v, %v; want nil, error", client, err)
	}

	client, err := megallm.New(megallm.Config{BaseURL: megallm.DefaultBaseURL})
	if err != nil {
		t.Fatalf("New with the default base URL and no key: %v", err)
	}
	if got := client.ModelsURL(); got != "https://ai.megallm.io/v1/models" {
		t.Errorf("ModelsURL() = %q, want https://ai.megallm.io/v1/models", got)
	}
}

func TestAuthSchemeNames(t *testing.T) {
	t.Parallel()
	got := megallm.AuthSchemeNames()
	if len(got) != 2 || got[0] != "bearer" || got[1] != "x-api-key" {
		t.Errorf("AuthSchemeNames() = %q, want [bearer x-api-key] with the default first", got)
	}
}

// TestCancel_whileReadingTheAnswer: a context cancelled after the headers
// came, while the body is still arriving, is reported as cancelled too, not
// as a malformed answer.
func TestCancel_whileReadingTheAnswer(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.SlowBody(time.Minute))
	headers := make(chan struct{})
	cfg := megallm.Config{BaseURL: server.URL(), APIKey: testKey, Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(req)
		close(headers)
		return resp, err
	})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, _, err := newClient(t, cfg).ListModels(ctx)
		done <- err
	}()
	<-headers
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want errors.Is(err, context.Canceled)", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ListModels kept reading after its context was cancelled")
	}
}

// TestListModels_serverTextBounded: what a server chooses to send, an error
// message, type or code, or where it redirects, is quoted on one line and
// cut, however long it is: it cannot flood the plan or forge a line of it.
func TestListModels_serverTextBounded(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("m", 5000) + "\n\nError: forged\x1b[31m"
	body, _ := json.Marshal(map[string]any{"error": map[string]string{"message": long, "type": long, "code": long}})
	rec := newRecorder(t, http.StatusInternalServerError, "application/json", string(body))
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.Redirect(http.StatusFound, rec.URL+"/"+strings.Repeat("p", 5000)))
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey})
	_, _, err := client.ListModels(context.Background())
	var apiErr *megallm.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v (%T), want *megallm.APIError", err, err)
	}
	for name, text := range map[string]string{"Message": apiErr.Message, "Type": apiErr.Type, "Code": apiErr.Code, "FinalURL": apiErr.FinalURL} {
		if len(text) > 250 || strings.ContainsAny(text, "\n\x1b") || text == "" {
			t.Errorf("%s is %d bytes (%.40q…), want a non-empty line of at most 250", name, len(text), text)
		}
	}
	if want := fmt.Sprintf("… (%d characters)", len(rec.URL)+5001); !strings.HasPrefix(apiErr.FinalURL, rec.URL) || !strings.HasSuffix(apiErr.FinalURL, want) {
		t.Errorf("FinalURL = %.100q…, want %s cut, ending in %q", apiErr.FinalURL, rec.URL, want)
	}
}

// TestListModels_transportErrorBoundsRedirectTarget: Go's transport error
// quotes the URL it could not reach; when a redirect chose it, it is cut.
func TestListModels_transportErrorBoundsRedirectTarget(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.Redirect(http.StatusFound, closedPortURL(t)+"/"+strings.Repeat("p", 5000)))
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey})
	_, _, err := client.ListModels(context.Background())
	if err == nil || len(err.Error()) > 400 || !strings.Contains(err.Error(), " characters)") {
		t.Fatalf("err is %d bytes, want the redirect target cut: %.300v", len(fmt.Sprint(err)), err)
	}
}

// TestListModels_transportErrorBounded: Go's transport error quotes a
// malformed header line whole, megabytes of it if a server sends them; the
// error keeps its start, without the key, and says how long it was.
func TestListModels_transportErrorBounded(t *testing.T) {
	t.Parallel()
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Debug", "you sent "+r.Header.Get("Authorization")+strings.Repeat(" y", 1<<19)+"\x01")
	}))
	t.Cleanup(server.Close)
	_, _, err := newClient(t, megallm.Config{BaseURL: server.URL + "/v1", APIKey: testKey}).ListModels(context.Background())
	assertNoKey(t, err, testKey)
	if msg := err.Error(); len(msg) > 600 || !strings.Contains(msg, "malformed MIME header line") || !strings.HasSuffix(msg, " characters)") {
		t.Errorf("err is %d bytes, want a malformed header line cut, with its length: %.300s", len(msg), msg)
	}
}

// A client's connections are its own: closing http.DefaultTransport's idle
// connections, as every httptest.Server.Close does, leaves them open, so a
// request between a redirect and its next hop cannot fail with "http:
// CloseIdleConnections called" (as it once did under parallel tests).
func TestListModels_connectionsOutliveTheDefaultTransports(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	opened := 0
	server := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"object":"list","data":[]}`)
	}))
	server.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			mu.Lock()
			opened++
			mu.Unlock()
		}
	}
	server.Start()
	t.Cleanup(server.Close)
	client := newClient(t, megallm.Config{BaseURL: server.URL + "/v1", APIKey: testKey})
	for range 2 {
		if _, _, err := client.ListModels(context.Background()); err != nil {
			t.Fatal(err)
		}
		http.DefaultClient.CloseIdleConnections() // its transport is http.DefaultTransport
	}
	mu.Lock()
	defer mu.Unlock()
	if opened != 1 {
		t.Errorf("two requests opened %d connections, want 1: closing the default transport's idle connections closed the client's", opened)
	}
}
