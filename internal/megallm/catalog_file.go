package megallm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// CatalogFileError is a catalog file that cannot be read or decoded. Line and
// Column (from 1) locate a JSON error; they are zero when there is none.
type CatalogFileError struct {
	Path   string
	Line   int
	Column int
	Err    error
}

func (e *CatalogFileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("catalog file %s: line %d, column %d: %v", e.Path, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("catalog file %s: %v", e.Path, e.Err)
}

func (e *CatalogFileError) Unwrap() error { return e.Err }

// ReadCatalogFile reads a saved GET /models answer, as written by
// `curl $MEGALLM_BASE_URL/models`, for plans that must not call the API. It
// is decoded as an answer of the API is, problems included.
func ReadCatalogFile(path string) ([]Model, []Problem, error) {
	data, err := os.ReadFile(path) //nolint:gosec // G304: reading the file the user named is the point.
	if err != nil {
		return nil, nil, &CatalogFileError{Path: path, Err: err}
	}
	models, problems, err := DecodeModels(bytes.NewReader(data))
	if err != nil {
		fileErr := &CatalogFileError{Path: path, Err: err}
		if offset, ok := jsonErrorOffset(err, int64(len(data))); ok {
			fileErr.Line, fileErr.Column = lineColumn(data, offset)
		}
		return nil, nil, fileErr
	}
	return models, problems, nil
}

// jsonErrorOffset is the byte offset a JSON decoding error points at: the
// offending byte of a syntax error, the end of a value of the wrong type, the
// end of a truncated file.
func jsonErrorOffset(err error, size int64) (int64, bool) {
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntaxErr):
		return syntaxErr.Offset - 1, true // the offending byte, not the one after it
	case errors.As(err, &typeErr):
		return typeErr.Offset, true
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return size, true
	}
	return 0, false
}

// lineColumn turns a byte offset into a 1-based line and column; the column
// counts bytes, as JSON offsets do.
func lineColumn(data []byte, offset int64) (line, column int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	column = len(before) - bytes.LastIndexByte(before, '\n')
	return line, column
}
