package megallm

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// FuzzRedact writes a key into a text between arbitrary texts, and cuts it
// at a random point, where a character starts. layout&7%5 picks how:
//
//   - 0: each character in a random form (as is or in the other letter case,
//     in a compatibility form or not (compatibilityForm), that form as
//     writers that keep to ASCII escape it (escapeNonASCII: \ud835\udc2c,
//     \U0001d670, \uff41), \u00XX, \xXX,
//     %XX, \c, &#NN;, &#xXX; or &name;, upper- or lower-case hex; = also as
//     =3D; an escape escaped again, as \\u0041, %255C or &amp;#65;), a long
//     key split by ANSI colours, line breaks, zero-width spaces or HTML tags
//     (keySplits);
//   - 1: as 0, a key of 10 characters or more besides its slashes (the rule
//     looks for a wrapped key, and its start at a cut, without them) wrapped
//     by quoted-printable soft line breaks too (=\r\n, or =\n with bit 8)
//     before every (layout>>4)+1-th character;
//   - 2: as 0, all of it escaped once more (as JSON, a URL or HTML do:
//     layout>>3%3, escapeAgain): with the escapes escaped again, maxUnescapes
//     layers;
//   - 3: a run of the key (as it is, lower- or upper-cased) in hex, upper- or
//     lower-case, plain or as a hex dump writes it (68:6f, 0x68, 0x6f, 68 6f);
//   - 4: a run of the key (so cased) in base64, standard or URL-safe, padded
//     or not, after 0 to 2 other bytes and before 0 to 2 (alignedBase64);
//     no character that holds any of the run's bits may survive, where it
//     starts or ends inside the key too (checkBase64Edges);
//   - 3 and 4: split or not before every 1st to 80th character by a mark of
//     keySplits or \r\n, as MIME wraps base64 at 76 columns (splitEncoded).
//
// A written key of 10 characters or more with slashes is also written
// without them. No run of 10 of the key's characters as written may survive
// (of those left, without the slashes), nor 10 characters of its hex or of
// the base64 that only its bytes decide, nor any uniform form
// mockapi.LeakedKey looks for; a cut text that ends in 4 or more characters
// of the key's start, written as in layouts 0 to 2, ends in *** instead. Each
// scrub is also compared with the redactor's without its shortcuts
// (scrubChecked).
//
// What the rule leaves out is not written or not asked for: a key shorter than
// 10 characters split; a letter or digit after a backslash, which no writer
// escapes (\B reads as \b, a backspace); more than maxUnescapes layers of
// escapes, or a key's %, \ or & under fewer layers than another of its
// characters, or a %, \ or & left bare behind an escape escaped again, as JSON
// leaves the % of \% (read a layer early, it takes what follows it with it);
// the hex of fewer than 5 of a key's characters, or base64 with fewer than 10
// characters that only the key decides; the hex or base64 of a key in mixed
// letter case (the rule reads those of the key as it is, lower- and
// upper-cased); the start of a hex or base64 form that a cut leaves (the rule
// drops the start of the key at a cut, not of its encodings); in
// quoted-printable, a line break after the key's = (which makes it a soft line
// break); and the start before a cut inside the first soft line break of a text
// with an = that quoted-printable does not write, a key=value's (it may leave
// its = alone, as a key=value ends: mayBeQuotedPrintable).
func FuzzRedact(f *testing.F) {
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", "error:", "", []byte{0, 9, 1, 2, 3, 4, 5, 6, 7}, uint16(0), byte(0))
	f.Add("k/y+Z=_-", `{"token":"`, `"}`, []byte{3, 12}, uint16(9), byte(0))
	f.Add("abc%41def\\/ghij&amp;", "%4", "\\", []byte{1, 4, 6, 7}, uint16(14), byte(0))
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", "<td>", "</td>", []byte{0, 16 | 32, 8, 16 | 3, 0, 0, 16 | 64 | 32, 16 | 96}, uint16(17), byte(0))
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", `{"log":"`, `"}`, []byte{16 | 1, 0, 16 | 64, 2, 16, 0, 0}, uint16(30), byte(0))
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", "key:", ".", []byte{128, 128 | 8, 3, 128 | 16, 128}, uint16(20), byte(0))
	f.Add("sk-Ab/Cd+Ef=Gh_Ij-Kl/Mn", "key:", "", []byte{0}, uint16(9), byte(0))
	f.Fuzz(func(t *testing.T, key, prefix, suffix string, choices []byte, cutAt uint16, layout byte) {
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
		form := (layout & 7) % 5
		if form >= 3 {
			checkEncodedKey(t, r, key, prefix, suffix, choices, cutAt, form == 4)
			return
		}
		choice := func(i int) byte {
			if len(choices) == 0 {
				return 0
			}
			return choices[i%len(choices)]
		}
		tokens, layers := make([]string, len(key)), make([]int, len(key))
		shallow := false // a %, \ or & that the rule reads a layer early, which FuzzRedact does not ask for
		for i := range len(key) {
			tokens[i], layers[i] = writeKeyChar(key[i], choice(i))
			if form != 2 {
				continue
			}
			if again := escapeAgain(tokens[i], layout>>3%3); again != tokens[i] {
				for _, b := range []byte(tokens[i]) { // JSON leaves the % of \% bare
					shallow = shallow || strings.IndexByte(`%\&`, b) >= 0 && escapeAgain(string(b), layout>>3%3) == string(b)
				}
				tokens[i], layers[i] = again, layers[i]+1
			}
		}
		for i, c := range []byte(key) {
			shallow = shallow || strings.IndexByte(`%\&`, c) >= 0 && layers[i] < slices.Max(layers)
		}
		if shallow {
			t.Skip("a key's %, \\ or & under fewer layers of escapes than another of its characters, or a %, \\ or & left bare behind an escape escaped again, is read a layer early, with what follows it: the rule reads every kind of escape in each layer")
		}
		softBreaks := make([]span, len(key)) // where in each token its soft line break is
		for i := range len(key) {
			var split, softBreak string
			if c := choice(i); c&16 != 0 && i > 0 && len(key) >= MinKeyRun && (c&32 == 0 || !strings.ContainsAny(key, "<>")) {
				split = keySplits[int(c>>5)%len(keySplits)]
			}
			if form == 1 && i > 0 && key[i-1] == '=' && strings.HasPrefix(split, "\n") {
				split = "" // the key's = before a line break is a soft line break's in quoted-printable
			}
			if wrap := int(layout>>4) + 1; form == 1 && i%wrap == 0 && i > 0 && len(strings.ReplaceAll(key, "/", "")) >= MinKeyRun {
				softBreak = [...]string{"=\r\n", "=\n"}[layout>>3&1]
			}
			if form == 2 {
				split = escapeAgain(split, layout>>3%3)
			}
			tokens[i] = split + softBreak + tokens[i]
			softBreaks[i] = span{len(split), len(split) + len(softBreak)}
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
			whole := 0          // how many characters of the key the cut left whole
			firstBreak := false // whether the cut is inside the first soft line break, which may leave its = alone
			for i, n, before := 0, 0, false; i < len(tokens) && n < cut; i++ {
				if b := softBreaks[i]; tokens[i] != "" && b.end > b.start {
					firstBreak = !before && n+b.start < cut && cut < n+b.end
					before = true
				}
				if n += len(tokens[i]); n <= cut && tokens[i] != "" && (form != 1 || key[i] != '/') { // wrapped, the key's start is looked for without its slashes
					whole++
				}
			}
			// In a text with a key=value's =, an = alone at its end may be one's too.
			alone := firstBreak && !mayBeQuotedPrintable(foldASCII([]byte(prefix+"|"+written[:cut])))
			if whole >= MinKeyLength && !alone && !strings.HasSuffix(out, redactedKey) {
				t.Fatalf("cut after %d characters of the key, %q does not end in %s", whole, out, redactedKey)
			}
		}
	})
}

// keySplits are the marks that FuzzRedact writes before a character of a key
// of 10 characters or more where choice has bit 16, picked by bits 32, 64 and
// 128: ANSI colours, a line break, a zero-width space, and HTML tags (bit
// 32), which a key holding < or > may hide from the rule (with a < before
// it, "<a|>" is a tag); and into the key's hex and base64 (splitEncoded).
var keySplits = []string{"\x1b[1;31m", `<b class="k">`, "\x1b[0m", "</b>", "\n", "<br>", "\u200b", "<wbr>"}

// writeKeyChar writes c in the form choice picks, and says under how many
// layers of escapes: escaped (choice%8), with bit 8 as \xXX, =3D or a named
// character reference where it has one (the name bits 32 to 128 pick), or for
// \u00XX in upper-case hex (form 2), as its compatibility form (bits 32 and
// 64) escaped (escapeNonASCII); and with bit 128 but not 16, escaped again
// (the escape's first character, \, %, & or =, and any other %, \ or &, as
// \\, %XX, &name; or &#xXX;: bits 32 and 64); or, as it is, in the other
// letter case (bit 8) and in a compatibility form (bit 128).
func writeKeyChar(c, choice byte) (string, int) {
	letter := 'a' <= c|0x20 && c|0x20 <= 'z'
	alnum := letter || '0' <= c && c <= '9'
	form := choice % 8
	if form == 0 && (c == '%' || c == '\\' || c == '&') {
		form = 1 // a text that escapes some characters escapes these
	}
	if form == 5 && alnum {
		form = 0 // \n is not n
	}
	other := choice&8 != 0                              // the other letter case, or of an escape, another form
	if form != 0 && choice&128 != 0 && choice&16 == 0 { // escaped again, in the form bits 32 and 64 pick
		escaped, _ := writeKeyChar(c, choice&^128)
		var twice strings.Builder
		for i, b := range []byte(escaped) {
			if i == 0 || strings.IndexByte(`%\&`, b) >= 0 { // the escape's first character, and any other that starts one (\%)
				outer, _ := writeKeyChar(b, [...]byte{5, 3, 6 | 8, 7}[choice>>5&3])
				twice.WriteString(outer)
			} else {
				twice.WriteByte(b)
			}
		}
		return twice.String(), 2
	}
	if form == 0 {
		if other && letter {
			c ^= 0x20
		}
		if choice&128 != 0 {
			return string(compatibilityForm(rune(c), choice>>5&3)), 0
		}
		return string(c), 0
	}
	return escapeKeyChar(c, form, other, choice), 1
}

// escapeKeyChar writes c escaped in form (1 to 7), another with other; the
// name of a named character reference by choice's bits 32 to 128.
func escapeKeyChar(c, form byte, other bool, choice byte) string {
	switch form {
	case 1:
		if other {
			return fmt.Sprintf(`\x%02x`, c)
		}
		return fmt.Sprintf(`\u%04x`, c)
	case 2:
		if style := choice >> 5 & 3; other {
			return escapeNonASCII(compatibilityForm(rune(c), style), style == 1)
		}
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
	}
	return fmt.Sprintf("&#x%x;", c)
}

// escapeNonASCII writes c as writers that keep to ASCII escape it: beyond
// U+FFFF, as JSON must, in a surrogate pair (Python's json.dumps, Jackson's
// escapeNonAscii: \ud835\udc2c) where pair says so, else as Go's
// strconv.QuoteToASCII and Python's ascii() do (\U0001d670, and \uff41 as
// every writer does up to U+FFFF).
func escapeNonASCII(c rune, pair bool) string {
	if high, low := utf16.EncodeRune(c); pair && high != utf8.RuneError {
		return fmt.Sprintf(`\u%04x\u%04x`, high, low)
	}
	quoted := strconv.QuoteToASCII(string(c))
	return quoted[1 : len(quoted)-1]
}

// escapeAgain escapes s once more as a whole, as JSON (how picks 0), a URL
// (1: every byte but letters, digits and -._~ as %XX) or HTML (2) do.
func escapeAgain(s string, how byte) string {
	switch how {
	case 0:
		quoted, _ := json.Marshal(s) // s is UTF-8: no error
		return string(quoted[1 : len(quoted)-1])
	case 1:
		var b strings.Builder
		for _, c := range []byte(s) {
			if wordChar(rune(c)) && c < utf8.RuneSelf || strings.IndexByte("-._~", c) >= 0 {
				b.WriteByte(c)
			} else {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		}
		return b.String()
	}
	return html.EscapeString(s)
}

// hexDumpSeparators are what FuzzRedact writes between the bytes of a key in
// hex: nothing, or as a hex dump or a C array does; with 0x, before the first
// byte too.
var hexDumpSeparators = []string{"", ":", "-", " ", "\n", ", 0x", " 0x", ",0x"}

// checkEncodedKey writes a run of key, as it is, lower- or upper-cased
// (choices[0]%3), from choices[1] characters after its start to choices[2]
// before its end, in hex (upper-case digits by choices[3]&1, the bytes
// separated by one of hexDumpSeparators, choices[3]>>1) or in base64
// (alignedBase64), into a text between prefix and suffix, and fails when a
// run of MinKeyRun characters of the form (of base64, of those that only the
// key's bytes decide) survives the redactor, uncut or cut at cutAt; split by
// choices[6]>>1 (with bit 1) before every choices[7]%80+1-th character.
func checkEncodedKey(t *testing.T, r redactor, key, prefix, suffix string, choices []byte, cutAt uint16, base64 bool) {
	t.Helper()
	param := func(i int) int {
		if i < len(choices) {
			return int(choices[i])
		}
		return 0
	}
	cased := [...]string{key, strings.ToLower(key), strings.ToUpper(key)}[param(0)%3]
	start := param(1) % len(key)
	run := cased[start : len(key)-param(2)%(len(key)-start)]
	var head, tail string
	var units []string
	if base64 {
		head, units, tail = alignedBase64(run, prefix, suffix, param(3), param(4), param(5))
	} else {
		separator := hexDumpSeparators[param(3)>>1%len(hexDumpSeparators)]
		if strings.HasSuffix(separator, "0x") {
			head = "0x"
		}
		digits := "0123456789abcdef"
		if param(3)&1 != 0 {
			digits = "0123456789ABCDEF"
		}
		for i, c := range []byte(run) {
			units = append(units, separator+digits[c>>4:c>>4+1], digits[c&15:c&15+1])
			if i == 0 {
				units[0] = digits[c>>4 : c>>4+1]
			}
		}
	}
	if len(units) < MinKeyRun {
		return // the rule looks for runs of MinKeyRun characters of a form
	}
	if base64 {
		checkBase64Edges(t, r, head+strings.Join(units, "")+tail, run, prefix, suffix, param(3), param(4), param(5))
	}
	if split := param(6); split&1 != 0 {
		marks := append(slices.Clone(keySplits), "\r\n")
		head, units, tail = splitEncoded(head, units, tail, param(7)%80+1, marks[split>>1%len(marks)])
	}
	written := head + strings.Join(units, "") + tail
	checkNoRun(t, scrubChecked(t, r, prefix+"|"+written+"|"+suffix, false), units)
	cut := int(cutAt) % (len(written) + 1)
	checkNoRun(t, scrubChecked(t, r, prefix+"|"+written[:cut], true), units)
}

// splitEncoded writes mark before every every-th character of head, units
// (each one character) and tail: a line break where MIME wraps base64 at 76
// columns, a hex dump's every 16 bytes, or a colour or a tag.
func splitEncoded(head string, units []string, tail string, every int, mark string) (string, []string, string) {
	n := 0
	marked := func(s string) string {
		if n++; n > 1 && (n-1)%every == 0 {
			return mark + s
		}
		return s
	}
	each := func(s string) string {
		var b strings.Builder
		for _, c := range []byte(s) {
			b.WriteString(marked(string(c)))
		}
		return b.String()
	}
	head, units = each(head), slices.Clone(units)
	for i := range units {
		units[i] = marked(units[i])
	}
	return head, units, each(tail)
}

// checkBase64Edges fails when the redactor leaves a character that holds any
// of the run's bits in written, the base64 of a run of the key (the whole key
// too) that alignedBase64 wrote: each character kept must be the same where
// every bit of the run is flipped.
func checkBase64Edges(t *testing.T, r redactor, written, run, prefix, suffix string, encoding, before, after int) {
	t.Helper()
	flipped := []byte(run)
	for i := range flipped {
		flipped[i] ^= 0xff
	}
	head, units, tail := alignedBase64(string(flipped), prefix, suffix, encoding, before, after)
	other := head + strings.Join(units, "") + tail
	out := scrubChecked(t, r, "|"+written+"|", false)
	kept := strings.TrimSuffix(strings.TrimPrefix(out, "|"), "|")
	first, _, found := strings.Cut(kept, redactedKey)
	last := kept[strings.LastIndex(kept, redactedKey)+len(redactedKey):]
	if !found || other[:len(first)] != first || other[len(other)-len(last):] != last {
		t.Fatalf("%q of %q keeps a character that holds bits of the key", out, written)
	}
}

// alignedBase64 writes run in base64 (standard or URL-safe, padded or not:
// encoding%4) after before%3 bytes of prefix and before after%3 of suffix
// (each padded with "::"), as the characters before those that only the
// run's bytes decide, those characters (of the groups of 3 bytes that are
// all the run's), and the characters after them.
func alignedBase64(run, prefix, suffix string, encoding, before, after int) (head string, units []string, tail string) {
	pre, post := (prefix + "::")[:before%3], (suffix + "::")[:after%3]
	encoded := [...]*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding}[encoding%4].
		EncodeToString([]byte(pre + run + post))
	first := (len(pre) + 2) / 3       // the first group that starts in the run
	last := (len(pre) + len(run)) / 3 // the first that ends after it
	if last <= first {
		return encoded, nil, ""
	}
	for _, c := range encoded[4*first : 4*last] {
		units = append(units, string(c))
	}
	return encoded[:4*first], units, encoded[4*last:]
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
