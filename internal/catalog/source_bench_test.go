package catalog

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// Concurrent lookups: how many reads, against how slow an API, over how big
// a catalog (the real one has some 70 models).
const (
	concurrentReads   = 1000
	benchLatency      = 50 * time.Millisecond
	concurrentCatalog = 100
)

// BenchmarkConcurrentLookups is 1,000 megallm_model reads at once in one
// provider process against the mock API with 50 ms latency; one op is all of
// them. fetch=shared is catalog.Source: one request, then a map lookup per
// read. fetch=per-read is what a provider without a shared catalog does: each
// read requests, decodes and indexes the catalog itself. Both share one
// client with a connection pool big enough for every read, so that the
// per-read case pays no connection set-up: the ratio is a lower bound.
func BenchmarkConcurrentLookups(b *testing.B) {
	server := mockapi.NewTestServer(b, "")
	server.SetLatency(benchLatency)
	server.SetModels(mockapi.SyntheticModels(concurrentCatalog)...)
	transport := &http.Transport{MaxIdleConns: concurrentReads, MaxIdleConnsPerHost: concurrentReads}
	defer transport.CloseIdleConnections()
	client, err := megallm.New(megallm.Config{BaseURL: server.URL(), APIKey: mockapi.DefaultAPIKey, Transport: transport})
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, concurrentReads)
	for i := range ids {
		ids[i] = mockapi.SyntheticModelID(i % concurrentCatalog)
	}

	perRead := func(ctx context.Context) (*Catalog, error) {
		models, _, err := client.ListModels(ctx)
		if err != nil {
			return nil, err
		}
		return New(models), nil
	}
	for _, fetch := range []string{"shared", "per-read"} {
		name := fmt.Sprintf("reads=%d/latency=%s/models=%d/fetch=%s", concurrentReads, benchLatency, concurrentCatalog, fetch)
		b.Run(name, func(b *testing.B) {
			before := server.RequestCount()
			b.ReportAllocs()
			for b.Loop() {
				load := perRead
				if fetch == "shared" {
					load = NewSource(client.ListModels, nil).Catalog // a new provider process
				}
				lookUpConcurrently(b, load, ids)
			}
			b.ReportMetric(float64(server.RequestCount()-before)/float64(b.N), "requests/op")
		})
	}
}

// lookUpConcurrently starts one goroutine per id, all at once, each loading
// the catalog with load and looking its id up.
func lookUpConcurrently(b *testing.B, load func(context.Context) (*Catalog, error), ids []string) {
	ctx := context.Background()
	var start, done sync.WaitGroup
	start.Add(1)
	errs := make(chan error, len(ids))
	for _, id := range ids {
		done.Go(func() {
			start.Wait()
			c, err := load(ctx)
			if err == nil {
				if _, ok := c.Lookup(id); !ok {
					err = fmt.Errorf("%q not found", id)
				}
			}
			if err != nil {
				errs <- err
			}
		})
	}
	start.Done()
	done.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
}
