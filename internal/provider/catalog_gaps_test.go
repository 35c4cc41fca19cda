package provider

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestModelsDataSource_unreportedFieldsWarn reads through the provider
// server, since plugin-testing does not show warnings: a filter,
// requirement or sort on a field that no model reports warns once, naming
// the argument and the field, instead of an empty or unordered list.
func TestModelsDataSource_unreportedFieldsWarn(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(
		json.RawMessage(`{"id":"a","context_length":8192}`),
		json.RawMessage(`{"id":"b","owned_by":"openai"}`),
	)
	p := newProtocolServer(t, server, nil)
	require := func(attributes map[string]tftypes.Value) tftypes.Value {
		types := map[string]tftypes.Type{}
		for name, v := range attributes {
			types[name] = v.Type()
		}
		return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, attributes)
	}
	where := "No model in the MegaLLM catalog (2 models from " + server.URL() + "/models) reports these fields, which megallm_models reads:\n  - "
	const advice = "\n\nLeave out what reads them, or ask the catalog's maintainers to report them."
	for _, tc := range []struct {
		name   string
		config map[string]tftypes.Value
		want   []string
	}{
		{"created_after", map[string]tftypes.Value{"created_after": str("2024-01-01")}, []string{
			`AttributeName("created_after"): Fields no model reports: ` + where + "created_at: created_after reads it, so it keeps no model" + advice,
		}},
		{"a capability and a price sort", map[string]tftypes.Value{
			"require": require(map[string]tftypes.Value{"supports_vision": tftypes.NewValue(tftypes.Bool, true)}),
			"sort_by": str("input_cost"),
		}, []string{
			"Fields no model reports: " + where + "capabilities.supports_vision: require.supports_vision reads it, so it keeps no model\n  - " +
				`pricing.input_tokens_cost_per_million: sort_by = "input_cost" reads it, so it orders no model (they are listed by id)` + advice,
		}},
		{"reported fields", map[string]tftypes.Value{
			"require": require(map[string]tftypes.Value{"min_context_length": number(1), "not_deprecated": tftypes.NewValue(tftypes.Bool, true)}),
			"sort_by": str("context_length"),
		}, nil},
	} {
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", tc.config)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: warnings\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

// TestModelsDataSource_emptyCatalogWarns: a catalog without models warns,
// saying where it came from, and only that (no word on each filter).
func TestModelsDataSource_emptyCatalogWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels()
	file := filepath.Join(t.TempDir(), "empty.json")
	if err := os.WriteFile(file, []byte(`{"object":"list","data":[]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	config := map[string]tftypes.Value{"type": str("chat"), "created_after": str("2024-01-01")}
	for _, tc := range []struct {
		args map[string]tftypes.Value
		from string
	}{
		{nil, server.URL() + "/models"},
		{map[string]tftypes.Value{"catalog_file": str(file)}, "catalog_file " + megallm.QuotePath(file)},
	} {
		p := newProtocolServer(t, server, tc.args)
		want := []string{"Empty MegaLLM catalog: The MegaLLM catalog from " + tc.from + " has no models at all, so " +
			"megallm_models lists none (and every megallm_model fails). Check that this is the catalog you meant."}
		if _, got := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", config)); !slices.Equal(got, want) {
			t.Errorf("warnings\n%q\nwant\n%q", got, want)
		}
	}
}
