package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestMain lets coldRequest run this test binary as its helper process.
func TestMain(m *testing.M) {
	if code, ok := subcommand(os.Args); ok {
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// TestColdRequest_newConnectionEach: each sample of the request in the
// budget is one request on a connection of its own, as a plan's one request.
func TestColdRequest_newConnectionEach(t *testing.T) {
	mock := mockapi.New("")
	server := httptest.NewUnstartedServer(mock)
	var connections atomic.Int32
	server.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			connections.Add(1)
		}
	}
	server.Start()
	t.Cleanup(server.Close)

	const samples = 3
	for range samples {
		seconds, err := coldRequest(server.URL + "/v1")
		if err != nil || seconds <= 0 {
			t.Fatalf("coldRequest = %v, %v; want a time in seconds", seconds, err)
		}
	}
	if got := mock.RequestCount(); got != samples {
		t.Errorf("%d samples made %d requests, want one each", samples, got)
	}
	if got := connections.Load(); got != samples {
		t.Errorf("%d samples opened %d connections, want one each", samples, got)
	}
}

// TestConfigText_deprecated: with -deprecated, every megallm_model reads the
// first id, which the policy deprecates; without, they spread over the ids.
func TestConfigText_deprecated(t *testing.T) {
	ids := []string{"m0", "m1"}
	text := configText(kindOurs, 3, ids, true)
	if !strings.Contains(text, `policy = { models = { "m0" = { deprecated_at = "2020-01-01" } } }`) ||
		strings.Count(text, `{ id = "m0" }`) != 3 {
		t.Errorf("configText with -deprecated:\n%s\nwant a policy deprecating m0 and 3 reads of it", text)
	}
	if text := configText(kindOurs, 3, ids, false); strings.Contains(text, "policy") || !strings.Contains(text, `{ id = "m1" }`) {
		t.Errorf("configText without -deprecated:\n%s\nwant no policy and reads spread over the ids", text)
	}
}
