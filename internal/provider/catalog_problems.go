package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// maxProblemsListed is how many problems one warning lists before "and N more".
const maxProblemsListed = 10

// catalogProblemWarnings groups what the decoder worked around in the catalog
// into at most three warnings: values read as null, entries left out, and
// duplicate ids.
func catalogProblemWarnings(problems []megallm.Problem, origin string) diag.Diagnostics {
	var fields, entries, duplicates []string
	seen := map[string]bool{}
	for _, p := range problems {
		switch p.Kind {
		case megallm.FieldReadAsNull:
			fields = append(fields, p.String())
		case megallm.EntryDropped:
			entries = append(entries, p.String())
		case megallm.DuplicateDropped:
			if !seen[p.ModelID] {
				seen[p.ModelID] = true
				duplicates = append(duplicates, megallm.QuoteUntrusted(p.ModelID))
			}
		}
	}
	var diags diag.Diagnostics
	if len(fields) > 0 {
		diags.AddWarning("Unreadable values in the MegaLLM catalog",
			fmt.Sprintf("The catalog from %s has values that cannot be read or make no sense. The provider reads "+
				"each as null, so that model does not meet a requirement on the field and sorts last by it; its "+
				"other fields and the other models are unaffected:\n  - %s\n\nReport them to the catalog's maintainers.",
				origin, joinProblems(fields, "\n  - ")))
	}
	if len(entries) > 0 {
		diags.AddWarning("Entries left out of the MegaLLM catalog",
			fmt.Sprintf("These entries of \"data\" in the catalog from %s are not models with an id, so the "+
				"provider leaves them out:\n  - %s", origin, joinProblems(entries, "\n  - ")))
	}
	if len(duplicates) > 0 {
		diags.AddWarning("Duplicate model ids in the MegaLLM catalog",
			fmt.Sprintf("The catalog from %s lists more than one model with each of these ids: %s. The provider "+
				"uses the first entry of each id and ignores the others.", origin, joinProblems(duplicates, ", ")))
	}
	return diags
}

// joinProblems joins the first maxProblemsListed items and counts the rest.
func joinProblems(items []string, sep string) string {
	if len(items) <= maxProblemsListed {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:maxProblemsListed], sep) + sep + fmt.Sprintf("and %d more", len(items)-maxProblemsListed)
}
