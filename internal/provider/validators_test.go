package provider

import (
	"errors"
	"strings"
	"testing"
)

// A dynamic argument's mistakes are each a sentence in a data source's
// detail, ended once: not after a period, a question or a colon.
func TestSentences(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{
		"got 1.5: write 1 or 2":                   "got 1.5: write 1 or 2.",
		"a\nb?\nc.\nd:\nand 3 more":               "a.\nb?\nc.\nd:\nand 3 more.",
		`Its attributes are "a" and "b".`:         `Its attributes are "a" and "b".`,
		`has no attribute "x". Did you mean "y"?`: `has no attribute "x". Did you mean "y"?`,
	} {
		if got := sentences(errors.New(text)); got != want {
			t.Errorf("sentences(%q) = %q, want %q", text, got, want)
		}
	}
}

// request_timeout, written as people write durations, gets the Go duration
// it means as "did you mean", and the advice is one request_timeout takes.
func TestPositiveDuration_didYouMean(t *testing.T) {
	t.Parallel()
	for typed, want := range map[string]string{
		"30": "30s", "30 s": "30s", " 1m30s ": "1m30s", "30S": "30s", "90 Seconds": "90s", "45sec": "45s",
		"2 mins": "2m", "1 minute": "1m", "1d": "24h", "1.5 days": "36h", "2 hours": "2h", "1hr": "1h", "0.5": "0.5s",
		"10MIN": "10m", "10 Minutes": "10m", "10MS": "10ms", "2H": "2h",
		// ISO 8601, in units of fixed length; a day is 24 hours, and an M after T is minutes.
		"PT30S": "30s", "PT1M": "1m", "P1D": "24h", "pt1h30m": "1h30m", "PT0,5S": "0.5s", "P1W": "168h", "P1DT2H": "26h",
	} {
		detail := positiveDurationValidator.str("request_timeout", typed)
		if !strings.Contains(detail, `Did you mean "`+want+`"?`) {
			t.Errorf("%q: got %q, want it to suggest %q", typed, detail, want)
		}
		if positiveDurationValidator.str("request_timeout", want) != "" {
			t.Errorf("%q suggests %q, which request_timeout refuses", typed, want)
		}
	}
	// An upper-case M is minutes or months: both readings are named, and the
	// minutes one is a duration request_timeout takes.
	for typed, want := range map[string]string{"10M": "10m", "10 M": "10m", "1H30M": "1h30m", "2M30S": "2m30s", "1.5M": "1.5m"} {
		detail := positiveDurationValidator.str("request_timeout", typed)
		if !strings.Contains(detail, `If M means minutes, write "`+want+`" (a lower-case m); a Go duration has no unit for months.`) ||
			strings.Contains(detail, "Did you mean") {
			t.Errorf("%q: got %q, want both readings of M and %q for minutes", typed, detail, want)
		}
		if positiveDurationValidator.str("request_timeout", want) != "" {
			t.Errorf("%q suggests %q, which request_timeout refuses", typed, want)
		}
	}
	for _, typed := range []string{"soon", "0", "0 d", "-1d", "1 week", "d", "1e3", "inf",
		"99999999999", "200000 days", "0.0000000001", // beyond a Go duration, or under a nanosecond
		"P1M", "P1Y", "PT0S", "PT", "P1DT"} { // ISO 8601 months and years have no fixed length
		if detail := positiveDurationValidator.str("request_timeout", typed); strings.Contains(detail, "Did you mean") {
			t.Errorf("%q: got %q, want no suggestion", typed, detail)
		}
	}
	// A Go duration too long to quote whole is not suggested cut, which could not be copied.
	for _, typed := range []string{strings.Repeat("1H", 40), strings.Repeat("1M", 40)} {
		if detail := positiveDurationValidator.str("request_timeout", typed); strings.Count(detail, "…") != 1 {
			t.Errorf("%.8q…: got %q, want no suggestion quoted cut", typed, detail)
		}
	}
}

// auth_scheme, written as the header or the word for it, gets the scheme
// it means as "did you mean", not the closest spelling ("header" is close to
// "bearer"), and every suggestion is a scheme auth_scheme takes.
func TestAuthScheme_didYouMean(t *testing.T) {
	t.Parallel()
	for typed, want := range map[string]string{
		"header": "x-api-key", "api-key": "x-api-key", "apikey": "x-api-key", "api_key": "x-api-key", "x-api-key:": "x-api-key",
		"X-Api-Key header": "x-api-key", "X-API-KEY": "x-api-key", "Authorization": "bearer", "Authorization: Bearer": "bearer",
		"Bearer token": "bearer", "token": "bearer", "Bearer": "bearer", "bearer ": "bearer",
	} {
		if detail := authSchemeValidator.str("auth_scheme", typed); !strings.Contains(detail, `Did you mean "`+want+`"?`) {
			t.Errorf("%q: got %q, want it to suggest %q alone", typed, detail, want)
		}
		if authSchemeValidator.str("auth_scheme", want) != "" {
			t.Errorf("%q suggests %q, which auth_scheme refuses", typed, want)
		}
	}
	for _, typed := range []string{"basic", "oauth", "none"} {
		if detail := authSchemeValidator.str("auth_scheme", typed); strings.Contains(detail, "Did you mean") {
			t.Errorf("%q: got %q, want no suggestion", typed, detail)
		}
	}
}

// base_url without its scheme, or with http's mistyped, gets the URL it
// means: http:// for this machine, https:// elsewhere (plain http would send
// the key unencrypted); base_url takes the suggestion, and no
// unencrypted-key warning follows it.
// Something that names no host, such as a key, gets none.
func TestBaseURL_didYouMean(t *testing.T) {
	t.Parallel()
	for typed, want := range map[string]string{
		"127.0.0.1:8080/v1": "http://127.0.0.1:8080/v1", "localhost:8080/v1": "http://localhost:8080/v1",
		"localhost/v1": "http://localhost/v1", "[::1]:8080/v1": "http://[::1]:8080/v1",
		"ai.megallm.io/v1": "https://ai.megallm.io/v1", "gateway:8443/v1": "https://gateway:8443/v1",
		"203.0.113.7:8080/v1":     "https://203.0.113.7:8080/v1",
		"http//gw.example.com/v1": "https://gw.example.com/v1", "htp://gw.example.com/v1": "https://gw.example.com/v1",
		"http:/localhost:8080/v1": "http://localhost:8080/v1", "http//127.0.0.1:8080/v1": "http://127.0.0.1:8080/v1",
		"https//gw.example.com/v1": "https://gw.example.com/v1",
		"https//localhost/v1":      "https://localhost/v1",
	} {
		if detail := baseURLValidator.str("base_url", typed); !strings.Contains(detail, `Did you mean "`+want+`"?`) {
			t.Errorf("%q: got %q, want it to suggest %q", typed, detail, want)
		}
		if baseURLValidator.str("base_url", want) != "" || sendsKeyInClear(want) {
			t.Errorf("%q suggests %q, which base_url refuses or warns about", typed, want)
		}
	}
	for _, typed := range []string{"", "sk-proj-0123456789abcdef", "ftp://ai.megallm.io/v1", " ai.megallm.io/v1", "//ai.megallm.io/v1",
		"tHs/Zq9x8Yw7Vu6T5s4R3", "psst//AbCdEfGh12"} { // the last two: keys that begin as a scheme mistyped
		if detail := baseURLValidator.str("base_url", typed); strings.Contains(detail, "Did you mean") {
			t.Errorf("%q: got %q, want no suggestion", typed, detail)
		}
	}

	// Credentials without the scheme: neither quoted nor suggested, but moved to api_key.
	const password = "hunter2-not-a-secret"
	for _, typed := range []string{"user:" + password + "@ai.megallm.io/v1", password + "@127.0.0.1:8080/v1"} {
		detail := baseURLValidator.str("base_url", typed)
		if strings.Contains(detail, password) || strings.Contains(detail, "Did you mean") || !strings.Contains(detail, "***@") ||
			!strings.Contains(detail, "Put the API key in api_key or the "+envAPIKey+" environment variable instead.") {
			t.Errorf("%q: got %q, want the URL without its credentials and the advice to put the key in api_key",
				strings.ReplaceAll(typed, password, "<PASSWORD>"), strings.ReplaceAll(detail, password, "<PASSWORD>"))
		}
	}
}

// TestRewrite: a name too long to quote whole is advised by what to change
// in it, each change once, as a cut quote cannot be copied.
func TestRewrite(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 70)
	for _, tc := range []struct{ written, as, want string }{
		{" gpt-4o", "gpt-4o", `write it as "gpt-4o"`},
		{long + "\n", long, "delete the white space around it"},
		{"a\u2011" + long, "a-" + long, `write its look-alike dashes as "-"`},
		{"\u200b" + long, long, "delete its invisible characters"},
		{"//" + long + " ", long, `delete the white space around it, and write it without the leading "//"`},
		{" " + strings.ToLower(long), strings.ToUpper(long), "delete the white space around it, and write it in upper case"},
		{" " + long, "X" + long[1:], "delete the white space around it, and write it in the letter case of the catalog, " +
			"whose ids a megallm_models data source lists"},
		// What each change gives, not how the catalog's spelling looks: a prefix before a letter of other bytes
		// lower-cased, a letter that no letter case makes the catalog's.
		{" acme/\u212a" + long, "k" + long, `delete the white space around it, and write it without the vendor prefix "acme/", ` +
			"and write it in lower case"},
		{" acme/\u0130" + long, "i" + long, `delete the white space around it, and write it without the vendor prefix "acme/", ` +
			"and write it in lower case"},
		{" " + strings.ToUpper(long), "meta-llama/" + long, `delete the white space around it, and write it with the prefix ` +
			`"meta-llama/", and write it in lower case`},
		{" \u017f" + long, "s" + long, "delete the white space around it, and write it in the letter case of the catalog, " +
			"whose ids a megallm_models data source lists"},
		{"a_" + long, "a-" + long, "write it with the separators and letter case of the catalog, whose ids a megallm_models " +
			"data source lists"},
		{" k" + long, "\u212a" + strings.ToUpper(long), "delete the white space around it, and write it in the letter case " +
			"of the catalog, whose ids a megallm_models data source lists"},
	} {
		if got := rewrite(nil, idKind, tc.written)(tc.as); got != tc.want {
			t.Errorf("rewrite(%.8q…)(%.8q…) = %q, want %q", tc.written, tc.as, got, tc.want)
		}
	}
}
