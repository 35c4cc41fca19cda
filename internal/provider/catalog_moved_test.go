package provider

import (
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestCatalogMoved_warnsOncePerPlanWithWorkingAdvice: a catalog that moved
// permanently (301) is read through the redirect, with one warning a plan (a
// provider instance), on its first read alone, that names the base_url to
// set; set as it says, the catalog is read with one request and no warning.
// A temporary redirect (302) warns of nothing.
func TestCatalogMoved_warnsOncePerPlanWithWorkingAdvice(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.Move("/v1/old/models", http.StatusMovedPermanently, server.URL()+"/models")
	server.Move("/v1/moving/models", http.StatusFound, server.URL()+"/models")
	p := newProtocolServer(t, server, map[string]tftypes.Value{"base_url": str(server.URL() + "/old")})
	_, warnings := p.readWarnings(t, "megallm_model", p.modelConfig(t, "gpt-4o"))
	want := "MegaLLM catalog moved: The MegaLLM catalog at " + server.URL() + "/old/models moved permanently to " +
		strconv.Quote(server.URL()+"/models") + ": set base_url = " + strconv.Quote(server.URL()) + ", to save the " +
		"extra request that following the redirect costs every plan."
	if len(warnings) != 1 || warnings[0] != want {
		t.Fatalf("first read's warnings:\n%q\nwant:\n%q", warnings, want)
	}
	if _, again := p.readWarnings(t, "megallm_models", p.config(t, "megallm_models", nil)); len(again) != 0 {
		t.Errorf("a later read warned again: %q", again)
	}
	if n := server.RequestCount(); n != 2 {
		t.Errorf("%d requests, want 2: the redirect and the catalog", n)
	}

	advised := regexp.MustCompile(`set base_url = "([^"]*)"`).FindStringSubmatch(warnings[0])
	p = newProtocolServer(t, server, map[string]tftypes.Value{"base_url": str(advised[1])})
	if _, warnings := p.readWarnings(t, "megallm_model", p.modelConfig(t, "gpt-4o")); len(warnings) != 0 {
		t.Errorf("with the advised base_url: warnings %q, want none", warnings)
	}
	if n := server.RequestCount(); n != 3 {
		t.Errorf("with the advised base_url: %d requests in all, want 3: one more", n)
	}

	p = newProtocolServer(t, server, map[string]tftypes.Value{"base_url": str(server.URL() + "/moving")})
	if _, warnings := p.readWarnings(t, "megallm_model", p.modelConfig(t, "gpt-4o")); len(warnings) != 0 {
		t.Errorf("after a temporary redirect: warnings %q, want none", warnings)
	}
}
