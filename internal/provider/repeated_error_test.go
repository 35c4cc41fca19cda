package provider

import (
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestSharedCatalog_repeatedErrorNamesFirstReader: a read after a failed
// fetch names the data source that has the error in full by what it reads,
// as the framework tells no address: megallm_models by its type, megallm_model
// by the first of its candidates.
func TestSharedCatalog_repeatedErrorNamesFirstReader(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typeName string
		values   map[string]tftypes.Value
		named    string
	}{
		{"megallm_models", map[string]tftypes.Value{"type": str("chat")}, `the megallm_models data source with type = "chat"`},
		{"megallm_models", nil, `the megallm_models data source,`},
		{"megallm_model", map[string]tftypes.Value{"candidates": tftypes.NewValue(
			tftypes.Tuple{ElementTypes: []tftypes.Type{tftypes.String, tftypes.String}},
			[]tftypes.Value{str("gpt-4o"), str("gpt-4.1")})}, `the megallm_model data source whose candidates start with "gpt-4o"`},
	} {
		mock := mockapi.NewTestServer(t, "")
		mock.InjectFaults(mockapi.ServerError())
		p := newProtocolServer(t, mock, map[string]tftypes.Value{"max_retries": number(0)})
		if _, errText := p.read(tc.typeName, p.config(t, tc.typeName, tc.values)); !isFull(errText) {
			t.Fatalf("first read: error %q, want the API's 500 in full", errText)
		}
		_, errText := p.read("megallm_model", p.modelConfig(t, "gpt-4o-mini"))
		if want := "The same error is shown in full, with how to fix it, on " + tc.named; !strings.Contains(errText, want) {
			t.Errorf("later read: error %q, want it to say %q", errText, want)
		}
	}
}

// TestSharedCatalog_repeatedErrorOfALikeReader: a read described as the
// first one is (another instance of a block with count, or a block like it)
// is not pointed at itself, and has the cause, as a check block's data source
// shows the full error as a warning.
func TestSharedCatalog_repeatedErrorOfALikeReader(t *testing.T) {
	t.Parallel()
	mock := mockapi.NewTestServer(t, "")
	mock.InjectFaults(mockapi.ServerError())
	p := newProtocolServer(t, mock, map[string]tftypes.Value{"max_retries": number(0)})
	if _, errText := p.read("megallm_model", p.modelConfig(t, "gpt-4o")); !isFull(errText) {
		t.Fatalf("first read: error %q, want the API's 500 in full", errText)
	}
	_, errText := p.read("megallm_model", p.modelConfig(t, "gpt-4o"))
	for _, want := range []string{
		"HTTP 500 Internal Server Error. The same error",
		`on another data source like this one (the megallm_model data source with id = "gpt-4o"), the first to read`,
	} {
		if !strings.Contains(errText, want) {
			t.Errorf("later read: error %q, want it to say %q", errText, want)
		}
	}
}

// TestSharedCatalog_repeatedResponseError: a later read of a catalog whose
// answer is no model list says the request, its status and that, in one line,
// without what the server sent (causeLine), which the first read shows in full
// with how to fix it, as the later read says.
func TestSharedCatalog_repeatedResponseError(t *testing.T) {
	t.Parallel()
	mock := mockapi.NewTestServer(t, "")
	mock.InjectFaults(mockapi.Fault{Status: http.StatusOK, ContentType: "application/json", Body: `{"object":"catalog"}`})
	p := newProtocolServer(t, mock, nil)
	request := "GET " + mock.URL() + "/models: HTTP 200 OK"
	_, first := p.read("megallm_models", p.config(t, "megallm_models", nil))
	if want := "Unexpected response from the MegaLLM API: " + request + `: the response is not a MegaLLM model list: it has ` +
		`no "data" array; response body starts with "{\"object\":\"catalog\"}".` + "\n\nCheck that base_url points at the " +
		"MegaLLM API and not at a proxy or a web page."; first != want {
		t.Fatalf("first read: error\n%s\nwant it in full\n%s", first, want)
	}
	_, later := p.read("megallm_model", p.modelConfig(t, "gpt-4o"))
	if want := "Unexpected response from the MegaLLM API: The catalog could not be read: " + request + ": the response is " +
		"not a MegaLLM model list. The same error is shown in full, with how to fix it, on the megallm_models data source, " +
		"the first to read the catalog in this plan. The provider makes no further requests for it within this plan; the " +
		"next plan tries again."; later != want {
		t.Errorf("later read: error\n%s\nwant\n%s", later, want)
	}
	if n := mock.RequestCount(); n != 1 {
		t.Errorf("%d requests, want 1: the later read reuses the failed fetch", n)
	}
}
