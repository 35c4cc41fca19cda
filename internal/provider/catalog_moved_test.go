package provider

import (
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
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

// TestSetBaseURL: the advice to set a moved catalog's base URL names the
// setting it came from, written as that takes it: MEGALLM_BASE_URL bare, with
// base_url as the other way, which wins over it (TestMovedCatalog follows
// both through terraform); base_url alone for a URL a shell would read
// otherwise; and base_url for the default's setting, which names both.
func TestSetBaseURL(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ baseFrom, value, want string }{
		{"base_url", "https://gw.example/v2", `set base_url = "https://gw.example/v2"`},
		{"base_url (or MEGALLM_BASE_URL)", "https://gw.example/v2", `set base_url = "https://gw.example/v2"`},
		{envBaseURL, "https://gw.example/v2", `set MEGALLM_BASE_URL to https://gw.example/v2, or base_url = ` +
			`"https://gw.example/v2" in the provider "megallm" block, which wins over the variable`},
		{envBaseURL, "https://gw.example/a$b/v2", `set base_url = "https://gw.example/a$b/v2" in the provider ` +
			`"megallm" block, which wins over MEGALLM_BASE_URL`},
	} {
		if got := setBaseURL(tc.baseFrom, tc.value); got != tc.want {
			t.Errorf("from %s, %s:\n got %s\nwant %s", tc.baseFrom, tc.value, got, tc.want)
		}
	}
	// Where the key is not sent, the advice holds if the user trusts it.
	warnings := catalogProblemWarnings([]megallm.Problem{{Kind: megallm.CatalogMoved, BaseURL: "https://new.example/v2",
		Issue: `moved permanently to "https://new.example/v2/models", where the key is not sent`, KeyWithheld: true}},
		"the origin", envBaseURL)
	const want = `The MegaLLM catalog at the origin moved permanently to "https://new.example/v2/models", where the key ` +
		`is not sent: if you trust it, set MEGALLM_BASE_URL to https://new.example/v2, or base_url = ` +
		`"https://new.example/v2" in the provider "megallm" block, which wins over the variable, to save the extra ` +
		`request that following the redirect costs every plan.`
	if len(warnings) != 1 || warnings[0].Detail() != want {
		t.Errorf("a move to where the key is not sent: warnings %v, want one: %s", warnings, want)
	}
}
