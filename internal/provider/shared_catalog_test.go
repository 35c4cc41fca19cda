package provider

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// Every terraform command starts a new provider process, so what the reads of
// a plan share, and what a failed fetch leaves behind, can only be seen within
// one process: these tests drive one provider instance through many reads.

// repeatedAfterGPT4o is the error of a read after a megallm_model with
// id = "gpt-4o" has had the API's 500 from mock in full: the summary, and a
// detail with the cause, without what the server sent, that names that data
// source.
func repeatedAfterGPT4o(mock *mockapi.Server) string {
	return "MegaLLM API error: The catalog could not be read: GET " + mock.URL() + "/models: HTTP 500 Internal Server " +
		"Error. The same error is shown in full, with how to fix it, on the megallm_model data source with id = " +
		"\"gpt-4o\", the first to read the catalog in this plan. The provider makes no further requests for it within " +
		"this plan; the next plan tries again."
}

// isFull reports whether errText is the API's 500 in full, with its advice.
func isFull(errText string) bool {
	return strings.Contains(errText, "Internal server error") && strings.Contains(errText, "If the error persists")
}

// TestSharedCatalog_failedFetchIsKept: a read whose fetch fails reports the
// error in full; the later reads of the same provider instance report it at
// once, with the same summary and a short detail, and make no request.
func TestSharedCatalog_failedFetchIsKept(t *testing.T) {
	t.Parallel()
	mock := mockapi.NewTestServer(t, "")
	mock.InjectFaults(mockapi.ServerError())
	// No retries: the one 500 fails the first read, whatever the default.
	p := newProtocolServer(t, mock, map[string]tftypes.Value{"max_retries": number(0)})

	_, errText := p.read("megallm_model", p.modelConfig(t, "gpt-4o"))
	if !strings.HasPrefix(errText, "MegaLLM API error: ") || !isFull(errText) {
		t.Fatalf("first read: error %q, want the API's 500 in full", errText)
	}
	for _, typeName := range []string{"megallm_model", "megallm_models", "megallm_model"} {
		config := p.modelConfig(t, "gpt-4o-mini")
		if typeName == "megallm_models" {
			config = p.config(t, typeName, nil)
		}
		if _, errText := p.read(typeName, config); errText != repeatedAfterGPT4o(mock) {
			t.Errorf("later %s read: error %q, want the same summary with the short detail", typeName, errText)
		}
	}
	if n := mock.RequestCount(); n != 1 {
		t.Errorf("four reads after a failed fetch made %d requests, want 1", n)
	}
}

// TestSharedCatalog_concurrentReadsShareAFailure: concurrent reads that wait
// on a fetch that fails all fail with it, one in full and the others with the
// short detail, and only the one request is made.
func TestSharedCatalog_concurrentReadsShareAFailure(t *testing.T) {
	t.Parallel()
	mock := mockapi.NewTestServer(t, "")
	mock.SetLatency(100 * time.Millisecond)
	mock.InjectFaults(mockapi.ServerError())
	p := newProtocolServer(t, mock, map[string]tftypes.Value{"max_retries": number(0)})

	errs := readConcurrently(t, p, 20, "gpt-4o")
	// The short detail names the read that got the full error, whichever
	// won the race: a megallm_model of gpt-4o, or (every tenth read) the
	// megallm_models of the embedding models; reads like it name it as such.
	firstIsModels := slices.IndexFunc(errs, isFull)%10 == 0
	const model, models = `the megallm_model data source with id = "gpt-4o"`, `the megallm_models data source with type = "embedding"`
	full := 0
	for i, errText := range errs {
		first := map[bool]string{false: model, true: models}[firstIsModels]
		if like := (i%10 == 0) == firstIsModels; like {
			first = "another data source like this one (" + first + ")"
		}
		short := strings.Replace(repeatedAfterGPT4o(mock), model, first, 1)
		switch {
		case isFull(errText):
			full++
		case errText != short:
			t.Errorf("a read failed with %q, want the API's 500 or %q", errText, short)
		}
	}
	if full != 1 {
		t.Errorf("%d of 20 reads reported the error in full, want 1", full)
	}
	if n := mock.RequestCount(); n != 1 {
		t.Errorf("20 reads of a failing catalog made %d requests, want 1", n)
	}
}

// TestSharedCatalog_concurrentReadsShareOneRequest: many reads of both data
// sources at once, in one provider instance, against a slow API and a large
// catalog, make one request between them.
func TestSharedCatalog_concurrentReadsShareOneRequest(t *testing.T) {
	t.Parallel()
	mock := mockapi.NewTestServer(t, "")
	mock.SetLatency(50 * time.Millisecond)
	mock.SetModels(mockapi.SyntheticModels(1000)...)
	p := newProtocolServer(t, mock, nil)

	if errs := readConcurrently(t, p, 200, mockapi.SyntheticModelID(42)); strings.Join(errs, "") != "" {
		t.Fatalf("reads failed:\n%s", strings.Join(errs, "\n"))
	}
	if n := mock.RequestCount(); n != 1 {
		t.Errorf("200 concurrent reads made %d requests, want 1", n)
	}
}

// readConcurrently starts n reads at once, one megallm_models read (of the
// embedding models, by input cost) for every nine megallm_model reads of id,
// and returns each read's error text ("" for a success).
func readConcurrently(t *testing.T, p *protocolServer, n int, id string) []string {
	t.Helper()
	models := p.config(t, "megallm_models", map[string]tftypes.Value{"type": str("embedding"), "sort_by": str("input_cost")})
	model := p.modelConfig(t, id)
	errs := make([]string, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range n {
		typeName, config := "megallm_model", model
		if i%10 == 0 {
			typeName, config = "megallm_models", models
		}
		done.Go(func() {
			start.Wait()
			_, errs[i] = p.read(typeName, config)
		})
	}
	start.Done()
	done.Wait()
	return errs
}
