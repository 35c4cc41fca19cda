package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocsLinksResolve checks every relative link of docs/, as the Registry
// shows the pages, and of README.md, CONTRIBUTING.md and DESIGN.md: its file
// (or, on GitHub, folder) exists, and its #fragment is a heading of that page,
// as the Registry's and GitHub's slugs write it, or an anchor tfplugindocs
// wrote (nested schemas). A renamed heading or page then fails here, not on
// the Registry.
func TestDocsLinksResolve(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "..", "docs", "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"docs/index.md", "README.md", "CONTRIBUTING.md", "DESIGN.md"} {
		pages = append(pages, filepath.Join("..", "..", page))
	}
	checked := 0
	for _, page := range pages {
		text, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for _, link := range markdownLink.FindAllStringSubmatch(outsideCode(string(text)), -1) {
			target, fragment, _ := strings.Cut(link[1], "#")
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			checked++
			file := page
			if target != "" {
				file = filepath.Join(filepath.Dir(page), target)
			}
			if info, err := os.Stat(file); err == nil && info.IsDir() && fragment == "" {
				continue // a folder, which GitHub lists
			}
			linked, err := os.ReadFile(file)
			if err != nil {
				t.Errorf("%s links %s, which is no page: %v", page, link[1], err)
				continue
			}
			if fragment != "" && !anchors(string(linked))[fragment] {
				t.Errorf("%s links %s: %s has no heading or anchor %q", page, link[1], file, fragment)
			}
		}
	}
	if checked == 0 {
		t.Fatal("found no relative link in docs/: the pattern no longer matches the pages")
	}
}

var (
	markdownLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	codeFence    = regexp.MustCompile("(?ms)^```.*?^```")
	heading      = regexp.MustCompile(`(?m)^#{1,6} (.+)$`)
	htmlAnchor   = regexp.MustCompile(`<a id="([^"]+)">`)
	notInSlug    = regexp.MustCompile(`[^\p{L}\p{N} _-]`)
)

// outsideCode is text without its fenced code blocks, whose # lines are
// comments, not headings, and whose brackets are no links.
func outsideCode(text string) string {
	return codeFence.ReplaceAllString(text, "")
}

// anchors are the fragments a page can be linked to: each heading's slug
// (lower case, punctuation dropped, a space a hyphen) and each <a id>.
func anchors(page string) map[string]bool {
	found := map[string]bool{}
	for _, h := range heading.FindAllStringSubmatch(outsideCode(page), -1) {
		found[strings.ReplaceAll(notInSlug.ReplaceAllString(strings.ToLower(strings.TrimSpace(h[1])), ""), " ", "-")] = true
	}
	for _, a := range htmlAnchor.FindAllStringSubmatch(page, -1) {
		found[a[1]] = true
	}
	return found
}
