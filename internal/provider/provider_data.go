package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// providerData is the catalog Configure hands every data source.
type providerData struct {
	catalog *catalog.Source
	// origin says where the catalog comes from: the models URL or the file.
	origin string
	// scrub replaces the API key in what a data source reports.
	scrub func(string) string
	// maxRetries, from (where the key or the catalog file came from) and
	// baseFrom are the providerSettings that advice names; save says how to
	// save a catalog file (saveAdvice).
	maxRetries int
	from       string
	baseFrom   string
	save       string
}

// dataSource is what both data sources share: the configured providerData,
// nil before the provider is configured.
type dataSource struct{ data *providerData }

func (d *dataSource) Configure(_ context.Context, req datasource.ConfigureRequest, _ *datasource.ConfigureResponse) {
	d.data, _ = req.ProviderData.(*providerData) // the provider's Configure sets nothing else
}

// scrubKey replaces the API key in what a Read reports (providerData.scrub).
func (d *dataSource) scrubKey(resp *datasource.ReadResponse) {
	if d.data != nil && d.data.scrub != nil {
		resp.Diagnostics = scrubbed(resp.Diagnostics, d.data.scrub)
	}
}

// keyHeld says why the catalog has no model of an id that holds the API key
// (that scrub changes); "" for another id (catalog.Source.WithLeftOut).
func keyHeld(scrub func(string) string) func(id string) string {
	return func(id string) string {
		if scrub(id) == id {
			return ""
		}
		return fmt.Sprintf(" The id holds the API key (shown as ***), and every model whose id holds it is left out "+
			"of the catalog, as no configuration could name it without the key: for an API that checks no key, set a "+
			"key of %d characters or more %s.", megallm.MinKeyRun, unhiddenKey)
	}
}

// loadCatalog returns the shared catalog, or an error that says how to fix
// it: the full one to the first reader, with the warnings, a short one
// (repeatedDetail) to the others.
func (d *providerData) loadCatalog(ctx context.Context, reader string) (*catalog.Catalog, diag.Diagnostics) {
	c, err := d.catalog.CatalogFor(ctx, reader)
	if err != nil {
		summary, detail := describeCatalogError(err, d.maxRetries, d.from, d.baseFrom, d.save)
		if repeated := (*catalog.RepeatedError)(nil); errors.As(err, &repeated) {
			detail = repeatedDetail(repeated, reader)
		}
		return nil, diag.Diagnostics{diag.NewErrorDiagnostic(summary, detail)}
	}
	problems, findings := d.catalog.TakeProblems()
	return c, append(catalogProblemWarnings(problems, d.origin, d.baseFrom), policyFindingWarnings(findings, c, d.origin)...)
}

// warnOnce adds the warning at at unless a read of this plan has added it
// (catalog.Source.TakeWarning, DESIGN.md).
func (d *providerData) warnOnce(diags *diag.Diagnostics, at path.Path, summary, detail string) {
	if d.catalog.TakeWarning(summary + "\n" + detail) {
		diags.AddAttributeWarning(at, summary, detail)
	}
}
