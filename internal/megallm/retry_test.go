package megallm_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

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

func TestRetry_retryAfterLongerThanTheProviderWaits(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.RateLimited("3600"))
	_, _, err := newClient(t, fastRetries(server.URL(), 3, new([]megallm.Retry))).ListModels(context.Background())
	if err == nil || server.RequestCount() != 1 || !strings.Contains(err.Error(), "the API asked to wait 1h0m0s") {
		t.Errorf("err = %v after %d requests, want one request and an error saying the API asked to wait 1h0m0s", err, server.RequestCount())
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
		if err == nil || !strings.Contains(err.Error(), "stopped while waiting to retry: context canceled") {
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

// TestCancel_whileReadingTheAnswer: a context cancelled after the headers
// came, while the body is still arriving, is reported as cancelled too, not
// as a malformed answer.
func TestCancel_whileReadingTheAnswer(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.SlowBody(time.Minute))
	headers := make(chan struct{})
	cfg := megallm.Config{BaseURL: server.URL(), APIKey: testKey, Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(req)
		close(headers)
		return resp, err
	})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, _, err := newClient(t, cfg).ListModels(ctx)
		done <- err
	}()
	<-headers
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want errors.Is(err, context.Canceled)", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ListModels kept reading after its context was cancelled")
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

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

func TestTimeout_coversReadingTheBody(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, testKey)
	server.InjectFaults(mockapi.SlowBody(time.Minute))
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey, Timeout: 200 * time.Millisecond, MaxRetries: 3})
	_, _, err := client.ListModels(context.Background())
	var timeoutErr *megallm.TimeoutError
	if !errors.As(err, &timeoutErr) || timeoutErr.Timeout != 200*time.Millisecond {
		t.Fatalf("err = %v (%T), want a *TimeoutError for 200ms", err, err)
	}
	if server.RequestCount() != 1 {
		t.Errorf("%d requests, want 1: a timed-out attempt is not retried", server.RequestCount())
	}
}

func TestBodyLimit(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		limit   int64
		padding int64
		says    string
	}{
		"configured limit": {limit: 4096, padding: 8192, says: "larger than the client's limit of 4096 bytes"},
		"default 64 MiB":   {padding: megallm.DefaultMaxBodyBytes, says: "larger than the client's limit of 64 MiB"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, testKey)
			server.InjectFaults(mockapi.HugeBody(tc.padding))
			client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey, MaxBodyBytes: tc.limit})
			_, _, err := client.ListModels(context.Background())
			var respErr *megallm.ResponseError
			if !errors.Is(err, megallm.ErrBodyTooLarge) || !errors.As(err, &respErr) || respErr.StatusCode != http.StatusOK ||
				!strings.Contains(err.Error(), tc.says) {
				t.Errorf("err = %v, want a *ResponseError wrapping ErrBodyTooLarge that says %q", err, tc.says)
			}
		})
	}
	// Exactly at the limit is fine.
	server := mockapi.NewTestServer(t, testKey)
	body := `{"object":"list","data":[]}`
	server.InjectFaults(mockapi.Fault{Status: http.StatusOK, Body: body})
	client := newClient(t, megallm.Config{BaseURL: server.URL(), APIKey: testKey, MaxBodyBytes: int64(len(body))})
	if _, _, err := client.ListModels(context.Background()); err != nil {
		t.Errorf("a body exactly at the limit: %v", err)
	}
}

// TestRedirect_crossHostDropsBothCredentialHeaders: a redirect to another
// host (here the same loopback server under another name or port) receives
// neither credential header, in either scheme; a same-host redirect keeps it.
func TestRedirect_crossHostDropsBothCredentialHeaders(t *testing.T) {
	t.Parallel()
	for _, scheme := range []megallm.AuthScheme{megallm.AuthBearer, megallm.AuthXAPIKey} {
		for _, target := range []string{"other port", "other name"} {
			t.Run(string(scheme)+"/"+target, func(t *testing.T) {
				t.Parallel()
				other := mockapi.NewTestServer(t, testKey) // records every header it receives
				otherURL := other.URL()
				if target == "other name" {
					otherURL = strings.Replace(otherURL, "127.0.0.1", "localhost", 1)
				}
				api := mockapi.NewTestServer(t, testKey)
				api.InjectFaults(mockapi.Redirect(http.StatusFound, otherURL+"/models"))
				client := newClient(t, megallm.Config{BaseURL: api.URL(), APIKey: testKey, AuthScheme: scheme})
				_, _, err := client.ListModels(context.Background())
				if err == nil {
					t.Error("the other host answered 200 without a key")
				}
				requests := other.Requests()
				if len(requests) != 1 {
					t.Fatalf("the other host received %d requests, want 1", len(requests))
				}
				for name, values := range requests[0].Header {
					for _, v := range values {
						if strings.Contains(v, testKey) {
							t.Errorf("the other host received the key in its %s header", name)
						}
					}
				}
			})
		}
	}
	t.Run("same host keeps the key", func(t *testing.T) {
		t.Parallel()
		api := mockapi.NewTestServer(t, testKey)
		api.InjectFaults(mockapi.Redirect(http.StatusMovedPermanently, api.URL()+"/models"))
		client := newClient(t, megallm.Config{BaseURL: api.URL(), APIKey: testKey, AuthScheme: megallm.AuthXAPIKey})
		if _, _, err := client.ListModels(context.Background()); err != nil {
			t.Errorf("same-host redirect: %v", err)
		}
	})
}

func TestRedirect_stopsAfterTen(t *testing.T) {
	t.Parallel()
	api := mockapi.NewTestServer(t, testKey)
	for range 11 {
		api.InjectFaults(mockapi.Redirect(http.StatusFound, api.URL()+"/models"))
	}
	_, _, err := newClient(t, megallm.Config{BaseURL: api.URL(), APIKey: testKey}).ListModels(context.Background())
	// As Go's default: the tenth redirect is not followed.
	if err == nil || !strings.Contains(err.Error(), "stopped after 10 redirects") || api.RequestCount() != 10 {
		t.Errorf("err = %v after %d requests, want a stop after 10 redirects (10 requests)", err, api.RequestCount())
	}
}

func TestExcerpts_areValidUTF8(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("€", 100) // 300 bytes; byte 200 falls inside a character
	rec := newRecorder(t, http.StatusBadGateway, "text/html", body)
	_, _, err := newClient(t, megallm.Config{BaseURL: rec.URL + "/v1", APIKey: testKey}).ListModels(context.Background())
	var apiErr *megallm.APIError
	if !errors.As(err, &apiErr) || !utf8.ValidString(apiErr.Excerpt) || strings.Contains(err.Error(), `\x`) {
		t.Errorf("err = %v, want an *APIError whose excerpt is valid UTF-8", err)
	}
	_, err = listFrom(t, body)
	var respErr *megallm.ResponseError
	if !errors.As(err, &respErr) || !utf8.ValidString(respErr.Excerpt) {
		t.Errorf("err = %v, want a *ResponseError whose excerpt is valid UTF-8", err)
	}
}
