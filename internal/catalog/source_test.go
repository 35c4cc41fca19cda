package catalog

import (
	"context"
	"errors"
	"fmt"
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

func (f *blockingFetch) fetch(ctx context.Context) ([]megallm.Model, error) {
	f.calls.Add(1)
	f.started <- struct{}{}
	<-f.release
	return f.models, f.err
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
	src := NewSource(f.fetch)

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
	src := NewSource(func(context.Context) ([]megallm.Model, error) {
		calls.Add(1)
		return []megallm.Model{{ID: "only"}}, nil
	})
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

func TestSource_emptyCatalogIsCached(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	src := NewSource(func(context.Context) ([]megallm.Model, error) {
		calls.Add(1)
		return []megallm.Model{}, nil
	})
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

func TestSource_failureIsNotCached(t *testing.T) {
	t.Parallel()
	errBoom := errors.New("boom: HTTP 500")
	var calls atomic.Int32
	src := NewSource(func(context.Context) ([]megallm.Model, error) {
		if calls.Add(1) == 1 {
			return nil, errBoom
		}
		return []megallm.Model{{ID: "recovered"}}, nil
	})

	c, err := src.Catalog(context.Background())
	if !errors.Is(err, errBoom) {
		t.Fatalf("first Catalog error = %v, want the fetch error", err)
	}
	if c != nil {
		t.Errorf("first Catalog returned %v alongside the error, want nil", c)
	}

	c, err = src.Catalog(context.Background())
	if err != nil {
		t.Fatalf("second Catalog: %v", err)
	}
	if _, ok := c.Lookup("recovered"); !ok {
		t.Error("second Catalog does not hold the re-fetched model")
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("fetch called %d times after a failure and a retry, want 2", n)
	}

	again, err := src.Catalog(context.Background())
	if err != nil || again != c {
		t.Errorf("third Catalog = %p, %v; want the cached %p", again, err, c)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("fetch called %d times after success, want still 2", n)
	}
}

func TestSource_concurrentCallersShareFailure(t *testing.T) {
	t.Parallel()
	errBoom := errors.New("boom")
	f := newBlockingFetch(t, nil, errBoom)
	src := NewSource(f.fetch)
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
	// Callers that arrive after the fetch fails start a new one; keep the
	// release open so those return too, then count: at least one fetch,
	// and every caller sees the error.
	f.unblock()
	done.Wait()
	for i, err := range errs {
		if !errors.Is(err, errBoom) {
			t.Errorf("caller %d error = %v, want the fetch error", i, err)
		}
	}
	if n := f.calls.Load(); n < 1 || n > callers {
		t.Errorf("fetch called %d times, want between 1 and %d", n, callers)
	}
}

func TestSource_cancelledCallerStopsWaiting(t *testing.T) {
	t.Parallel()
	f := newBlockingFetch(t, []megallm.Model{{ID: "late"}}, nil)
	src := NewSource(f.fetch)

	// The first caller starts the fetch and stays; the second joins it and
	// gives up.
	firstDone := make(chan *Catalog, 1)
	go func() {
		c, _ := src.Catalog(context.Background())
		firstDone <- c
	}()
	waitStarted(t, f)

	ctx, cancel := context.WithCancel(context.Background())
	secondDone := make(chan error, 1)
	go func() {
		_, err := src.Catalog(ctx)
		secondDone <- err
	}()
	cancel()
	select {
	case err := <-secondDone:
		if !errors.Is(err, context.Canceled) || err != ctx.Err() {
			t.Errorf("cancelled caller error = %v, want ctx.Err() (context.Canceled)", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("cancelled caller did not return within 5s while the fetch was blocked")
	}

	// The shared fetch is unaffected: the first caller still gets the catalog.
	f.unblock()
	select {
	case c := <-firstDone:
		if c == nil {
			t.Fatal("first caller got no catalog")
		}
		if _, ok := c.Lookup("late"); !ok {
			t.Error("first caller's catalog does not hold model late")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("first caller did not return within 5s of the fetch being released")
	}
	if n := f.calls.Load(); n != 1 {
		t.Errorf("fetch called %d times, want 1", n)
	}
}

func TestSource_cancelledStarterStopsWaiting(t *testing.T) {
	t.Parallel()
	f := newBlockingFetch(t, []megallm.Model{{ID: "late"}}, nil)
	src := NewSource(f.fetch)

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
	src := NewSource(func(ctx context.Context) ([]megallm.Model, error) {
		seen.Store(fmt.Sprint(ctx.Value(key{})))
		return nil, nil
	})
	ctx := context.WithValue(context.Background(), key{}, "starter")
	if _, err := src.Catalog(ctx); err != nil {
		t.Fatalf("Catalog: %v", err)
	}
	if got := seen.Load(); got != "starter" {
		t.Errorf("fetch saw context value %v, want the caller's (starter)", got)
	}
}
