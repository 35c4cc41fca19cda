package megallm_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

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
