package megallm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"syscall"
	"time"
)

// retryPolicy decides whether and when a failed attempt is tried again.
type retryPolicy struct {
	maxRetries int
	waitMin    time.Duration
	waitMax    time.Duration
}

// next says whether to retry after the given failed attempt and how long to
// wait first. When it does not retry, why may say what stopped it.
func (p retryPolicy) next(ctx context.Context, attempt int, err error) (wait time.Duration, retry bool, why string) {
	var apiErr *APIError
	isAPIErr := errors.As(err, &apiErr)
	if isAPIErr && apiErr.WaitRefused() && retryable(err) { // said whatever max_retries is: advice refers to it
		asked := apiErr.retryAfter.String()
		if apiErr.retryAfter >= retryAfterCeiling {
			asked = "a day or more"
		}
		return 0, false, fmt.Sprintf("not retried: the API asked to wait %s, longer than the %s the provider waits",
			asked, maxRetryAfter)
	}
	if attempt > p.maxRetries || !retryable(err) || ctx.Err() != nil {
		return 0, false, ""
	}
	wait = p.backoff(attempt)
	if isAPIErr && apiErr.hasRetryAfter {
		wait = apiErr.retryAfter
	}
	if deadline, ok := ctx.Deadline(); ok && time.Now().Add(wait).After(deadline) {
		return 0, false, fmt.Sprintf("not retried: waiting %s would pass the operation's deadline", wait.Round(time.Millisecond))
	}
	return wait, true, ""
}

// backoff is the wait before retrying after the given attempt: an
// exponentially growing ceiling from waitMin, capped at waitMax, of which a
// random half is waited ("equal jitter"), so that many clients that failed
// together do not retry together.
func (p retryPolicy) backoff(attempt int) time.Duration {
	ceiling := p.waitMax
	if shift := attempt - 1; shift < 32 {
		ceiling = min(p.waitMin<<shift, p.waitMax)
	}
	half := ceiling / 2
	return half + rand.N(half+1)
}

// retryable reports whether a failed attempt may succeed if tried again:
// throttling, a server, gateway or proxy failure, or a connection that was refused,
// reset or closed before an answer came. A timed-out attempt is not retried:
// a server too slow for request_timeout would only make the plan wait longer.
func retryable(err error) bool {
	var apiErr *APIError
	var proxyErr *ProxyError
	switch {
	case errors.As(err, &apiErr):
		return retryableStatus(apiErr.StatusCode)
	case errors.As(err, &proxyErr): // it cannot reach the API now, as a gateway's 502 says
		return retryableStatus(proxyErr.StatusCode)
	case errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE):
		return true
	}
	// The connection closed before any answer: only a transport error says so;
	// an EOF while decoding a complete 200 answer is a truncated document.
	var urlErr *url.Error
	return errors.As(err, &urlErr) && (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF))
}

// retryableStatus reports whether an answer with this status code may be
// followed by a better one: throttling, or a server or gateway failure.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryAfterCeiling caps a Retry-After: a longer wait reads as this one.
const retryAfterCeiling = 24 * time.Hour

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP date,
// at most retryAfterCeiling; the wait until a date is whole seconds, as the
// date is, rounded up.
func parseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	if value == "" {
		return 0, false
	}
	// Too many digits for an int64 is a long wait, not a missing header.
	if seconds, err := strconv.ParseInt(value, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		if seconds < 0 {
			return 0, false
		}
		return time.Duration(min(seconds, int64(retryAfterCeiling/time.Second))) * time.Second, true
	}
	if when, err := http.ParseTime(value); err == nil {
		return min(max(when.Sub(now.Truncate(time.Second)), 0), retryAfterCeiling), true
	}
	return 0, false
}

// ignoredRetryAfter is Retry.IgnoredRetryAfter for the failed attempt err.
func ignoredRetryAfter(err error) string {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.ignoredRetryAfter
	}
	return ""
}

// sleep waits for d, or returns early with the context's error.
func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
