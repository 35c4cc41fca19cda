package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// configure runs Configure on a provider block with these arguments, every
// other one null.
func configure(t *testing.T, args map[string]tftypes.Value, deferralAllowed bool) *provider.ConfigureResponse {
	t.Helper()
	p := New("test")()
	var schemaResp provider.SchemaResponse
	p.Schema(context.Background(), provider.SchemaRequest{}, &schemaResp)
	typ := objectType(t, schemaResp.Schema.Type().TerraformType(context.Background()))
	req := provider.ConfigureRequest{
		Config:             tfsdk.Config{Schema: schemaResp.Schema, Raw: objectValue(t, typ, args)},
		ClientCapabilities: provider.ConfigureProviderClientCapabilities{DeferralAllowed: deferralAllowed},
	}
	var resp provider.ConfigureResponse
	p.Configure(context.Background(), req, &resp)
	return &resp
}

// configureWithUnknownKey configures a provider block whose api_key is not
// known yet, as during a plan where it comes from a resource.
func configureWithUnknownKey(t *testing.T, deferralAllowed bool) *provider.ConfigureResponse {
	t.Helper()
	return configure(t, map[string]tftypes.Value{"api_key": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}, deferralAllowed)
}

func TestConfigure_unknownArgumentIsDeferredWhenTerraformCan(t *testing.T) {
	t.Parallel()
	resp := configureWithUnknownKey(t, true)
	if resp.Diagnostics.HasError() || resp.Deferred == nil || resp.Deferred.Reason != provider.DeferredReasonProviderConfigUnknown {
		t.Errorf("got deferred %+v and diagnostics %v, want a deferral for unknown provider configuration and no error", resp.Deferred, resp.Diagnostics)
	}
}

// Without deferral, Configure succeeds and the first read reports the
// unknown arguments, the others naming it: a destroy plan configures the
// provider too, reads no data source, and must not fail on an argument that
// reads a data source already gone.
func TestConfigure_unknownArgumentIsExplainedOnRead(t *testing.T) {
	t.Parallel()
	unknown := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	resp := configure(t, map[string]tftypes.Value{"api_key": unknown, "auth_scheme": unknown}, false)
	data, ok := resp.DataSourceData.(*providerData)
	if resp.Deferred != nil || resp.Diagnostics.HasError() || !ok {
		t.Fatalf("got deferred %+v, diagnostics %v and data %T, want no error and the catalog's source", resp.Deferred, resp.Diagnostics, resp.DataSourceData)
	}
	_, first := data.loadCatalog(context.Background(), "the first reader")
	want := "The megallm provider block's api_key and auth_scheme depend on a value that Terraform will only know " +
		"after apply, but the provider reads the model catalog during plan. Set api_key from a variable, a literal or " +
		"the MEGALLM_API_KEY environment variable; auth_scheme from a variable or a literal, or apply the resource " +
		"it depends on first (terraform apply -target=...); a time from timestamp(), which Terraform only knows at " +
		"apply, from plantimestamp(). A terraform destroy stopped here can skip the reads with -refresh=false."
	if first.ErrorsCount() != 1 || first[0].Summary() != "Provider argument not known at plan time" || first[0].Detail() != want {
		t.Errorf("the first read: %v\nwant one error: %q", first, want)
	}
	_, second := data.loadCatalog(context.Background(), "the second reader")
	want = "Part of the megallm provider block will only be known after apply: the error is shown in full, with how " +
		"to fix it, on the first reader, the first to read the catalog in this plan."
	if second.ErrorsCount() != 1 || second[0].Detail() != want {
		t.Errorf("the second read: %v\nwant one error: %q", second, want)
	}
}

// A key with a control character inside is refused, naming where it came
// from, and the diagnostic never contains the key or a part of it.
func TestConfigure_apiKeyWithAControlCharacter(t *testing.T) {
	const key = "sk-fake-first-half\nsk-fake-second-half"
	check := func(t *testing.T, resp *provider.ConfigureResponse, source string) {
		t.Helper()
		if resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Summary() != "Invalid "+source {
			t.Fatalf("diagnostics %v, want one error Invalid %s", resp.Diagnostics, source)
		}
		detail := resp.Diagnostics.Errors()[0].Detail()
		if !strings.Contains(detail, "contains a control character") {
			t.Errorf("detail %q does not say what is wrong", detail)
		}
		if strings.Contains(detail, "sk-fake") || strings.Contains(detail, "half") {
			t.Errorf("detail shows the key: %q", detail)
		}
	}
	t.Run("api_key", func(t *testing.T) {
		check(t, configure(t, map[string]tftypes.Value{"api_key": str(key)}, false), "api_key")
	})
	t.Run("environment", func(t *testing.T) {
		t.Setenv(envAPIKey, key)
		check(t, configure(t, nil, false), envAPIKey)
	})
}

// MEGALLM_CATALOG_FILE wins over an API configured in the provider block,
// and says so in a warning; with nothing to override it says nothing.
func TestConfigure_catalogFileFromEnvironmentWarns(t *testing.T) {
	t.Setenv(envCatalogFile, "/tmp/snapshot.json")
	resp := configure(t, map[string]tftypes.Value{"base_url": str("https://example.test/v1"), "api_key": str("sk-fake")}, false)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("diagnostics %v, want one warning", resp.Diagnostics)
	}
	warning := resp.Diagnostics.Warnings()[0]
	want := "The MEGALLM_CATALOG_FILE environment variable is set, so the catalog is read from the file " +
		"\"/tmp/snapshot.json\" and no request is sent; the provider \"megallm\" block also sets base_url, api_key, " +
		"which the file leaves unused. Unset MEGALLM_CATALOG_FILE to read the catalog from the API."
	if warning.Summary() != "MegaLLM catalog read from MEGALLM_CATALOG_FILE" || warning.Detail() != want {
		t.Errorf("warning %q: %q\nwant %q", warning.Summary(), warning.Detail(), want)
	}
	if data, ok := resp.DataSourceData.(*providerData); !ok || data.origin != `MEGALLM_CATALOG_FILE "/tmp/snapshot.json"` {
		t.Errorf("the catalog comes from %+v, want the file", resp.DataSourceData)
	}
	if resp := configure(t, nil, false); resp.Diagnostics.WarningsCount() != 0 {
		t.Errorf("with only MEGALLM_CATALOG_FILE set: %v, want no warning", resp.Diagnostics)
	}
}

// TestSendsKeyInClear: plain http warns unless the host is this machine, in
// any of the forms a loopback address takes.
func TestSendsKeyInClear(t *testing.T) {
	t.Parallel()
	for baseURL, want := range map[string]bool{
		"https://ai.megallm.io/v1":            false,
		"https://203.0.113.7/v1":              false,
		"http://ai.megallm.io/v1":             true,
		"http://203.0.113.7:8080/v1":          true,
		"http://[2001:db8::1]:8080/v1":        true,
		"http://[::ffff:203.0.113.7]:8080/v1": true,
		"http://localhost.example.com/v1":     true,
		"http://localhost:8080/v1":            false,
		"http://LOCALHOST:8080/v1":            false,
		"http://localhost.:8080/v1":           false,
		"http://127.0.0.1:8080/v1":            false,
		"http://127.1.2.3:8080/v1":            false,
		"http://[::1]:8080/v1":                false,
		"http://[::1%25lo]:8080/v1":           false,
		"http://[::ffff:127.0.0.1]:8080/v1":   false,
	} {
		if got := sendsKeyInClear(baseURL); got != want {
			t.Errorf("sendsKeyInClear(%q) = %v, want %v", baseURL, got, want)
		}
	}
}

// A key with a character no key has, such as the curly quotes and dash of
// a key copied from a document, is refused before any request, saying which
// character it is and where, never the key.
func TestConfigure_apiKeyNotASCII(t *testing.T) {
	t.Parallel()
	resp := configure(t, map[string]tftypes.Value{"api_key": str("\u201csk\u2013fake-key-0123456789\u201d")}, false)
	if resp.Diagnostics.ErrorsCount() != 1 {
		t.Fatalf("diagnostics %v, want one error", resp.Diagnostics)
	}
	detail := resp.Diagnostics.Errors()[0].Detail()
	if !strings.Contains(detail, "a character that is not ASCII (U+201C, its character 1)") || strings.Contains(detail, "fake") {
		t.Errorf("detail %q, want the first character named, and no part of the key", detail)
	}
}

// A key written into base_url's path (whole or in pieces under 10 characters
// long) or query is refused before any request, as a URL is logged where a
// header is not, and the error shows it as ***.
func TestConfigure_apiKeyInBaseURL(t *testing.T) {
	t.Parallel()
	const key = "sk-fake-key-in-the-url-0123456789"
	for _, baseURL := range []string{
		"https://gw.example.test/v1/" + key, "https://gw.example.test/v1?key=" + strings.ToUpper(key),
		"https://gw.example.test/v1/sk-fak/e-key-in/-the-url/-0123456/789",
	} {
		resp := configure(t, map[string]tftypes.Value{"api_key": str(key), "base_url": str(baseURL)}, false)
		var text string
		for _, d := range resp.Diagnostics {
			text += d.Summary() + ": " + d.Detail()
		}
		if resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(text, "API key in the base URL") ||
			!strings.Contains(text, "***") || strings.Contains(strings.ToLower(text), strings.ToLower(key)) || strings.Contains(text, "the-url") {
			t.Errorf("base_url %q: diagnostics %q, want one error that shows the key as *** only", baseURL, text)
		}
	}
	// A short key, as a test gateway may take, can be part of a host name.
	resp := configure(t, map[string]tftypes.Value{"api_key": str("gwkey"), "base_url": str("https://gwkey.example.test/v1")}, false)
	if resp.Diagnostics.HasError() {
		t.Errorf("a short key in a host name: diagnostics %v, want none", resp.Diagnostics)
	}
}

// A key copied with what a shell, .env file or HTTP header puts around it is
// refused before any request, and the refusal's own words (the variable's
// name) are not scrubbed as if they were the key.
func TestConfigure_apiKeyWrapped(t *testing.T) {
	const secret = "sk-fake-wrapped-0123456789"
	for _, key := range []string{
		"MEGALLM_API_KEY=" + secret, `export MEGALLM_API_KEY="` + secret + `"`, "api_key: " + secret,
		`"` + secret + `"`, "Bearer " + secret, secret + " sk-fake-second",
	} {
		t.Setenv(envAPIKey, key)
		resp := configure(t, nil, false)
		var text string
		for _, d := range resp.Diagnostics {
			text += d.Summary() + ": " + d.Detail()
		}
		if resp.Diagnostics.ErrorsCount() != 1 || !strings.HasPrefix(text, "Invalid "+envAPIKey+": The API key in "+envAPIKey+" ") ||
			strings.Contains(text, "fake") {
			t.Errorf("%s = %q: diagnostics %q, want one error on %s that shows no part of the key", envAPIKey, key, text, envAPIKey)
		}
	}
}

// A key shorter than megallm.MinKeyLength, from api_key or MEGALLM_API_KEY,
// file()'s newline around it or not, is refused on api_key, in words the key
// does not scrub: "a" would have written "ch***r***cters".
func TestConfigure_apiKeyShorterThanMinKeyLength(t *testing.T) {
	const problem = " is shorter than 4 characters, which no API key is: set the key the API issued (an API that checks no " +
		"key, such as a local gateway, takes any value of 4 characters or more, and one of 10 or more that no model id " +
		"holds, such as \"no-key-required\", is not hidden where ids and messages hold it as a word); the key is not shown here."
	for _, tc := range []struct{ configured, env, from string }{
		{configured: "a", from: "api_key"}, {configured: "-\n", from: "api_key"}, {configured: "x/y", env: "sk-not-read", from: "api_key"},
		{env: "a\n", from: envAPIKey}, {configured: " ", env: "Q7", from: envAPIKey},
	} {
		t.Setenv(envAPIKey, tc.env)
		args := map[string]tftypes.Value{}
		if tc.configured != "" {
			args["api_key"] = str(tc.configured)
		}
		resp := configure(t, args, false)
		errs := resp.Diagnostics.Errors()
		if len(errs) != 1 || errs[0].Summary() != "Invalid "+tc.from || !strings.HasPrefix(errs[0].Detail(), "The API key in "+tc.from+problem) {
			t.Errorf("api_key %q, %s %q: diagnostics %v, want one error that the key in %s is too short", tc.configured, envAPIKey, tc.env, resp.Diagnostics, tc.from)
			continue
		}
		if at, ok := errs[0].(diag.DiagnosticWithPath); !ok || !at.Path().Equal(path.Root("api_key")) {
			t.Errorf("api_key %q, %s %q: the error is not on api_key", tc.configured, envAPIKey, tc.env)
		}
	}
}

// A base URL that holds MEGALLM_API_KEY's key is refused even when api_key
// sets another, shorter one. From MEGALLM_BASE_URL, the URL to set instead is
// written without quotes, which a .env file that Docker reads would keep.
func TestConfigure_environmentKeyInBaseURL(t *testing.T) {
	key := testKey(t, envAPIKey)
	t.Setenv(envAPIKey, key)
	resp := configure(t, map[string]tftypes.Value{"api_key": str("gwkey"), "base_url": str("https://gw.example.test/v1/" + key)}, false)
	if resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Summary() != "API key in the base URL" {
		t.Errorf("diagnostics %v, want the base URL refused for the key it holds", resp.Diagnostics)
	}
	t.Setenv(envBaseURL, "https://gw.example.test/v1/"+key)
	resp = configure(t, map[string]tftypes.Value{}, false)
	const want = "Set MEGALLM_BASE_URL to the API root that serves /models, for example https://ai.megallm.io/v1, and"
	if resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), want) {
		t.Errorf("from %s: diagnostics %v, want an error that says: %s", envBaseURL, resp.Diagnostics, want)
	}
}
