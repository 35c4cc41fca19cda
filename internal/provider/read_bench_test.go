package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// benchProvider is a provider instance configured against a mock that
// serves a synthetic catalog of n models (the built-in one when n is 0) and
// then extra, with the catalog already fetched, so that a benchmark measures
// reads alone.
func benchProvider(b *testing.B, n int, extra ...json.RawMessage) *protocolServer {
	b.Helper()
	mock := mockapi.NewTestServer(b, "")
	if n > 0 {
		mock.SetModels(append(mockapi.SyntheticModels(n), extra...)...)
	}
	p := newProtocolServer(b, mock, nil)
	warmUp := p.config(b, "megallm_models", map[string]tftypes.Value{"type": str("embedding")})
	if _, errText := p.read("megallm_models", warmUp); errText != "" {
		b.Fatal(errText)
	}
	return p
}

// benchRead reads one data source configuration b.N times, checking that it
// succeeds but leaving the state encoded, as the provider sends it.
func benchRead(b *testing.B, p *protocolServer, typeName string, config *tfprotov6.DynamicValue) {
	b.Helper()
	if _, errText := p.read(typeName, config); errText != "" {
		b.Fatal(errText)
	}
	ctx := context.Background()
	req := &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: config}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := p.server.ReadDataSource(ctx, req)
		if err != nil || len(resp.Diagnostics) > 0 {
			b.Fatalf("ReadDataSource: %v %s", err, diagnosticsError(resp.Diagnostics))
		}
	}
}

// BenchmarkReadModel is one megallm_model read end to end inside the provider,
// through the plugin protocol: decoding the msgpack config, reading the
// arguments, the lookup, checking requirements, building the state value,
// the framework's checks and encoding the state. The catalog is already
// fetched.
func BenchmarkReadModel(b *testing.B) {
	p := benchProvider(b, 0)
	b.Run("require=none", func(b *testing.B) {
		benchRead(b, p, "megallm_model", p.modelConfig(b, "gpt-4o"))
	})
	b.Run("require=set", func(b *testing.B) {
		// require is dynamic: Terraform sends the object literal as written.
		require := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{
			"supports_vision": tftypes.Bool, "min_context_length": tftypes.Number,
		}}, map[string]tftypes.Value{
			"supports_vision":    tftypes.NewValue(tftypes.Bool, true),
			"min_context_length": number(128000),
		})
		benchRead(b, p, "megallm_model", p.config(b, "megallm_model", map[string]tftypes.Value{"id": str("gpt-4o"), "require": require}))
	})
	b.Run("catalog=10000", func(b *testing.B) {
		// As in make bench's plans: the catalog held in memory makes every
		// collection dearer, so a read costs by what it allocates too.
		p := benchProvider(b, 10000)
		benchRead(b, p, "megallm_model", p.modelConfig(b, mockapi.SyntheticModelID(0)))
	})
}

// BenchmarkReadDeprecatedModel is a megallm_model read of a deprecated model
// without a successor in a catalog of 10,000 synthetic models, as every
// block of a plan that reads it makes one: the first read warns, with the
// usable ids closest to it, which every later read would give again and the
// plan shows once.
func BenchmarkReadDeprecatedModel(b *testing.B) {
	id := mockapi.SyntheticModelID(10000)
	p := benchProvider(b, 10000, json.RawMessage(`{"id":"`+id+`","deprecated_at":"2020-01-01"}`))
	benchRead(b, p, "megallm_model", p.modelConfig(b, id))
}

// BenchmarkFirstRead is the fixed cost of a plan inside the provider: a new
// provider's schema and configuration, then one megallm_model read, which
// fetches, decodes and indexes a 10,000-model catalog from the mock (no
// latency).
func BenchmarkFirstRead(b *testing.B) {
	mock := mockapi.NewTestServer(b, "")
	mock.SetModels(mockapi.SyntheticModels(10000)...)
	b.ReportAllocs()
	for b.Loop() {
		p := newProtocolServer(b, mock, nil)
		if _, errText := p.read("megallm_model", p.modelConfig(b, mockapi.SyntheticModelID(0))); errText != "" {
			b.Fatal(errText)
		}
	}
}

// BenchmarkReadModels is one megallm_models read listing every model of a
// synthetic catalog, end to end inside the provider.
func BenchmarkReadModels(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("models=%d", n), func(b *testing.B) {
			p := benchProvider(b, n)
			benchRead(b, p, "megallm_models", p.config(b, "megallm_models", map[string]tftypes.Value{"sort_by": str("input_cost")}))
		})
	}
}

// BenchmarkValidateModel is the other call Terraform makes for every
// megallm_model block of a plan: validating its configuration (the
// attributes' validators and the data source's), through the plugin protocol.
func BenchmarkValidateModel(b *testing.B) {
	p := benchProvider(b, 0)
	ctx := context.Background()
	req := &tfprotov6.ValidateDataResourceConfigRequest{TypeName: "megallm_model", Config: p.modelConfig(b, "gpt-4o")}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := p.server.ValidateDataResourceConfig(ctx, req)
		if err != nil || len(resp.Diagnostics) > 0 {
			b.Fatalf("ValidateDataResourceConfig: %v %s", err, diagnosticsError(resp.Diagnostics))
		}
	}
}

// BenchmarkReadModelUnknownCandidates is a megallm_model over a catalog of
// 10,000 models: with one candidate the catalog has, and with 2,000 that it
// lacks, each a few edits from its ids, which fails the read with every
// candidate's reason. "Did you mean" is worked out only for the candidates
// the error shows, so the two cost about the same.
func BenchmarkReadModelUnknownCandidates(b *testing.B) {
	p := benchProvider(b, 10000)
	candidates := func(ids ...string) map[string]tftypes.Value {
		values := make([]tftypes.Value, len(ids))
		types := make([]tftypes.Type, len(ids))
		for i, id := range ids {
			values[i], types[i] = str(id), tftypes.String
		}
		return map[string]tftypes.Value{"candidates": tftypes.NewValue(tftypes.Tuple{ElementTypes: types}, values)}
	}
	b.Run("known=1", func(b *testing.B) {
		benchRead(b, p, "megallm_model", p.config(b, "megallm_model", candidates(mockapi.SyntheticModelID(0))))
	})
	b.Run("unknown=2000", func(b *testing.B) {
		unknown := make([]string, 2000)
		for i := range unknown {
			unknown[i] = mockapi.SyntheticModelID(10000 + i) // not in a catalog of 10,000
		}
		ctx := context.Background()
		req := &tfprotov6.ReadDataSourceRequest{TypeName: "megallm_model", Config: p.config(b, "megallm_model", candidates(unknown...))}
		b.ReportAllocs()
		for b.Loop() {
			resp, err := p.server.ReadDataSource(ctx, req)
			if err != nil || !strings.Contains(diagnosticsError(resp.Diagnostics), "No candidate model qualifies") {
				b.Fatalf("ReadDataSource: %v %s", err, diagnosticsError(resp.Diagnostics))
			}
		}
	})
}
