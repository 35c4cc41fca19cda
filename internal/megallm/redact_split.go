package megallm

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitReading is a reading of a text with what splits a key taken out
// (breakAt); a key too short for runs is found only unsplit. A method, not a
// func value, so that the text may stay on the stack.
type splitReading int

// The split readings: without separatorAt's, pieceBreakAt's,
// hexByteBreakAt's.
const (
	withoutSeparators splitReading = iota
	withoutPieceBreaks
	withoutHexByteBreaks
)

// splitReadings are the split readings in the order they are read:
// withoutHexByteBreaks reads what withoutSeparators leaves, just before it (a
// colour or a tag may mark some bytes of a hex dump, 68:\x1b[1m6f).
var splitReadings = []splitReading{withoutPieceBreaks, withoutSeparators, withoutHexByteBreaks}

// breakStarts has, for each split reading, the bytes that what it takes out
// may start with; at any other byte, its breakAt is 0 (the first thing each
// breakAt asks): most of a text, which joinSeparated skips in runs.
var breakStarts = func() (starts [withoutHexByteBreaks + 1][256]bool) {
	for c := range 256 {
		separator := c <= ' ' || c >= 0x7f || c == '<' // a control byte starts a colour, < a tag; any byte not ASCII
		starts[withoutSeparators][c] = separator
		starts[withoutPieceBreaks][c] = separator || c == '/' || c == '='
		starts[withoutHexByteBreaks][c] = c == ':' || c == '-' || c == ',' || c == '0'
	}
	return starts
}()

// breakAt is the length of what the reading takes out at the start of text.
func (s splitReading) breakAt(text []byte) int {
	switch s {
	case withoutPieceBreaks:
		return pieceBreakAt(text)
	case withoutHexByteBreaks:
		return hexByteBreakAt(text)
	}
	return separatorAt(text)
}

// separator reports whether r may split a key that a server quotes, where
// no key has it: white space (a wrapped line), a control character (\b) or
// an invisible character (a zero-width space, a soft hyphen, a combining
// grapheme joiner).
func separator(r rune) bool {
	if r < utf8.RuneSelf { // the tables below hold no other ASCII
		return r <= ' ' || r == 0x7f
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) ||
		unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

// separatorAt is the length of the separator that text starts with, or 0:
// an ANSI control sequence (colourAt) and an HTML tag (tagAt) are ones too.
func separatorAt(text []byte) int {
	if len(text) == 0 || !breakStarts[withoutSeparators][text[0]] {
		return 0
	}
	if n := max(colourAt(text), tagAt(text)); n > 0 {
		return n
	}
	if c, size := utf8.DecodeRune(text); separator(c) {
		return size
	}
	return 0
}

// colourAt is the length of the ANSI control sequence that text starts with
// (ESC [ 31 m, the colour a log formatter puts around part of a line, such as
// part of a key), or 0; one that text ends inside, as a cut leaves it, runs
// to the end.
func colourAt(text []byte) int {
	if len(text) < 2 || text[0] != 0x1b || text[1] != '[' {
		return 0
	}
	for i := 2; i < len(text); i++ {
		switch c := text[i]; {
		case 0x40 <= c && c <= 0x7e: // the final byte
			return i + 1
		case c < 0x20 || c > 0x3f: // not a parameter or intermediate byte
			return 0
		}
	}
	return len(text)
}

// maxTag is the longest HTML tag read, attributes included.
const maxTag = 64

// tagAt is the length of the HTML tag that text starts with (<b>, </span>,
// <wbr/>, <mark class="x">), or 0. An HTML page may put tags inside a long
// word such as a key: to break it where a line may wrap (<wbr>), or to mark
// part of it (the characters that differ).
func tagAt(text []byte) int {
	if len(text) < len("<b>") || text[0] != '<' {
		return 0
	}
	name := 1
	if text[1] == '/' {
		name = 2
	}
	end := name
	for end < len(text) && ('a' <= text[end] && text[end] <= 'z' || end > name && '0' <= text[end] && text[end] <= '9') {
		end++
	}
	if end == name || end == len(text) {
		return 0
	}
	if text[end] != '>' && text[end] != '/' && text[end] != ' ' { // "<a|>" is no tag
		return 0
	}
	for i := end; i < min(len(text), maxTag); i++ {
		switch text[i] {
		case '>':
			return i + 1
		case '<':
			return 0
		}
	}
	return 0
}

// pieceBreakAt is separatorAt, or 1 for a slash (a key pasted into a URL's
// path in pieces) or for the = of a soft line break (softLineBreakAt).
func pieceBreakAt(text []byte) int {
	if text[0] == '/' || softLineBreakAt(text) {
		return 1
	}
	return separatorAt(text)
}

// softLineBreakAt reports whether text starts with a quoted-printable soft
// line break: = before a line break (or the space an excerpt writes for it);
// not before a tag or another separator, which a key's own = may stand before.
func softLineBreakAt(text []byte) bool {
	return len(text) > 1 && text[0] == '=' && strings.IndexByte(" \t\r\n", text[1]) >= 0
}

// mayBeQuotedPrintable reports whether text, in lower case, may be
// quoted-printable, so that an = that a cut leaves at its end may be a soft
// line break's: it holds one, or no = that quoted-printable does not write,
// one before a letter or digit that does not start an =XX (a key=value's:
// "level=error team=" keeps team, which a key team-... starts with).
func mayBeQuotedPrintable(text []byte) bool {
	plain := true
	for i := range text {
		if text[i] != '=' || i+1 == len(text) {
			continue
		}
		if softLineBreakAt(text[i:]) {
			return true
		}
		if next := text[i+1 : min(i+3, len(text))]; 'a' <= next[0] && next[0] <= 'z' || '0' <= next[0] && next[0] <= '9' {
			_, hex := number(next, 16)
			plain = plain && hex
		}
	}
	return plain
}

// hexByteBreakAt is the length of what a hex dump or a debug printer writes
// before a byte, that text starts with: a colon, dash or comma, or C's 0x, or
// both (68:6f, 68-6f, 0x68,0x6f), before two hex digits that no letter or
// digit follows but the next byte's 0x, or the start of it a cut left: the
// white space of 0x68 0x6f is a separator, which the reading it reads has
// taken out; or 0.
func hexByteBreakAt(text []byte) int {
	if !breakStarts[withoutHexByteBreaks][text[0]] {
		return 0
	}
	n := 0
	punctuated := text[0] == ':' || text[0] == '-' || text[0] == ','
	if punctuated {
		n++
	}
	if bytes.HasPrefix(text[n:], []byte("0x")) {
		n += 2
	} else if !punctuated {
		return 0
	}
	if len(text) < n+2 {
		return 0
	}
	next, _ := utf8.DecodeRune(text[n+2:])
	ends := !wordChar(next) || bytes.HasPrefix(text[n+2:], []byte("0x")) || len(text) == n+3 && next == '0' // the byte
	if _, ok := number(text[n:n+2], 16); !ok || !ends {
		return 0
	}
	return n
}

// gap is where a reading took bytes out of the text it was read from: at is
// the reading's first byte after them, skipped how many bytes of the text it
// had left out up to there.
type gap struct{ at, skipped int }

// joinSeparated appends to joined text without what split.breakAt finds, and
// to gaps where it left something out; when text has nothing to leave out, it
// appends nothing. It asks breakAt only at a byte of breakStarts, and copies
// the runs of other bytes whole. joined may be text[:0]: it writes no byte of
// text before it has read it.
func joinSeparated(text []byte, split splitReading, joined []byte, gaps []gap) ([]byte, []gap) {
	starts := &breakStarts[split]
	skipped := 0
	for i := 0; i < len(text); {
		if !starts[text[i]] { // a run of bytes that start no break
			next := i + 1
			for next < len(text) && !starts[text[next]] {
				next++
			}
			if len(gaps) > 0 {
				joined = append(joined, text[i:next]...)
			}
			i = next
			continue
		}
		n := split.breakAt(text[i:])
		if n > 0 {
			if len(gaps) == 0 { // the first: room for the rest too
				joined = append(slices.Grow(joined, len(text)), text[:i]...)
			}
			if skipped += n; len(gaps) > 0 && gaps[len(gaps)-1].at == len(joined) {
				gaps[len(gaps)-1].skipped = skipped
			} else {
				gaps = append(gaps, gap{len(joined), skipped})
			}
		} else if _, n = utf8.DecodeRune(text[i:]); len(gaps) > 0 {
			joined = append(joined, text[i:i+n]...)
		}
		i += n
	}
	return joined, gaps
}

// unjoined is where bytes [start, end) of a reading that left out gaps came
// from in the text it was read from.
func unjoined(gaps []gap, start, end int) span {
	at := func(p int) int {
		skipped := 0
		for _, g := range gaps {
			if g.at > p {
				break
			}
			skipped = g.skipped
		}
		return p + skipped
	}
	return span{at(start), at(end-1) + 1}
}
