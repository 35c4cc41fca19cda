package provider

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// joinProblems joins the first catalog.MaxListed items and counts the rest.
func joinProblems(items []string, sep string) string {
	if len(items) <= catalog.MaxListed {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:catalog.MaxListed], sep) + sep + fmt.Sprintf("and %d more", len(items)-catalog.MaxListed)
}

// quoteFirst quotes the first n names, each with meant's words (if any) as an
// aside, joined by commas, and counts the others in more's words ("and %d more").
func quoteFirst(names []string, n int, more string, meant func(string) string) string {
	quoted := make([]string, 0, n+1)
	for _, name := range names[:min(len(names), n)] {
		q := megallm.Quote(name)
		if meant != nil {
			q += aside(meant(name))
		}
		quoted = append(quoted, q)
	}
	if len(names) > n {
		quoted = append(quoted, fmt.Sprintf(more, len(names)-n))
	}
	return strings.Join(quoted, ", ")
}

// didYouMeanWords start didYouMean's question.
const didYouMeanWords = " Did you mean "

// didYouMean is ` Did you mean "a", "b" or "c"?` (catalog.QuoteSome), or "".
func didYouMean(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return didYouMeanWords + catalog.QuoteSome(values, "or") + "?"
}

// aside is question, a didYouMean or meantWords, as an aside:
// ` (did you mean "a"?)`, without a final period; "" for "".
func aside(question string) string {
	if question == "" {
		return ""
	}
	return " (" + strings.ToLower(question[1:2]) + strings.TrimSuffix(question[2:], ".") + ")"
}

// meantWords says what may have been meant by an id the catalog lacks: why
// the catalog left it out (leftOut), else the ids it is the display name of,
// else the closest ids, with where to read a cut one whole (listedWhole;
// models is nil for ids of models that can be used); "" for none.
func meantWords(models *catalog.Catalog, leftOut string, displayNameOf, closest []string) string {
	switch {
	case leftOut != "":
		return leftOut
	case len(displayNameOf) > 0:
		write := "that id"
		if len(displayNameOf) > 1 {
			write = "the id of the one meant"
		}
		return " It is the display name of " + catalog.QuoteList(displayNameOf, "or") + ": write " + write + " instead." +
			listedWhole(models, idKind, displayNameOf...)
	}
	return didYouMean(closest) + listedWhole(models, idKind, closest...)
}

// nameKind is a kind of name that only the catalog can spell, as advice words it: its noun, its plural, the field of a
// megallm_models data source that lists it whole, the catalog's every one (names), and the query for its models (lister).
type nameKind struct {
	name, noun, plural, field string
	names                     func(*catalog.Catalog) []string
	query                     func(name string) catalog.Query
}

var (
	idKind = nameKind{"id", "model id", "ids", "ids", nil, func(id string) catalog.Query {
		return catalog.Query{IDPattern: regexp.MustCompile("^" + regexp.QuoteMeta(id) + "$")}
	}}
	typeKind  = nameKind{"type", "model type", "types", "models[*].type", (*catalog.Catalog).Types, func(t string) catalog.Query { return catalog.Query{Type: t} }}
	ownerKind = nameKind{"owner", "owner", "owners", "models[*].owned_by", (*catalog.Catalog).Owners, func(owner string) catalog.Query { return catalog.Query{OwnedBy: []string{owner}} }}
)

// listedWhole follows advice that quotes catalog values of kind: where to
// read whole one whose quote is cut (lister's data source); "" for none.
func listedWhole(models *catalog.Catalog, kind nameKind, values ...string) string {
	if source, lists := lister(models, kind, values...); slices.ContainsFunc(values, func(v string) bool { return !megallm.QuotesWhole(v) }) {
		return " Read each " + kind.name + " suggested here whole from the " + kind.field + " of " + source + ", which lists every model " + lists + "."
	}
	return ""
}

// lister is what lists values of kind whole, and which models it lists: a
// megallm_models data source, or one under no policy that leaves out none
// where one with a cut value's filter (kind.query) lists nothing or fails
// (catalog.Catalog.Withheld); models is nil when the first lists each.
func lister(models *catalog.Catalog, kind nameKind, values ...string) (source, lists string) {
	if models != nil && slices.ContainsFunc(values, func(v string) bool {
		return !megallm.QuotesWhole(v) && (models.Withheld() || len(models.Select(kind.query(v))) == 0)
	}) {
		return "a megallm_models data source with include_retired = true under a provider block without policy", "of the catalog"
	}
	return "a megallm_models data source", "the policy allows"
}

// meantByID is meantWords among every model of the catalog, for an id that
// may name one it cannot use (an excluded id, a policy's).
func meantByID(models *catalog.Catalog) func(id string) string {
	return func(id string) string {
		return meantWords(models, models.LeftOut(id), models.DisplayNamed(id), models.Suggest(id))
	}
}

// listedMistakes is each of n values' mistake: mistake(i) for the first
// catalog.MaxListed that have one, which a message lists, and cheap(i),
// without the catalog's advice (a pass over it each), for those it counts.
func listedMistakes(n int, mistake, cheap func(i int) error) []error {
	mistakes := make([]error, n)
	listed := 0
	for i := range mistakes {
		if listed < catalog.MaxListed {
			mistakes[i] = mistake(i)
		} else {
			mistakes[i] = cheap(i)
		}
		if mistakes[i] != nil {
			listed++
		}
	}
	return mistakes
}

// spacedID is spaced for a model id at where, fixed by write for the id as
// the catalog writes it (idSpelling), or with meant's words when it lacks it;
// one that more catalog ids write otherwise gets megallm_model's advice for
// it (idAdvice), as it does unspaced.
func spacedID(models *catalog.Catalog, where, id string, meant, write func(id string) string) error {
	return spacedFix(where, id, idKind.noun, spelledIn(idKind.noun, idSpelling(models), func(clean string) string {
		if r := models.Misnamed(clean); r != nil {
			return idAdvice(models, r, " ")
		}
		return meant(clean)
	}, write))
}

// idSpelling is how the catalog writes the model id clean, as written or
// otherwise (catalog.LookupMisnamed); "" when it lacks it or it names more ids.
func idSpelling(models *catalog.Catalog) func(clean string) string {
	return func(clean string) string {
		if _, ok := models.Lookup(clean); ok {
			return clean
		}
		if m, _ := models.LookupMisnamed(clean); m.One() {
			return m.CatalogID
		}
		return "" // ambiguous
	}
}

// spacedName is spaced for a type or owner (kind) at where, fixed as the
// catalog writes it (kind.names), or with the closest of those, else all.
func spacedName(models *catalog.Catalog, where, name string, kind nameKind) error {
	return spacedFix(where, name, kind.noun, spelledIn(kind.noun, func(clean string) string {
		if names := kind.names(models); slices.Contains(names, clean) {
			return clean
		} else if meant := catalog.Miscased(clean, names); meant != nil {
			return meant[0]
		}
		return ""
	}, func(clean string) string {
		if closest := catalog.Closest(clean, slices.Values(kind.names(models))); len(closest) > 0 {
			return didYouMean(closest)
		}
		return " " + catalogHas(kind.plural, kind.names(models))
	}, rewrite(models, kind, name)))
}

// functionErrorText is err as a function's error, which Terraform ends with
// a period of its own: the last line without one, and a final didYouMean as
// an aside.
func functionErrorText(err error) string {
	text := sentences(err)
	i := strings.LastIndex(text, didYouMeanWords)
	if i < 0 || !strings.HasSuffix(text, "?") || strings.Contains(text[i:], "\n") {
		return strings.TrimSuffix(text, ".")
	}
	return strings.TrimSuffix(text[:i], ".") + aside(text[i:])
}

// misnamedIDs says that the model ids of what, lines, name catalog models
// otherwise than the catalog writes them, so effect.
func misnamedIDs(what, effect, lines string) string {
	return fmt.Sprintf("Model ids are exact, and these ids of %s name catalog models otherwise than the catalog writes "+
		"them, so %s:\n  - %s\n\nWrite each id as the catalog does.", what, effect, lines)
}

// spellingWhy completes "... the catalog has": X, the id m.ID names, and why m.ID misses X (misnamedWhy), or what to
// change in it for an X whose quote is cut (rewrite); for an ambiguous or joined m.ID, every id it names, and for a
// joined one, what it lists that the catalog lacks, with the ids each may mean (models.Suggest; none for nil models).
func spellingWhy(models *catalog.Catalog, m catalog.MisnamedID) string {
	ids := append([]string{m.CatalogID}, m.Alike...)
	switch {
	case m.Stray():
		alone := "without the separator" // a cut quote cannot be copied
		if megallm.QuotesWhole(m.CatalogID) {
			alone = "as " + megallm.Quote(m.CatalogID)
		}
		return megallm.Quote(m.CatalogID) + ", which it writes with a list's separator beside it: write it alone, " + alone
	case m.Joined() && m.One():
		return megallm.Quote(m.CatalogID) + ", which it repeats: write it once"
	case m.Joined():
		words := catalog.QuoteSome(ids, "and") + ", which it joins into one"
		if m.Lacked != nil {
			var meant func(string) string
			if models != nil {
				meant = func(id string) string { return didYouMean(models.Suggest(id)) }
			}
			words += " with " + quoteFirst(m.Lacked, catalog.MaxListed, "and %d more", meant) + ", which the catalog lacks"
		}
		return words + ": write each one meant as an id of its own"
	case len(m.Alike) > 0:
		words := catalog.QuoteSome(ids, "and") + ", each with a prefix that it lacks: write in full each one meant"
		if m.Separated() {
			words = catalog.QuoteSome(ids, "and") + ", each with other separators: write as the catalog does each one meant"
		}
		if whole := listedWhole(models, idKind, ids[:min(len(ids), catalog.MaxListed)]...); whole != "" {
			words += "." + strings.TrimSuffix(whole, ".")
		}
		return words
	case !megallm.QuotesWhole(m.CatalogID):
		return megallm.Quote(m.CatalogID) + ": " + rewrite(models, idKind, m.ID)(m.CatalogID)
	case m.Separated():
		return megallm.Quote(m.CatalogID) + ": ids are exact to the separator"
	}
	return megallm.Quote(m.CatalogID) + misnamedWhy(m.Prefix())
}

// misnamedWhy completes "... the catalog has X": why an id misses X, by the prefix
// that one of them has (catalog.MisnamedID.Prefix; added, the id's) or, without one, by letter case.
func misnamedWhy(prefix string, added bool) string {
	switch {
	case prefix == "":
		return ": ids are case-sensitive"
	case !added:
		return ", with the prefix " + megallm.Quote(prefix)
	case strings.Trim(prefix, "/") == "":
		return ", without the leading " + megallm.Quote(prefix)
	}
	return ", without the vendor prefix " + megallm.Quote(prefix)
}

// counted is n nouns, such as "1 model" or "26 models".
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// costTooLarge words catalog.ErrCostNotExpressible for what, w, without a
// final period: the price of m (nil for several) that makes it so and where
// it is set, by the catalog or the policy of models (nil in a function).
func costTooLarge(what string, w catalog.Workload, named string, m *megallm.Model, models *catalog.Catalog) string {
	words := fmt.Sprintf("The cost of %s with %s is more than %s, the largest cost the provider computes", what, named,
		exponentAsWritten(fmt.Sprintf("%.4g", math.MaxFloat64)))
	var name string
	var price float64
	if m != nil {
		name, price = w.CostlyPrice(m)
	}
	if name == "" {
		return words + ". Use smaller token counts"
	}
	words = fmt.Sprintf("%s: its pricing.%s, %s, is what makes it so", words, name, formatNumber(price))
	switch priced := "policy.models[" + megallm.Quote(m.ID) + "].pricing"; {
	case models == nil:
		return words + ". Check that price: a megallm_model's is the catalog's, or the one the provider's policy sets"
	case models.PolicyPriced(m.ID):
		return words + ". The provider's policy sets it: correct " + priced
	default:
		return words + ". It is the catalog's list price: choose another model, or set a negotiated price in the " +
			"provider's " + priced
	}
}

// warnEach warns at path about each of the first catalog.MaxListed values,
// in the words of one, and about the others in one warning.
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

// catalogHas is a sentence listing the values of a field (a plural).
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
