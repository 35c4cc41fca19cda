package megallm

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// redactedKey replaces the API key wherever server-supplied text repeats it.
const redactedKey = "***"

// MinKeyRun is the shortest run of the key's characters that is scrubbed
// anywhere in a text; a key shorter than this is scrubbed whole.
const MinKeyRun = 10

// MinKeyLength is the fewest characters an API key has. Fewer give nothing
// away, and are in so many words that a text with them replaced could not be
// read ("a" in "invalid"), nor a catalog whose ids hold them be listed ("-"):
// the redactor looks for no shorter key, and drops no shorter start of a key
// from the end of a cut text.
const MinKeyLength = 4

// maxUnescapes is how many layers of escaping are taken off a text to look
// for the key under them (a percent-encoded key in a JSON string is two).
const maxUnescapes = 3

// redactor removes API keys from text the client did not write: messages,
// bodies, URLs and transport errors, which a server (or a proxy that lists
// the request's headers) may fill with the credential it received, in any
// letter case or width, escaped, encoded or cut short. It holds every key it
// is given (the one a request carried; for a catalog file, each key the
// provider knows) and looks for all of them at once.
//
// The rule: the text is read as it is and with up to maxUnescapes layers of
// escapes decoded (percent-encoding, JSON and other backslash escapes, HTML
// character references); in each reading, every run of MinKeyRun characters
// of a key, or of its hex or base64 encoding, ignoring ASCII case and width
// (fold: full-width letters and other compatibility characters read as the
// ASCII they stand for), is found, also in the readings without white space,
// control and invisible characters, ANSI colours and HTML tags (a key split
// across lines, by zero-width spaces or by marks around part of it), without
// those, slashes and quoted-printable soft line breaks too (a key pasted into
// a URL's path in pieces, or wrapped by quoted-printable) where the key is
// looked for without its own slashes, and without what a hex dump writes
// between bytes (68:6f, 0x68, 0x6f), and the text it came from is replaced by
// ***, with the base64 characters around a base64 form that hold some of the
// key's bits too (edges). A key shorter than MinKeyRun is found whole, only unsplit and where it
// is a word of its own (wholeWord), and its encodings as any key's where they
// are that long (hex of 5 characters or more); one shorter than MinKeyLength
// is not looked for.
type redactor struct {
	// keys are the keys without surrounding white space, in lower case.
	keys []string
	// runs holds, by their length, the runs looked for: every substring
	// MinKeyRun bytes long of a key at least that long, of any key's
	// encodings (of it as written, lower- and upper-cased) and of each
	// without its slashes; a shorter key whole. Each has the edges of the
	// form it starts or ends.
	runs map[int]map[string]edges
	// shortest is the shortest length in runs, 0 without a key.
	shortest int
	// starts has the bit startBit sets for the first bytes of each run: a
	// place in a text whose bit is clear starts none, and find looks no
	// further there (most places of most texts).
	starts []uint64
	// exhaustive turns the shortcuts off (starts, and scrub's skipping of a
	// reading that would read a text as the one before): what tests compare
	// the redactor with, since a shortcut that skips a form is a leak.
	exhaustive bool
}

// startBits is how many bits redactor.starts has, as a power of 2: a key's
// runs, 435 for a key of 32 characters, set 368 (4.5 %) of 2^13 (1 KB).
const startBits = 13

// startBit is the bit of redactor.starts for a run or a text that begins
// with b's first 4 bytes (every run is at least MinKeyLength long), hashed.
func startBit(b []byte) uint32 {
	return binary.LittleEndian.Uint32(b) * 0x9e3779b1 >> (32 - startBits) // Fibonacci hashing
}

func newRedactor(keys ...string) redactor {
	var r redactor
	for _, key := range keys {
		key = strings.TrimSpace(key)
		text, _ := fold([]byte(key), nil)
		folded := string(text)
		if utf8.RuneCountInString(folded) < MinKeyLength || slices.Contains(r.keys, folded) {
			continue
		}
		r.keys = append(r.keys, folded)
		run := min(MinKeyRun, len(folded))
		r.addRuns(run, edges{}, folded)
		// Also a shorter key's: hex of 5 characters is 10. And of the key in
		// either letter case, as a server may write it before it encodes it.
		for _, cased := range []string{key, strings.ToLower(key), strings.ToUpper(key)} {
			r.addEncodedRuns(cased)
		}
		if r.shortest == 0 || run < r.shortest {
			r.shortest = run
		}
	}
	return r
}

// edges is how many base64 characters before and after a form of the key
// hold some of its bits too: those of the groups of 3 bytes that the key
// shares with the bytes around it (2 or 3 for 1 or 2 bytes of the key), which
// are replaced with the form; the = padding after them goes too.
type edges struct{ before, after int }

// addRuns adds to the runs looked for every substring n bytes long of form,
// and of it without its slashes, the first with its edges.before, the last
// with its edges.after; a form shorter than n adds none.
func (r *redactor) addRuns(n int, around edges, form string) {
	for _, form := range []string{form, strings.ReplaceAll(form, "/", "")} {
		for i := 0; i+n <= len(form); i++ {
			if r.runs == nil {
				r.runs = map[int]map[string]edges{}
			}
			if r.runs[n] == nil {
				r.runs[n] = map[string]edges{}
			}
			if r.starts == nil {
				r.starts = make([]uint64, 1<<startBits/64)
			}
			bit := startBit([]byte(form[i : i+n]))
			r.starts[bit/64] |= 1 << (bit % 64)
			e := r.runs[n][form[i:i+n]]
			if i == 0 {
				e.before = max(e.before, around.before)
			}
			if i+n == len(form) {
				e.after = max(e.after, around.after)
			}
			r.runs[n][form[i:i+n]] = e
		}
	}
}

// addEncodedRuns adds the runs of key in hex and in base64 (standard and
// URL-safe), folded as text is: base64 in each of the three alignments the
// key can have in what was encoded (such as "Bearer KEY"), cut to the
// characters that only the key's bytes decide, with the edges that the bytes
// cut off share with the bytes around the key.
func (r *redactor) addEncodedRuns(key string) {
	r.addRuns(MinKeyRun, edges{}, hex.EncodeToString([]byte(key)))
	shared := [3]int{0, 2, 3} // characters of a group that 0, 1 or 2 of its bytes decide in part
	for skip := range 3 {
		aligned := []byte(key)[skip:]
		rest := len(aligned) % 3
		aligned = aligned[:len(aligned)-rest]
		for _, encoding := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			r.addRuns(MinKeyRun, edges{shared[skip], shared[rest]}, string(foldASCII([]byte(encoding.EncodeToString(aligned)))))
		}
	}
}

// KeyScrubber returns the client's rule for text from the server as a
// function, for what the provider logs outside the client (a redirect's URL, a
// transport error): every form of each key that the client scrubs, it
// scrubs. A value that Quote or Excerpt cut may end in the start of a key,
// just before the "…" of the cut: that start is dropped too.
func KeyScrubber(keys ...string) func(string) string {
	r := newRedactor(keys...)
	return func(s string) string {
		parts := strings.Split(s, "…")
		for i, part := range parts[:len(parts)-1] {
			head, quoted := strings.CutSuffix(part, `"`)
			if parts[i] = r.truncated(head); quoted {
				parts[i] += `"`
			}
		}
		parts[len(parts)-1] = r.String(parts[len(parts)-1])
		return strings.Join(parts, "…")
	}
}

// String replaces every form of the key in s.
func (r redactor) String(s string) string { return r.scrub(s, false) }

// texts replaces every form of the key in each text that is not nil.
func (r redactor) texts(texts ...*string) {
	for _, s := range texts {
		if s != nil {
			*s = r.String(*s)
		}
	}
}

// truncated is String for text that was cut off: it also drops an end of s
// that is the start of the key, which the cut may have split (an escape the
// cut split included).
func (r redactor) truncated(s string) string { return r.scrub(s, true) }

// maxErrorChars is how much of an error's message a client error keeps: Go's
// transport errors quote what a server sent, such as a malformed header line
// of up to 10 MiB, whole.
const maxErrorChars = 500

// Error returns err, or when its message holds the key or is longer than
// maxErrorChars, an error with the key replaced and the message cut, with
// its length, that still unwraps to err for errors.Is and errors.As.
func (r redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	var clean string
	if head, length := cut(msg, maxErrorChars); length > 0 { // the rest is never read
		clean = fmt.Sprintf("%s… (%d characters)", r.truncated(head), length)
	} else {
		clean = r.String(msg)
	}
	if clean != msg {
		return &redactedError{msg: clean, err: err}
	}
	return err
}

// span is a range of bytes [start, end) of the text being scrubbed.
type span struct{ start, end int }

// scrub replaces every form of the keys in s by the rule of redactor; cut
// says that s was cut off, so that it may end in the start of a key.
func (r redactor) scrub(s string, cut bool) string {
	if r.shortest == 0 || len(s) < r.shortest && !cut { // no reading of s is longer than s, so none holds a run
		return s
	}
	var textOn, joinedOn [128]byte // most texts and their split readings fit on the stack
	var gapsOn [16]gap
	text, from := fold(append(textOn[:0], s...), nil) // from: where each byte of text came from in s; nil: itself
	splits := splitReadings
	if r.runs[MinKeyRun] == nil {
		splits = nil
	}
	var found []span
	joined, gaps := joinedOn[:0], gapsOn[:0] // a split reading, reused by the next
	for layer := 0; ; layer++ {
		at := func(start, end int) span { return origin(from, start, end) }
		for n := range r.runs {
			found = r.find(text, n, at, found)
		}
		if cut {
			found = r.findCutStarts(text, at, len(s), false, found)
		}
		for _, split := range splits {
			if split == withoutPieceBreaks && !r.exhaustive && !bytes.ContainsAny(text, "/=") {
				continue // it would read text as withoutSeparators did, and look for the same runs and starts
			}
			if joined, gaps = joinSeparated(text, split, joined[:0], gaps[:0]); len(gaps) == 0 {
				continue
			}
			joinedAt := func(start, end int) span {
				in := unjoined(gaps, start, end)
				return origin(from, in.start, in.end)
			}
			found = r.find(joined, MinKeyRun, joinedAt, found)
			if cut {
				found = r.findCutStarts(joined, joinedAt, len(s), true, found)
			}
		}
		if layer == maxUnescapes {
			break
		}
		next, nextFrom := unescape(text)
		if next == nil {
			break
		}
		if from != nil {
			for i, in := range nextFrom {
				nextFrom[i] = origin(from, in.start, in.end)
			}
		}
		text, from = fold(next, nextFrom)
	}
	if len(found) == 0 {
		return s
	}
	return replaceSpans(s, found)
}

// find appends where text holds one of the runs n bytes long (at: where its
// bytes came from), with the base64 characters of its edges; runs shorter
// than MinKeyRun, whole short keys, only where they are whole words.
func (r redactor) find(text []byte, n int, at func(start, end int) span, found []span) []span {
	runs := r.runs[n]
	for i := 0; i+n <= len(text); i++ {
		if bit := startBit(text[i:]); !r.exhaustive && r.starts[bit/64]&(1<<(bit%64)) == 0 {
			continue
		}
		if around, ok := runs[string(text[i:i+n])]; ok && (n >= MinKeyRun || wholeWord(text, i, i+n)) {
			start, end := i, i+n
			for start > 0 && i-start < around.before && base64Char(text[start-1]) {
				start--
			}
			for end < len(text) && end-i-n < around.after && base64Char(text[end]) {
				end++
			}
			for padded := end + 2; around.after > 0 && end < min(padded, len(text)) && text[end] == '='; {
				end++
			}
			found = append(found, at(start, end))
		}
	}
	return found
}

// base64Char reports whether c is in a base64 alphabet, standard or URL-safe.
func base64Char(c byte) bool {
	return c < utf8.RuneSelf && (wordChar(rune(c)) || strings.IndexByte("+/-_", c) >= 0)
}

// wholeWord reports whether text[start:end] is not inside a longer word: no
// letter or digit touches it where it starts or ends with one. A key shorter
// than MinKeyRun may be a word ("test", "local"), in "latest" or "locally"
// too, where it gives nothing away, and replaced there would leave no
// message readable; where it stands alone, or beside punctuation as in
// "key=test", it may be the key, and it is replaced.
func wholeWord(text []byte, start, end int) bool {
	first, _ := utf8.DecodeRune(text[start:])
	before, _ := utf8.DecodeLastRune(text[:start])
	last, _ := utf8.DecodeLastRune(text[:end])
	after, _ := utf8.DecodeRune(text[end:])
	startsInside := wordChar(first) && wordChar(before)
	endsInside := wordChar(last) && wordChar(after)
	return !startsInside && !endsInside
}

// wordChar reports whether c is part of a word: a letter or a digit.
func wordChar(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// findCutStarts appends findCutStart's find for each key, and for a key of
// MinKeyRun or more without its slashes too (in every reading, as its runs
// are looked for); split: text is a split reading.
func (r redactor) findCutStarts(text []byte, at func(start, end int) span, size int, split bool, found []span) []span {
	for _, key := range r.keys {
		if len(key) < MinKeyRun {
			if !split { // a key too short for runs is found only unsplit
				found = r.findCutStart(text, at, key, size, found)
			}
			continue
		}
		found = r.findCutStart(text, at, key, size, found)
		if slashless := strings.ReplaceAll(key, "/", ""); slashless != key {
			found = r.findCutStart(text, at, slashless, size, found)
		}
	}
	return found
}

// findCutStart appends the end of text when it is the start of key (the
// key, or the key without its slashes), possibly followed by the
// part of an escape the cut left; of a key shorter than MinKeyRun, where it
// starts a word. at is where text's bytes came from, size the length of the
// text being scrubbed.
func (r redactor) findCutStart(text []byte, at func(start, end int) span, key string, size int, found []span) []span {
	for _, body := range [][]byte{text, text[:len(text)-partialEscape(text)]} {
		for n := min(len(key), len(body)); n >= MinKeyLength; n-- {
			if bytes.HasSuffix(body, []byte(key[:n])) && (len(key) >= MinKeyRun || wholeWord(body, len(body)-n, len(body))) {
				return append(found, span{at(len(body)-n, len(body)).start, size})
			}
		}
	}
	return found
}

// origin is where bytes [start, end) of a decoded text came from.
func origin(from []span, start, end int) span {
	if from == nil {
		return span{start, end}
	}
	return span{from[start].start, from[end-1].end}
}

// replaceSpans replaces each span of s, widened to whole characters and over
// a C literal's 0x before it (a hex dump's first), by redactedKey;
// overlapping and touching spans become one.
func replaceSpans(s string, found []span) string {
	slices.SortFunc(found, func(a, b span) int { return a.start - b.start })
	var b strings.Builder
	done := 0
	for i := 0; i < len(found); {
		start, end := found[i].start, found[i].end
		for i++; i < len(found) && found[i].start <= end; i++ {
			end = max(end, found[i].end)
		}
		for start > done && !utf8.RuneStart(s[start]) {
			start--
		}
		if start >= done+2 && s[start-2] == '0' && s[start-1]|0x20 == 'x' {
			start -= 2
		}
		for end < len(s) && !utf8.RuneStart(s[end]) {
			end++
		}
		b.WriteString(s[done:start])
		b.WriteString(redactedKey)
		done = end
	}
	b.WriteString(s[done:])
	return b.String()
}

// redactedError is an error whose message had the key removed.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }
