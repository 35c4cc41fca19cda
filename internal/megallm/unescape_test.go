package megallm

import (
	"errors"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"html"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHTMLReferences: each of htmlReferences is the character HTML gives its
// name (html.UnescapeString), each of their names in lower case reads as
// that character, and maxReference is the longest of them.
func TestHTMLReferences(t *testing.T) {
	t.Parallel()
	longest := 0
	for name, c := range htmlReferences {
		if got := html.UnescapeString("&" + name + ";"); got != string(c) {
			t.Errorf("htmlReferences[%q] = %q, HTML reads &%s; as %q", name, c, name, got)
		}
		if got, n := characterReference([]byte("&" + strings.ToLower(name) + ";")); got != c || n != len(name)+2 {
			t.Errorf("&%s; lower-cased reads as %q, %d bytes; want %q", name, got, n, c)
		}
		longest = max(longest, len(name)+len("&;"))
	}
	if maxReference != longest {
		t.Errorf("maxReference = %d, the longest reference is %d bytes", maxReference, longest)
	}
}

// TestHTMLReferences_complete: htmlReferences has every name that HTML5
// (the standard library's table, $GOROOT/src/html/entity.go) gives a printable
// ASCII character or a separator.
func TestHTMLReferences_complete(t *testing.T) {
	t.Parallel()
	path := filepath.Join(build.Default.GOROOT, "src", "html", "entity.go")
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the standard library's source, %s, is not installed: HTML5's names are read from it", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	names := 0
	ast.Inspect(file, func(n ast.Node) bool {
		pair, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		key, keyOK := pair.Key.(*ast.BasicLit)
		value, valueOK := pair.Value.(*ast.BasicLit)
		if !keyOK || !valueOK || key.Kind != token.STRING || value.Kind != token.CHAR {
			return false
		}
		quoted, _ := strconv.Unquote(key.Value)
		name, whole := strings.CutSuffix(quoted, ";") // without ;, a legacy name that unescape does not read
		c, _, _, err := strconv.UnquoteChar(strings.Trim(value.Value, "'"), '\'')
		if err != nil || !whole {
			return false
		}
		names++
		if (' ' < c && c < utf8.RuneSelf-1 || separator(c)) && htmlReferences[name] != c {
			t.Errorf("HTML5 names %U %q &%s;, htmlReferences reads it as %q", c, c, name, htmlReferences[name])
		}
		return false
	})
	if names < 2000 {
		t.Fatalf("read %d names with ; from %s, HTML5 has over 2,000: has its layout changed?", names, path)
	}
}
