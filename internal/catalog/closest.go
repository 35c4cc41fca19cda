package catalog

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/currency"
)

// maxEditLength is the longest value, in runes, that edit distances are
// computed for. Catalog ids are a few dozen characters; a longer value can
// still match another case of a candidate or be contained in one, which
// costs no more than reading it.
const maxEditLength = 256

// maxPrefixes is how many vendor prefixes of a value Closest reads it
// without: "a/b/c/llama" as "b/c/llama", "c/llama" and "llama". Nobody
// writes more, and each reading costs a pass.
const maxPrefixes = 3

// reading is a way Closest reads a value: whole, or without a vendor prefix.
type reading struct {
	runes  []rune // what edit distances are computed from; nil over maxEditLength
	folded string // separators folded, for containment
	limit  int    // editLimit of its length
}

// readings are value, lower-cased, whole, then what follows each of its last
// maxPrefixes '/'s, longest first, with separators folded: "openai/gpt_4o"
// is "gpt-4o" without its prefix.
func readings(value string) []reading {
	var slashes []int
	for i := len(value) - 1; i >= 0 && len(slashes) < maxPrefixes; i-- {
		if value[i] == '/' {
			slashes = append(slashes, i)
		}
	}
	out := []reading{newReading(value, separatorsFolded(value))}
	for _, i := range slices.Backward(slashes) {
		tail := separatorsFolded(value[i+1:])
		out = append(out, newReading(tail, tail))
	}
	return out
}

func newReading(text, folded string) reading {
	n := utf8.RuneCountInString(text)
	r := reading{folded: folded, limit: editLimit(n)}
	if n <= maxEditLength {
		r.runes = []rune(text)
	}
	return r
}

// Closest returns up to three of candidates that the user may have meant by
// value, closest first, as Suggest describes. Value is read as a person
// reads it, without white space around it and in any letter case: " GPT-4o"
// is gpt-4o. Candidates must be distinct.
//
// Its cost is linear in the number of candidates whatever value is:
// candidates whose length alone puts them over the edit limit are skipped,
// a value longer than maxEditLength gets no edit distance, a distance
// stops as soon as it exceeds the limit, and a value is read in at most
// 1+maxPrefixes ways.
func Closest(value string, candidates iter.Seq[string]) []string {
	near := closest(value, candidates, 0)
	return near[:min(len(near), maxSuggestions)]
}

// ClosestCode returns up to three of codes that code, a currency code that is
// no ISO 4217 code ("UDS"), may be mistyped for: one edit or one
// transposition away, closest first; none for an ISO 4217 code, which is a
// currency of its own. Closest allows a value of three letters two, which
// reach a code of its own ("ZWG" from "ZAR").
func ClosestCode(code string, codes []string) []string {
	if _, err := currency.ParseISO(strings.TrimSpace(code)); err == nil {
		return nil
	}
	near := closest(code, slices.Values(codes), editLimit(utf8.RuneCountInString(code))-1)
	return near[:min(len(near), maxSuggestions)]
}

// closest is Closest, with each reading's edit limit that many edits lower,
// and every candidate near, not three: suggest lists the ids of starts in
// their order until three differ.
func closest(value string, candidates iter.Seq[string], closer int) []string {
	want := strings.ToLower(strings.TrimSpace(value))
	reads := readings(want)
	limit := reads[0].limit
	var haveRunes, haveFolded []rune // scratch, reused
	var rows []int                   // boundedEditDistance's scratch, reused
	type candidate struct {
		value    string
		distance int
		reading  int // the index in reads of the reading it is near
	}
	var found []candidate
	for name := range candidates {
		have := strings.ToLower(name)
		haveLen := utf8.RuneCountInString(have)
		haveRunes, haveFolded = haveRunes[:0], haveFolded[:0]
		best := candidate{name, limit + 1, 0}
		if have == want {
			best.distance = 0
		}
		for i, r := range reads {
			bound := r.limit - closer // the most edits that make have a suggestion
			if i > 0 {
				// The prefix left out is one edit, and of ids as close the
				// one near an earlier reading comes first.
				bound = min(bound, best.distance-1) - 1
			}
			if best.distance == 0 || bound < 0 || r.runes == nil || abs(haveLen-len(r.runes)) > bound {
				continue
			}
			if len(haveRunes) == 0 {
				for _, c := range have {
					haveRunes = append(haveRunes, c)
					haveFolded = append(haveFolded, separatorFolded(c))
				}
			}
			s := haveRunes
			if i > 0 {
				s = haveFolded
			}
			rows = slices.Grow(rows[:0], 3*(len(s)+1))
			d := nearMiss(r.runes, s, bound, rows)
			if d > bound || i == 0 && otherVendor(want, have) {
				continue
			}
			if i > 0 {
				d++
			}
			best.distance, best.reading = d, i
		}
		if best.distance > limit && len(want) >= 3 {
			folded := separatorsFolded(have)
			for i, r := range reads {
				// "openai/o3" is "o3" without its prefix, but "o3" is in too many ids
				if (i == 0 || len(r.folded) >= 3) && strings.Contains(folded, r.folded) {
					best.distance, best.reading = limit, i // a containing id is worth showing, after the close ones
					break
				}
			}
		}
		if best.distance <= limit {
			found = append(found, best)
		}
	}
	slices.SortFunc(found, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.distance, b.distance), cmp.Compare(a.reading, b.reading), cmp.Compare(a.value, b.value))
	})
	out := make([]string, 0, len(found))
	for _, f := range found {
		out = append(out, f.value)
	}
	return out
}

// otherVendor reports whether ids want and have both have a vendor prefix,
// and every character of one is retyped in the other: "meta/llama-3" is no
// near miss of "groq/llama-3", though four edits rewrite it.
func otherVendor(want, have string) bool {
	w, _, wok := vendorPrefixed(want)
	h, _, hok := vendorPrefixed(have)
	if !wok || !hok || w == h {
		return false
	}
	wr, hr := []rune(w), []rune(h)
	n := max(len(wr), len(hr))
	return boundedEditDistance(wr, hr, n-1, nil) >= n
}

// vendorPrefixed splits an id written with a vendor prefix ("openai/gpt-4o",
// "meta-llama/llama-3.3-70b-instruct") at its last '/': the vendor ("openai")
// and the id that follows ("gpt-4o"); ok is false for an id without one.
func vendorPrefixed(id string) (vendor, rest string, ok bool) {
	slash := strings.LastIndexByte(id, '/')
	if slash < 0 {
		return "", "", false
	}
	return id[:slash], id[slash+1:], true
}

// Miscased returns the names that differ from name only in letter case, the
// first maxSuggestions in the order of names, when names lacks name itself:
// the near miss that is an error wherever a name is written (a type "Chat",
// an owner "OpenAI", a "Model_Lifecycle"), since it can only be one of them
// mistyped; none for none.
func Miscased(name string, names []string) []string {
	var meant []string
	for _, n := range names {
		if n == name {
			return nil
		}
		if strings.EqualFold(n, name) && len(meant) < maxSuggestions {
			meant = append(meant, n)
		}
	}
	return meant
}

// separatorsFolded is s with its separators '.', '_' and ' ' written '-', as
// ids are written in more than one way: claude-3.5-sonnet, claude-3-5-sonnet,
// and a display name, "Claude 3.5 Sonnet", with spaces.
func separatorsFolded(s string) string {
	return strings.Map(separatorFolded, s)
}

// separatorFolded is r, or '-' for the separators '.', '_' and ' '.
func separatorFolded(r rune) rune {
	if r == '.' || r == '_' || r == ' ' {
		return '-'
	}
	return r
}
