package catalog

import (
	"cmp"
	"slices"
	"strings"
)

// maxSuggestions caps how many ids Suggest returns.
const maxSuggestions = 3

// Suggest returns up to three catalog ids that the user may have meant by id,
// closest first: the same id in another case, ids a few edits away
// (transpositions count as one edit), and ids that contain id, such as a
// namespaced "meta-llama/llama-3.3-70b-instruct" for "llama-3.3-70b-instruct".
func (c *Catalog) Suggest(id string) []string {
	want := strings.ToLower(id)
	limit := max(2, len([]rune(want))/3)
	type candidate struct {
		id       string
		distance int
	}
	var found []candidate
	for candidateID := range c.byID {
		have := strings.ToLower(candidateID)
		d := editDistance(want, have)
		if d > limit && len(want) >= 3 && strings.Contains(have, want) {
			d = limit // a containing id is worth showing, after the close ones
		}
		if d <= limit {
			found = append(found, candidate{candidateID, d})
		}
	}
	slices.SortFunc(found, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.distance, b.distance), cmp.Compare(a.id, b.id))
	})
	out := make([]string, 0, min(len(found), maxSuggestions))
	for _, f := range found[:min(len(found), maxSuggestions)] {
		out = append(out, f.id)
	}
	return out
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and adjacent transpositions.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// Three rolling rows: two back, previous, current.
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
