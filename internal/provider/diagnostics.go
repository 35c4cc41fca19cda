package provider

import (
	"fmt"
	"math"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Wording shared by the diagnostics of the data sources, the provider and the
// functions: how a list is joined and bounded, "did you mean", counts.

// maxProblemsListed is how many problems one warning lists before "and N more".
const maxProblemsListed = catalog.MaxListed

// joinProblems joins the first maxProblemsListed items and counts the rest.
func joinProblems(items []string, sep string) string {
	if len(items) <= maxProblemsListed {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:maxProblemsListed], sep) + sep + fmt.Sprintf("and %d more", len(items)-maxProblemsListed)
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

// argumentError is err as the error of the argument at position. Terraform
// ends a function's error with a period, so a period err ends with (such as
// the one after a list of attributes) is dropped rather than doubled.
func argumentError(position int64, err error) *function.FuncError {
	return function.NewArgumentFuncError(position, strings.TrimSuffix(err.Error(), "."))
}

// costTooLarge words catalog.ErrCostNotExpressible, for estimate_cost's
// error and workload_costs' warning alike: what (a workload) costs more
// with models (quoted) than the provider computes. Like every function
// error, it ends without a period, which Terraform adds.
func costTooLarge(what, models string) string {
	return fmt.Sprintf("The cost of %s with %s is more than %.4g, the largest cost the provider computes. Use "+
		"smaller token counts", what, models, math.MaxFloat64)
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
