package catalog

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxQuotedChars is how many characters of a value a message quotes.
const maxQuotedChars = 64

// MaxListed is how many items a list in a message shows before "and N more".
const MaxListed = 10

// Quote quotes a value for a message, Go-quoted so that it cannot forge
// lines: an over-long one (a generated or pasted value) by its first 64
// characters and its length, such as "aaaa…"… (300 characters).
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

// QuoteList quotes items for a sentence, each as Quote does: "a", "a" or
// "b", "a", "b" or "c" (conjunction "or"), or the same with "and". It lists
// every item: use it for lists of known length, such as the names an
// attribute accepts, and QuoteSome for the others.
func QuoteList(items []string, conjunction string) string {
	quoted := make([]string, len(items))
	for i, item := range items {
		quoted[i] = Quote(item)
	}
	if len(quoted) <= 1 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " " + conjunction + " " + quoted[len(quoted)-1]
}

// QuoteSome is QuoteList of at most MaxListed items: a longer list shows the
// first MaxListed and how many more there are, "a", …, "j" and 5 more.
func QuoteSome(items []string, conjunction string) string {
	if len(items) <= MaxListed {
		return QuoteList(items, conjunction)
	}
	quoted := make([]string, MaxListed)
	for i, item := range items[:MaxListed] {
		quoted[i] = Quote(item)
	}
	return strings.Join(quoted, ", ") + fmt.Sprintf(" %s %d more", conjunction, len(items)-MaxListed)
}
