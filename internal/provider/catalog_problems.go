package provider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// problemWarnings are the warnings catalogProblemWarnings groups the
// decoder's problems into, in order: each detail takes the catalog's origin
// and the problems' lines, joined by sep.
var problemWarnings = []struct {
	kind                 megallm.ProblemKind
	summary, detail, sep string
}{
	{megallm.CatalogMoved, "MegaLLM catalog moved", "The MegaLLM catalog at %s %s, to save the extra request that " +
		"following the redirect costs every plan.", ""},
	{megallm.CatalogPaged, "Incomplete MegaLLM catalog", "The MegaLLM catalog from %s %s, so no data source reads " +
		"them and every filter, requirement and sort sees this page alone. Serve the whole list in one answer of GET " +
		"/models, or save every page's models in the \"data\" of one catalog_file, without \"has_more\".", ""},
	{megallm.FieldReadAsNull, "Unreadable values in the MegaLLM catalog", "The catalog from %s has values that " +
		"cannot be read or make no sense. The provider reads each as null, so that model does not meet a requirement on " +
		"the field and sorts last by it; its other fields and the other models are unaffected:\n  - %s\n\nReport them " +
		"to the catalog's maintainers.", "\n  - "},
	{megallm.NameRespelled, "Types and owners respelled in the MegaLLM catalog", "The catalog from %s writes these " +
		"types and owners with white space around them, which no type or owned_by can match, or in another letter case " +
		"than its other models with the same one. The provider reads each as shown, so that type and owned_by keep the " +
		"model with the others:\n  - %s\n\nReport them to the catalog's maintainers.", "\n  - "},
	{megallm.EntryDropped, "Entries left out of the MegaLLM catalog", "These entries of \"data\" in the catalog from " +
		"%s are not models with an id, so the provider leaves them out:\n  - %s", "\n  - "},
	{megallm.DuplicateDropped, "Duplicate model ids in the MegaLLM catalog", "The catalog from %s lists more than " +
		"one model with each of these ids: %s. The provider uses the first entry of each id and ignores the others.", ", "},
}

// catalogProblemWarnings groups the catalog's problems into at most six
// warnings (problemWarnings): a duplicate id is named once, and a moved
// catalog's base URL is to be set where it came from, baseFrom.
func catalogProblemWarnings(problems []megallm.Problem, origin, baseFrom string) diag.Diagnostics {
	lines := map[megallm.ProblemKind][]string{}
	seen := map[string]bool{}
	for _, p := range problems {
		line := p.String()
		if p.Kind == megallm.DuplicateDropped {
			if seen[p.ModelID] {
				continue
			}
			seen[p.ModelID], line = true, megallm.Quote(p.ModelID)
		}
		if p.Kind == megallm.CatalogMoved {
			trust := ": "
			if p.KeyWithheld {
				trust = ": if you trust it, "
			}
			line += trust + setBaseURL(baseFrom, p.BaseURL)
		}
		lines[p.Kind] = append(lines[p.Kind], line)
	}
	var diags diag.Diagnostics
	for _, w := range problemWarnings {
		if len(lines[w.kind]) > 0 {
			diags.AddWarning(w.summary, fmt.Sprintf(w.detail, origin, joinProblems(lines[w.kind], w.sep)))
		}
	}
	return diags
}

// policyFindingWarnings warns, once per plan, about the ids, successors and
// owners the policy names that the catalog lacks, the catalog's spellings of
// an id it names that it does not, prices in USD by default for models listed
// in another currency or far below their list price, and a policy that allows
// no model.
func policyFindingWarnings(findings catalog.PolicyFindings, models *catalog.Catalog, origin string) diag.Diagnostics {
	var diags diag.Diagnostics
	if ids := findings.UnknownIDs; len(ids) > 0 {
		them, gone := "them", "the models that have"
		if len(ids) == 1 {
			them, gone = "it", "the model if it has"
		}
		diags.AddWarning("Provider policy names models the catalog does not have",
			fmt.Sprintf("%s policy.models names %s, which the MegaLLM catalog from %s does not have, so what the "+
				"policy says of %s has no effect. Ids are exact and case-sensitive: correct a typo, or remove "+
				"%s left the catalog.", aboutPolicy, quoteFirst(ids, catalog.MaxListed, "and %d more", meantByID(models)), origin, them, gone))
	}
	if gaps := findings.MissingSuccessors; len(gaps) > 0 {
		lines := make([]string, len(gaps))
		for i, g := range gaps {
			lines[i] = megallm.Quote(g.ID) + " names successor " + megallm.Quote(g.Successor)
			if i < catalog.MaxListed { // "did you mean" only for the lines shown, of ids g.ID can move to
				alternatives := models.Advise(g.ID, &g.Successor, &catalog.Query{}).Alternatives
				lines[i] += aside(meantWords(models, models.LeftOut(g.Successor), models.DisplayNamed(g.Successor), alternatives))
			}
		}
		diags.AddWarning("Provider policy names successors the catalog does not have",
			fmt.Sprintf("%s These successors in policy.models are not in the MegaLLM catalog from %s, so a "+
				"configuration cannot move to them yet:\n  - %s\n\nIds are exact and case-sensitive: correct the "+
				"successor's id, or add it to the catalog first.", aboutPolicy, origin, joinProblems(lines, "\n  - ")))
	}
	if owners := findings.UnknownOwners; len(owners) > 0 {
		diags.AddWarning("Provider policy allows owners the catalog does not have",
			fmt.Sprintf("%s policy.allowed_owners lists %s, which no model in the MegaLLM catalog from %s has, so it "+
				"allows nothing. Owners are exact and case-sensitive. %s", aboutPolicy,
				quoteFirst(owners, catalog.MaxListed, "and %d more", func(owner string) string { return didYouMean(models.SuggestOwners(owner)) }), origin, catalogHas(ownerKind.plural, models.Owners())))
	}
	if gaps := findings.SpellingGaps; len(gaps) > 0 {
		lines, unnamed := make([]string, len(gaps)), []string{}
		for i, g := range gaps {
			lines[i] = fmt.Sprintf("policy.models names %s, not %s", catalog.QuoteSome(g.Named, "and"), catalog.QuoteSome(g.Others, "or"))
			unnamed = append(unnamed, g.Others...)
		}
		diags.AddWarning("Provider policy names only some spellings of model ids that differ only in letter case",
			fmt.Sprintf("%s The MegaLLM catalog from %s lists models whose ids differ only in letter case, and "+
				"policy.models names only some of the spellings:\n  - %s\n\nIds are exact and case-sensitive, so each "+
				"is a separate model, and what the policy says of %s (a denial, a retirement, a price) does not apply "+
				"to %s. Name every spelling in policy.models, each with the entry of the one it names, or ask the "+
				"catalog's maintainers which one is meant.%s", aboutPolicy, origin, joinProblems(lines, "\n  - "),
				megallm.Quote(gaps[0].Named[0]), megallm.Quote(gaps[0].Others[0]), listedWhole(models, idKind, unnamed...)))
	}
	if unstated := findings.UnstatedCurrencies; len(unstated) > 0 {
		usd, lines := megallm.Quote(catalog.DefaultCurrency), make([]string, len(unstated))
		for i, u := range unstated {
			lines[i] = fmt.Sprintf("policy.models[%s].pricing, for a model listed in %s", megallm.Quote(u.ID), megallm.Quote(u.Listed))
		}
		diags.AddWarning("Provider policy prices models in USD that the catalog prices in another currency",
			fmt.Sprintf("%s These negotiated prices name no currency, so they are read in %s, while the MegaLLM catalog "+
				"from %s lists their models in another:\n  - %s\n\nSet pricing.currency in each to the currency its model is "+
				"listed in if the price is in it, else to %s, which keeps the price as it is read now.", aboutPolicy, usd,
				origin, joinProblems(lines, "\n  - "), usd))
	}
	if cheap := findings.CheapPrices; len(cheap) > 0 {
		lines := make([]string, len(cheap))
		for i, c := range cheap {
			lines[i] = fmt.Sprintf("policy.models[%s].pricing.%s is %s, the list price %s: per %s, it is %s per million",
				megallm.Quote(c.ID), c.Name, formatNumber(c.Price), formatNumber(c.List), c.Unit.Words, formatNumber(c.PerMillion))
		}
		diags.AddWarning("Provider policy prices models far below their list price",
			fmt.Sprintf("%s These negotiated prices are under 1/%d of the list price in the MegaLLM catalog from %s, in "+
				"the same currency, as a price per thousand tokens or per token is when written as one per million, and "+
				"every price bound lets them through:\n  - %s\n\nA policy's prices are per million tokens: write each so, "+
				"as the figure given for it if it is per that unit.", aboutPolicy, catalog.FarBelow, origin,
				joinProblems(lines, "\n  - ")))
	}
	if findings.AllowsNone {
		diags.AddWarning("Provider policy allows no model",
			fmt.Sprintf("%s The policy allows none of the %s in the MegaLLM catalog from %s, so megallm_models lists "+
				"none and every megallm_model fails. Check policy.allowed_owners and the models it denies.",
				aboutPolicy, counted(models.Len(), "model"), origin))
	}
	return diags
}

// aboutPolicy opens a warning about the policy, shown on another data source.
const aboutPolicy = "This is about the policy argument of the provider \"megallm\" block, not about the data source " +
	"Terraform shows it on."

// policyMismatchDetail lists the policy's misnamed ids, then successors, and
// how to fix them: where another key names the same model, to merge them
// (sameModelAs; an ambiguous key names none); then its mistyped currencies.
// It leaves out a spaced name, which spacedPolicyNames's error says with the
// catalog's spelling.
func policyMismatchDetail(err *catalog.PolicyMismatchError) string {
	keys := map[string][]string{} // the keys that name each catalog id
	for _, id := range err.Keyed {
		keys[id] = []string{id}
	}
	for _, m := range err.Misnamed {
		if m.One() {
			keys[m.CatalogID] = append(keys[m.CatalogID], m.ID)
		}
	}
	var lines []string
	for _, m := range err.Misnamed {
		if isSpaced(m.ID) {
			continue
		}
		line := fmt.Sprintf("policy.models[%s] names no model, but the catalog has %s", megallm.Quote(m.ID), spellingWhy(err.Catalog, m))
		others := slices.DeleteFunc(slices.Clone(keys[m.CatalogID]), func(key string) bool { return key == m.ID })
		if m.One() && len(others) > 0 {
			line += "; so written, it " + sameModelAs(others, m.CatalogID)
		}
		lines = append(lines, line)
	}
	for _, s := range err.MisnamedSuccessors {
		if !isSpaced(s.Successor.ID) {
			lines = append(lines, misnamedSuccessor(err.Catalog, modelPolicyPath(s.ID)+".successor", s.Successor))
		}
	}
	var paragraphs []string
	if len(lines) > 0 {
		paragraphs = append(paragraphs, misnamedIDs("the provider's policy", "what the policy says of them (a denial, "+
			"a retirement, a price, a successor) would silently miss them", joinProblems(lines, "\n  - ")))
	}
	typos := make([]string, len(err.MistypedCurrencies))
	for i, m := range err.MistypedCurrencies {
		typos[i] = mistypedCurrency(modelPolicyPath(m.ID)+".pricing.currency", m.Currency, m.Meant)
	}
	if len(typos) > 0 {
		paragraphs = append(paragraphs, fmt.Sprintf("The provider's policy prices models in a currency that no model "+
			"in the catalog is priced in, one edit from one that is, so, whatever their price, price requirements "+
			"would leave them out and cost sorts put them last:\n  - %s\n\nCorrect each code.", joinProblems(typos, "\n  - ")))
	}
	return strings.Join(paragraphs, "\n\n")
}

// misnamedSuccessor says that the policy's successor at where names no model,
// and how the catalog writes it.
func misnamedSuccessor(models *catalog.Catalog, where string, m catalog.MisnamedID) string {
	return where + " is " + megallm.Quote(m.ID) + ", which names no model, but the catalog has " + spellingWhy(models, m)
}
