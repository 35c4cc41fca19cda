package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
)

// What megallm_models says when the catalog cannot answer its question at
// all: it has no models, or none of them reports a field that a filter,
// requirement or sort reads. Without a word, either would be an empty or
// unordered list that looks like an answer.

// emptyCatalogWarning says that the catalog has no models, and where it
// came from.
func emptyCatalogWarning(origin string) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.AddWarning("Empty MegaLLM catalog", fmt.Sprintf("The MegaLLM catalog from %s has no models at all, so "+
		"megallm_models lists none (and every megallm_model fails). Check that this is the catalog you meant.", origin))
	return diags
}

// unreportedFieldsWarning is one warning listing the fields that query
// reads and no model of the catalog reports, each with the argument that
// reads it; none when every field is reported. The warning is on that
// argument when there is one, else on the data source.
func unreportedFieldsWarning(models *catalog.Catalog, origin string, query catalog.Query) diag.Diagnostics {
	var diags diag.Diagnostics
	unreported := models.Unreported(query)
	if len(unreported) == 0 {
		return diags
	}
	lines := make([]string, len(unreported))
	arguments := map[string]bool{}
	for i, u := range unreported {
		var argument, effect string
		switch u.By {
		case catalog.ByCreatedAfter:
			argument, effect = "created_after", "created_after reads it, so it keeps no model"
		case catalog.ByCreatedBefore:
			argument, effect = "created_before", "created_before reads it, so it keeps no model"
		case catalog.ByRequirement:
			argument, effect = "require", "require."+u.Requirement+" reads it, so it keeps no model"
		case catalog.BySort:
			argument, effect = "sort_by", fmt.Sprintf("sort_by = %q reads it, so it orders no model (they are listed by id)", query.SortBy)
		}
		arguments[argument] = true
		lines[i] = u.Field + ": " + effect
	}
	summary := "Fields no model reports"
	detail := fmt.Sprintf("No model in the MegaLLM catalog (%d models from %s) reports these fields, which "+
		"megallm_models reads:\n  - %s\n\nLeave out what reads them, or ask the catalog's maintainers to report them.",
		models.Len(), origin, joinProblems(lines, "\n  - "))
	if len(arguments) == 1 {
		for argument := range arguments {
			diags.AddAttributeWarning(path.Root(argument), summary, detail)
		}
		return diags
	}
	diags.AddWarning(summary, detail)
	return diags
}
