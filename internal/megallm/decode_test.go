package megallm_test

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// decode decodes a model list whose entries are given, failing on an error.
func decode(t *testing.T, entries ...string) ([]megallm.Model, []string) {
	t.Helper()
	body := `{"object":"list","data":[` + strings.Join(entries, ",") + `]}`
	models, problems, err := megallm.DecodeModels(strings.NewReader(body))
	if err != nil {
		t.Fatalf("DecodeModels(%s): %v", body, err)
	}
	texts := make([]string, len(problems))
	for i, p := range problems {
		texts[i] = p.String()
	}
	return models, texts
}

// decodeBothWays decodes entries in one pass and entry by entry (as a value
// of the wrong type in one more entry has the list decoded), and checks
// each's models and problems, without that entry's.
func decodeBothWays(t *testing.T, entries []string, check func(entryByEntry bool, models []megallm.Model, problems []string)) {
	t.Helper()
	for _, entryByEntry := range []bool{false, true} {
		list := entries
		if entryByEntry {
			list = append(slices.Clone(entries), `{"id":"wrong-type","context_length":"big"}`)
		}
		models, problems := decode(t, list...)
		check(entryByEntry, models, slices.DeleteFunc(problems, func(p string) bool { return strings.HasPrefix(p, `model "wrong-type"`) }))
	}
}

// TestDecodeModels_zeroPricesAsWritten: a price written as 0 in any form,
// and the least a float64 holds, are read as they are, in both paths; only
// a number too small for a float64 is a problem (TestDecodeModels_oddFieldIsNull).
func TestDecodeModels_zeroPricesAsWritten(t *testing.T) {
	t.Parallel()
	decodeBothWays(t, []string{`{"id":"free","pricing":{"input_tokens_cost_per_million":0,"output_tokens_cost_per_million":0.0E+5}}`,
		`{"id":"tiny","pricing":{"input_tokens_cost_per_million":5e-324}}`},
		func(entryByEntry bool, models []megallm.Model, problems []string) {
			free, tiny := models[0].Pricing, models[1].Pricing
			if len(problems) != 0 || *free.InputTokensCostPerMillion != 0 || *free.OutputTokensCostPerMillion != 0 ||
				*tiny.InputTokensCostPerMillion != 5e-324 {
				t.Errorf("entry by entry %v: pricing %+v, %+v, problems %q; want 0, 0, 5e-324 and none", entryByEntry, free, tiny, problems)
			}
		})
}

func TestDecodeModels_cleanCatalogHasNoProblems(t *testing.T) {
	t.Parallel()
	models, problems, err := megallm.DecodeModels(bytes.NewReader(mockapi.BuiltinCatalog()))
	if err != nil || len(models) != 26 || len(problems) != 0 {
		t.Fatalf("got %d models, problems %v, err %v; want the 26 models of the built-in catalog and no problems",
			len(models), problems, err)
	}
}

// TestDecodeModels_oddFieldIsNull: a field that cannot be read, or makes no
// sense, is nil with one problem naming the model and the field; the rest of
// the model and the other models are kept.
func TestDecodeModels_oddFieldIsNull(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, fields, problem string
		isNil                 func(m megallm.Model) bool
	}{
		{"price as a string", `"pricing":{"input_tokens_cost_per_million":"0.15","output_tokens_cost_per_million":0.6}`,
			`model "odd": pricing.input_tokens_cost_per_million is the string "0.15", not a number`,
			func(m megallm.Model) bool {
				return m.Pricing.InputTokensCostPerMillion == nil && *m.Pricing.OutputTokensCostPerMillion == 0.6
			}},
		{"negative price", `"pricing":{"input_tokens_cost_per_million":-1,"output_tokens_cost_per_million":0.6}`,
			`model "odd": pricing.input_tokens_cost_per_million is -1, a negative price`,
			func(m megallm.Model) bool {
				return m.Pricing.InputTokensCostPerMillion == nil && *m.Pricing.OutputTokensCostPerMillion == 0.6
			}},
		{"negative output price", `"pricing":{"output_tokens_cost_per_million":-0.5}`,
			`model "odd": pricing.output_tokens_cost_per_million is -0.5, a negative price`,
			func(m megallm.Model) bool { return m.Pricing.OutputTokensCostPerMillion == nil }},
		{"price out of range", `"pricing":{"input_tokens_cost_per_million":1e400}`,
			`model "odd": pricing.input_tokens_cost_per_million is the number 1e400, out of range`,
			func(m megallm.Model) bool { return m.Pricing.InputTokensCostPerMillion == nil }},
		// Too small for a float64, which reads it as 0: a price would be free.
		{"price too small for a float64", `"pricing":{"input_tokens_cost_per_million":1e-400,"output_tokens_cost_per_million":0.6}`,
			`model "odd": pricing.input_tokens_cost_per_million is the number 1e-400, out of range`,
			func(m megallm.Model) bool {
				return m.Pricing.InputTokensCostPerMillion == nil && *m.Pricing.OutputTokensCostPerMillion == 0.6
			}},
		{"context length too small for a float64", `"context_length":1e-400`,
			`model "odd": context_length is the number 1e-400, not a whole number`,
			func(m megallm.Model) bool { return m.ContextLength == nil }},
		{"context length over int64", `"context_length":9223372036854775808`,
			`model "odd": context_length is the number 9223372036854775808, out of range`,
			func(m megallm.Model) bool { return m.ContextLength == nil }},
		{"context length not whole", `"context_length":128000.5`,
			`model "odd": context_length is the number 128000.5, not a whole number`,
			func(m megallm.Model) bool { return m.ContextLength == nil }},
		{"zero context length", `"context_length":0`,
			`model "odd": context_length is 0, not a positive number of tokens`,
			func(m megallm.Model) bool { return m.ContextLength == nil }},
		{"negative max output tokens", `"max_output_tokens":-4096`,
			`model "odd": max_output_tokens is -4096, not a positive number of tokens`,
			func(m megallm.Model) bool { return m.MaxOutputTokens == nil }},
		{"created_at as a number", `"created_at":1715558400`,
			`model "odd": created_at is the number 1715558400, not a string`,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"created_at not a date", `"created_at":"yesterday"`,
			`model "odd": created_at is the string "yesterday", not ` + notADate,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"deprecated_at not a date", `"deprecated_at":"next spring"`,
			`model "odd": deprecated_at is the string "next spring", not ` + notADate,
			func(m megallm.Model) bool { return m.DeprecatedAt == nil }},
		// A day its month lacks is worded as ParseDate words it for an argument.
		{"retires_at not a calendar day", `"retires_at":"2026-06-31"`,
			`model "odd": retires_at is the string "2026-06-31", not a date: June 2026 has 30 days`,
			func(m megallm.Model) bool { return m.RetiresAt == nil }},
		{"created_at on the 29th of February of no leap year", `"created_at":"2025-02-29T10:00:00Z"`,
			`model "odd": created_at is the string "2025-02-29T10:00:00Z", not a date: February 2025 has 28 days`,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"created_at in an offset no zone uses", `"created_at":"2026-06-01T00:00:00+15:00"`,
			`model "odd": created_at is the string "2026-06-01T00:00:00+15:00", a date-time whose UTC offset, +15:00, ` +
				`no time zone uses: offsets go from -12:00 to +14:00, with minutes from 00 to 59`,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"retires_at without a zone", `"retires_at":"2026-06-01T00:00:00"`,
			`model "odd": retires_at is the string "2026-06-01T00:00:00", not ` + notADate,
			func(m megallm.Model) bool { return m.RetiresAt == nil }},
		{"deprecated_at as a number", `"deprecated_at":1767225600`,
			`model "odd": deprecated_at is the number 1767225600, not a string`,
			func(m megallm.Model) bool { return m.DeprecatedAt == nil }},
		{"retires_at as a boolean", `"retires_at":true`,
			`model "odd": retires_at is the boolean true, not a string`,
			func(m megallm.Model) bool { return m.RetiresAt == nil }},
		{"successor as an object", `"successor":{"id":"gpt-5"}`,
			`model "odd": successor is an object, not a string`,
			func(m megallm.Model) bool { return m.Successor == nil }},
		{"capability not a boolean", `"capabilities":{"supports_vision":"yes","supports_streaming":true}`,
			`model "odd": capabilities.supports_vision is the string "yes", not true or false`,
			func(m megallm.Model) bool {
				return m.Capabilities.SupportsVision == nil && *m.Capabilities.SupportsStreaming
			}},
		{"currency not three letters", `"pricing":{"input_tokens_cost_per_million":1,"currency":"US$"}`,
			`model "odd": pricing.currency is the string "US$", not a three-letter currency code, so the prices in it are read as null too`,
			func(m megallm.Model) bool {
				return m.Pricing.Currency == nil && m.Pricing.InputTokensCostPerMillion == nil
			}},
		{"currency as a number", `"pricing":{"currency":840}`,
			`model "odd": pricing.currency is the number 840, not a string`,
			func(m megallm.Model) bool { return m.Pricing.Currency == nil }},
		{"currency as a number, with prices", `"pricing":{"output_tokens_cost_per_million":2,"currency":840}`,
			`model "odd": pricing.currency is the number 840, not a string, so the prices in it are read as null too`,
			func(m megallm.Model) bool {
				return m.Pricing.Currency == nil && m.Pricing.OutputTokensCostPerMillion == nil
			}},
		{"created as a string", `"created":"1715558400"`,
			`model "odd": created is the string "1715558400", not a number`,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"negative created", `"created":-1`,
			`model "odd": created is -1, not a time in Unix seconds from 1970 to 9999`,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"created after 9999", `"created":253402300800`,
			`model "odd": created is 253402300800, not a time in Unix seconds from 1970 to 9999`,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"created zero", `"created":0`,
			`model "odd": created is 0, the Unix epoch, a placeholder for no date`,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"created_at Go's zero time", `"created_at":"0001-01-01T00:00:00Z"`,
			`model "odd": created_at is the string "0001-01-01T00:00:00Z", Go's zero time, a placeholder for no date`,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"deprecated_at Go's zero day", `"deprecated_at":"0001-01-01"`,
			`model "odd": deprecated_at is the string "0001-01-01", Go's zero time, a placeholder for no date`,
			func(m megallm.Model) bool { return m.DeprecatedAt == nil }},
		// .NET writes its zero time (DateTime.MinValue) as midnight in the server's offset, an instant off Go's.
		{"retires_at .NET's zero time in an offset", `"retires_at":"0001-01-01T00:00:00+02:00"`,
			`model "odd": retires_at is the string "0001-01-01T00:00:00+02:00", Go's zero time, a placeholder for no date`,
			func(m megallm.Model) bool { return m.RetiresAt == nil }},
		// Earlier than the epoch is no model's date either: year 0, and a second before the epoch.
		{"created_at in year 0", `"created_at":"0000-01-01"`,
			`model "odd": created_at is the string "0000-01-01", before 1970, when no model existed`,
			func(m megallm.Model) bool { return m.CreatedAt == nil }},
		{"retires_at before the epoch", `"retires_at":"1970-01-01T00:59:59+01:00"`,
			`model "odd": retires_at is the string "1970-01-01T00:59:59+01:00", before 1970, when no model existed`,
			func(m megallm.Model) bool { return m.RetiresAt == nil && m.RetiresAtUnreadable }},
		{"retires_at the Unix epoch", `"retires_at":"1970-01-01T00:00:00Z"`,
			`model "odd": retires_at is the string "1970-01-01T00:00:00Z", the Unix epoch, a placeholder for no date`,
			func(m megallm.Model) bool { return m.RetiresAt == nil }},
		{"vision as a string", `"capabilities":{"vision":"yes","function_calling":true}`,
			`model "odd": capabilities.vision is the string "yes", not true or false`,
			func(m megallm.Model) bool {
				return m.Capabilities.SupportsVision == nil && m.Capabilities.SupportsFunctionCalling != nil
			}},
		{"zero max_context_length", `"capabilities":{"max_context_length":0}`,
			`model "odd": capabilities.max_context_length is 0, not a positive number of tokens`,
			func(m megallm.Model) bool { return m.ContextLength == nil }},
		{"pricing not an object", `"pricing":[1,2]`,
			`model "odd": pricing is an array, not an object`,
			func(m megallm.Model) bool { return m.Pricing == nil }},
		{"long value is cut", `"owned_by":` + `"` + strings.Repeat("x", 100) + `"`,
			`model "odd": owned_by is the string "` + strings.Repeat("x", 64) + `"…, not a string`,
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if tc.isNil == nil { // a string is a string: only the cut is checked, on type.
				tc.fields = strings.Replace(tc.fields, `"owned_by":`, `"type":{"x":`, 1) + `}`
				tc.problem = `model "odd": type is an object, not a string`
				tc.isNil = func(m megallm.Model) bool { return m.Type == nil }
			}
			models, problems := decode(t, `{"id":"first","context_length":8192}`,
				`{"id":"odd","display_name":"Odd",`+tc.fields+`}`, `{"id":"last"}`)
			if len(models) != 3 || models[0].ID != "first" || models[1].ID != "odd" || models[2].ID != "last" {
				t.Fatalf("got %+v, want the three models in order", models)
			}
			if *models[0].ContextLength != 8192 || *models[1].DisplayName != "Odd" {
				t.Errorf("the other fields changed: %+v", models)
			}
			if !tc.isNil(models[1]) {
				t.Errorf("model odd = %+v, want the odd field nil and the others kept", models[1])
			}
			if want := []string{tc.problem}; !reflect.DeepEqual(problems, want) {
				t.Errorf("problems = %q\nwant       %q", problems, want)
			}
		})
	}
}

// notADate ends the problem of a date the decoder cannot read: the forms it
// reads, the date alone (2027-01-02) among them.
const notADate = `an RFC 3339 date-time such as "2025-01-31T12:00:00Z" or a date such as "2025-01-31" (midnight UTC)`

func TestDecodeModels_longValuesAreQuotedAndCut(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 70) // 70 characters, 140 bytes
	_, problems := decode(t, `{"id":"`+long+"\\nforged"+`","created_at":"`+long+`"}`)
	// Cut after 64 characters (never inside one), with the length; the
	// newline is escaped.
	want := `model "` + strings.Repeat("é", 64) + `"… (77 characters): created_at is the string "` + strings.Repeat("é", 64) +
		`"… (70 characters), not ` + notADate
	if len(problems) != 1 || problems[0] != want {
		t.Errorf("problems = %q\nwant       [%q]", problems, want)
	}
}

func TestDecodeModels_integralFloatsAreIntegers(t *testing.T) {
	t.Parallel()
	models, problems := decode(t, `{"id":"a","context_length":128000.0,"max_output_tokens":1.6384e4}`,
		`{"id":"b","context_length":1.28e5,"max_output_tokens":-0.0e1}`)
	if len(models) != 2 || *models[0].ContextLength != 128000 || *models[0].MaxOutputTokens != 16384 ||
		*models[1].ContextLength != 128000 || models[1].MaxOutputTokens != nil {
		t.Fatalf("got %+v, want 128000 and 16384 for a, 128000 and nil for b", models)
	}
	if want := []string{`model "b": max_output_tokens is 0, not a positive number of tokens`}; !reflect.DeepEqual(problems, want) {
		t.Errorf("problems = %q, want %q", problems, want)
	}
}

func TestDecodeModels_dateOnlyCreatedAtIsMidnightUTC(t *testing.T) {
	t.Parallel()
	models, problems := decode(t, `{"id":"a","created_at":"2025-06-01"}`, `{"id":"b","created_at":"2024-05-13T10:00:00+02:00"}`)
	if got := megallm.FormatDate(*models[0].CreatedAt); got != "2025-06-01T00:00:00Z" {
		t.Errorf("date-only created_at = %q, want 2025-06-01T00:00:00Z", got)
	}
	if got := megallm.FormatDate(*models[1].CreatedAt); got != "2024-05-13T10:00:00+02:00" {
		t.Errorf("RFC 3339 created_at = %q, want it unchanged", got)
	}
	if len(problems) != 0 {
		t.Errorf("problems = %q, want none", problems)
	}
}

// TestDecodeModels_lifecycle: deprecated_at and retires_at are read as
// created_at is, a date-only value as midnight UTC; successor is any string.
func TestDecodeModels_lifecycle(t *testing.T) {
	t.Parallel()
	models, problems := decode(t,
		`{"id":"dated","deprecated_at":"2026-01-01","retires_at":"2026-06-01","successor":"next"}`,
		`{"id":"timed","deprecated_at":"2026-01-01T09:30:00+01:00","retires_at":"2026-06-01T12:00:00.5Z"}`,
		`{"id":"undated","deprecated_at":null,"successor":null}`)
	want := `dated: deprecated_at="2026-01-01T00:00:00Z" retires_at="2026-06-01T00:00:00Z" successor="next"
timed: deprecated_at="2026-01-01T09:30:00+01:00" retires_at="2026-06-01T12:00:00.5Z" successor=nil
undated: deprecated_at=nil retires_at=nil successor=nil
`
	if got := lifecycleOf(models); got != want {
		t.Errorf("models =\n%s\nwant\n%s", got, want)
	}
	if len(problems) != 0 {
		t.Errorf("problems = %q, want none", problems)
	}
}

// TestDecodeModels_unreadableLifecycleDate: a lifecycle date sent but not
// readable is nil and marked so, to tell it from one not sent (no date
// planned), in every decoding path; another field's problem marks nothing.
func TestDecodeModels_unreadableLifecycleDate(t *testing.T) {
	t.Parallel()
	models, _ := decode(t,
		`{"id":"word","retires_at":"soon"}`,
		`{"id":"number","deprecated_at":12,"retires_at":"2026-06-01"}`,
		`{"id":"absent","successor":" "}`,
		`{"id":"null","deprecated_at":null,"retires_at":null}`,
		`{"id":"placeholder","deprecated_at":"0001-01-01T00:00:00Z","retires_at":"1970-01-01"}`)
	want := `word: deprecated_at=nil retires_at=unreadable successor=nil
number: deprecated_at=unreadable retires_at="2026-06-01T00:00:00Z" successor=nil
absent: deprecated_at=nil retires_at=nil successor=nil
null: deprecated_at=nil retires_at=nil successor=nil
placeholder: deprecated_at=unreadable retires_at=unreadable successor=nil
`
	if got := lifecycleOf(models); got != want {
		t.Errorf("models =\n%s\nwant\n%s", got, want)
	}
}

// TestDecodeModels_lifecycleSameInEveryPath: the lifecycle fields read the
// same whether the list decodes in one pass, the list is read entry by entry
// and the entry decodes whole (another entry has a value of the wrong type),
// or the entry is read field by field (it has a value of the wrong type).
func TestDecodeModels_lifecycleSameInEveryPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, fields string
		problems     []string
	}{
		{"dates and successor", `"deprecated_at":"2026-01-01","retires_at":"2026-06-01T12:00:00+02:00","successor":"b"`, []string{}},
		{"bad dates, blank successor", `"deprecated_at":"soon","retires_at":"","successor":" "`, []string{
			`model "m": successor is the string " ", not a model id`,
			`model "m": deprecated_at is the string "soon", not ` + notADate,
			`model "m": retires_at is the string "", not ` + notADate,
		}},
		{"nulls", `"deprecated_at":null,"retires_at":"2026-13-01","successor":null`, []string{
			`model "m": retires_at is the string "2026-13-01", not ` + notADate,
		}},
	}
	const wrongType = `model "m": context_length is the string "big", not a number`
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			entry := `{"id":"m",` + tc.fields
			onePass, onePassProblems := decode(t, entry+`}`)
			wholeEntry, wholeEntryProblems := decode(t, entry+`}`, `{"id":"z","context_length":"big"}`)
			byField, byFieldProblems := decode(t, entry+`,"context_length":"big"}`)
			if len(onePass) != 1 || len(wholeEntry) != 2 || len(byField) != 1 {
				t.Fatalf("got %d, %d and %d models, want 1, 2 and 1", len(onePass), len(wholeEntry), len(byField))
			}
			if !reflect.DeepEqual(onePass[0], wholeEntry[0]) || !reflect.DeepEqual(onePass[0], byField[0]) {
				t.Errorf("one pass:\n%sentry whole:\n%sfield by field:\n%s",
					lifecycleOf(onePass), lifecycleOf(wholeEntry[:1]), lifecycleOf(byField))
			}
			if !reflect.DeepEqual(onePassProblems, tc.problems) {
				t.Errorf("one pass: problems =\n%q\nwant\n%q", onePassProblems, tc.problems)
			}
			if want := append(slices.Clone(tc.problems), `model "z": context_length is the string "big", not a number`); !reflect.DeepEqual(wholeEntryProblems, want) {
				t.Errorf("entry whole: problems =\n%q\nwant\n%q", wholeEntryProblems, want)
			}
			if want := append([]string{wrongType}, tc.problems...); !reflect.DeepEqual(byFieldProblems, want) {
				t.Errorf("field by field: problems =\n%q\nwant\n%q", byFieldProblems, want)
			}
		})
	}
}

// lifecycleOf writes the ids and lifecycle fields of models, for messages.
func lifecycleOf(models []megallm.Model) string {
	text := func(s *string) string {
		if s == nil {
			return "nil"
		}
		return strconv.Quote(*s)
	}
	date := func(t *time.Time, unreadable bool) string {
		switch {
		case unreadable:
			return "unreadable"
		case t == nil:
			return "nil"
		}
		return strconv.Quote(megallm.FormatDate(*t))
	}
	var b strings.Builder
	for _, m := range models {
		fmt.Fprintf(&b, "%s: deprecated_at=%s retires_at=%s successor=%s\n", m.ID,
			date(m.DeprecatedAt, m.DeprecatedAtUnreadable), date(m.RetiresAt, m.RetiresAtUnreadable), text(m.Successor))
	}
	return b.String()
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2026-06-01", "2026-06-01T00:00:00Z", true},
		{"2026-06-01T10:00:00+14:00", "2026-06-01T10:00:00+14:00", true}, // Kiribati,
		{"2026-06-01T10:00:00-12:00", "2026-06-01T10:00:00-12:00", true}, // Baker Island:
		{"2026-06-01T10:00:00+15:00", "", false},                         // no zone is further,
		{"2026-06-01T10:00:00-12:30", "", false},
		{"2026-06-01T10:00:00+24:00", "", false},
		{"2026-06-01t10:00:00-23:59", "", false},
		{"2026-06-01T10:00:00+05:60", "", false}, // nor has minutes over 59
		{"2026-06-01T10:00:00-00:00", "2026-06-01T10:00:00Z", true},
		{"2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", true},
		{"2026-06-01T10:00:00+02:00", "2026-06-01T10:00:00+02:00", true}, // kept as written, offset included
		{"2026-06-01T10:00:00.123Z", "2026-06-01T10:00:00.123Z", true},
		{"2026-06-01t10:00:00z", "2026-06-01T10:00:00Z", true},               // RFC 3339 allows t and z,
		{"2026-06-01 10:00:00.5+02:00", "2026-06-01T10:00:00.5+02:00", true}, // and a space.
		{"2026-06-01  10:00:00Z", "", false},
		{"2026-06-01 10:00:00", "", false},
		{"2026-02-29", "", false}, // not a leap year
		{"2026-06-01T10:00:00", "", false},
		{"06/01/2026", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		date, err := megallm.ParseDate(tc.in)
		if got, ok := megallm.FormatDate(date), err == nil; ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// A date of the right form whose day its month does not have says how many
// days the month has: "not a date, such as 2025-01-31" fits the form written.
func TestParseDate_dayOutOfRange(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2026-06-31":           "not a date: June 2026 has 30 days",
		"2026-02-29T10:00:00Z": "not a date: February 2026 has 28 days",
		"2028-02-30":           "not a date: February 2028 has 29 days",
		"2026-13-01":           "not a date",
	} {
		if _, err := megallm.ParseDate(in); !errors.Is(err, megallm.ErrNotADate) || err.Error() != want {
			t.Errorf("ParseDate(%q): %v, want %q", in, err, want)
		}
	}
}

// An offset no time zone uses is an error that names it and the offsets
// there are; a string in none of the forms is ErrNotADate, and a date-time
// without an offset says which one to write for UTC.
func TestParseDate_offsetNoZoneUses(t *testing.T) {
	t.Parallel()
	_, err := megallm.ParseDate("2026-06-01T10:00:00+24:60")
	if want := "a date-time whose UTC offset, +24:60, no time zone uses: offsets go from -12:00 to +14:00, " +
		"with minutes from 00 to 59"; err == nil || err.Error() != want || errors.Is(err, megallm.ErrNotADate) {
		t.Errorf("ParseDate(+24:60 offset) = %v, want %q", err, want)
	}
	_, err = megallm.ParseDate("2026-06-01 10:00:00")
	if want := `not a date, as a date-time needs a time zone: write "2026-06-01T10:00:00Z" for UTC, or end it with its ` +
		"zone's offset, such as +02:00"; err == nil || err.Error() != want || !errors.Is(err, megallm.ErrNotADate) {
		t.Errorf("ParseDate(no offset) = %v, want %q", err, want)
	}
	if _, err := megallm.ParseDate("06/01/2026"); err != megallm.ErrNotADate {
		t.Errorf("ParseDate(06/01/2026) = %v, want ErrNotADate", err)
	}
}

// TestParseDate_allocatesNothing: a date-time the API sends is read without
// trying the other forms, whose failed parses build errors: a catalog of
// 10,000 models cost some 140,000 allocations more to decode when a valid date
// was also tried with a Z after it. Allocations count the work, as a clock
// would not on a loaded machine. Not parallel: other tests' allocations would
// count.
func TestParseDate_allocatesNothing(t *testing.T) {
	for _, s := range []string{"2026-06-01T10:00:00Z", "2026-06-01T10:00:00.123Z", "2026-06-01T10:00:00+02:00"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = megallm.ParseDate(s) }); n != 0 {
			t.Errorf("ParseDate(%q) makes %.0f allocations, want 0", s, n)
		}
	}
}

func TestDecodeModels_entriesThatAreNotModelsAreLeftOut(t *testing.T) {
	t.Parallel()
	models, problems := decode(t, `null`, `{"id":"a"}`, `"b"`, `{"display_name":"no id"}`, `{"id":""}`,
		`{"id":7,"display_name":"number id"}`, `[]`, `{"id":null}`, `{"id":"c"}`, `{"id":"gpt-4o-mini "}`)
	if len(models) != 2 || models[0].ID != "a" || models[1].ID != "c" {
		t.Fatalf("got %+v, want models a and c", models)
	}
	want := []string{
		`data[0] is null, not a model object`,
		`data[2] is the string "b", not a model object`,
		`data[3] has no "id"`,
		`data[4] has an empty "id"`,
		`data[5] has an "id" that is the number 7, not a string`,
		`data[6] is an array, not a model object`,
		`data[7] has no "id"`,
		`data[9] has the "id" "gpt-4o-mini ", with white space around it, which no model id has`,
	}
	if !reflect.DeepEqual(problems, want) {
		t.Errorf("problems =\n%q\nwant\n%q", problems, want)
	}
}

// TestDecodeModels_sameProblemsWithOrWithoutATypeError: a null entry is
// reported the same way whether the rest of the list decodes in one pass or
// not.
func TestDecodeModels_sameProblemsWithOrWithoutATypeError(t *testing.T) {
	t.Parallel()
	_, alone := decode(t, `{"id":"a"}`, `null`)
	_, withTypeError := decode(t, `{"id":"a","context_length":"big"}`, `null`)
	if want := `data[1] is null, not a model object`; len(alone) != 1 || alone[0] != want || withTypeError[1] != want {
		t.Errorf("problems = %q and %q, want %q in both", alone, withTypeError, want)
	}
}

// TestDecodeModels_pagedListIsReported: a list that says it has more pages
// ("has_more": true, as Anthropic's API pages its models) is one problem, in
// one pass and entry by entry, as the models of the later pages are missing,
// also written as a string ("true", in any case); false, absent, or of
// another type it is none, and fails nothing.
func TestDecodeModels_pagedListIsReported(t *testing.T) {
	t.Parallel()
	const paged = `says "has_more": true, so it is the first page of a longer list, and the provider reads no other: ` +
		`the models of the later pages are missing`
	for _, tc := range []struct{ hasMore, entry, want string }{
		{`true`, `{"id":"a"}`, paged},
		{`true`, `{"id":"a","context_length":"big"}`, paged},
		{`false`, `{"id":"a"}`, ""},
		{`"true"`, `{"id":"a"}`, paged},
		{`" True "`, `{"id":"a"}`, paged},
		{`"false"`, `{"id":"a"}`, ""},
		{`1`, `{"id":"a"}`, ""},
		{`null`, `{"id":"a"}`, ""},
	} {
		body := `{"object":"list","data":[` + tc.entry + `],"has_more":` + tc.hasMore + `,"last_id":"a"}`
		models, problems, err := megallm.DecodeModels(strings.NewReader(body))
		var got string
		for _, p := range problems {
			if p.Kind == megallm.CatalogPaged {
				got = p.String()
			}
		}
		if err != nil || len(models) != 1 || got != tc.want {
			t.Errorf("DecodeModels(%s) = %d models, paged problem %q, %v; want 1 model, %q, no error", body, len(models), got, err, tc.want)
		}
	}
}

func TestDecodeModels_duplicateIDsKeepTheFirst(t *testing.T) {
	t.Parallel()
	models, problems := decode(t, `{"id":"m1","display_name":"first"}`, `{"id":"m2"}`,
		`{"id":"m1","display_name":"second"}`, `{"id":"m1","context_length":"bad"}`)
	if len(models) != 2 || models[0].ID != "m1" || *models[0].DisplayName != "first" || models[1].ID != "m2" {
		t.Fatalf("got %+v, want m1 (the first entry) and m2", models)
	}
	want := []string{
		`data[2]: id "m1" repeats an earlier entry's; the first is kept`,
		`data[3]: id "m1" repeats an earlier entry's; the first is kept`,
	}
	if !reflect.DeepEqual(problems, want) {
		t.Errorf("problems =\n%q\nwant\n%q", problems, want)
	}
}

func TestReadCatalogFile_reportsProblemsAsTheAPIDoes(t *testing.T) {
	t.Parallel()
	models, problems, err := megallm.ReadCatalogFile(writeFile(t,
		`{"data":[{"id":"a","context_length":128000.0},{"id":"a"},null,{"id":"b","pricing":{"input_tokens_cost_per_million":"0.15"}}]}`), "")
	if err != nil || len(models) != 2 || *models[0].ContextLength != 128000 {
		t.Fatalf("got %+v, %v; want models a (context 128000) and b", models, err)
	}
	kinds := make([]megallm.ProblemKind, len(problems))
	for i, p := range problems {
		kinds[i] = p.Kind
	}
	if want := []megallm.ProblemKind{megallm.DuplicateDropped, megallm.EntryDropped, megallm.FieldReadAsNull}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("problem kinds = %v, want %v (%v)", kinds, want, problems)
	}
}

// TestDecodeModels_idWithWhiteSpaceIsLeftOutInOnePass: a clean body, decoded
// in one pass, leaves out an id with white space around it too.
func TestDecodeModels_idWithWhiteSpaceIsLeftOutInOnePass(t *testing.T) {
	t.Parallel()
	models, problems := decode(t, `{"id":"a"}`, `{"id":"\tb"}`)
	want := []string{`data[1] has the "id" "\tb", with white space around it, which no model id has`}
	if len(models) != 1 || models[0].ID != "a" || !reflect.DeepEqual(problems, want) {
		t.Errorf("got %+v and %q, want model a and %q", models, problems, want)
	}
}

// TestDecodeModels_keysAreExact: the API's names are exact, so a key that is
// one of them in another letter case is an unknown field, ignored: it
// replaces no field of the spec (encoding/json alone would let the last one
// win) and drops no model.
func TestDecodeModels_keysAreExact(t *testing.T) {
	t.Parallel()
	models, problems := decode(t,
		`{"id":"gpt-4o","ID":1001,"owned_by":"openai"}`,
		`{"id":"gpt-4o-mini","Id":"shadow","context_length":128000,"CONTEXT_LENGTH":1,"Pricing":{"input_tokens_cost_per_million":99},`+
			`"pricing":{"input_tokens_cost_per_million":0.15,"currency":"USD","CURRENCY":"EUR"},"capabilities":{"supports_vision":true,"Supports_Vision":false}}`,
		`{"\u0069d":"escaped-key","\u0049D":"ignored"}`,
	)
	got := make([]string, len(models))
	for i, m := range models {
		got[i] = m.ID
	}
	if len(problems) != 0 || !slices.Equal(got, []string{"gpt-4o", "gpt-4o-mini", "escaped-key"}) {
		t.Fatalf("got ids %q, problems %q; want the three models as their exact keys name them, no problem", got, problems)
	}
	m := models[1]
	if *m.ContextLength != 128000 || *m.Pricing.InputTokensCostPerMillion != 0.15 || *m.Pricing.Currency != "USD" || !*m.Capabilities.SupportsVision {
		t.Errorf("gpt-4o-mini read as %+v, pricing %+v; want the exact keys' values", m, *m.Pricing)
	}
	for _, body := range []string{`{"Data":[],"data":[{"id":"a"}]}`, `{"data":[{"id":"a"}],"Data":{"note":"x"}}`} {
		if models, _, err := megallm.DecodeModels(strings.NewReader(body)); err != nil || len(models) != 1 {
			t.Errorf("%s: err %v, %d models; want its data read", body, err, len(models))
		}
	}
}

// TestDecodeModels_pricingKeyInOtherCaseIsReported: a pricing field sent
// only under its name in another letter case or with white space around it
// is not read, and is reported with the key and value as sent; a currency so
// sent takes the prices along, as a price without a currency counts as USD.
// Beside its exact key, such a key is ignored (TestDecodeModels_keysAreExact).
func TestDecodeModels_pricingKeyInOtherCaseIsReported(t *testing.T) {
	t.Parallel()
	entries := []string{
		`{"id":"eur","pricing":{"input_tokens_cost_per_million":0.1,"output_tokens_cost_per_million":0.4,"Currency":"EUR"}}`,
		`{"id":"spaced","pricing":{"input_tokens_cost_per_million":0.1," currency ":"eur","currency ":null}}`,
		`{"id":"escaped","pricing":{"input_tokens_cost_per_million":0.1,"\u0043URRENCY":"EUR","currency":null}}`,
		`{"id":"price","pricing":{"Input_tokens_cost_per_million":0.1,"output_tokens_cost_per_million":0.4,"currency":"USD"}}`,
		`{"id":"exact","pricing":{"input_tokens_cost_per_million":0.1,"currency":"USD","Currency":"EUR"}}`,
	}
	want := []string{
		`model "eur": pricing.currency is sent under the key "Currency", the string "EUR", not under its own name, ` +
			`so the prices in it are read as null too`,
		`model "spaced": pricing.currency is sent under the key " currency ", the string "eur", not under its own name, ` +
			`so the prices in it are read as null too`,
		`model "escaped": pricing.currency is sent under the key "CURRENCY", the string "EUR", not under its own name, ` +
			`so the prices in it are read as null too`,
		`model "price": pricing.input_tokens_cost_per_million is sent under the key "Input_tokens_cost_per_million", ` +
			`the number 0.1, not under its own name`,
	}
	decodeBothWays(t, entries, func(entryByEntry bool, models []megallm.Model, problems []string) {
		if !reflect.DeepEqual(problems, want) {
			t.Errorf("entry by entry %v: problems\n%q\nwant\n%q", entryByEntry, problems, want)
		}
		for _, m := range models[:3] {
			if p := m.Pricing; p.InputTokensCostPerMillion != nil || p.OutputTokensCostPerMillion != nil || p.Currency != nil {
				t.Errorf("entry by entry %v: %s's pricing read as %+v; want no prices in no currency", entryByEntry, m.ID, *p)
			}
		}
		if p := models[3].Pricing; p.InputTokensCostPerMillion != nil || *p.OutputTokensCostPerMillion != 0.4 || *p.Currency != "USD" {
			t.Errorf("entry by entry %v: price's pricing read as %+v; want only the output price, in USD", entryByEntry, *p)
		}
		if p := models[4].Pricing; *p.InputTokensCostPerMillion != 0.1 || *p.Currency != "USD" {
			t.Errorf("entry by entry %v: exact's pricing read as %+v; want its exact keys' values", entryByEntry, *p)
		}
	})
}

// TestDecodeModels_modelKeyInOtherCaseIsReported: any field of a model or
// of its capabilities sent only under its name in another letter case is
// reported as a pricing field is, in one pass or entry by entry; a
// lifecycle date so sent is unreadable, not absent.
func TestDecodeModels_modelKeyInOtherCaseIsReported(t *testing.T) {
	t.Parallel()
	entries := []string{
		`{"id":"priced","Pricing":{"input_tokens_cost_per_million":1,"currency":"USD"}}`,
		`{"id":"long","Context_Length":128000,"capabilities":{"Supports_Vision":true,"supports_streaming":true}}`,
		`{"id":"retiring","Retires_At":"2026-01-01","Capabilities":{"supports_vision":true}}`,
		`{"id":"exact","context_length":8,"Context_Length":9,"pricing":null,"Pricing":null}`,
	}
	want := []string{
		`model "priced": pricing is sent under the key "Pricing", an object, not under its own name`,
		`model "long": capabilities.supports_vision is sent under the key "Supports_Vision", the boolean true, not under its own name`,
		`model "long": context_length is sent under the key "Context_Length", the number 128000, not under its own name`,
		`model "retiring": capabilities is sent under the key "Capabilities", an object, not under its own name`,
		`model "retiring": retires_at is sent under the key "Retires_At", the string "2026-01-01", not under its own name`,
	}
	decodeBothWays(t, entries, func(entryByEntry bool, models []megallm.Model, problems []string) {
		if !reflect.DeepEqual(problems, want) {
			t.Errorf("entry by entry %v: problems\n%q\nwant\n%q", entryByEntry, problems, want)
		}
		priced, long, retiring, exact := models[0], models[1], models[2], models[3]
		if priced.Pricing != nil || long.ContextLength != nil || long.Capabilities.SupportsVision != nil ||
			retiring.Capabilities != nil || retiring.RetiresAt != nil || !retiring.RetiresAtUnreadable || *exact.ContextLength != 8 {
			t.Errorf("entry by entry %v: read %+v; want each field sent under another key null, "+
				"a retires_at so sent unreadable, and an exact key's value kept", entryByEntry, models)
		}
	})
}

// TestDecodeModels_idKeyInOtherCaseIsReported: an entry whose id is sent
// only under its name in another letter case is left out, as one without an
// id (a model read from another key would be a guess), and reported as any
// field so sent is, with the key and value as sent.
func TestDecodeModels_idKeyInOtherCaseIsReported(t *testing.T) {
	t.Parallel()
	models, problems := decode(t, `{"id":"a"}`, `{"ID":"gpt-4o","owned_by":"openai"}`, `{"Id":7}`, `{"ID":null}`,
		`{" id ":"spaced","Owned_By":"acme"}`)
	want := []string{
		`data[1] has no "id": it is sent under the key "ID", the string "gpt-4o", not under its own name`,
		`data[2] has no "id": it is sent under the key "Id", the number 7, not under its own name`,
		`data[3] has no "id"`,
		`data[4] has no "id": it is sent under the key " id ", the string "spaced", not under its own name`,
	}
	if len(models) != 1 || models[0].ID != "a" || !reflect.DeepEqual(problems, want) {
		t.Errorf("got %+v and problems\n%q\nwant model a and\n%q", models, problems, want)
	}
}

// TestDecodeModels_keyFoldedBeyondASCIIIsReported: a key that encoding/json
// folds onto a field's name through a letter beyond ASCII, the long ſ (as s)
// or the Kelvin sign (as K), is that name in another letter case: not read,
// and reported, in one pass or entry by entry.
func TestDecodeModels_keyFoldedBeyondASCIIIsReported(t *testing.T) {
	t.Parallel()
	entries := []string{"{\"id\":\"long-s\",\"\u017fuccessor\":\"gpt-5\"}", "{\"id\":\"kelvin\",\"max_output_to\u212aens\":5}"}
	want := []string{
		"model \"long-s\": successor is sent under the key \"\u017fuccessor\", the string \"gpt-5\", not under its own name",
		"model \"kelvin\": max_output_tokens is sent under the key \"max_output_to\u212aens\", the number 5, not under its own name",
	}
	decodeBothWays(t, entries, func(entryByEntry bool, models []megallm.Model, problems []string) {
		if !reflect.DeepEqual(problems, want) || models[0].Successor != nil || models[1].MaxOutputTokens != nil {
			t.Errorf("entry by entry %v: read %+v, problems\n%q\nwant no successor, no limit and\n%q", entryByEntry, models, problems, want)
		}
	})
}

// TestDecodeModels_repeatedKeyCountsAsItsLast: a key repeated in one object
// counts as its last value alone, in one pass as entry by entry: the entries
// or fields of the first value are not merged into the last.
func TestDecodeModels_repeatedKeyCountsAsItsLast(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]string{
		`{"data":[{"id":"a","successor":"x"}],"data":[{"id":"b"}]}`: "b",
		`{"data":[{"id":"a"}],"data":[{"object":"model"}]}`:         "",
	} {
		models, _, err := megallm.DecodeModels(strings.NewReader(body))
		if err != nil || (want == "") != (len(models) == 0) || len(models) > 1 || want != "" && (models[0].ID != want || models[0].Successor != nil) {
			t.Errorf("%s: read %+v, %v; want only the last data's models (%q), without the first's fields", body, models, err, want)
		}
	}
	entries := []string{
		`{"id":"priced","pricing":{"input_tokens_cost_per_million":1,"currency":"EUR"},"pricing":{"input_tokens_cost_per_million":2}}`,
		`{"id":"flags","capabilities":{"supports_vision":true},"capabilities":{"supports_streaming":true}}`,
	}
	decodeBothWays(t, entries, func(entryByEntry bool, models []megallm.Model, problems []string) {
		p, c := models[0].Pricing, models[1].Capabilities
		if len(problems) > 0 || *p.InputTokensCostPerMillion != 2 || p.Currency != nil || c.SupportsVision != nil || !*c.SupportsStreaming {
			t.Errorf("entry by entry %v: read pricing %+v, capabilities %+v, problems %q; want the last objects alone",
				entryByEntry, *p, *c, problems)
		}
	})
}

// TestDecodeModels_typesAndOwnersAreRespelled: a type or owner with white
// space around it, or in another letter case than the catalog's other models
// write it (between as many, the first model's), is read as a configuration
// can name it with the others, with a problem naming the model and the field,
// in one pass or entry by entry; a blank one is null
// (TestDecodeModels_blankTextIsNull).
func TestDecodeModels_typesAndOwnersAreRespelled(t *testing.T) {
	t.Parallel()
	entries := []string{`{"id":"a","type":"chat","owned_by":"openai"}`, `{"id":"b","type":"chat","owned_by":"openai"}`,
		`{"id":"c","type":"Chat","owned_by":" OpenAI"}`, `{"id":"d","type":" embedding ","owned_by":"Meta"}`,
		`{"id":"e","type":"EMBEDDING","owned_by":"meta"}`}
	want := []string{
		`model "c": type is the string "Chat", read as "chat", as 2 other models write it`,
		`model "d": type is the string " embedding ", read as "embedding" without the white space around it`,
		`model "e": type is the string "EMBEDDING", read as "embedding", as 1 other model writes it`,
		`model "c": owned_by is the string " OpenAI", read as "openai", as 2 other models write it`,
		`model "e": owned_by is the string "meta", read as "Meta", as 1 other model writes it`,
	}
	wantRead := []string{"a chat openai", "b chat openai", "c chat openai", "d embedding Meta", "e embedding Meta"}
	decodeBothWays(t, entries, func(entryByEntry bool, models []megallm.Model, problems []string) {
		var read []string
		for _, m := range models[:len(entries)] {
			read = append(read, m.ID+" "+*m.Type+" "+*m.OwnedBy)
		}
		if !reflect.DeepEqual(read, wantRead) || !reflect.DeepEqual(problems, want) {
			t.Errorf("entry by entry %v: read %q and problems\n%q\nwant %q and\n%q", entryByEntry, read, problems, wantRead, want)
		}
	})
}

// TestDecodeModels_blankTextIsNull: a type, owner, display name or currency
// that is empty or only white space says nothing; it is null, with a problem
// naming the model and the field, in one pass or entry by entry, and a blank
// owner or type is not respelled as another model's.
func TestDecodeModels_blankTextIsNull(t *testing.T) {
	t.Parallel()
	entries := []string{`{"id":"a","type":"chat","owned_by":"openai","display_name":"A"}`,
		`{"id":"b","type":"","owned_by":"","display_name":"","pricing":{"currency":""}}`,
		`{"id":"c","type":" \t","owned_by":"   ","display_name":"\n","pricing":{"currency":"  "}}`}
	want := []string{
		`model "b": pricing.currency is the string "", not a three-letter currency code`,
		`model "b": type is the string "", not a type`,
		`model "b": owned_by is the string "", not an owner`,
		`model "b": display_name is the string "", not a name`,
		`model "c": pricing.currency is the string "  ", not a three-letter currency code`,
		`model "c": type is the string " \t", not a type`,
		`model "c": owned_by is the string "   ", not an owner`,
		`model "c": display_name is the string "\n", not a name`,
	}
	decodeBothWays(t, entries, func(entryByEntry bool, models []megallm.Model, problems []string) {
		for _, m := range models[1:len(entries)] {
			if m.Type != nil || m.OwnedBy != nil || m.DisplayName != nil || m.Pricing.Currency != nil {
				t.Errorf("entry by entry %v: model %q read as %+v, want type, owned_by, display_name and currency null", entryByEntry, m.ID, m)
			}
		}
		if *models[0].OwnedBy != "openai" || !reflect.DeepEqual(problems, want) {
			t.Errorf("entry by entry %v: problems\n%q\nwant\n%q", entryByEntry, problems, want)
		}
	})
}
