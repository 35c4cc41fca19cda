package megallm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
)

// CatalogFileError is a catalog file that cannot be read or decoded. Line and
// Column (from 1) locate a JSON error; they are zero when there is none. The
// path is quoted (QuotePath), so that a space or an invisible character in it
// shows.
type CatalogFileError struct {
	Path   string
	Line   int
	Column int
	Err    error
}

func (e *CatalogFileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("catalog file %s: line %d, column %d: %v", QuotePath(e.Path), e.Line, e.Column, e.Err)
	}
	if pathErr := (*fs.PathError)(nil); errors.As(e.Err, &pathErr) { // "open PATH: ..." would name the path twice
		return fmt.Sprintf("catalog file %s: %v", QuotePath(e.Path), pathErr.Err)
	}
	return fmt.Sprintf("catalog file %s: %v", QuotePath(e.Path), e.Err)
}

func (e *CatalogFileError) Unwrap() error { return e.Err }

// ReadCatalogFile reads a saved GET /models answer, as written by
// `curl $MEGALLM_BASE_URL/models`, for plans that must not call the API. It
// is decoded as an answer of the API is, problems included, and read with
// the same limit, DefaultMaxBodyBytes; every key of apiKeys that is set is
// scrubbed from it as from an answer to a request that carried it (the
// server that the file was saved from may have echoed whichever it was sent).
func ReadCatalogFile(path string, apiKeys ...string) ([]Model, []Problem, error) {
	data, err := readFileLimited(path, DefaultMaxBodyBytes)
	if err != nil {
		return nil, nil, &CatalogFileError{Path: path, Err: err}
	}
	data = withoutByteOrderMarks(data)
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || (len(data) > 1 && (data[0] == 0 || data[1] == 0)) {
		return nil, nil, &CatalogFileError{Path: path, Err: errors.New("the file is UTF-16, as Windows PowerShell 5.1's > and " +
			"Out-File write it, and JSON must be UTF-8: save it with curl.exe -o (in Windows PowerShell, curl alone is " +
			"Invoke-WebRequest), or in PowerShell with Out-File -Encoding utf8")}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, &CatalogFileError{Path: path, Err: errors.New("the file is empty (or only white space)")}
	}
	models, problems, err := newRedactor(apiKeys...).decodeModels(data)
	if err != nil {
		if holds := otherContent(data, err); holds != nil {
			return nil, nil, &CatalogFileError{Path: path, Err: holds}
		}
		fileErr := &CatalogFileError{Path: path, Err: savedFileError(err)}
		if offset, ok := jsonErrorOffset(err, int64(len(data))); ok {
			fileErr.Line, fileErr.Column = lineColumn(data, offset)
		}
		return nil, nil, fileErr
	}
	return models, problems, nil
}

// ErrCatalogIsDirectory is a catalog file path that names a directory.
var ErrCatalogIsDirectory = errors.New("it is a directory, not a file")

// otherContent says what a file that is no model list holds instead, when
// its start tells: a compressed file, a web page, YAML, one model or an
// error answer of the API; nil otherwise. It is asked only once decoding
// has failed, so a catalog is never taken for one of them.
func otherContent(data []byte, err error) error {
	text := bytes.TrimLeft(data, jsonSpace)
	switch {
	case bytes.HasPrefix(data, []byte{0x1F, 0x8B}):
		return errors.New("the file is compressed with gzip: decompress it (gunzip, or gzip -dk to keep the " +
			"compressed one) and name the file it gives")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return errors.New("the file is a zip archive: extract the catalog from it and name that file")
	case bytes.HasPrefix(text, []byte("<")):
		return errors.New("the file is HTML or XML, not JSON: an error or sign-in page that curl saved without -f, " +
			"or a web page rather than the API's answer")
	case jsonAfterComments(text):
		return errors.New("the file is JSON after a # comment line, which JSON does not allow: delete the comment " +
			"line(s) at its start")
	case yamlStart.Match(text):
		return errors.New("the file is YAML, not JSON: save the answer of GET /models as the API sends it, or " +
			"convert the file to JSON (yq -o=json)")
	case errors.Is(err, ErrErrorAnswer):
		return fmt.Errorf("%w, which curl saves without -f: save the model list again, with -f, which fails rather "+
			"than saving an error", ErrErrorAnswer)
	case !errors.Is(err, errNoData):
		return nil
	}
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(data, &probe) == nil && probe.ID != nil {
		return errors.New(`it is one model (an "id" and no "data" array), not the model list: save the whole ` +
			"answer of GET /models")
	}
	return nil
}

// yamlStart is the start of a YAML file: a document marker, a comment, or
// a key with a colon.
var yamlStart = regexp.MustCompile(`^(---|#|[A-Za-z_][\w.-]*:(\s|$))`)

// jsonAfterComments says whether text is # comment lines, then a JSON
// object or array: a saved answer with a note added, not YAML.
func jsonAfterComments(text []byte) bool {
	if !bytes.HasPrefix(text, []byte("#")) {
		return false
	}
	for bytes.HasPrefix(text, []byte("#")) {
		_, text, _ = bytes.Cut(text, []byte("\n"))
		text = bytes.TrimLeft(text, jsonSpace)
	}
	return bytes.HasPrefix(text, []byte("{")) || bytes.HasPrefix(text, []byte("["))
}

// utf8BOM is the byte-order mark some Windows tools write at the start of a UTF-8 file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// withoutByteOrderMarks is data without the UTF-8 byte-order marks at its
// start, which RFC 8259 lets a parser ignore: Windows PowerShell 5.1's Out-File
// -Encoding utf8 writes one, a tool that adds one to a file that has one
// writes more, and a server or mirror that serves such a file sends them.
func withoutByteOrderMarks(data []byte) []byte {
	for bytes.HasPrefix(data, utf8BOM) {
		data = data[len(utf8BOM):]
	}
	return data
}

// ErrCatalogNotRegular is a catalog file path that names a named pipe, a
// socket or a device: opening or reading one can wait for ever for another
// program to write to it, and the plan would hang.
var ErrCatalogNotRegular = errors.New("it is a named pipe, socket or device, not a regular file, and reading it " +
	"could wait for ever for a program to write to it: save the catalog to a file and name that file")

// readFileLimited reads the file, failing once it is larger than limit bytes.
func readFileLimited(path string, limit int64) ([]byte, error) {
	if info, err := os.Stat(path); err == nil && info.Mode()&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice) != 0 {
		return nil, ErrCatalogNotRegular
	}
	f, err := os.Open(path) //nolint:gosec // G304: reading the file the user named is the point.
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	size := int64(-1) // unknown if Stat fails
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, ErrCatalogIsDirectory
		}
		size = min(info.Size(), limit+1)
	}
	data, err := readAll(io.LimitReader(f, limit+1), size)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("the file is larger than the provider's limit of %s (the same as for an API answer)", byteSize(limit))
	}
	return data, nil
}

// jsonErrorOffset is the byte offset a JSON decoding error points at: the
// offending byte of a syntax error, the end of a value of the wrong type, the
// end of a truncated file.
func jsonErrorOffset(err error, size int64) (int64, bool) {
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	var trailing *trailingDataError
	switch {
	case errors.As(err, &trailing):
		return trailing.Offset, true
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
