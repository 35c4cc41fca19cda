package megallm

import (
	"strings"
	"time"
)

// ParseDate reads a date as the API and the provider's arguments write it:
// an RFC 3339 date-time, also with a lower-case t or z or a space between
// date and time (which RFC 3339 allows), or a YYYY-MM-DD date, which is
// midnight UTC at its start. It is the one place a date is parsed.
func ParseDate(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if day, err := time.Parse(time.DateOnly, s); err == nil {
		return day, true
	}
	// T and Z are the only letters of an RFC 3339 date-time.
	upper := strings.ToUpper(s)
	if len(upper) > len(time.DateOnly) && upper[len(time.DateOnly)] == ' ' {
		upper = upper[:len(time.DateOnly)] + "T" + upper[len(time.DateOnly)+1:]
	}
	if t, err := time.Parse(time.RFC3339, upper); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// FormatDate writes a date as a model's attributes show it: RFC 3339, in
// the offset it was written with, with its fraction of a second if any. A
// date-only value is midnight UTC: "2025-06-01T00:00:00Z".
func FormatDate(t time.Time) string {
	return t.Format(time.RFC3339Nano)
}
