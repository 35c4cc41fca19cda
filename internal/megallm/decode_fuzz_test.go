package megallm

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzDecodeModels feeds arbitrary bodies to the decoder. It must never
// panic, and the excerpt an error would quote must be short valid UTF-8. A
// body it accepts gives models fit to use: each with an id, no id twice, no
// negative price, no limit below 1, a currency nil or three upper-case
// letters, every date nil or RFC 3339 with an upper-case T and Z; every entry
// of "data" that is an object with a string id is among them or explained by
// a problem, each of them is such an entry (of the last "data", the last
// "id" of each, as keys repeat), and each problem is one line of valid
// UTF-8. The models survive a round trip unchanged and without problems, but
// for the marks of a date that could not be read
// (Model.RetiresAtUnreadable), which no JSON carries. Above all, a body read
// in one pass reads the same entry by entry and field by field
// (checkPathsAgree).
// Seeds are in testdata/fuzz/FuzzDecodeModels.
func FuzzDecodeModels(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		if quoted := (redactor{}).excerpt(body, false); !utf8.ValidString(quoted) || len(quoted) > excerptBytes+len("…") {
			t.Fatalf("excerpt of %d bytes is %d bytes or invalid UTF-8", len(body), len(quoted))
		}
		checkPathsAgree(t, body)
		models, problems, err := DecodeModels(bytes.NewReader(body))
		if err != nil {
			return
		}
		ids := checkModels(t, models)
		explained := map[int]bool{}
		for _, p := range problems {
			if s := p.String(); !utf8.ValidString(s) || strings.ContainsAny(s, "\r\n") {
				t.Fatalf("problem %q is not one line of valid UTF-8", s)
			}
			explained[p.Index] = true
		}
		entries := map[string]bool{}
		for i, raw := range exactKey[[]json.RawMessage](withoutByteOrderMarks(body), "data") {
			id := exactKey[string](raw, "id")
			if id != "" && !ids[id] && !explained[i] {
				t.Fatalf("data[%d] (id %q) is neither a model nor a problem", i, id)
			}
			entries[id] = true
		}
		for id := range ids {
			if !entries[id] {
				t.Fatalf("model %q is no entry of data", id)
			}
		}

		again, err := json.Marshal(map[string]any{"object": "list", "data": models})
		if err != nil {
			t.Fatalf("re-encoding decoded models: %v", err)
		}
		decoded, problems, err := DecodeModels(bytes.NewReader(again))
		if err != nil || len(problems) > 0 {
			t.Fatalf("decoding re-encoded models: %v %v", err, problems)
		}
		for i := range models { // a date read as null is re-encoded as null: the JSON cannot say it was unreadable
			models[i].DeprecatedAtUnreadable, models[i].RetiresAtUnreadable = false, false
		}
		if !reflect.DeepEqual(models, decoded) {
			t.Fatalf("round trip changed the models:\n%+v\n%+v", models, decoded)
		}
	})
}

// checkPathsAgree fails unless a body that the decoder reads in one pass
// gives the same models and problems entry by entry (decodeEntries) and with
// each entry read field by field (readFields), as an entry is when one of
// its values has the wrong type: the path a body takes must not change how
// its other entries read.
func checkPathsAgree(t *testing.T, body []byte) {
	t.Helper()
	body, misnamed := withExactKeys(withoutByteOrderMarks(body))
	var envelope modelsResponse
	if json.Unmarshal(body, &envelope) != nil || envelope.Data == nil {
		return
	}
	models, problems, ok := review{misnamed: misnamed}.reviewDecoded(*envelope.Data)
	if !ok {
		return
	}
	entries, entriesProblems, err := review{misnamed: misnamed}.decodeEntries(body)
	if err != nil || !reflect.DeepEqual(models, entries) || !reflect.DeepEqual(problems, entriesProblems) {
		t.Fatalf("in one pass:\n%s\n%q\nentry by entry (%v):\n%s\n%q", jsonOf(models), problems, err, jsonOf(entries), entriesProblems)
	}
	var raws struct {
		Data []json.RawMessage `json:"data"`
	}
	_ = json.Unmarshal(body, &raws) // as decodeEntries reads the list
	rev := review{misnamed: misnamed}
	read, indices := []Model{}, []int{}
	for i, raw := range raws.Data {
		if w, ok := rev.readFields(raw, i); ok {
			if m, ok := rev.keep(&w, i); ok {
				read, indices = append(read, m), append(indices, i)
			}
		}
	}
	rev.respellNames(read, indices)
	if !reflect.DeepEqual(models, read) || !reflect.DeepEqual(problems, rev.problems) {
		t.Fatalf("in one pass:\n%s\n%q\nfield by field:\n%s\n%q", jsonOf(models), problems, jsonOf(read), rev.problems)
	}
}

// jsonOf is v as JSON, for a failure to show values rather than pointers.
func jsonOf(v any) string {
	out, _ := json.Marshal(v)
	return string(out)
}

// exactKey is the value of an object's key written exactly so, the last
// one if repeated, as the API's names are exact; a key in another letter
// case, which encoding/json would match too, is another field. It is the
// zero T where object is no JSON object or its key holds no T.
func exactKey[T any](object []byte, key string) T {
	var fields map[string]json.RawMessage
	var value T
	if json.Unmarshal(object, &fields) == nil {
		_ = json.Unmarshal(fields[key], &value)
	}
	return value
}

// checkModels fails unless every model is fit to use, and returns their ids.
func checkModels(t *testing.T, models []Model) map[string]bool {
	t.Helper()
	ids := make(map[string]bool, len(models))
	for _, m := range models {
		if m.ID == "" || ids[m.ID] {
			t.Fatalf("model id %q is empty or repeated", m.ID)
		}
		ids[m.ID] = true
		if p := m.Pricing; p != nil && ((p.InputTokensCostPerMillion != nil && *p.InputTokensCostPerMillion < 0) ||
			(p.OutputTokensCostPerMillion != nil && *p.OutputTokensCostPerMillion < 0)) {
			t.Fatalf("model %q has a negative price", m.ID)
		}
		if (m.ContextLength != nil && *m.ContextLength <= 0) || (m.MaxOutputTokens != nil && *m.MaxOutputTokens <= 0) {
			t.Fatalf("model %q has a limit below 1", m.ID)
		}
		for name, date := range map[string]*time.Time{"created_at": m.CreatedAt, "deprecated_at": m.DeprecatedAt, "retires_at": m.RetiresAt} {
			if date == nil {
				continue
			}
			if text := FormatDate(*date); strings.ContainsAny(text, "tz ") {
				t.Fatalf("model %q: %s %q is not RFC 3339 with an upper-case T and Z", m.ID, name, text)
			}
		}
		if p := m.Pricing; p != nil && p.Currency != nil {
			if code := *p.Currency; len(code) != 3 || strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
				t.Fatalf("model %q: currency %q is not three upper-case letters", m.ID, code)
			}
		}
	}
	return ids
}
