package e2e

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestOnePlanOneRequest_withResources: a plan that mixes many megallm_model
// and megallm_models data sources with terraform_data resources that use
// them, against a slow API serving a large catalog, so that Terraform's
// concurrent reads overlap the one fetch, makes one request.
func TestOnePlanOneRequest_withResources(t *testing.T) {
	t.Parallel()
	// terraform_data is the one resource type a plan without the network has.
	harness.SkipBelow(t, tfversion.Version1_4_0, "terraform_data")
	const models, lookups, lists, resources = 1000, 100, 10, 50
	server := mockapi.NewTestServer(t, "")
	server.SetModels(mockapi.SyntheticModels(models)...)
	server.SetLatency(50 * time.Millisecond)

	var config strings.Builder
	for i := range lookups {
		fmt.Fprintf(&config, "data \"megallm_model\" \"m%d\" { id = %q }\n", i, mockapi.SyntheticModelID(i*7))
	}
	for i := range lists {
		fmt.Fprintf(&config, "data \"megallm_models\" \"l%d\" {\n  owned_by = [\"openai\"]\n  sort_by = \"context_length\"\n}\n", i)
	}
	for i := range resources {
		fmt.Fprintf(&config, "resource \"terraform_data\" \"r%d\" { input = [data.megallm_model.m%d.id, length(data.megallm_models.l%d.ids)] }\n",
			i, i%lookups, i%lists)
	}
	ws := harness.Workspace(t, config.String(), map[string]string{
		"MEGALLM_BASE_URL": server.URL(),
		"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
	})
	out, err := ws.Run("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("terraform plan failed: %v\n%s", err, out)
	}
	if want := fmt.Sprintf("Plan: %d to add", resources); !strings.Contains(out, want) {
		t.Errorf("the plan does not say %q:\n%s", want, out)
	}
	if n := server.RequestCount(); n != 1 {
		t.Errorf("one plan with %d data sources and %d resources made %d requests to the API, want 1",
			lookups+lists, resources, n)
	}
}

// TestPlanAfterAFailedFetch: a plan whose fetch fails reports the error and
// makes no more requests for it, and the next plan, a new provider process,
// fetches again and succeeds. That a failure is kept within one process is
// checked in-process by internal/provider (TestSharedCatalog_*) and
// internal/catalog (TestSource_failureIsKept).
func TestPlanAfterAFailedFetch(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.InjectFaults(mockapi.ServerError())
	ws := harness.Workspace(t, `
provider "megallm" {
  max_retries = 0
}
data "megallm_model" "a" { id = "gpt-4o" }
data "megallm_model" "b" { id = "gpt-4o-mini" }
data "megallm_models" "all" {}
output "context" { value = data.megallm_model.a.context_length }
`, map[string]string{
		"MEGALLM_BASE_URL": server.URL(),
		"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
	})

	out, err := ws.Run("plan", "-input=false", "-no-color")
	if err == nil || !strings.Contains(strings.Join(strings.Fields(out), " "), "Internal server error") {
		t.Fatalf("first plan: err=%v, want it to fail with the API's 500\n%s", err, out)
	}
	if n := server.RequestCount(); n != 1 {
		t.Fatalf("the failed plan made %d requests, want 1", n)
	}
	out, err = ws.Run("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("second plan failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, "context = 128000") {
		t.Errorf("second plan does not show the model's context length:\n%s", out)
	}
	if n := server.RequestCount(); n != 2 {
		t.Errorf("the plan after the failed one made %d requests, want 1", n-1)
	}
}

// TestOutageCostsOneFetch: during an outage, a plan with many data sources
// makes the requests of one fetch, max_retries + 1, and reports the error in
// full once; every other data source gets the same summary and a short detail.
func TestOutageCostsOneFetch(t *testing.T) {
	t.Parallel()
	const dataSources, maxRetries = 100, 1
	server := mockapi.NewTestServer(t, "")
	faults := make([]mockapi.Fault, 10*dataSources)
	for i := range faults {
		faults[i] = mockapi.ServerError()
	}
	server.InjectFaults(faults...)
	var config strings.Builder
	fmt.Fprintf(&config, "provider \"megallm\" {\n  max_retries = %d\n}\n", maxRetries)
	for i := range dataSources {
		fmt.Fprintf(&config, "data \"megallm_model\" \"m%d\" { id = \"gpt-4o\" }\n", i)
	}
	ws := harness.Workspace(t, config.String(), map[string]string{
		"MEGALLM_BASE_URL": server.URL(),
		"MEGALLM_API_KEY":  mockapi.DefaultAPIKey,
	})

	out, err := ws.Run("plan", "-input=false", "-no-color")
	if err == nil {
		t.Fatalf("the plan succeeded during an outage:\n%s", out)
	}
	if n := server.RequestCount(); n != maxRetries+1 {
		t.Errorf("a plan with %d data sources during an outage made %d requests, want max_retries + 1 = %d",
			dataSources, n, maxRetries+1)
	}
	flat := strings.Join(strings.Fields(out), " ")
	if n := strings.Count(out, "Error: MegaLLM API error"); n != dataSources {
		t.Errorf("%d errors titled \"MegaLLM API error\", want one per data source (%d)", n, dataSources)
	}
	if n := strings.Count(flat, "Internal server error"); n != 1 {
		t.Errorf("the API's error is quoted %d times, want once:\n%s", n, out)
	}
	if n := strings.Count(flat, "HTTP 500 Internal Server Error"); n != dataSources {
		t.Errorf("the status is given %d times, want once per data source (%d):\n%s", n, dataSources, out)
	}
	if n := strings.Count(flat, "If the error persists"); n != 1 {
		t.Errorf("the advice is given %d times, want once, with the full error:\n%s", n, out)
	}
	if n := strings.Count(flat, "The same error is shown in full"); n != dataSources-1 {
		t.Errorf("%d errors point at the full one, want %d", n, dataSources-1)
	}
}

// TestMovedCatalog_oneWarningAPlan: a plan of three data sources against a
// catalog that moved permanently makes two requests (the redirect and the
// catalog) and warns once (Terraform would fold more than one into "similar
// warnings"), naming the setting the base URL came from: MEGALLM_BASE_URL, to
// set to the new URL, or base_url, which wins over it. Either, set as the
// warning says, makes a plan of one request without the warning. Each plan
// runs terraform with its own environment, so the variable is no other
// test's.
func TestMovedCatalog_oneWarningAPlan(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.Move("/v1/old/models", http.StatusPermanentRedirect, server.URL()+"/models")
	config := readOneModel + `data "megallm_model" "other" { id = "gpt-4o-mini" }` + "\n" +
		`data "megallm_models" "all" {}` + "\n"
	moved := map[string]string{"MEGALLM_BASE_URL": server.URL() + "/old"}
	out, err := plan(t, server, config, moved)
	advised := regexp.MustCompile(`set MEGALLM_BASE_URL to (\S+), or base_url = ("[^"]*") in the provider "megallm" ` +
		`block, which wins over the variable`).FindStringSubmatch(out)
	if err != nil || strings.Count(out, "Warning: MegaLLM catalog moved") != 1 || strings.Contains(out, "similar warning") ||
		advised == nil || server.RequestCount() != 2 {
		t.Fatalf("plan against the old address: err = %v, %d requests; want one warning naming MEGALLM_BASE_URL and "+
			"base_url, and 2 requests:\n%s", err, server.RequestCount(), out)
	}
	out, err = plan(t, server, config, map[string]string{"MEGALLM_BASE_URL": advised[1]})
	if err != nil || strings.Contains(out, "moved") || server.RequestCount() != 3 {
		t.Errorf("plan with MEGALLM_BASE_URL=%s: err = %v, %d requests in all; want no warning and one more request:\n%s",
			advised[1], err, server.RequestCount(), out)
	}
	out, err = plan(t, server, `provider "megallm" { base_url = `+advised[2]+" }\n"+config, moved)
	if err != nil || strings.Contains(out, "moved") || server.RequestCount() != 4 {
		t.Errorf("plan with base_url = %s, MEGALLM_BASE_URL unchanged: err = %v, %d requests in all; want no warning "+
			"and one more request:\n%s", advised[2], err, server.RequestCount(), out)
	}
}
