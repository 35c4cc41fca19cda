package megallm

import (
	"errors"
	"io"
	"net/url"
	"syscall"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		value string
		want  time.Duration
		ok    bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{"7", 7 * time.Second, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{"99999999999", 24 * time.Hour, true},
		{"99999999999999999999", 24 * time.Hour, true}, // more than an int64 holds
		{"-99999999999999999999", 0, false},
		{"Fri, 25 Nov 2126 12:00:00 GMT", 24 * time.Hour, true},
		{"Wed, 25 Nov 2026 12:00:30 GMT", 30 * time.Second, true},
		{"Wed, 25 Nov 2026 11:59:00 GMT", 0, true}, // in the past: retry now
	}
	for _, tc := range cases {
		got, ok := parseRetryAfter(tc.value, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRetryAfter(%q) = %s, %v; want %s, %v", tc.value, got, ok, tc.want, tc.ok)
		}
	}
	// A date is to the second, and so is the wait until it: rounded up, not
	// "29.75s", which an error would print as it is ("2h59m59.335346874s").
	if got, _ := parseRetryAfter("Wed, 25 Nov 2026 12:00:30 GMT", now.Add(250*time.Millisecond)); got != 30*time.Second {
		t.Errorf("parseRetryAfter(a date 29.75s ahead) = %s, want 30s", got)
	}
}

func TestBackoff_growsWithJitterAndIsCapped(t *testing.T) {
	t.Parallel()
	p := retryPolicy{waitMin: 500 * time.Millisecond, waitMax: 30 * time.Second}
	for attempt, ceiling := range map[int]time.Duration{
		1: 500 * time.Millisecond, 2: time.Second, 3: 2 * time.Second, 7: 30 * time.Second, 40: 30 * time.Second, 1000: 30 * time.Second,
	} {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := p.backoff(attempt)
			if d < ceiling/2 || d > ceiling {
				t.Fatalf("backoff(%d) = %s, want within [%s, %s]", attempt, d, ceiling/2, ceiling)
			}
			seen[d] = true
		}
		if len(seen) < 10 {
			t.Errorf("backoff(%d) took only %d distinct values in 200 draws: no jitter?", attempt, len(seen))
		}
	}
}

func TestRetryable(t *testing.T) {
	t.Parallel()
	urlErr := func(err error) error { return &url.Error{Op: "Get", URL: "http://127.0.0.1/v1/models", Err: err} }
	cases := map[string]struct {
		err  error
		want bool
	}{
		"429":                   {&APIError{StatusCode: 429}, true},
		"500":                   {&APIError{StatusCode: 500}, true},
		"502":                   {&APIError{StatusCode: 502}, true},
		"503":                   {&APIError{StatusCode: 503}, true},
		"504":                   {&APIError{StatusCode: 504}, true},
		"400":                   {&APIError{StatusCode: 400}, false},
		"401":                   {&APIError{StatusCode: 401}, false},
		"403":                   {&APIError{StatusCode: 403}, false},
		"404":                   {&APIError{StatusCode: 404}, false},
		"501":                   {&APIError{StatusCode: 501}, false},
		"refused":               {urlErr(syscall.ECONNREFUSED), true},
		"reset":                 {urlErr(syscall.ECONNRESET), true},
		"broken pipe":           {urlErr(syscall.EPIPE), true},
		"closed before answer":  {urlErr(io.EOF), true},
		"truncated before head": {urlErr(io.ErrUnexpectedEOF), true},
		"truncated 200 body":    {&ResponseError{StatusCode: 200, Err: io.ErrUnexpectedEOF}, false},
		"reset during body":     {&ResponseError{StatusCode: 200, Err: syscall.ECONNRESET}, true},
		"timeout":               {&TimeoutError{}, false},
		"too large":             {&ResponseError{StatusCode: 200, Err: ErrBodyTooLarge}, false},
		"missing key":           {ErrMissingAPIKey, false},
		"other":                 {errors.New("boom"), false},
	}
	for name, tc := range cases {
		if got := retryable(tc.err); got != tc.want {
			t.Errorf("%s: retryable = %v, want %v", name, got, tc.want)
		}
	}
}
