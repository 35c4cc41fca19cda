package catalog

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// fetchFunc loads the whole model list and the problems found decoding it,
// e.g. megallm.Client.ListModels.
type fetchFunc func(ctx context.Context) ([]megallm.Model, []megallm.Problem, error)

// Source fetches the catalog once and shares it. Concurrent callers share one
// in-flight fetch, and its outcome is kept for the life of the Source: the
// catalog, or the error once the fetch's own retries are spent. A provider
// process holds one Source, so a plan costs one fetch however many data
// sources read the catalog, also when the API is down; the next plan, a new
// process, tries again.
type Source struct {
	fetch  fetchFunc
	policy *Policy
	// now is the clock the policy is applied by, at the fetch.
	now func() time.Time
	// after counts stopWait (time.After; a test's own channel).
	after func(time.Duration) <-chan time.Time
	// check, if set, refuses a catalog the policy was applied to (WithCheck).
	check func(*Catalog) error
	// leftOut, if set, says why an id's model was left out (WithLeftOut).
	leftOut func(id string) string
	mu      sync.Mutex
	// flight is the fetch under way, nil when none is.
	flight  *flight
	outcome atomic.Pointer[outcome]
	// problemsTaken is set once the first caller has had the problems, so
	// that they are reported once.
	problemsTaken atomic.Bool
	// warned holds the warnings TakeWarning has handed out.
	warned sync.Map
}

// outcome is how the fetch ended: a catalog, with what its policy names
// that it lacks, or an error.
type outcome struct {
	catalog  *Catalog
	findings PolicyFindings
	err      error
	// told is set once the first caller has had err, so that it is reported
	// in full once; firstReader is who that caller was.
	mu          sync.Mutex
	told        bool
	firstReader string
}

// flight is one fetch that callers share. It runs under ctx, the context of
// the caller that started it; once done is closed, stopped is the outcome
// of a fetch that ctx stopped, which is not kept, or nil.
type flight struct {
	ctx     context.Context
	done    chan struct{}
	stopped *outcome
}

// stopWait is how long a caller stopped with the fetch it shares (both
// contexts ended, as one Ctrl-C ends them, one a moment after the other)
// waits for the fetch to end, or for its own context to end after a stopped
// fetch before it fetches again, so that the plan says once what it was
// waiting for, with one request.
const stopWait = time.Second

// RepeatedError is a Source's failed fetch as returned to every caller after
// the first that got it. It is the same error, which the first caller has
// already reported in full.
type RepeatedError struct {
	Err error
	// FirstReader is who got the error in full, as that caller named itself
	// to CatalogFor; "" if it did not.
	FirstReader string
}

func (e *RepeatedError) Error() string { return e.Err.Error() }

func (e *RepeatedError) Unwrap() error { return e.Err }

// NewSource returns a Source that loads the catalog with fetch and applies
// policy (nil for none) to it, at the time of the fetch.
func NewSource(fetch fetchFunc, policy *Policy) *Source {
	return &Source{fetch: fetch, policy: policy, now: time.Now, after: time.After}
}

// WithClock makes s apply its policy at the time now gives rather than
// time.Now's, and returns s: a provider under test fixes the day that its
// lifecycle fixtures count from.
func (s *Source) WithClock(now func() time.Time) *Source {
	s.now = now
	return s
}

// WithCheck makes s keep check's error, when it returns one for the fetched
// catalog once the policy is applied, in place of the catalog, as a policy
// that misses its models is (PolicyFindings.Err), and returns s: what only
// the catalog can tell of the policy, such as how it writes a name the
// policy writes with white space around it, fails every read of the plan.
func (s *Source) WithCheck(check func(*Catalog) error) *Source {
	s.check = check
	return s
}

// WithLeftOut gives the catalogs of s leftOut, which says why fetch leaves
// out the model of an id, "" for another id, and returns s: such an id names
// no model of the catalog, not even one written otherwise (Catalog.LeftOut,
// LookupMisnamed), as an id that holds the API key, whose model the
// provider's decoder leaves out, names none.
func (s *Source) WithLeftOut(leftOut func(id string) string) *Source {
	s.leftOut = leftOut
	return s
}

// Catalog is CatalogFor by a caller that does not name itself.
func (s *Source) Catalog(ctx context.Context) (*Catalog, error) {
	return s.CatalogFor(ctx, "")
}

// CatalogFor returns the catalog, fetching it on first use. A failed fetch
// returns its error to the first caller and a *RepeatedError of it, naming
// that first caller by its reader, to every later one. The shared fetch runs
// under the context of the caller that started it, and if that context ends
// first, the fetch is not kept and the callers still waiting start another,
// stopWait later. A caller whose ctx ends gets ctx.Err() at once while the
// fetch goes on for the others; stopped with the fetch (its ctx ending after
// the fetch's, within stopWait of the fetch's end), it gets the fetch's error
// as a failure is told.
func (s *Source) CatalogFor(ctx context.Context, reader string) (*Catalog, error) {
	for {
		if o := s.outcome.Load(); o != nil {
			return s.deliver(o, reader)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f := s.join(ctx)
		select {
		case <-f.done:
			if f.stopped != nil {
				select { // stopped, as the same Ctrl-C may stop ctx a moment later
				case <-ctx.Done():
				case <-s.after(stopWait):
				}
			}
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			return s.stoppedWith(ctx, f, reader)
		}
	}
}

// join returns the fetch under way, or starts one under ctx.
func (s *Source) join(ctx context.Context) *flight {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.flight == nil {
		f := &flight{ctx: ctx, done: make(chan struct{})}
		s.flight = f
		go func() {
			if s.outcome.Load() == nil {
				f.stopped = s.load(ctx)
			}
			s.mu.Lock()
			s.flight = nil
			s.mu.Unlock()
			close(f.done)
		}()
	}
	return s.flight
}

// stoppedWith is what a caller whose ctx ended while it waited for f gets:
// its own ctx.Err() at once while f goes on, as its context has not ended;
// else, stopped with f, f's error once f ends, within stopWait.
func (s *Source) stoppedWith(ctx context.Context, f *flight, reader string) (*Catalog, error) {
	if f.ctx.Err() == nil {
		return nil, ctx.Err()
	}
	select {
	case <-f.done:
		if f.stopped != nil {
			return s.deliver(f.stopped, reader)
		}
	case <-s.after(stopWait):
	}
	return nil, ctx.Err()
}

// TakeProblems returns the problems of the fetched catalog and what the
// policy names that it lacks, to its first caller after a successful fetch,
// and nothing before that and to every later caller, so that a plan reports
// them once.
func (s *Source) TakeProblems() ([]megallm.Problem, PolicyFindings) {
	o := s.outcome.Load()
	if o == nil || o.catalog == nil || !s.problemsTaken.CompareAndSwap(false, true) {
		return nil, PolicyFindings{}
	}
	return o.catalog.problems, o.findings
}

// TakeWarning reports whether warning, a warning's whole text, is new: true
// to its first caller and false to every later one, so that a warning that
// many reads of a plan would each give, such as one about the model they
// use, is given once.
func (s *Source) TakeWarning(warning string) bool {
	_, given := s.warned.LoadOrStore(warning, struct{}{})
	return !given
}

// load fetches the catalog and keeps the outcome, unless the fetch failed
// only because ctx, the starting caller's, ended: that outcome is returned
// for the callers stopped with it, and not kept.
func (s *Source) load(ctx context.Context) *outcome {
	models, problems, err := s.fetch(ctx)
	switch {
	case err != nil && ctx.Err() != nil:
		return &outcome{err: err}
	case err != nil:
		s.outcome.Store(&outcome{err: err})
	default:
		c := New(models, problems...)
		c.leftOut, c.withheld = s.leftOut, true // until the checks pass
		findings := c.Apply(s.policy, s.now().UTC())
		err := findings.Err(c)
		if s.check != nil {
			if checkErr := s.check(c); checkErr != nil {
				err = errors.Join(checkErr, err)
			}
		}
		if err != nil {
			s.outcome.Store(&outcome{err: err}) // a policy that misses its models: no read may pass
			return nil
		}
		c.withheld = false
		s.outcome.Store(&outcome{catalog: c, findings: findings})
	}
	return nil
}

func (s *Source) deliver(o *outcome, reader string) (*Catalog, error) {
	if o.err == nil {
		return o.catalog, nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.told {
		o.told, o.firstReader = true, reader
		return nil, o.err
	}
	return nil, &RepeatedError{Err: o.err, FirstReader: o.firstReader}
}
