package mockapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"
)

// Fault is an answer the mock gives instead of the catalog.
type Fault struct {
	Status      int
	Body        string
	ContentType string
	// RetryAfter, when set, is sent as the Retry-After header.
	RetryAfter string
	// Location, when set, is sent as the Location header (for redirects).
	Location string
	// Padding is a number of spaces sent after Body, to make a huge body.
	Padding int64
	// Stall is how long the mock waits after sending the headers and Body,
	// before the padding and the end of the answer: a server slow mid-body.
	Stall time.Duration

	// echo, when set, makes Body from the request: a server that repeats
	// what it received.
	echo func(r *http.Request) string
}

// Unauthorized is the spec's 401 answer.
func Unauthorized() Fault {
	return apiErrorFault(http.StatusUnauthorized, "Invalid authentication credentials", "invalid_request_error", "invalid_api_key")
}

// ServerError is the spec's 500 answer.
func ServerError() Fault {
	return apiErrorFault(http.StatusInternalServerError, "Internal server error", "api_error", "internal_error")
}

// CredentialsEcho is a 401 whose message quotes the credential the request
// carried, as some gateways do: "bad credentials: Bearer KEY".
func CredentialsEcho() Fault {
	f := Fault{Status: http.StatusUnauthorized, ContentType: "application/json"}
	f.echo = func(r *http.Request) string {
		credential := "x-api-key " + r.Header.Get("x-api-key")
		if auth := r.Header.Get("Authorization"); auth != "" {
			credential = auth
		}
		return errorBody("bad credentials: "+credential, "invalid_request_error", "invalid_api_key")
	}
	return f
}

// HeadersEcho is a 200 whose body lists the request's headers as JSON, like
// httpbin's /headers (credentials first): a base_url that points at an echo
// service, not the API.
func HeadersEcho() Fault {
	f := Fault{Status: http.StatusOK, ContentType: "application/json"}
	f.echo = func(r *http.Request) string {
		var echo struct { // credentials first, so that the start an error quotes holds them
			Credentials map[string]string `json:"credentials"`
			Headers     map[string]string `json:"headers"`
		}
		echo.Credentials, echo.Headers = map[string]string{}, map[string]string{}
		for name := range r.Header {
			into := echo.Headers
			if name == "Authorization" || name == "X-Api-Key" {
				into = echo.Credentials
			}
			into[name] = r.Header.Get(name)
		}
		body, _ := json.MarshalIndent(echo, "", "  ")
		return string(body)
	}
	return f
}

// RateLimited is a 429 answer asking to retry after the given seconds.
func RateLimited(retryAfter string) Fault {
	f := apiErrorFault(http.StatusTooManyRequests, "Rate limit exceeded", "rate_limit_error", "rate_limit_exceeded")
	f.RetryAfter = retryAfter
	return f
}

// HTMLPage is an HTML error page such as a proxy in front of the API sends.
func HTMLPage(status int) Fault {
	return Fault{
		Status:      status,
		ContentType: "text/html",
		Body:        "<html><head><title>" + http.StatusText(status) + "</title></head><body><h1>" + http.StatusText(status) + "</h1></body></html>",
	}
}

// Redirect sends the client to location with the given 3xx status.
func Redirect(status int, location string) Fault {
	return Fault{Status: status, Location: location}
}

// HugeBody is a 200 answer that starts a model list and then sends size
// bytes of white space, for testing a client's limit on what it reads.
func HugeBody(size int64) Fault {
	return Fault{Status: http.StatusOK, ContentType: "application/json", Body: `{"object":"list","data":[`, Padding: size}
}

// SlowBody is a 200 answer that sends its first bytes and then stalls.
func SlowBody(stall time.Duration) Fault {
	return Fault{Status: http.StatusOK, ContentType: "application/json", Body: `{"object":"list",`, Stall: stall}
}

// MalformedJSON is a 200 answer whose body is cut off mid-document.
func MalformedJSON() Fault {
	return Fault{Status: http.StatusOK, ContentType: "application/json", Body: `{"object":"list","data":[{"id":"gpt-4o","type":`}
}

func apiErrorFault(status int, message, errType, code string) Fault {
	return Fault{Status: status, ContentType: "application/json", Body: errorBody(message, errType, code)}
}

func (f Fault) write(w http.ResponseWriter, r *http.Request) {
	if f.ContentType != "" {
		w.Header().Set("Content-Type", f.ContentType)
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	if f.Location != "" {
		w.Header().Set("Location", f.Location)
	}
	body := f.Body
	if f.echo != nil {
		body = f.echo(r)
	}
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte(body))
	if f.Stall > 0 {
		if flusher, ok := w.(http.Flusher); ok {
			flusher.Flush()
		}
		select {
		case <-time.After(f.Stall):
		case <-r.Context().Done():
			return
		}
	}
	if f.Padding > 0 {
		chunk := bytes.Repeat([]byte(" "), 64<<10)
		for left := f.Padding; left > 0; left -= int64(len(chunk)) {
			if _, err := w.Write(chunk[:min(left, int64(len(chunk)))]); err != nil {
				return // the client stopped reading
			}
		}
	}
}

func writeError(w http.ResponseWriter, r *http.Request, status int, message, errType, code string) {
	apiErrorFault(status, message, errType, code).write(w, r)
}

func errorBody(message, errType, code string) string {
	body, _ := json.Marshal(map[string]map[string]string{
		"error": {"message": message, "type": errType, "code": code},
	})
	return string(body)
}
