package provider

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

var (
	_ datasource.DataSourceWithConfigure        = (*modelsDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*modelsDataSource)(nil)
)

// newModelsDataSource returns the megallm_models data source.
func newModelsDataSource() datasource.DataSource {
	return &modelsDataSource{}
}

// modelsDataSource lists the catalog, filtered and sorted.
type modelsDataSource struct{ dataSource }

// modelsDataSourceModel is a megallm_models configuration and its state.
type modelsDataSourceModel struct {
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
	Workload       types.Dynamic `tfsdk:"workload"`
	Currency       types.String  `tfsdk:"currency"`
	IncludeRetired types.Bool    `tfsdk:"include_retired"`
	WorkloadCosts  []*float64    `tfsdk:"workload_costs"`
	Models         types.List    `tfsdk:"models"`
	IDs            []string      `tfsdk:"ids"`
	EmptyReason    types.String  `tfsdk:"empty_reason"`
}

func (d *modelsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_models"
}

func (d *modelsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the MegaLLM model catalog, filtered and sorted. Filters are optional and " +
			"combine with AND, applied in this order: `type`, `owned_by`, `id_regex`, `exclude_ids`, `created_after`, " +
			"`created_before`, `require`, then the provider's `policy`, then `include_retired`. When nothing matches, `ids` and `models` are empty lists, so " +
			"`length(self.ids) > 0` in a `postcondition` fails the plan with a message of your own, to which " +
			"`empty_reason` adds why.",
		Attributes: map[string]schema.Attribute{
			"type": schema.StringAttribute{
				MarkdownDescription: "Keep only models of this type, such as `chat` or `embedding` (any type the " +
					"API lists). Models that do not report a type are left out; leave `type` out to keep every type, " +
					"those models included. Case-sensitive: a type the catalog has only in another letter case (`Chat`) is an " +
					"error, and one that no model has warns, each with the closest type and the types the catalog has; a blank " +
					"type is an error, and so is one with white space around it, which names the type as the catalog writes it.",
				Optional:   true,
				Validators: []validator.String{nameValidator("", "", typeKind, leaveOut("type", "keep every type"))},
			},
			"owned_by": schema.SetAttribute{
				MarkdownDescription: "Keep only models whose `owned_by` is one of these, such as " +
					"`[\"openai\", \"anthropic\"]`. Models that do not report `owned_by` are left out. Case-sensitive: an owner the " +
					"catalog has only in another letter case (`OpenAI`) is an error, and one that no model has warns, each with " +
					"the closest ones; a blank owner is an error, and so is one with white space around it, which names the owner " +
					"as the catalog writes it.",
				CustomType:  nameSet,
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.Set{
					ownersNotEmpty,
					noNullElement(ownerKind),
					setvalidator.ValueStringsAre(nameValidator("owned_by", "an owner", ownerKind, "remove it")),
				},
			},
			"id_regex": schema.StringAttribute{
				MarkdownDescription: "Keep only models whose id this [RE2](https://github.com/google/re2/wiki/Syntax) " +
					"pattern matches anywhere; anchor it with `^` and `$` to match whole ids. It is no wildcard pattern: " +
					"`\"gpt-4o*\"` keeps `gpt-4.1` too (write `\"^gpt-4o\"`), and `\"*sonnet*\"` is an error (write `\"sonnet\"`). " +
					"Case-sensitive: a pattern that matches ids only when letter case is ignored (`\"^GPT-4o\"`) is an error that " +
					"says to start it with `(?i)`, which ignores letter case. White space around it (a heredoc's newline), " +
					"a pattern of white space alone, or an empty alternative that matches every id (`\"a|b|\"` or `\"^(a|b|)\"`, " +
					"as `join()` writes for a list with `\"\"` in it) is an error; `\"\"` keeps every model.",
				Optional:   true,
				Validators: []validator.String{patternSpacingValidator, regexValidator},
			},
			"require": requireAttribute("Keep only models that meet every one of these requirements."),
			"created_after": schema.StringAttribute{
				MarkdownDescription: "Keep only models created strictly later than this: an RFC 3339 date-time such as " +
					"`2025-01-31T12:00:00Z` (a UTC offset from `-12:00` to `+14:00`), or a date such as `2025-01-31` (midnight UTC). Models that do not report " +
					"`created_at` are left out.",
				Optional:   true,
				Validators: []validator.String{createdDateValidator},
			},
			"created_before": schema.StringAttribute{
				MarkdownDescription: "Keep only models created strictly earlier than this, in the same forms as " +
					"`created_after`, which must be earlier. Models that do not report `created_at` are left out.",
				Optional:   true,
				Validators: []validator.String{createdDateValidator},
			},
			"exclude_ids": schema.SetAttribute{
				MarkdownDescription: "Leave out the models with these ids, such as `[\"gpt-4o-mini\"]`. Ids are exact: " +
					"an id the catalog has only in another letter case or with other separators (`\"gpt_4o\"`), without a " +
					"vendor prefix (`\"openai/gpt-4o\"` for `gpt-4o`, owned by `openai`) or with a prefix " +
					"(`\"llama-3.3-70b-instruct\"` for `meta-llama/llama-3.3-70b-instruct`), several ids in one string " +
					"(`\"gpt-4o, gpt-4o-mini\"`), or with white space around it, " +
					"is an error, as it would leave its model " +
					"listed, with the id as the catalog writes it, and an id that the catalog does not have warns, with the " +
					"closest ids.",
				CustomType:  nameSet,
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.Set{
					noNullElement(idKind),
					setvalidator.ValueStringsAre(nameValidator("exclude_ids", "an id", idKind, "remove it")),
				},
			},
			"sort_by": schema.StringAttribute{
				MarkdownDescription: "Order of `models`, `ids` and `workload_costs`: `id` (default), `created_at`, " +
					"`context_length`, `max_output_tokens`, `input_cost`, `output_cost` or `workload_cost` (which needs " +
					"`workload`). Models that do not report the field come last in either direction, and so do models " +
					"priced in another currency than `currency` for the cost sorts; ties are broken by id.",
				Optional:   true,
				Validators: []validator.String{sortByValidator},
			},
			"descending": schema.BoolAttribute{
				MarkdownDescription: "Sort from the highest value down. Defaults to `false`.",
				Optional:            true,
			},
			"limit": schema.NumberAttribute{
				MarkdownDescription: "Keep only the first `limit` models, after filtering and sorting. A positive " +
					"whole number; null, the default, keeps every model.",
				Optional:   true,
				Validators: []validator.Number{positiveWholeNumber("to keep every model")},
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
			"empty_reason": schema.StringAttribute{
				MarkdownDescription: "Why `ids` is empty, for a `postcondition`'s `error_message`: each filter in the " +
					"order they apply with how many models it kept, up to the one that kept none (for `require`, the " +
					"closest value the catalog has of each requirement that no model meets, else the models that miss " +
					"the fewest, with their values, of those that report what they miss), and what to loosen; or " +
					"that the catalog has no models. An empty string, never null, when at least one model is listed, since " +
					"Terraform evaluates `error_message` when the condition holds too.",
				Computed: true,
			},
		},
	}
}

func (d *modelsDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{createdRangeValidator, workloadValidator(true)}
}

func (d *modelsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	defer d.scrubKey(resp)
	var cfg modelsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	require := readArgument(ctx, "require", cfg.Require, func(v tftypes.Value) (catalog.Requirements, error) {
		return readRequirements(v, cfg.Currency, "")
	}, &resp.Diagnostics)
	workload := readArgument(ctx, "workload", cfg.Workload, readWorkload, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
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
	if !cfg.IDRegex.IsNull() {
		// Already validated, so it compiles.
		query.IDPattern = regexp.MustCompile(cfg.IDRegex.ValueString())
	}
	// The dates and the limit are validated too.
	if t, err := megallm.ParseDate(cfg.CreatedAfter.ValueString()); err == nil {
		query.CreatedAfter = &t
	}
	if t, err := megallm.ParseDate(cfg.CreatedBefore.ValueString()); err == nil {
		query.CreatedBefore = &t
	}
	if !cfg.Limit.IsNull() {
		n, _ := wholeNumber("limit", cfg.Limit.ValueBigFloat(), 1, math.MaxInt32)
		query.Limit = int(n)
	}

	reader := "the megallm_models data source" // for errors shown on another (see loadCatalog)
	if !cfg.Type.IsNull() {
		reader += " with type = " + megallm.Quote(cfg.Type.ValueString())
	}
	models, diags := d.data.loadCatalog(ctx, reader)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	unspaced, diags := spacedFilters(models, query)
	resp.Diagnostics.Append(diags...)
	if models.Len() == 0 {
		resp.Diagnostics.AddWarning("Empty MegaLLM catalog", emptyCatalog(d.data.origin))
	} else {
		resp.Diagnostics.Append(unmatchedFilters(models, d.data.origin, unspaced)...)
		resp.Diagnostics.Append(currencyWarning(models, d.data.origin, query, !cfg.Currency.IsNull())...)
		resp.Diagnostics.Append(unreportedFieldsWarning(models, d.data.origin, query)...)
		resp.Diagnostics.Append(pricedElsewhereWarning(models, query)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	selected := models.Select(query)
	cfg.EmptyReason = types.StringValue("") // not null: Terraform evaluates error_message when the condition holds too
	if len(selected) == 0 {
		cfg.EmptyReason = types.StringValue(d.data.scrub(emptyReason(models, d.data.origin, query))) // quotes the filters
	}
	cfg.IDs = make([]string, len(selected))
	objects := make([]map[string]attr.Value, len(selected))
	var tooLarge []string     // ids whose workload cost is not expressible
	var costly *megallm.Model // the one model whose workload cost is not expressible
	if workload != nil {
		cfg.WorkloadCosts = make([]*float64, len(selected))
	}
	for i, m := range selected {
		cfg.IDs[i], objects[i] = m.ID, modelValues(m, models.Now())
		if workload != nil {
			var overflows bool
			if cfg.WorkloadCosts[i], overflows = workloadCost(workload, m); overflows {
				tooLarge, costly = append(tooLarge, megallm.Quote(m.ID)), m
			}
		}
	}
	if len(tooLarge) > 0 {
		named, elements := "model "+tooLarge[0], "Its element of workload_costs is null."
		if len(tooLarge) > 1 {
			named, elements, costly = "models "+joinProblems(tooLarge, ", "), "Their elements of workload_costs are null.", nil
		}
		resp.Diagnostics.AddAttributeWarning(path.Root("workload"), "Workload cost too large",
			costTooLarge("the workload", *workload, named, costly, models)+". "+elements)
	}
	cfg.Models = types.ListNull(types.ObjectType{AttrTypes: modelTypes().model}) // setModels sets it
	resp.Diagnostics.Append(resp.State.Set(ctx, cfg)...)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(setModels(ctx, &resp.State, objects)...)
	}
}

// setModels sets the models of a megallm_models state, converted with
// their types worked out once: through State.Set, which works them out again
// for every object, a plan listing a large catalog costs markedly more
// (BENCHMARKS.md). TestModelValues_readBack holds the conversion to the
// framework's.
func setModels(ctx context.Context, state *tfsdk.State, objects []map[string]attr.Value) (diags diag.Diagnostics) {
	var attributes map[string]tftypes.Value
	err := state.Raw.As(&attributes)
	modelType := modelTypes().terraform
	list := make([]tftypes.Value, len(objects))
	for i := 0; i < len(objects) && err == nil; i++ {
		list[i], err = terraformObject(ctx, modelType, objects[i])
	}
	if err != nil {
		diags.AddError("Unexpected megallm_models state", err.Error()+". This is a bug in the megallm provider: please report it.")
		return diags
	}
	attributes["models"] = tftypes.NewValue(tftypes.List{ElementType: modelType}, list)
	state.Raw = tftypes.NewValue(state.Raw.Type(), attributes)
	return diags
}

// terraformObject is the object of type t with these attributes.
func terraformObject(ctx context.Context, t tftypes.Type, attributes map[string]attr.Value) (tftypes.Value, error) {
	objectType, _ := t.(tftypes.Object)
	values := make(map[string]tftypes.Value, len(attributes))
	for name, a := range attributes {
		var err error
		switch o, isObject := a.(types.Object); {
		case !isObject || o.IsUnknown():
			values[name], err = a.ToTerraformValue(ctx)
		case o.IsNull():
			values[name] = tftypes.NewValue(objectType.AttributeTypes[name], nil)
		default:
			values[name], err = terraformObject(ctx, objectType.AttributeTypes[name], o.Attributes())
		}
		if err != nil {
			return tftypes.Value{}, err
		}
	}
	if err := tftypes.ValidateValue(t, values); err != nil {
		return tftypes.Value{}, err
	}
	return tftypes.NewValue(t, values), nil
}

// sortByValidator accepts a sort key. Of one written in another letter case,
// with white space around it or with a direction ("-input_cost",
// "input_cost desc") it means the key, and of a descending one it says to
// set descending, which the key alone would drop; a blank one gets how to
// have the default (orNull).
var sortByValidator = func() argumentCheck {
	direction := regexp.MustCompile(`(?i)^\s*[-+]|[\s:]+(asc|desc)(ending)?\s*$`)
	descending := regexp.MustCompile(`(?i)^\s*-|desc(ending)?\s*$`)
	check := oneOf(func(s string) string { return strings.ToLower(strings.TrimSpace(direction.ReplaceAllString(s, ""))) },
		catalog.SortKeyNames()...)
	key := check.str
	check.str = func(name, s string) string {
		msg := key(name, s)
		if msg != "" && descending.MatchString(s) {
			msg += " " + name + " names the field alone: for the highest first, also set descending = true."
		}
		return msg
	}
	return orNull(check, "sort key", fmt.Sprintf("use the default %q", catalog.SortKeyNames()[0]))
}()

// ownersNotEmpty refuses owned_by = [], which would keep no model.
var ownersNotEmpty = argumentCheck{describes: "at least one owner", set: func(name string, elements []attr.Value) string {
	if len(elements) > 0 {
		return ""
	}
	return name + ` is empty, which keeps no model: list owners, such as ["openai"], or leave ` + name +
		" out to keep every owner."
}}

// nullElementFix is the fix for a null element of a list or set, which a
// variable or an attribute not yet set puts in it, or an expression gives.
const nullElementFix = "remove it, make the variable, attribute or expression it comes from give a value (one() of an " +
	"empty list gives null, as a conditional may), or drop null elements with compact([...])"

// noNullElement refuses a null element of a set of names of this kind.
func noNullElement(kind nameKind) argumentCheck {
	return argumentCheck{describes: "a set without null elements", set: func(name string, elements []attr.Value) string {
		if !slices.ContainsFunc(elements, attr.Value.IsNull) {
			return ""
		}
		return fmt.Sprintf("%s has a null element, which is no %s: %s.", name, kind.noun, nullElementFix)
	}}
}
