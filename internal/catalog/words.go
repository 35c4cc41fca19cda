package catalog

import (
	"fmt"
	"strings"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// MaxListed is how many items a list in a message shows before "and N more".
const MaxListed = 10

// QuoteList quotes items for a sentence, each as Quote does: "a", "a" or
// "b", "a", "b" or "c" (conjunction "or"), or the same with "and". It lists
// every item: use it for lists of known length, such as the names an
// attribute accepts, and QuoteSome for the others.
func QuoteList(items []string, conjunction string) string {
	quoted := make([]string, len(items))
	for i, item := range items {
		quoted[i] = megallm.Quote(item)
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
		quoted[i] = megallm.Quote(item)
	}
	return strings.Join(quoted, ", ") + fmt.Sprintf(" %s %d more", conjunction, len(items)-MaxListed)
}
