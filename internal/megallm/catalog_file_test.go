package megallm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func writeFile(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "catalog.json")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadCatalogFile(t *testing.T) {
	t.Parallel()
	models, _, err := megallm.ReadCatalogFile(writeFile(t, string(mockapi.BuiltinCatalog())), "")
	if err != nil || len(models) != 26 || models[0].ID != "gpt-4o" {
		t.Fatalf("got %d models (err %v), want the 26 of the built-in catalog", len(models), err)
	}
}

// Byte-order marks at the start are ignored, however many a tool wrote, in a
// file and in the API's answer alike (a mirror serving such a file sends them).
func TestReadCatalogFile_byteOrderMarks(t *testing.T) {
	t.Parallel()
	for _, marks := range []string{"\ufeff", "\ufeff\ufeff", "\ufeff\ufeff\ufeff"} {
		models, _, err := megallm.ReadCatalogFile(writeFile(t, marks+string(mockapi.BuiltinCatalog())), "")
		if err != nil || len(models) != 26 {
			t.Errorf("%d byte-order marks: got %d models (err %v), want 26", len(marks)/3, len(models), err)
		}
		if models, err = listFrom(t, marks+string(mockapi.BuiltinCatalog())); err != nil || len(models) != 26 {
			t.Errorf("%d byte-order marks from the API: got %d models (err %v), want 26", len(marks)/3, len(models), err)
		}
	}
}

// A saved answer with a # note above it is JSON with a comment, not YAML,
// and reads once the comment line is deleted, as the error says.
func TestReadCatalogFile_commentLine(t *testing.T) {
	t.Parallel()
	answer := `{"object":"list","data":[{"id":"gpt-4o"}]}`
	_, _, err := megallm.ReadCatalogFile(writeFile(t, "# saved 2026-12-01\n"+answer), "")
	if err == nil || !strings.HasSuffix(err.Error(), ": the file is JSON after a # comment line, which JSON does not allow: delete the comment line(s) at its start") {
		t.Fatalf("err = %v, want the comment line named", err)
	}
	if models, _, err := megallm.ReadCatalogFile(writeFile(t, answer), ""); err != nil || len(models) != 1 {
		t.Errorf("without the comment line: %d models, err = %v; want 1 and none", len(models), err)
	}
}

func TestReadCatalogFile_errorsNameThePathAndPosition(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		body string
		want string
	}{
		"syntax error":                        {"{\n  \"object\": \"list\",\n  \"data\": [}\n", "line 3, column 12: invalid character '}' looking for beginning of value"},
		"truncated":                           {"{\"object\":\"list\",\n\"data\":[{\"id\":", "line 2, column 15: unexpected EOF"},
		"wrong type":                          {"{\"object\":\"list\",\n \"data\":{\"id\":\"x\"}}", `line 2, column 10: its "data" is a JSON object, not an array of models`},
		"no data":                             {"{\"object\":\"list\"}", `it has no "data" array`},
		"empty file":                          {"", "the file is empty (or only white space)"},
		"blank file":                          {" \n\t\n", "the file is empty (or only white space)"},
		"byte-order mark, then an error":      {"\ufeff{\"data\":[}", "line 1, column 10: invalid character '}'"},
		"two answers":                         {"{\"data\":[{\"id\":\"a\"}]}\n{\"data\":[]}\n", "line 2, column 1: it has more after its JSON object (two answers saved in one file, or text after the answer)"},
		"text after":                          {"{\"data\":[]},,,]]] not json", "line 1, column 12: it has more after its JSON object"},
		"wrong type, more":                    {"{\"data\":{}} x", "line 1, column 13: it has more after its JSON object"},
		"form feed after":                     {"{\"data\":[]}\n\f\n", `line 2, column 1: it has more after its JSON object, from "\u000c", which JSON does not count as white space (only space, tab, CR and LF): delete that character`},
		"UTF-16 with its BOM":                 {"\xff\xfe{\x00\"\x00", "the file is UTF-16, as Windows PowerShell 5.1's > and Out-File write it, and JSON must be UTF-8"},
		"UTF-16 big-endian":                   {"\x00{\x00\"", "the file is UTF-16"},
		"two byte-order marks, then an error": {"\ufeff\ufeff{\"data\":[}", "line 1, column 10: invalid character '}'"},
		"gzip":                                {"\x1f\x8b\x08\x00\x00\x00", "the file is compressed with gzip: decompress it (gunzip, or gzip -dk to keep the compressed one) and name the file it gives"},
		"zip":                                 {"PK\x03\x04\x14\x00", "the file is a zip archive: extract the catalog from it and name that file"},
		"HTML page":                           {"\n<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>", "the file is HTML or XML, not JSON: an error or sign-in page that curl saved without -f, or a web page rather than the API's answer"},
		"YAML":                                {"object: list\ndata:\n  - id: gpt-4o\n", "the file is YAML, not JSON: save the answer of GET /models as the API sends it, or convert the file to JSON (yq -o=json)"},
		"YAML document":                       {"---\ndata: []\n", "the file is YAML, not JSON"},
		"YAML after a comment":                {"# models\nobject: list\ndata:\n  - id: gpt-4o\n", "the file is YAML, not JSON"},
		"JSON after comments, CRLF":           {"# saved 2026-12-01\r\n\r\n  # by curl\r\n[{\"id\":\"a\"}]", "the file is JSON after a # comment line, which JSON does not allow: delete the comment line(s) at its start"},
		"one model":                           {`{"id":"gpt-4o","object":"model","owned_by":"openai"}`, `it is one model (an "id" and no "data" array), not the model list: save the whole answer of GET /models`},
		"API error":                           {`{"error":{"message":"Invalid API key","type":"invalid_request_error"}}`, `it is an error answer of the API (an "error" and no "data" array), which curl saves without -f: save the model list again, with -f, which fails rather than saving an error`},
		"FastAPI error":                       {`{"detail":"Not authenticated"}`, `it has no "data" array`},
		"not a model list":                    {"[1,2]", `line 1, column 2: it is a JSON array, not an object with a "data" array of models (save the whole answer of GET /models, not its data alone)`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path := writeFile(t, tc.body)
			_, _, err := megallm.ReadCatalogFile(path, "")
			var fileErr *megallm.CatalogFileError
			if !errors.As(err, &fileErr) || !strings.Contains(err.Error(), "catalog file "+megallm.QuotePath(path)+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want a *CatalogFileError naming the path and %q", err, tc.want)
			}
		})
	}
	// One byte over the limit, as a sparse file: nothing of it is read.
	huge := filepath.Join(t.TempDir(), "huge.json")
	if err := os.WriteFile(huge, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, megallm.DefaultMaxBodyBytes+1); err != nil {
		t.Fatal(err)
	}
	if _, _, err := megallm.ReadCatalogFile(huge, ""); err == nil || !strings.Contains(err.Error(), "the file is larger than the provider's limit of 64 MiB") {
		t.Errorf("file over the limit: err = %v, want the size limit named", err)
	}
	missing := filepath.Join(t.TempDir(), "missing.json")
	_, _, err := megallm.ReadCatalogFile(missing, "")
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), megallm.QuotePath(missing)) {
		t.Errorf("missing file: err = %v, want os.ErrNotExist naming the file", err)
	}
}

// The path is quoted and bounded: an invisible character or a space at its
// end shows, and a huge path does not fill the screen.
func TestReadCatalogFile_quotesThePath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ path, want string }{
		{"catalog.json\u200b", `catalog file "catalog.json\u200b": no such file or directory`},
		{"catalog.json ", `catalog file "catalog.json ": no such file or directory`},
		{"/nonexistent/" + strings.Repeat("a", 5000), `catalog file "/nonexistent/aaaa`},
		// A path longer than a quoted value keeps its file name.
		{"/nonexistent/home/runner/work/platform/platform/modules/llm/testdata/catalog.json", `catalog file ` +
			`"/nonexistent/home/runner/work/platform/platform/modules/llm/testdata/catalog.json": no such file or directory`},
	} {
		_, _, err := megallm.ReadCatalogFile(tc.path, "")
		if err == nil || !strings.Contains(err.Error(), tc.want) || len(err.Error()) > 400 {
			t.Errorf("err = %q, want it to hold %q and be short", err, tc.want)
		}
	}
}

// TestReadCatalogFile_scrubsTheKey: a file saved from a server that wrote the
// key into its answer is read, when the key is given, alone or with another
// before or after it (api_key's and MEGALLM_API_KEY's), as that answer is: the
// same models, the key *** in their text and an id that holds it left out,
// and the same problems.
func TestReadCatalogFile_scrubsTheKey(t *testing.T) {
	t.Parallel()
	body := `{"object":"list","data":[{"id":"m1","display_name":"Model ` + testKey + `","owned_by":"` +
		strings.ToUpper(testKey) + `","successor":"m-` + testKey + `"},{"id":"` + testKey + `"},` +
		`{"id":"m2","context_length":"` + testKey + `"}]}`
	fromAPI, apiProblems, err := newClient(t, megallm.Config{
		BaseURL: newRecorder(t, http.StatusOK, "application/json", body).URL + "/v1", APIKey: testKey,
	}).ListModels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	apiModels, _ := json.Marshal(fromAPI)
	api := fmt.Sprint(string(apiModels), apiProblems)
	const other = "test-key-catalog-file-other-8b2f"
	for _, keys := range [][]string{{testKey}, {other, testKey}, {testKey, other}} {
		fromFile, fileProblems, err := megallm.ReadCatalogFile(writeFile(t, body), keys...)
		if err != nil {
			t.Fatal(err)
		}
		fileModels, _ := json.Marshal(fromFile)
		file := fmt.Sprint(string(fileModels), fileProblems)
		if strings.Contains(strings.ToLower(file), testKey) {
			t.Errorf("keys %q: the models or problems read from the file hold the key", keys)
		}
		if file != api || len(fromFile) != 2 || len(fileProblems) != 3 {
			t.Errorf("keys %q: from the file: %s\nwant the API's: %s (2 models, 3 problems)", keys, file, api)
		}
	}
}
