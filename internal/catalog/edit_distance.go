package catalog

import "slices"

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

// editLimit is how many edits away from a value of n runes a near miss may be.
func editLimit(n int) int { return max(2, n/3) }
