package provider

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// positiveDuration is what request_timeout must be.
const positiveDuration = `a positive Go duration such as "30s", "1m" or "1m30s"`

// positiveDurationValidator accepts a Go duration string greater than zero.
var positiveDurationValidator = argumentCheck{
	describes: positiveDuration,
	str: func(_, s string) string {
		d, err := time.ParseDuration(s)
		if err == nil && d > 0 {
			return ""
		}
		// Written as a Go duration, but too long for one: with its digits as 1s, it parses.
		if short, shortErr := time.ParseDuration(digits.ReplaceAllString(s, "1")); err != nil && shortErr == nil && short > 0 {
			return fmt.Sprintf("%s is too long: a Go duration holds at most %dh (about 292 years). The value must be %s.",
				megallm.Quote(s), math.MaxInt64/int64(time.Hour), positiveDuration)
		}
		hint := ""
		if d, ok := goDuration(s); ok && megallm.QuotesWhole(d) { // a cut one cannot be copied
			hint = didYouMean([]string{d})
			if _, iso := isoDuration(s); unitM.MatchString(s) && !iso { // an ISO 8601 M after T is minutes
				hint = fmt.Sprintf(" If M means minutes, write %s (a lower-case m); a Go duration has no unit for months.", megallm.Quote(d))
			}
		}
		return fmt.Sprintf("%s is not a positive duration: the value must be %s. Units are ns, us, ms, s, m and h.%s",
			megallm.Quote(s), positiveDuration, hint)
	},
}

// digits matches a run of digits.
var digits = regexp.MustCompile(`\d+`)

// spelledDuration matches a duration as people write it, compacted: "30" (seconds), "30sec", "2hours", "1d".
var spelledDuration = regexp.MustCompile(`^(\d+(?:\.\d+)?)(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)?$`)

// unitM matches an upper-case M written as a unit ("10M", "1H30M"), which
// reads as minutes to some and months to others: Go's minutes are "m".
var unitM = regexp.MustCompile(`\d\s*M(?:[^A-Za-z]|$)`)

// isoForm matches an ISO 8601 duration, lower-cased, in the units of fixed
// length (weeks to seconds, not years or months): "pt30s", "p1dt2h", "pt0,5s".
var isoForm = regexp.MustCompile(`^p(?:(\d+)w)?(?:(\d+)d)?(?:t(?:(\d+(?:[.,]\d+)?)h)?(?:(\d+(?:[.,]\d+)?)m)?(?:(\d+(?:[.,]\d+)?)s)?)?$`)

// isoDuration is s, an ISO 8601 duration such as "PT30S" or "P1D", as a Go
// duration ("30s", "24h"); false when s is none (isoForm) or is zero.
func isoDuration(s string) (string, bool) {
	compact := strings.ToLower(strings.Join(strings.Fields(s), ""))
	m := isoForm.FindStringSubmatch(compact)
	if m == nil || strings.HasSuffix(compact, "t") {
		return "", false
	}
	number := func(i int) float64 { // 0 for a unit left out
		n, _ := strconv.ParseFloat(strings.Replace(m[i], ",", ".", 1), 64)
		return n
	}
	var d strings.Builder
	for i, n := range []float64{7*24*number(1) + 24*number(2) + number(3), number(4), number(5)} {
		if n > 0 {
			d.WriteString(strconv.FormatFloat(n, 'f', -1, 64) + []string{"h", "m", "s"}[i])
		}
	}
	return d.String(), d.Len() > 0
}

// goDuration is s, a positive duration as people write it ("30", "90 Seconds",
// "1d", "PT30S"), as a Go duration ("30s", "24h"); false when no Go duration holds it.
func goDuration(s string) (string, bool) {
	compact := strings.ToLower(strings.Join(strings.Fields(s), ""))
	if iso, ok := isoDuration(s); ok {
		compact = iso
	}
	if d, err := time.ParseDuration(compact); err == nil && d > 0 {
		return compact, true
	}
	m := spelledDuration.FindStringSubmatch(compact)
	if m == nil {
		return "", false
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil || n <= 0 {
		return "", false
	}
	suggestion := m[1] + cmp.Or(m[2], "s")[:1]
	if m[2] != "" && m[2][0] == 'd' { // a Go duration has no days
		suggestion = strconv.FormatFloat(n*24, 'f', -1, 64) + "h"
	}
	// Only advice that request_timeout takes: not a duration beyond Go's
	// (about 290 years), nor one under a nanosecond, which is zero.
	if d, err := time.ParseDuration(suggestion); err != nil || d <= 0 {
		return "", false
	}
	return suggestion, true
}
