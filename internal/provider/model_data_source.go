package provider

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var _ datasource.DataSourceWithConfigure = (*modelDataSource)(nil)

// NewModelDataSource returns the megallm_model data source.
func NewModelDataSource() datasource.DataSource {
	return &modelDataSource{}
}

// modelDataSource reads one model by id and can check requirements on it.
type modelDataSource struct {
	data *providerData
}

// modelDataSourceConfig holds the arguments of a megallm_model configuration.
// Read gets them one by one: Config.Get into a struct would need a field for
// each of the model's computed attributes too, and the framework's reflection
// checks every field name with a freshly compiled regexp, which made a read
// allocate a third more (BENCHMARKS.md). Read builds the state directly
// (modelValues), repeating the arguments as read.
type modelDataSourceConfig struct {
	ID       types.String
	Require  types.Dynamic
	Currency types.String
}

// get reads the arguments from config.
func (cfg *modelDataSourceConfig) get(ctx context.Context, config tfsdk.Config) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(config.GetAttribute(ctx, path.Root("id"), &cfg.ID)...)
	diags.Append(config.GetAttribute(ctx, path.Root("require"), &cfg.Require)...)
	diags.Append(config.GetAttribute(ctx, path.Root("currency"), &cfg.Currency)...)
	return diags
}

func (d *modelDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_model"
}

func (d *modelDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := modelAttributes()
	attributes["id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the model to read, exactly as the API lists it (for example `gpt-4o-mini` or " +
			"`meta-llama/llama-3.3-70b-instruct`). An id the catalog lacks fails the plan and suggests the closest ids.",
		Required:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attributes["require"] = requireAttribute("Fail the plan unless the model meets every one of these requirements; " +
		"the error lists each unmet requirement with the model's value.")
	attributes["currency"] = currencyAttribute()
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one model of the MegaLLM catalog by id, with every field the API reports. " +
			"Use it to validate a model id at plan time, to read its limits and prices, and to assert requirements.",
		Attributes: attributes,
	}
}

func (d *modelDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req, resp)
}

func (d *modelDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg modelDataSourceConfig
	resp.Diagnostics.Append(cfg.get(ctx, req.Config)...)
	requireValue := terraformValue(ctx, "require", cfg.Require, &resp.Diagnostics)
	currencyValue := terraformValue(ctx, "currency", cfg.Currency, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	require, err := readRequirements(requireValue)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("require"), "Unexpected require value", err.Error())
		return
	}
	require.Currency = currencyOrDefault(cfg.Currency)
	// A workload is a question for megallm_models; one model's workload cost
	// is estimate_cost, which keeps this data source's schema, and so every
	// plan, as small as before.
	if require.MaxWorkloadCost != nil {
		resp.Diagnostics.AddAttributeError(path.Root("require"), "Workload requirement on megallm_model",
			"require.max_workload_cost bounds the cost of a workload, which megallm_model does not take. Choose the "+
				"model with a megallm_models data source that sets workload and require = { max_workload_cost = ... }, "+
				"or check this model's cost in a postcondition: provider::megallm::estimate_cost(self, INPUT_TOKENS, "+
				"OUTPUT_TOKENS) <= LIMIT.")
		return
	}
	models, diags := d.data.loadCatalog(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	model, ok := models.Lookup(id)
	if !ok {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Unknown MegaLLM model id",
			fmt.Sprintf("The MegaLLM catalog (%d models from %s) has no model with id %s.%s\n\n"+
				"Ids are case-sensitive. List the available ids with the megallm_models data source.",
				models.Len(), d.data.origin, quoteID(id), didYouMean(models.Suggest(id))))
		return
	}
	if unmet := require.Unmet(model); len(unmet) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("require"), "Model does not meet requirements",
			fmt.Sprintf("Model %q does not meet %s:\n  - %s\n\n"+
				"Choose another model (a megallm_models data source with the same require lists the models "+
				"that do), or relax require.", id, countRequirements(len(unmet)), strings.Join(unmet, "\n  - ")))
		return
	}
	// The state is the model's attributes and the arguments as configured,
	// built directly as a value of the configuration's type, which is the
	// schema's.
	state := modelValues(model)
	state["require"] = requireValue
	state["currency"] = currencyValue
	resp.State.Raw = tftypes.NewValue(req.Config.Raw.Type(), state)
}

// maxQuotedID is how many characters of an unknown id an error quotes.
const maxQuotedID = 64

// quoteID quotes an id for an error message: an over-long one (a generated
// or pasted value) by its first maxQuotedID characters and its length.
func quoteID(id string) string {
	runes := 0
	for i := range id {
		if runes == maxQuotedID {
			return fmt.Sprintf("%q… (%d characters)", id[:i], utf8.RuneCountInString(id))
		}
		runes++
	}
	return fmt.Sprintf("%q", id)
}

// didYouMean phrases suggestions for an error message: ` Did you mean "a",
// "b" or "c"?`.
func didYouMean(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return " Did you mean " + quoteList(values, "or") + "?"
}

// countRequirements is "1 requirement" or "n requirements".
func countRequirements(n int) string {
	if n == 1 {
		return "1 requirement"
	}
	return fmt.Sprintf("%d requirements", n)
}
