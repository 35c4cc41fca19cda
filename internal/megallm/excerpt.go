package megallm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// excerptBytes is how much of an unexpected body an error quotes.
const excerptBytes = 200

// headBuffer keeps the first limit bytes written to it.
type headBuffer struct {
	limit int
	buf   []byte
	// cut says that more was written than kept.
	cut bool
}

func (h *headBuffer) Write(p []byte) (int, error) {
	room := h.limit - len(h.buf)
	if room > 0 {
		h.buf = append(h.buf, p[:min(room, len(p))]...)
	}
	h.cut = h.cut || len(p) > room
	return len(p), nil
}

// excerpt quotes the kept bytes without the key.
func (h *headBuffer) excerpt(r redactor) string { return r.excerpt(h.buf, h.cut) }

// excerpt is the one-line quote of body with the key removed before the body
// is shortened, so that no part of the key survives the cut, and control
// characters read as spaces, so that server text cannot forge a line or
// colour the terminal; an ANSI colour, which a terminal shows as nothing, is
// left out, so that a key it split is found whole. A body that was cut
// already may end in the start of the key: that is removed too.
func (r redactor) excerpt(body []byte, cut bool) string {
	text := strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return ' '
		}
		return c
	}, withoutColours(strings.ToValidUTF8(string(body), "")))
	s := strings.Join(strings.Fields(text), " ")
	if cut {
		s = r.truncated(s)
	} else {
		s = r.String(s)
	}
	if len(s) <= excerptBytes {
		return s
	}
	end := excerptBytes
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + "…"
}

// withoutColours is s without its ANSI control sequences (colourAt).
func withoutColours(s string) string {
	if !strings.Contains(s, "\x1b[") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := colourAt([]byte(s[i:])); n > 0 {
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
