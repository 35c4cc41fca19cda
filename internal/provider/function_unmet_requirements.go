package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// newUnmetRequirementsFunction returns provider::megallm::unmet_requirements,
// which judges a lifecycle as the model object states it (catalog.Stated).
func newUnmetRequirementsFunction() function.Function {
	run := func(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
		var modelArg, requireArg types.Dynamic
		var given []types.String
		resp.Error = req.Arguments.Get(ctx, &modelArg, &requireArg, &given)
		if resp.Error != nil {
			return
		}
		model, lifecycle, funcErr := modelArgument(ctx, modelArg)
		if funcErr != nil {
			resp.Error = funcErr
			return
		}
		query := catalog.Query{}
		if query.Currency, funcErr = currencyArgument(given, 2); funcErr != nil {
			resp.Error = funcErr
			return
		}
		written := types.StringNull() // the currency argument, if given: at most one, as checked above
		if len(given) == 1 {
			written = given[0]
		}
		var err error
		query.Require, err = readDynamic(ctx, requireArg, func(v tftypes.Value) (catalog.Requirements, error) {
			return readRequirements(v, written, `pass %[1]q as the third argument: unmet_requirements(MODEL, REQUIRE, %[1]q)`)
		})
		if err != nil {
			resp.Error = function.NewArgumentFuncError(1, err.Error())
			return
		}
		// Refused whatever its value, as the data sources refuse it (workloadValidator): one not known yet too.
		if o, _ := readDynamic(ctx, requireArg, requireReader); o != nil && !o.attrs["max_workload_cost"].IsNull() {
			resp.Error = function.NewArgumentFuncError(1, workloadNotTaken("unmet_requirements", "the same condition", "MODEL"))
			return
		}
		if argumentsKnown(ctx, req) {
			// A currency near the model's, as the data sources' near the catalog's (currencyWarning), is a typo.
			if meant := catalog.ClosestCode(query.Currency, catalog.New([]megallm.Model{*model}).Currencies()); len(meant) > 0 {
				resp.Error = function.NewArgumentFuncError(2, mistypedCurrency("currency", query.Currency, meant))
				return
			}
			v, _ := modelArg.ToTerraformValue(ctx) // as modelArgument has read it
			if err := unstated(v, model.ID, lifecycle, query.Require); err != nil {
				resp.Error = function.NewArgumentFuncError(0, err.Error())
				return
			}
			misses := query.Unmet(model, lifecycle)
			for i, miss := range misses { // with no catalog, whether a successor can be used is for a data source to say
				if miss.Requirement.Check == catalog.NotDeprecatedCheck {
					misses[i].SuccessorUnusable = uncheckedSuccessor
				}
			}
			resp.Error = resp.Result.Set(ctx, unmetWords(misses))
		}
	}
	return providerFunction{name: "unmet_requirements", run: run, definition: function.Definition{
		Summary: "Requirements a model does not meet",
		MarkdownDescription: "Returns one string per requirement in `require` that `model` does not meet, worded as the " +
			"`megallm_model` error (for example `context_length 8192 < required 100000`), or an empty list when it " +
			"meets them all: the requirements `megallm_model` and `megallm_models` find unmet for the same model, " +
			"`require` and `currency`, in their words, but for a successor marked unchecked: with no catalog, the " +
			"function cannot say, as they do, whether it can be used, and names a data source that can.\n\n`length(provider::megallm::unmet_requirements(m, {...})) == 0` fits a " +
			"`precondition`, `validation` or `check`.\n\nPrice bounds are in `currency`, the optional third argument, as " +
			"the data sources' `currency` argument (`unmet_requirements(m, { max_input_cost_per_million = 1 }, " +
			"\"EUR\")`), and in `" + catalog.DefaultCurrency + "` without it: a model priced in another currency " +
			"misses them (`priced in EUR, the requirement is in USD`), and one whose pricing reports no currency is " +
			"taken as priced in `" + catalog.DefaultCurrency + "`.\n\n`not_deprecated` and `min_days_to_retirement` " +
			"read the lifecycle the model states: its `model_lifecycle.status` and `days_to_retirement` (0 once " +
			"retired), which a data source works out for the day it reads the model, so `data.megallm_model.NAME` " +
			"is judged as of the day of the plan, and an object saved on an earlier day as of that day. The " +
			"function reads no clock: Terraform requires it to return at apply what it returned at plan, which a " +
			"date judged against today would not, for a plan saved on one day and applied on the next. A date " +
			"without the status or days it gives, such as a saved `GET /models` entry's, is therefore an error where a " +
			"requirement reads them, which advises the data source instead; a date marked unreadable " +
			"(`deprecated_at_unreadable`, `retires_at_unreadable`) misses those that read it, as in the data " +
			"sources.\n\n`max_workload_cost` is an error " +
			"here, as the function takes no workload: compare `provider::megallm::estimate_cost` with the bound " +
			"instead. Makes no API call.",
		Parameters: []function.Parameter{
			modelParameter(),
			function.DynamicParameter{
				Name:               "require",
				AllowUnknownValues: true,
				MarkdownDescription: "Requirements, as the data sources' `require`." + requireDescription + " `null` is " +
					"refused (`argument must not be null`), though the data sources read it as no requirement: allowed, it " +
					"would make OpenTofu return null, not a list. Call the function only with requirements, as " +
					"`var.need ? provider::megallm::unmet_requirements(m, { ... }) : []` does.",
			},
		},
		VariadicParameter: function.StringParameter{
			Name:               "currency",
			AllowNullValue:     true,
			AllowUnknownValues: true,
			MarkdownDescription: "Optional, at most one: the currency of the price bounds, a three-letter code such as " +
				"`\"EUR\"` (letter case and surrounding white space do not matter), as the data sources' `currency` " +
				"argument (one that is no ISO 4217 code and one edit from the model's currency, such as `\"UDS\"`, is " +
				"an error). Left out or null, `\"" + catalog.DefaultCurrency + "\"` (under OpenTofu 1.10, leave it out: " +
				"a null there fails the call before the function runs).",
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}}
}

// unstated refuses the lifecycle requirements of r that read what l, the
// lifecycle that model states, leaves out: the status its dates give, or the
// days to its retires_at. A function reads no clock (catalog.Stated), so a
// date alone cannot say whether its day has come, and passing would check
// nothing. A data source's object states both; a saved GET /models entry,
// whose dates are at its root, neither: its advice is the data source, as a
// model_lifecycle written beside them would leave them unread.
func unstated(model tftypes.Value, id string, l catalog.Lifecycle, r catalog.Requirements) error {
	var names, readers []string
	if r.NotDeprecated && l.Status == "" && (l.DeprecatedAt != nil || l.RetiresAt != nil) {
		names, readers = append(names, "status"), append(readers, "not_deprecated")
	}
	if r.MinDaysToRetirement != nil && l.DaysToRetirement == nil && l.RetiresAt != nil {
		names, readers = append(names, "days_to_retirement"), append(readers, "min_days_to_retirement")
	}
	if names == nil {
		return nil
	}
	fix := "write model_lifecycle." + strings.Join(names, " and ") + " in the object"
	if o, ok := newObjectReader("model.", model); !ok || o.attrs["model_lifecycle"].IsNull() {
		fix = "move its dates and successor into model_lifecycle = { ... }, with its " + strings.Join(names, " and ")
		if id != "" {
			fix = lookUp(id) + ", whose model_lifecycle is as of the day of the plan"
		}
	}
	verb := "reads"
	if len(readers) > 1 {
		verb = "read"
	}
	return fmt.Errorf("model has a lifecycle date but no model_lifecycle.%s, which %s %s: a function reads no clock, as "+
		"Terraform requires it to return at apply what it returned at plan, so it cannot tell from a date whether its "+
		"day has come; %s", strings.Join(names, " or "), strings.Join(readers, " and "), verb, fix)
}
