package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

var (
	_ datasource.DataSourceWithConfigure        = (*modelDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*modelDataSource)(nil)
)

// NewModelDataSource returns the megallm_model data source.
func NewModelDataSource() datasource.DataSource {
	return &modelDataSource{}
}

// modelDataSource reads one model by id and can check requirements on it.
type modelDataSource struct {
	data *providerData
}

// modelDataSourceConfig holds the arguments of a megallm_model configuration
// as Terraform sent them. Read takes them straight from the configuration
// value: Config.Get into a struct would need a field for each of the model's
// computed attributes too, with the framework's reflection over each, and
// Config.GetAttribute costs a path walk and a conversion per argument, which
// made a read allocate a third more (BENCHMARKS.md). Read builds the state
// directly (modelValues), repeating the arguments as sent.
type modelDataSourceConfig struct {
	ID, Candidates, Require, Currency tftypes.Value
}

// readModelConfig reads the arguments from config.
func readModelConfig(config tfsdk.Config) (modelDataSourceConfig, diag.Diagnostics) {
	values, diags := configValues(config)
	return modelDataSourceConfig{
		ID: values["id"], Candidates: values["candidates"], Require: values["require"], Currency: values["currency"],
	}, diags
}

func (d *modelDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_model"
}

func (d *modelDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := modelAttributes()
	attributes["id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the model to read, exactly as the API lists it, such as `gpt-4o-mini`. The " +
			"plan fails for an id the catalog lacks (with the closest ids), a model the provider's `policy` denies " +
			"or does not allow, and a retired model (with its successor); a deprecated model warns. Set `id` or " +
			"`candidates`; with `candidates`, `id` is the chosen model's.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attributes["candidates"] = candidatesAttribute()
	attributes["require"] = requireAttribute("Fail the plan unless the model meets every one of these requirements; " +
		"the error lists each one it misses, with the model's value.")
	attributes["currency"] = currencyAttribute()
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one model of the MegaLLM catalog, by id or as the first usable one of a list, " +
			"with every field the API reports. The plan fails when the model is unknown, not allowed, retired or " +
			"misses a requirement.",
		Attributes: attributes,
	}
}

func (d *modelDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		idOrCandidatesValidator{},
	}
}

func (d *modelDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req, resp)
}

func (d *modelDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, diags := readModelConfig(req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	var id, currency string
	_ = cfg.ID.As(&id)             // null when candidates are set
	_ = cfg.Currency.As(&currency) // null for the default
	require, err := readRequirements(cfg.Require)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("require"), "Unexpected require value", err.Error())
		return
	}
	require.Currency = currencyOrDefault(currency)
	// A workload is a question for megallm_models; one model's workload cost
	// is estimate_cost, which keeps this data source's schema, and so every
	// plan, as small as before.
	if require.MaxWorkloadCost != nil {
		resp.Diagnostics.AddAttributeError(path.Root("require"), "Workload requirement on megallm_model",
			workloadNotTaken("megallm_model", "a postcondition", "self")+".")
		return
	}
	models, diags := d.data.loadCatalog(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !cfg.Currency.IsNull() {
		resp.Diagnostics.Append(currencyWarning(models, d.data.origin, require.Currency)...)
	}

	model, at := d.choose(models, id, cfg.Candidates, require, &resp.Diagnostics)
	if model == nil {
		return
	}
	resp.Diagnostics.Append(lifecycleWarning(models, model, at)...)
	// The state is the model's attributes and the arguments as configured,
	// built directly as a value of the configuration's type, which is the
	// schema's.
	state := modelValues(model, models.Now())
	state["candidates"] = cfg.Candidates
	state["require"] = cfg.Require
	state["currency"] = cfg.Currency
	resp.State.Raw = tftypes.NewValue(req.Config.Raw.Type(), state)
}

// choose is the model the configuration names: id, or the first of
// candidates that can be used, warning about those passed over; nil after an
// error. at is the argument that named it.
func (d *modelDataSource) choose(models *catalog.Catalog, id string, candidatesValue tftypes.Value, require catalog.Requirements,
	diags *diag.Diagnostics) (model *megallm.Model, at path.Path) {
	if candidatesValue.IsNull() {
		model, rejection := models.Check(id, require)
		if rejection != nil {
			summary, detail := d.rejectionError(models, id, rejection)
			diags.AddAttributeError(rejectionPath(rejection), summary, detail)
			return nil, path.Root("id")
		}
		return model, path.Root("id")
	}
	at = path.Root("candidates")
	candidates, err := readCandidates(candidatesValue)
	if err != nil {
		diags.AddAttributeError(at, "Unexpected candidates value", err.Error())
		return nil, at
	}
	model, passed := models.Choose(candidates, require)
	switch {
	case model == nil && len(passed) > 0 && passed[0].Rejection.Kind == catalog.MiscasedModelID:
		diags.AddAttributeError(at, "Candidate id in the wrong letter case",
			fmt.Sprintf("Model ids are case-sensitive, and these candidates differ from a catalog id only in letter "+
				"case, so they would never be chosen:\n  - %s\n\nWrite each id as the catalog does.",
				candidateLines(passed, models.SuggestUsable)))
	case model == nil:
		none := fmt.Sprintf("None of the %d candidates can be used", len(candidates))
		if len(candidates) == 1 {
			none = "The only candidate cannot be used"
		}
		fix := "Add a candidate that qualifies."
		if slices.ContainsFunc(passed, func(c catalog.Candidate) bool { return c.Rejection.Kind == catalog.UnmetRequirements }) {
			fix = "Add a candidate that qualifies, or relax require."
		}
		diags.AddAttributeError(at, "No candidate model qualifies",
			fmt.Sprintf("%s:\n  - %s\n\n%s", none, candidateLines(passed, models.SuggestUsable), fix))
	case len(passed) > 0:
		diags.AddAttributeWarning(at, "Candidate models passed over",
			fmt.Sprintf("Chose %q, candidate %d of %d, because the ones before it cannot be used:\n  - %s",
				model.ID, len(passed)+1, len(candidates), candidateLines(passed, models.SuggestUsable)))
	}
	return model, at
}

// rejectionPath is the argument a rejection of id is reported on.
func rejectionPath(r *catalog.Rejection) path.Path {
	if r.Kind == catalog.UnmetRequirements {
		return path.Root("require")
	}
	return path.Root("id")
}

// rejectionError says why the model with this id cannot be used, and how to
// fix it.
func (d *modelDataSource) rejectionError(models *catalog.Catalog, id string, r *catalog.Rejection) (summary, detail string) {
	switch r.Kind {
	case catalog.NotInCatalog, catalog.MiscasedModelID:
		return "Unknown MegaLLM model id", fmt.Sprintf("The MegaLLM catalog (%d models from %s) has no model with "+
			"id %s.%s\n\nIds are case-sensitive. List the available ids with the megallm_models data source.",
			models.Len(), d.data.origin, megallm.Quote(id), didYouMean(r.Suggestions))
	case catalog.RefusedByPolicy:
		return "Model not allowed by the policy", fmt.Sprintf("Model %q %s.\n\nChoose a model the provider's "+
			"policy allows (megallm_models lists only those), or change the policy.", id, r.Refusal)
	case catalog.RetiredModel:
		return "Retired MegaLLM model", fmt.Sprintf("Model %q %s.%s\n\nTo keep planning when a model retires, "+
			"list fallbacks in order in candidates instead of id.", id, r.Words(), adviceWords(r.Advice))
	default:
		return "Model does not meet requirements", fmt.Sprintf("Model %q does not meet %s:\n  - %s\n\n"+
			"Choose another model (a megallm_models data source with the same require lists the models "+
			"that do), or relax require.", id, countRequirements(len(r.Unmet)), strings.Join(r.Unmet, "\n  - "))
	}
}

// candidateLines lists passed-over candidates, one per line with why, as
// many as joinProblems shows: only those are worded, and only those the
// catalog lacks get suggestions (suggest, each a pass over the catalog).
func candidateLines(passed []catalog.Candidate, suggest func(id string) []string) string {
	lines := make([]string, len(passed)) // joinProblems counts the rest
	for i, c := range passed[:min(len(passed), maxProblemsListed)] {
		r := *c.Rejection
		if r.Kind == catalog.NotInCatalog {
			r.Suggestions = suggest(c.ID)
		}
		lines[i] = megallm.Quote(c.ID) + " " + r.Words()
	}
	return joinProblems(lines, "\n  - ")
}

// didYouMean phrases suggestions for an error message: ` Did you mean "a",
// "b" or "c"?`.
func didYouMean(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return " Did you mean " + catalog.QuoteList(values, "or") + "?"
}

// countRequirements is "1 requirement" or "n requirements".
func countRequirements(n int) string {
	if n == 1 {
		return "1 requirement"
	}
	return fmt.Sprintf("%d requirements", n)
}
