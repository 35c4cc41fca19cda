package megallm

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a range of bytes [start, end) of the text being scrubbed.
type span struct{ start, end int }

// scrub replaces every form of the keys in s by the rule of redactor; cut
// says that s was cut off, so that it may end in the start of a key.
func (r redactor) scrub(s string, cut bool) string {
	if r.shortest == 0 || len(s) < r.shortest && !cut { // no reading of s is longer than s, so none holds a run
		return s
	}
	var textOn, joinedOn [128]byte // most texts and their split readings fit on the stack
	var gapsOn, hexGapsOn [16]gap
	text, from := fold(append(textOn[:0], s...), nil) // from: where each byte of text came from in s; nil: itself
	splits := splitReadings
	if r.runs[MinKeyRun] == nil {
		splits = nil
	}
	var found []span
	joined, gaps := joinedOn[:0], gapsOn[:0] // a split reading, reused by the next
	hexGaps := hexGapsOn[:0]                 // withoutHexByteBreaks's, which reads withoutSeparators's
	wrapped := false                         // whether a reading so far may be quoted-printable
	for layer := 0; ; layer++ {
		at := func(start, end int) span { return origin(from, start, end) }
		for n := range r.runs {
			found = r.find(text, n, at, found)
		}
		if cut {
			wrapped = wrapped || mayBeQuotedPrintable(text)
			found = r.findCutStarts(text, at, len(s), false, wrapped, found)
		}
		for _, split := range splits {
			var readGaps, sourceGaps []gap // where the reading left out, and the one it reads
			switch {
			case split == withoutPieceBreaks && !r.exhaustive && !bytes.ContainsAny(text, "/="):
				continue // it would read text as withoutSeparators did, and look for the same runs and starts
			case split == withoutHexByteBreaks: // after withoutSeparators: a colour or a tag may mark bytes of a hex dump
				source := text
				if len(gaps) > 0 {
					source, sourceGaps = joined, gaps // in place: it has been read
				}
				joined, hexGaps = joinSeparated(source, split, joined[:0], hexGaps[:0])
				readGaps = hexGaps
			default:
				joined, gaps = joinSeparated(text, split, joined[:0], gaps[:0])
				readGaps = gaps
			}
			if len(readGaps) == 0 {
				continue
			}
			joinedAt := func(start, end int) span {
				in := unjoined(readGaps, start, end)
				if sourceGaps != nil {
					in = unjoined(sourceGaps, in.start, in.end)
				}
				return origin(from, in.start, in.end)
			}
			found = r.find(joined, MinKeyRun, joinedAt, found)
			if cut {
				found = r.findCutStarts(joined, joinedAt, len(s), true, wrapped, found)
			}
		}
		if layer == maxUnescapes {
			break
		}
		next, nextFrom := unescape(text, func(i int) bool { // text is lower case; s has its capital U
			in := origin(from, i, i+1)
			return in.end-in.start == 1 && s[in.start] == 'U'
		})
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
// are looked for); split: text is a split reading; wrapped: a reading of the
// text so far may be quoted-printable (findCutStart).
func (r redactor) findCutStarts(text []byte, at func(start, end int) span, size int, split, wrapped bool, found []span) []span {
	for _, key := range r.keys {
		if len(key) < MinKeyRun {
			if !split { // a key too short for runs is found only unsplit
				found = r.findCutStart(text, at, key, size, false, found)
			}
			continue
		}
		found = r.findCutStart(text, at, key, size, wrapped, found)
		if slashless := strings.ReplaceAll(key, "/", ""); slashless != key {
			found = r.findCutStart(text, at, slashless, size, wrapped, found)
		}
	}
	return found
}

// findCutStart appends the end of text when it is the start of key (the
// key, or the key without its slashes), possibly followed by the parts of
// escapes or of a tag that the cut left, one inside another ("<b%2", at most
// maxTag bytes), and in a text that may be quoted-printable, by the = of
// the next soft line break the cut split (elsewhere, = ends a key=value); of a
// key shorter than MinKeyRun, where it starts a word. at is where text's
// bytes came from, size the length of the text being scrubbed.
func (r redactor) findCutStart(text []byte, at func(start, end int) span, key string, size int, wrapped bool, found []span) []span {
	for body := text; ; {
		ends := [2][]byte{body}
		if wrapped {
			ends[1] = bytes.TrimSuffix(body, []byte("="))
		}
		for _, end := range ends {
			for n := min(len(key), len(end)); n >= MinKeyLength; n-- {
				if bytes.HasSuffix(end, []byte(key[:n])) && (len(key) >= MinKeyRun || wholeWord(end, len(end)-n, len(end))) {
					return append(found, span{at(len(end)-n, len(end)).start, size})
				}
			}
		}
		partial := partialEscape(body)
		if partial == 0 || len(text)-len(body)+partial > maxTag {
			return found
		}
		body = body[:len(body)-partial]
	}
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
