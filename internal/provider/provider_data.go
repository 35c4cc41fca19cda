package provider

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// providerData is what Configure hands every data source: one catalog per
// provider process, shared by all reads.
type providerData struct {
	catalog *catalog.Source
	// origin says where the catalog comes from: the models URL or the file.
	origin string
}

// providerDataFrom takes the configured providerData out of a data source's
// Configure request. It returns nil before the provider is configured.
func providerDataFrom(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *providerData {
	if req.ProviderData == nil {
		return nil
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the megallm provider: please report it.", req.ProviderData))
	}
	return data
}

// loadCatalog returns the shared catalog, or a diagnostic that says what went
// wrong and how to fix it. The first read to get the catalog also gets the
// warnings about its odd entries, and the first to get a failure the full
// error; the reads after those get no warnings and a short error that names
// the reader (see readerOf) with the full one, so that a plan says each
// thing once.
func (d *providerData) loadCatalog(ctx context.Context, reader string) (*catalog.Catalog, diag.Diagnostics) {
	var diags diag.Diagnostics
	c, err := d.catalog.CatalogFor(ctx, reader)
	if err != nil {
		summary, detail := describeCatalogError(err)
		if repeated := (*catalog.RepeatedError)(nil); errors.As(err, &repeated) {
			detail = repeatedDetail(repeated)
		}
		diags.AddError(summary, detail)
		return nil, diags
	}
	problems, findings := d.catalog.TakeProblems()
	diags.Append(catalogProblemWarnings(problems, d.origin)...)
	diags.Append(policyFindingWarnings(findings, c, d.origin)...)
	return c, diags
}

// repeatedDetail is the detail of a failure that another data source of the
// same plan reports in full: it names that data source, since Terraform
// prints the errors in the order of the configuration, not of the reads.
func repeatedDetail(err *catalog.RepeatedError) string {
	where := "the first data source that read the catalog in this plan"
	if err.FirstReader != "" {
		where = err.FirstReader + ", the first to read the catalog in this plan"
	}
	if mismatch := (*catalog.PolicyMismatchError)(nil); errors.As(err, &mismatch) {
		return "The provider's policy names models in another letter case than the catalog: the error is shown in " +
			"full, with how to fix it, on " + where + "."
	}
	return "The catalog could not be read: the same error is shown in full, with how to fix it, on " + where +
		". The provider makes no further requests for it within this plan; the next plan tries again."
}

// readerOf names a data source, from its type and configuration, for an
// error shown on another one. The framework does not tell a provider a data
// source's address, so it is named by what it reads: `the megallm_model data
// source with id = "gpt-4o"`, `... whose candidates start with "gpt-4o"`,
// `the megallm_models data source with type = "chat"`.
func readerOf(typeName string, config tftypes.Value) string {
	name := "the " + typeName + " data source"
	var values map[string]tftypes.Value
	if config.As(&values) != nil {
		return name
	}
	known := func(attribute string) (string, bool) {
		var s string
		v, ok := values[attribute]
		ok = ok && v.IsFullyKnown() && !v.IsNull() && v.As(&s) == nil
		return s, ok
	}
	if typeName != "megallm_model" {
		if kind, ok := known("type"); ok {
			return fmt.Sprintf("%s with type = %s", name, megallm.Quote(kind))
		}
		return name
	}
	if id, ok := known("id"); ok {
		return fmt.Sprintf("%s with id = %s", name, megallm.Quote(id))
	}
	if v, ok := values["candidates"]; ok && v.IsFullyKnown() && !v.IsNull() {
		if candidates, err := readCandidates(v); err == nil {
			return fmt.Sprintf("%s whose candidates start with %s", name, megallm.Quote(candidates[0]))
		}
	}
	return name
}

const setKeyHint = "Set api_key in the provider \"megallm\" block (from a sensitive variable, for example), " +
	"or set the " + EnvAPIKey + " environment variable."

// describeCatalogError turns a client error into a diagnostic summary and a
// detail that says how to fix it. Client errors never contain the key.
func describeCatalogError(err error) (summary, detail string) {
	var apiErr *megallm.APIError
	var respErr *megallm.ResponseError
	var timeoutErr *megallm.TimeoutError
	var fileErr *megallm.CatalogFileError
	var unknownAuthority x509.UnknownAuthorityError
	var mismatch *catalog.PolicyMismatchError
	switch {
	case errors.As(err, &mismatch):
		return "Provider policy names models in the wrong letter case", policyMismatchDetail(mismatch)
	case errors.Is(err, context.Canceled):
		return "Reading the MegaLLM catalog was cancelled",
			fmt.Sprintf("Terraform was interrupted (by Ctrl-C, for example) while the megallm provider was reading "+
				"the model catalog, so the read stopped: %s.\n\nNothing is wrong with the provider's configuration "+
				"(base_url, api_key or catalog_file); run the command again to read the catalog.", err)
	case errors.As(err, &fileErr):
		return "Cannot read catalog_file",
			fmt.Sprintf("%s.\n\nThe file must hold a GET /models answer, for example saved with\n"+
				"  curl -fsS -H \"Authorization: Bearer $%s\" %s/models > catalog.json\n"+
				"Check catalog_file (or %s).", err, EnvAPIKey, megallm.DefaultBaseURL, EnvCatalogFile)
	case errors.Is(err, megallm.ErrMissingAPIKey):
		return "Missing MegaLLM API key",
			"The megallm provider needs an API key to read the model catalog, and none is configured. " + setKeyHint
	case errors.As(err, &apiErr) && apiErr.Unauthorized():
		return "MegaLLM rejected the API key",
			fmt.Sprintf("%s.\n\nCheck that the key is valid and not revoked, and that auth_scheme matches how "+
				"the key must be sent. %s", err, setKeyHint)
	case errors.As(err, &timeoutErr):
		return "MegaLLM API timed out",
			fmt.Sprintf("%s.\n\nThe limit is request_timeout = %q, per attempt. Raise request_timeout if the API "+
				"is slow to answer from here, or check base_url and your network.", err, timeoutErr.Timeout.String())
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusTooManyRequests:
		return "MegaLLM API rate limit",
			fmt.Sprintf("%s.\n\nThe API is throttling this key. Try again later, raise max_retries (up to 10) "+
				"to wait longer, or run fewer plans at once with the same key.", err)
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound:
		return "MegaLLM API not found at base_url",
			fmt.Sprintf("%s.\n\nCheck base_url (or %s): it must be the API root that serves /models, "+
				"for example %q.", err, EnvBaseURL, megallm.DefaultBaseURL)
	case errors.As(err, &unknownAuthority):
		return "Cannot verify the MegaLLM API's TLS certificate",
			fmt.Sprintf("%s.\n\nThe server's certificate is signed by an authority this machine does not trust, as "+
				"happens behind a proxy that inspects TLS or with a self-signed gateway. If you trust that authority, "+
				"give the provider its certificate (PEM): on Linux, set the SSL_CERT_FILE environment variable to a file "+
				"that holds it (SSL_CERT_FILE replaces the system's CA file, so add the certificate to a copy of that "+
				"file) or SSL_CERT_DIR to a directory of such files; on macOS and Windows, add it to the system's trust "+
				"store. Otherwise, check base_url (or %s).", err, EnvBaseURL)
	case errors.As(err, &apiErr):
		return "MegaLLM API error",
			fmt.Sprintf("%s.\n\nIf the error persists, check the MegaLLM status page or try again later.", err)
	case errors.As(err, &respErr):
		return "Unexpected response from the MegaLLM API",
			fmt.Sprintf("%s.\n\nCheck that base_url (or %s) points at the MegaLLM API and not at a proxy or a web page.",
				err, EnvBaseURL)
	default:
		return "Cannot reach the MegaLLM API",
			fmt.Sprintf("%s.\n\nCheck base_url (or %s), your network and proxy settings; each attempt is limited by request_timeout.",
				err, EnvBaseURL)
	}
}
