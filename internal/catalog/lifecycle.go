package catalog

import (
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Status is where a model is in its lifecycle.
type Status string

// The statuses a model can have. A model with no known date has none ("").
const (
	StatusActive     Status = "active"
	StatusDeprecated Status = "deprecated"
	StatusRetired    Status = "retired"
)

// Lifecycle is a model's lifecycle on a given day: what the API reports,
// else what the policy says, and the status both give.
type Lifecycle struct {
	// Status is "" when neither date is known.
	Status Status
	// Since is the date Status holds from: DeprecatedAt or RetiresAt, once
	// reached (by a model object, as it states it). It is nil for a status
	// that no date gives.
	Since        *time.Time
	DeprecatedAt *time.Time
	RetiresAt    *time.Time
	Successor    *string
	// DaysToRetirement counts whole days (UTC) from now to RetiresAt, 0 on
	// and after that day; nil without a RetiresAt.
	DaysToRetirement *int64
	// DeprecatedAtUnreadable and RetiresAtUnreadable are the model's: a date
	// the API sent that could not be read, so the lifecycle is not known.
	DeprecatedAtUnreadable, RetiresAtUnreadable bool
}

// LifecycleOf is m's lifecycle at now: retired from RetiresAt on, deprecated
// from DeprecatedAt on, active before either, and no status without a date.
func LifecycleOf(m *megallm.Model, now time.Time) Lifecycle {
	l := Lifecycle{DeprecatedAt: m.DeprecatedAt, RetiresAt: m.RetiresAt, Successor: m.Successor,
		DeprecatedAtUnreadable: m.DeprecatedAtUnreadable, RetiresAtUnreadable: m.RetiresAtUnreadable}
	if l.DeprecatedAt != nil && l.RetiresAt != nil && l.RetiresAt.Before(*l.DeprecatedAt) {
		l.DeprecatedAt = l.RetiresAt // retired first, by the API's dates or the policy's: deprecated no later than that
	}
	switch {
	case reached(l.RetiresAt, now):
		l.Status, l.Since = StatusRetired, l.RetiresAt
	case reached(l.DeprecatedAt, now):
		l.Status, l.Since = StatusDeprecated, l.DeprecatedAt
	case l.RetiresAt != nil || l.DeprecatedAt != nil:
		l.Status = StatusActive
	}
	if l.RetiresAt != nil {
		days := int64(0)
		if l.Status != StatusRetired {
			days = daysBetween(now, *l.RetiresAt)
		}
		l.DaysToRetirement = &days
	}
	return l
}

// Stated is the lifecycle a model object states: its dates, successor and
// marks, and the status and days to retirement written in it ("" and nil when
// not), which a data source computed for the day it read the model; 0 days
// once retired, as LifecycleOf counts, also where no date says when. It reads
// no clock: a provider function judges a model by it, and Terraform requires a
// function to return at apply what it returned at plan, which a lifecycle
// judged against today would not, for a plan saved on one day and applied on
// the next.
func Stated(m *megallm.Model, status Status, days *int64) Lifecycle {
	l := Lifecycle{Status: status, DeprecatedAt: m.DeprecatedAt, RetiresAt: m.RetiresAt, Successor: m.Successor,
		DaysToRetirement: days, DeprecatedAtUnreadable: m.DeprecatedAtUnreadable, RetiresAtUnreadable: m.RetiresAtUnreadable}
	switch status {
	case StatusRetired:
		l.Since, l.DaysToRetirement = l.RetiresAt, new(int64)
	case StatusDeprecated:
		l.Since = l.DeprecatedAt
	}
	return l
}

// Retired reports whether m is retired at now.
func Retired(m *megallm.Model, now time.Time) bool {
	return reached(m.RetiresAt, now)
}

// ServedAfter reports whether m is still served when model retires: either
// has no retirement date, or m retires later.
func ServedAfter(m, model *megallm.Model) bool {
	return model.RetiresAt == nil || m.RetiresAt == nil || m.RetiresAt.After(*model.RetiresAt)
}

// reached reports whether date is set and now is on or after it.
func reached(date *time.Time, now time.Time) bool {
	return date != nil && !now.Before(*date)
}

// daysBetween counts the calendar days (UTC) from a to b. It counts in Unix
// seconds: a time.Duration saturates at about 292 years.
func daysBetween(a, b time.Time) int64 {
	day := func(t time.Time) int64 {
		y, m, d := t.UTC().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	}
	return (day(b) - day(a)) / (24 * 60 * 60)
}

// FormatDate writes a lifecycle date for a message: the day alone when it is
// midnight UTC, as a YYYY-MM-DD date reads, else as the attribute shows it.
func FormatDate(t time.Time) string {
	if t.UTC().Equal(t.UTC().Truncate(24 * time.Hour)) {
		return t.UTC().Format(time.DateOnly)
	}
	return megallm.FormatDate(t)
}
