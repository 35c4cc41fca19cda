package provider

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// What megallm_models says when the catalog cannot answer its question:
// without a word, the answer would look like one.

// emptyCatalog says that the catalog from origin has no models.
func emptyCatalog(origin string) string {
	return fmt.Sprintf("The MegaLLM catalog from %s has no models at all, so megallm_models lists none (and every "+
		"megallm_model fails). Check that this is the catalog you meant.", origin)
}

// unreportedFieldsWarning lists in one warning the fields that query reads
// and no model reports, on the argument that reads them if only one does.
func unreportedFieldsWarning(models *catalog.Catalog, origin string, query catalog.Query) diag.Diagnostics {
	unreported := models.Unreported(query)
	if len(unreported) == 0 {
		return nil
	}
	lines := make([]string, len(unreported))
	argument := narrowedArgument(unreported[0].By) // "" once another argument reads one
	for i, u := range unreported {
		reader, effect := narrowedArgument(u.By), "it keeps no model"
		if reader != argument {
			argument = ""
		}
		switch u.By {
		case catalog.ByRequirement:
			reader = "require." + u.Requirement
		case catalog.BySort:
			reader, effect = fmt.Sprintf("sort_by = %q", query.SortBy), "it orders no model (they are listed by id)"
		}
		lines[i] = u.Field + ": " + reader + " reads it, so " + effect
	}
	summary := "Fields no model reports"
	detail := fmt.Sprintf("No model in the MegaLLM catalog (%s from %s) reports these fields, which "+
		"megallm_models reads:\n  - %s\n\nLeave out what reads them, or ask the catalog's maintainers to report them.",
		counted(models.Len(), "model"), origin, joinProblems(lines, "\n  - "))
	if argument != "" {
		return diag.Diagnostics{diag.NewAttributeWarningDiagnostic(path.Root(argument), summary, detail)}
	}
	return diag.Diagnostics{diag.NewWarningDiagnostic(summary, detail)}
}

// spacedFilters refuses a type, owners and excluded ids with white space
// around them or an invisible character, each written as the catalog writes
// it (spacedName, spacedID), or with what it has close to it; the validators
// leave them to the read where it is at plan (nameValidator). The query is
// returned without them, for the checks that compare the rest with the
// catalog.
func spacedFilters(models *catalog.Catalog, query catalog.Query) (catalog.Query, diag.Diagnostics) {
	var diags diag.Diagnostics
	if err := spacedName(models, "type", query.Type, typeKind); err != nil {
		diags.AddAttributeError(path.Root("type"), "Invalid type", sentence(err))
		query.Type = ""
	}
	spacedOut := func(set string, names []string, where string, kind nameKind, mistake func(where, name string) error) []string {
		sorted := slices.Sorted(slices.Values(names))
		mistakes := listedMistakes(len(sorted), func(i int) error { return mistake(where, sorted[i]) },
			func(i int) error { return spaced(where, sorted[i], kind.noun) })
		var kept []string
		for i, name := range sorted {
			if mistakes[i] == nil {
				kept = append(kept, name)
			}
		}
		if err := joinMistakes(mistakes); err != nil {
			diags.AddAttributeError(path.Root(set), "Invalid "+set, sentences(err))
		}
		return kept // nil (no filter) for nil names
	}
	query.OwnedBy = spacedOut("owned_by", query.OwnedBy, "an owner of owned_by", ownerKind, func(where, owner string) error {
		return spacedName(models, where, owner, ownerKind)
	})
	query.ExcludeIDs = spacedOut("exclude_ids", query.ExcludeIDs, "an id of exclude_ids", idKind, func(where, id string) error {
		return spacedID(models, where, id, meantByID(models), rewrite(models, idKind, id))
	})
	return query, diags
}

// unmatchedFilters refuses excluded ids that name a catalog model otherwise
// than the catalog writes it (catalog.Catalog.Misnamed), which would leave
// that model listed, as a misnamed candidate or policy id would not, and a
// type or owners that the catalog has only in another letter case, which
// can only be typos. It warns about a type, owner or excluded id that no
// model of the catalog has, most often a typo: each of the first
// catalog.MaxListed with "did you mean" (or why the catalog left the id out,
// meantByID), the others in one warning.
func unmatchedFilters(models *catalog.Catalog, origin string, query catalog.Query) diag.Diagnostics {
	var diags diag.Diagnostics
	var lines, unknownIDs []string
	for _, id := range slices.Sorted(slices.Values(query.ExcludeIDs)) {
		if r := models.Misnamed(id); r != nil {
			lines = append(lines, megallm.Quote(id)+" "+rejectionWords(models, r))
		} else if _, known := models.Lookup(id); !known {
			unknownIDs = append(unknownIDs, id)
		}
	}
	if lines != nil {
		diags.AddAttributeError(path.Root("exclude_ids"), "Excluded id written otherwise than the catalog",
			misnamedIDs("exclude_ids", "they would exclude nothing and their models would stay listed", joinProblems(lines, "\n  - ")))
	}
	where := fmt.Sprintf("the MegaLLM catalog (%s from %s)", counted(models.Len(), "model"), origin)
	if types := models.Types(); query.Type != "" && !slices.Contains(types, query.Type) {
		none := fmt.Sprintf("No model in %s has type %s, so megallm_models", where, megallm.Quote(query.Type))
		if meant := catalog.Miscased(query.Type, types); meant != nil {
			diags.AddAttributeError(path.Root("type"), "Type in the wrong letter case", none+" would list none. Types are "+
				"case-sensitive."+didYouMean(meant)+listedWhole(models, typeKind, meant...)+" "+catalogHas(typeKind.plural, types))
		} else {
			closest := catalog.Closest(query.Type, slices.Values(types))
			diags.AddAttributeWarning(path.Root("type"), "No model of this type", none+" lists none."+
				didYouMean(closest)+listedWhole(models, typeKind, closest...)+" "+catalogHas(typeKind.plural, types))
		}
	}
	if query.IDPattern != nil {
		pattern := query.IDPattern.String()
		if !models.MatchesAnyID(query.IDPattern) {
			none := fmt.Sprintf("No model id in %s matches id_regex %s, so megallm_models", where, megallm.Quote(pattern))
			if folded := regexp.MustCompile("(?i)" + pattern); models.MatchesAnyID(folded) { // compiles, as pattern did
				fix := didYouMean([]string{folded.String()}) + " (?i) makes it ignore letter case."
				if !megallm.QuotesWhole(folded.String()) { // what gives folded from pattern
					fix = " Start it with (?i), which makes it ignore letter case."
				}
				diags.AddAttributeError(path.Root("id_regex"), "id_regex in the wrong letter case", none+" would list none. "+
					"Ids are case-sensitive, and it matches some only when letter case is ignored."+fix)
			} else {
				diags.AddAttributeWarning(path.Root("id_regex"), "No model id matches id_regex", none+" lists none. It matches anywhere in an id; check it against the catalog's ids.")
			}
		}
		if advice := wildcardAdvice(pattern); advice != "" {
			diags.AddAttributeWarning(path.Root("id_regex"), "Wildcard in id_regex",
				fmt.Sprintf("id_regex %s is a regular expression, in which a final * repeats the character before it, "+
					"zero or more times, so it keeps the ids without that character too.%s", megallm.Quote(pattern), advice))
		}
	}
	if query.OwnedBy != nil {
		owners := models.Owners()
		var unknown, miscased, meant []string
		for _, owner := range slices.Sorted(slices.Values(query.OwnedBy)) {
			switch m := catalog.Miscased(owner, owners); {
			case m != nil:
				miscased, meant = append(miscased, megallm.Quote(owner)+aside(didYouMean(m))), append(meant, m...)
			case !slices.Contains(owners, owner):
				unknown = append(unknown, owner)
			case !models.OwnerAllowed(owner):
				diags.AddAttributeWarning(path.Root("owned_by"), "Owner not allowed by the policy",
					fmt.Sprintf("The provider's policy allows no model owned by %s (its allowed_owners does not "+
						"list it), so that owner matches nothing.", megallm.Quote(owner)))
			default:
				if n := models.OwnerDenied(owner); n > 0 {
					which := fmt.Sprintf("all %d", n)
					if n == 1 {
						which = "the only one"
					}
					diags.AddAttributeWarning(path.Root("owned_by"), "Every model of this owner denied by the policy",
						fmt.Sprintf("The provider's policy denies every model owned by %s (%s in the catalog, with denied = "+
							"true in its models), so that owner matches nothing.", megallm.Quote(owner), which))
				}
			}
		}
		if miscased != nil {
			diags.AddAttributeError(path.Root("owned_by"), "Owner in the wrong letter case", "Owners are case-sensitive, and "+
				"these owners of owned_by differ from a catalog owner only in letter case, so they would match nothing and "+
				"their models would not be listed:\n  - "+joinProblems(miscased, "\n  - ")+"\n\nWrite each owner as the catalog does."+
				listedWhole(models, ownerKind, meant...))
		}
		warnEach(&diags, path.Root("owned_by"), unknown, func(owner string) (string, string) {
			hint := " " + catalogHas(ownerKind.plural, owners) // no word of letter case: a slip of case alone is miscased, above
			if suggestions := models.SuggestOwners(owner); len(suggestions) > 0 {
				hint = didYouMean(suggestions) + listedWhole(models, ownerKind, suggestions...)
			}
			return "No model with this owner",
				fmt.Sprintf("No model in %s has owned_by %s, so that owner matches nothing.%s", where, megallm.Quote(owner), hint)
		}, func(rest []string) (string, string) {
			return "No model with these owners", fmt.Sprintf("No model in %s has any of %d more owners of owned_by "+
				"either, so they match nothing: %s.", where, len(rest), catalog.QuoteSome(rest, "and"))
		})
	}
	warnEach(&diags, path.Root("exclude_ids"), unknownIDs, func(id string) (string, string) {
		hint := cmp.Or(meantByID(models)(id), " Remove it from exclude_ids if the model has left the catalog.")
		return "No model with this id", fmt.Sprintf("No model in %s has id %s, so excluding it leaves out nothing. "+
			"Ids are exact and case-sensitive.%s", where, megallm.Quote(id), hint)
	}, func(rest []string) (string, string) {
		return "No model with these ids", fmt.Sprintf("No model in %s has any of %d more ids of exclude_ids either, "+
			"so excluding them leaves out nothing: %s.", where, len(rest), catalog.QuoteSome(rest, "and"))
	})
	return diags
}

// emptyReason says why megallm_models lists no model: the catalog is empty,
// or which step of Catalog.Narrowing kept none, after how many each step
// before it kept, and what to loosen.
func emptyReason(models *catalog.Catalog, origin string, query catalog.Query) string {
	if models.Len() == 0 {
		return emptyCatalog(origin)
	}
	account := models.Narrowing(query)
	lines := make([]string, len(account))
	for i, n := range account {
		kept := fmt.Sprintf("kept %d of those %d", n.Kept, n.Of)
		switch {
		case i == 0 && n.Kept == 0:
			kept = "kept none of the " + counted(n.Of, "model")
		case i == 0:
			kept = fmt.Sprintf("kept %d of %s", n.Kept, counted(n.Of, "model"))
		case n.Kept == 0:
			kept = "kept none of them"
		}
		lines[i] = narrowedBy(query, n.By) + " " + kept
	}
	last := account[len(account)-1]
	if last.By == catalog.ByRequirement {
		lines[len(lines)-1] += ": " + unmetByAll(last)
	}
	before := ""
	if len(account) > 1 {
		before = ", or one of the filters before it"
	}
	advice := fmt.Sprintf("Loosen or remove %s%s.", narrowedArgument(last.By), before)
	switch set := setCurrencyWords(last.Unmet); {
	case set != "":
		advice = fmt.Sprintf("%s, or loosen or remove require%s.", set, before)
	case last.By == catalog.ByRequirement && len(last.Unmet) == 0 && len(last.Closest) == 0: // no bound to loosen
		advice = "Remove from require what they miss" + strings.Replace(before, ", or", ", or loosen", 1) + "."
	case last.By == catalog.ByPolicy:
		advice = "The provider's policy allows none of them (it denies them, or its allowed_owners leaves out their " +
			"owners): widen the filters, or change the policy."
	case last.By == catalog.ByRetirement:
		advice = "Each of them is retired, and cannot be used (include_retired = true would list them)" +
			strings.Replace(before, ", or", ": loosen", 1) + "."
	}
	return fmt.Sprintf("No model in the MegaLLM catalog (%s from %s) passes the filters of megallm_models, so ids "+
		"and models are empty. In the order they apply:\n  - %s\n\n%s", counted(models.Len(), "model"), origin,
		strings.Join(lines, "\n  - "), advice)
}

// narrowedArgument is the argument of megallm_models that applies by.
func narrowedArgument(by catalog.QueryPart) string {
	return map[catalog.QueryPart]string{
		catalog.ByType: "type", catalog.ByOwnedBy: "owned_by", catalog.ByIDPattern: "id_regex",
		catalog.ByExcludeIDs: "exclude_ids", catalog.ByCreatedAfter: "created_after",
		catalog.ByCreatedBefore: "created_before", catalog.ByRequirement: "require", catalog.BySort: "sort_by",
	}[by]
}

// narrowedBy names a step with its value: type = "chat", the provider's policy.
func narrowedBy(q catalog.Query, by catalog.QueryPart) string {
	switch by {
	case catalog.ByType:
		return "type = " + megallm.Quote(q.Type)
	case catalog.ByOwnedBy:
		return "owned_by = " + quotedSet(q.OwnedBy)
	case catalog.ByIDPattern:
		return "id_regex = " + megallm.Quote(q.IDPattern.String())
	case catalog.ByExcludeIDs:
		return "exclude_ids = " + quotedSet(q.ExcludeIDs)
	case catalog.ByCreatedAfter:
		return "created_after = " + megallm.Quote(catalog.FormatDate(*q.CreatedAfter))
	case catalog.ByCreatedBefore:
		return "created_before = " + megallm.Quote(catalog.FormatDate(*q.CreatedBefore))
	case catalog.ByPolicy:
		return "the provider's policy"
	case catalog.ByRetirement:
		return "leaving out retired models (include_retired = false)"
	}
	return "require"
}

// unmetByAll words the requirements that none of the models require was
// given meets, each with the closest miss, or else the models that miss the
// fewest of those relaxing require admits, each with its misses.
func unmetByAll(n catalog.Narrowed) string {
	if len(n.Unmet) == 0 {
		words := "each requirement is met by one of them, but none meets them all"
		if len(n.Closest) == 0 {
			return words + ": each of them lacks a field that one of the requirements reads (null in the catalog), and " +
				unreportedNeverMet
		}
		closest := make([]string, n.AsClose) // joinProblems counts those after the first MaxListed, which Closest holds
		for i, c := range n.Closest {
			closest[i] = megallm.Quote(c.Model.ID) + " (" + strings.Join(unmetWords(c.Unmet), "; ") + ")"
		}
		return fmt.Sprintf("%s; the closest, missing %s: %s", words, counted(len(n.Closest[0].Unmet), "requirement"),
			joinProblems(closest, ", "))
	}
	words := make([]string, len(n.Unmet))
	for i, miss := range n.Unmet {
		name := "the currency of its price bounds"
		if miss.Requirement.Name != "" {
			name = "require." + miss.Requirement.Name
		}
		words[i] = fmt.Sprintf("none meets %s (the closest: %s)", name, missWords(miss))
	}
	return joinProblems(words, "; ")
}

// quotedSet writes a set of names sorted, as ["a", "b"], bounded.
func quotedSet(names []string) string {
	return "[" + quoteFirst(slices.Sorted(slices.Values(names)), catalog.MaxListed, "and %d more", nil) + "]"
}
