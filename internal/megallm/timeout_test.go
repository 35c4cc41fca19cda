package megallm_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// The body takes a minute, so only a timeout that covers reading it ends the
// call; 2s leaves the request time to reach the server on a loaded machine
// (at 200ms it sometimes did not, and no request was counted).
func TestTimeout_coversReadingTheBody(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.SlowBody(time.Minute))
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey, Timeout: 2 * time.Second, MaxRetries: 3})
	_, _, err := client.ListModels(context.Background())
	var timeoutErr *megallm.TimeoutError
	if !errors.As(err, &timeoutErr) || timeoutErr.Timeout != 2*time.Second {
		t.Fatalf("err = %v (%T), want a *TimeoutError for 2s", err, err)
	}
	if server.RequestCount() != 1 {
		t.Errorf("%d requests, want 1: a timed-out attempt is not retried", server.RequestCount())
	}
}

func TestListModels_timeout(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.SetLatency(time.Minute)
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey, Timeout: 50 * time.Millisecond})
	done := make(chan error, 1)
	go func() {
		_, _, err := client.ListModels(context.Background())
		done <- err
	}()
	select {
	case err := <-done:
		var timeoutErr *megallm.TimeoutError
		if !errors.As(err, &timeoutErr) || timeoutErr.Timeout != 50*time.Millisecond || timeoutErr.URL != server.URL()+"/models" {
			t.Errorf("err = %v (%T), want a *megallm.TimeoutError for 50ms naming the URL", err, err)
		}
		if err != nil && !strings.Contains(err.Error(), "timed out") {
			t.Errorf("err = %v, want it to say it timed out", err)
		}
		assertNoKey(t, err, testKey)
	case <-time.After(5 * time.Second):
		t.Fatal("ListModels did not time out within 5s with a 50ms Timeout")
	}
}
