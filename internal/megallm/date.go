package megallm

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrNotADate is ParseDate's error for a string in none of its forms.
var ErrNotADate = errors.New("not a date")

// DateForms describes the dates ParseDate reads, with examples: the one
// wording of them, for the user's arguments and the catalog's fields alike.
const DateForms = `an RFC 3339 date-time such as "2025-01-31T12:00:00Z" or a date such as "2025-01-31" (midnight UTC)`

// The UTC offsets time zones use (UTC-12 to UTC+14), in seconds.
const minOffset, maxOffset = -12 * 3600, 14 * 3600

// ParseDate reads a date as the API and the provider's arguments write it:
// an RFC 3339 date-time, also with a lower-case t or z or a space between
// date and time (which RFC 3339 allows), or a YYYY-MM-DD date, which is
// midnight UTC at its start. It is the one place a date is parsed. An
// offset no time zone uses (beyond -12:00 to +14:00, or with minutes over
// 59, which time.Parse takes up to +24:60) is an error, not a date moved
// by a day: it is almost surely a typo. A date-time without an offset is
// ErrNotADate with the UTC one to write.
func ParseDate(s string) (time.Time, error) {
	t, ok := parseDateForms(s)
	if !ok {
		if utc, zoneless := parseDateForms(s + "Z"); zoneless && len(s) > len(time.DateOnly) {
			return time.Time{}, fmt.Errorf("%w, as a date-time needs a time zone: write %s for UTC, or end it with its "+
				"zone's offset, such as +02:00", ErrNotADate, Quote(FormatDate(utc)))
		}
		if _, err := time.Parse(time.DateOnly, s[:min(len(s), len(time.DateOnly))]); err != nil &&
			strings.HasSuffix(err.Error(), "day out of range") { // "2026-06-31": the form is right, the day is not
			month, _ := time.Parse("2006-01", s[:len("2006-01")])
			return t, dayError{month}
		}
		return t, ErrNotADate
	}
	written := "+00:00" // Z, or a date alone
	if len(s) > len(time.DateOnly) && !strings.HasSuffix(strings.ToUpper(s), "Z") {
		written = s[len(s)-len("+00:00"):]
	}
	if _, offset := t.Zone(); offset < minOffset || offset > maxOffset || written[4:] > "59" {
		return time.Time{}, fmt.Errorf("a date-time whose UTC offset, %s, no time zone uses: "+
			"offsets go from -12:00 to +14:00, with minutes from 00 to 59", written)
	}
	return t, nil
}

// dayError is ParseDate's error for a date of the right form whose day its
// month lacks: it says how many days the month has.
type dayError struct{ month time.Time }

func (e dayError) Error() string {
	return fmt.Sprintf("%v: %s has %d days", ErrNotADate, e.month.Format("January 2006"), e.month.AddDate(0, 1, -1).Day())
}

func (e dayError) Unwrap() error { return ErrNotADate }

// parseDateForms reads s in the forms ParseDate describes.
func parseDateForms(s string) (time.Time, bool) {
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
