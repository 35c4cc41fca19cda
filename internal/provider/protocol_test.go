package provider

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// protocolServer is one provider instance served in-process at the plugin
// protocol level, as Terraform drives it over gRPC without the gRPC: one
// instance is one provider process, with one shared catalog. Tests use it to
// check what happens across reads of a single process; benchmarks use it to
// measure one read end to end inside the provider (decoding the config,
// looking up, building and encoding the state).
type protocolServer struct {
	server      tfprotov6.ProviderServer
	dataSources map[string]tftypes.Object
}

// newProtocolServer starts a provider instance and configures it against the
// mock with the given extra provider arguments (such as max_retries); every
// other argument is null.
func newProtocolServer(tb testing.TB, mock *mockapi.Server, args map[string]tftypes.Value) *protocolServer {
	tb.Helper()
	ctx := context.Background()
	server, _ := newTestProviderServer() // its clock stopped at testNow, which day() counts from
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || diagnosticsError(schemas.Diagnostics) != "" {
		tb.Fatalf("GetProviderSchema: %v %s", err, diagnosticsError(schemas.Diagnostics))
	}
	p := &protocolServer{server: server, dataSources: map[string]tftypes.Object{}}
	for name, s := range schemas.DataSourceSchemas {
		p.dataSources[name] = objectType(tb, s.ValueType())
	}

	values := map[string]tftypes.Value{
		"base_url": tftypes.NewValue(tftypes.String, mock.URL()),
		"api_key":  tftypes.NewValue(tftypes.String, mockapi.DefaultAPIKey),
	}
	for name, v := range args {
		values[name] = v
	}
	config := objectValue(tb, objectType(tb, schemas.Provider.ValueType()), values)
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.11.0",
		Config:           dynamicValue(tb, config),
	})
	if err != nil || diagnosticsError(resp.Diagnostics) != "" {
		tb.Fatalf("ConfigureProvider: %v %s", err, diagnosticsError(resp.Diagnostics))
	}
	return p
}

// config is the configuration of a data source of this type: the given
// attributes, every other one null, as Terraform sends it to ReadDataSource.
func (p *protocolServer) config(tb testing.TB, typeName string, values map[string]tftypes.Value) *tfprotov6.DynamicValue {
	tb.Helper()
	typ, ok := p.dataSources[typeName]
	if !ok {
		tb.Fatalf("no data source %s", typeName)
	}
	return dynamicValue(tb, objectValue(tb, typ, values))
}

// read reads a data source with the given configuration. It returns the new
// state, or the text of the error diagnostics (or of a protocol error). It
// does not stop the test, so that goroutines may call it.
func (p *protocolServer) read(typeName string, config *tfprotov6.DynamicValue) (tftypes.Value, string) {
	return p.readContext(context.Background(), typeName, config)
}

// readContext is read under ctx, as Terraform cancels it when interrupted.
func (p *protocolServer) readContext(ctx context.Context, typeName string, config *tfprotov6.DynamicValue) (tftypes.Value, string) {
	resp, err := p.server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: config})
	if err != nil {
		return tftypes.Value{}, "ReadDataSource: " + err.Error()
	}
	if msg := diagnosticsError(resp.Diagnostics); msg != "" {
		return tftypes.Value{}, msg
	}
	state, err := resp.State.Unmarshal(p.dataSources[typeName])
	if err != nil {
		return tftypes.Value{}, "decoding the state: " + err.Error()
	}
	return state, ""
}

// readWarnings reads a data source, failing on an error, and returns the new
// state and the text of its warnings, one "summary: detail" each, prefixed
// with "path: " for a warning on an attribute.
func (p *protocolServer) readWarnings(tb testing.TB, typeName string, config *tfprotov6.DynamicValue) (tftypes.Value, []string) {
	tb.Helper()
	resp, err := p.server.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: config})
	if err != nil || diagnosticsError(resp.Diagnostics) != "" {
		tb.Fatalf("ReadDataSource: %v %s", err, diagnosticsError(resp.Diagnostics))
	}
	var texts []string
	for _, d := range resp.Diagnostics {
		if d.Severity != tfprotov6.DiagnosticSeverityWarning {
			continue
		}
		text := d.Summary + ": " + d.Detail
		if d.Attribute != nil {
			text = d.Attribute.String() + ": " + text
		}
		texts = append(texts, text)
	}
	state, err := resp.State.Unmarshal(p.dataSources[typeName])
	if err != nil {
		tb.Fatalf("decoding the state: %v", err)
	}
	return state, texts
}

// objectType is typ, which must be an object type, such as a schema's.
func objectType(tb testing.TB, typ tftypes.Type) tftypes.Object {
	tb.Helper()
	object, ok := typ.(tftypes.Object)
	if !ok {
		tb.Fatalf("%s is not an object type", typ)
	}
	return object
}

// objectValue is an object of type typ with the given attributes, the others null.
func objectValue(tb testing.TB, typ tftypes.Object, values map[string]tftypes.Value) tftypes.Value {
	tb.Helper()
	attrs := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, t := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(t, nil)
	}
	for name, v := range values {
		if _, ok := attrs[name]; !ok {
			tb.Fatalf("%s has no attribute %q", typ, name)
		}
		attrs[name] = v
	}
	return tftypes.NewValue(typ, attrs)
}

func dynamicValue(tb testing.TB, v tftypes.Value) *tfprotov6.DynamicValue {
	tb.Helper()
	dv, err := tfprotov6.NewDynamicValue(v.Type(), v)
	if err != nil {
		tb.Fatal(err)
	}
	return &dv
}

// stringAttr is the string attribute name of an object value, "" when null.
func stringAttr(tb testing.TB, v tftypes.Value, name string) string {
	tb.Helper()
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		tb.Fatal(err)
	}
	var s *string
	if err := attrs[name].As(&s); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	if s == nil {
		return ""
	}
	return *s
}

// diagnosticsError joins the summaries and details of the error diagnostics.
func diagnosticsError(diags []*tfprotov6.Diagnostic) string {
	var msgs []string
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			msgs = append(msgs, d.Summary+": "+d.Detail)
		}
	}
	return strings.Join(msgs, "\n")
}

func number(n int64) tftypes.Value {
	return tftypes.NewValue(tftypes.Number, new(big.Float).SetInt64(n))
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

// candidatesConfig is the configuration of a megallm_model choosing from these ids.
func candidatesConfig(ids ...string) map[string]tftypes.Value {
	elements := make([]tftypes.Value, len(ids))
	for i, id := range ids {
		elements[i] = str(id)
	}
	return map[string]tftypes.Value{"candidates": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, elements)}
}

// object is an object value of these attributes, typed as they are, as an
// object literal given to a dynamic argument (policy) arrives.
func object(attributes map[string]tftypes.Value) tftypes.Value {
	types := make(map[string]tftypes.Type, len(attributes))
	for name, v := range attributes {
		types[name] = v.Type()
	}
	return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, attributes)
}

// modelConfig is the configuration of a megallm_model reading id.
func (p *protocolServer) modelConfig(tb testing.TB, id string) *tfprotov6.DynamicValue {
	tb.Helper()
	return p.config(tb, "megallm_model", map[string]tftypes.Value{"id": str(id)})
}
