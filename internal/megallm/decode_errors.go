package megallm

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode"
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
