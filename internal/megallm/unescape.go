package megallm

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// unescape decodes one layer of the escapes a server may write a key in: %XX
// (URLs, as bytes), \uXXXX (a surrogate pair as one character, utf16At),
// \U0001D42C (Go's QuoteToASCII, Python's ascii(): a character beyond U+FFFF;
// capital says which bytes of text were a capital U), \xXX, \n, \b and the
// other control escapes, and a backslash before any other character (JSON and
// most languages' strings; text is lower case, so \B reads as \b, a
// backspace: no writer escapes a letter, not JSON, Go, Python or JavaScript
// (\U starts an escape of its own), and Python keeps \B as it is), &#NN;,
// &#xXX;, HTML's named character references for ASCII and white space
// (htmlReferences), and quoted-printable's =3D (=, the one character of a key
// it must escape). text is lower case; so is the result. from says which
// bytes of text each byte of the result came from. It returns nil when text
// has no escape.
func unescape(text []byte, capital func(i int) bool) (decoded []byte, from []span) {
	for i := 0; i < len(text); {
		if decoded == nil { // none yet: on to the next byte that may start one
			next := bytes.IndexAny(text[i:], escapeStarts)
			if next < 0 {
				break
			}
			i += next
		}
		value, n := escapeAt(text, i, capital)
		if n == 0 {
			if decoded != nil {
				decoded = append(decoded, text[i])
				from = append(from, span{i, i + 1})
			}
			i++
			continue
		}
		if decoded == nil {
			decoded = make([]byte, i, len(text))
			copy(decoded, text[:i])
			from = make([]span, i, len(text))
			for j := range i {
				from[j] = span{j, j + 1}
			}
		}
		size := len(decoded)
		if text[i] == '%' { // a byte, so that %e2%80%8b is one character, U+200B
			decoded = append(decoded, byte(value)) //nolint:gosec // G115: two hex digits, 0xff at most.
		} else {
			decoded = utf8.AppendRune(decoded, value)
		}
		foldASCII(decoded[size:])
		for range len(decoded) - size {
			from = append(from, span{i, i + n})
		}
		i += n
	}
	return decoded, from
}

// escapeStarts are the bytes that an escape escapeAt reads starts with.
const escapeStarts = `%\&=`

// escapeAt reads the escape at text[i:], returning the character it stands
// for and its length, or a length of 0 when there is none.
func escapeAt(text []byte, i int, capital func(i int) bool) (rune, int) {
	rest := text[i:]
	switch {
	case len(rest) < 2 || strings.IndexByte(escapeStarts, rest[0]) < 0:
		return 0, 0
	case rest[0] == '%':
		return hexAt(rest, 1, 2)
	case rest[0] == '\\' && rest[1] == 'u' && capital(i+1):
		return hexAt(rest, 2, 8)
	case rest[0] == '\\' && rest[1] == 'u':
		return utf16At(rest)
	case rest[0] == '\\' && rest[1] == 'x':
		return hexAt(rest, 2, 2)
	case rest[0] == '\\':
		value, size := utf8.DecodeRune(rest[1:])
		if control, ok := controlEscapes[value]; ok {
			value = control
		}
		return value, 1 + size
	case rest[0] == '&':
		return characterReference(rest)
	case bytes.HasPrefix(rest, []byte(qpEquals)):
		return '=', len(qpEquals)
	}
	return 0, 0
}

// utf16At reads the \uXXXX at the start of text, and a surrogate pair, the
// only way JSON has to write a character beyond U+FFFF in ASCII (Python's
// json.dumps, Jackson's escapeNonAscii: \ud835\udc2c for 𝐬), as the one
// character it stands for. A lone or mismatched surrogate reads as U+FFFD, as
// Go's encoding/json reads it, and takes only its own escape; a first half that
// the text ends before its second could is left as it is, as other escapes a
// cut split are (escapeStart).
func utf16At(text []byte) (rune, int) {
	value, n := hexAt(text, 2, 4)
	if n == 0 || value < 0xd800 || value >= 0xdc00 { // not a first half
		return value, n
	}
	if len(text) == n || len(text) < 2*n && escapeStart(text[n:]) {
		return 0, 0
	}
	if low, m := hexAt(text[n:], 2, 4); m > 0 && bytes.HasPrefix(text[n:], []byte(`\u`)) {
		if pair := utf16.DecodeRune(value, low); pair != utf8.RuneError {
			return pair, n + m
		}
	}
	return value, n // utf8.AppendRune writes a surrogate as U+FFFD
}

// hexAt reads digits hex digits at text[at:] as a character, returning the
// length of the whole escape (at+digits), or 0 when they are not all hex.
func hexAt(text []byte, at, digits int) (rune, int) {
	if len(text) < at+digits {
		return 0, 0
	}
	value, ok := number(text[at:at+digits], 16)
	if !ok {
		return 0, 0
	}
	return value, at + digits
}

// number reads lower-case digits in base 10 or 16 as a character, reporting
// false for anything else or a number beyond the last character.
func number(digits []byte, base rune) (rune, bool) {
	var value rune
	for _, c := range digits {
		var digit rune
		switch {
		case '0' <= c && c <= '9':
			digit = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			digit = rune(c-'a') + 10
		default:
			return 0, false
		}
		if value = value*base + digit; value > utf8.MaxRune {
			return 0, false
		}
	}
	return value, len(digits) > 0
}

// qpEquals is quoted-printable's =, lower case as text is. Its other =XX are
// not read: a key is printable ASCII, which it leaves as is, and they would
// make a reading of every key=value pair, such as status=404.
const qpEquals = "=3d"

// controlEscapes are the letters that stand for white space or another
// control character after a backslash, as in JSON's \n: a key a server
// wrapped stays split in the text.
var controlEscapes = map[rune]rune{'n': '\n', 'r': '\r', 't': '\t', 'f': '\f', 'v': '\v', 'b': '\b'}

// htmlReferences are HTML5's named character references, spelled as HTML
// spells them, for every printable ASCII character it names (a key's
// characters and those that quote others) and for the white space and
// invisible characters (separator) an HTML page may split a long word by, as
// a key. TestHTMLReferences checks them against the standard library's table.
var htmlReferences = map[string]rune{
	"excl": '!', "quot": '"', "QUOT": '"', "num": '#', "dollar": '$', "percnt": '%', "amp": '&', "AMP": '&',
	"apos": '\'', "lpar": '(', "rpar": ')', "ast": '*', "midast": '*', "plus": '+', "comma": ',', "period": '.',
	"sol": '/', "colon": ':', "semi": ';', "lt": '<', "LT": '<', "equals": '=', "gt": '>', "GT": '>', "quest": '?',
	"commat": '@', "lsqb": '[', "lbrack": '[', "bsol": '\\', "rsqb": ']', "rbrack": ']', "Hat": '^',
	"lowbar": '_', "UnderBar": '_', "grave": '`', "DiacriticalGrave": '`', "lcub": '{', "lbrace": '{',
	"verbar": '|', "vert": '|', "VerticalLine": '|', "rcub": '}', "rbrace": '}',
	"Tab": '\t', "NewLine": '\n', "nbsp": '\u00a0', "NonBreakingSpace": '\u00a0', "shy": '\u00ad',
	"ensp": '\u2002', "emsp": '\u2003', "emsp13": '\u2004', "emsp14": '\u2005', "numsp": '\u2007',
	"puncsp": '\u2008', "thinsp": '\u2009', "ThinSpace": '\u2009', "hairsp": '\u200a', "VeryThinSpace": '\u200a',
	"ZeroWidthSpace": '\u200b', "NegativeVeryThinSpace": '\u200b', "NegativeThinSpace": '\u200b',
	"NegativeMediumSpace": '\u200b', "NegativeThickSpace": '\u200b', "zwnj": '\u200c', "zwj": '\u200d',
	"lrm": '\u200e', "rlm": '\u200f', "MediumSpace": '\u205f', "NoBreak": '\u2060', "ApplyFunction": '\u2061',
	"af": '\u2061', "InvisibleTimes": '\u2062', "it": '\u2062', "InvisibleComma": '\u2063', "ic": '\u2063',
}

// namedReferences are htmlReferences by their names in lower case, as
// unescape reads text: "&Colon;" (∷) reads as ":" too, which only finds more.
var namedReferences = func() map[string]rune {
	lower := make(map[string]rune, len(htmlReferences))
	for name, c := range htmlReferences {
		lower[strings.ToLower(name)] = c
	}
	return lower
}()

// maxReference is the longest character reference read,
// "&NegativeVeryThinSpace;".
const maxReference = 23

// characterReference reads an HTML character reference (&#43;, &#x2b;,
// &plus;) at the start of text.
func characterReference(text []byte) (rune, int) {
	end := -1
	for j := 1; j < min(len(text), maxReference+1); j++ {
		if text[j] == ';' {
			end = j
			break
		}
	}
	if end < 2 {
		return 0, 0
	}
	name := text[1:end]
	var value rune
	var ok bool
	switch {
	case len(name) > 1 && name[0] == '#' && name[1] == 'x':
		value, ok = number(name[2:], 16)
	case name[0] == '#':
		value, ok = number(name[1:], 10)
	default:
		value, ok = namedReferences[string(name)]
	}
	if !ok {
		return 0, 0
	}
	return value, end + 1
}

// partialEscape is the length of the start of an escape or of an HTML tag
// (tagAt) that text ends in, as a cut may leave it ("%2", "\u00", "&#x2",
// "=3", "<span cla", a surrogate pair's first half "\ud835", "\U0001d4"), or
// of a character without its last bytes (a cut between the %XX of one,
// "%EF%BC", decoded), or 0.
func partialEscape(text []byte) int {
	for n := 1; n < min(len(text), utf8.UTFMax); n++ {
		if tail := text[len(text)-n:]; utf8.RuneStart(tail[0]) {
			if !utf8.FullRune(tail) {
				return n
			}
			break
		}
	}
	for n := 1; n <= min(len(text), maxTag); n++ { // the last escape started is the one a cut split
		tail := text[len(text)-n:]
		if escapeStart(tail) {
			return n
		}
	}
	return 0
}

// escapeStart reports whether tail could be the first bytes of an escape
// that unescape reads or of a tag, but not the whole of one.
func escapeStart(tail []byte) bool {
	isHex := func(b []byte) bool {
		_, ok := number(b, 16)
		return ok || len(b) == 0
	}
	switch {
	case tail[0] == '%':
		return len(tail) <= 2 && isHex(tail[1:])
	case tail[0] == '\\' && len(tail) == 1:
		return true
	case tail[0] == '\\' && tail[1] == 'u':
		digits := tail[2:]
		if len(digits) < 4 || !isHex(digits) {
			return len(digits) < 4 && isHex(digits)
		}
		first, _ := number(digits[:4], 16)
		return len(digits) == 4 && 0xd800 <= first && first < 0xdc00 || // a surrogate pair's first half
			len(digits) < 8 && 1 <= first && first <= 0x10 // the start of a \U beyond U+FFFF (lower-cased)
	case tail[0] == '\\' && tail[1] == 'x':
		return len(tail) < len(`\x00`) && isHex(tail[2:])
	case tail[0] == '=': // "=" alone ends a key=value
		return len(tail) == len(qpEquals)-1 && tail[1] == qpEquals[1]
	case tail[0] == '<':
		return (len(tail) == 1 || tail[1] == '/' || 'a' <= tail[1] && tail[1] <= 'z') && !bytes.ContainsAny(tail[1:], "<>")
	case tail[0] == '&':
		if len(tail) > maxReference {
			return false
		}
		for _, c := range tail[1:] {
			if (c < '0' || c > '9') && (c < 'a' || c > 'z') && c != '#' {
				return false
			}
		}
		return true
	}
	return false
}
