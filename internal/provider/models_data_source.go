package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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
	_ datasource.DataSourceWithConfigure        = (*modelsDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*modelsDataSource)(nil)
)

// NewModelsDataSource returns the megallm_models data source.
func NewModelsDataSource() datasource.DataSource {
	return &modelsDataSource{}
}

// modelsDataSource lists the catalog, filtered and sorted.
type modelsDataSource struct {
	data *providerData
}

// modelsDataSourceConfig is a megallm_models configuration, where the computed
// attributes (WorkloadCosts, Models, IDs) are null. Read builds the state
// directly instead (see modelObject).
type modelsDataSourceConfig struct {
	Type           types.String  `tfsdk:"type"`
	OwnedBy        []string      `tfsdk:"owned_by"`
	IDRegex        types.String  `tfsdk:"id_regex"`
	Require        types.Dynamic `tfsdk:"require"`
	CreatedAfter   types.String  `tfsdk:"created_after"`
	CreatedBefore  types.String  `tfsdk:"created_before"`
	ExcludeIDs     []string      `tfsdk:"exclude_ids"`
	SortBy         types.String  `tfsdk:"sort_by"`
	Descending     types.Bool    `tfsdk:"descending"`
	Limit          types.Number  `tfsdk:"limit"`
	Workload       types.Object  `tfsdk:"workload"`
	Currency       types.String  `tfsdk:"currency"`
	IncludeRetired types.Bool    `tfsdk:"include_retired"`
	WorkloadCosts  types.List    `tfsdk:"workload_costs"`
	Models         types.List    `tfsdk:"models"`
	IDs            types.List    `tfsdk:"ids"`
}

func (d *modelsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_models"
}

func (d *modelsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the MegaLLM model catalog, filtered and sorted. Filters are optional and " +
			"combine with AND. When nothing matches, `ids` and `models` are empty lists, so " +
			"`length(self.ids) > 0` in a `postcondition` fails the plan with a message of your own.",
		Attributes: map[string]schema.Attribute{
			"type": schema.StringAttribute{
				MarkdownDescription: "Keep only models of this type, such as `chat` or `embedding` (any type the " +
					"API lists). Case-sensitive; a type that no model has warns, with the types the catalog has.",
				Optional: true,
				Validators: []validator.String{stringvalidator.RegexMatches(nonBlank,
					fmt.Sprintf("must be a model type such as %q or %q, not empty or blank (leave type out to keep every type)",
						megallm.TypeChat, megallm.TypeEmbedding))},
			},
			"owned_by": schema.SetAttribute{
				MarkdownDescription: "Keep only models whose `owned_by` is one of these, such as " +
					"`[\"openai\", \"anthropic\"]`. Case-sensitive; an owner that no model has warns, with the closest ones.",
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
				},
			},
			"id_regex": schema.StringAttribute{
				MarkdownDescription: "Keep only models whose id this [RE2](https://github.com/google/re2/wiki/Syntax) " +
					"pattern matches anywhere; anchor it with `^` and `$` to match whole ids.",
				Optional:   true,
				Validators: []validator.String{regexValidator{}},
			},
			"require": requireAttribute("Keep only models that meet every one of these requirements."),
			"created_after": schema.StringAttribute{
				MarkdownDescription: "Keep only models created strictly later than this: an RFC 3339 date-time such as " +
					"`2025-01-31T12:00:00Z`, or a date such as `2025-01-31` (midnight UTC). Models that do not report " +
					"`created_at` are left out.",
				Optional:   true,
				Validators: []validator.String{createdDateValidator{}},
			},
			"created_before": schema.StringAttribute{
				MarkdownDescription: "Keep only models created strictly earlier than this, in the same forms as " +
					"`created_after`, which must be earlier. Models that do not report `created_at` are left out.",
				Optional:   true,
				Validators: []validator.String{createdDateValidator{}},
			},
			"exclude_ids": schema.SetAttribute{
				MarkdownDescription: "Leave out the models with these ids, such as `[\"gpt-4o-mini\"]`. Ids are exact; " +
					"an id that the catalog does not have warns, with the closest ids.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"sort_by": schema.StringAttribute{
				MarkdownDescription: "Order of `models`, `ids` and `workload_costs`: `id` (default), `created_at`, " +
					"`context_length`, `max_output_tokens`, `input_cost`, `output_cost` or `workload_cost` (which needs " +
					"`workload`). Models that do not report the field come last in either direction, and so do models " +
					"priced in another currency than `currency` for the cost sorts; ties are broken by id.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(catalog.SortKeyNames()...)},
			},
			"descending": schema.BoolAttribute{
				MarkdownDescription: "Sort from the highest value down. Defaults to `false`.",
				Optional:            true,
			},
			"limit": schema.NumberAttribute{
				MarkdownDescription: "Keep only the first `limit` models, after filtering and sorting. A positive " +
					"whole number.",
				Optional:   true,
				Validators: []validator.Number{positiveWholeNumber()},
			},
			"include_retired": schema.BoolAttribute{
				MarkdownDescription: "Also list the models whose `model_lifecycle.status` is `retired`. Defaults to " +
					"`false`. Models the provider's `policy` denies or does not allow are never listed.",
				Optional: true,
			},
			"workload": workloadAttribute(),
			"currency": currencyAttribute(),
			"workload_costs": schema.ListAttribute{
				MarkdownDescription: "What `workload` costs with each model of `models`, in the same order and in the " +
					"model's `pricing.currency`. An element is null when the model lacks a price the workload needs or " +
					"the cost is too large to represent. Null without `workload`.",
				ElementType: types.Float64Type,
				Computed:    true,
			},
			"models": schema.ListNestedAttribute{
				MarkdownDescription: "The matching models in order. An empty list when nothing matches.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: modelAttributes()},
			},
			"ids": schema.ListAttribute{
				MarkdownDescription: "The ids of `models`, in the same order. An empty list when nothing matches.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *modelsDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{createdRangeValidator{}}
}

func (d *modelsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req, resp)
}

func (d *modelsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg modelsDataSourceConfig
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	requireValue := terraformValue(ctx, "require", cfg.Require, &resp.Diagnostics)
	workloadValue := terraformValue(ctx, "workload", cfg.Workload, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	require, err := readRequirements(requireValue)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("require"), "Unexpected require value", err.Error())
		return
	}
	workload, err := readWorkload(workloadValue)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("workload"), "Unexpected workload value", err.Error())
		return
	}
	query := catalog.Query{
		Type:       cfg.Type.ValueString(),
		OwnedBy:    cfg.OwnedBy,
		Require:    require,
		SortBy:     catalog.SortKey(cfg.SortBy.ValueString()),
		Descending: cfg.Descending.ValueBool(),
		ExcludeIDs: cfg.ExcludeIDs,
		Currency:   currencyOrDefault(cfg.Currency.ValueString()),
		Workload:   workload,

		IncludeRetired: cfg.IncludeRetired.ValueBool(),
	}
	if attribute, detail := workloadNeeded(workload, query.SortBy, require); attribute != "" {
		resp.Diagnostics.AddAttributeError(path.Root(attribute), "Missing workload", detail)
		return
	}
	if !cfg.IDRegex.IsNull() {
		// Already validated, so it compiles.
		query.IDPattern = regexp.MustCompile(cfg.IDRegex.ValueString())
	}
	// The dates and the limit are validated too.
	if t, ok := parseDate(cfg.CreatedAfter.ValueString()); ok {
		query.CreatedAfter = &t
	}
	if t, ok := parseDate(cfg.CreatedBefore.ValueString()); ok {
		query.CreatedBefore = &t
	}
	if !cfg.Limit.IsNull() {
		n, _ := cfg.Limit.ValueBigFloat().Int64()
		query.Limit = int(n)
	}

	models, diags := d.data.loadCatalog(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if models.Len() == 0 {
		resp.Diagnostics.Append(emptyCatalogWarning(d.data.origin)...)
	} else {
		resp.Diagnostics.Append(unmatchedFilterWarnings(models, d.data.origin, query)...)
		if !cfg.Currency.IsNull() {
			resp.Diagnostics.Append(currencyWarning(models, d.data.origin, query.Currency)...)
		}
		resp.Diagnostics.Append(unreportedFieldsWarning(models, d.data.origin, query)...)
	}
	// The state is the arguments as configured and the selected models, built
	// directly as a value of the configuration's type, which is the schema's.
	state, diags := configValues(req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	selected := models.Select(query)
	objects := make([]tftypes.Value, len(selected))
	ids := make([]tftypes.Value, len(selected))
	var costs []tftypes.Value
	var tooLarge []string // ids whose workload cost is not expressible
	if workload != nil {
		costs = make([]tftypes.Value, len(selected))
	}
	for i, m := range selected {
		objects[i] = modelObject(m, models.Now())
		ids[i] = tftypes.NewValue(tftypes.String, m.ID)
		if workload != nil {
			var overflows bool
			if costs[i], overflows = workloadCostValue(workload, m); overflows {
				tooLarge = append(tooLarge, megallm.Quote(m.ID))
			}
		}
	}
	if len(tooLarge) > 0 {
		named, elements := "model "+tooLarge[0], "Its element of workload_costs is null."
		if len(tooLarge) > 1 {
			named, elements = "models "+joinProblems(tooLarge, ", "), "Their elements of workload_costs are null."
		}
		resp.Diagnostics.AddAttributeWarning(path.Root("workload"), "Workload cost too large",
			costTooLarge("the workload", named)+". "+elements)
	}
	state["models"] = tftypes.NewValue(tftypes.List{ElementType: modelTypes().object}, objects)
	state["ids"] = tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, ids)
	state["workload_costs"] = tftypes.NewValue(workloadCostsType, nil) // no workload
	if workload != nil {
		state["workload_costs"] = tftypes.NewValue(workloadCostsType, costs)
	}
	resp.State.Raw = tftypes.NewValue(req.Config.Raw.Type(), state)
}

// workloadCostsType is the Terraform type of workload_costs, a list of
// types.Float64.
var workloadCostsType = tftypes.List{ElementType: tftypes.Number}

// nonBlank matches a string with at least one character that is not white space.
var nonBlank = regexp.MustCompile(`\S`)

// unmatchedFilterWarnings warns about a type or an owner that no model of the
// whole catalog has: such a value keeps nothing whatever the other filters
// say, and is most often a typo or another case ("OpenAI" for "openai"). An
// excluded id that no model has warns too: it leaves out nothing, so the
// model meant to be left out may still be listed. Filters that each match
// models but not together do not warn. Owners and ids warn one by one, with
// "did you mean", up to catalog.MaxListed, and the others in one warning.
func unmatchedFilterWarnings(models *catalog.Catalog, origin string, query catalog.Query) diag.Diagnostics {
	var diags diag.Diagnostics
	where := fmt.Sprintf("the MegaLLM catalog (%d models from %s)", models.Len(), origin)
	if query.Type != "" {
		if types := models.Types(); !slices.Contains(types, query.Type) {
			diags.AddAttributeWarning(path.Root("type"), "No model of this type",
				fmt.Sprintf("No model in %s has type %s, so megallm_models lists none. %s",
					where, megallm.Quote(query.Type), catalogHas("types", types)))
		}
	}
	if query.OwnedBy != nil {
		owners := models.Owners()
		var unknown []string
		for _, owner := range slices.Sorted(slices.Values(query.OwnedBy)) {
			switch {
			case !slices.Contains(owners, owner):
				unknown = append(unknown, owner)
			case !models.OwnerAllowed(owner):
				diags.AddAttributeWarning(path.Root("owned_by"), "Owner not allowed by the policy",
					fmt.Sprintf("The provider's policy allows no model owned by %s (its allowed_owners does not "+
						"list it), so that owner matches nothing.", megallm.Quote(owner)))
			}
		}
		warnEach(&diags, path.Root("owned_by"), unknown, func(owner string) (string, string) {
			hint := catalogHas("owners", owners)
			if suggestions := models.SuggestOwners(owner); len(suggestions) > 0 {
				hint = "Owners are case-sensitive." + didYouMean(suggestions)
			}
			return "No model with this owner",
				fmt.Sprintf("No model in %s has owned_by %s, so that owner matches nothing. %s", where, megallm.Quote(owner), hint)
		}, func(rest []string) (string, string) {
			return "No model with these owners", fmt.Sprintf("No model in %s has any of %d more owners of owned_by "+
				"either, so they match nothing: %s.", where, len(rest), catalog.QuoteSome(rest, "and"))
		})
	}
	var unknownIDs []string
	for _, id := range slices.Sorted(slices.Values(query.ExcludeIDs)) {
		if _, ok := models.Lookup(id); !ok {
			unknownIDs = append(unknownIDs, id)
		}
	}
	warnEach(&diags, path.Root("exclude_ids"), unknownIDs, func(id string) (string, string) {
		hint := " Remove it from exclude_ids if the model has left the catalog."
		if suggestions := models.Suggest(id); len(suggestions) > 0 {
			hint = didYouMean(suggestions)
		}
		return "No model with this id", fmt.Sprintf("No model in %s has id %s, so excluding it leaves out nothing. "+
			"Ids are exact and case-sensitive.%s", where, megallm.Quote(id), hint)
	}, func(rest []string) (string, string) {
		return "No model with these ids", fmt.Sprintf("No model in %s has any of %d more ids of exclude_ids either, "+
			"so excluding them leaves out nothing: %s.", where, len(rest), catalog.QuoteSome(rest, "and"))
	})
	return diags
}

// warnEach warns at path about each of the first catalog.MaxListed values,
// in the words of one, and about the others, if any, in one warning in the
// words of rest; so a long list costs as many suggestions as are shown.
func warnEach(diags *diag.Diagnostics, at path.Path, values []string, one func(string) (summary, detail string),
	rest func([]string) (summary, detail string)) {
	for _, v := range values[:min(len(values), catalog.MaxListed)] {
		summary, detail := one(v)
		diags.AddAttributeWarning(at, summary, detail)
	}
	if len(values) > catalog.MaxListed {
		summary, detail := rest(values[catalog.MaxListed:])
		diags.AddAttributeWarning(at, summary, detail)
	}
}

// catalogHas lists the values of a field (a plural: "types", "currencies")
// that the catalog has, as a sentence, at most catalog.MaxListed of them.
func catalogHas(field string, values []string) string {
	singular := strings.TrimSuffix(field, "s")
	if stem, ok := strings.CutSuffix(field, "ies"); ok {
		singular = stem + "y"
	}
	switch len(values) {
	case 0:
		return fmt.Sprintf("No model of the catalog reports its %s.", singular)
	case 1:
		return fmt.Sprintf("The catalog's only %s is %s.", singular, megallm.Quote(values[0]))
	}
	return fmt.Sprintf("The catalog's %s are %s.", field, catalog.QuoteSome(values, "and"))
}
