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

// TestExcerpts_leaveColoursOut: a body with ANSI colours, from a proxy that
// colours its log lines, is quoted without them, as a terminal shows it, so
// that a key they split is found whole.
func TestExcerpts_leaveColoursOut(t *testing.T) {
	t.Parallel()
	const key = "sk-h156-colour-Qp4Rs8Tu2Vw6"
	body := "\x1b[1;31mERROR\x1b[0m bad key sk-h156-c\x1b[33molour-Qp4\x1b[0mRs8Tu2Vw6 for \x1b[1mgpt-4o\x1b[m\n"
	rec := newRecorder(t, http.StatusBadGateway, "text/plain", body)
	_, _, err := newClient(t, megallm.Config{BaseURL: rec.URL + "/v1", APIKey: key}).ListModels(context.Background())
	var apiErr *megallm.APIError
	if !errors.As(err, &apiErr) || apiErr.Excerpt != "ERROR bad key *** for gpt-4o" {
		t.Errorf("err = %q, want an *APIError quoting %q", err, "ERROR bad key *** for gpt-4o")
	}
}
