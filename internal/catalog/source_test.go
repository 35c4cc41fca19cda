package catalog

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// blockingFetch counts its calls, signals each start and returns only when
// released. The test releases it on cleanup so no goroutine is left behind.
type blockingFetch struct {
	calls   atomic.Int32
	started chan struct{}
	release chan struct{}
	once    sync.Once
	models  []megallm.Model
	err     error
}

func newBlockingFetch(t *testing.T, models []megallm.Model, err error) *blockingFetch {
	f := &blockingFetch{started: make(chan struct{}, 100), release: make(chan struct{}), models: models, err: err}
	t.Cleanup(f.unblock)
	return f
}

func (f *blockingFetch) unblock() { f.once.Do(func() { close(f.release) }) }

func (f *blockingFetch) fetch(ctx context.Context) ([]megallm.Model, []megallm.Problem, error) {
	f.calls.Add(1)
	f.started <- struct{}{}
	<-f.release
	return f.models, nil, f.err
}

func waitStarted(t *testing.T, f *blockingFetch) {
	t.Helper()
	select {
	case <-f.started:
	case <-time.After(5 * time.Second):
		t.Fatal("fetch did not start within 5s")
	}
}

func TestSource_concurrentCallersShareOneFetch(t *testing.T) {
	t.Parallel()
	f := newBlockingFetch(t, []megallm.Model{{ID: "a"}, {ID: "b"}}, nil)
	src := NewSource(f.fetch, nil)

	const callers = 50
	var ready, done sync.WaitGroup
	ready.Add(callers)
	done.Add(callers)
	results := make([]*Catalog, callers)
	errs := make([]error, callers)
	for i := range callers {
		go func() {
			defer done.Done()
			ready.Done()
			results[i], errs[i] = src.Catalog(context.Background())
		}()
	}
	ready.Wait()
	waitStarted(t, f)
	f.unblock()
	done.Wait()

	if n := f.calls.Load(); n != 1 {
		t.Errorf("fetch called %d times, want 1", n)
	}
	for i := range callers {
		if errs[i] != nil {
			t.Fatalf("caller %d: %v", i, errs[i])
		}
		if results[i] == nil || results[i] != results[0] {
			t.Fatalf("caller %d got catalog %p, caller 0 got %p; want the same one", i, results[i], results[0])
		}
	}
	if results[0].Len() != 2 {
		t.Errorf("catalog Len() = %d, want 2", results[0].Len())
	}
	if _, ok := results[0].Lookup("b"); !ok {
		t.Error("catalog does not hold model b")
	}
}

func TestSource_cachesSuccess(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	src := NewSource(func(context.Context) ([]megallm.Model, []megallm.Problem, error) {
		calls.Add(1)
		return []megallm.Model{{ID: "only"}}, nil, nil
	}, nil)
	first, err := src.Catalog(context.Background())
	if err != nil {
		t.Fatalf("first Catalog: %v", err)
	}
	for i := range 10 {
		got, err := src.Catalog(context.Background())
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
		if got != first {
			t.Fatalf("call %d returned a different catalog", i)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("fetch called %d times for 11 calls, want 1", n)
	}
}

// A Source computes lifecycles at its clock's time, which a provider under
// test fixes.
func TestSource_appliesItsClock(t *testing.T) {
	t.Parallel()
	src := NewSource(func(context.Context) ([]megallm.Model, []megallm.Problem, error) {
		return []megallm.Model{{ID: "only"}}, nil, nil
	}, nil).WithClock(func() time.Time { return fixedNow })
	c, err := src.Catalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !c.Now().Equal(fixedNow) {
		t.Errorf("the catalog's Now is %s, want the clock's %s", c.Now(), fixedNow)
	}
}

func TestSource_emptyCatalogIsCached(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	src := NewSource(func(context.Context) ([]megallm.Model, []megallm.Problem, error) {
		calls.Add(1)
		return []megallm.Model{}, nil, nil
	}, nil)
	for range 3 {
		c, err := src.Catalog(context.Background())
		if err != nil || c == nil || c.Len() != 0 {
			t.Fatalf("Catalog = %v, %v; want an empty catalog", c, err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("fetch called %d times, want 1", n)
	}
}

// TestSource_failureIsKept: once a fetch has failed, every later call gets
// the same error at once, wrapped in a *RepeatedError after the first, and
// nothing is fetched again.
func TestSource_failureIsKept(t *testing.T) {
	t.Parallel()
	errBoom := errors.New("boom: HTTP 500")
	var calls atomic.Int32
	src := NewSource(func(context.Context) ([]megallm.Model, []megallm.Problem, error) {
		calls.Add(1)
		return nil, nil, errBoom
	}, nil)

	c, err := src.Catalog(context.Background())
	var repeated *RepeatedError
	if err != errBoom { // the first caller gets the fetch error itself, unwrapped
		t.Fatalf("first Catalog error = %v, want the fetch error itself", err)
	}
	if c != nil {
		t.Errorf("first Catalog returned %v alongside the error, want nil", c)
	}
	for i := range 5 {
		c, err = src.Catalog(context.Background())
		if c != nil || !errors.As(err, &repeated) || !errors.Is(err, errBoom) || err.Error() != errBoom.Error() {
			t.Fatalf("call %d: Catalog = %v, %v; want nil and a *RepeatedError of the fetch error", i+2, c, err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("fetch called %d times for 6 calls after a failure, want 1", n)
	}
}

// TestSource_checkRefusesTheCatalog: a check's error is kept in place of
// the catalog the policy was applied to, as a policy that misses its models
// is, with that error too, and the catalog the check passes is delivered.
// The catalog is Withheld while it is checked, and after, but for one delivered.
func TestSource_checkRefusesTheCatalog(t *testing.T) {
	t.Parallel()
	errSpaced := errors.New("a name with white space around it")
	policy := &Policy{Models: map[string]ModelPolicy{"GPT-4o": {Denied: true}}}
	fetch := func(context.Context) ([]megallm.Model, []megallm.Problem, error) {
		return []megallm.Model{{ID: "gpt-4o"}}, nil, nil
	}
	var checked *Catalog
	src := NewSource(fetch, policy).WithCheck(func(c *Catalog) error { checked = c; return errSpaced })
	c, err := src.Catalog(context.Background())
	var mismatch *PolicyMismatchError
	if c != nil || !errors.Is(err, errSpaced) || !errors.As(err, &mismatch) {
		t.Fatalf("Catalog = %v, %v; want nil and the check's error joined with the policy's mismatch", c, err)
	}
	if _, denied := checked.policy.Models["GPT-4o"]; !denied || checked.Now().IsZero() {
		t.Error("the check ran before the policy was applied")
	}
	if !checked.Withheld() || !mismatch.Catalog.Withheld() {
		t.Error("a catalog refused is not Withheld")
	}
	if _, err = src.Catalog(context.Background()); !errors.Is(err, errSpaced) {
		t.Errorf("second Catalog error = %v, want the check's error repeated", err)
	}
	withheld := false
	src = NewSource(fetch, nil).WithCheck(func(c *Catalog) error { withheld = c.Withheld(); return nil })
	if c, err = src.Catalog(context.Background()); c == nil || err != nil || c.Withheld() || !withheld {
		t.Errorf("Catalog = %v, %v; want the catalog the check passes, Withheld only while checked", c, err)
	}
}

func TestSource_concurrentCallersShareFailure(t *testing.T) {
	t.Parallel()
	errBoom := errors.New("boom")
	f := newBlockingFetch(t, nil, errBoom)
	src := NewSource(f.fetch, nil)
	const callers = 10
	var ready, done sync.WaitGroup
	ready.Add(callers)
	done.Add(callers)
	errs := make([]error, callers)
	for i := range callers {
		go func() {
			defer done.Done()
			ready.Done()
			_, errs[i] = src.Catalog(context.Background())
		}()
	}
	ready.Wait()
	waitStarted(t, f)
	f.unblock()
	done.Wait()
	first := 0
	for i, err := range errs {
		var repeated *RepeatedError
		switch {
		case err == errBoom: // the first caller gets the fetch error itself, unwrapped
			first++
		case !errors.As(err, &repeated) || !errors.Is(err, errBoom):
			t.Errorf("caller %d error = %v, want the fetch error or a *RepeatedError of it", i, err)
		}
	}
	if first != 1 {
		t.Errorf("%d callers got the fetch error unwrapped, want exactly 1", first)
	}
	if n := f.calls.Load(); n != 1 {
		t.Errorf("fetch called %d times, want 1", n)
	}
}

// TestSource_failureOfACancelledStarterIsNotKept: a fetch that fails because
// the context of the caller that started it ended is not kept; the next call
// fetches again.
func TestSource_failureOfACancelledStarterIsNotKept(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	src := NewSource(func(ctx context.Context) ([]megallm.Model, []megallm.Problem, error) {
		calls.Add(1)
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		return []megallm.Model{{ID: "fresh"}}, nil, nil
	}, nil)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := src.Catalog(cancelled); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Catalog error = %v, want context.Canceled", err)
	}
	c, err := src.Catalog(context.Background())
	if err != nil {
		t.Fatalf("Catalog after the cancelled caller: %v, want the catalog", err)
	}
	if _, ok := c.Lookup("fresh"); !ok {
		t.Error("catalog does not hold model fresh")
	}
}

// TestSource_waitersRefetchWhenTheStarterIsCancelled: callers waiting on a
// fetch that ends because its starter's context ended start another under
// their own context, and get the catalog.
func TestSource_waitersRefetchWhenTheStarterIsCancelled(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	started := make(chan struct{})
	src := NewSource(func(ctx context.Context) ([]megallm.Model, []megallm.Problem, error) {
		if calls.Add(1) == 1 {
			close(started)
			<-ctx.Done()
			return nil, nil, ctx.Err()
		}
		return []megallm.Model{{ID: "second"}}, nil, nil
	}, nil)
	src.after = func(time.Duration) <-chan time.Time { // stopWait passes, the waiter's context still live
		passed := make(chan time.Time, 1)
		passed <- time.Time{}
		return passed
	}
	starter, cancel := context.WithCancel(context.Background())
	starterDone := make(chan error, 1)
	go func() {
		_, err := src.Catalog(starter)
		starterDone <- err
	}()
	<-started
	waiterDone := make(chan *Catalog, 1)
	go func() {
		c, _ := src.Catalog(context.Background())
		waiterDone <- c
	}()
	cancel()
	if err := <-starterDone; !errors.Is(err, context.Canceled) {
		t.Errorf("starter error = %v, want context.Canceled", err)
	}
	select {
	case c := <-waiterDone:
		if c == nil {
			t.Fatal("the waiter got no catalog")
		}
		if _, ok := c.Lookup("second"); !ok {
			t.Error("the waiter's catalog does not hold model second")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiter did not return within 5s of the starter being cancelled")
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("fetch called %d times, want 2", n)
	}
}

// watchedContext tells on waiting each time a caller selects on its Done, as
// CatalogFor does once it has joined the fetch.
type watchedContext struct {
	context.Context
	waiting chan struct{}
}

func (c watchedContext) Done() <-chan struct{} {
	select {
	case c.waiting <- struct{}{}:
	default: // told already
	}
	return c.Context.Done()
}

// TestSource_interruptedFetchIsToldOnce: when one interruption (Ctrl-C)
// stops every caller and the fetch they share, the fetch's own error, which
// says what it was waiting for, goes to one caller and a *RepeatedError
// naming that caller to the others, whether the fetch ends after all are
// stopped (it takes a while to end) or before the waiters are (Terraform
// ends them a moment apart), without a second fetch; and it is not kept: the
// next caller fetches again.
func TestSource_interruptedFetchIsToldOnce(t *testing.T) {
	t.Parallel()
	for _, waitersLate := range []bool{false, true} {
		t.Run(fmt.Sprintf("waiters stopped after the fetch ended: %v", waitersLate), func(t *testing.T) {
			t.Parallel()
			var calls atomic.Int32
			started, ended := make(chan struct{}), make(chan struct{})
			var stoppedErr atomic.Value
			src := NewSource(func(ctx context.Context) ([]megallm.Model, []megallm.Problem, error) {
				if calls.Add(1) > 1 {
					return []megallm.Model{{ID: "fresh"}}, nil, nil
				}
				close(started)
				<-ctx.Done()
				<-ended
				err := fmt.Errorf("HTTP 429 (stopped while waiting 1m0s to retry: %w)", ctx.Err())
				stoppedErr.Store(err)
				return nil, nil, err
			}, nil)
			src.after = func(time.Duration) <-chan time.Time { return nil } // stopWait does not pass in this test
			starter, stopStarter := context.WithCancel(context.Background())
			const waiters = 3
			errs := make([]error, waiters+1)
			starterDone := make(chan struct{})
			go func() {
				defer close(starterDone)
				_, errs[0] = src.CatalogFor(starter, "reader 0")
			}()
			<-started
			waiter, stopWaiters := context.WithCancel(context.Background())
			joined := watchedContext{waiter, make(chan struct{}, 1)}
			var done sync.WaitGroup
			for i := 1; i <= waiters; i++ {
				done.Go(func() { _, errs[i] = src.CatalogFor(joined, fmt.Sprintf("reader %d", i)) })
				<-joined.waiting
			}
			stopStarter() // the starter's context, which the fetch runs under, then the waiters'
			if waitersLate {
				close(ended)
				<-starterDone // the starter has the fetch's outcome: the fetch has ended
				stopWaiters()
			} else {
				stopWaiters()
				close(ended)
			}
			done.Wait()
			<-starterDone
			first := slices.IndexFunc(errs, func(err error) bool { return err != nil && err == stoppedErr.Load() })
			if first < 0 {
				t.Fatalf("no caller got the fetch's own error: %v", errs)
			}
			for i, err := range errs {
				var repeated *RepeatedError
				if i != first && (!errors.As(err, &repeated) || repeated.Err != stoppedErr.Load() ||
					repeated.FirstReader != fmt.Sprintf("reader %d", first)) {
					t.Errorf("caller %d error = %#v, want a *RepeatedError of the fetch's error naming reader %d", i, err, first)
				}
			}
			if n := calls.Load(); n != 1 {
				t.Errorf("fetch called %d times during the interruption, want 1", n)
			}
			if c, err := src.Catalog(context.Background()); err != nil || c.Len() != 1 {
				t.Errorf("Catalog after the interruption: %v, %v; want the catalog of a new fetch", c, err)
			}
		})
	}
}

// TestSource_problemsAreTakenOnce: the problems of the catalog, and what its
// policy names that it lacks, go to the first caller of TakeProblems after
// the fetch, and to no one else.
func TestSource_problemsAreTakenOnce(t *testing.T) {
	t.Parallel()
	problem := megallm.Problem{Kind: megallm.EntryDropped, Index: 1, Issue: "is null, not a model object"}
	policy := &Policy{Models: map[string]ModelPolicy{"gone": {}}}
	src := NewSource(func(context.Context) ([]megallm.Model, []megallm.Problem, error) {
		return []megallm.Model{{ID: "a"}}, []megallm.Problem{problem}, nil
	}, policy)
	if got, findings := src.TakeProblems(); got != nil || findings.UnknownIDs != nil {
		t.Fatalf("TakeProblems before the fetch = %v, %v, want nothing", got, findings)
	}
	if _, err := src.Catalog(context.Background()); err != nil {
		t.Fatal(err)
	}
	const takers = 20
	var wg sync.WaitGroup
	got := make([][]megallm.Problem, takers)
	findings := make([]PolicyFindings, takers)
	for i := range takers {
		wg.Go(func() { got[i], findings[i] = src.TakeProblems() })
	}
	wg.Wait()
	given, found := 0, 0
	for i, problems := range got {
		if problems != nil {
			given++
			if len(problems) != 1 || problems[0] != problem {
				t.Errorf("TakeProblems = %v, want [%v]", problems, problem)
			}
		}
		if findings[i].UnknownIDs != nil {
			found++
			if !slices.Equal(findings[i].UnknownIDs, []string{"gone"}) {
				t.Errorf("UnknownIDs = %q, want [gone]", findings[i].UnknownIDs)
			}
		}
	}
	if given != 1 || found != 1 {
		t.Errorf("%d of %d callers got the problems and %d the findings, want 1 each", given, takers, found)
	}
}

// TestSource_cancelledCallerStopsWaiting: a caller whose context ends while
// the fetch it joined goes on for the caller that started it gets its own
// ctx.Err() without waiting for the fetch, so not the catalog of a fetch that
// ends right after; the fetch, not stopped, serves the starter.
func TestSource_cancelledCallerStopsWaiting(t *testing.T) {
	t.Parallel()
	f := newBlockingFetch(t, []megallm.Model{{ID: "late"}}, nil)
	src := NewSource(f.fetch, nil)
	starterDone := make(chan *Catalog, 1)
	go func() {
		c, _ := src.Catalog(context.Background())
		starterDone <- c
	}()
	waitStarted(t, f)
	ctx, cancel := context.WithCancel(context.Background())
	joined := watchedContext{ctx, make(chan struct{}, 1)}
	stoppedDone := make(chan error, 1)
	go func() {
		_, err := src.Catalog(joined)
		stoppedDone <- err
	}()
	<-joined.waiting
	cancel()
	f.unblock() // a caller that waited for the fetch would get its catalog
	if err := <-stoppedDone; err != ctx.Err() {
		t.Errorf("stopped caller: error = %v, want its own ctx.Err() (context.Canceled)", err)
	}
	if c := <-starterDone; c == nil {
		t.Error("the starter got no catalog")
	}
	if n := f.calls.Load(); n != 1 {
		t.Errorf("fetch called %d times, want 1", n)
	}
}

func TestSource_cancelledStarterStopsWaiting(t *testing.T) {
	t.Parallel()
	f := newBlockingFetch(t, []megallm.Model{{ID: "late"}}, nil)
	src := NewSource(f.fetch, nil)

	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Hour))
	done := make(chan error, 1)
	go func() {
		_, err := src.Catalog(ctx)
		done <- err
	}()
	waitStarted(t, f)
	cancel()
	select {
	case err := <-done:
		if err != ctx.Err() || !errors.Is(err, context.Canceled) {
			t.Errorf("error = %v, want ctx.Err() (context.Canceled)", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Catalog did not return within 5s of its context being cancelled")
	}

	// The fetch this caller started ran on; once it succeeds it is cached.
	f.unblock()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := src.Catalog(context.Background())
		if err == nil && c != nil {
			if _, ok := c.Lookup("late"); !ok {
				t.Error("catalog does not hold model late")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Catalog after release: %v", err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if n := f.calls.Load(); n != 1 {
		t.Errorf("fetch called %d times, want 1", n)
	}
}

func TestSource_fetchRunsUnderStartingCallersContext(t *testing.T) {
	t.Parallel()
	type key struct{}
	var seen atomic.Value
	src := NewSource(func(ctx context.Context) ([]megallm.Model, []megallm.Problem, error) {
		seen.Store(fmt.Sprint(ctx.Value(key{})))
		return nil, nil, nil
	}, nil)
	ctx := context.WithValue(context.Background(), key{}, "starter")
	if _, err := src.Catalog(ctx); err != nil {
		t.Fatalf("Catalog: %v", err)
	}
	if got := seen.Load(); got != "starter" {
		t.Errorf("fetch saw context value %v, want the caller's (starter)", got)
	}
}

// TestSource_repeatedFailureNamesFirstReader: every caller after the first to
// get a failure learns who got it in full, also when they ask concurrently.
func TestSource_repeatedFailureNamesFirstReader(t *testing.T) {
	t.Parallel()
	errBoom := errors.New("boom")
	f := newBlockingFetch(t, nil, errBoom)
	src := NewSource(f.fetch, nil)
	const callers = 10
	var done sync.WaitGroup
	errs := make([]error, callers)
	for i := range callers {
		done.Go(func() { _, errs[i] = src.CatalogFor(context.Background(), fmt.Sprintf("reader %d", i)) })
	}
	waitStarted(t, f)
	f.unblock()
	done.Wait()
	first := slices.IndexFunc(errs, func(err error) bool { return err == errBoom })
	if first < 0 {
		t.Fatalf("no caller got the fetch error unwrapped: %v", errs)
	}
	for i, err := range errs {
		var repeated *RepeatedError
		if i != first && (!errors.As(err, &repeated) || repeated.FirstReader != fmt.Sprintf("reader %d", first)) {
			t.Errorf("caller %d error = %#v, want a *RepeatedError naming reader %d", i, err, first)
		}
	}
}

// TestSource_takeWarningOnce: each warning text is handed out to its first
// caller alone, also to concurrent callers.
func TestSource_takeWarningOnce(t *testing.T) {
	t.Parallel()
	src := NewSource(nil, nil)
	var given atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if src.TakeWarning("Model \"gpt-4o\" is deprecated") {
				given.Add(1)
			}
		})
	}
	wg.Wait()
	if n := given.Load(); n != 1 {
		t.Errorf("the same warning was handed out %d times, want once", n)
	}
	if !src.TakeWarning("Model \"gpt-4o-mini\" is deprecated") {
		t.Error("another warning was not handed out")
	}
}
