package catalog

import (
	"cmp"
	"iter"
	"regexp"
	"slices"
	"strings"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// maxSuggestions caps how many values a suggestion lists.
const maxSuggestions = 3

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
