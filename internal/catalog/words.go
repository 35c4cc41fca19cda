package catalog

import (
	"fmt"
	"strings"
)

// QuoteList quotes items for a sentence: "a", "a" or "b", "a", "b" or "c"
// (conjunction "or"), or the same with "and".
func QuoteList(items []string, conjunction string) string {
	quoted := make([]string, len(items))
	for i, item := range items {
		quoted[i] = fmt.Sprintf("%q", item)
	}
	if len(quoted) <= 1 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " " + conjunction + " " + quoted[len(quoted)-1]
}
