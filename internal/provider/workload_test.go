package provider

import (
	"bytes"
	"encoding/json"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// workloadFixture is a catalog where the cheapest input price is not the
// cheapest workload. For 1.2e9 input and 3e8 output tokens, cheap-input costs
// 1200 × 0.125 + 300 × 20 = 6150 and balanced 1200 × 0.5 + 300 × 1 = 900;
// euro is cheapest of all, but in EUR.
var workloadFixture = []json.RawMessage{
	json.RawMessage(`{"id":"cheap-input","capabilities":{"supports_vision":true},"pricing":{"input_tokens_cost_per_million":0.125,"output_tokens_cost_per_million":20,"currency":"USD"}}`),
	json.RawMessage(`{"id":"balanced","capabilities":{"supports_vision":true},"pricing":{"input_tokens_cost_per_million":0.5,"output_tokens_cost_per_million":1,"currency":"USD"}}`),
	json.RawMessage(`{"id":"euro","capabilities":{"supports_vision":true},"pricing":{"input_tokens_cost_per_million":0.01,"output_tokens_cost_per_million":0.01,"currency":"EUR"}}`),
	json.RawMessage(`{"id":"input-only","pricing":{"input_tokens_cost_per_million":0.01,"currency":"USD"}}`),
	json.RawMessage(`{"id":"unpriced"}`),
}

// TestWorkload_picksAnotherModelThanInputCost is the headline: the
// workload's cost picks balanced where the input price picks cheap-input,
// with the cost exact and equal to what estimate_cost says.
func TestWorkload_picksAnotherModelThanInputCost(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(workloadFixture...)
	functionsTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
locals {
  workload = { input_tokens = 1.2e9, output_tokens = 3e8 }
}
data "megallm_models" "by_input" {
  sort_by = "input_cost"
  require = { supports_vision = true }
}
data "megallm_models" "by_workload" {
  sort_by  = "workload_cost"
  workload = local.workload
  require  = { supports_vision = true }
}
data "megallm_models" "all_by_workload" {
  sort_by    = "workload_cost"
  descending = true
  workload   = local.workload
}
data "megallm_model" "chosen" { id = data.megallm_models.by_workload.ids[0] }
output "agrees_with_estimate_cost" {
  value = data.megallm_models.by_workload.workload_costs[0] == provider::megallm::estimate_cost(data.megallm_model.chosen, 1.2e9, 3e8)
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.by_input", "cheap-input", "balanced", "euro"),
			expectIDs("data.megallm_models.by_workload", "balanced", "cheap-input", "euro"),
			statecheck.ExpectKnownValue("data.megallm_models.by_workload", tfjsonpath.New("workload_costs"),
				knownvalue.ListExact([]knownvalue.Check{
					knownvalue.Float64Exact(900), knownvalue.Float64Exact(6150),
					// In the model's currency, EUR.
					knownvalue.Float64Exact(1200*0.01 + 300*0.01),
				})),
			// Descending: priced in USD first, then EUR, then the models the
			// workload cannot price (input-only lacks an output price).
			expectIDs("data.megallm_models.all_by_workload", "cheap-input", "balanced", "euro", "input-only", "unpriced"),
			statecheck.ExpectKnownValue("data.megallm_models.all_by_workload", tfjsonpath.New("workload_costs").AtSliceIndex(3), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_models.by_input", tfjsonpath.New("workload_costs"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.megallm_model.chosen", tfjsonpath.New("id"), knownvalue.StringExact("balanced")),
			statecheck.ExpectKnownOutputValue("agrees_with_estimate_cost", knownvalue.Bool(true)),
		},
	})
}

// TestWorkload_currency: price requirements and cost sorts apply in the
// data source's currency, USD by default.
func TestWorkload_currency(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(workloadFixture...)
	unitTest(t,
		resource.TestStep{
			Config: providerBlock(server, "") + `
data "megallm_models" "usd" {
  sort_by = "input_cost"
  require = { max_input_cost_per_million = 1 }
}
data "megallm_models" "eur" {
  currency = "EUR"
  sort_by  = "input_cost"
  require  = { max_input_cost_per_million = 1 }
}
data "megallm_models" "eur_sort" {
  currency = "EUR"
  sort_by  = "input_cost"
}
data "megallm_models" "usd_workload_bound" {
  workload = { input_tokens = 1e6, output_tokens = 1e6 }
  require  = { max_workload_cost = 2 }
}
data "megallm_model" "euro" {
  id       = "euro"
  currency = "EUR"
  require  = { max_output_cost_per_million = 0.01 }
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				// euro is the cheapest, but in EUR: it meets no USD bound.
				expectIDs("data.megallm_models.usd", "input-only", "cheap-input", "balanced"),
				expectIDs("data.megallm_models.eur", "euro"),
				// The USD models sort after the EUR one, with the unpriced, by id.
				expectIDs("data.megallm_models.eur_sort", "euro", "balanced", "cheap-input", "input-only", "unpriced"),
				expectIDs("data.megallm_models.usd_workload_bound", "balanced"),
				statecheck.ExpectKnownValue("data.megallm_model.euro", tfjsonpath.New("currency"), knownvalue.StringExact("EUR")),
			},
		},
		resource.TestStep{
			Config: providerBlock(server, "") + `
data "megallm_model" "euro" {
  id      = "euro"
  require = { max_input_cost_per_million = 1 }
}`,
			// The advice works: the first step's euro, with currency = "EUR", plans.
			ExpectError: expectError(`Model "euro" does not meet 1 requirement: - priced in EUR, the requirement is in USD ` +
				`Set currency = "EUR" to compare the prices in it, choose another model`),
		},
		resource.TestStep{
			Config: providerBlock(server, "") + `
data "megallm_model" "euro" {
  candidates = ["euro"]
  require    = { max_input_cost_per_million = 1 }
}`,
			ExpectError: expectError(`"euro" does not meet require: priced in EUR, the requirement is in USD ` +
				`Set currency = "EUR" to compare the prices in it, add a candidate that qualifies, or relax require\.`),
		},
	)
}

func TestWorkload_invalidArguments(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(dataSource, body, expected string) resource.TestStep {
		return errorStep(server, dataSource, body, expected)
	}
	unitTest(t,
		step("megallm_models", `sort_by = "workload_cost"`,
			`Missing workload .* sort_by = "workload_cost" orders by the cost of a workload, and none is set. Set workload = { input_tokens = ..., output_tokens = ... }, or choose another sort_by.`),
		step("megallm_models", `require = { max_workload_cost = 10 }`,
			`Missing workload .* require.max_workload_cost bounds the cost of a workload, and none is set.`),
		step("megallm_model", "id = \"gpt-4o\"\nrequire = { max_workload_cost = 10 }",
			`Workload requirement on megallm_model .* require.max_workload_cost bounds the cost of a workload, which megallm_model does not take.* provider::megallm::estimate_cost\(self, INPUT_TOKENS, OUTPUT_TOKENS\) <= LIMIT`),
		step("megallm_models", `workload = { input_token = 1e9, output_tokens = 1 }`,
			`workload has no attribute "input_token". Did you mean "input_tokens"?`),
		// Shown on the workload line, not on the data source's first line, where Terraform puts workload.input_tokens.
		step("megallm_models", `workload = { input_tokens = -1, output_tokens = 1 }`,
			`Invalid workload .* workload = \{ input_tokens = -1, output_tokens = 1 \} .* `+
				`workload.input_tokens must be 0 or more, got -1\.`),
		step("megallm_models", `workload = { input_tokens = 1, output_tokens = 1e400 }`,
			`workload = \{ input_tokens = 1, output_tokens = 1e400 \} .* `+
				`workload.output_tokens is too large: 1e400 \(at most 1\.7976931348623157e308\)\.`),
		step("megallm_models", `require = { max_workload_cost = -1 }`,
			`require.max_workload_cost must be 0 or more, got -1`),
		step("megallm_models", `require = { max_workload_costs = 1 }`,
			`require has no attribute "max_workload_costs". Did you mean "max_workload_cost"?`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid configuration sent %d requests to the API, want 0", n)
	}
}

// TestWorkload_onlyItsCounts: an attribute a workload does not take fails
// the plan, as Terraform would drop it and price a smaller workload than the
// one written: in a literal, from a variable of type any, and beside a count
// known only after apply. cached_input_tokens is no misspelling of
// input_tokens, so the error says what a workload takes, not to keep one; a
// count that a typo's did-you-mean names is not said to be missing too.
func TestWorkload_onlyItsCounts(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	takes := `Its attributes are "input_tokens" and "output_tokens"\.`
	cached := `Invalid workload .* workload has no attribute "cached_input_tokens"\. ` + takes
	unitTestFrom(t, tfversion.Version1_4_0,
		errorStep(server, "megallm_models", "sort_by = \"workload_cost\"\n"+
			`workload = { input_tokens = 1e6, output_tokens = 1e6, cached_input_tokens = 5e6 }`, cached),
		configErrorStep(server, `
variable "w" {
  type    = any
  default = { input_tokens = 1e6, output_tokens = 1e6, cached_input_tokens = 5e6 }
}
data "megallm_models" "bad" {
  workload = var.w
  require  = { max_workload_cost = 10 }
}`, cached),
		planErrorStep(providerBlock(server, "")+`
resource "terraform_data" "n" { input = 1e6 }
data "megallm_models" "bad" {
  workload = { input_tokens = terraform_data.n.output, output_tokens = 1e6, cached_input_tokens = 5e6 }
}`, cached),
		errorStep(server, "megallm_models", `workload = { input_tokens = 1, output_tokns = 1 }`,
			`workload has no attribute "output_tokns"\. Did you mean "output_tokens"\? `+takes+`\s*$`),
		errorStep(server, "megallm_models", `workload = { input = 1, output = 1 }`,
			`workload has no attribute "input"\. Did you mean "input_tokens"\? `+
				`workload has no attribute "output"\. Did you mean "output_tokens"\? `+takes+`\s*$`),
		errorStep(server, "megallm_models", `workload = { input_tokens = 1, output_tokens = 1, currency = "EUR" }`,
			`workload has no attribute "currency", which belongs beside workload, not in it: move it out of\s+workload\s+=\s+\{ \.\.\. \}\.`),
		errorStep(server, "megallm_models", `workload = { input_tokens = null, output_tokens = 1 }`,
			`Invalid workload .* workload\.input_tokens is missing: set it to a number of tokens`),
		errorStep(server, "megallm_models", `workload = [1e6, 1e6]`,
			`workload must be an object such as { input_tokens = 1\.2e9, output_tokens = 3e8 }, got a list\.`),
		errorStep(server, "megallm_models", `workload = { input_tokens = "1M", output_tokens = 1 }`,
			`workload\.input_tokens must be a number, got a string "1M": write it as the number 1000000, without quotes\.`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid configuration sent %d requests to the API, want 0", n)
	}
}

// TestWorkload_asBefore: what a workload took as a nested object it takes
// still: a count in quotes, as Terraform converts it for a number attribute,
// from a map(string) too, an object-typed variable (null too: no workload),
// and a count known only after apply, which leaves workload_costs unknown.
func TestWorkload_asBefore(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(workloadFixture...)
	costs := knownvalue.ListExact([]knownvalue.Check{knownvalue.Float64Exact(1500), knownvalue.Float64Exact(20125)})
	unitTestFrom(t, tfversion.Version1_4_0,
		resource.TestStep{
			Config: providerBlock(server, "") + `
variable "strings" {
  type    = map(string)
  default = { input_tokens = "1e9", output_tokens = "1e9" }
}
variable "typed" {
  type    = object({ input_tokens = number, output_tokens = number })
  default = { input_tokens = 1e9, output_tokens = 1e9 }
}
variable "none" {
  type    = object({ input_tokens = number, output_tokens = number })
  default = null
}
data "megallm_models" "quoted" {
  workload = { input_tokens = "1e9", output_tokens = 1e9 }
  sort_by  = "workload_cost"
  exclude_ids = ["euro", "input-only", "unpriced"]
}
data "megallm_models" "strings" {
  workload = var.strings
  sort_by  = "workload_cost"
  exclude_ids = ["euro", "input-only", "unpriced"]
}
data "megallm_models" "typed" {
  workload = var.typed
  sort_by  = "workload_cost"
  exclude_ids = ["euro", "input-only", "unpriced"]
}
data "megallm_models" "none" { workload = var.none }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_models.quoted", tfjsonpath.New("workload_costs"), costs),
				statecheck.ExpectKnownValue("data.megallm_models.strings", tfjsonpath.New("workload_costs"), costs),
				statecheck.ExpectKnownValue("data.megallm_models.typed", tfjsonpath.New("workload_costs"), costs),
				statecheck.ExpectKnownValue("data.megallm_models.none", tfjsonpath.New("workload_costs"), knownvalue.Null()),
			},
		},
		resource.TestStep{
			Config: providerBlock(server, "") + `
resource "terraform_data" "n" { input = 1e9 }
data "megallm_models" "later" {
  workload = { input_tokens = terraform_data.n.output, output_tokens = 1e9 }
  sort_by  = "workload_cost"
  exclude_ids = ["euro", "input-only", "unpriced"]
}`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue("data.megallm_models.later", tfjsonpath.New("workload_costs")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_models.later", tfjsonpath.New("workload_costs"), costs),
			},
		},
	)
}

// TestWorkloadCost_agreesWithEstimateCost holds the data sources' workload
// cost and estimate_cost together, to the last digit, for every model of a
// synthetic catalog and several workloads.
func TestWorkloadCost_agreesWithEstimateCost(t *testing.T) {
	t.Parallel()
	models, _, err := megallm.DecodeModels(bytes.NewReader(mockapi.ListBody(mockapi.SyntheticModels(300)...)))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []catalog.Workload{{InputTokens: 1.2e9, OutputTokens: 3e8}, {InputTokens: 1234.5678, OutputTokens: 0.1}, {InputTokens: 7e6}, {InputTokens: 3e6}} {
		for i := range models {
			m := &models[i]
			fromDataSource, _ := workloadCost(&w, m)
			model := modelDynamic(m)
			got, funcErr := run(t, newEstimateCostFunction(), types.Float64Unknown(), model, types.NumberValue(big.NewFloat(w.InputTokens)), types.NumberValue(big.NewFloat(w.OutputTokens)))
			if (fromDataSource == nil) != (funcErr != nil) {
				t.Fatalf("model %q, workload %v: data source cost %v, estimate_cost error %v", m.ID, w, fromDataSource, funcErr)
			}
			if funcErr != nil {
				continue
			}
			want := *fromDataSource
			if !got.Equal(types.Float64Value(want)) {
				t.Errorf("model %q, workload %v: estimate_cost %v, workload cost %v", m.ID, w, got, want)
			}
		}
	}
}

// TestWorkload_boundInclusiveAtTheBoundary: 3,000,000 input tokens at 0.1 per
// million cost 0.3, which meets max_workload_cost = 0.3, and every place that
// shows the cost shows 0.3, not 0.30000000000000004.
func TestWorkload_boundInclusiveAtTheBoundary(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(
		json.RawMessage(`{"id":"tenth","pricing":{"input_tokens_cost_per_million":0.1,"output_tokens_cost_per_million":0.4}}`),
		json.RawMessage(`{"id":"dearer","pricing":{"input_tokens_cost_per_million":0.100001,"output_tokens_cost_per_million":0.1}}`),
	)
	functionsTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `
data "megallm_models" "bounded" {
  sort_by  = "workload_cost"
  workload = { input_tokens = 3000000, output_tokens = 0 }
  require  = { max_workload_cost = 0.3 }
}
data "megallm_models" "all" {
  sort_by  = "workload_cost"
  workload = { input_tokens = 3000000, output_tokens = 0 }
}
data "megallm_model" "tenth" {
  id      = "tenth"
  require = { max_input_cost_per_million = 0.1 }
}
output "estimate" {
  value = provider::megallm::estimate_cost(data.megallm_model.tenth, 3000000, 0)
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.bounded", "tenth"),
			statecheck.ExpectKnownValue("data.megallm_models.bounded", tfjsonpath.New("workload_costs"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.Float64Exact(0.3)})),
			expectIDs("data.megallm_models.all", "tenth", "dearer"),
			statecheck.ExpectKnownValue("data.megallm_models.all", tfjsonpath.New("workload_costs"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.Float64Exact(0.3), knownvalue.Float64Exact(0.300003)})),
			statecheck.ExpectKnownOutputValue("estimate", knownvalue.Float64Exact(0.3)),
		},
	})
}

// TestWorkloadCost_tooLargeTreatedAlike: a workload whose cost is beyond
// what the provider computes is the same verdict in workload_costs (a null
// element and a warning, since the other models are listed) and in
// estimate_cost (an error), in the same words.
func TestWorkloadCost_tooLargeTreatedAlike(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(
		json.RawMessage(`{"id":"cheap","pricing":{"input_tokens_cost_per_million":1,"output_tokens_cost_per_million":1}}`),
		json.RawMessage(`{"id":"gold","pricing":{"input_tokens_cost_per_million":1e300,"output_tokens_cost_per_million":1}}`),
		json.RawMessage(`{"id":"platinum","pricing":{"input_tokens_cost_per_million":2e300,"output_tokens_cost_per_million":1}}`),
	)
	p := newProtocolServer(t, server, nil)
	workload := tftypes.NewValue(workloadType, map[string]tftypes.Value{
		"input_tokens": tftypes.NewValue(tftypes.Number, 1e300), "output_tokens": tftypes.NewValue(tftypes.Number, 0),
	})
	notPlatinum := tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{tftypes.NewValue(tftypes.String, "platinum")})
	state, warnings := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", map[string]tftypes.Value{"workload": workload, "exclude_ids": notPlatinum}))
	tooLarge := `The cost of the workload with model "gold" is more than 1.798e308, the largest cost the provider computes. Use smaller token counts`
	if want := []string{`AttributeName("workload"): Workload cost too large: ` + tooLarge + `. Its element of workload_costs is null.`}; !slices.Equal(warnings, want) {
		t.Errorf("warnings\n%q\nwant\n%q", warnings, want)
	}
	_, warnings = p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", map[string]tftypes.Value{"workload": workload}))
	if want := `models "gold", "platinum" is more than 1.798e308`; len(warnings) != 1 || !strings.Contains(warnings[0], want) ||
		!strings.HasSuffix(warnings[0], "Their elements of workload_costs are null.") {
		t.Errorf("warnings for two models\n%q\nwant one naming %s", warnings, want)
	}
	var attrs map[string]tftypes.Value
	var costs []tftypes.Value
	if err := state.As(&attrs); err != nil || attrs["workload_costs"].As(&costs) != nil || len(costs) != 2 || costs[0].IsNull() || !costs[1].IsNull() {
		t.Errorf("workload_costs = %v, want a cost for cheap and null for gold", attrs["workload_costs"])
	}

	gold := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("gold"), "pricing": obj(map[string]attr.Value{"input_tokens_cost_per_million": num(1e300)})}))
	_, funcErr := run(t, newEstimateCostFunction(), types.Float64Unknown(), gold, num(1e300), num(0))
	if want := strings.Replace(tooLarge, "the workload", "these token counts", 1); funcErr == nil || funcErr.Text != want {
		t.Errorf("estimate_cost error = %v, want %q", funcErr, want)
	}
}

// TestWorkload_missingIsAValidateError: what needs a workload fails at
// validate, which reads no catalog, so that terraform validate and a mocked
// terraform test catch it, once per block rather than once per instance.
func TestWorkload_missingIsAValidateError(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	p := newProtocolServer(t, server, nil)
	bound := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"max_workload_cost": tftypes.Number}},
		map[string]tftypes.Value{"max_workload_cost": number(5)})
	for name, tc := range map[string]struct {
		typeName string
		values   map[string]tftypes.Value
		want     string
	}{
		"sort_by":             {"megallm_models", map[string]tftypes.Value{"sort_by": str("workload_cost")}, "Missing workload"},
		"max_workload_cost":   {"megallm_models", map[string]tftypes.Value{"require": bound}, "Missing workload"},
		"on megallm_model":    {"megallm_model", map[string]tftypes.Value{"id": str("gpt-4o"), "require": bound}, "Workload requirement on megallm_model"},
		"with a workload set": {"megallm_models", map[string]tftypes.Value{"sort_by": str("workload_cost"), "workload": tftypes.NewValue(workloadType, map[string]tftypes.Value{"input_tokens": number(1), "output_tokens": number(1)})}, ""},
	} {
		resp, err := p.server.ValidateDataResourceConfig(t.Context(), &tfprotov6.ValidateDataResourceConfigRequest{
			TypeName: tc.typeName, Config: p.config(t, tc.typeName, tc.values)})
		if got := diagnosticsError(resp.Diagnostics); err != nil || !strings.Contains(got, tc.want) || (tc.want == "") != (got == "") {
			t.Errorf("%s: validate = %v %q, want an error containing %q", name, err, got, tc.want)
		}
	}
	if n := server.RequestCount(); n != 0 {
		t.Errorf("validate sent %d requests, want 0", n)
	}
}

var workloadType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{"input_tokens": tftypes.Number, "output_tokens": tftypes.Number}}

// TestWorkloadCost_tooLargeByItsPrice: where modest token counts cost too
// much to compute, the price is named, with where it is set (the catalog or
// the policy) and what to do, not smaller token counts.
func TestWorkloadCost_tooLargeByItsPrice(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"gold","pricing":{"input_tokens_cost_per_million":1e306}}`),
		json.RawMessage(`{"id":"silver","pricing":{"input_tokens_cost_per_million":1}}`))
	policy := map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{"models": object(map[string]tftypes.Value{
		"silver": object(map[string]tftypes.Value{"pricing": object(map[string]tftypes.Value{
			"input_tokens_cost_per_million": tftypes.NewValue(tftypes.Number, 1e306)})}),
	})})}
	workload := tftypes.NewValue(workloadType, map[string]tftypes.Value{
		"input_tokens": tftypes.NewValue(tftypes.Number, 1e9), "output_tokens": tftypes.NewValue(tftypes.Number, 0),
	})
	tooLarge := `is more than 1.798e308, the largest cost the provider computes: its pricing.input_tokens_cost_per_million, ` +
		`1e306, is what makes it so. `
	for id, want := range map[string]string{
		"gold": `It is the catalog's list price: choose another model, or set a negotiated price in the provider's ` +
			`policy.models["gold"].pricing. Its element`,
		"silver": `The provider's policy sets it: correct policy.models["silver"].pricing. Its element`,
	} {
		p := newProtocolServer(t, server, policy)
		only := tftypes.NewValue(tftypes.String, "^"+id+"$")
		_, warnings := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models",
			map[string]tftypes.Value{"workload": workload, "id_regex": only}))
		if want := `model "` + id + `" ` + tooLarge + want; len(warnings) != 1 || !strings.Contains(warnings[0], want) {
			t.Errorf("warnings\n%q\nwant one with %q", warnings, want)
		}
	}
	gold := types.DynamicValue(obj(map[string]attr.Value{"id": types.StringValue("gold"),
		"pricing": obj(map[string]attr.Value{"input_tokens_cost_per_million": num(1e306)})}))
	_, funcErr := run(t, newEstimateCostFunction(), types.Float64Unknown(), gold, num(1e9), num(0))
	if want := `model "gold" ` + tooLarge + `Check that price: a megallm_model's is the catalog's, or the one the ` +
		`provider's policy sets`; funcErr == nil || !strings.HasSuffix(funcErr.Text, want) {
		t.Errorf("estimate_cost error = %v, want one ending %q", funcErr, want)
	}
}
