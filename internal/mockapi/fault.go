package mockapi

import (
	"encoding/json"
	"net/http"
)

// Fault is an answer the mock gives instead of the catalog.
type Fault struct {
	Status      int
	Body        string
	ContentType string
	// RetryAfter, when set, is sent as the Retry-After header.
	RetryAfter string
}

// Unauthorized is the spec's 401 answer.
func Unauthorized() Fault {
	return apiErrorFault(http.StatusUnauthorized, "Invalid authentication credentials", "invalid_request_error", "invalid_api_key")
}

// ServerError is the spec's 500 answer.
func ServerError() Fault {
	return apiErrorFault(http.StatusInternalServerError, "Internal server error", "api_error", "internal_error")
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

// MalformedJSON is a 200 answer whose body is cut off mid-document.
func MalformedJSON() Fault {
	return Fault{Status: http.StatusOK, ContentType: "application/json", Body: `{"object":"list","data":[{"id":"gpt-4o","type":`}
}

func apiErrorFault(status int, message, errType, code string) Fault {
	return Fault{Status: status, ContentType: "application/json", Body: errorBody(message, errType, code)}
}

func (f Fault) write(w http.ResponseWriter) {
	if f.ContentType != "" {
		w.Header().Set("Content-Type", f.ContentType)
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte(f.Body))
}

func writeError(w http.ResponseWriter, status int, message, errType, code string) {
	apiErrorFault(status, message, errType, code).write(w)
}

func errorBody(message, errType, code string) string {
	body, _ := json.Marshal(map[string]map[string]string{
		"error": {"message": message, "type": errType, "code": code},
	})
	return string(body)
}
