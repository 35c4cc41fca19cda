package catalog

import (
	"cmp"
	"iter"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/currency"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// maxSuggestions caps how many values a suggestion lists.
const maxSuggestions = 3

// maxEditLength is the longest value, in runes, that edit distances are
// computed for. Catalog ids are a few dozen characters; a longer value can
// still match another case of a candidate or be contained in one, which
// costs no more than reading it.
const maxEditLength = 256

// Suggest returns up to three catalog ids that the user may have meant by id,
// closest first: the same id in another case, ids a few edits away
// (transpositions count as one edit, and an id with every character
// retyped is no near miss), and ids that contain id, such as a
// namespaced "meta-llama/llama-3.3-70b-instruct" for "llama-3.3-70b-instruct",
// when '.', '_', ' ' and '-' are read as one separator (so "mistral-large-latest"
// for "Mistral Large", as a display name is written). An id with a vendor
// prefix the catalog does not write ("openai/gpt-4o", as other gateways name
// models) is read by what follows each of its last '/'s too, as the whole is
// and one edit further. An id under a wholly other vendor prefix ("groq/" for "meta/")
// is no near miss as a whole, however few edits rewrite it. Of ids as close,
// the one near the whole id comes first, then the one near its longest
// reading, then by id. When no id is near, it returns those with a start
// near id (suggest): claude-3-5-sonnet-20241022 for claude-3-5-sonet,
// gpt-4o-2024-08-06 for gtp-4o.
func (c *Catalog) Suggest(id string) []string {
	return c.suggest(id, anyID)
}

// anyID keeps every id.
func anyID(string) bool { return true }

// suggest returns up to three of the catalog ids that keep keeps that value
// may mean: those Closest finds, or else, for a value written as a misspelt
// id is (idShaped), the ids that have a start (starts) near it as Closest
// measures, but two edits closer: a start is short and like many a setting
// (gp3 is two edits from gpt-3), and one character changed in a short one is
// often another version (GPT-5 for gpt-4). Failing those, a start with two
// neighbouring characters of value swapped, as a slip of typing keeps every
// character (gtp-4o for gpt-4o of gpt-4o-2024-08-06). Each id comes once, at
// the nearest of its starts, closest first (two starts can list one id:
// gpt-4o and gpt-4o-2024 of gpt-4o-2024-08-06); of one start, in the order
// of starts. A value with a vendor prefix is read against the ids that start
// with a start alone, as a start after another vendor's prefix would leave
// both vendors out. The Rego library's _near and _led (policy/opa) suggest
// the same.
func (c *Catalog) suggest(value string, keep func(id string) bool) []string {
	near := Closest(value, keysWhere(c.byID, func(id string, _ *megallm.Model) bool { return keep(id) }))
	if len(near) > 0 || !idShaped(value) {
		return near
	}
	starts := c.starts()
	_, _, prefixed := vendorPrefixed(value)
	has := func(start, id string) bool { return keep(id) && (!prefixed || strings.HasPrefix(id, start)) }
	kept := func(start string, ids []string) bool {
		return slices.ContainsFunc(ids, func(id string) bool { return has(start, id) })
	}
	led := closest(value, keysWhere(starts, kept), 2)
	if len(led) == 0 {
		want := strings.ToLower(strings.TrimSpace(value))
		led = slices.Sorted(keysWhere(starts, func(start string, ids []string) bool {
			return transposed(want, strings.ToLower(start)) && kept(start, ids)
		}))
	}
	for _, start := range led {
		for _, id := range starts[start] {
			if len(near) < maxSuggestions && has(start, id) && !slices.Contains(near, id) {
				near = append(near, id)
			}
		}
	}
	return near
}

// transposed reports whether a is b with two neighbouring characters swapped.
func transposed(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < min(len(ra), len(rb)) && ra[i] == rb[i] {
		i++
	}
	return len(ra) == len(rb) && i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
}

// keysWhere are the keys of m that ok is true of, with their values.
func keysWhere[V any](m map[string]V, ok func(string, V) bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		for k, v := range m {
			if ok(k, v) && !yield(k) {
				return
			}
		}
	}
}

// starts maps each start of a catalog id that ends at a separator (-, ., _,
// / or :) and holds two words or more, two letters in a row among them
// (worded), without the separator, to the ids that have it, whatever
// separator follows: claude-3-5-sonnet of claude-3-5-sonnet-20241022, gpt-4o
// of gpt-4o-mini and of gpt-4o:free, but not gpt, as a word alone is near
// too many settings (gpu; llama of ollama), nor o1-2024. What follows an
// id's last '/' has starts too: llama-3.3-70b of
// meta-llama/llama-3.3-70b-instruct. Of one start, the ids that start with
// it come first, then those that have it after a vendor prefix, each by id.
// Built once, as fold is.
func (c *Catalog) starts() map[string][]string {
	c.startsOnce.Do(func() {
		c.byStart = map[string][]string{}
		for id := range c.byID {
			_, rest, _ := vendorPrefixed(id)
			for _, text := range []string{id, rest} {
				words := 0
				for i := 1; i < len(text); i++ {
					if startSeparator(text[i]) && !startSeparator(text[i-1]) {
						if words++; words >= 2 && !startSeparator(text[0]) && worded.MatchString(text[:i]) {
							c.byStart[text[:i]] = append(c.byStart[text[:i]], id)
						}
					}
				}
			}
		}
		for start, ids := range c.byStart {
			after := func(id string) int { return min(strings.Index(id, start), 1) } // 0 if id starts with it
			slices.SortFunc(ids, func(a, b string) int { return cmp.Or(after(a)-after(b), strings.Compare(a, b)) })
			c.byStart[start] = slices.Compact(ids)
		}
	})
	return c.byStart
}

// startSeparator reports whether b ends a start (starts).
func startSeparator(b byte) bool { return strings.IndexByte("-._/:", b) >= 0 }

var (
	// worded is text with a word: two letters in a row.
	worded = regexp.MustCompile(`[A-Za-z]{2}`)
	// lettersAlone is text of letters and white space alone.
	lettersAlone = regexp.MustCompile(`^[A-Za-z\s]*$`)
	// pathOrURL is a file path or URL, or a JSON object's text, lower-cased.
	pathOrURL = regexp.MustCompile(`^([/~.\\].*|[a-z]:[/\\].*|.*://.*|\{.*)$`)
)

// idShaped reports whether value is written as a misspelt id is: with a
// word, more than letters, and no path or URL (the Rego library's
// _near_worded).
func idShaped(value string) bool {
	return worded.MatchString(value) && !lettersAlone.MatchString(value) &&
		!pathOrURL.MatchString(strings.ToLower(strings.TrimSpace(value)))
}

// DisplayNamed returns up to three catalog ids, sorted, of the models whose
// display name value is, as a person reads it (white space around it and
// letter case ignored): what a user meant who wrote a display name where an
// id goes ("GPT-4o mini" for "gpt-4o-mini", "DeepSeek V3" for
// "deepseek-chat"). None for a value that is an id in some letter case.
func (c *Catalog) DisplayNamed(value string) []string {
	return c.displayNamed(value, anyID)
}

// displayNamed is DisplayNamed among the ids that keep keeps.
func (c *Catalog) displayNamed(value string, keep func(id string) bool) []string {
	name := strings.TrimSpace(value)
	_, exact := c.byID[name]
	if _, folded := c.lookupFold(name); exact || folded || name == "" {
		return nil
	}
	var out []string
	for id, m := range c.byID {
		if d := m.DisplayName; d != nil && keep(id) && strings.EqualFold(strings.TrimSpace(*d), name) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out[:min(len(out), maxSuggestions)]
}

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

// boundedEditDistance is the optimal string alignment distance between s and
// t (insertions, deletions, substitutions and adjacent transpositions), or
// limit+1 when it is greater than limit. It stops at the first row whose
// every entry is over limit: later rows never go below a row's minimum.
// scratch, when its capacity is at least 3*(len(t)+1), spares an allocation.
func boundedEditDistance(s, t []rune, limit int, scratch []int) int {
	// Three rolling rows: two back, previous, current.
	n := len(t) + 1
	rows := slices.Grow(scratch[:0], 3*n)[:3*n]
	prev2, prev, cur := rows[:n], rows[n:2*n], rows[2*n:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(t)], limit+1)
}

// nearMiss is boundedEditDistance, or limit+1 for s with every character
// retyped in t: "-" is not "id".
func nearMiss(s, t []rune, limit int, scratch []int) int {
	d := boundedEditDistance(s, t, limit, scratch)
	if d > 0 && d >= max(len(s), len(t)) {
		return limit + 1
	}
	return d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
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

// editLimit is how many edits away from a value of n runes a near miss may be.
func editLimit(n int) int { return max(2, n/3) }

// PriceUnit is how many tokens a price is of, as its name says after its
// last per: per_token, per_1k_tokens, per_million.
type PriceUnit struct {
	Tokens int64
	Words  string // "token", "thousand tokens", "million tokens"
}

// priceUnits are the words of a PriceUnit after per, each with an optional
// "tokens" after it (per_million_tokens).
var priceUnits = map[string]PriceUnit{
	"token":    {1, "token"},
	"1k":       {1_000, "thousand tokens"},
	"thousand": {1_000, "thousand tokens"},
	"1000":     {1_000, "thousand tokens"},
	"1m":       {1_000_000, "million tokens"},
	"million":  {1_000_000, "million tokens"},
	"1000000":  {1_000_000, "million tokens"},
}

// priceUnitOf reads a price's name: the words of what it prices, sorted and
// without "token" (input_tokens_cost and input_cost price the same), and its
// unit; ok is false for a name that ends in no PriceUnit.
func priceUnitOf(name string) (priced []string, unit PriceUnit, ok bool) {
	w := words(name)
	per := slices.Index(w, "per")
	if per < 0 {
		return nil, PriceUnit{}, false
	}
	after := w[per+1:]
	if len(after) == 2 && after[1] == "token" {
		after = after[:1]
	}
	if len(after) != 1 {
		return nil, PriceUnit{}, false
	}
	unit, ok = priceUnits[after[0]]
	priced = slices.DeleteFunc(slices.Clone(w[:per]), func(w string) bool { return w == "token" })
	slices.Sort(priced)
	return priced, unit, ok
}

// OtherUnit returns the name of names whose words value has, but for a unit
// word (token, 1k, thousand, million): the same price per another number of
// tokens, such as a LiteLLM-style input_cost_per_token for
// input_tokens_cost_per_million, with both units; "" for none. Its price is
// that of the name once multiplied by name's tokens over value's.
func OtherUnit(value string, names []string) (name string, valueUnit, nameUnit PriceUnit) {
	priced, unit, ok := priceUnitOf(value)
	if !ok {
		return "", PriceUnit{}, PriceUnit{}
	}
	for _, n := range names {
		if p, u, ok := priceUnitOf(n); ok && u.Tokens != unit.Tokens && slices.Equal(p, priced) {
			return n, unit, u
		}
	}
	return "", PriceUnit{}, PriceUnit{}
}
