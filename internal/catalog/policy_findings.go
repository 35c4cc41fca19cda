package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// PolicyFindings is what a policy names that the catalog lacks, or has in
// more spellings than the policy names.
type PolicyFindings struct {
	// Misnamed are the policy's model ids that the catalog has only
	// written otherwise, in another letter case or with a prefix added or
	// left out (LookupMisnamed), sorted: the policy misses the model it was
	// written for, which Err makes an error.
	Misnamed []MisnamedID
	// Keyed are the catalog ids of Misnamed (of those that name one) that the
	// policy has a key for too, sorted: written as the catalog does, such an
	// id repeats that key.
	Keyed []string
	// UnknownIDs are the policy's other model ids the catalog does not
	// have, sorted.
	UnknownIDs []string
	// MissingSuccessors are the policy's successors that the catalog does
	// not have.
	MissingSuccessors []MissingSuccessor
	// MisnamedSuccessors are the successors of the policy's entries for
	// catalog models (Misnamed's too) that the catalog has only written
	// otherwise, sorted by entry, which Err makes an error: the move the
	// policy advises would name no model wherever it is shown. One that names
	// its entry's own model is a mistake of its own, left to MissingSuccessors.
	MisnamedSuccessors []MisnamedSuccessor
	// MistypedCurrencies are the policy's prices in a currency that is no
	// ISO 4217 code and near one the catalog's models are priced in before
	// the policy applies (ClosestCode), sorted by entry, which Err makes an
	// error: such a price compares with no other.
	MistypedCurrencies []MistypedCurrency
	// UnstatedCurrencies are the policy's prices without a currency for
	// models the catalog prices in another than DefaultCurrency, sorted by id.
	UnstatedCurrencies []UnstatedCurrency
	// CheapPrices are the policy's prices far under their list prices, sorted.
	CheapPrices []CheapPrice
	// UnknownOwners are the policy's allowed owners that no catalog model
	// has, in the policy's order.
	UnknownOwners []string
	// AllowsNone is set when the catalog has models and the policy allows
	// none of them.
	AllowsNone bool
	// SpellingGaps are the caseGroups of which the policy names
	// some ids but not all, in catalog order.
	SpellingGaps []SpellingGap
}

// SpellingGap is a group of ids that differ only in letter case: what the
// policy says of the Named ones does not apply to the Others.
type SpellingGap struct {
	Named, Others []string
}

// MissingSuccessor is a model whose successor is not in the catalog.
type MissingSuccessor struct {
	ID, Successor string
}

// MisnamedSuccessor is the successor of the policy's entry with this ID,
// written otherwise than the catalog writes it.
type MisnamedSuccessor struct {
	ID        string
	Successor MisnamedID
}

// MisnamedID is an id written otherwise than the catalog's: in another
// letter case, with other separators, with a vendor prefix, without a
// prefix, or with other ids in one string (LookupMisnamed).
// Alike are the other catalog ids that an ID without a prefix names as well,
// nil for none: ambiguous, it names none of them; or, Joined, the other
// catalog ids it lists after CatalogID, and Lacked, those it lists that the
// catalog lacks.
type MisnamedID struct {
	ID, CatalogID string
	Alike, Lacked []string
}

// One reports whether ID names one catalog model, CatalogID, alone: it is
// not ambiguous and lists no other id.
func (m MisnamedID) One() bool { return m.Alike == nil && m.Lacked == nil }

// Prefix is the prefix that one of ID and CatalogID has and the other lacks,
// and whether ID added it: the vendor prefix "openai/" or "/" that
// "openai/gpt-4o" or "/gpt-4o" adds to "gpt-4o", or the prefix "meta-llama/"
// that "llama-3.3-70b-instruct" lacks; "" for an ID only in another letter
// case (foldID).
func (m MisnamedID) Prefix() (prefix string, added bool) {
	for i, r := range m.ID {
		if r == '/' && foldID(m.ID[i+1:]) == foldID(m.CatalogID) {
			return m.ID[:i+1], true
		}
	}
	if i := strings.LastIndexByte(m.CatalogID, '/'); i >= 0 && foldID(m.CatalogID[i+1:]) == foldID(m.ID) {
		return m.CatalogID[:i+1], false
	}
	return "", false
}

// Joined reports whether ID lists CatalogID, with Alike and Lacked or
// repeated, in one string ("gpt-4o, gpt-4o-mini"; LookupMisnamed).
func (m MisnamedID) Joined() bool {
	parts := strings.FieldsFunc(m.ID, listSeparator)
	return len(parts) > 1 && slices.Contains(parts, m.CatalogID)
}

// Stray reports whether ID is CatalogID alone with a list's separator
// beside it, as join() or a CSV cell leaves one ("gpt-4o,"; LookupMisnamed).
func (m MisnamedID) Stray() bool {
	return m.ID != m.CatalogID && slices.Equal(strings.FieldsFunc(m.ID, listSeparator), []string{m.CatalogID})
}

// Separated reports whether ID and CatalogID differ in their separators, as
// "gpt4o" and "gpt-4o" do (unseparated), not only in letter case or a prefix.
func (m MisnamedID) Separated() bool {
	id, _ := unseparated(nil, m.ID, len(m.ID))
	catalogID, _ := unseparated(nil, m.CatalogID, len(m.CatalogID))
	return foldID(m.ID) != foldID(m.CatalogID) && string(id) == string(catalogID)
}

// PolicyMismatchError is a policy whose model entries or successors name
// catalog models otherwise than the catalog writes them, or whose prices
// mistype the catalog's currency: a denial, a retirement, a successor or a
// price that misses its model is never what its author meant, so no data
// source may use the catalog.
type PolicyMismatchError struct {
	Misnamed           []MisnamedID
	Keyed              []string            // as PolicyFindings'
	MisnamedSuccessors []MisnamedSuccessor // as PolicyFindings'
	MistypedCurrencies []MistypedCurrency  // as PolicyFindings'
	Catalog            *Catalog            // the policy was applied to, which knows what it refuses
}

func (e *PolicyMismatchError) Error() string {
	return fmt.Sprintf("the policy names %d model(s) or currencies otherwise than the catalog writes them",
		len(e.Misnamed)+len(e.MisnamedSuccessors)+len(e.MistypedCurrencies))
}

// Err is the error the findings of c make: a *PolicyMismatchError when the
// policy names a model or currency otherwise than the catalog writes it, else nil.
func (f PolicyFindings) Err(c *Catalog) error {
	if len(f.Misnamed)+len(f.MisnamedSuccessors)+len(f.MistypedCurrencies) == 0 {
		return nil
	}
	return &PolicyMismatchError{Misnamed: f.Misnamed, Keyed: f.Keyed, MisnamedSuccessors: f.MisnamedSuccessors,
		MistypedCurrencies: f.MistypedCurrencies, Catalog: c}
}
