package provider

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// A transport error may quote a URL the server redirected to, with the key
// URL-escaped in it: the log masks the key in every form it takes.
func TestLoggingTransport_masksTheKeyInEveryForm(t *testing.T) {
	t.Parallel()
	const key = "sk-fake key+with/odd=chars"
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	// A redirect's target quotes the key escaped, lower-cased and cut short.
	transport := newLoggingTransport(roundTripFunc(func(req *http.Request) (*http.Response, error) {
		return nil, &url.Error{Op: "Get", URL: "http://127.0.0.1:9/v1/models?key=" + url.QueryEscape(key) + "&path=/" +
			url.PathEscape(key) + "&token=" + strings.ToLower(key) + "&cut=" + key[:12],
			Err: errors.New("connection refused")}
	}), key)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:9/v1/models", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	if _, err := transport.RoundTrip(req); err == nil { //nolint:bodyclose // the fake transport returns no response.
		t.Fatal("the fake transport's error was lost")
	}
	log := out.String()
	if !strings.Contains(log, "MegaLLM API request failed") {
		t.Fatalf("the failure was not logged:\n%s", log)
	}
	if leak := mockapi.LeakedKey(log, key); leak != "" {
		t.Errorf("the log holds the key: %s", leak)
	}
}

// TestLoggingTransport_boundsTheError: Go's transport error quotes a
// malformed header line whole, megabytes of it if a server sends them; the
// log keeps what the client's error keeps, its start without the key and its
// length, so that a TF_LOG=TRACE plan does not log megabytes.
func TestLoggingTransport_boundsTheError(t *testing.T) {
	t.Parallel()
	const key = "sk-fake-key-for-the-log-test"
	msg := "net/http: HTTP/1.x transport connection broken: malformed MIME header line: you sent " + key +
		strings.Repeat(" y", 1<<20)
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	transport := newLoggingTransport(roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, errors.New(msg)
	}), key)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:9/v1/models", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := transport.RoundTrip(req); err == nil { //nolint:bodyclose // the fake transport returns no response.
		t.Fatal("the fake transport's error was lost")
	}
	log := out.String()
	if len(log) > 2000 || !strings.Contains(log, "malformed MIME header line: you sent ***") ||
		!strings.Contains(log, fmt.Sprintf("… (%d characters)", len(msg))) {
		t.Errorf("the log is %d bytes, want the error cut with its length: %.600s", len(log), log)
	}
	if leak := mockapi.LeakedKey(log, key); leak != "" {
		t.Errorf("the log holds the key: %s", leak)
	}
}

// TestLoggingTransport_boundsARedirectTarget: where a redirect leads is the
// server's choice, a megabyte of it if it likes; the log cuts that URL as the
// client's error does (megallm.Excerpt), scrubbed of the key, while the URL
// base_url made is logged whole.
func TestLoggingTransport_boundsARedirectTarget(t *testing.T) {
	t.Parallel()
	const key = "sk-fake-key-for-the-log-test"
	base := "http://127.0.0.1:9/" + strings.Repeat("p", 70) + "/v1/models" // longer than a cut quote
	target := "/v1/" + key + strings.Repeat("z", 1<<20)
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	client := &http.Client{Transport: newLoggingTransport(roundTripFunc(func(req *http.Request) (*http.Response, error) {
		resp := &http.Response{StatusCode: http.StatusNotFound, Header: http.Header{}, Body: http.NoBody, Request: req}
		if req.URL.String() == base {
			resp.StatusCode = http.StatusFound
			resp.Header.Set("Location", target)
		}
		return resp, nil
	}), key)}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	log := out.String()
	if len(log) > 5000 || !strings.Contains(log, `"url":"`+base+`"`) || !strings.Contains(log, "http://127.0.0.1:9/v1/***z") ||
		!strings.Contains(log, fmt.Sprintf("… (%d characters)", len("http://127.0.0.1:9"+target))) {
		t.Errorf("the log is %d bytes, want base_url's URL whole and the target cut with its length: %.1500s", len(log), log)
	}
	if leak := mockapi.LeakedKey(log, key); leak != "" {
		t.Errorf("the log holds the key: %s", leak)
	}
}

// TestLogRetry_saysARetryAfterWasIgnored: the retry log line says when the
// wait is a backoff because the answer's Retry-After could not be read,
// quoting it without the key, and says nothing of one that was read or sent.
func TestLogRetry_saysARetryAfterWasIgnored(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		fault   mockapi.Fault
		ignored string // the field's value, "" for none
	}{
		{"garbage", mockapi.RateLimited("soon"), `"soon"`},
		{"negative", mockapi.RateLimited("-5"), `"-5"`},
		{"key echoed", mockapi.RateLimited("in " + strings.ToUpper(mockapi.DefaultAPIKey)), `"in ***"`},
		{"read", mockapi.RateLimited("0"), ""},
		{"none", mockapi.ServerError(), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, "")
			server.InjectFaults(tc.fault)
			var out bytes.Buffer
			client, err := megallm.New(megallm.Config{BaseURL: server.URL(), APIKey: mockapi.DefaultAPIKey,
				MaxRetries: 1, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond, OnRetry: logRetry})
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := client.ListModels(tflogtest.RootLogger(context.Background(), &out)); err != nil {
				t.Fatalf("ListModels: %v", err)
			}
			entries, err := tflogtest.MultilineJSONDecode(&out)
			if err != nil || len(entries) != 1 || entries[0]["@message"] != "MegaLLM API request failed; retrying" {
				t.Fatalf("log = %v (%v), want one retry line", entries, err)
			}
			got, _ := entries[0]["retry_after_ignored"].(string)
			if got != tc.ignored {
				t.Errorf("retry_after_ignored = %q, want %q; log: %v", got, tc.ignored, entries[0])
			}
			if leak := mockapi.LeakedKey(fmt.Sprint(entries), mockapi.DefaultAPIKey); leak != "" {
				t.Errorf("the log holds the key: %s", leak)
			}
		})
	}
}
