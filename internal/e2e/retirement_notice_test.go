package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestRetirementNotice: a model that megallm_model uses and that retires
// within the policy's retirement_notice_days (90 by default) warns, though
// it is not deprecated, with the date, the days left and its successor; a
// day more, or a notice of 0, and it does not. Dates are relative to today.
func TestRetirementNotice(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, retiresAt, notice string
		want                    string // "" for no notice
	}{
		{"later today", day(0) + "T23:59:59Z", "", fmt.Sprintf(`retires on %sT23:59:59Z, today`, day(0))},
		{"tomorrow", day(1), "", fmt.Sprintf(`retires on %s, tomorrow`, day(1))},
		{"in 89 days", day(89), "", fmt.Sprintf(`retires on %s, in 89 days`, day(89))},
		{"in 90 days, the default notice", day(90), "", fmt.Sprintf(`retires on %s, in 90 days`, day(90))},
		{"in 91 days", day(91), "", ""},
		{"in 91 days, notice 120", day(91), "retirement_notice_days = 120", fmt.Sprintf(`retires on %s, in 91 days`, day(91))},
		{"tomorrow, notice off", day(1), "retirement_notice_days = 0", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, out, flat := planAgainstMock(t, fmt.Sprintf(`
provider "megallm" {
  policy = {
    %s
    models = { "gpt-4o" = { retires_at = %q, successor = "gpt-4.1", reason = "Vendor end of life" } }
  }
}
data "megallm_model" "m" { id = "gpt-4o" }
`, tc.notice, tc.retiresAt))
			shown := strings.Contains(flat, "Warning: MegaLLM model retiring soon")
			switch {
			case tc.want == "" && shown:
				t.Errorf("the plan gives notice, want none:\n%s", out)
			case tc.want == "":
			case !shown || !strings.Contains(flat, `Model "gpt-4o" `+tc.want+`: Vendor end of life. After that, this plan fails. `+
				`The provider's policy gives notice`) || !strings.Contains(flat, `Its successor is "gpt-4.1": move to it`):
				t.Errorf("the plan does not give notice with %q and the successor:\n%s", tc.want, out)
			}
		})
	}
}
