package provider

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestCurrency_readAsAPersonDoes: "usd" and " USD " are "USD", in the
// currency argument of both data sources and in the policy's negotiated
// price, so they select, price and sort the same models.
func TestCurrency_readAsAPersonDoes(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(workloadFixture...)
	models := func(name, currency string) string {
		return `
data "megallm_models" "` + name + `" {
  currency = ` + currency + `
  sort_by  = "workload_cost"
  workload = { input_tokens = 1.2e9, output_tokens = 3e8 }
  require  = { max_input_cost_per_million = 1 }
}`
	}
	same := func(address string) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			expectIDs(address, "balanced", "cheap-input", "input-only"),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("workload_costs"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.Float64Exact(900), knownvalue.Float64Exact(6150), knownvalue.Null(),
			})),
		}
	}
	// The policy prices balanced in "usd": it stays within USD bounds.
	policy := `{ models = { "balanced" = { pricing = { input_tokens_cost_per_million = 0.001, currency = " usd" } } } }`
	lower := `
data "megallm_model" "lower" {
  id       = "cheap-input"
  currency = "usd"
  require  = { max_input_cost_per_million = 1 }
}`
	unitTest(t,
		resource.TestStep{
			Config: providerBlock(server, "") + models("upper", `"USD"`) + models("lower", `"usd"`) + models("padded", `" USD "`) + lower,
			ConfigStateChecks: slices.Concat(same("data.megallm_models.upper"), same("data.megallm_models.lower"),
				same("data.megallm_models.padded"), []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.megallm_model.lower", tfjsonpath.New("id"), knownvalue.StringExact("cheap-input")),
				}),
		},
		resource.TestStep{
			Config: policyProvider(server, policy, `
data "megallm_models" "negotiated" {
  require = { max_input_cost_per_million = 0.005 }
}`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectIDs("data.megallm_models.negotiated", "balanced"),
				statecheck.ExpectKnownValue("data.megallm_models.negotiated",
					tfjsonpath.New("models").AtSliceIndex(0).AtMapKey("pricing").AtMapKey("currency"), knownvalue.StringExact("USD")),
			},
		},
	)
}

// TestCurrency_noModelPricedInItWarns reads through the provider server,
// since plugin-testing does not show warnings: a currency that no model is
// priced in warns on both data sources, whatever its case.
func TestCurrency_noModelPricedInItWarns(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(workloadFixture...)
	p := newProtocolServer(t, server, nil)
	want := `AttributeName("currency"): No model priced in this currency: No model in the MegaLLM catalog (5 models from ` +
		server.URL() + `/models) is priced in "XYZ", so no model meets a price requirement or sorts by cost in it. ` +
		`The catalog's currencies are "EUR" and "USD". Set currency to one of them to compare the prices in it.`
	for _, tc := range []struct {
		typeName string
		config   map[string]tftypes.Value
		want     []string
	}{
		{"megallm_models", map[string]tftypes.Value{"currency": str("XYZ")}, []string{want}},
		{"megallm_model", map[string]tftypes.Value{"id": str("euro"), "currency": str(" xyz")}, []string{want}},
		{"megallm_models", map[string]tftypes.Value{"currency": str("eur")}, nil},
		{"megallm_model", map[string]tftypes.Value{"id": str("euro")}, nil},
	} {
		if _, got := p.readWarnings(t, tc.typeName, p.config(t, tc.typeName, tc.config)); !slices.Equal(got, tc.want) {
			t.Errorf("%s %v: warnings\n%q\nwant\n%q", tc.typeName, tc.config, got, tc.want)
		}
	}
}

// TestCurrency_notACode: a currency that is not three letters once trimmed
// is an error on the attribute, before any request, quoted within bounds.
func TestCurrency_notACode(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	step := func(dataSource, body, expected string) resource.TestStep {
		return errorStep(server, dataSource, body, expected)
	}
	unitTest(t,
		step("megallm_models", `currency = "US Dollar"`,
			`Invalid currency .* currency is "US Dollar", not a three-letter ISO 4217 code such as "USD" or "EUR" \(leave it out for "USD"\)\. `+
				`Did you mean "USD"\?\s*$`),
		step("megallm_model", "id = \"gpt-4o\"\ncurrency = \"€UR\"",
			`Invalid currency .* currency is "€UR", not a three-letter ISO 4217 code`),
		// A sign or name of one currency gets its code; "¥" is yen or yuan.
		step("megallm_models", `currency = "US$"`, `Invalid currency .* currency is "US\$", not a three-letter ISO 4217 code `+
			`such as "USD" or "EUR" \(leave it out for "USD"\)\. Did you mean "USD"\?\s*$`),
		step("megallm_models", `currency = "$"`, `currency is "\$", not a three-letter .*\. Did you mean "USD"\?\s*$`),
		step("megallm_models", `currency = "€"`, `currency is "€", not a three-letter .*\. Did you mean "EUR"\?\s*$`),
		step("megallm_models", `currency = "dollars"`, `currency is "dollars", not a three-letter .*\. Did you mean "USD"\?\s*$`),
		step("megallm_models", `currency = "Euro"`, `currency is "Euro", not a three-letter .*\. Did you mean "EUR"\?\s*$`),
		step("megallm_models", `currency = "¥"`, `currency is "¥", not a three-letter .* \(leave it out for "USD"\)\.\s*$`),
		// three letters, but a name, not a code: "YEN" would be read as a code no catalog has
		step("megallm_models", `currency = "yen"`, `currency is "yen", not a three-letter ISO 4217 code .*\. Did you mean "JPY"\?\s*$`),
		step("megallm_models", `currency = "`+strings.Repeat("X", 100)+`"`,
			`currency is "`+strings.Repeat("X", 64)+`"… \(100 characters\), not a three-letter`),
	)
	if n := server.RequestCount(); n != 0 {
		t.Errorf("invalid configuration sent %d requests to the API, want 0", n)
	}
}

// TestCurrency_mistypedCodeIsAnError: a currency that is no ISO 4217 code
// and one edit or one transposition from one the catalog prices in is a
// typo, an error with the code meant; a code not so near one (a newer ISO
// code than golang.org/x/text knows, "ZWG", two edits from "ZAR") warns as
// any currency no model is priced in does. The typo is the only error: no
// price bound in it is then reported unmet.
func TestCurrency_mistypedCodeIsAnError(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(
		json.RawMessage(`{"id":"dollar","pricing":{"input_tokens_cost_per_million":1,"currency":"USD"}}`),
		json.RawMessage(`{"id":"euro","pricing":{"input_tokens_cost_per_million":1,"currency":"EUR"}}`),
		json.RawMessage(`{"id":"rand","pricing":{"input_tokens_cost_per_million":1,"currency":"ZAR"}}`),
	)
	p := newProtocolServer(t, server, nil)
	noModel := func(code string) string {
		return `No model in the MegaLLM catalog (3 models from ` + server.URL() + `/models) is priced in "` + code + `", so no ` +
			`model meets a price requirement or sorts by cost in it. The catalog's currencies are "EUR", "USD" and "ZAR". ` +
			`Set currency to one of them to compare the prices in it.`
	}
	for _, tc := range []struct {
		typeName, currency, err string
		warnings                []string
		candidates              bool // megallm_model by candidates, not id
	}{
		{"megallm_models", "UDS", `Currency not an ISO 4217 code: currency "UDS" is no ISO 4217 code. Did you mean "USD"? ` +
			noModel("UDS"), nil, false},
		{"megallm_model", "eru", `Currency not an ISO 4217 code: currency "ERU" is no ISO 4217 code. Did you mean "EUR"? ` +
			noModel("ERU"), nil, false},
		{"megallm_model", "eru", `Currency not an ISO 4217 code: currency "ERU" is no ISO 4217 code. Did you mean "EUR"? ` +
			noModel("ERU"), nil, true},
		{"megallm_models", "ZWG", "", []string{`AttributeName("currency"): No model priced in this currency: ` + noModel("ZWG")}, false},
		{"megallm_models", "usn", "", []string{`AttributeName("currency"): No model priced in this currency: ` + noModel("USN")}, false},
	} {
		args := map[string]tftypes.Value{"currency": str(tc.currency),
			"require": object(map[string]tftypes.Value{"max_input_cost_per_million": number(3)})}
		switch {
		case tc.candidates:
			args["candidates"] = tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{str("euro")})
		case tc.typeName == "megallm_model":
			args["id"] = str("euro")
		}
		config := p.config(t, tc.typeName, args)
		_, err := p.read(tc.typeName, config)
		if err != tc.err {
			t.Errorf("%s currency = %q: error\n%s\nwant\n%s", tc.typeName, tc.currency, err, tc.err)
		}
		if err != "" {
			continue
		}
		if _, got := p.readWarnings(t, tc.typeName, config); !slices.Equal(got, tc.warnings) {
			t.Errorf("%s currency = %q: warnings\n%q\nwant\n%q", tc.typeName, tc.currency, got, tc.warnings)
		}
	}
}
