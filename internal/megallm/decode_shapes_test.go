package megallm_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// decodeEveryPath decodes entry alone (one pass), beside an entry with a
// value of the wrong type (entry by entry, this one whole) and with a value
// of the wrong type in it (field by field), failing unless all three read it
// the same. It returns the model and the problems of the one-pass decode.
func decodeEveryPath(t *testing.T, entry string) (megallm.Model, []string) {
	t.Helper()
	return readEveryPath(t, decode, entry)
}

// readEveryPath is decodeEveryPath with read, which reads a model list of
// entries as decode does, in decode's place.
func readEveryPath(t *testing.T, read func(*testing.T, ...string) ([]megallm.Model, []string), entry string) (megallm.Model, []string) {
	t.Helper()
	const wrongType = `"max_output_tokens":"big"`
	onePass, problems := read(t, entry)
	wholeEntry, _ := read(t, entry, `{"id":"z",`+wrongType+`}`)
	byField, _ := read(t, strings.TrimSuffix(entry, "}")+`,`+wrongType+`}`)
	if len(onePass) != 1 || len(wholeEntry) != 2 || len(byField) != 1 {
		t.Fatalf("got %d, %d and %d models, want 1, 2 and 1", len(onePass), len(wholeEntry), len(byField))
	}
	if !reflect.DeepEqual(onePass[0], wholeEntry[0]) || !reflect.DeepEqual(onePass[0], byField[0]) {
		t.Fatalf("the paths read %s differently:\none pass   %s\nentry whole %s\nby field  %s",
			entry, modelJSON(t, onePass[0]), modelJSON(t, wholeEntry[0]), modelJSON(t, byField[0]))
	}
	return onePass[0], problems
}

// TestDecodeModels_olderShape: MegaLLM's older document and OpenAI-compatible
// gateways send created (Unix seconds) and capabilities.vision,
// function_calling and max_context_length; they read as the spec's fields
// do, the same in every decoding path.
func TestDecodeModels_olderShape(t *testing.T) {
	t.Parallel()
	older, problems := decodeEveryPath(t, `{"id":"m","object":"model","created":1715558400,"owned_by":"openai",`+
		`"capabilities":{"vision":true,"function_calling":false,"max_context_length":128000}}`)
	spec, _ := decodeEveryPath(t, `{"id":"m","object":"model","created_at":"2024-05-13T00:00:00Z","owned_by":"openai",`+
		`"capabilities":{"supports_vision":true,"supports_function_calling":false},"context_length":128000}`)
	if !reflect.DeepEqual(older, spec) || len(problems) != 0 {
		t.Errorf("older shape reads as %s (problems %q),\nwant %s as the spec's shape", modelJSON(t, older), problems, modelJSON(t, spec))
	}
	floatCreated, _ := decodeEveryPath(t, `{"id":"m","created":1.7155584e9}`)
	if floatCreated.CreatedAt == nil || megallm.FormatDate(*floatCreated.CreatedAt) != "2024-05-13T00:00:00Z" {
		t.Errorf("created 1.7155584e9 reads as %s, want created_at 2024-05-13T00:00:00Z", modelJSON(t, floatCreated))
	}
}

// TestDecodeModels_specShapeWins: when a model sends both names, the spec's
// value is read and the older one ignored, even when odd; an older value
// fills only a field the spec's name leaves absent or null.
func TestDecodeModels_specShapeWins(t *testing.T) {
	t.Parallel()
	both, problems := decodeEveryPath(t, `{"id":"m","created_at":"2025-01-01T00:00:00Z","created":1715558400,"context_length":8192,`+
		`"capabilities":{"supports_vision":false,"vision":true,"supports_function_calling":true,"function_calling":"no","max_context_length":-1}}`)
	want := `{"id":"m","created_at":"2025-01-01T00:00:00Z","capabilities":{"supports_function_calling":true,"supports_vision":false},"context_length":8192}`
	if got := modelJSON(t, both); got != want || len(problems) != 0 {
		t.Errorf("both shapes read as %s, problems %q;\nwant %s and none", got, problems, want)
	}
	mixed, _ := decodeEveryPath(t, `{"id":"m","created_at":null,"created":1715558400,"capabilities":{"supports_vision":null,"vision":true}}`)
	want = `{"id":"m","created_at":"2024-05-13T00:00:00Z","capabilities":{"supports_vision":true}}`
	if got := modelJSON(t, mixed); got != want {
		t.Errorf("null spec fields beside older ones read as %s, want %s", got, want)
	}
}

// TestDecodeModels_normalisedValues: currency codes are trimmed and
// upper-cased, and dates take T and Z, in the API's answer and in a saved
// catalog file alike.
func TestDecodeModels_normalisedValues(t *testing.T) {
	t.Parallel()
	body := `{"object":"list","data":[` +
		`{"id":"a","pricing":{"currency":"usd"},"created_at":"2024-01-01t00:00:00z"},` +
		`{"id":"b","pricing":{"currency":" USD "},"created_at":"2024-01-01 00:00:00Z","retires_at":"2030-01-01 12:00:00+01:00"}]}`
	fromAPI, apiProblems, err := megallm.DecodeModels(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	fromFile, fileProblems, err := megallm.ReadCatalogFile(writeFile(t, body), "")
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a","created_at":"2024-01-01T00:00:00Z","pricing":{"currency":"USD"}}` +
		`{"id":"b","created_at":"2024-01-01T00:00:00Z","pricing":{"currency":"USD"},"retires_at":"2030-01-01T12:00:00+01:00"}`
	for source, models := range map[string][]megallm.Model{"API": fromAPI, "catalog file": fromFile} {
		got := ""
		for _, m := range models {
			got += modelJSON(t, m)
		}
		if got != want {
			t.Errorf("%s: got %s\nwant %s", source, got, want)
		}
	}
	if len(apiProblems)+len(fileProblems) != 0 {
		t.Errorf("problems %v and %v, want none", apiProblems, fileProblems)
	}
}

// TestDecodeModels_everyFieldInEveryPath: a model with every field of
// megallm.Model set reads back whole in every decoding path, so a field that
// one path does not read (a line missing in wire_model.go or decode_entry.go)
// fails here, without a case of its own. max_output_tokens is left out: it is
// decodeEveryPath's value of the wrong type.
func TestDecodeModels_everyFieldInEveryPath(t *testing.T) {
	t.Parallel()
	var want megallm.Model
	fill(t, reflect.ValueOf(&want).Elem(), "USD") // a currency code, and as good as any other string
	want.ID, want.MaxOutputTokens = "m", nil
	got, problems := decodeEveryPath(t, modelJSON(t, want))
	if modelJSON(t, got) != modelJSON(t, want) || len(problems) != 0 {
		t.Errorf("a model with every field reads back as\n%s (problems %q),\nwant\n%s", modelJSON(t, got), problems, modelJSON(t, want))
	}
}

// fill sets every field of v, through pointers, structs, slices (one
// element) and maps (one entry), to a value the decoder keeps as it is: text
// for a string, dates a month apart in the order met, so that deprecated_at
// comes before retires_at. A kind it cannot set yet fails the test.
func fill(t *testing.T, v reflect.Value, text string) {
	t.Helper()
	month := time.January
	var set func(v reflect.Value)
	set = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
			set(v.Elem())
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[time.Time]() {
				v.Set(reflect.ValueOf(time.Date(2024, month, 1, 0, 0, 0, 0, time.UTC)))
				month++
				return
			}
			for i := range v.NumField() {
				if f := v.Field(i); f.CanSet() {
					set(f)
				}
			}
		case reflect.String:
			v.SetString(text)
		case reflect.Int64:
			v.SetInt(128000)
		case reflect.Float64:
			v.SetFloat(1.5)
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
			set(v.Index(0))
		case reflect.Map:
			key, value := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			set(key)
			set(value)
			v.Set(reflect.MakeMap(v.Type()))
			v.SetMapIndex(key, value)
		default:
			t.Fatalf("fill cannot set a %s yet: add its kind", v.Type())
		}
	}
	set(v)
}

// modelJSON writes m as JSON, for comparisons and messages.
func modelJSON(t *testing.T, m megallm.Model) string {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCapabilityTable_eachRowReadsItsField: every row of the table is read
// from the API's name for it, in every decoding path, and reads back only
// its own flag, also from CapabilitiesOf.
func TestCapabilityTable_eachRowReadsItsField(t *testing.T) {
	t.Parallel()
	for _, row := range megallm.CapabilityTable {
		m, problems := decodeEveryPath(t, `{"id":"m","capabilities":{"`+row.Field()+`":true}}`)
		built := megallm.CapabilitiesOf(map[string]bool{row.Field(): true})
		for _, other := range megallm.CapabilityTable {
			want := other.Name == row.Name
			for source, flag := range map[string]*bool{"decoded": other.Supported(&m), "built": other.Flag(&built)} {
				if got := flag != nil && *flag; got != want || (flag != nil) != want {
					t.Errorf("%s with only %s: %s = %v, want %v", source, row.Field(), other.Field(), flag, want)
				}
			}
		}
		if len(problems) != 0 {
			t.Errorf("%s: problems %q, want none", row.Field(), problems)
		}
	}
}
