package megallm

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// maxQuotedChars is how many characters of a value a message quotes.
const maxQuotedChars = 64

// Quote quotes a value for a message, Go-quoted so that control characters
// cannot forge lines: an over-long one (a generated or pasted value, or
// anything a server sent) by its first 64 characters and its length, such as
// "aaaa…"… (300 characters). It is the one rule for every value a
// diagnostic quotes.
func Quote(value string) string {
	head, length := cut(value)
	if length == 0 {
		return strconv.Quote(value)
	}
	return fmt.Sprintf("%q… (%d characters)", head, length)
}

// Excerpt is free text for a message, such as a policy's reason, cut as
// Quote cuts a value but not quoted.
func Excerpt(text string) string {
	head, length := cut(text)
	if length == 0 {
		return text
	}
	return fmt.Sprintf("%s… (%d characters)", head, length)
}

// cut is the first maxQuotedChars characters of s and the length of s in
// characters, or s and 0 when s is no longer than that.
func cut(s string) (head string, length int) {
	chars := 0
	for i := range s {
		if chars == maxQuotedChars {
			return s[:i], utf8.RuneCountInString(s)
		}
		chars++
	}
	return s, 0
}
