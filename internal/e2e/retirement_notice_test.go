package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestRetirementNotice: a model that megallm_model uses and that retires
// within the policy's retirement_notice_days (90 by default) warns, though
// it is not deprecated, with the date, the days left and its successor; a
// day more, or a notice of 0, and it does not. Dates are relative to today.
func TestRetirementNotice(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		days   int    // from today to the retirement
		at     string // its time of day, "" for a date
		notice string
		when   string // the notice's words for the days left, "" for no notice
	}{
		{"later today", 0, "T23:59:59Z", "", "today"},
		{"tomorrow", 1, "", "", "tomorrow"},
		{"in 89 days", 89, "", "", "in 89 days"},
		{"in 90 days, the default notice", 90, "", "", "in 90 days"},
		{"in 91 days", 91, "", "", ""},
		{"in 91 days, notice 120", 91, "", "retirement_notice_days = 120", "in 91 days"},
		{"tomorrow, notice off", 1, "", "retirement_notice_days = 0", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var flat string
			var err error
			day := onOneDay(t, func(day func(int) string) {
				flat, err = plan(t, mockapi.NewTestServer(t, ""), fmt.Sprintf(`
provider "megallm" {
  policy = {
    %s
    models = { "gpt-4o" = { retires_at = %q, successor = "gpt-4.1", reason = "Vendor end of life" } }
  }
}
data "megallm_model" "m" { id = "gpt-4o" }
`, tc.notice, day(tc.days)+tc.at), nil)
			})
			if err != nil {
				t.Fatalf("plan failed: %v\n%s", err, flat)
			}
			want := fmt.Sprintf("retires on %s%s, %s", day(tc.days), tc.at, tc.when)
			shown := strings.Contains(flat, "Warning: MegaLLM model retiring soon")
			switch {
			case tc.when == "" && shown:
				t.Errorf("the plan gives notice, want none:\n%s", flat)
			case tc.when == "":
			case !shown || !strings.Contains(flat, `Model "gpt-4o" `+want+`: Vendor end of life. After that, this plan fails. `+
				`The provider's policy gives notice`) || !strings.Contains(flat, `Its successor is "gpt-4.1": move to it`):
				t.Errorf("the plan does not give notice with %q and the successor:\n%s", want, flat)
			}
		})
	}
}
