package provider

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// catalogFileAdvice is what to do about a catalog_file that cannot be read,
// by what is wrong: saving the answer again helps only a missing file or
// one that holds something else. from names where its path came from,
// catalog_file or MEGALLM_CATALOG_FILE, which advice names.
func catalogFileAdvice(err *megallm.CatalogFileError, from, save string) string {
	check := "\n\nCheck " + from + "."
	switch {
	case errors.Is(err, megallm.ErrCatalogIsDirectory):
		return directoryHint(err.Path, from, save) + check
	case errors.Is(err, fs.ErrPermission):
		return " The provider runs as the same user as Terraform, and that user may not read this file: check the " +
			"permissions of the file and of the directories that hold it, or run Terraform as a user who can read it." + check
	case errors.Is(err, fs.ErrNotExist):
		return pathHint(err, from) + save + check
	case errors.As(err, new(*fs.PathError)): // another error of the file system: saving again does not help
		return check
	}
	return save + check
}

// savedAnswer is what catalog_file reads, as messages name it.
const savedAnswer = "a saved GET /models answer"

// saveAdvice says how to save a GET /models answer from the API at baseURL,
// the default for one that is not a base URL, with the key sent as scheme
// sends it and named by its environment variable, never by its value: a
// base URL holds no query nor credentials. One too long to quote whole, or
// with a word that keys, the secret parts of api_key's and MEGALLM_API_KEY's,
// would show as ***, is named by where it is set, baseFrom; one that holds
// the key (holdsKey) is to be written without it. -o rather than > keeps it
// UTF-8 in Windows PowerShell 5.1, whose > writes UTF-16.
func saveAdvice(baseURL, baseFrom string, scheme megallm.AuthScheme, keys []string) string {
	base, err := megallm.ParseBaseURL(baseURL)
	if err != nil {
		base, _ = megallm.ParseBaseURL(megallm.DefaultBaseURL)
	}
	models, in := base.JoinPath("models").String(), ""
	if scrub := megallm.KeyScrubber(keys...); holdsKey(models, keys) {
		models, in = "BASE_URL/models", fmt.Sprintf("with BASE_URL the API root, %s's value %s without the API key, "+
			"shown as ***: the line sends the key in its header, where the API reads it; ", baseFrom,
			megallm.Quote(scrub(base.String())))
	} else if !megallm.QuotesWhole(models) || scrub(models) != models {
		models, in = "BASE_URL/models", fmt.Sprintf("with %s's value for BASE_URL; ", baseFrom)
	} else if !megallm.ReadAsWritten(models) {
		// In single quotes, sh and PowerShell read every character as itself but
		// the quote, which a host may hold and no host name that resolves does.
		models = "'" + strings.ReplaceAll(models, "'", "%27") + "'"
	}
	return fmt.Sprintf("\n\nThe file must hold a GET /models answer, for example saved with\n"+
		"  curl -fsS -H \"%s\" %s -o catalog.json\n"+
		"(%sin PowerShell, write $env:%s, and curl.exe on Windows).",
		scheme.Header("$"+envAPIKey), models, in, envAPIKey)
}

// directoryHint names the JSON files of a directory given as catalog_file
// (or MEGALLM_CATALOG_FILE, from), of which the path must name one.
func directoryHint(dir, from, save string) string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			names = append(names, e.Name())
		}
	}
	// an example of the path to write, where from takes it as written
	suchAs := func(name string) string {
		if p, ok := megallm.PathToWrite(settingKind(from), filepath.Join(dir, name)); ok {
			return ", such as " + p
		}
		return ""
	}
	if len(names) == 0 {
		return fmt.Sprintf(" %s must name the catalog's file, not a directory, and this one holds no "+
			".json file: save one into it, as below, and write its path%s.%s", from, suchAs("catalog.json"), save)
	}
	return fmt.Sprintf(" %s must name the catalog's file, not the directory that holds it: this one holds %s, "+
		"so write the path of the one you saved%s.", from, quoteFirst(names, 3, "%d more", nil), suchAs(names[0]))
}

// pathHint says why a missing file is not where its path seems to point:
// it is in quotes, it is a URL, neither Terraform nor the provider expands
// ~, and a relative path is read from the directory Terraform runs in, not
// the module's (or, from MEGALLM_CATALOG_FILE, any); "" otherwise.
func pathHint(err *megallm.CatalogFileError, from string) string {
	lower := strings.ToLower(err.Path)
	_, inQuotes := megallm.Unquoted(err.Path)
	// A path from the variable is fixed there: no ${path.module} nor
	// pathexpand() applies to it, and it is unset, not left out.
	leaveOut, absolute := "leave catalog_file out", "set "+envCatalogFile+" to the file's absolute path"
	if from == envCatalogFile {
		leaveOut = "unset " + envCatalogFile
	}
	switch {
	case inQuotes:
		return " The path " + megallm.InQuotes + "."
	case strings.HasPrefix(lower, "file:"):
		hint := " The path is a file: URL, and " + from + " takes the file's path alone"
		p, host := fileURLPath(err.Path, runtime.GOOS == "windows")
		switch written, ok := megallm.PathToWrite(settingKind(from), p); {
		case ok:
			return fmt.Sprintf("%s: write %s.", hint, written)
		case p == "" && host != "":
			return fmt.Sprintf("%s, but this URL names a file on the host %s, and the provider reads this machine's "+
				"files only: copy the file to this machine, or mount the directory that holds it, and write the path "+
				"it has here.", hint, megallm.Quote(host))
		}
		return hint + "."
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
		return " " + from + " is the path of a file on this machine, not a URL: the provider downloads nothing from " +
			"it. Save the answer to a file first, as below, and write that file's path; or " + leaveOut + " to read " +
			"the catalog from the API, at base_url."
	case strings.HasPrefix(err.Path, "~") && from == envCatalogFile:
		return " The path starts with ~, which the provider does not expand to your home directory: " + absolute + "."
	case strings.HasPrefix(err.Path, "~"):
		fix := "wrap it in pathexpand()"
		if p, ok := megallm.PathToWrite(settingKind(from), err.Path); ok {
			fix = "write catalog_file = pathexpand(" + p + ")"
		}
		return " The path starts with ~, which Terraform does not expand to your home directory: " + fix + "."
	case !filepath.IsAbs(err.Path):
		looked, _ := filepath.Abs(err.Path)
		fix := "in a module, start the path with ${path.module}/"
		if from == envCatalogFile {
			fix = absolute
		}
		return fmt.Sprintf(" A relative path is read from the directory Terraform runs in, so this one is %s (-chdir "+
			"changes it): %s.", megallm.QuotePath(looked), fix)
	}
	return ""
}

// fileURLPath is the path that the file: URL raw names, as a catalog_file
// path is written on this system (windows), with forward slashes, which
// Windows reads too and which need no escape in HCL or a shell: a drive's
// (file:///C:/x, or file://C:/x, its frequent misspelling) or a share's
// (file://server/share/x, //server/share/x) on Windows. Elsewhere a URL with
// a host names a file of that machine: "" and the host, unless the host is the
// first directory of a path that exists (file://tmp/x for /tmp/x, a slash
// short). "" and "" for a URL that names no path.
func fileURLPath(raw string, windows bool) (p, host string) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", ""
	}
	p = u.Path
	if u.Opaque != "" { // file:catalog.json, file:C:/x
		p = u.Opaque
		if unescaped, err := url.PathUnescape(u.Opaque); err == nil {
			p = unescaped
		}
	}
	drive := func(s string) bool { return len(s) >= 2 && s[1] == ':' && 'a' <= s[0]|0x20 && s[0]|0x20 <= 'z' }
	switch host = u.Host; {
	case host == "" || strings.EqualFold(host, "localhost"):
	case windows && drive(host):
		p = host + p
	case windows:
		p = "//" + host + p
	default:
		if info, err := os.Stat("/" + host + p); err != nil || info.IsDir() {
			return "", host
		}
		p = "/" + host + p
	}
	if windows && strings.HasPrefix(p, "/") && drive(p[1:]) { // /C:/x is C:/x
		p = p[1:]
	}
	return p, ""
}
