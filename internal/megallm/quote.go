package megallm

import (
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf8"
)

// maxQuotedChars is how many characters of a value a message quotes.
const maxQuotedChars = 64

// Quote quotes a value for a message, Go-quoted so that control characters
// cannot forge lines, in escapes HCL reads too, so that a value copied into
// a configuration reads as itself: an over-long one (a generated or pasted
// value, or anything a server sent) by its first 64 characters and its
// length, such as "aaaa…"… (300 characters). It is the one rule for every value a
// diagnostic quotes.
func Quote(value string) string { return quote(value, maxQuotedChars) }

// QuotesWhole reports whether Quote shows value whole, uncut: advice that
// repeats a value to write can be followed only then.
func QuotesWhole(value string) bool { return whole(value, maxQuotedChars) }

// whole reports whether value has limit characters at most, as a quote shows
// it uncut.
func whole(value string, limit int) bool {
	_, length := cut(value, limit)
	return length == 0
}

// maxQuotedPathChars is how many characters of a file's path a message
// quotes.
const maxQuotedPathChars = 256

// QuotePath quotes a file's path as Quote quotes a value, but cut after 256
// characters: a path is often longer than 64, and the file it names comes
// last.
func QuotePath(path string) string { return quote(path, maxQuotedPathChars) }

// Setting is the kind of setting advice asks to write a value in (ToWrite):
// an Argument of a configuration or an EnvironmentVariable.
type Setting int

const (
	// Argument takes a value quoted, as HCL writes a string.
	Argument Setting = iota
	// EnvironmentVariable takes a value bare: a .env file that Docker reads or
	// a systemd Environment= line would keep quotes in it (InQuotes).
	EnvironmentVariable
)

// ToWrite is value as advice asks the user to write it in a setting of kind
// in, and whether advice may ask it: for an Argument, quoted as Quote quotes
// it, only when the quote is whole (QuotesWhole); for an EnvironmentVariable,
// bare, only when it holds nothing but characters a shell and those files read
// as themselves (ReadAsWritten), and no more than Quote shows whole.
func ToWrite(in Setting, value string) (string, bool) { return toWrite(in, value, maxQuotedChars) }

// PathToWrite is ToWrite for a file's path, which QuotePath quotes.
func PathToWrite(in Setting, path string) (string, bool) {
	return toWrite(in, path, maxQuotedPathChars)
}

// toWrite is ToWrite with limit characters at most.
func toWrite(in Setting, value string, limit int) (string, bool) {
	switch {
	case value == "" || !whole(value, limit):
		return "", false
	case in == Argument:
		return quote(value, limit), true
	case !ReadAsWritten(value):
		return "", false
	}
	return value, true
}

// ReadAsWritten reports whether a shell, a .env file and a systemd
// Environment= line all read value as written, without quotes: no white
// space, quote, $, backslash, # or ~.
func ReadAsWritten(value string) bool { return readAsWritten.MatchString(value) }

var readAsWritten = regexp.MustCompile(`^[A-Za-z0-9/._:@+,=%-]+$`)

// quote is Quote with limit characters at most.
func quote(value string, limit int) string {
	head, length := cut(value, limit)
	quoted := goOnlyEscape.ReplaceAllStringFunc(strconv.Quote(head), func(e string) string {
		if e == `\\` {
			return e
		}
		r, _, _, _ := strconv.UnquoteChar(e, '"')
		return fmt.Sprintf(`\u%04x`, r)
	})
	if length == 0 {
		return quoted
	}
	return fmt.Sprintf("%s… (%d characters)", quoted, length)
}

// goOnlyEscape matches strconv.Quote's escapes that HCL lacks (\a, \b, \f,
// \v, and \x of a character, not of a byte that is no UTF-8), and a \\ so
// that the escape matched is never its second half.
var goOnlyEscape = regexp.MustCompile(`\\(\\|[abfv]|x[0-7][0-9a-f])`)

// Excerpt is free text for a message, such as a policy's reason, cut as
// Quote cuts a value but not quoted.
func Excerpt(text string) string { return cutText(text, maxQuotedChars) }

// ErrorExcerpt is err's message cut as the client cuts an error's (after
// maxErrorChars, with its length), for a log; KeyScrubber scrubs it as the
// client scrubs its errors.
func ErrorExcerpt(err error) string { return cutText(err.Error(), maxErrorChars) }

// cutText is text cut after limit characters, with its length.
func cutText(text string, limit int) string {
	head, length := cut(text, limit)
	if length == 0 {
		return text
	}
	return fmt.Sprintf("%s… (%d characters)", head, length)
}

// cut is the first limit characters of s and the length of s in characters,
// or s and 0 when s is no longer than that.
func cut(s string, limit int) (head string, length int) {
	chars := 0
	for i := range s {
		if chars == limit {
			return s[:i], utf8.RuneCountInString(s)
		}
		chars++
	}
	return s, 0
}

// InQuotes says, after a value or what names it, that the value is written in
// quotes that are part of it (Unquoted): the one wording of that mistake. It
// quotes no value without them: written with its quotes in a .env file, as
// the value was, such a quote would be the mistake again.
const InQuotes = "is written in quotes, which here are part of the value (as in a .env file that Docker reads): " +
	"remove them"

// Unquoted is s without the pair of double or single quotes around it, as a
// .env file that Docker reads leaves them in a value, and whether it had them.
func Unquoted(s string) (string, bool) {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1], true
	}
	return s, false
}
