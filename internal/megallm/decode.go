package megallm

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// DecodeModels decodes a GET /models body: an object whose "data" is the
// model list. Unknown fields are ignored, and so are byte-order marks before
// it, a key that names a field only in another letter case and all but the
// last of a key repeated in one object (withExactKeys). A body that is not such an object, or has no "data"
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
	var more any
	_ = json.Unmarshal(e.HasMore, &more) // absent: nil, as null is
	if s, ok := more.(string); ok {      // "true", as a catalog with one odd field may write it
		more = strings.EqualFold(strings.TrimSpace(s), "true")
	}
	if paged, _ := more.(bool); !paged {
		return nil
	}
	return []Problem{{Kind: CatalogPaged, Issue: `says "has_more": true, so it is the first page of a longer list, ` +
		`and the provider reads no other: the models of the later pages are missing`}}
}

// jsonSpace is the white space JSON allows around its values: space, tab,
// CR and LF, not the \f, \v or no-break space that bytes.TrimSpace trims.
const jsonSpace = " \t\r\n"

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
