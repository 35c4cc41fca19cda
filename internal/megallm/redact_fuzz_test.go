package megallm

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// FuzzRedact writes a key into a text with each character in a random form
// (as is or in the other letter case, in a compatibility form or not
// (compatibilityForm), \u00XX, \xXX, %XX, \c, &#NN;, &#xXX; or &name;,
// upper- or lower-case hex; = also as =3D), a long key split by ANSI
// colours, line breaks, zero-width spaces or HTML tags (keySplits), between
// arbitrary texts, and cuts it at a random point, where a character starts;
// a key of 10 characters or more with slashes, also written without them.
// No run of 10 of the key's characters as written may survive (of those
// left, without the slashes), nor any uniform form mockapi.LeakedKey looks
// for; a cut text that ends in 4 or more characters of the key's start ends
// in *** instead. Each scrub is also compared with the redactor's without
// its shortcuts (scrubChecked).
func FuzzRedact(f *testing.F) {
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", "error:", "", []byte{0, 9, 1, 2, 3, 4, 5, 6, 7}, uint16(0))
	f.Add("k/y+Z=_-", `{"token":"`, `"}`, []byte{3, 12}, uint16(9))
	f.Add("abc%41def\\/ghij&amp;", "%4", "\\", []byte{1, 4, 6, 7}, uint16(14))
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", "<td>", "</td>", []byte{0, 16 | 32, 8, 16 | 3, 0, 0, 16 | 64 | 32, 16 | 96}, uint16(17))
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", `{"log":"`, `"}`, []byte{16 | 1, 0, 16 | 64, 2, 16, 0, 0}, uint16(30))
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", "key:", ".", []byte{128, 128 | 8, 3, 128 | 16, 128}, uint16(20))
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", "key:", "", []byte{0}, uint16(9))
	f.Fuzz(func(t *testing.T, key, prefix, suffix string, choices []byte, cutAt uint16) {
		if key == "" || len(key) > 200 || strings.IndexFunc(key, func(c rune) bool { return c <= ' ' || c > '~' || c == '*' }) >= 0 {
			t.Skip("a key is printable ASCII without spaces (nor *, which *** would spell), here of up to 200 characters")
		}
		if len(key) < MinKeyLength {
			t.Skip("a key is at least MinKeyLength characters long: a shorter one is not looked for")
		}
		if len(key) < MinKeyRun && strings.Contains(string(foldASCII([]byte(prefix+"||"+suffix))), string(foldASCII([]byte(key)))) {
			t.Skip("a shorter key is looked for as a word of its own, and the texts around it (with their |) may hold it in a longer one")
		}
		r := newRedactor(key)
		tokens := make([]string, len(key))
		for i := range len(key) {
			choice := byte(0)
			if len(choices) > 0 {
				choice = choices[i%len(choices)]
			}
			tokens[i] = writeKeyChar(key[i], choice)
			if choice&16 != 0 && i > 0 && len(key) >= MinKeyRun && (choice&32 == 0 || !strings.ContainsAny(key, "<>")) {
				tokens[i] = keySplits[int(choice>>5)%len(keySplits)] + tokens[i]
			}
		}
		written := strings.Join(tokens, "")
		text := prefix + "|" + written + "|" + suffix
		out := scrubChecked(t, r, text, false)
		checkNoKey(t, out, key, tokens)

		writings := [][]string{tokens}
		if len(key) >= MinKeyRun && strings.Contains(key, "/") { // a long key's start is also looked for without its slashes
			writings = append(writings, slices.Clone(tokens))
			for i := range key {
				if key[i] == '/' {
					writings[1][i] = ""
				}
			}
		}
		for i, tokens := range writings {
			written := strings.Join(tokens, "")
			if left := slices.DeleteFunc(slices.Clone(tokens), func(s string) bool { return s == "" }); i == 1 && len(left) >= MinKeyRun {
				out = scrubChecked(t, r, prefix+"|"+written+"|"+suffix, false) // no run of the characters left
				checkNoRun(t, out, left)
			}
			cut := int(cutAt) % (len(written) + 1)
			for cut < len(written) && !utf8.RuneStart(written[cut]) {
				cut--
			}
			out = scrubChecked(t, r, prefix+"|"+written[:cut], true)
			if i == 0 { // without its slashes, 10 tokens may be fewer characters than a run; the end is checked below
				checkNoKey(t, out, key, tokens)
			}
			whole := 0 // how many characters of the key the cut left whole
			for i, n := 0, 0; i < len(tokens) && n+len(tokens[i]) <= cut; i++ {
				if n += len(tokens[i]); tokens[i] != "" {
					whole++
				}
			}
			if whole >= MinKeyLength && !strings.HasSuffix(out, redactedKey) {
				t.Fatalf("cut after %d characters of the key, %q does not end in %s", whole, out, redactedKey)
			}
		}
	})
}

// keySplits are the marks that FuzzRedact writes before a character of a key
// of 10 characters or more where choice has bit 16, picked by bits 32, 64 and
// 128: ANSI colours, a line break, a zero-width space, and HTML tags (bit
// 32), which a key holding < or > may hide from the rule (with a < before
// it, "<a|>" is a tag).
var keySplits = []string{"\x1b[1;31m", `<b class="k">`, "\x1b[0m", "</b>", "\n", "<br>", "\u200b", "<wbr>"}

// writeKeyChar writes c in the form choice picks: escaped (choice%8), with
// bit 8 as \xXX, =3D or a named character reference where it has one (the
// name bits 32 to 128 pick), or, as it is, in the other letter case (bit 8)
// and in a compatibility form (bit 128).
func writeKeyChar(c, choice byte) string {
	letter := 'a' <= c|0x20 && c|0x20 <= 'z'
	alnum := letter || '0' <= c && c <= '9'
	form := choice % 8
	if form == 0 && (c == '%' || c == '\\' || c == '&') {
		form = 1 // a text that escapes some characters escapes these
	}
	if form == 5 && alnum {
		form = 0 // \n is not n
	}
	other := choice&8 != 0 // the other letter case, or of an escape, another form
	switch form {
	case 1:
		if other {
			return fmt.Sprintf(`\x%02x`, c)
		}
		return fmt.Sprintf(`\u%04x`, c)
	case 2:
		return fmt.Sprintf(`\u%04X`, c)
	case 3:
		return fmt.Sprintf("%%%02X", c)
	case 4:
		if other && c == '=' {
			return "=3D" // quoted-printable
		}
		return fmt.Sprintf("%%%02x", c)
	case 5:
		return `\` + string(c)
	case 6:
		if names := htmlNames[rune(c)]; other && len(names) > 0 {
			return "&" + names[int(choice>>5)%len(names)] + ";"
		}
		return fmt.Sprintf("&#%d;", c)
	case 7:
		return fmt.Sprintf("&#x%x;", c)
	}
	if other && letter {
		c ^= 0x20
	}
	if choice&128 != 0 {
		return string(compatibilityForm(rune(c), choice>>5&3))
	}
	return string(c)
}

// htmlNames are the names htmlReferences has for each character, sorted.
var htmlNames = func() map[rune][]string {
	names := map[rune][]string{}
	for name, c := range htmlReferences {
		names[c] = append(names[c], name)
	}
	for _, list := range names {
		slices.Sort(list)
	}
	return names
}()

// compatibilityForm writes c as a character that NFKC writes as c, in the
// style picked: full-width (ＡＢ for AB, the only one for other than
// letters and digits), mathematical bold (𝐀𝐁), circled (ⒶⒷ, ①②) or
// mathematical monospace (𝙰𝙱).
func compatibilityForm(c rune, style byte) rune {
	var letters, digits rune // the style's A and 0
	switch style {
	case 1:
		letters, digits = 0x1d400, 0x1d7ce
	case 2:
		letters = 0x24b6
		if c == '0' {
			return '⓪'
		}
		digits = '①' - 1
	case 3:
		letters, digits = 0x1d670, 0x1d7f6
	}
	switch {
	case letters != 0 && 'A' <= c && c <= 'Z':
		return letters + c - 'A'
	case letters != 0 && 'a' <= c && c <= 'z':
		return letters + 26 + c - 'a'
	case digits != 0 && '0' <= c && c <= '9':
		return digits + c - '0'
	}
	return c + 0xfee0
}

// scrubChecked is r's scrub of text (cut: as truncated scrubs), failing t
// where the redactor without its shortcuts (exhaustive) replaces anything
// else: a shortcut that skips a form of the key leaks it.
func scrubChecked(t *testing.T, r redactor, text string, cut bool) string {
	t.Helper()
	full := r
	full.exhaustive = true
	got, want := r.scrub(text, cut), full.scrub(text, cut)
	if got != want {
		t.Errorf("with its shortcuts the redactor makes %q of %q (cut: %v), without them %q", got, text, cut, want)
	}
	return got
}

// checkNoKey fails when out holds a run of the key's characters as tokens
// wrote them, or a uniform form of the key; a key shorter than MinKeyRun, a
// form that the rule finds: LeakedKey finds it in any word too, even in the
// escapes of other characters ("0030" in \u0030).
func checkNoKey(t *testing.T, out, key string, tokens []string) {
	t.Helper()
	if len(key) < MinKeyRun {
		if again := newRedactor(key).String(out); again != out {
			t.Fatalf("%q still holds the key: scrubbed again, it is %q", out, again)
		}
	} else if leak := mockapi.LeakedKey(out, key); leak != "" {
		t.Fatalf("%q holds %s", out, leak)
	}
	checkNoRun(t, out, tokens)
}

// checkNoRun fails when out holds a run of MinKeyRun tokens, or all of them
// when fewer, as they are written.
func checkNoRun(t *testing.T, out string, tokens []string) {
	t.Helper()
	folded := string(foldASCII([]byte(out)))
	run := min(MinKeyRun, len(tokens))
	for i := 0; i+run <= len(tokens); i++ {
		if written := strings.Join(tokens[i:i+run], ""); strings.Contains(folded, string(foldASCII([]byte(written)))) {
			t.Fatalf("%q holds characters %d to %d of the key as written, %q", out, i+1, i+run, written)
		}
	}
}
