package megallm_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// fastRetries is a config that retries quickly, recording every retry.
func fastRetries(baseURL string, maxRetries int, retries *[]megallm.Retry) megallm.Config {
	var mu sync.Mutex
	return megallm.Config{
		BaseURL: baseURL, APIKey: testKey, MaxRetries: maxRetries,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
		OnRetry: func(_ context.Context, r megallm.Retry) {
			mu.Lock()
			defer mu.Unlock()
			*retries = append(*retries, r)
		},
	}
}

func TestRetry_transientStatusesThenSuccess(t *testing.T) {
	t.Parallel()
	for _, fault := range []mockapi.Fault{
		mockapi.ServerError(), mockapi.HTMLPage(http.StatusBadGateway), mockapi.HTMLPage(http.StatusServiceUnavailable),
		mockapi.HTMLPage(http.StatusGatewayTimeout), mockapi.RateLimited("0"),
	} {
		t.Run(http.StatusText(fault.Status), func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, testKey)
			server.InjectFaults(fault, fault)
			var retries []megallm.Retry
			models, _, err := newClient(t, fastRetries(server.URL(), 3, &retries)).ListModels(context.Background())
			if err != nil {
				t.Fatalf("ListModels: %v", err)
			}
			if len(models) == 0 || server.RequestCount() != 3 || len(retries) != 2 {
				t.Errorf("got %d models after %d requests and %d retries, want the catalog after 3 requests and 2 retries",
					len(models), server.RequestCount(), len(retries))
			}
		})
	}
}

func TestRetry_boundedToMaxRetriesPlusOne(t *testing.T) {
	t.Parallel()
	for _, maxRetries := range []int{0, 1, 4} {
		server := mockapi.NewTestServer(t, testKey)
		for range 10 {
			server.InjectFaults(mockapi.ServerError())
		}
		var retries []megallm.Retry
		_, _, err := newClient(t, fastRetries(server.URL(), maxRetries, &retries)).ListModels(context.Background())
		if got := server.RequestCount(); got != maxRetries+1 {
			t.Errorf("max_retries %d: %d requests, want %d", maxRetries, got, maxRetries+1)
		}
		var apiErr *megallm.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusInternalServerError {
			t.Fatalf("max_retries %d: err = %v, want the last *APIError (500)", maxRetries, err)
		}
		if maxRetries > 0 {
			want := "HTTP 500 Internal Server Error: Internal server error"
			if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "gave up after "+strconv.Itoa(maxRetries+1)+" attempts") {
				t.Errorf("err = %q, want the last status and message and the number of attempts", err)
			}
			if retries[0].Of != maxRetries+1 || retries[len(retries)-1].Attempt != maxRetries {
				t.Errorf("retries = %+v, want attempts numbered 1..%d of %d", retries, maxRetries, maxRetries+1)
			}
		}
	}
}

func TestRetry_permanentErrorsAreNotRetried(t *testing.T) {
	t.Parallel()
	cases := map[string]func(*mockapi.Server) megallm.Config{
		"401": func(s *mockapi.Server) megallm.Config {
			cfg := fastRetries(s.URL(), 5, new([]megallm.Retry))
			cfg.APIKey = "wrong-key-not-a-secret"
			return cfg
		},
		"400": func(s *mockapi.Server) megallm.Config {
			s.InjectFaults(mockapi.Fault{Status: http.StatusBadRequest, Body: `{"error":{"message":"bad"}}`})
			return fastRetries(s.URL(), 5, new([]megallm.Retry))
		},
		"404": func(s *mockapi.Server) megallm.Config {
			s.InjectFaults(mockapi.Fault{Status: http.StatusNotFound})
			return fastRetries(s.URL(), 5, new([]megallm.Retry))
		},
		"malformed 200": func(s *mockapi.Server) megallm.Config {
			s.InjectFaults(mockapi.MalformedJSON())
			return fastRetries(s.URL(), 5, new([]megallm.Retry))
		},
	}
	for name, setup := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, testKey)
			_, _, err := newClient(t, setup(server)).ListModels(context.Background())
			if err == nil || server.RequestCount() != 1 {
				t.Errorf("err = %v after %d requests, want an error after exactly 1", err, server.RequestCount())
			}
		})
	}
}

func TestRetry_honoursRetryAfterSeconds(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.RateLimited("1"))
	var retries []megallm.Retry
	cfg := fastRetries(server.URL(), 3, &retries)
	start := time.Now()
	if _, _, err := newClient(t, cfg).ListModels(context.Background()); err != nil {
		t.Fatalf("ListModels: %v", err)
	}
	waited := time.Since(start)
	if len(retries) != 1 || retries[0].Wait != time.Second {
		t.Fatalf("retries = %+v, want one retry waiting the 1s the API asked for", retries)
	}
	// A lower bound only: the client must not come back before the server allowed it.
	if waited < time.Second {
		t.Errorf("the retry came after %s, before the 1s Retry-After", waited)
	}
}

func TestRetry_honoursRetryAfterDate(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.RateLimited(time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat)))
	var retries []megallm.Retry
	if _, _, err := newClient(t, fastRetries(server.URL(), 3, &retries)).ListModels(context.Background()); err != nil {
		t.Fatalf("ListModels: %v", err)
	}
	if len(retries) != 1 || retries[0].Wait <= time.Second || retries[0].Wait > 3*time.Second {
		t.Errorf("retries = %+v, want one retry waiting until the HTTP date (1s-3s from now)", retries)
	}
}

// TestRetry_retryAfterLongerThanTheProviderWaits: a wait over a minute is
// not retried, and the error says how long it was, whatever max_retries is.
func TestRetry_retryAfterLongerThanTheProviderWaits(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		retryAfter string
		maxRetries int
		want       string
	}{
		{"3600", 3, "the API asked to wait 1h0m0s, longer than the 1m0s the provider waits"},
		{"3600", 0, "the API asked to wait 1h0m0s, longer than the 1m0s the provider waits"},
		{"31536000", 3, "the API asked to wait a day or more, longer than the 1m0s the provider waits"},
	} {
		server := mockapi.NewTestServer(t, testKey)
		server.InjectFaults(mockapi.RateLimited(tc.retryAfter))
		_, _, err := newClient(t, fastRetries(server.URL(), tc.maxRetries, new([]megallm.Retry))).ListModels(context.Background())
		if err == nil || server.RequestCount() != 1 || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Retry-After %s, max_retries %d: err = %v after %d requests, want one request and %q",
				tc.retryAfter, tc.maxRetries, err, server.RequestCount(), tc.want)
		}
	}
}

func TestRetry_neverSleepsPastTheDeadline(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.RateLimited("30"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, _, err := newClient(t, fastRetries(server.URL(), 3, new([]megallm.Retry))).ListModels(ctx)
	if err == nil || !strings.Contains(err.Error(), "would pass the operation's deadline") {
		t.Errorf("err = %v, want the 429 with a note that waiting would pass the deadline", err)
	}
	if ctx.Err() != nil {
		t.Error("ListModels waited until the deadline instead of returning at once")
	}
}

func TestRetry_cancelStopsTheBackoffAtOnce(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.ServerError())
	cfg := fastRetries(server.URL(), 3, new([]megallm.Retry))
	cfg.RetryWaitMin, cfg.RetryWaitMax = time.Minute, time.Minute
	ctx, cancel := context.WithCancel(context.Background())
	cfg.OnRetry = func(context.Context, megallm.Retry) { cancel() }
	done := make(chan error, 1)
	go func() {
		_, _, err := newClient(t, cfg).ListModels(ctx)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !regexp.MustCompile(`stopped while waiting \d[\d.ms]*s to retry: context canceled`).MatchString(err.Error()) {
			t.Errorf("err = %v, want the 500 and that the wait was stopped", err)
		}
		var apiErr *megallm.APIError
		if !errors.Is(err, context.Canceled) || !errors.As(err, &apiErr) {
			t.Errorf("err = %v: want errors.Is(err, context.Canceled) for a cancelled wait, and the 500 still an *APIError", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ListModels kept sleeping after its context was cancelled")
	}
}

func TestRetry_connectionRefusedIsRetried(t *testing.T) {
	t.Parallel()
	var retries []megallm.Retry
	_, _, err := newClient(t, fastRetries(closedPortURL(t), 2, &retries)).ListModels(context.Background())
	if len(retries) != 2 || err == nil || !strings.Contains(err.Error(), "connection refused") ||
		!strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Errorf("err = %v after %d retries, want connection refused after 3 attempts", err, len(retries))
	}
}

func TestRetry_connectionClosedBeforeAnswerIsRetried(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	calls := 0
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		first := calls == 1
		mu.Unlock()
		if first {
			hijacker, ok := w.(http.Hijacker)
			if !ok {
				t.Errorf("the ResponseWriter is a %T, which cannot hijack the connection", w)
				return
			}
			conn, _, err := hijacker.Hijack()
			if err == nil {
				if tcp, ok := conn.(*net.TCPConn); ok {
					_ = tcp.SetLinger(0) // reset, not a clean close
				}
				_ = conn.Close()
			}
			return
		}
		_, _ = w.Write(mockapi.BuiltinCatalog())
	}))
	t.Cleanup(server.Close)
	var retries []megallm.Retry
	models, _, err := newClient(t, fastRetries(server.URL+"/v1", 2, &retries)).ListModels(context.Background())
	if err != nil || len(models) == 0 || len(retries) != 1 {
		t.Errorf("got %d models, err %v, %d retries; want the catalog after one retry", len(models), err, len(retries))
	}
}

// A connection that drops inside a 200 answer, before its Content-Length or
// its last chunk, is a transport failure, retried; a complete answer that is
// not JSON is not (TestRetry_internal's truncated 200 body).
func TestRetry_connectionDroppedInsideTheAnswerIsRetried(t *testing.T) {
	t.Parallel()
	for name, header := range map[string]string{"content length": "Content-Length", "chunked": ""} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			calls := 0
			catalog := mockapi.BuiltinCatalog()
			server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				calls++
				first := calls == 1
				mu.Unlock()
				if !first {
					_, _ = w.Write(catalog)
					return
				}
				if header != "" {
					w.Header().Set(header, strconv.Itoa(len(catalog)))
				}
				_, _ = w.Write(catalog[:500])
				if err := http.NewResponseController(w).Flush(); err != nil {
					t.Error(err)
				}
				if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
					_ = conn.Close()
				}
			}))
			t.Cleanup(server.Close)
			var retries []megallm.Retry
			models, _, err := newClient(t, fastRetries(server.URL+"/v1", 2, &retries)).ListModels(context.Background())
			if err != nil || len(models) == 0 || len(retries) != 1 {
				t.Fatalf("got %d models, err %v, %d retries; want the catalog after one retry", len(models), err, len(retries))
			}
			if why := retries[0].Err.Error(); !strings.Contains(why, "the connection closed before the whole answer arrived: unexpected EOF") {
				t.Errorf("the retry's cause is %q, want the dropped connection named", why)
			}
		})
	}
}
