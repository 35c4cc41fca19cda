package provider

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// The data sources first built their state through the framework's
// reflection, from the tfsdk-tagged structs below. They now build it
// directly; these tests check that the state is the same value for every
// model. The benchmarks measure the direct way; git history keeps the
// reflection side that BENCHMARKS.md compares with.

type referenceModelFields struct {
	ID              types.String                 `tfsdk:"id"`
	Type            types.String                 `tfsdk:"type"`
	DisplayName     types.String                 `tfsdk:"display_name"`
	OwnedBy         types.String                 `tfsdk:"owned_by"`
	CreatedAt       types.String                 `tfsdk:"created_at"`
	ContextLength   types.Int64                  `tfsdk:"context_length"`
	MaxOutputTokens types.Int64                  `tfsdk:"max_output_tokens"`
	Capabilities    *referenceCapabilitiesFields `tfsdk:"capabilities"`
	Pricing         *referencePricingFields      `tfsdk:"pricing"`
	Lifecycle       referenceLifecycleFields     `tfsdk:"model_lifecycle"`
}

type referenceLifecycleFields struct {
	Status           types.String `tfsdk:"status"`
	DeprecatedAt     types.String `tfsdk:"deprecated_at"`
	RetiresAt        types.String `tfsdk:"retires_at"`
	Successor        types.String `tfsdk:"successor"`
	DaysToRetirement types.Int64  `tfsdk:"days_to_retirement"`
}

// referenceNow is the time the reference states compute lifecycles for.
var referenceNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

type referenceCapabilitiesFields struct {
	SupportsFunctionCalling  types.Bool `tfsdk:"supports_function_calling"`
	SupportsVision           types.Bool `tfsdk:"supports_vision"`
	SupportsStreaming        types.Bool `tfsdk:"supports_streaming"`
	SupportsStructuredOutput types.Bool `tfsdk:"supports_structured_output"`
}

type referencePricingFields struct {
	InputTokensCostPerMillion  types.Float64 `tfsdk:"input_tokens_cost_per_million"`
	OutputTokensCostPerMillion types.Float64 `tfsdk:"output_tokens_cost_per_million"`
	Currency                   types.String  `tfsdk:"currency"`
}

type referenceModelDataSourceState struct {
	referenceModelFields
	Require    types.Dynamic `tfsdk:"require"`
	Currency   types.String  `tfsdk:"currency"`
	Candidates types.Dynamic `tfsdk:"candidates"`
}

type referenceWorkloadFields struct {
	InputTokens  types.Number `tfsdk:"input_tokens"`
	OutputTokens types.Number `tfsdk:"output_tokens"`
}

type referenceModelsDataSourceState struct {
	Type       types.String           `tfsdk:"type"`
	OwnedBy    []string               `tfsdk:"owned_by"`
	IDRegex    types.String           `tfsdk:"id_regex"`
	Require    types.Dynamic          `tfsdk:"require"`
	SortBy     types.String           `tfsdk:"sort_by"`
	Descending types.Bool             `tfsdk:"descending"`
	Models     []referenceModelFields `tfsdk:"models"`
	IDs        []string               `tfsdk:"ids"`

	CreatedAfter  types.String `tfsdk:"created_after"`
	CreatedBefore types.String `tfsdk:"created_before"`
	ExcludeIDs    []string     `tfsdk:"exclude_ids"`
	Limit         types.Number `tfsdk:"limit"`
	// Arguments and attributes added since, left null here.
	Workload       *referenceWorkloadFields `tfsdk:"workload"`
	Currency       types.String             `tfsdk:"currency"`
	WorkloadCosts  []types.Float64          `tfsdk:"workload_costs"`
	IncludeRetired types.Bool               `tfsdk:"include_retired"`
}

// referenceDate is a date as the state shows it, null for none.
func referenceDate(t *time.Time) types.String {
	if t == nil {
		return types.StringNull()
	}
	return types.StringValue(megallm.FormatDate(*t))
}

func newReferenceModelFields(m *megallm.Model) referenceModelFields {
	l := catalog.LifecycleOf(m, referenceNow)
	f := referenceModelFields{
		Lifecycle: referenceLifecycleFields{
			Status:           types.StringNull(),
			DeprecatedAt:     referenceDate(m.DeprecatedAt),
			RetiresAt:        referenceDate(m.RetiresAt),
			Successor:        types.StringPointerValue(m.Successor),
			DaysToRetirement: types.Int64PointerValue(l.DaysToRetirement),
		},
		ID:              types.StringValue(m.ID),
		Type:            types.StringPointerValue(m.Type),
		DisplayName:     types.StringPointerValue(m.DisplayName),
		OwnedBy:         types.StringPointerValue(m.OwnedBy),
		CreatedAt:       referenceDate(m.CreatedAt),
		ContextLength:   types.Int64PointerValue(m.ContextLength),
		MaxOutputTokens: types.Int64PointerValue(m.MaxOutputTokens),
	}
	if l.Status != "" {
		f.Lifecycle.Status = types.StringValue(string(l.Status))
	}
	if c := m.Capabilities; c != nil {
		f.Capabilities = &referenceCapabilitiesFields{
			SupportsFunctionCalling:  types.BoolPointerValue(c.SupportsFunctionCalling),
			SupportsVision:           types.BoolPointerValue(c.SupportsVision),
			SupportsStreaming:        types.BoolPointerValue(c.SupportsStreaming),
			SupportsStructuredOutput: types.BoolPointerValue(c.SupportsStructuredOutput),
		}
	}
	if p := m.Pricing; p != nil {
		f.Pricing = &referencePricingFields{
			InputTokensCostPerMillion:  types.Float64PointerValue(p.InputTokensCostPerMillion),
			OutputTokensCostPerMillion: types.Float64PointerValue(p.OutputTokensCostPerMillion),
			Currency:                   types.StringPointerValue(p.Currency),
		}
	}
	return f
}

// dataSourceSchema is the schema of a data source.
func dataSourceSchema(tb testing.TB, ds datasource.DataSource) tfsdk.State {
	tb.Helper()
	var resp datasource.SchemaResponse
	ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		tb.Fatal(resp.Diagnostics)
	}
	return tfsdk.State{Schema: resp.Schema}
}

// referenceModelState is the megallm_model state as first built: by reflection.
func referenceModelState(tb testing.TB, empty tfsdk.State, m *megallm.Model, require types.Dynamic) tftypes.Value {
	state := empty
	if diags := state.Set(context.Background(), &referenceModelDataSourceState{
		referenceModelFields: newReferenceModelFields(m), Require: require, Candidates: types.DynamicNull(),
	}); diags.HasError() {
		tb.Fatal(diags)
	}
	return state.Raw
}

// directModelState is the megallm_model state as Read builds it now.
func directModelState(tb testing.TB, empty tfsdk.State, stateType tftypes.Type, m *megallm.Model, require tftypes.Value) tftypes.Value {
	state := empty
	values := modelValues(m, referenceNow)
	values["require"] = require
	values["currency"] = tftypes.NewValue(tftypes.String, nil)
	values["candidates"] = tftypes.NewValue(tftypes.DynamicPseudoType, nil)
	if diags := state.Set(context.Background(), tftypes.NewValue(stateType, values)); diags.HasError() {
		tb.Fatal(diags)
	}
	return state.Raw
}

// referenceModels decodes the synthetic catalog and the built-in one, with
// models that omit each optional object or every field.
func referenceModels(tb testing.TB, synthetic int) []megallm.Model {
	tb.Helper()
	var models []megallm.Model
	for _, body := range [][]byte{mockapi.ListBody(mockapi.SyntheticModels(synthetic)...), mockapi.BuiltinCatalog()} {
		decoded, problems, err := megallm.DecodeModels(bytes.NewReader(body))
		if err != nil || len(problems) > 0 {
			tb.Fatalf("decoding a catalog: %v %v", err, problems)
		}
		models = append(models, decoded...)
	}
	f, zero := 0.0, int64(0)
	deprecated, retires, successor := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), "gpt-4o"
	past := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	return append(models,
		megallm.Model{ID: "deprecated", DeprecatedAt: &deprecated, RetiresAt: &retires, Successor: &successor},
		megallm.Model{ID: "retired", RetiresAt: &past},
		megallm.Model{ID: "successor-only", Successor: &successor},
		megallm.Model{ID: "bare"},
		megallm.Model{ID: "empty-objects", Capabilities: &megallm.Capabilities{}, Pricing: &megallm.Pricing{}},
		megallm.Model{ID: "zeros", ContextLength: &zero, MaxOutputTokens: &zero, Pricing: &megallm.Pricing{InputTokensCostPerMillion: &f}},
	)
}

func TestModelValues_sameStateAsReflection(t *testing.T) {
	t.Parallel()
	empty := dataSourceSchema(t, NewModelDataSource())
	stateType := objectType(t, empty.Schema.Type().TerraformType(context.Background()))
	requireValue := objectValue(t, tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"supports_vision": tftypes.Bool, "min_context_length": tftypes.Number, "max_input_cost_per_million": tftypes.Number,
	}}, map[string]tftypes.Value{
		"supports_vision":            tftypes.NewValue(tftypes.Bool, true),
		"min_context_length":         tftypes.NewValue(tftypes.Number, 128000),
		"max_input_cost_per_million": tftypes.NewValue(tftypes.Number, 2.5),
	})
	requires := []struct {
		dynamic types.Dynamic
		value   tftypes.Value
	}{
		{types.DynamicNull(), tftypes.NewValue(tftypes.DynamicPseudoType, nil)},
		{types.DynamicValue(obj(map[string]attr.Value{
			"supports_vision": types.BoolValue(true), "min_context_length": num(128000), "max_input_cost_per_million": num(2.5),
		})), requireValue},
	}
	models := referenceModels(t, 300)
	for i := range models {
		m := &models[i]
		for _, r := range requires {
			want := referenceModelState(t, empty, m, r.dynamic)
			got := directModelState(t, empty, stateType, m, r.value)
			if !got.Equal(want) {
				t.Fatalf("model %q: state differs from the reflection-built state\n got: %s\nwant: %s", m.ID, got, want)
			}
		}
	}
}

func TestModelObject_sameListAsReflection(t *testing.T) {
	t.Parallel()
	empty := dataSourceSchema(t, NewModelsDataSource())
	stateType := objectType(t, empty.Schema.Type().TerraformType(context.Background()))
	models := referenceModels(t, 300)
	c := catalog.New(models)
	c.Apply(nil, referenceNow)
	selected := c.Select(catalog.Query{SortBy: catalog.SortByInputCost, IncludeRetired: true})

	reference := empty
	state := referenceModelsDataSourceState{
		Type: types.StringNull(), IDRegex: types.StringNull(), Require: types.DynamicNull(), SortBy: types.StringValue("input_cost"), Descending: types.BoolNull(),
		IncludeRetired: types.BoolNull(),
		CreatedAfter:   types.StringNull(), CreatedBefore: types.StringNull(), Limit: types.NumberNull(),
		Models: make([]referenceModelFields, len(selected)), IDs: make([]string, len(selected)),
	}
	for i, m := range selected {
		state.Models[i] = newReferenceModelFields(m)
		state.IDs[i] = m.ID
	}
	if diags := reference.Set(context.Background(), &state); diags.HasError() {
		t.Fatal(diags)
	}

	objects := make([]tftypes.Value, len(selected))
	ids := make([]tftypes.Value, len(selected))
	for i, m := range selected {
		objects[i] = modelObject(m, referenceNow)
		ids[i] = tftypes.NewValue(tftypes.String, m.ID)
	}
	values := map[string]tftypes.Value{
		"sort_by": tftypes.NewValue(tftypes.String, "input_cost"),
		"models":  tftypes.NewValue(stateType.AttributeTypes["models"], objects),
		"ids":     tftypes.NewValue(stateType.AttributeTypes["ids"], ids),
	}
	for name, typ := range stateType.AttributeTypes {
		if _, ok := values[name]; !ok {
			values[name] = tftypes.NewValue(typ, nil)
		}
	}
	if got := tftypes.NewValue(stateType, values); !got.Equal(reference.Raw) {
		t.Fatalf("megallm_models state of %d models differs from the reflection-built state", len(selected))
	}
}

// BenchmarkModelState is building the state of one megallm_model read.
func BenchmarkModelState(b *testing.B) {
	empty := dataSourceSchema(b, NewModelDataSource())
	models := referenceModels(b, 0)
	m := &models[0] // gpt-4o, every field set
	stateType := objectType(b, empty.Schema.Type().TerraformType(context.Background()))
	requireType := stateType.AttributeTypes["require"]
	b.ReportAllocs()
	for b.Loop() {
		_ = directModelState(b, empty, stateType, m, tftypes.NewValue(requireType, nil))
	}
}

// BenchmarkModelsState is building the models list of a megallm_models read
// of n models.
func BenchmarkModelsState(b *testing.B) {
	empty := dataSourceSchema(b, NewModelsDataSource())
	listType := objectType(b, empty.Schema.Type().TerraformType(context.Background())).AttributeTypes["models"]
	for _, n := range []int{100, 10000} {
		models := catalog.New(referenceModels(b, n)[:n]).Select(catalog.Query{})
		b.Run(fmt.Sprintf("models=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				objects := make([]tftypes.Value, len(models))
				for i, m := range models {
					objects[i] = modelObject(m, referenceNow)
				}
				_ = tftypes.NewValue(listType, objects)
			}
		})
	}
}
