package catalog

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// ClosestByWords returns up to three of candidates, names made of words
// (max_input_cost_per_million), that share the most words with value, and
// at least two, in order: what Closest cannot find for a name guessed
// rather than misspelt, such as max_input_price. A word's plural is the word.
func ClosestByWords(value string, candidates []string) []string {
	want := words(value)
	best, found := 2, []string(nil)
	for _, name := range candidates {
		shared := 0
		for _, w := range slices.Compact(slices.Sorted(slices.Values(words(name)))) {
			if slices.Contains(want, w) {
				shared++
			}
		}
		switch {
		case shared > best:
			best, found = shared, []string{name}
		case shared == best:
			found = append(found, name)
		}
	}
	slices.Sort(found)
	return found[:min(len(found), maxSuggestions)]
}

// ClosestByOwnWord returns the candidates, names made of words, that have a
// word of their own (one no other candidate has) that value has, misspells
// or cuts short, as Misnames reads its words: the closest (a word cut short
// is as close as one written), sorted, up to three. It finds a name where
// Closest and ClosestByWords do not, for a value with one telling word, such
// as inptu or input_price for input_tokens_cost_per_million (and otput for
// output_tokens_cost_per_million alone, though it is two edits from input).
// A word the candidates share (cost, per) tells none of them apart, nor does
// one that changes half a word or more (a, o or date for day or to).
func ClosestByOwnWord(value string, candidates []string) []string {
	count := map[string]int{}
	for _, name := range candidates {
		for _, w := range slices.Compact(slices.Sorted(slices.Values(words(name)))) {
			count[w]++
		}
	}
	best, found := math.MaxInt, []string(nil)
	valueWords := distinctWords(value)
	for _, name := range candidates {
		d := math.MaxInt
		for _, k := range words(name) {
			for _, w := range valueWords {
				switch {
				case count[k] != 1 || !misspeltOrCut(w, k):
				case len(w) >= 3 && strings.HasPrefix(k, w):
					d = 0
				default:
					// One that changes as much of k as it keeps tells nothing: "a" is no day.
					if e := boundedEditDistance([]rune(w), []rune(k), editLimit(len([]rune(w))), nil); 2*e < utf8.RuneCountInString(k) {
						d = min(d, e)
					}
				}
			}
		}
		switch {
		case d < best:
			best, found = d, []string{name}
		case d == best && d != math.MaxInt:
			found = append(found, name)
		}
	}
	slices.Sort(found)
	return found[:min(len(found), maxSuggestions)]
}

// words are the words of a name (max_input_cost_per_million), each in lower
// case and without a plural's s.
func words(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' }) {
		out = append(out, strings.TrimSuffix(w, "s"))
	}
	return out
}

// distinctWords are the words of name, each once and sorted: a long name
// repeats them, and each costs a comparison with every word of the names it
// is read against.
func distinctWords(name string) []string {
	return slices.Compact(slices.Sorted(slices.Values(words(name))))
}

// Misnames reports whether value, a name made of words that is none of
// names, reads as a misspelling or a guess of one of them: each of its words
// is a word of theirs, one misspelt as Closest measures it, or one cut short
// (supports_vison, supports_function_call, input_cost_per_million, and
// currency_code, whose code is close to cost). The words it writes exactly
// as names do must all be words of one name: one name's word in place of
// another's is a name of its own, as a newer API's max_input_tokens is
// beside max_output_tokens. A name with a word of its own, such as
// supports_reasoning, supports_text ("text" is inside "context", not a
// misspelling of it) or cached_input_tokens_cost_per_million, names
// something else.
//
// A name of a price in another unit (OtherUnit) misnames none: a
// misspelling's advice would read its price as one per million tokens.
func Misnames(value string, names []string) bool {
	if meant, _, _ := OtherUnit(value, names); meant != "" {
		return false
	}
	var known []string
	for _, name := range names {
		known = append(known, words(name)...)
	}
	var exact []string
	for _, w := range distinctWords(value) {
		if slices.Contains(known, w) {
			exact = append(exact, w)
		} else if !slices.ContainsFunc(known, func(k string) bool { return misspeltOrCut(w, k) }) {
			return false
		}
	}
	return slices.ContainsFunc(names, func(name string) bool {
		own := words(name)
		return !slices.ContainsFunc(exact, func(w string) bool { return !slices.Contains(own, w) })
	})
}

// misspeltOrCut reports whether w is k, k misspelt (misspelt) or k cut
// short to three letters or more (func for function).
func misspeltOrCut(w, k string) bool {
	return len(w) >= 3 && strings.HasPrefix(k, w) || misspelt(w, k)
}

// misspelt reports whether w is k, or k misspelt: within the edit distance
// that Closest allows, and not every character retyped.
func misspelt(w, k string) bool {
	n := utf8.RuneCountInString(w)
	limit := editLimit(n)
	if n-utf8.RuneCountInString(k) > limit { // its length alone is too many edits, as Closest skips a candidate
		return false
	}
	return nearMiss([]rune(w), []rune(k), limit, nil) <= limit
}
