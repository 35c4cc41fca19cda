package provider

import (
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// clearProviderEnvironment unsets the variables the provider falls back to.
func clearProviderEnvironment(t *testing.T) {
	t.Helper()
	for _, name := range []string{envAPIKey, envBaseURL, envCatalogFile} {
		t.Setenv(name, "")
	}
}

// An empty provider block reads the API with every default.
func TestResolveSettings_defaults(t *testing.T) {
	clearProviderEnvironment(t)
	settings, diags := resolveSettings(t.Context(), providerConfig{})
	want := providerSettings{
		baseURL:    megallm.DefaultBaseURL,
		baseFrom:   "base_url (or MEGALLM_BASE_URL)",
		authScheme: megallm.AuthBearer,
		timeout:    defaultRequestTimeout,
		maxRetries: defaultMaxRetries,
		keyFrom:    envAPIKey,
	}
	if diags.HasError() || !reflect.DeepEqual(settings, want) {
		t.Errorf("got %+v and %v, want %+v and no error", settings, diags, want)
	}
}

// Each setting advice names takes a value as its kind does: the provider's
// environment variables bare, an argument, or the default's "base_url (or
// MEGALLM_BASE_URL)", which advice asks to set in the provider block, quoted.
func TestSettingKind(t *testing.T) {
	t.Parallel()
	for setting, want := range map[string]megallm.Setting{
		"base_url": megallm.Argument, "catalog_file": megallm.Argument, "base_url (or MEGALLM_BASE_URL)": megallm.Argument,
		envBaseURL: megallm.EnvironmentVariable, envCatalogFile: megallm.EnvironmentVariable,
	} {
		if got := settingKind(setting); got != want {
			t.Errorf("settingKind(%q) = %d, want %d", setting, got, want)
		}
	}
}

// catalog_file wins over the API settings, which are left unresolved but for
// the keys, api_key's and MEGALLM_API_KEY's, scrubbed from the file, and the
// base URL and auth scheme that the advice to save the file names
// (saveAdvice), and a configured file does not warn; the key is trimmed for
// the API.
func TestResolveSettings_catalogFileBeforeAPI(t *testing.T) {
	clearProviderEnvironment(t)
	t.Setenv(envAPIKey, "sk-fake-env-key")
	cfg := providerConfig{
		CatalogFile: types.StringValue("catalog.json"),
		BaseURL:     types.StringValue("https://127.0.0.1:8443/v1"),
		APIKey:      types.StringValue(" sk-fake-key\n"),
	}
	settings, diags := resolveSettings(t.Context(), cfg)
	want := providerSettings{catalogFile: "catalog.json", fileFrom: "catalog_file", fileKeys: []string{"sk-fake-key", "sk-fake-env-key"},
		baseURL: "https://127.0.0.1:8443/v1", baseFrom: "base_url", authScheme: megallm.AuthBearer}
	if len(diags) != 0 || !reflect.DeepEqual(settings, want) {
		t.Errorf("got %+v and %v, want only the catalog file, the keys scrubbed from it and what saveAdvice names, "+
			"and no diagnostic", settings, diags)
	}

	cfg.CatalogFile = types.StringNull()
	settings, diags = resolveSettings(t.Context(), cfg)
	if len(diags) != 0 || settings.apiKey != "sk-fake-key" || settings.baseURL != "https://127.0.0.1:8443/v1" {
		t.Errorf("got %+v and %v, want the trimmed key and the configured base_url", settings, diags)
	}
}

// MEGALLM_CATALOG_FILE with white space around it, as $(cat file) or a
// copied line leaves it, is an error that says how to write it.
func TestResolveSettings_catalogFileFromEnvironmentWithWhiteSpace(t *testing.T) {
	clearProviderEnvironment(t)
	t.Setenv(envCatalogFile, "catalog.json\n")
	_, diags := resolveSettings(t.Context(), providerConfig{CatalogFile: types.StringNull()})
	want := `The MEGALLM_CATALOG_FILE environment variable is set, but it is "catalog.json\n", with white space around it, ` +
		`which no path has: write it as catalog.json, or unset it.`
	if len(diags) != 1 || diags[0].Detail() != want {
		t.Errorf("got %v, want one error: %s", diags, want)
	}
}

// A policy's mistakes found at Configure are sentences, one per line, as its
// validator's are.
func TestResolveSettings_policyMistakesAreSentences(t *testing.T) {
	clearProviderEnvironment(t)
	policy := types.DynamicValue(types.ObjectValueMust(
		map[string]attr.Type{"allowed_owners": types.NumberType, "models": types.StringType},
		map[string]attr.Value{"allowed_owners": types.NumberValue(big.NewFloat(1)), "models": types.StringValue("gpt-4o")}))
	_, diags := resolveSettings(t.Context(), providerConfig{Policy: policy})
	want := `policy.allowed_owners must be a list of strings such as ["openai", "anthropic"], got a number.` + "\n" +
		`policy.models must be an object such as { "gpt-4o" = { denied = true } }, got a string.`
	if len(diags) != 1 || diags[0].Detail() != want {
		t.Errorf("got %v, want one error:\n%s", diags, want)
	}
}
