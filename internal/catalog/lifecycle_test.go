package catalog

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// lifecycleText writes l on one line, for comparing and printing.
func lifecycleText(l Lifecycle) string {
	date := func(t *time.Time) string {
		if t == nil {
			return "-"
		}
		return t.Format(time.RFC3339)
	}
	successor, days := "-", "-"
	if l.Successor != nil {
		successor = *l.Successor
	}
	if l.DaysToRetirement != nil {
		days = fmt.Sprint(*l.DaysToRetirement)
	}
	return fmt.Sprintf("status=%q deprecated=%s retires=%s successor=%s days=%s",
		l.Status, date(l.DeprecatedAt), date(l.RetiresAt), successor, days)
}

func TestLifecycleOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		model megallm.Model
		now   time.Time
		want  string
	}{
		{"no dates", megallm.Model{}, fixedNow,
			`status="" deprecated=- retires=- successor=- days=-`},
		{"a successor alone gives no status", megallm.Model{Successor: ptr("next")}, fixedNow,
			`status="" deprecated=- retires=- successor=next days=-`},

		// Days are calendar days in UTC: from the 10th at 15:00 to the 1st at
		// midnight is 21.375 days, and 22 calendar days.
		{"retires in the future", megallm.Model{RetiresAt: date("2026-04-01T00:00:00Z")}, fixedNow,
			`status="active" deprecated=- retires=2026-04-01T00:00:00Z successor=- days=22`},
		{"retires the next day, a minute later", megallm.Model{RetiresAt: date("2026-03-11T00:00:00Z")},
			time.Date(2026, time.March, 10, 23, 59, 0, 0, time.UTC),
			`status="active" deprecated=- retires=2026-03-11T00:00:00Z successor=- days=1`},
		{"retires later the same UTC day, the next local day", megallm.Model{RetiresAt: date("2026-03-11T01:00:00+02:00")}, fixedNow,
			`status="active" deprecated=- retires=2026-03-11T01:00:00+02:00 successor=- days=0`},
		{"now in another zone counts in UTC", megallm.Model{RetiresAt: date("2026-04-01T00:00:00Z")},
			time.Date(2026, time.March, 11, 1, 0, 0, 0, time.FixedZone("", 3*3600)), // the 10th, 22:00 UTC
			`status="active" deprecated=- retires=2026-04-01T00:00:00Z successor=- days=22`},
		{"retires in more than 292 years", megallm.Model{RetiresAt: date("2400-03-10T00:00:00Z")}, fixedNow,
			`status="active" deprecated=- retires=2400-03-10T00:00:00Z successor=- days=136601`},
		{"the API's deprecation after its retirement is read as the retirement", megallm.Model{
			DeprecatedAt: date("2027-06-01T00:00:00Z"), RetiresAt: date("2027-01-01T00:00:00Z")}, fixedNow,
			`status="active" deprecated=2027-01-01T00:00:00Z retires=2027-01-01T00:00:00Z successor=- days=297`},
		{"deprecation to come", megallm.Model{DeprecatedAt: date("2026-03-11T00:00:00Z")}, fixedNow,
			`status="active" deprecated=2026-03-11T00:00:00Z retires=- successor=- days=-`},

		{"deprecated", megallm.Model{DeprecatedAt: date("2026-03-01T00:00:00Z"), RetiresAt: date("2026-06-01T00:00:00Z"), Successor: ptr("next")},
			fixedNow, `status="deprecated" deprecated=2026-03-01T00:00:00Z retires=2026-06-01T00:00:00Z successor=next days=83`},
		{"deprecated from that instant", megallm.Model{DeprecatedAt: date("2026-03-10T15:00:00Z")}, fixedNow,
			`status="deprecated" deprecated=2026-03-10T15:00:00Z retires=- successor=- days=-`},
		{"deprecated, a second before", megallm.Model{DeprecatedAt: date("2026-03-10T15:00:01Z")}, fixedNow,
			`status="active" deprecated=2026-03-10T15:00:01Z retires=- successor=- days=-`},

		{"retired at that instant", megallm.Model{RetiresAt: date("2026-03-10T15:00:00Z")}, fixedNow,
			`status="retired" deprecated=- retires=2026-03-10T15:00:00Z successor=- days=0`},
		{"retired since", megallm.Model{DeprecatedAt: date("2025-12-01T00:00:00Z"), RetiresAt: date("2026-03-01T00:00:00Z"), Successor: ptr("next")},
			fixedNow, `status="retired" deprecated=2025-12-01T00:00:00Z retires=2026-03-01T00:00:00Z successor=next days=0`},
		{"retired without a deprecation", megallm.Model{RetiresAt: date("2025-01-01T00:00:00Z")}, fixedNow,
			`status="retired" deprecated=- retires=2025-01-01T00:00:00Z successor=- days=0`},

		// A time of day counts to the second, in any offset.
		{"retires at a time of day, later", megallm.Model{RetiresAt: date("2026-03-10T18:30:00+01:00")}, fixedNow,
			`status="active" deprecated=- retires=2026-03-10T18:30:00+01:00 successor=- days=0`},
		{"retires at a time of day, reached", megallm.Model{RetiresAt: date("2026-03-10T18:30:00+01:00")},
			time.Date(2026, time.March, 10, 17, 30, 0, 0, time.UTC),
			`status="retired" deprecated=- retires=2026-03-10T18:30:00+01:00 successor=- days=0`},

		// The extreme offsets: local midnight of the 1st is the 31st, 10:00
		// UTC at +14:00, and the 1st, 12:00 UTC at -12:00.
		{"+14:00, a second before", megallm.Model{RetiresAt: date("2026-04-01T00:00:00+14:00")},
			time.Date(2026, time.March, 31, 9, 59, 59, 0, time.UTC),
			`status="active" deprecated=- retires=2026-04-01T00:00:00+14:00 successor=- days=0`},
		{"+14:00, from 21 days away", megallm.Model{RetiresAt: date("2026-04-01T00:00:00+14:00")}, fixedNow,
			`status="active" deprecated=- retires=2026-04-01T00:00:00+14:00 successor=- days=21`},
		{"-12:00, at that instant", megallm.Model{RetiresAt: date("2026-04-01T00:00:00-12:00")},
			time.Date(2026, time.April, 1, 12, 0, 0, 0, time.UTC),
			`status="retired" deprecated=- retires=2026-04-01T00:00:00-12:00 successor=- days=0`},
		{"29 February", megallm.Model{RetiresAt: date("2028-02-29")}, time.Date(2028, time.February, 28, 23, 59, 59, 0, time.UTC),
			`status="active" deprecated=- retires=2028-02-29T00:00:00Z successor=- days=1`},
		{"the last day", megallm.Model{RetiresAt: date("9999-12-31T23:59:59-12:00")}, fixedNow,
			`status="active" deprecated=- retires=9999-12-31T23:59:59-12:00 successor=- days=2912375`},
		{"the first day", megallm.Model{DeprecatedAt: date("0001-01-01")}, fixedNow,
			`status="deprecated" deprecated=0001-01-01T00:00:00Z retires=- successor=- days=-`},
		// Year 0, which a policy may write (the catalog's is null): retired since then, counted without overflow.
		{"year 0", megallm.Model{DeprecatedAt: date("0000-01-01"), RetiresAt: date("0000-01-01T00:00:00+14:00")}, fixedNow,
			`status="retired" deprecated=0000-01-01T00:00:00+14:00 retires=0000-01-01T00:00:00+14:00 successor=- days=0`},
		{"deprecated and retired at once, a second before", megallm.Model{DeprecatedAt: date("2026-03-11"), RetiresAt: date("2026-03-11")},
			time.Date(2026, time.March, 10, 23, 59, 59, 0, time.UTC),
			`status="active" deprecated=2026-03-11T00:00:00Z retires=2026-03-11T00:00:00Z successor=- days=1`},
		{"deprecated and retired at once, reached", megallm.Model{DeprecatedAt: date("2026-03-11"), RetiresAt: date("2026-03-11")},
			time.Date(2026, time.March, 11, 0, 0, 0, 0, time.UTC),
			`status="retired" deprecated=2026-03-11T00:00:00Z retires=2026-03-11T00:00:00Z successor=- days=0`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := lifecycleText(LifecycleOf(&tc.model, tc.now)); got != tc.want {
				t.Errorf("LifecycleOf at %s =\n%s\nwant\n%s", tc.now.Format(time.RFC3339), got, tc.want)
			}
			wantRetired := LifecycleOf(&tc.model, tc.now).Status == StatusRetired
			if got := Retired(&tc.model, tc.now); got != wantRetired {
				t.Errorf("Retired = %v, want %v", got, wantRetired)
			}
		})
	}
}

// TestStated: a model object's lifecycle is what it states, read with no
// clock, so that a provider function gives one answer on any day; what
// LifecycleOf gives, stated, is LifecycleOf's, as a data source's object is
// read back.
func TestStated(t *testing.T) {
	t.Parallel()
	retiredLongAgo := megallm.Model{RetiresAt: date("2020-01-01")}
	deprecatedAgo := megallm.Model{DeprecatedAt: date("2026-03-01"), RetiresAt: date("2026-06-01")} // 83 days left
	tests := []struct {
		name   string
		model  megallm.Model
		status Status
		days   *int64
		want   string
	}{
		{"dates alone give nothing", deprecatedAgo, "", nil,
			`status="" deprecated=2026-03-01T00:00:00Z retires=2026-06-01T00:00:00Z successor=- days=- since=-`},
		{"what the dates give, written", deprecatedAgo, StatusDeprecated, ptr(int64(83)),
			`status="deprecated" deprecated=2026-03-01T00:00:00Z retires=2026-06-01T00:00:00Z successor=- days=83 since=2026-03-01T00:00:00Z`},
		// Saved on an earlier day: as it was then, whatever the day now.
		{"active, retired since", retiredLongAgo, StatusActive, ptr(int64(40)),
			`status="active" deprecated=- retires=2020-01-01T00:00:00Z successor=- days=40 since=-`},
		{"retired is 0 days, since its date", deprecatedAgo, StatusRetired, ptr(int64(83)),
			`status="retired" deprecated=2026-03-01T00:00:00Z retires=2026-06-01T00:00:00Z successor=- days=0 since=2026-06-01T00:00:00Z`},
		{"deprecated without a date", megallm.Model{}, StatusDeprecated, nil,
			`status="deprecated" deprecated=- retires=- successor=- days=- since=-`},
		{"retired without a date is 0 days", megallm.Model{}, StatusRetired, nil,
			`status="retired" deprecated=- retires=- successor=- days=0 since=-`},
		{"days without a date", megallm.Model{}, StatusActive, ptr(int64(30)),
			`status="active" deprecated=- retires=- successor=- days=30 since=-`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			l := Stated(&tc.model, tc.status, tc.days)
			since := "-"
			if l.Since != nil {
				since = l.Since.Format(time.RFC3339)
			}
			if got := lifecycleText(l) + " since=" + since; got != tc.want {
				t.Errorf("Stated(%q, days) =\n%s\nwant\n%s", tc.status, got, tc.want)
			}
		})
	}
	for _, m := range []megallm.Model{retiredLongAgo, deprecatedAgo, {RetiresAt: date("2026-04-01")}, {}} {
		for _, now := range []time.Time{fixedNow, fixedNow.AddDate(0, 3, 0)} {
			want := LifecycleOf(&m, now)
			stated := megallm.Model{DeprecatedAt: want.DeprecatedAt, RetiresAt: want.RetiresAt}
			if got := Stated(&stated, want.Status, want.DaysToRetirement); !reflect.DeepEqual(got, want) {
				t.Errorf("LifecycleOf, stated =\n%+v\nwant\n%+v", got, want)
			}
		}
	}
}

func TestFormatDate(t *testing.T) {
	t.Parallel()
	plus2 := time.FixedZone("", 2*3600)
	tests := []struct {
		name string
		at   time.Time
		want string
	}{
		{"midnight UTC is the day alone", time.Date(2026, time.April, 1, 0, 0, 0, 0, time.UTC), "2026-04-01"},
		{"midnight UTC written in another offset", time.Date(2026, time.April, 1, 2, 0, 0, 0, plus2), "2026-04-01"},
		{"local midnight is not midnight UTC", time.Date(2026, time.April, 1, 0, 0, 0, 0, plus2), "2026-04-01T00:00:00+02:00"},
		{"a time of day", time.Date(2026, time.March, 10, 12, 0, 0, 0, time.UTC), "2026-03-10T12:00:00Z"},
		{"a second after midnight", time.Date(2026, time.April, 1, 0, 0, 1, 0, time.UTC), "2026-04-01T00:00:01Z"},
		// Not midnight, so not written as if it were: the fraction stays.
		{"half a second after midnight", time.Date(2026, time.April, 1, 0, 0, 0, 5e8, time.UTC), "2026-04-01T00:00:00.5Z"},
		{"the first day, in an offset", time.Date(1, time.January, 1, 10, 0, 0, 0, time.FixedZone("", 10*3600)), "0001-01-01"},
		{"the last day", time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC), "9999-12-31"},
	}
	for _, tc := range tests {
		if got := FormatDate(tc.at); got != tc.want {
			t.Errorf("%s: FormatDate(%s) = %q, want %q", tc.name, tc.at.Format(time.RFC3339Nano), got, tc.want)
		}
	}
}
