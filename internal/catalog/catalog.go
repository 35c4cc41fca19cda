// Package catalog holds the MegaLLM model catalog once fetched and answers the
// questions the data sources ask of it: look a model up by id, suggest ids
// close to a mistyped one, check requirements, filter and sort. It knows
// nothing of Terraform.
package catalog

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Catalog is a model list indexed by id. It is read-only once built and safe
// for concurrent use.
type Catalog struct {
	models []megallm.Model
	byID   map[string]*megallm.Model
	// problems are what the decoder worked around in the list, for a Source
	// to hand out once.
	problems []megallm.Problem
	// policy is the policy applied to the models, nil for none; now is the
	// time lifecycle statuses are computed for (see Apply).
	policy *Policy
	now    time.Time
	// leftOut is Source.WithLeftOut's, nil for none.
	leftOut func(id string) string
	// withheld is Withheld's, set by a Source.
	withheld bool
	// byFoldedID maps each lower-cased id to the first id that has it, and
	// byFoldedTail each lower-cased part after the last '/' of an id to the
	// first id that ends so, alikeTails to the later ones; byUnseparated
	// each id as unseparated reads it to the first id so read, alikeUnseparated
	// to the later ones; caseVariants are the ids that differ only in letter
	// case; longestID is the length of the longest id, in runes; all built by
	// fold.
	foldOnce         sync.Once
	byFoldedID       map[string]string
	byFoldedTail     map[string]string
	alikeTails       map[string][]string
	byUnseparated    map[string]string
	alikeUnseparated map[string][]string
	caseVariants     [][]string
	longestID        int
	// byStart is what starts returns, built once by it.
	startsOnce sync.Once
	byStart    map[string][]string
	// owners, types and currencies give the distinct values of each, sorted
	// (countFacets).
	owners, types, currencies func() []string
	// advised keeps Advise's answers by their inputs.
	advised sync.Map
}

// New indexes models, keeping their order, with the problems found decoding
// them. Where two models share an id, Lookup returns the first. Lifecycle
// statuses are computed for the time New is called, until Apply says otherwise.
func New(models []megallm.Model, problems ...megallm.Problem) *Catalog {
	c := &Catalog{
		models: models, byID: make(map[string]*megallm.Model, len(models)), problems: problems,
		now: time.Now().UTC(),
	}
	for i := range c.models {
		m := &c.models[i]
		if _, seen := c.byID[m.ID]; !seen {
			c.byID[m.ID] = m
		}
	}
	c.countFacets()
	return c
}

// Len is the number of models in the catalog.
func (c *Catalog) Len() int { return len(c.models) }

// Lookup returns the model with this exact id.
func (c *Catalog) Lookup(id string) (*megallm.Model, bool) {
	m, ok := c.byID[id]
	return m, ok
}

// lookupFold returns the catalog id that differs from id only in letter
// case, for an id that Lookup does not find: the near miss that must not
// pass for another model. For an id Lookup finds, it returns false.
func (c *Catalog) lookupFold(id string) (string, bool) {
	if _, ok := c.byID[id]; ok {
		return "", false
	}
	c.fold()
	if utf8.RuneCountInString(id) > c.longestID { // lower-casing keeps the runes: no id of the catalog
		return "", false
	}
	catalogID, ok := c.byFoldedID[foldID(id)]
	return catalogID, ok && catalogID != id
}

// LeftOut says why the catalog holds no model of id, for an id whose model
// was left out before the catalog was built (Source.WithLeftOut); "" for
// another id, and for every catalog id.
func (c *Catalog) LeftOut(id string) string {
	if _, known := c.byID[id]; known || c.leftOut == nil {
		return ""
	}
	return c.leftOut(id)
}

// LookupMisnamed returns the catalog id that id, which Lookup does not find,
// names otherwise than the catalog writes it: in another letter case
// (lookupFold), with other separators or none, "gpt_4o" or "gpt4o" for
// "gpt-4o" (unseparated), under a vendor prefix that the catalog does not write,
// "openai/gpt-4o" for "gpt-4o" (or "GPT-4o") when that model is owned by
// "openai", in any letter case, or reports no owner, or without the prefix
// that it does write, "llama-3.3-70b-instruct" for
// "meta-llama/llama-3.3-70b-instruct", whatever the prefix names (id names
// no vendor to tell another model by), unless LeftOut reports id: its own
// model was left out. A prefix written reads as a person reads it: each of
// its parts names the owner ("openai/openai/gpt-4o"), or is empty ("/gpt-4o",
// for any owner). An id that more than one catalog id reads as, without
// separators ("o1" for "o-1" and "o1."), or ends in after its last '/' when
// it has none, names each of them (Alike): it is ambiguous. An id that
// lists a catalog id with others (joined) names each of them too. Such an id
// is an error wherever a model id is written, as it misses the model it was
// written for. Only the '/'s before the catalog's longest id's length from
// the end are read: an id of many '/'s costs what reading it does.
func (c *Catalog) LookupMisnamed(id string) (MisnamedID, bool) {
	if catalogID, ok := c.lookupFold(id); ok {
		return MisnamedID{ID: id, CatalogID: catalogID}, true
	}
	c.fold()
	var buf [64]byte // a key that fits reads the maps without allocating
	key, whole := unseparated(buf[:0], id, c.longestID)
	if catalogID, ok := c.byUnseparated[string(key)]; ok && whole && c.byID[id] == nil && c.LeftOut(id) == "" {
		return MisnamedID{ID: id, CatalogID: catalogID, Alike: c.alikeUnseparated[string(key)]}, true
	}
	if m := c.joined(id); m.CatalogID != "" { // after unseparated: "gpt-4o mini" is gpt-4o-mini, not gpt-4o and mini
		return m, true
	}
	if !strings.Contains(id, "/") && utf8.RuneCountInString(id) <= c.longestID { // no prefix written, none to read
		if catalogID, ok := c.byFoldedTail[foldID(id)]; ok && c.LeftOut(id) == "" {
			return MisnamedID{ID: id, CatalogID: catalogID, Alike: c.alikeTails[foldID(id)]}, true
		}
		return MisnamedID{}, false
	}
	tail := len(id) // where the last longestID runes of id start
	for n := 0; n < c.longestID && tail > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(id[:tail])
		tail -= size
	}
	for i := max(tail-1, 0); i < len(id); i++ {
		if id[i] != '/' {
			continue
		}
		catalogID, folded := c.lookupFold(id[i+1:])
		if !folded {
			catalogID = id[i+1:]
		}
		if m, ok := c.byID[catalogID]; ok && vendorsName(id[:i], m.OwnedBy) {
			if c.LeftOut(id) != "" {
				break
			}
			return MisnamedID{ID: id, CatalogID: catalogID}, true
		}
	}
	return MisnamedID{}, false
}

// joined reads id as what it lists in one string, as a list joined with
// commas or a CSV cell does ("gpt-4o, gpt-4o-mini"), each once, in its order:
// the first catalog id, the other catalog ids (Alike) and the others
// (Lacked), when it lists one at least a catalog id, and LeftOut does not
// report it; else the zero MisnamedID. A misspelt part ("gpt-4o, gpt-4o-mnii"),
// one repeated or a stray separator ("gpt-4o,", MisnamedID.Stray) leaves it a
// list all the same: written so, a denial or exclusion would miss every model
// it names.
func (c *Catalog) joined(id string) MisnamedID {
	if !strings.ContainsFunc(id, listSeparator) {
		return MisnamedID{} // no list: read without allocating
	}
	parts := strings.FieldsFunc(id, listSeparator)
	if len(parts) == 0 || c.LeftOut(id) != "" {
		return MisnamedID{}
	}
	m, seen := MisnamedID{ID: id}, make(map[string]bool, len(parts))
	for _, part := range parts {
		switch {
		case seen[part]:
		case c.byID[part] == nil:
			m.Lacked = append(m.Lacked, part)
		case m.CatalogID == "":
			m.CatalogID = part
		default:
			m.Alike = append(m.Alike, part)
		}
		seen[part] = true
	}
	if m.CatalogID == "" {
		return MisnamedID{}
	}
	return m
}

// listSeparator reports whether r separates the ids of a list written as one
// string: a comma, a semicolon, a '|' or white space.
func listSeparator(r rune) bool { return strings.ContainsRune(",;|", r) || unicode.IsSpace(r) }

// vendorsName reports whether every part of prefix, split at '/', is empty
// or names owner in some letter case, as LookupMisnamed reads a prefix; any
// does for a model that reports no owner.
func vendorsName(prefix string, owner *string) bool {
	if owner == nil {
		return true
	}
	for vendor := range strings.SplitSeq(prefix, "/") {
		if vendor != "" && !strings.EqualFold(vendor, *owner) {
			return false
		}
	}
	return true
}

// caseGroups are the groups of ids that differ only in letter case, such
// as "o3-mini" and "O3-MINI", each in catalog order: separate models, as ids
// are exact, that a policy naming one spelling does not name.
func (c *Catalog) caseGroups() [][]string {
	if !slices.ContainsFunc(c.models, func(m megallm.Model) bool { return m.ID != strings.ToLower(m.ID) }) {
		return nil // no upper-case letter in any id: skip building the fold index every plan
	}
	c.fold()
	return c.caseVariants
}

// foldID is id as ids differing only in letter case are compared: lower-cased
// ("İ" is "i"), not strings.EqualFold's folding.
func foldID(id string) string { return strings.ToLower(id) }

// unseparated appends id to b as ids differing only in separators and letter
// case are compared: lower-cased, as foldID does, without the separators
// that separatorFolded folds ("gpt4o" for "GPT_4o" and "gpt-4o"); false,
// without reading on, once that is more than limit runes.
func unseparated(b []byte, id string, limit int) ([]byte, bool) {
	for _, r := range id {
		if separatorFolded(r) == '-' {
			continue
		}
		if limit--; limit < 0 {
			return b, false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b, true
}

// fold builds byFoldedID, the indexes of tails and of unseparated ids, and
// caseVariants, once.
func (c *Catalog) fold() {
	c.foldOnce.Do(func() {
		c.byFoldedID, c.byFoldedTail, c.alikeTails = make(map[string]string, len(c.models)), map[string]string{}, map[string][]string{}
		c.byUnseparated, c.alikeUnseparated = make(map[string]string, len(c.models)), map[string][]string{}
		group := map[string]int{} // lower-cased id -> its index in caseVariants
		size := 0
		for i := range c.models {
			size += len(c.models[i].ID)
		}
		var separated strings.Builder // each id unseparated, one after another: one string for every key
		separated.Grow(size)
		var key []byte
		bounds := make([]int, len(c.models)+1)
		for i := range c.models {
			key, _ = unseparated(key[:0], c.models[i].ID, len(c.models[i].ID))
			separated.Write(key)
			bounds[i+1] = separated.Len()
		}
		unseparatedIDs := separated.String()
		for i := range c.models {
			id := c.models[i].ID
			c.longestID = max(c.longestID, utf8.RuneCountInString(id))
			folded := foldID(id)
			if c.byID[id] == &c.models[i] { // once
				key := unseparatedIDs[bounds[i]:bounds[i+1]]
				if _, seen := c.byUnseparated[key]; !seen {
					c.byUnseparated[key] = id
				} else {
					c.alikeUnseparated[key] = append(c.alikeUnseparated[key], id)
				}
			}
			if slash := strings.LastIndexByte(folded, '/'); slash >= 0 && slash < len(folded)-1 && c.byID[id] == &c.models[i] { // a tail, once
				if tail := folded[slash+1:]; c.byFoldedTail[tail] == "" {
					c.byFoldedTail[tail] = id
				} else {
					c.alikeTails[tail] = append(c.alikeTails[tail], id)
				}
			}
			first, seen := c.byFoldedID[folded]
			if !seen {
				c.byFoldedID[folded] = id
			}
			if !seen || id == first { // first, or a duplicate of it
				continue
			}
			g, grouped := group[folded]
			if !grouped {
				g, group[folded] = len(c.caseVariants), len(c.caseVariants)
				c.caseVariants = append(c.caseVariants, []string{first})
			}
			if !slices.Contains(c.caseVariants[g], id) {
				c.caseVariants[g] = append(c.caseVariants[g], id)
			}
		}
	})
}
