// Package provider is the Terraform side of the MegaLLM provider: the
// provider configuration and the data sources. It translates between
// Terraform values and the megallm client and catalog packages.
package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Environment variables the provider reads when an argument is not set.
const (
	EnvAPIKey      = "MEGALLM_API_KEY" //nolint:gosec // G101: the name of a variable, not a credential.
	EnvBaseURL     = "MEGALLM_BASE_URL"
	EnvCatalogFile = "MEGALLM_CATALOG_FILE"
)

// Defaults of the optional arguments.
const (
	defaultRequestTimeout = 30 * time.Second
	defaultMaxRetries     = 3
	maxMaxRetries         = 10
)

var _ provider.ProviderWithFunctions = (*MegaLLMProvider)(nil)

// MegaLLMProvider is the megallm provider.
type MegaLLMProvider struct {
	version string
}

// providerModel is the provider block.
type providerModel struct {
	APIKey         types.String `tfsdk:"api_key"`
	BaseURL        types.String `tfsdk:"base_url"`
	AuthScheme     types.String `tfsdk:"auth_scheme"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
	MaxRetries     types.Number `tfsdk:"max_retries"`
	CatalogFile    types.String `tfsdk:"catalog_file"`
}

// New returns a constructor of the provider for this release version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &MegaLLMProvider{version: version}
	}
}

// Metadata names the provider and reports its version.
func (p *MegaLLMProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "megallm"
	resp.Version = p.version
}

// Schema describes the provider block.
func (p *MegaLLMProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the [MegaLLM](https://megallm.io) model catalog so that a configuration can " +
			"validate model ids, read context limits and choose models by capability and price at `terraform plan`.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "MegaLLM API key. Falls back to the `" + EnvAPIKey + "` environment variable. " +
					"Needed to read the catalog; never logged or shown. White space around the key is removed, so " +
					"`file(\"key.txt\")` works with a file that ends in a newline; a control character inside the " +
					"key is an error.",
				Optional:  true,
				Sensitive: true,
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "API root that serves `/models`. Falls back to the `" + EnvBaseURL +
					"` environment variable, then `" + megallm.DefaultBaseURL + "`. Must be an absolute " +
					"`https://` or `http://` URL with a host, and a port from 1 to 65535 if any; a trailing slash " +
					"is fine. No white space, query, fragment or `user:password@`: the key goes in `api_key`.",
				Optional:   true,
				Validators: []validator.String{baseURLValidator{}},
			},
			"auth_scheme": schema.StringAttribute{
				MarkdownDescription: "How the key is sent: `bearer` (default) sends `Authorization: Bearer KEY`; " +
					"`x-api-key` sends `x-api-key: KEY`. Exactly one of the two headers is sent.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(megallm.AuthSchemeNames()...)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Time limit of one HTTP attempt, reading the answer included, as a Go duration " +
					"such as `30s` or `1m`. Defaults to `30s`.",
				Optional:   true,
				Validators: []validator.String{positiveDurationValidator{}},
			},
			"max_retries": schema.NumberAttribute{
				MarkdownDescription: fmt.Sprintf("How many times a failed request may be retried, from 0 to %d. "+
					"Defaults to %d.", maxMaxRetries, defaultMaxRetries),
				Optional:   true,
				Validators: []validator.Number{wholeNumberBetween(0, maxMaxRetries)},
			},
			"catalog_file": schema.StringAttribute{
				MarkdownDescription: "Path to a saved `GET /models` answer (JSON) to read the catalog from instead of " +
					"the API: no request is sent and no key is needed. For air-gapped plans, reproducible CI and " +
					"module tests. Falls back to the `" + EnvCatalogFile + "` environment variable. A relative path " +
					"is relative to the directory Terraform runs in; `\"${path.module}/catalog.json\"` is safest.",
				Optional: true,
				Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`\S`),
					"must be the path of a saved GET /models answer, not blank; leave catalog_file out to read the "+
						"catalog from the API")},
			},
		},
	}
}

// Configure builds the API client and the shared catalog from the provider
// block and the environment. It sends no request: the catalog is fetched when
// a data source first needs it, once per provider process.
func (p *MegaLLMProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A Terraform that can defer (an experimental feature so far) plans the
	// data sources again once the unknown arguments are known; others get an
	// error that says how to make them known.
	unknown := false
	for _, arg := range []struct {
		name  string
		value interface{ IsUnknown() bool }
	}{
		{"api_key", cfg.APIKey}, {"base_url", cfg.BaseURL}, {"auth_scheme", cfg.AuthScheme},
		{"request_timeout", cfg.RequestTimeout}, {"max_retries", cfg.MaxRetries}, {"catalog_file", cfg.CatalogFile},
	} {
		if arg.value.IsUnknown() && req.ClientCapabilities.DeferralAllowed {
			unknown = true
		} else if arg.value.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(arg.name), "Provider argument not known at plan time",
				fmt.Sprintf("%s depends on a value that Terraform will only know after apply, but the megallm "+
					"provider reads the model catalog during plan. Set %s from a variable, a literal or the "+
					"environment, or apply the resource it depends on first (terraform apply -target=...).", arg.name, arg.name))
		}
	}
	if unknown {
		resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}

	if file := firstSet(cfg.CatalogFile.ValueString(), os.Getenv(EnvCatalogFile)); file != "" {
		if cfg.CatalogFile.IsNull() {
			warnCatalogFileFromEnvironment(&resp.Diagnostics, cfg, file)
		}
		resp.DataSourceData = &providerData{
			catalog: catalog.NewSource(func(context.Context) ([]megallm.Model, []megallm.Problem, error) {
				return megallm.ReadCatalogFile(file)
			}),
			origin: "catalog_file " + file,
		}
		return
	}

	baseURL := firstSet(cfg.BaseURL.ValueString(), os.Getenv(EnvBaseURL), megallm.DefaultBaseURL)
	if cfg.BaseURL.IsNull() {
		if _, err := megallm.ParseBaseURL(baseURL); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid "+EnvBaseURL,
				fmt.Sprintf("The %s environment variable is set, but %s.%s Set it to the API root that serves "+
					"/models, for example %q, or unset it.", EnvBaseURL, err, baseURLHint(err), megallm.DefaultBaseURL))
			return
		}
	}
	timeout := defaultRequestTimeout
	if !cfg.RequestTimeout.IsNull() {
		// The validator has already rejected anything that does not parse.
		timeout, _ = time.ParseDuration(cfg.RequestTimeout.ValueString())
	}

	maxRetries := int64(defaultMaxRetries)
	if !cfg.MaxRetries.IsNull() {
		// The validator has already checked that it is a whole number from 0 to 10.
		maxRetries, _ = cfg.MaxRetries.ValueBigFloat().Int64()
	}

	apiKey, diags := resolveAPIKey(cfg.APIKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, err := megallm.New(megallm.Config{
		BaseURL:    baseURL,
		APIKey:     apiKey,
		AuthScheme: megallm.AuthScheme(firstSet(cfg.AuthScheme.ValueString(), string(megallm.AuthBearer))),
		Timeout:    timeout,
		MaxRetries: int(maxRetries),
		OnRetry:    logRetry,
		UserAgent:  "terraform-provider-megallm/" + p.version,
		Transport:  &loggingTransport{next: http.DefaultTransport, apiKey: apiKey},
	})
	if err != nil {
		resp.Diagnostics.AddError("Cannot configure the megallm provider", err.Error())
		return
	}
	if apiKey != "" && sendsKeyInClear(baseURL) {
		resp.Diagnostics.AddAttributeWarning(path.Root("base_url"), "MegaLLM API key sent unencrypted",
			fmt.Sprintf("base_url %s uses plain http:// to a host that is not this machine, so the API key "+
				"crosses the network unencrypted where anyone on the path can read it. Use an https:// base_url.",
				client.ModelsURL()))
	}
	resp.DataSourceData = &providerData{catalog: catalog.NewSource(client.ListModels), origin: client.ModelsURL()}
}

// warnCatalogFileFromEnvironment says that MEGALLM_CATALOG_FILE, set in the
// environment, takes the catalog from a file although the provider block
// configures the API: a CI job can make plans offline without editing the
// configuration, but never silently.
func warnCatalogFileFromEnvironment(diags *diag.Diagnostics, cfg providerModel, file string) {
	var ignored []string
	for _, arg := range []struct {
		name  string
		value types.String
	}{{"base_url", cfg.BaseURL}, {"api_key", cfg.APIKey}, {"auth_scheme", cfg.AuthScheme}} {
		if !arg.value.IsNull() {
			ignored = append(ignored, arg.name)
		}
	}
	if len(ignored) == 0 {
		return
	}
	diags.AddWarning("MegaLLM catalog read from "+EnvCatalogFile,
		fmt.Sprintf("The %s environment variable is set, so the catalog is read from the file %s and no request "+
			"is sent; the provider \"megallm\" block also sets %s, which the file leaves unused. Unset %s to "+
			"read the catalog from the API.", EnvCatalogFile, file, strings.Join(ignored, ", "), EnvCatalogFile))
}

// resolveAPIKey is api_key, else MEGALLM_API_KEY, without surrounding white
// space: a key read with file() ends in a newline, which no HTTP header may
// carry. A control character inside the key is an error that names where the
// key came from and never shows it.
func resolveAPIKey(configured types.String) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	key, source := strings.TrimSpace(configured.ValueString()), "api_key"
	if key == "" {
		key, source = strings.TrimSpace(os.Getenv(EnvAPIKey)), EnvAPIKey
	}
	if strings.ContainsFunc(key, unicode.IsControl) {
		diags.AddAttributeError(path.Root("api_key"), "Invalid "+source,
			fmt.Sprintf("The API key in %s contains a control character (such as a line break or a tab) inside it, "+
				"which an HTTP header cannot carry; the key is not shown here. White space around the key is "+
				"removed, but not inside it. Check the file, variable or environment the key comes from.", source))
		return "", diags
	}
	return key, diags
}

// Resources returns none: the provider only reads.
func (p *MegaLLMProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}

// DataSources lists megallm_models and megallm_model.
func (p *MegaLLMProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewModelsDataSource,
		NewModelDataSource,
	}
}

// Functions lists the provider functions. They work on the objects the data
// sources return and make no API call.
func (p *MegaLLMProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewEstimateCostFunction,
		NewUnmetRequirementsFunction,
		NewSupportsFunction,
	}
}

// logRetry tells TF_LOG readers why the plan is waiting.
func logRetry(ctx context.Context, r megallm.Retry) {
	tflog.Warn(ctx, "MegaLLM API request failed; retrying", map[string]any{
		"attempt": r.Attempt, "max_attempts": r.Of, "wait": r.Wait.String(), "error": r.Err.Error(),
	})
}

// sendsKeyInClear reports whether baseURL is plain http to a host other than
// this machine.
func sendsKeyInClear(baseURL string) bool {
	u, err := url.Parse(baseURL)
	if err != nil || u.Scheme != "http" {
		return false
	}
	return !isLoopback(u.Hostname())
}

// isLoopback reports whether host names this machine: localhost, or a
// loopback address (127.0.0.0/8, ::1 with or without a zone such as ::1%lo,
// or 127.0.0.1 mapped into IPv6 as ::ffff:127.0.0.1).
func isLoopback(host string) bool {
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	addr, err := netip.ParseAddr(host)
	return err == nil && addr.Unmap().IsLoopback()
}

// firstSet returns the first non-blank value.
func firstSet(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
