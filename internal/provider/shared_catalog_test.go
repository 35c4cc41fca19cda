package provider

import (
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

// TestSharedCatalog_failedFetchIsNotKept: a read whose fetch fails reports the
// error; the next read of the same provider instance fetches again and
// succeeds, and the reads after that use the catalog it got.
func TestSharedCatalog_failedFetchIsNotKept(t *testing.T) {
	t.Parallel()
	mock := startMock(t)
	mock.InjectFaults(mockapi.ServerError())
	// No retries: the one 500 fails the first read, whatever the default.
	p := newProtocolServer(t, mock, map[string]tftypes.Value{"max_retries": number(0)})

	_, errText := p.read("megallm_model", p.modelConfig(t, "gpt-4o"))
	if !strings.Contains(errText, "Internal server error") {
		t.Fatalf("first read: error %q, want the API's 500", errText)
	}
	if n := mock.RequestCount(); n != 1 {
		t.Fatalf("after the failed read the mock saw %d requests, want 1", n)
	}

	state, errText := p.read("megallm_model", p.modelConfig(t, "gpt-4o"))
	if errText != "" {
		t.Fatalf("second read failed, so the failure was kept: %s", errText)
	}
	if got := stringAttr(t, state, "display_name"); got != "GPT-4o" {
		t.Errorf("second read: display_name %q, want GPT-4o", got)
	}
	if n := mock.RequestCount(); n != 2 {
		t.Fatalf("after the second read the mock saw %d requests, want 2", n)
	}

	if _, errText := p.read("megallm_models", p.config(t, "megallm_models", nil)); errText != "" {
		t.Fatalf("third read: %s", errText)
	}
	if _, errText := p.read("megallm_model", p.modelConfig(t, "gpt-4o-mini")); errText != "" {
		t.Fatalf("fourth read: %s", errText)
	}
	if n := mock.RequestCount(); n != 2 {
		t.Errorf("reads after the successful fetch made %d more requests, want 0", n-2)
	}
}

// TestSharedCatalog_concurrentReadsAfterAFailure: concurrent reads that wait
// on a fetch that fails report its error, none is left failing once the API
// answers, and after that the reads make no more requests.
func TestSharedCatalog_concurrentReadsAfterAFailure(t *testing.T) {
	t.Parallel()
	mock := startMock(t)
	mock.SetLatency(100 * time.Millisecond)
	mock.InjectFaults(mockapi.ServerError())
	p := newProtocolServer(t, mock, map[string]tftypes.Value{"max_retries": number(0)})

	// The reads join the failing fetch; one that starts only after it failed
	// (on a loaded machine) fetches again and succeeds. So some reads fail,
	// and a read can succeed only if a second request was made.
	failed := 0
	for _, errText := range readConcurrently(t, p, 20, "gpt-4o") {
		if errText != "" {
			if !strings.Contains(errText, "Internal server error") {
				t.Fatalf("a read failed with %q, want the API's 500", errText)
			}
			failed++
		}
	}
	if requests := mock.RequestCount(); failed == 0 || (failed < 20 && requests != 2) {
		t.Fatalf("%d of 20 reads failed, with %d requests made", failed, requests)
	}

	if errs := readConcurrently(t, p, 20, "gpt-4o"); strings.Join(errs, "") != "" {
		t.Fatalf("reads after the failure:\n%s", strings.Join(errs, "\n"))
	}
	after := mock.RequestCount()
	if after > 2 {
		t.Errorf("a failure and a success made %d requests, want 2", after)
	}
	if errs := readConcurrently(t, p, 20, "gpt-4o"); strings.Join(errs, "") != "" {
		t.Fatalf("reads after the success:\n%s", strings.Join(errs, "\n"))
	}
	if n := mock.RequestCount(); n != after {
		t.Errorf("reads after a successful fetch made %d more requests, want 0", n-after)
	}
}

// TestSharedCatalog_concurrentReadsShareOneRequest: many reads of both data
// sources at once, in one provider instance, against a slow API and a large
// catalog, make one request between them.
func TestSharedCatalog_concurrentReadsShareOneRequest(t *testing.T) {
	t.Parallel()
	mock := startMock(t)
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
