package catalog

import (
	"context"
	"sync/atomic"

	"golang.org/x/sync/singleflight"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// FetchFunc loads the whole model list, e.g. megallm.Client.ListModels.
type FetchFunc func(ctx context.Context) ([]megallm.Model, error)

// Source fetches the catalog once and shares it. Concurrent callers share one
// in-flight fetch; a failed fetch is not kept, so a later call tries again.
// A provider process holds one Source, so a plan costs one request however
// many data sources read the catalog.
type Source struct {
	fetch  FetchFunc
	group  singleflight.Group
	cached atomic.Pointer[Catalog]
}

// NewSource returns a Source that loads the catalog with fetch.
func NewSource(fetch FetchFunc) *Source {
	return &Source{fetch: fetch}
}

// Catalog returns the catalog, fetching it on first use. A caller whose ctx
// ends stops waiting at once; the shared fetch runs under the context of the
// caller that started it.
func (s *Source) Catalog(ctx context.Context) (*Catalog, error) {
	if c := s.cached.Load(); c != nil {
		return c, nil
	}
	result := s.group.DoChan("catalog", func() (any, error) {
		if c := s.cached.Load(); c != nil {
			return c, nil
		}
		models, err := s.fetch(ctx)
		if err != nil {
			return nil, err
		}
		c := New(models)
		s.cached.Store(c)
		return c, nil
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-result:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.(*Catalog), nil
	}
}
