// Package provider is the Terraform side of the MegaLLM provider: it
// translates between Terraform values and the megallm and catalog packages.
package provider

import (
	"context"
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Environment variables the provider reads when an argument is not set.
const (
	envAPIKey      = "MEGALLM_API_KEY" //nolint:gosec // G101: the name of a variable, not a credential.
	envBaseURL     = "MEGALLM_BASE_URL"
	envCatalogFile = "MEGALLM_CATALOG_FILE"
)

// Defaults of the optional arguments.
const (
	defaultRequestTimeout = 30 * time.Second
	defaultMaxRetries     = 3
	maxMaxRetries         = 10
)

var (
	_ provider.ProviderWithFunctions      = (*megallmProvider)(nil)
	_ provider.ProviderWithValidateConfig = (*megallmProvider)(nil)
)

// megallmProvider is the megallm provider.
type megallmProvider struct {
	version string
	// now is the clock the catalog's lifecycles are computed by: time.Now but
	// in tests.
	now func() time.Time
}

// providerConfig is the provider block.
type providerConfig struct {
	APIKey         types.String  `tfsdk:"api_key"`
	BaseURL        types.String  `tfsdk:"base_url"`
	AuthScheme     types.String  `tfsdk:"auth_scheme"`
	RequestTimeout types.String  `tfsdk:"request_timeout"`
	MaxRetries     types.Number  `tfsdk:"max_retries"`
	CatalogFile    types.String  `tfsdk:"catalog_file"`
	Policy         types.Dynamic `tfsdk:"policy"`
}

// New returns a constructor of the provider for this release version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &megallmProvider{version: version, now: time.Now}
	}
}

// Metadata names the provider and reports its version.
func (p *megallmProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "megallm"
	resp.Version = p.version
}

// Schema describes the provider block.
func (p *megallmProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the [MegaLLM](https://megallm.io) model catalog so that a configuration can " +
			"validate model ids, read context limits and choose models by capability and price at `terraform plan`.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "MegaLLM API key. Falls back to the `" + envAPIKey + "` environment variable " +
					"when null or blank, so that `api_key = var.key` with an empty default reads the environment. " +
					"Needed to read the catalog; never logged or shown. White space around the key is removed, so " +
					"`file(\"key.txt\")` works with a file that ends in a newline; a control character or a character " +
					"that is not ASCII (such as a curly quote) inside the key, or a key of fewer than 4 characters, is an error.",
				Optional:  true,
				Sensitive: true,
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "API root that serves `/models`. Falls back to the `" + envBaseURL +
					"` environment variable (empty is unset; white space alone is an error), then `" + megallm.DefaultBaseURL + "`. Must be an absolute " +
					"`https://` or `http://` URL with a host, and a port from 1 to 65535 if any; a trailing slash " +
					"is fine. No white space, invisible character, quotes around it, query, fragment or " +
					"`user:password@`: the key goes in `api_key`.",
				Optional: true,
				Validators: []validator.String{orNull(baseURLValidator, "URL",
					fmt.Sprintf("use %s or the default %q", envBaseURL, megallm.DefaultBaseURL))},
			},
			"auth_scheme": schema.StringAttribute{
				MarkdownDescription: "How the key is sent: `bearer` (default) sends `Authorization: Bearer KEY`; " +
					"`x-api-key` sends `x-api-key: KEY`. Exactly one of the two headers is sent.",
				Optional: true,
				Validators: []validator.String{orNull(authSchemeValidator, "auth scheme",
					fmt.Sprintf("use the default %q", megallm.AuthBearer))},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Time limit of one HTTP attempt, reading the answer included, as a positive Go " +
					"duration such as `30s` or `1m`. Defaults to `30s`.",
				Optional: true,
				Validators: []validator.String{orNull(positiveDurationValidator, "duration",
					fmt.Sprintf("use the default %q", defaultRequestTimeout))},
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
					"module tests. Falls back to the `" + envCatalogFile + "` environment variable (empty is unset; white " +
					"space alone is an error). A relative path " +
					"is relative to the directory Terraform runs in; `\"${path.module}/catalog.json\"` is safest.",
				Optional: true,
				Validators: []validator.String{orNull(argumentCheck{describes: "the path of " + savedAnswer + ", not blank, " +
					"without white space around it", str: func(at, file string) string { return sentence(spaced(at, file, "path")) }},
					"path", "read the catalog from the API (or from the file "+envCatalogFile+" names)")},
			},
			"policy": policyAttribute(),
		},
	}
}

// ValidateConfig remembers api_key for keyScrubber. Terraform validates the
// provider block before the data sources, in the same process, both in the
// walk that validates the configuration (where it does not configure the
// provider, and a key from file() is known) and in the plan's.
func (p *megallmProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, _ *provider.ValidateConfigResponse) {
	var key types.String
	_ = req.Config.GetAttribute(ctx, path.Root("api_key"), &key)
	rememberKey(secretPart(key.ValueString()))
}

// Configure builds the shared catalog source from the provider block and the
// environment. It sends no request.
func (p *megallmProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerConfig
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	scrub := keyScrubber(cfg.APIKey.ValueString())
	defer func() { resp.Diagnostics = scrubbed(resp.Diagnostics, scrub) }()
	// A Terraform that can defer plans again once they are known. Another
	// gets the error from the first data source that reads the catalog, not
	// from Configure: a destroy plan reads none but configures the provider,
	// and Terraform orders no destroy of a data source that an argument reads
	// after it, so that argument may be unknown there.
	if unknown := unknownArguments(req.Config.Raw); len(unknown) > 0 {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
			return
		}
		resp.DataSourceData = &providerData{catalog: catalog.NewSource(func(context.Context) ([]megallm.Model, []megallm.Problem, error) {
			return nil, nil, unknown
		}, nil), scrub: scrub}
		return
	}

	settings, diags := resolveSettings(ctx, cfg)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	data, diags := newProviderData(settings, scrub, megallm.UserAgent(req.TerraformVersion, p.version), p.now)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.DataSourceData = data
}

// unknownArguments names the arguments of the provider block config that
// are needed and not known yet, wholly: a policy is unknown when any value
// inside it is. A catalog file, in catalog_file or MEGALLM_CATALOG_FILE,
// leaves the API's arguments unused but api_key, which it is scrubbed of.
func unknownArguments(config tftypes.Value) unknownArgumentsError {
	var attrs map[string]tftypes.Value
	_ = config.As(&attrs) // the provider block, an object
	names := []string{"api_key", "base_url", "auth_scheme", "request_timeout", "max_retries", "catalog_file", "policy"}
	if file := attrs["catalog_file"]; file.IsKnown() && (!file.IsNull() || os.Getenv(envCatalogFile) != "") {
		names = []string{"api_key", "policy"}
	}
	return slices.DeleteFunc(names, func(name string) bool { return attrs[name].IsFullyKnown() })
}

// unknownArgumentsError names the provider block's arguments that are not
// known at plan (unknownArguments).
type unknownArgumentsError []string

func (e unknownArgumentsError) Error() string {
	names, verb := e[len(e)-1], "depends"
	if len(e) > 1 {
		names, verb = strings.Join(e[:len(e)-1], ", ")+" and "+names, "depend"
	}
	return fmt.Sprintf("The megallm provider block's %s %s on a value that Terraform will only know after apply", names, verb)
}

// detail is e, why its arguments must be known at plan, and how.
func (e unknownArgumentsError) detail() string {
	sets := make([]string, len(e))
	for i, name := range e {
		from := "a variable or a literal"
		if env, ok := map[string]string{"api_key": envAPIKey, "base_url": envBaseURL, "catalog_file": envCatalogFile}[name]; ok {
			from = "a variable, a literal or the " + env + " environment variable"
		}
		sets[i] = name + " from " + from
	}
	return fmt.Sprintf("%s, but the provider reads the model catalog during plan. Set %s, or apply the resource it "+
		"depends on first (terraform apply -target=...); a time from timestamp(), which Terraform only knows at apply, "+
		"from plantimestamp(). A terraform destroy stopped here can skip the reads with -refresh=false.", e,
		strings.Join(sets, "; "))
}

// newProviderData builds the catalog source of the file or of the API (with
// userAgent), the clock now and what a data source reports scrubbed by scrub,
// and warns when the API key would cross the network unencrypted.
func newProviderData(s providerSettings, scrub func(string) string, userAgent string, now func() time.Time) (*providerData, diag.Diagnostics) {
	var diags diag.Diagnostics
	// The file's catalog and the API's alike, with the policy applied by the
	// clock now, its names checked against the catalog (spacedPolicyNames),
	// and the ids that hold the key known for left out (keyHeld).
	source := func(fetch func(context.Context) ([]megallm.Model, []megallm.Problem, error)) *catalog.Source {
		return catalog.NewSource(fetch, s.policy).WithClock(now).WithCheck(spacedPolicyNames(s.policy)).WithLeftOut(keyHeld(scrub))
	}
	if file := s.catalogFile; file != "" {
		return &providerData{
			catalog: source(func(context.Context) ([]megallm.Model, []megallm.Problem, error) {
				return megallm.ReadCatalogFile(file, s.fileKeys...)
			}),
			origin: s.fileFrom + " " + megallm.QuotePath(file),
			from:   s.fileFrom,
			save:   saveAdvice(s.baseURL, s.baseFrom, s.authScheme, s.fileKeys),
			scrub:  scrub,
		}, diags
	}
	client, err := megallm.New(megallm.Config{
		BaseURL:    s.baseURL,
		APIKey:     s.apiKey,
		AuthScheme: s.authScheme,
		Timeout:    s.timeout,
		MaxRetries: s.maxRetries,
		UserAgent:  userAgent,
		Transport:  newLoggingTransport(megallm.NewTransport(), s.apiKey),
		OnRetry:    logRetry,
	})
	if err != nil {
		diags.AddError("Cannot configure the megallm provider", sentence(err))
		return nil, diags
	}
	if s.apiKey != "" && sendsKeyInClear(s.baseURL) {
		diags.AddAttributeWarning(path.Root("base_url"), "MegaLLM API key sent unencrypted",
			fmt.Sprintf("base_url sends requests to %s, plain http:// to a host that is not this machine, so the API key "+
				"crosses the network unencrypted where anyone on the path can read it. Use an https:// base_url.",
				client.ModelsURL()))
	}
	return &providerData{catalog: source(client.ListModels), origin: client.ModelsURL(), scrub: scrub,
		maxRetries: s.maxRetries, from: s.keyFrom, baseFrom: s.baseFrom}, diags
}

// logRetry tells TF_LOG readers why the plan is waiting, and when the wait
// is a backoff because the API's Retry-After could not be read, that it was.
func logRetry(ctx context.Context, r megallm.Retry) {
	fields := map[string]any{"attempt": r.Attempt, "max_attempts": r.Of, "wait": r.Wait.String(), "error": r.Err.Error()}
	if r.IgnoredRetryAfter != "" {
		fields["retry_after_ignored"] = r.IgnoredRetryAfter
	}
	tflog.Warn(ctx, "MegaLLM API request failed; retrying", fields)
}

// Resources returns none: the provider only reads.
func (p *megallmProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}

// DataSources lists megallm_models and megallm_model.
func (p *megallmProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{newModelsDataSource, newModelDataSource}
}

// Functions lists the provider functions, which make no API call and read
// no clock: each is pure, its result given by its arguments alone, as
// Terraform requires. It calls a function again at apply, on the values of a
// plan saved perhaps days before, and fails the apply when the result differs
// (TestFunctions_savedPlanAppliedNextDay).
func (p *megallmProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{newEstimateCostFunction, newUnmetRequirementsFunction, newSupportsFunction}
}

// providerFunction is a provider function: its name, its definition and run.
type providerFunction struct {
	name       string
	definition function.Definition
	run        func(ctx context.Context, req function.RunRequest, resp *function.RunResponse)
}

func (f providerFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = f.name
}

func (f providerFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = f.definition
}

// Run runs f with its error ended for Terraform (functionErrorText) and
// scrubbed of the API key, which an argument may hold by mistake (supports(m,
// var.api_key)): a function sees no api_key, so keyScrubber's remembered keys
// and MEGALLM_API_KEY's are the ones it knows.
func (f providerFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	f.run(ctx, req, resp)
	if resp.Error != nil {
		resp.Error.Text = keyScrubber("")(functionErrorText(resp.Error))
	}
}

// argumentsKnown reports whether every argument of req is wholly known. The
// functions take arguments not known yet (AllowUnknownValues), so that what
// is known is checked at plan, a typo beside a value known after apply too;
// with one, a function returns without setting its result, which the
// framework starts unknown: Terraform shows it as known after apply.
func argumentsKnown(ctx context.Context, req function.RunRequest) bool {
	var arg attr.Value
	for i := 0; req.Arguments.GetArgument(ctx, i, &arg) == nil; i++ {
		if v, err := arg.ToTerraformValue(ctx); err == nil && !v.IsFullyKnown() {
			return false
		}
	}
	return true
}

// sendsKeyInClear reports whether baseURL is plain http to a host other than
// this machine (localhost or a loopback address).
func sendsKeyInClear(baseURL string) bool {
	u, err := url.Parse(baseURL)
	if err != nil || u.Scheme != "http" {
		return false
	}
	addr, err := netip.ParseAddr(u.Hostname())
	loopback := strings.EqualFold(strings.TrimSuffix(u.Hostname(), "."), "localhost") || err == nil && addr.Unmap().IsLoopback()
	return !loopback
}
