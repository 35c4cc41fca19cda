package megallm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ListModels returns the whole catalog in the order the API sent it, and the
// problems DecodeModels worked around in it. Failed
// attempts that are worth retrying (429, 500, 502, 503, 504, a refused or
// reset connection) are retried up to MaxRetries times; a last failure says
// how many attempts were made when there was more than one.
// When ctx ends, the error satisfies errors.Is(err, ctx.Err()).
func (c *Client) ListModels(ctx context.Context) ([]Model, []Problem, error) {
	if c.apiKey == "" {
		return nil, nil, ErrMissingAPIKey
	}
	for attempt := 1; ; attempt++ {
		models, problems, err := c.listModelsOnce(ctx)
		if err == nil {
			return models, problems, nil
		}
		wait, retry, why := c.retry.next(ctx, attempt, err)
		if !retry {
			return nil, nil, stoppedBy(ctx, withAttempts(err, attempt, why))
		}
		if c.onRetry != nil {
			c.onRetry(ctx, Retry{Attempt: attempt, Of: c.retry.maxRetries + 1, Wait: wait, Err: err,
				IgnoredRetryAfter: ignoredRetryAfter(err)})
		}
		if sleepErr := sleep(ctx, wait); sleepErr != nil {
			return nil, nil, stoppedBy(ctx, withAttempts(err, attempt, fmt.Sprintf("stopped while waiting %s to retry: %v", wait.Round(time.Millisecond), sleepErr)))
		}
	}
}

// listModelsOnce makes one attempt, bounded by the timeout from the request
// to the last byte of the body.
func (c *Client) listModelsOnce(parent context.Context) ([]Model, []Problem, error) {
	ctx, cancel := parent, context.CancelFunc(func() {})
	if c.timeout > 0 {
		ctx, cancel = context.WithTimeout(parent, c.timeout)
	}
	defer cancel()

	models, problems, err := c.doListModels(ctx)
	if err != nil && parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, nil, &TimeoutError{Method: http.MethodGet, URL: c.ModelsURL(), Timeout: c.timeout}
	}
	return models, problems, err
}

func (c *Client) doListModels(ctx context.Context) ([]Model, []Problem, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.modelsURL.String(), nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	c.authScheme.setHeader(req.Header, c.apiKey)

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, c.redact.Error(c.boundRedirectTarget(err))
	}
	defer func() { _ = resp.Body.Close() }()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, nil, c.apiError(resp)
	}
	models, problems, err := c.decodeModels(resp)
	if moved, ok := c.movedTo(resp); ok && err == nil {
		problems = append([]Problem{moved}, problems...)
	}
	return models, problems, err
}

// movedTo is the CatalogMoved problem of resp, when only permanent
// redirects (301, 308) led its request elsewhere: each plan pays a request
// for them, which setting the base URL they lead to saves. It is named only
// when a base URL reads exactly where they led (a path that ends in /models,
// no query), without the key and whole in a quote, so that the advice works
// as written; otherwise there is no problem, as no configuration could stop
// its warning on every plan.
func (c *Client) movedTo(resp *http.Response) (Problem, bool) {
	final := resp.Request
	if c.finalURL(resp) == "" {
		return Problem{}, false
	}
	for r := final; r.Response != nil; r = r.Response.Request {
		if code := r.Response.StatusCode; code != http.StatusMovedPermanently && code != http.StatusPermanentRedirect {
			return Problem{}, false
		}
	}
	target := *final.URL
	target.Fragment, target.RawFragment = "", "" // not sent
	raw := strings.TrimSuffix(target.String(), "/models")
	base, err := ParseBaseURL(raw)
	if err != nil || base.JoinPath("models").String() != target.String() ||
		c.redact.String(base.String()) != base.String() || !QuotesWhole(base.String()) {
		return Problem{}, false
	}
	moved := Problem{Kind: CatalogMoved, Issue: "moved permanently to " + Quote(c.redact.String(target.String())),
		BaseURL: base.String(), KeyWithheld: keyWithheld(final)}
	if moved.KeyWithheld {
		moved.Issue += keyNotSent
	}
	return moved, true
}

// decodeModels decodes the body into the model list, reading at most maxBody
// bytes and keeping the first few for an error message.
func (c *Client) decodeModels(resp *http.Response) ([]Model, []Problem, error) {
	head := &headBuffer{limit: excerptBytes}
	transport := &readErrorOf{r: resp.Body}
	body := io.TeeReader(&limitedReader{r: transport, left: c.maxBody, limit: c.maxBody}, head)
	models, problems, err := c.redact.readModels(body, min(resp.ContentLength, c.maxBody))
	if err != nil && transport.err != nil {
		// The connection dropped inside the answer (its Content-Length or last
		// chunk never came): a transport error, which is retried.
		return nil, nil, c.redact.Error(&url.Error{Op: "Get", URL: c.ModelsURL(),
			Err: fmt.Errorf("the connection closed before the whole answer arrived: %w", transport.err)})
	}
	if err != nil {
		respErr := &ResponseError{Method: http.MethodGet, URL: c.ModelsURL(), FinalURL: c.finalURL(resp),
			StatusCode: resp.StatusCode, Excerpt: head.excerpt(c.redact), Err: c.redact.Error(err)}
		if said := (*ErrorAnswerError)(nil); errors.As(err, &said) {
			respErr.Excerpt = "" // err quotes what the API said
		}
		return nil, nil, respErr
	}
	return models, problems, nil
}
