package catalog

import (
	"encoding/json"
	"slices"
	"sync"
)

// Advice is what to move to from a model that is retired or deprecated: its
// successor when that can be used, else why it cannot, and the closest ids
// that can.
type Advice struct {
	// Successor is the model's successor, "" for none.
	Successor string
	// Unusable says why the successor cannot be used, completing "successor
	// X ..."; "" when it can (or there is none).
	Unusable string
	// Alternatives are, when the successor cannot be used or there is none,
	// the first usable successor along its successors, else the usable ids
	// that the successor, else the model's own id, may mean (as Suggest finds
	// them).
	Alternatives []string
}

// Advise says what to move to from the model with this id, whose successor
// is successor (nil for none), for a reader with query q. A successor is
// advised only if it can be used: it is in the catalog, the policy allows
// it, it is not retired, it meets q.Require, it is not the model itself and
// it is served after the model retires (ServedAfter); so are the
// alternatives. Each answer is kept, by id, successor and what of q the
// requirements read (terms): the closest ids cost a pass over the catalog,
// and every read of a deprecated model asks again.
func (c *Catalog) Advise(id string, successor *string, q *Query) Advice {
	key, err := json.Marshal(struct {
		ID, Currency string
		Successor    *string
		Require      Requirements
		Workload     *Workload
	}{id, q.Currency, successor, q.Require, q.Workload})
	if err != nil { // a bound json cannot write, such as NaN: not kept
		return c.advise(id, successor, q)
	}
	entry, _ := c.advised.LoadOrStore(string(key), &keptAdvice{})
	kept, _ := entry.(*keptAdvice) // the only type stored
	kept.once.Do(func() { kept.Advice = c.advise(id, successor, q) })
	a := kept.Advice
	a.Alternatives = slices.Clone(a.Alternatives) // a copy: the catalog keeps its own
	return a
}

// keptAdvice is an answer of Advise, worked out once.
type keptAdvice struct {
	once sync.Once
	Advice
}

// advise is Advise, worked out.
func (c *Catalog) advise(id string, successor *string, q *Query) Advice {
	a := c.successorAdvice(id, successor, q)
	if a.Successor != "" && a.Unusable == "" {
		return a
	}
	for _, near := range []string{a.Successor, id} {
		if near != "" && len(a.Alternatives) == 0 {
			if closest := c.suggest(near, c.usableFrom(id, q)); len(closest) > 0 {
				a.Alternatives = closest
			}
		}
	}
	return a
}

// successorAdvice is Advise without the closest ids, which cost a pass over
// the catalog: what Choose gives each retired candidate.
func (c *Catalog) successorAdvice(id string, successor *string, q *Query) Advice {
	if successor == nil {
		return Advice{}
	}
	a := Advice{Successor: *successor, Unusable: c.unusable(id, *successor, q)}
	usable := c.usableFrom(id, q)
	// An unusable successor's own successor, and so on: the organisation's next choice.
	for s, seen := a.Successor, map[string]bool{id: true}; a.Unusable != "" && !seen[s]; {
		seen[s] = true
		m, ok := c.byID[s]
		if !ok || m.Successor == nil {
			break
		}
		if s = *m.Successor; c.byID[s] != nil && usable(s) {
			a.Alternatives = []string{s}
			break
		}
	}
	return a
}

// usableFrom reports whether a model can be moved to from the model with
// this id by a reader with query q, as Advise advises it.
func (c *Catalog) usableFrom(id string, q *Query) func(string) bool {
	model, known := c.Lookup(id)
	return func(usable string) bool {
		return usable != id && c.usable(usable) && c.meets(usable, q) && (!known || ServedAfter(c.byID[usable], model))
	}
}

// terms are q's at the catalog's day, with lifecycle as Query.terms takes
// it, whose not_deprecated misses say why their successor cannot be used.
func (c *Catalog) terms(q *Query, lifecycle *Lifecycle) terms {
	t := q.terms(c.now, lifecycle)
	t.unusable = func(id, s string) string { return c.unusable(id, s, q) }
	return t
}

// meets reports whether the model with this id meets q.Require.
func (c *Catalog) meets(id string, q *Query) bool {
	m, _ := c.Lookup(id)
	return len(q.Unmet(m, LifecycleOf(m, c.now))) == 0
}

// unusable says why the successor s of the model with this id cannot be
// used by a reader with query q, "" when it can.
func (c *Catalog) unusable(id, s string, q *Query) string {
	if s == id {
		return "is the model itself"
	}
	m, ok := c.Lookup(s)
	switch {
	case !ok:
		return "is not in the catalog"
	case !c.allowed(m):
		return c.Refusal(m)
	case Retired(m, c.now):
		return "was retired on " + FormatDate(*LifecycleOf(m, c.now).RetiresAt)
	case !c.meets(s, q):
		return "does not meet this data source's require"
	}
	if model, ok := c.Lookup(id); ok && !ServedAfter(m, model) {
		return "retires on " + FormatDate(*m.RetiresAt) + ", no later than this model"
	}
	return ""
}
