package catalog

import "github.com/megallm/terraform-provider-megallm/internal/megallm"

// Rejection is why a model id cannot be used.
type Rejection struct {
	Kind RejectionKind
	// Suggestions are catalog ids close to an id the catalog lacks (Check
	// sets them, Choose does not); for a MisnamedModelID, the catalog id it
	// names otherwise, or the ids it names alike or lists (LookupMisnamed).
	Suggestions []string
	// Misnamed is how LookupMisnamed read the id of a MisnamedModelID.
	Misnamed MisnamedID
	// DisplayNameOf are the ids of the models an id the catalog lacks is the
	// display name of (DisplayNamed), set with Suggestions.
	DisplayNameOf []string
	// LeftOut is why the catalog holds no model of an id it left out
	// (Catalog.LeftOut), which Unknown sets in place of Suggestions: no other
	// model is meant by it.
	LeftOut string
	// Refusal is the policy's refusal, as Catalog.Refusal words it.
	Refusal string
	// Lifecycle is a retired model's, Reason the policy's reason about it,
	// and Advice what to move to.
	Lifecycle Lifecycle
	Reason    string
	Advice    Advice
	// Unmet are the requirements the model misses (Query.Unmet).
	Unmet []Miss
}

// RejectionKind says which check an id failed.
type RejectionKind int

// The checks, in the order Check makes them.
const (
	NotInCatalog RejectionKind = iota + 1
	// MisnamedModelID is an id the catalog has only written otherwise, in
	// another letter case or with a prefix added or left out (LookupMisnamed).
	MisnamedModelID
	RefusedByPolicy
	RetiredModel
	UnmetRequirements
)

// Check looks id up and checks that it can be used: the catalog has it, the
// policy allows it, it is not retired at the catalog's Now, and it meets
// q.Require (in q's currency). For an id the catalog lacks, it suggests the
// closest usable ids, and for a retired model, what to move to (Advise).
func (c *Catalog) Check(id string, q Query) (*megallm.Model, *Rejection) {
	m, rejection := c.check(id, &q)
	switch {
	case rejection == nil:
	case rejection.Kind == NotInCatalog:
		rejection = c.Unknown(id)
	case rejection.Kind == RetiredModel:
		rejection.Advice = c.Advise(id, rejection.Lifecycle.Successor, &q)
	}
	return m, rejection
}

// suggestUsable returns up to three ids that id may mean, as Suggest finds
// them, of models that can be used: the suggestions of a NotInCatalog
// rejection.
func (c *Catalog) suggestUsable(id string) []string {
	return c.suggest(id, c.usable)
}

// Unknown is the NotInCatalog rejection of id, with why the catalog left it
// out (LeftOut), or else with what may have been meant by it among the models
// that can be used: the ids it is the display name of, and the closest ids.
// Each is a pass over the catalog.
func (c *Catalog) Unknown(id string) *Rejection {
	if why := c.LeftOut(id); why != "" {
		return &Rejection{Kind: NotInCatalog, LeftOut: why}
	}
	return &Rejection{Kind: NotInCatalog, Suggestions: c.suggestUsable(id), DisplayNameOf: c.displayNamed(id, c.usable)}
}

// check is Check without the suggestions, which cost a pass over the
// catalog each.
func (c *Catalog) check(id string, q *Query) (*megallm.Model, *Rejection) {
	m, ok := c.Lookup(id)
	if !ok {
		if rejection := c.Misnamed(id); rejection != nil {
			return nil, rejection
		}
		return nil, &Rejection{Kind: NotInCatalog}
	}
	if refusal := c.Refusal(m); refusal != "" {
		return m, &Rejection{Kind: RefusedByPolicy, Refusal: refusal}
	}
	l := LifecycleOf(m, c.now)
	if l.Status == StatusRetired {
		return m, &Rejection{Kind: RetiredModel, Lifecycle: l, Reason: c.Reason(id), Advice: c.successorAdvice(id, l.Successor, q)}
	}
	t := c.terms(q, &l)
	if unmet := t.unmet(m); len(unmet) > 0 {
		return m, &Rejection{Kind: UnmetRequirements, Unmet: unmet}
	}
	return m, nil
}

// Misnamed is the rejection of an id that Lookup does not find and that
// names a catalog model otherwise than the catalog writes it
// (LookupMisnamed), or nil.
func (c *Catalog) Misnamed(id string) *Rejection {
	if _, known := c.byID[id]; known {
		return nil
	}
	if m, ok := c.LookupMisnamed(id); ok {
		return &Rejection{Kind: MisnamedModelID, Suggestions: append([]string{m.CatalogID}, m.Alike...), Misnamed: m}
	}
	return nil
}

// usable reports whether the policy allows the model of a catalog id and it
// is not retired: an id worth suggesting for one the catalog lacks.
func (c *Catalog) usable(id string) bool {
	m := c.byID[id]
	return c.allowed(m) && !Retired(m, c.now)
}

// Candidate is one id of a Choose, with its Rejection if it was passed over.
type Candidate struct {
	ID        string
	Rejection *Rejection
}

// Choose returns the first of ids that Check accepts, with the candidates
// passed over before it. When none is accepted, the model is nil and every
// candidate is listed with its rejection. Its rejections carry no
// suggestions, which would cost a pass over the catalog per unknown id: a
// caller asks suggestUsable for those it shows. An id that names a catalog
// model otherwise (Misnamed) is a mistake, not a fallback: then Choose
// accepts none and returns only those ids, wherever they stand in the list.
func (c *Catalog) Choose(ids []string, q Query) (*megallm.Model, []Candidate) {
	var misnamed []Candidate
	for _, id := range ids {
		if rejection := c.Misnamed(id); rejection != nil {
			misnamed = append(misnamed, Candidate{ID: id, Rejection: rejection})
		}
	}
	if misnamed != nil {
		return nil, misnamed
	}
	var passed []Candidate
	for _, id := range ids {
		m, rejection := c.check(id, &q)
		if rejection == nil {
			return m, passed
		}
		passed = append(passed, Candidate{ID: id, Rejection: rejection})
	}
	return nil, passed
}
