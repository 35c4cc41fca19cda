package megallm

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestAsciiForm_isNFKC: asciiForm agrees with Unicode's own NFKC table
// (golang.org/x/text/unicode/norm) on every character it folds that Unicode
// assigns, and folds every character NFKC writes as one ASCII letter or
// digit; a key written with such characters in place of its own, each of
// them in turn, is replaced.
func TestAsciiForm_isNFKC(t *testing.T) {
	t.Parallel()
	forms := map[byte][]string{} // for each ASCII letter and digit, the characters NFKC writes as it
	for c := rune(utf8.RuneSelf); c <= unicode.MaxRune; c++ {
		if !utf8.ValidRune(c) {
			continue
		}
		nfkc := norm.NFKC.String(string(c))
		got, size := asciiForm([]byte(string(c)))
		if size > 0 && got != nfkc && unicode.IsGraphic(c) { // the mathematical alphabets' 24 gaps, unassigned, fold too
			t.Errorf("asciiForm(%U %q) = %q, NFKC writes %q", c, c, got, nfkc)
		}
		if len(nfkc) == 1 && nfkc[0] < utf8.RuneSelf && wordChar(rune(nfkc[0])) {
			if size == 0 {
				t.Errorf("asciiForm(%U %q) folds nothing, NFKC writes %q", c, c, nfkc)
			}
			forms[nfkc[0]] = append(forms[nfkc[0]], string(c))
		}
	}
	const key = "sk-proj-h156Vb3Nm7Qx9Zr2Lt5Wp8Kc"
	r := newRedactor(key)
	most := 0
	for _, f := range forms {
		most = max(most, len(f))
	}
	for i := range most {
		var written strings.Builder
		for _, c := range []byte(key) {
			if f := slices.Concat(forms[c], forms[c^0x20]); wordChar(rune(c)) && len(f) > 0 { // either letter case
				written.WriteString(f[i%len(f)])
			} else {
				written.WriteByte(c)
			}
		}
		if got := r.String("key " + written.String() + "."); got != "key ***." {
			t.Errorf("the key written as %q: got %q", written.String(), got)
		}
	}
}
