package megallm_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// benchSizes are the catalog sizes the decode benchmarks measure.
var benchSizes = []int{100, 1000, 10000}

// BenchmarkListModels is one ListModels call against a loopback httptest
// server that sends a pre-encoded synthetic catalog of n models: the request,
// the decode and everything the client allocates. The server's own
// few allocations per request are counted too. It sends the Content-Length,
// as an API that encodes its answer before sending it does; a chunked answer
// (net/http's own for a body this large) is read without knowing its size.
func BenchmarkListModels(b *testing.B) {
	for _, n := range benchSizes {
		body := mockapi.ListBody(mockapi.SyntheticModels(n)...)
		b.Run(fmt.Sprintf("models=%d", n), func(b *testing.B) {
			server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				_, _ = w.Write(body)
			}))
			defer server.Close()
			client, err := megallm.New(megallm.Config{BaseURL: server.URL + "/v1", APIKey: "bench-key-not-a-secret"})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				models, _, err := client.ListModels(ctx)
				if err != nil || len(models) != n {
					b.Fatalf("ListModels: %d models, %v; want %d", len(models), err, n)
				}
			}
		})
	}
}

// BenchmarkDecode is the decode alone, from memory, as the client decodes.
func BenchmarkDecode(b *testing.B) {
	for _, n := range benchSizes {
		body := mockapi.ListBody(mockapi.SyntheticModels(n)...)
		b.Run(fmt.Sprintf("models=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if models, _, err := megallm.DecodeModels(bytes.NewReader(body)); err != nil || len(models) != n {
					b.Fatalf("decode: %d models, %v; want %d", len(models), err, n)
				}
			}
		})
	}
}
