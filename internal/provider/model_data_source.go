package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

var (
	_ datasource.DataSourceWithConfigure        = (*modelDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*modelDataSource)(nil)
)

// newModelDataSource returns the megallm_model data source.
func newModelDataSource() datasource.DataSource {
	return &modelDataSource{}
}

// modelDataSource reads one model by id and can check requirements on it.
type modelDataSource struct{ dataSource }

func (d *modelDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_model"
}

func (d *modelDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := modelAttributes()
	attributes["id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the model to read, exactly as the API lists it, such as `gpt-4o-mini`. The " +
			"plan fails for an id the catalog lacks (with the closest ids; for one with white space around it, the id " +
			"as the catalog writes it), a model the provider's `policy` denies " +
			"or does not allow, and a retired model (with its successor); a deprecated model warns. Set `id` or " +
			"`candidates`; with `candidates`, `id` is the chosen model's.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{nameValidator("", "", idKind, `write the id of a model, such as "gpt-4o-mini"`)},
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
		idOrCandidatesValidator,
		workloadValidator(false), // a workload is a question for megallm_models (DESIGN.md)
	}
}

func (d *modelDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	defer d.scrubKey(resp)
	// The arguments, read one by one: the rest of the attributes are the model's (modelValues).
	var id, currency types.String
	var candidatesArg, requireArg types.Dynamic
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("candidates"), &candidatesArg)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("require"), &requireArg)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("currency"), &currency)...)
	if resp.Diagnostics.HasError() {
		return
	}
	require := readArgument(ctx, "require", requireArg, func(v tftypes.Value) (catalog.Requirements, error) {
		return readRequirements(v, currency, "")
	}, &resp.Diagnostics)
	candidates := readArgument(ctx, "candidates", candidatesArg, func(v tftypes.Value) ([]string, error) {
		return readCandidates(v, false) // nil with id; spacedIDs, with the catalog
	}, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	query := catalog.Query{Require: require, Currency: currencyOrDefault(currency.ValueString())}
	reader := "the megallm_model data source" // for errors shown on another (see loadCatalog)
	switch {
	case !id.IsNull():
		reader += " with id = " + megallm.Quote(id.ValueString())
	case candidates != nil:
		reader += " whose candidates start with " + megallm.Quote(candidates[0])
	}
	models, diags := d.data.loadCatalog(ctx, reader)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(spacedIDs(models, id, candidates)...)
	// A mistyped currency's error stands alone: every price bound in it is unmet.
	if resp.Diagnostics.Append(currencyWarning(models, d.data.origin, query, !currency.IsNull())...); resp.Diagnostics.HasError() {
		return
	}
	model, at := d.choose(models, id.ValueString(), candidates, query, &resp.Diagnostics)
	if model == nil {
		return
	}
	d.data.lifecycleWarning(models, model, at, candidates, query, &resp.Diagnostics)
	state := modelValues(model, models.Now())
	state["candidates"], state["require"], state["currency"] = candidatesArg, requireArg, currency
	stateType, _ := resp.State.Schema.Type().(types.ObjectType)
	object, diags := types.ObjectValue(stateType.AttrTypes, state)
	if resp.Diagnostics.Append(diags...); !diags.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, object)...)
	}
}

// spacedIDs refuses an id or candidates with white space around them or an
// invisible character, each written as the catalog writes it (spacedID), or
// with what the ids that can be used suggest for it; the validators leave
// them to the read where it is at plan (nameValidator).
func spacedIDs(models *catalog.Catalog, id types.String, candidates []string) diag.Diagnostics {
	var diags diag.Diagnostics
	meant := func(clean string) string { return idAdvice(models, models.Unknown(clean), " ") }
	if err := spacedID(models, "id", id.ValueString(), meant, rewrite(models, idKind, id.ValueString())); err != nil {
		diags.AddAttributeError(path.Root("id"), "Invalid id", sentence(err))
	}
	at := func(i int) string { return fmt.Sprintf("candidates[%d]", i) }
	mistakes := listedMistakes(len(candidates), func(i int) error {
		return spacedID(models, at(i), candidates[i], meant, rewrite(models, idKind, candidates[i]))
	}, func(i int) error { return spaced(at(i), candidates[i], idKind.noun) })
	if err := joinMistakes(mistakes); err != nil {
		diags.AddAttributeError(path.Root("candidates"), "Invalid candidates", sentences(err))
	}
	return diags
}

// choose is the model id names, or the first usable one of candidates (when
// not nil), warning about those passed over; nil after an error. at is the
// argument that named it.
func (d *modelDataSource) choose(models *catalog.Catalog, id string, candidates []string, query catalog.Query,
	diags *diag.Diagnostics) (model *megallm.Model, at path.Path) {
	if candidates == nil {
		model, rejection := models.Check(id, query)
		if rejection != nil {
			on := path.Root("id")
			if rejection.Kind == catalog.UnmetRequirements {
				on = path.Root("require")
			}
			summary, detail := d.rejectionError(models, id, rejection)
			diags.AddAttributeError(on, summary, detail)
			return nil, path.Root("id")
		}
		return model, path.Root("id")
	}
	at = path.Root("candidates")
	model, passed := models.Choose(candidates, query)
	switch {
	case model == nil && len(passed) > 0 && passed[0].Rejection.Kind == catalog.MisnamedModelID:
		diags.AddAttributeError(at, "Candidate id written otherwise than the catalog",
			misnamedIDs("candidates", "they would never be chosen", candidateLines(models, passed, models.Unknown)))
	case model == nil:
		none := fmt.Sprintf("None of the %d candidates can be used", len(candidates))
		if len(candidates) == 1 {
			none = "The only candidate cannot be used"
		}
		unmet := unmetOf(passed)
		fix := "Add a candidate that qualifies."
		if set := setCurrencyWords(unmet); set != "" {
			fix = set + ", add a candidate that qualifies, or " + relaxAdvice(unmet, "they miss") + "."
		} else if unmet != nil {
			fix = "Add a candidate that qualifies, or " + relaxAdvice(unmet, "they miss") + "."
		}
		diags.AddAttributeError(at, "No candidate model qualifies",
			fmt.Sprintf("%s:\n  - %s\n\n%s", none, candidateLines(models, passed, models.Unknown), fix))
	case len(passed) > 0:
		d.data.warnOnce(diags, at, "Candidate models passed over", fmt.Sprintf("Chose %s, candidate %d of %d, because "+
			"the ones before it cannot be used:\n  - %s\n\n%sTo keep %[1]s without this warning, remove the ones "+
			"before it from candidates.", megallm.Quote(model.ID), len(passed)+1, len(candidates),
			candidateLines(models, passed, models.Unknown), chosenInstead(passed)))
	}
	if model != nil {
		d.unknownFallbacks(models, candidates[len(passed)+1:], model.ID, diags)
	}
	return model, at
}

// chosenInstead says how to have a candidate passed over chosen, by why each
// was: not a retired one, which no change brings back; "" for none.
func chosenInstead(passed []catalog.Candidate) string {
	byKind := map[catalog.RejectionKind]string{catalog.NotInCatalog: "correct its id",
		catalog.RefusedByPolicy: "change the policy", catalog.UnmetRequirements: relaxAdvice(unmetOf(passed), "they miss")}
	var ways []string
	for _, c := range passed {
		if way := byKind[c.Rejection.Kind]; way != "" && !slices.Contains(ways, way) {
			ways = append(ways, way)
		}
	}
	if ways == nil {
		return ""
	}
	return "To have one of them chosen, " + strings.Join(ways, ", or ") + ". "
}

// unmetOf is the requirements that the candidates passed over miss.
func unmetOf(passed []catalog.Candidate) []catalog.Miss {
	var unmet []catalog.Miss
	for _, c := range passed {
		unmet = append(unmet, c.Rejection.Unmet...)
	}
	return unmet
}

// unknownFallbacks warns about the candidates after the chosen one that the
// catalog lacks: a typo there would only show when the chosen model retires.
func (d *modelDataSource) unknownFallbacks(models *catalog.Catalog, after []string, chosen string, diags *diag.Diagnostics) {
	var unknown []catalog.Candidate
	for _, id := range after {
		if _, ok := models.Lookup(id); !ok {
			unknown = append(unknown, catalog.Candidate{ID: id, Rejection: &catalog.Rejection{Kind: catalog.NotInCatalog}})
		}
	}
	if unknown == nil {
		return
	}
	d.data.warnOnce(diags, path.Root("candidates"), "Fallback candidates not in the catalog", fmt.Sprintf("Chose %s, "+
		"but the MegaLLM catalog (%s from %s) lacks %s after it, which could never be chosen in its place:\n  - %s\n\n"+
		"Correct each id, or remove it from candidates if its model has left the catalog.", megallm.Quote(chosen),
		counted(models.Len(), "model"), d.data.origin, counted(len(unknown), "candidate"),
		candidateLines(models, unknown, models.Unknown)))
}

// rejectionError says why the model with this id cannot be used, and how to
// fix it.
func (d *modelDataSource) rejectionError(models *catalog.Catalog, id string, r *catalog.Rejection) (summary, detail string) {
	switch r.Kind {
	case catalog.NotInCatalog, catalog.MisnamedModelID:
		return "Unknown MegaLLM model id", fmt.Sprintf("The MegaLLM catalog (%s from %s) has no model with "+
			"id %s.%s %s", counted(models.Len(), "model"), d.data.origin, megallm.Quote(id), idAdvice(models, r, "\n\n"),
			readEach(r.Misnamed))
	case catalog.RefusedByPolicy:
		return "Model not allowed by the policy", fmt.Sprintf("Model %s %s.\n\nChoose a model the provider's "+
			"policy allows (megallm_models lists only those), or change the policy.", megallm.Quote(id), r.Refusal)
	case catalog.RetiredModel:
		return "Retired MegaLLM model", fmt.Sprintf("Model %s %s.%s\n\n%s", megallm.Quote(id), rejectionWords(nil, r), adviceWords(r.Advice),
			survivingRetirement)
	default:
		choose := "Choose"
		if set := setCurrencyWords(r.Unmet); set != "" {
			choose = set + ", choose"
		}
		return "Model does not meet requirements", fmt.Sprintf("Model %s does not meet %s:\n  - %s\n\n"+
			"%s another model (a megallm_models data source with the same require lists the models that do), or "+
			"%s.", megallm.Quote(id), counted(len(r.Unmet), "requirement"), strings.Join(unmetWords(r.Unmet), "\n  - "), choose,
			relaxAdvice(r.Unmet, "it misses"))
	}
}

// idAdvice is what megallm_model says of an id the catalog lacks or writes
// otherwise (r): the ids it may mean, then after sep the rule it missed.
func idAdvice(models *catalog.Catalog, r *catalog.Rejection, sep string) string {
	rule := "Ids are case-sensitive." // a misnamed id's slip may be another: a prefix, separators (spellingWhy)
	if r.Kind == catalog.MisnamedModelID {
		rule = "The catalog has " + spellingWhy(models, r.Misnamed) + "."
	}
	return meantWords(nil, r.LeftOut, r.DisplayNameOf, r.Suggestions) + sep + rule
}

// readEach is how to read the models of a joined id (catalog.MisnamedID.Joined) that names more than one, which
// one megallm_model cannot, or else where ids are listed.
func readEach(m catalog.MisnamedID) string {
	if !m.Joined() || m.Alike == nil {
		return "List the available ids with the megallm_models data source."
	}
	ids := append([]string{m.CatalogID}, m.Alike...)
	for i, id := range ids {
		ids[i] = regexp.QuoteMeta(id)
	}
	all := "a megallm_models data source whose id_regex matches each"
	if pattern := "^(" + strings.Join(ids, "|") + ")$"; megallm.QuotesWhole(pattern) {
		all = "a megallm_models data source with id_regex = " + megallm.Quote(pattern)
	}
	return "A megallm_model data source reads one model: write one id here, and read each other model with a " +
		"megallm_model data source of its own, or all of them with " + all + "."
}

// relaxAdvice is how to change require for models that miss unmet: relax it,
// unless each miss reads a field the model does not report, which no bound meets.
func relaxAdvice(unmet []catalog.Miss, missed string) string {
	if slices.ContainsFunc(unmet, func(m catalog.Miss) bool { return !m.Unrelaxable() }) {
		return "relax require"
	}
	return "remove what " + missed + " from require: " + unreportedNeverMet
}

// unreportedNeverMet is the rule that no relaxed bound changes.
const unreportedNeverMet = "a model never meets a requirement on a field it does not report"

// candidateLines lists passed-over candidates with why (models:
// rejectionWords'), as many as joinProblems shows; only those not in the
// catalog get unknown's suggestions, each a pass over the catalog, or why it
// left them out.
func candidateLines(models *catalog.Catalog, passed []catalog.Candidate, unknown func(id string) *catalog.Rejection) string {
	lines := make([]string, len(passed)) // joinProblems counts the rest
	for i, c := range passed[:min(len(passed), catalog.MaxListed)] {
		r := c.Rejection
		if r.Kind == catalog.NotInCatalog {
			r = unknown(c.ID)
		}
		lines[i] = megallm.Quote(c.ID) + " " + rejectionWords(models, r)
		if r.Kind == catalog.RetiredModel { // a later successor that can be used, as id's error advises it
			lines[i] += aside(meantWords(nil, "", nil, r.Advice.Alternatives))
		}
	}
	return joinProblems(lines, "\n  - ")
}
