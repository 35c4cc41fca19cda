package megallm

import (
	"fmt"
	"strings"
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
// escapes decoded (percent-encoding, JSON and other backslash escapes, its
// surrogate pairs and \U0001D42C too, HTML character references); in each
// reading, every run of MinKeyRun characters of a key, or of its hex or
// base64 encoding, ignoring ASCII case and width (fold: full-width letters
// and other compatibility characters read as the ASCII they stand for), is
// found, also in the readings without white space, control and invisible
// characters, ANSI colours and HTML tags (a key split across lines, by
// zero-width spaces or by marks around part of it), without those, slashes
// and quoted-printable soft line breaks too (a key pasted into a URL's path
// in pieces, or wrapped by quoted-printable) where the key is looked for
// without its own slashes, and without those and what a hex dump writes
// between bytes (68:6f, 0x68, 0x6f, some of them in colour), and the text it
// came from is replaced by ***, with the base64 characters around the base64
// of the key, or of a run of it, that hold some of the key's bits too
// (edges). A key shorter than MinKeyRun is found whole, only unsplit and
// where it is a word of its own (wholeWord), and its encodings as any key's
// where they are that long (hex of 5 characters or more); one shorter than
// MinKeyLength is not looked for.
type redactor struct {
	// keys are the keys without surrounding white space, in lower case.
	keys []string
	// runs holds, by their length, the runs looked for: every substring
	// MinKeyRun bytes long of a key at least that long, of any key's
	// encodings (of it as written, lower- and upper-cased) and of each
	// without its slashes; a shorter key whole. Each has the edges of the
	// form it starts or ends, and of base64, of the group (addRuns).
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
// cut split included, and in a text that may be quoted-printable, the next
// soft line break's =, the first's too).
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

// redactedError is an error whose message had the key removed.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }
