package megallm

import (
	"encoding/json"
	"io"
	"net/http"
	"time"
)

func (c *Client) apiError(resp *http.Response) error {
	const maxErrorBody = 64 << 10
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	apiErr := &APIError{Method: http.MethodGet, URL: c.ModelsURL(), FinalURL: c.finalURL(resp), StatusCode: resp.StatusCode,
		KeyWithheld: keyWithheld(resp.Request)}
	retryAfter := resp.Header.Get("Retry-After")
	if apiErr.retryAfter, apiErr.hasRetryAfter = parseRetryAfter(retryAfter, time.Now()); retryAfter != "" && !apiErr.hasRetryAfter {
		apiErr.ignoredRetryAfter = Quote(c.redact.String(retryAfter))
	}
	if !apiErr.readBody(body, c.redact) {
		apiErr.Excerpt = c.redact.excerpt(body, len(body) == maxErrorBody)
		apiErr.Unread = apiErr.Excerpt != "" && !json.Valid(body)
	}
	return apiErr
}

// readBody sets e's Message, Type and Code from an error body, when body is
// one, with the key removed by r and cut as an excerpt; it reports whether
// it found any of them. Besides the API's shape,
// {"error":{"message","type","code"}}, it reads what gateways and frameworks
// send: a code that is a number, an "error" that is the message itself, and
// a "message" or "detail" (FastAPI's) at the top.
func (e *APIError) readBody(body []byte, r redactor) bool {
	var parsed errorResponse
	if json.Unmarshal(body, &parsed) != nil {
		return false
	}
	message := jsonText(parsed.Error, false)
	if message == "" {
		if object := parsed.errorObject(); object != nil {
			message = jsonText(object.Message, false)
			e.Type = r.excerpt([]byte(jsonText(object.Type, false)), false)
			e.Code = r.excerpt([]byte(jsonText(object.Code, true)), false)
		}
	}
	if message == "" {
		message = jsonText(parsed.Message, false)
	}
	if message == "" {
		message = jsonText(parsed.Detail, false)
	}
	e.Message = r.excerpt([]byte(message), false)
	return e.said() != ""
}

// jsonText is a JSON string's text, or with number, a JSON number as written;
// "" for any other value.
func jsonText(raw json.RawMessage, number bool) string {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return text
	}
	var n json.Number
	if number && json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}
