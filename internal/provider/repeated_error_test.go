package provider

import (
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
