package provider

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// writeCatalogFile saves body as a catalog file for one test.
func writeCatalogFile(t *testing.T, body []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "catalog.json")
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCatalogFile_bothDataSources reads the catalog from a file: no key, and
// no request, although base_url points at a live mock that would count one.
func TestCatalogFile_bothDataSources(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	path := writeCatalogFile(t, mockapi.BuiltinCatalog())
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "megallm" {
  catalog_file = %q
  base_url     = %q
}
data "megallm_models" "vision" {
  sort_by = "input_cost"
  require = { supports_vision = true, min_context_length = 128000 }
}
data "megallm_model" "mini" { id = "gpt-4o-mini" }
`, path, server.URL()),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_models.vision", tfjsonpath.New("ids").AtSliceIndex(0), knownvalue.StringExact("gemini-2.0-flash")),
			statecheck.ExpectKnownValue("data.megallm_model.mini", tfjsonpath.New("context_length"), knownvalue.Int64Exact(128000)),
		},
	})
	if n := server.RequestCount(); n != 0 {
		t.Errorf("with catalog_file the provider sent %d requests, want 0", n)
	}
}

func TestCatalogFile_environmentVariable(t *testing.T) {
	t.Setenv(envCatalogFile, writeCatalogFile(t, []byte(`{"object":"list","data":[{"id":"only-model","type":"chat"}]}`)))
	unitTest(t, resource.TestStep{
		Config: `data "megallm_models" "all" {}`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.all", "only-model"),
		},
	}, resource.TestStep{
		// Messages say where the catalog came from: the variable, as catalog_file is unset.
		Config:      `data "megallm_model" "m" { id = "only-modle" }`,
		ExpectError: expectError(`The MegaLLM catalog \(1 model from MEGALLM_CATALOG_FILE ".*catalog\.json"\) has no model with id "only-modle"`),
	})
}

// Quotes kept around the path (a .env file that Docker reads keeps them)
// are named, rather than a relative path read from where Terraform runs, and
// removing them, as the advice says, reads the file. A quoted path to write
// instead would be the mistake again, written so in the .env file.
func TestCatalogFile_quotedInEnvironment(t *testing.T) {
	path := writeCatalogFile(t, mockapi.BuiltinCatalog())
	t.Setenv(envCatalogFile, `"`+path+`"`)
	unitTest(t, resource.TestStep{
		Config: `data "megallm_models" "all" {}`,
		ExpectError: expectError(`no such file or directory\. The path is written in quotes, which here are part of ` +
			`the value \(as in a \.env file that Docker reads\): remove them\.\s+The file must`),
	})
	t.Setenv(envCatalogFile, path)
	unitTest(t, resource.TestStep{Config: `data "megallm_models" "all" {}`})
}

// A relative path in MEGALLM_CATALOG_FILE is fixed in the variable, where
// ${path.module}, the fix for catalog_file in a module, means nothing.
func TestCatalogFile_relativeInEnvironment(t *testing.T) {
	t.Setenv(envCatalogFile, "megallm-no-such-catalog.json")
	unitTest(t, resource.TestStep{
		Config: `data "megallm_models" "all" {}`,
		ExpectError: expectError(`no such file or directory\. A relative path is read from the directory Terraform runs in, so ` +
			`this one is ".*megallm-no-such-catalog\.json" \(-chdir changes it\): set MEGALLM_CATALOG_FILE to the file's ` +
			`absolute path\.\s+The file must`),
	})
}

// A path from MEGALLM_CATALOG_FILE is named, and fixed, as the variable's:
// catalog_file is unset, so advice on it (its title, leaving it out,
// pathexpand()) would send the reader to the wrong place.
func TestCatalogFile_errorsNameTheVariable(t *testing.T) {
	withJSON := t.TempDir()
	if err := os.WriteFile(filepath.Join(withJSON, "catalog.json"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"~/megallm-catalog-that-is-not-there.json": `The path starts with ~, which the provider does not expand to your home ` +
			`directory: set MEGALLM_CATALOG_FILE to the file's absolute path\.`,
		"https://ai.megallm.io/v1/models": `MEGALLM_CATALOG_FILE is the path of a file on this machine, not a URL: .* or ` +
			`unset MEGALLM_CATALOG_FILE to read the catalog from the API, at base_url\.`,
		"file:///megallm-no-such-catalog.json": `The path is a file: URL, and MEGALLM_CATALOG_FILE takes the file's path alone`,
		withJSON:                               `MEGALLM_CATALOG_FILE must name the catalog's file, not the directory that holds it`,
	} {
		t.Run(path, func(t *testing.T) {
			t.Setenv(envCatalogFile, path)
			unitTest(t, resource.TestStep{
				Config:      `data "megallm_models" "all" {}`,
				ExpectError: expectError(`Cannot read MEGALLM_CATALOG_FILE .*` + want + `.*Check MEGALLM_CATALOG_FILE\.\s*$`),
			})
		})
	}
}

func TestCatalogFile_errors(t *testing.T) {
	t.Parallel()
	malformed := writeCatalogFile(t, []byte("{\n  \"object\": \"list\",\n  \"data\": [\n    {\"id\": \"gpt-4o\",}\n  ]\n}\n"))
	missing := filepath.Join(t.TempDir(), "nope.json")
	unitTest(t,
		resource.TestStep{
			Config: fmt.Sprintf(`
provider "megallm" { catalog_file = %q }
data "megallm_model" "m" { id = "gpt-4o" }`, malformed),
			ExpectError: expectError(`Cannot read catalog_file .* catalog file ` + regexp.QuoteMeta(megallm.QuotePath(malformed)) +
				`: line 4, column 21: invalid character '}' looking for beginning of object key string`),
		},
		resource.TestStep{
			Config: fmt.Sprintf(`
provider "megallm" { catalog_file = %q }
data "megallm_model" "m" { id = "gpt-4o" }`, missing),
			ExpectError: expectError(`Cannot read catalog_file .* catalog file ` + regexp.QuoteMeta(megallm.QuotePath(missing)) + `: no such file or directory\.\s+The file must`),
		},
		resource.TestStep{
			Config: `
provider "megallm" { catalog_file = "catalog.json\n" }
data "megallm_model" "m" { id = "gpt-4o" }`,
			ExpectError: expectError(`catalog_file is "catalog.json\\n", with white space around it, which no path has: write it as "catalog.json"`),
		},
		// Trimmed, it still has an invisible character: writing it so would fail the next plan.
		resource.TestStep{
			Config: `
provider "megallm" { catalog_file = " catalog\u200b.json " }
data "megallm_model" "m" { id = "gpt-4o" }`,
			ExpectError: expectError(`catalog_file is " catalog\\u200b.json ", with white space around it, which no path has: ` +
				`delete it, or retype the path\.`),
		},
		// A relative path is read from where Terraform runs: say where that is.
		resource.TestStep{
			Config: `
provider "megallm" { catalog_file = "megallm-no-such-catalog.json" }
data "megallm_model" "m" { id = "gpt-4o" }`,
			ExpectError: expectError(`no such file or directory\. A relative path is read from the directory Terraform runs in, so ` +
				`this one is ".*megallm-no-such-catalog\.json" \(-chdir changes it\): in a module, start the path with ` +
				`\$\{path\.module\}/\.`),
		},
		// ~ is not expanded by Terraform: say so, with the function that does.
		resource.TestStep{
			Config: `
provider "megallm" { catalog_file = "~/megallm-catalog-that-is-not-there.json" }
data "megallm_model" "m" { id = "gpt-4o" }`,
			ExpectError: expectError(`no such file or directory\. The path starts with ~, which Terraform does not expand to your ` +
				`home directory: write catalog_file = pathexpand\("~/megallm-catalog-that-is-not-there\.json"\)\.`),
		},
		resource.TestStep{
			Config: fmt.Sprintf(`
provider "megallm" { catalog_file = %q }
data "megallm_model" "m" { id = "gpt-4o-mnii" }`, writeCatalogFile(t, mockapi.BuiltinCatalog())),
			ExpectError: expectError(`The MegaLLM catalog \(26 models from catalog_file ".*catalog.json"\) has no model with id "gpt-4o-mnii"`),
		},
		resource.TestStep{
			Config: fmt.Sprintf(`
provider "megallm" { catalog_file = %q }
data "megallm_model" "m" { id = "gpt-4o" }`, writeCatalogFile(t, nil)),
			ExpectError: expectError(`Cannot read catalog_file .* the file is empty \(or only white space\)\. The file must hold a GET /models answer`),
		},
		resource.TestStep{
			Config: fmt.Sprintf(`
provider "megallm" { catalog_file = %q }
data "megallm_model" "m" { id = "gpt-4o" }`, writeCatalogFile(t, append([]byte("\ufeff"), mockapi.BuiltinCatalog()...))),
			// A byte-order mark, as Windows PowerShell 5.1 writes one, is ignored.
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_model.m", tfjsonpath.New("context_length"), knownvalue.Int64Exact(128000)),
			},
		},
	)
}

// A blank catalog_file is an error, not "unset": it never falls through to
// the network.
func TestCatalogFile_blank(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	for _, blank := range []string{"", " ", "\t\n"} {
		unitTest(t, resource.TestStep{
			Config:      providerBlock(server, fmt.Sprintf("catalog_file = %q", blank)) + `data "megallm_models" "all" {}`,
			ExpectError: expectError(`Invalid catalog_file .* catalog_file is "[^"]*", which is no path: leave catalog_file out, or set it to null \(as a variable's default = null\), to read the catalog from the API \(or from the file MEGALLM_CATALOG_FILE names\)\.`),
		})
	}
	if n := server.RequestCount(); n != 0 {
		t.Errorf("a blank catalog_file sent %d requests, want 0", n)
	}
}

// The path is quoted wherever it is shown, so that a line break or tab
// inside it (white space around it is refused earlier) shows, and cannot
// forge a line of the message.
func TestCatalogFile_pathIsQuoted(t *testing.T) {
	t.Setenv(envCatalogFile, "megallm-no-such-dir\nError: forged\t/catalog.json")
	unitTest(t, resource.TestStep{
		Config:      `data "megallm_models" "all" {}`,
		ExpectError: expectError(`catalog file "megallm-no-such-dir\\nError: forged\\t/catalog.json": no such file or directory\.`),
	})
}

// catalogFileStep plans a megallm_models under catalog_file = file and
// expects the error that want matches (see expectError).
func catalogFileStep(file, want string) resource.TestStep {
	return resource.TestStep{
		Config:      fmt.Sprintf("provider \"megallm\" { catalog_file = %q }\ndata \"megallm_models\" \"all\" {}", file),
		ExpectError: expectError(want),
	}
}

// The advice fits what is wrong: saving the answer again is offered only
// when the file is missing or holds something else.
func TestCatalogFile_adviceFitsTheError(t *testing.T) {
	t.Parallel()
	withJSON, empty := t.TempDir(), t.TempDir()
	for _, name := range []string{"b.json", "a.json", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(withJSON, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	unitTest(t,
		catalogFileStep(withJSON, `it is a directory, not a file\. catalog_file must name the catalog's file, not the directory that `+
			`holds it: this one holds "a\.json", "b\.json", so write the path of the one you saved, such as `+
			regexp.QuoteMeta(megallm.QuotePath(filepath.Join(withJSON, "a.json")))+`\.\s+Check catalog_file\.\s*$`),
		catalogFileStep(empty, `it is a directory, not a file\. catalog_file must name the catalog's file, not a directory, and this `+
			`one holds no \.json file: save one into it, as below, and write its path, such as `+
			regexp.QuoteMeta(megallm.QuotePath(filepath.Join(empty, "catalog.json")))+`\.\s+The file must hold a GET /models answer`),
	)
}

func TestCatalogFileAdvice(t *testing.T) {
	t.Parallel()
	denied := &megallm.CatalogFileError{Path: "/srv/catalog.json", Err: &fs.PathError{Op: "open", Path: "/srv/catalog.json", Err: fs.ErrPermission}}
	if got := catalogFileAdvice(denied, "catalog_file", saveAdvice("", "", megallm.AuthBearer, nil)); !strings.Contains(got, "that user may not read this file: check the permissions") ||
		strings.Contains(got, "curl") {
		t.Errorf("permission denied: advice %q, want the file's permissions and no download", got)
	}
	ioErr := &megallm.CatalogFileError{Path: "/srv/catalog.json", Err: &fs.PathError{Op: "read", Path: "/srv/catalog.json", Err: errors.New("input/output error")}}
	if got := catalogFileAdvice(ioErr, "catalog_file", saveAdvice("", "", megallm.AuthBearer, nil)); got != "\n\nCheck catalog_file." {
		t.Errorf("I/O error: advice %q, want only to check the path", got)
	}
	content := &megallm.CatalogFileError{Path: "c.json", Err: errors.New("the file is empty (or only white space)")}
	want := "\n\nThe file must hold a GET /models answer, for example saved with\n" +
		"  curl -fsS -H \"Authorization: Bearer $MEGALLM_API_KEY\" https://ai.megallm.io/v1/models -o catalog.json\n" +
		"(in PowerShell, write $env:MEGALLM_API_KEY, and curl.exe on Windows).\n\nCheck catalog_file."
	if got := catalogFileAdvice(content, "catalog_file", saveAdvice("", "", megallm.AuthBearer, nil)); got != want {
		t.Errorf("content error: advice\n%s\nwant\n%s", got, want)
	}
}

// followSaveAdvice runs line, the curl line of the advice to save a catalog
// file, in dir with key in MEGALLM_API_KEY, as a user following it would.
func followSaveAdvice(t *testing.T, dir, line, key string) {
	t.Helper()
	cmd := exec.Command("sh", "-c", line)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "MEGALLM_API_KEY="+key)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the advice, followed, failed: %v: %s", err, out)
	}
}

// The advice to save a catalog file fetches it from the configured API, with
// the key in the header auth_scheme sends it in: followed, it saves a file
// that plans. A URL a shell would read otherwise is in single quotes, and
// one too long to quote whole is named by where it is set.
func TestCatalogFile_saveAdviceWorks(t *testing.T) {
	t.Parallel()
	key := testKey(t, "save")
	server := mockapi.NewTestServer(t, key)
	dir, empty := t.TempDir(), writeCatalogFile(t, nil)
	line := `curl -fsS -H "x-api-key: $MEGALLM_API_KEY" ` + server.URL() + `/models -o catalog.json`
	config := func(file string) string {
		return fmt.Sprintf("provider \"megallm\" {\n  catalog_file = %q\n  base_url = %q\n  auth_scheme = \"x-api-key\"\n}\n"+
			"data \"megallm_models\" \"all\" {}", file, server.URL())
	}
	unitTest(t, resource.TestStep{
		Config:      config(empty),
		ExpectError: expectError(`saved with\s+` + regexp.QuoteMeta(line) + `\s+`),
	}, resource.TestStep{
		PreConfig: func() { followSaveAdvice(t, dir, line, key) },
		Config:    config(filepath.Join(dir, "catalog.json")),
	})
	for base, want := range map[string]string{
		"https://gw.example/a$(id)/v1'": `curl -fsS -H "Authorization: Bearer $MEGALLM_API_KEY" 'https://gw.example/a$%28id%29/v1%27/models' -o catalog.json`,
		"https://x'y.example/v1":        `'https://x%27y.example/v1/models'`,
		"https://" + strings.Repeat("g", 60) + ".example/v1": `curl -fsS -H "Authorization: Bearer $MEGALLM_API_KEY" ` +
			`BASE_URL/models -o catalog.json` + "\n(with base_url's value for BASE_URL; in PowerShell",
	} {
		if got := saveAdvice(base, "base_url", megallm.AuthBearer, nil); !strings.Contains(got, want) {
			t.Errorf("base URL %q: advice %q, want it to hold %q", base, got, want)
		}
	}
}

// TestCatalogFile_saveAdviceWithTheKeyInBaseURL: a base_url that holds the
// key, unused beside catalog_file but by the advice to save the file, is
// quoted there with the key as *** alone, and the curl line names it as
// BASE_URL, to be the API root without the key, which the line sends in its
// header: so followed, it saves a file that plans. The line with the URL as
// written would show *** where the key stood, and followed, fetch nothing.
// A short key that is a word of the URL, which is no mistake, has the URL
// named as base_url's value.
func TestCatalogFile_saveAdviceWithTheKeyInBaseURL(t *testing.T) {
	t.Parallel()
	key := testKey(t, "api_key")
	server := mockapi.NewTestServer(t, key)
	dir, empty := t.TempDir(), writeCatalogFile(t, nil)
	p := newProtocolServer(t, server, map[string]tftypes.Value{"catalog_file": str(empty),
		"base_url": str(server.URL() + "/" + key), "api_key": str(key)})
	_, msg := p.read("megallm_models", p.config(t, "megallm_models", nil))
	const line = `curl -fsS -H "Authorization: Bearer $MEGALLM_API_KEY" BASE_URL/models -o catalog.json`
	want := line + "\n(with BASE_URL the API root, base_url's value " + megallm.Quote(server.URL()+"/***") +
		" without the API key, shown as ***: the line sends the key in its header, where the API reads it; in PowerShell"
	if leak := mockapi.LeakedKey(msg, key); leak != "" || !strings.Contains(msg, want) {
		t.Fatalf("error %q (the key: %q), want the key nowhere and the advice: %s", msg, leak, want)
	}
	followSaveAdvice(t, dir, strings.ReplaceAll(line, "BASE_URL", server.URL()), key)
	p = newProtocolServer(t, server, map[string]tftypes.Value{"catalog_file": str(filepath.Join(dir, "catalog.json")),
		"base_url": str(server.URL() + "/" + key), "api_key": str(key)})
	if _, msg := p.read("megallm_models", p.config(t, "megallm_models", nil)); msg != "" {
		t.Errorf("the file the advice saved: %s", msg)
	}

	const word = "(with base_url's value for BASE_URL; in PowerShell"
	if got := saveAdvice("https://gwkey.example.test/v1", "base_url", megallm.AuthBearer, []string{"gwkey", ""}); !strings.Contains(got, word) {
		t.Errorf("a short key as a word of the URL: advice %q, want it to hold %q", got, word)
	}
}

// A URL given as catalog_file is not downloaded: say so, and what to write.
func TestCatalogFile_url(t *testing.T) {
	t.Parallel()
	unitTest(t,
		catalogFileStep("file:///srv/megallm%20snapshots/catalog.json", `catalog file "file:///srv/megallm%20snapshots/catalog\.json": no such file `+
			`or directory\. The path is a file: URL, and catalog_file takes the file's path alone: write `+
			`"/srv/megallm snapshots/catalog\.json"\.\s+The file must hold a GET /models answer`),
		catalogFileStep("file://megallm-no-such-host/share/catalog.json", `The path is a file: URL, and catalog_file takes the `+
			`file's path alone, but this URL names a file on the host "megallm-no-such-host", and the provider reads `+
			`this machine's files only: copy the file to this machine, or mount the directory that holds it, and write `+
			`the path it has here\.\s+The file must hold a GET /models answer`),
		catalogFileStep("https://ai.megallm.io/v1/models", `no such file or directory\. catalog_file is the path of a file on this `+
			`machine, not a URL: the provider downloads nothing from it\. Save the answer to a file first, as below, `+
			`and write that file's path; or leave catalog_file out to read the catalog from the API, at base_url\.\s+`+
			`The file must hold a GET /models answer`),
	)
}

// From MEGALLM_CATALOG_FILE, the path a file: URL names is written without
// quotes, which a .env file that Docker reads would keep as part of it; so
// set, the file reads.
func TestCatalogFile_fileURLInEnvironment(t *testing.T) {
	path := writeCatalogFile(t, mockapi.BuiltinCatalog())
	t.Setenv(envCatalogFile, "file://"+filepath.ToSlash(path))
	config := `data "megallm_models" "all" {}`
	unitTest(t, resource.TestStep{
		Config: config,
		ExpectError: expectError(`The path is a file: URL, and MEGALLM_CATALOG_FILE takes the file's path alone: write ` +
			regexp.QuoteMeta(path) + `\.`),
	}, resource.TestStep{PreConfig: func() { t.Setenv(envCatalogFile, path) }, Config: config})
}

// A path too long to quote whole (over 256 characters) is never the path to
// write: its quote is cut, and names no file. The advice says what to do
// with the path instead.
func TestCatalogFile_pathTooLongToQuote(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("megallm-nested/", 20) + "catalog.json"
	dir := filepath.Join(t.TempDir(), strings.Repeat("d", 250))
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	unitTest(t,
		catalogFileStep("file:///"+long, `catalog_file takes the file's path alone\.\s+The file must hold`),
		catalogFileStep("~/"+long, `which Terraform does not expand to your home directory: wrap it in pathexpand\(\)\.\s+The file must hold`),
		catalogFileStep(dir, `this one holds no \.json file: save one into it, as below, and write its path\.\s+The file must hold`),
	)
}

// A file: URL a slash short (file://tmp/x for /tmp/x) names the host "tmp":
// where the path with that slash is a file, it is the path to write, and
// written so, it reads.
func TestCatalogFile_fileURLSlashShort(t *testing.T) {
	t.Parallel()
	path := writeCatalogFile(t, mockapi.BuiltinCatalog())
	config := func(file string) string {
		return fmt.Sprintf("provider \"megallm\" { catalog_file = %q }\ndata \"megallm_models\" \"all\" {}", file)
	}
	unitTest(t, resource.TestStep{
		Config: config("file:/" + filepath.ToSlash(path)),
		ExpectError: expectError(`The path is a file: URL, and catalog_file takes the file's path alone: write ` +
			regexp.QuoteMeta(megallm.QuotePath(path)) + `\.`),
	}, resource.TestStep{Config: config(path)})
}

// The path a file: URL names, on Windows too, whose branches no test that
// runs on another system reaches: with forward slashes, which Windows reads
// and HCL and shells take unescaped; a drive's written file://C:/ too; a
// share's; elsewhere, a host's file is none of this machine.
func TestFileURLPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		raw        string
		windows    bool
		path, host string
	}{
		{"file:///C:/megallm%20snapshots/catalog.json", true, "C:/megallm snapshots/catalog.json", ""},
		{"file://localhost/c:/x/catalog.json", true, "c:/x/catalog.json", ""},
		{"file://C:/x/catalog.json", true, "C:/x/catalog.json", ""},
		{"file:C:/x/catalog.json", true, "C:/x/catalog.json", ""},
		{"file://server/share/catalog.json", true, "//server/share/catalog.json", ""},
		{"file:///x/catalog.json", true, "/x/catalog.json", ""},
		{"file:///C:/x/catalog.json", false, "/C:/x/catalog.json", ""},
		{"file://LOCALHOST/srv/catalog.json", false, "/srv/catalog.json", ""},
		{"file:catalog%20v2.json", false, "catalog v2.json", ""},
		{"file://megallm-no-such-host/share/catalog.json", false, "", "megallm-no-such-host"},
		{"file://", false, "", ""},
		{"file://[::1/catalog.json", false, "", ""},
	} {
		if path, host := fileURLPath(tc.raw, tc.windows); path != tc.path || host != tc.host {
			t.Errorf("fileURLPath(%q, windows %v) = %q, %q; want %q, %q", tc.raw, tc.windows, path, host, tc.path, tc.host)
		}
	}
}

// TestCatalogFile_apiArgumentsUnknownAtPlan: a catalog file, in catalog_file
// or MEGALLM_CATALOG_FILE (a CI job's offline plan), leaves the API's
// arguments unused, so one known only after apply (timestamp() here) does
// not fail the plan; the policy, which the file does not replace, and
// api_key, which is scrubbed from the file, still do: a file that holds a key
// known only after apply (a resource's) would show it in the plan's
// warnings and values.
func TestCatalogFile_apiArgumentsUnknownAtPlan(t *testing.T) {
	key := testKey(t, "api_key")
	path := writeCatalogFile(t, mockapi.ListBody(json.RawMessage(`{"id":"gpt-4o-mini","context_length":128000,"created_at":"`+key+`"}`)))
	apiArguments := `
  api_key         = "` + key + `"
  base_url        = "https://${substr(timestamp(), 0, 0)}ai.megallm.io/v1"
  auth_scheme     = "${substr(timestamp(), 0, 0)}x-api-key"
  request_timeout = "${length(timestamp())}s"
  max_retries     = length(timestamp()) - length(timestamp())
`
	const dataSource = `
data "megallm_model" "mini" { id = "gpt-4o-mini" }
`
	read := resource.TestStep{
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.megallm_model.mini", tfjsonpath.New("context_length"), knownvalue.Int64Exact(128000)),
		},
	}
	policyUnknown := resource.TestStep{
		ExpectError: expectError(`Provider argument not known at plan time .* policy depends on a value that Terraform will only know after apply`),
	}
	keyUnknown := resource.TestStep{
		Config: "resource \"terraform_data\" \"key\" { input = \"" + key + "\" }\n",
		ExpectError: expectError(`Provider argument not known at plan time .* api_key depends on a value that Terraform will only know after apply, .* ` +
			`Set api_key from a variable, a literal or the MEGALLM_API_KEY environment variable, or apply`),
	}
	const keyFromResource = "\n  api_key = terraform_data.key.output\n"
	t.Run("catalog_file", func(t *testing.T) {
		read.Config = fmt.Sprintf("provider \"megallm\" {\n  catalog_file = %q%s}\n%s", path, apiArguments, dataSource)
		policyUnknown.Config = fmt.Sprintf("provider \"megallm\" {\n  catalog_file = %q\n  policy = { retirement_notice_days = length(timestamp()) }\n}\n%s", path, dataSource)
		keyUnknown := keyUnknown
		keyUnknown.Config += fmt.Sprintf("provider \"megallm\" {\n  catalog_file = %q%s}\n%s", path, keyFromResource, dataSource)
		unitTest(t, policyUnknown, keyUnknown, read)
	})
	t.Run(envCatalogFile, func(t *testing.T) {
		t.Setenv(envCatalogFile, path)
		read.Config = "provider \"megallm\" {" + apiArguments + "}\n" + dataSource
		policyUnknown.Config = "provider \"megallm\" {\n  policy = { retirement_notice_days = length(timestamp()) }\n}\n" + dataSource
		keyUnknown.Config += "provider \"megallm\" {" + keyFromResource + "}\n" + dataSource
		unitTest(t, policyUnknown, keyUnknown, read)
	})
}

// TestCatalogFile_keyScrubbed: a catalog file saved from a server that wrote
// the key into it is read as an answer of the API is, when a key is
// configured: the key is *** in a model's text and an entry whose id holds
// it is left out, so that it reaches no plan or state.
func TestCatalogFile_keyScrubbed(t *testing.T) {
	t.Parallel()
	key := testKey(t, "api_key")
	path := writeCatalogFile(t, mockapi.ListBody(json.RawMessage(`{"id":"m1","display_name":"Model `+key+`"}`),
		json.RawMessage(`{"id":"`+key+`"}`), json.RawMessage(`{"id":"m2"}`)))
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf("provider \"megallm\" {\n  catalog_file = %q\n  api_key      = %q\n}\n", path, key) +
			`data "megallm_models" "all" {}`,
		ConfigStateChecks: []statecheck.StateCheck{
			expectIDs("data.megallm_models.all", "m1", "m2"),
			statecheck.ExpectKnownValue("data.megallm_models.all", tfjsonpath.New("models").AtSliceIndex(0).AtMapKey("display_name"),
				knownvalue.StringExact("Model ***")),
		},
	})
}

// TestCatalogFile_everyKeyScrubbed: with api_key set and another key in
// MEGALLM_API_KEY, a catalog file saved from a server that echoed either key,
// in any form the client scrubs, reads with both scrubbed: *** in a model's
// text, an entry whose id holds one left out, a successor that holds one null.
func TestCatalogFile_everyKeyScrubbed(t *testing.T) {
	configured, fromEnv := testKey(t, "api_key"), testKey(t, envAPIKey)
	t.Setenv(envAPIKey, fromEnv)
	for _, echoed := range []string{fromEnv, configured} {
		entries := []json.RawMessage{json.RawMessage(`{"id":"m00","display_name":"Model ` + echoed + `","successor":"` + echoed + `"}`)}
		var models []knownvalue.Check
		models = append(models, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("m00"),
			"display_name":    knownvalue.StringExact("Model ***"),
			"model_lifecycle": knownvalue.ObjectPartial(map[string]knownvalue.Check{"successor": knownvalue.Null()})}))
		for i, form := range mockapi.KeyForms() {
			id := fmt.Sprintf("m%02d", i+1)
			entries = append(entries, json.RawMessage(fmt.Sprintf(`{"id":"%s","owned_by":%q}`, id, form.Write(echoed))),
				json.RawMessage(fmt.Sprintf(`{"id":%q}`, form.Write(echoed))))
			models = append(models, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(id),
				"owned_by": knownvalue.StringExact("***")}))
		}
		path := writeCatalogFile(t, mockapi.ListBody(entries...))
		unitTest(t, resource.TestStep{
			Config: fmt.Sprintf("provider \"megallm\" {\n  catalog_file = %q\n  api_key      = %q\n}\n", path, configured) +
				`data "megallm_models" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.megallm_models.all", tfjsonpath.New("models"), knownvalue.ListExact(models)),
			},
		})
	}
}
