package megallm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// errNoData is a body without a model list.
var errNoData = errors.New(`it has no "data" array`)

// ErrErrorAnswer is a body with an "error" and no "data" array: an error
// answer of the API, which a server may send with a 2xx status and curl
// saves without -f. A body with only a "message" or "detail" is not one: at
// a 2xx status that is more likely another service's page (a base_url
// without /v1 answering {"message":"Welcome"}) than an error.
var ErrErrorAnswer = errors.New(`it is an error answer of the API (an "error" and no "data" array)`)

// ErrorAnswerError is ErrErrorAnswer with what the API said (Said's
// Message, Type and Code, at least one of them set), scrubbed and cut as an
// APIError's are.
type ErrorAnswerError struct{ Said APIError }

func (e *ErrorAnswerError) Error() string { return ErrErrorAnswer.Error() + ": " + e.Said.said() }

func (e *ErrorAnswerError) Unwrap() error { return ErrErrorAnswer }

// noData is the error for a body that has no "data" array: ErrErrorAnswer
// when it has an "error" that is not null (null is an omitted field), with
// what readBody finds in it when it finds anything, else errNoData.
func (r redactor) noData(body []byte) error {
	var answer struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &answer) != nil || answer.Error == nil || string(answer.Error) == "null" {
		return errNoData
	}
	e := &ErrorAnswerError{}
	if !e.Said.readBody(body, r) {
		return ErrErrorAnswer
	}
	return e
}

// errEmptyBody is a body with nothing in it, which Go's decoder calls "EOF".
var errEmptyBody = errors.New("it is empty (or only white space)")

// DecodeModels decodes a GET /models body: an object whose "data" is the
// model list. Unknown fields are ignored, and so are byte-order marks before
// it and a key that names a field only in another letter case
// (withExactKeys). A body that is not such an object, or has no "data"
// array, is an error. Odd entries are not: a field that cannot be read or
// makes no sense is nil, a type or owner that no configuration could name as
// the other models' is respelled (respellNames), an entry that is not a model
// with an id or repeats an earlier id is left out, and each is returned as a
// Problem. Integral
// numbers written as floats (128000.0, 1.28e5) are read as integers, and
// dates as ParseDate reads them.
//
// A clean body is decoded in one pass; only a body with a value of the wrong
// type, or an entry without an id, is decoded again entry by entry.
func DecodeModels(r io.Reader) ([]Model, []Problem, error) {
	size := int64(-1)
	switch r := r.(type) {
	case *bytes.Reader:
		size = int64(r.Len())
	case *strings.Reader:
		size = int64(r.Len())
	}
	return redactor{}.readModels(r, size)
}

// readModels is decodeModels of what in holds: size bytes, when that is
// known, else -1.
func (r redactor) readModels(in io.Reader, size int64) ([]Model, []Problem, error) {
	body, err := readAll(in, size)
	if err != nil {
		return nil, nil, err
	}
	return r.decodeModels(body)
}

// readAll is io.ReadAll, which allocates about twice the body as it grows,
// into one buffer sized when size is known (not -1): what in is expected to
// hold, bounded by the caller, and bytes.MinRead more to read its EOF. A
// wrong size costs a regrowth, never a byte unread.
func readAll(in io.Reader, size int64) ([]byte, error) {
	if size < 0 {
		return io.ReadAll(in)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err := buf.ReadFrom(in)
	return buf.Bytes(), err
}

// decodeModels is DecodeModels for an answer to a request that carried the
// key, or a file saved from one: a model's text fields and the problems,
// which quote the server's values, have it replaced (String), and an entry
// whose id holds it is left out, as no configuration could name the id.
func (r redactor) decodeModels(body []byte) ([]Model, []Problem, error) {
	models, problems, err := r.decodeList(body)
	for i := range problems {
		problems[i].ModelID = r.String(problems[i].ModelID)
		problems[i].Issue = r.String(problems[i].Issue)
	}
	return models, problems, err
}

// decodeList is decodeModels before the problems are scrubbed.
func (r redactor) decodeList(body []byte) ([]Model, []Problem, error) {
	body, misnamed := withExactKeys(withoutByteOrderMarks(body))
	rev := review{redact: r, misnamed: misnamed}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, nil, errEmptyBody
	}
	var envelope modelsResponse
	err := json.Unmarshal(body, &envelope) // without a Decoder's copy of the body
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, new(*json.SyntaxError)) { // Unmarshal checks the syntax before it decodes anything
		// Not one JSON value: the Decoder says where it ends, or what breaks it.
		dec := json.NewDecoder(bytes.NewReader(body))
		err = dec.Decode(&envelope)
		end := dec.InputOffset()
		if rest := bytes.TrimLeft(body[end:], jsonSpace); (err == nil || errors.As(err, &typeErr)) && len(rest) > 0 {
			first, _ := utf8.DecodeRune(rest)
			return nil, nil, &trailingDataError{Offset: int64(len(body) - len(rest)), First: first}
		}
	}
	switch {
	case err == nil && envelope.Data == nil:
		return nil, nil, r.noData(body)
	case err == nil:
		if models, problems, ok := rev.reviewDecoded(*envelope.Data); ok {
			return models, append(problems, envelope.paged()...), nil
		}
	case !errors.As(err, &typeErr):
		return nil, nil, err
	}
	models, problems, entriesErr := rev.decodeEntries(body)
	if listErr := (*json.UnmarshalTypeError)(nil); errors.As(entriesErr, &listErr) {
		// Not a model list at all: the body, or its "data", is of another type.
		return nil, nil, &shapeError{listErr}
	}
	if entriesErr != nil {
		return nil, nil, entriesErr
	}
	return models, append(problems, envelope.paged()...), nil
}

// paged is the CatalogPaged problem of a list that says it has more pages,
// which the provider does not read: the models on them are missing from it.
func (e *modelsResponse) paged() []Problem {
	if string(e.HasMore) != "true" {
		return nil
	}
	return []Problem{{Kind: CatalogPaged, Issue: `says "has_more": true, so it is the first page of a longer list, ` +
		`and the provider reads no other: the models of the later pages are missing`}}
}

// jsonSpace is the white space JSON allows around its values: space, tab,
// CR and LF, not the \f, \v or no-break space that bytes.TrimSpace trims.
const jsonSpace = " \t\r\n"

// trailingDataError is a body with more after its JSON value, such as two
// answers saved in one file or a page after the answer: which of them is
// the catalog cannot be told, so none is read.
type trailingDataError struct {
	// Offset is where the rest starts, in bytes.
	Offset int64
	// First is the rest's first character.
	First rune
}

func (e *trailingDataError) Error() string {
	if unicode.IsSpace(e.First) { // invisible where the error points
		return "it has more after its JSON object, from " + Quote(string(e.First)) + ", which JSON does not count " +
			"as white space (only space, tab, CR and LF)"
	}
	return "it has more after its JSON object"
}

// savedFileError is err for a catalog file: a body that is no model list
// because of how the answer was saved says how, which of an answer of the
// API, saved by nobody, would be false.
func savedFileError(err error) error {
	var shape *shapeError
	var trailing *trailingDataError
	switch {
	case errors.As(err, &trailing) && unicode.IsSpace(trailing.First):
		return fmt.Errorf("%w: delete that character", err)
	case trailing != nil:
		return fmt.Errorf("%w (two answers saved in one file, or text after the answer): it must hold one GET "+
			"/models answer", err)
	case errors.As(err, &shape) && shape.err.Field == "":
		return fmt.Errorf("%w (save the whole answer of GET /models, not its data alone)", err)
	}
	return err
}

// shapeError is a body that is no object with a "data" array, worded
// without Go's type names; it unwraps to the decoder's error, whose offset
// locates it in a catalog file.
type shapeError struct{ err *json.UnmarshalTypeError }

func (e *shapeError) Error() string {
	if e.err.Field == "" {
		return "it is a JSON " + e.err.Value + `, not an object with a "data" array of models`
	}
	return "its " + Quote(e.err.Field) + " is a JSON " + e.err.Value + ", not an array of models"
}

func (e *shapeError) Unwrap() error { return e.err }

// reviewDecoded checks models decoded in one pass. It reports false, to have
// the body decoded entry by entry, when an entry has no id: only that decode
// can tell a null entry from an object without an id.
func (rev review) reviewDecoded(entries []wireModel) ([]Model, []Problem, bool) {
	models := make([]Model, 0, len(entries))
	indices := make([]int, 0, len(entries))
	for i := range entries {
		if entries[i].ID == "" {
			return nil, nil, false
		}
		if m, ok := rev.keep(&entries[i], i); ok {
			models, indices = append(models, m), append(indices, i)
		}
	}
	rev.respellNames(models, indices)
	return models, rev.problems, true
}

// decodeEntries decodes the model list entry by entry, reading what it can
// of each.
func (rev review) decodeEntries(body []byte) ([]Model, []Problem, error) {
	var envelope struct {
		Data *[]json.RawMessage `json:"data"`
	}
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&envelope); err != nil {
		return nil, nil, err
	}
	if envelope.Data == nil {
		return nil, nil, rev.redact.noData(body)
	}
	models := make([]Model, 0, len(*envelope.Data))
	indices := make([]int, 0, len(*envelope.Data))
	for i, raw := range *envelope.Data {
		if w, ok := rev.decodeEntry(raw, i); ok {
			if m, ok := rev.keep(&w, i); ok {
				models, indices = append(models, m), append(indices, i)
			}
		}
	}
	rev.respellNames(models, indices)
	return models, rev.problems, nil
}

// review collects the problems of one model list and remembers the ids seen.
type review struct {
	problems []Problem
	seen     map[string]struct{}
	// dates is a block the models' dates are kept in, allocated together
	// rather than one by one.
	dates []time.Time
	// redact scrubs the key from the models' text.
	redact redactor
	// misnamed are the fields of each entry sent only under another key
	// (withExactKeys).
	misnamed map[int][]sentAs
}

// keep returns the model w describes, its nonsense values cleared, and
// reports whether it is the first entry with its id.
func (rev *review) keep(w *wireModel, index int) (Model, bool) {
	if rev.seen == nil {
		rev.seen = make(map[string]struct{})
	}
	if rev.redact.String(w.ID) != w.ID { // scrubbed, no configuration could name it
		rev.problems = append(rev.problems, Problem{Kind: EntryDropped, Index: index,
			Issue: `has an "id" that holds ` + keyNeverShown})
		return Model{}, false
	}
	if strings.TrimSpace(w.ID) != w.ID { // no id written in a configuration could name it
		rev.problems = append(rev.problems, Problem{Kind: EntryDropped, Index: index,
			Issue: `has the "id" ` + Quote(w.ID) + ", with white space around it, which no model id has"})
		return Model{}, false
	}
	if _, dup := rev.seen[w.ID]; dup {
		rev.problems = append(rev.problems, Problem{
			Kind: DuplicateDropped, Index: index, ModelID: w.ID,
			Issue: "repeats an earlier entry's; the first is kept",
		})
		return Model{}, false
	}
	rev.seen[w.ID] = struct{}{}
	m := rev.readOlderShape(w, index)
	rev.clearNonsense(&m, index)
	if w.CreatedAtText != nil { // else the older shape's created, if any
		m.CreatedAt = rev.date(&m, index, "created_at", w.CreatedAtText)
	}
	m.DeprecatedAt = rev.date(&m, index, "deprecated_at", w.DeprecatedAtText)
	m.RetiresAt = rev.date(&m, index, "retires_at", w.RetiresAtText)
	m.DeprecatedAtUnreadable, m.RetiresAtUnreadable = rev.readAsNull(index, "deprecated_at"), rev.readAsNull(index, "retires_at")
	// A currency that holds the key is no three-letter code, and nil already.
	rev.redact.texts(m.Object, m.Type, m.OwnedBy, m.DisplayName, m.Successor)
	return m, true
}

// keyNeverShown ends the problem of an id or successor that holds the key.
const keyNeverShown = "the API key, which the provider never shows or saves"

// clearNonsense sets to nil the values that cannot be true: a negative
// price, a currency that is not three letters or is sent under another key
// (and the prices in it), a limit that is not positive, a blank type, owner,
// display name or successor, or a successor that holds the key (scrubbed, it
// would name no model, and advice would offer it). A field sent only under
// another key is reported. A currency code is trimmed and upper-cased.
func (rev *review) clearNonsense(m *Model, index int) {
	field := func(name, issue string) { rev.fieldReadAsNull(m, index, name, issue) }
	for _, s := range rev.misnamed[index] {
		issue := s.issue()
		if s.field == "pricing.currency" {
			issue += pricesInNoCurrency(m.Pricing)
		}
		field(s.field, issue)
	}
	if p := m.Pricing; p != nil {
		if v := p.InputTokensCostPerMillion; v != nil && *v < 0 {
			field("pricing.input_tokens_cost_per_million", "is "+formatFloat(*v)+", a negative price")
			p.InputTokensCostPerMillion = nil
		}
		if v := p.OutputTokensCostPerMillion; v != nil && *v < 0 {
			field("pricing.output_tokens_cost_per_million", "is "+formatFloat(*v)+", a negative price")
			p.OutputTokensCostPerMillion = nil
		}
		if v := p.Currency; v != nil {
			code, ok := NormaliseCurrency(*v)
			switch {
			case !ok:
				field("pricing.currency", "is the string "+Quote(*v)+", not a three-letter currency code"+pricesInNoCurrency(p))
				p.Currency = nil
			case code != *v:
				changed := code // escapes only here, where it is needed
				p.Currency = &changed
			}
		}
	}
	if v := m.ContextLength; v != nil && !rev.positiveTokens(m, index, "context_length", v) {
		m.ContextLength = nil
	}
	if v := m.MaxOutputTokens; v != nil && !rev.positiveTokens(m, index, "max_output_tokens", v) {
		m.MaxOutputTokens = nil
	}
	for _, text := range []struct {
		name, not string
		value     **string
	}{{"type", "a type", &m.Type}, {"owned_by", "an owner", &m.OwnedBy}, {"display_name", "a name", &m.DisplayName},
		{"successor", "a model id", &m.Successor}} {
		if v := *text.value; v != nil && strings.TrimSpace(*v) == "" {
			field(text.name, "is the string "+Quote(*v)+", not "+text.not)
			*text.value = nil
		}
	}
	if v := m.Successor; v != nil && rev.redact.String(*v) != *v {
		field("successor", "holds "+keyNeverShown)
		m.Successor = nil
	}
}

// pricesInNoCurrency clears p's prices, whose currency cannot be read: a
// price without a currency counts as DefaultCurrency, and these may be in
// any other. It says so, after a currency's problem.
func pricesInNoCurrency(p *Pricing) string {
	if p.InputTokensCostPerMillion == nil && p.OutputTokensCostPerMillion == nil {
		return ""
	}
	p.InputTokensCostPerMillion, p.OutputTokensCostPerMillion = nil, nil
	return ", so the prices in it are read as null too"
}

// date reads the date a field of m, entry index, was sent as (ParseDate);
// nil when it was not sent, is not a date or is a placeholder, which is
// reported.
func (rev *review) date(m *Model, index int, name string, text *string) *time.Time {
	if text == nil {
		return nil
	}
	t, err := ParseDate(*text)
	issue := placeholder(t)
	switch {
	case errors.As(err, new(dayError)): // "not a date: June 2026 has 30 days", as an argument's
		issue = err.Error()
	case errors.Is(err, ErrNotADate):
		issue = "not " + DateForms
	case err != nil:
		issue = err.Error()
	}
	if issue != "" {
		rev.fieldReadAsNull(m, index, name, "is the string "+Quote(*text)+", "+issue)
		return nil
	}
	if len(rev.dates) == cap(rev.dates) {
		rev.dates = make([]time.Time, 0, 64)
	}
	rev.dates = append(rev.dates, t)
	return &rev.dates[len(rev.dates)-1]
}

// placeholder says which zero value t is, for no date: Go's (and .NET's)
// zero time, also as its wall clock in another offset, as .NET writes it, or
// the Unix epoch, which a Unix time of 0 is; or that t is earlier, as year 0
// ("0000-01-01") is, which the older shape's created cannot be either. No
// model was made, deprecated or retired then, and read as dates they would
// retire a model or keep it under created_before. "" for any other time.
func placeholder(t time.Time) string {
	switch {
	case t.IsZero() || time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC).IsZero():
		return "Go's zero time, a placeholder for no date"
	case t.Equal(time.Unix(0, 0)):
		return "the Unix epoch, a placeholder for no date"
	case t.Before(time.Unix(0, 0)):
		return "before 1970, when no model existed"
	}
	return ""
}

// fieldReadAsNull reports that a field of m, entry index, is read as null.
func (rev *review) fieldReadAsNull(m *Model, index int, name, issue string) {
	rev.problems = append(rev.problems, Problem{Kind: FieldReadAsNull, Index: index, ModelID: m.ID, Field: name, Issue: issue})
}

// readAsNull reports whether the field name of entry index, the last entry
// reviewed, was read as null.
func (rev *review) readAsNull(index int, name string) bool {
	for i := len(rev.problems) - 1; i >= 0 && rev.problems[i].Index == index; i-- {
		if p := rev.problems[i]; p.Kind == FieldReadAsNull && p.Field == name {
			return true
		}
	}
	return false
}

// positiveTokens reports whether a token limit of m is positive, reporting
// it when it is not.
func (rev *review) positiveTokens(m *Model, index int, name string, v *int64) bool {
	if *v <= 0 {
		rev.fieldReadAsNull(m, index, name, "is "+formatInt(*v)+", not a positive number of tokens")
		return false
	}
	return true
}
