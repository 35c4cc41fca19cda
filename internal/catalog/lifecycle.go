package catalog

import (
	"slices"
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
	// reached. It is nil for a status that no date gives (one written
	// without a date, or later than the dates give: Later).
	Since        *time.Time
	DeprecatedAt *time.Time
	RetiresAt    *time.Time
	Successor    *string
	// DaysToRetirement counts whole days (UTC) from now to RetiresAt, 0 on
	// and after that day; nil without a RetiresAt.
	DaysToRetirement *int64
	// DaysWritten is set where DaysToRetirement is the one written for the
	// model, fewer than RetiresAt gives (Later): no date says it.
	DaysWritten bool
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

// statusOrder is the order a model's statuses follow, from none known.
var statusOrder = []Status{"", StatusActive, StatusDeprecated, StatusRetired}

// Later is l, a model's lifecycle by its dates, with the status and days to
// retirement written for it ("" and nil when not) where they are later: the
// later status (retired, then deprecated, then active) and the fewer days, 0
// once retired. What is written can so make a lifecycle later than its dates
// give (a policy may deprecate without a date), never earlier: a model object
// saved on an earlier day, "active" then, is judged as of l's day.
func (l Lifecycle) Later(status Status, days *int64) Lifecycle {
	if slices.Index(statusOrder, status) > slices.Index(statusOrder, l.Status) {
		l.Status, l.Since = status, nil
	}
	if days != nil && (l.DaysToRetirement == nil || *days < *l.DaysToRetirement) {
		l.DaysToRetirement, l.DaysWritten = days, true
	}
	if l.Status == StatusRetired {
		l.DaysToRetirement = new(int64) // as LifecycleOf counts, also where no date says when
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
