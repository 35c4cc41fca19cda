package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocsLinksResolve checks every link of docs/ to another of its pages, and
// every relative link of README.md, CONTRIBUTING.md and DESIGN.md: its page (or,
// on GitHub, folder) exists, and its #fragment is a heading of that page, as
// GitHub's slugs write it, one that has that id on the Registry too where the
// page is of docs/ (registryHeadingID), or an anchor tfplugindocs wrote (nested
// schemas). A page of docs/ links another by its Registry URL (registryDocs),
// which is read here as the file it shows: the Registry serves docs/index.md at
// .../docs, without a trailing slash, and rewrites no relative link, so a
// relative one from there or to a .md file leads to a missing page. A renamed
// heading or page, or a relative link in docs/, then fails here, not on the
// Registry.
func TestDocsLinksResolve(t *testing.T) {
	root := filepath.Join("..", "..")
	pages, err := filepath.Glob(filepath.Join(root, "docs", "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	pages = append(pages, filepath.Join(root, "docs", "index.md"))
	inDocs := len(pages)
	for _, page := range []string{"README.md", "CONTRIBUTING.md", "DESIGN.md"} {
		pages = append(pages, filepath.Join(root, page))
	}
	checked, registryLinks := 0, 0
	for i, page := range pages {
		text, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for _, link := range markdownLink.FindAllStringSubmatch(outsideCode(string(text)), -1) {
			target, fragment, _ := strings.Cut(link[1], "#")
			file := page
			switch rest, isRegistry := strings.CutPrefix(target, registryDocs); {
			case isRegistry:
				registryLinks++
				file = filepath.Join(root, "docs", "index.md")
				if rest != "" {
					file = filepath.Join(root, "docs", filepath.FromSlash(strings.TrimPrefix(rest, "/"))+".md")
				}
			case strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:"):
				continue
			case target != "" && i < inDocs:
				linked, _ := filepath.Rel(filepath.Join(root, "docs"), filepath.Join(filepath.Dir(page), target))
				url := strings.TrimSuffix(registryDocs+"/"+strings.TrimSuffix(filepath.ToSlash(linked), ".md"), "/index")
				if fragment != "" {
					url += "#" + fragment
				}
				t.Errorf("%s links %s, a relative link, which the Registry does not rewrite: from the index, "+
					"served at .../docs, or to a .md file it leads to a missing page; write %s", page, link[1], url)
				continue
			case target != "":
				file = filepath.Join(filepath.Dir(page), target)
			}
			checked++
			if info, err := os.Stat(file); err == nil && info.IsDir() && fragment == "" {
				continue // a folder, which GitHub lists
			}
			linked, err := os.ReadFile(file)
			if err != nil {
				t.Errorf("%s links %s, which is no page: %v", page, link[1], err)
				continue
			}
			if fragment == "" {
				continue
			}
			title, found := anchors(string(linked))[fragment]
			if !found {
				t.Errorf("%s links %s: %s has no heading or anchor %q", page, link[1], file, fragment)
			} else if rel, _ := filepath.Rel(filepath.Join(root, "docs"), file); title != "" && filepath.IsLocal(rel) {
				if why := registryHeadingID(title, fragment); why != "" {
					t.Errorf("%s links %s: on the Registry, %s", page, link[1], why)
				}
			}
		}
	}
	if checked == 0 || registryLinks == 0 {
		t.Fatalf("found %d links and %d of them to %s: the pattern no longer matches the pages", checked,
			registryLinks, registryDocs)
	}
}

var (
	markdownLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	codeFence    = regexp.MustCompile("(?ms)^```.*?^```")
	heading      = regexp.MustCompile(`(?m)^#{1,6} (.+)$`)
	htmlAnchor   = regexp.MustCompile(`<a id="([^"]+)">`)
	notInSlug    = regexp.MustCompile(`[^\p{L}\p{N} _-]`)
	// notInHashiCorpSlug is JavaScript's \W+, which generateSlug writes as a hyphen.
	notInHashiCorpSlug = regexp.MustCompile(`[^A-Za-z0-9_]+`)
)

// outsideCode is text without its fenced code blocks, whose # lines are
// comments, not headings, and whose brackets are no links.
func outsideCode(text string) string {
	return codeFence.ReplaceAllString(text, "")
}

// anchors are the fragments a page can be linked to: each heading's slug, as
// GitHub writes it (lower case, punctuation dropped, a space a hyphen), with
// the heading's text, and each <a id>, with "".
func anchors(page string) map[string]string {
	found := map[string]string{}
	for _, h := range heading.FindAllStringSubmatch(outsideCode(page), -1) {
		title := strings.TrimSpace(h[1])
		found[strings.ReplaceAll(notInSlug.ReplaceAllString(strings.ToLower(title), ""), " ", "-")] = title
	}
	for _, a := range htmlAnchor.FindAllStringSubmatch(page, -1) {
		found[a[1]] = ""
	}
	return found
}

// registryHeadingID says why a heading of docs/, title, may not have the id
// slug on the Registry, or "" if it has. The Registry documents no rule of its
// own. GitHub's rule (anchors) and HashiCorp's for its own docs
// (hashicorp/remark-plugins' generateSlug: any run of characters but ASCII
// letters, digits and _ is a hyphen) differ on punctuation inside a word
// ("proxy's" is proxys or proxy-s), so a linked heading must slug alike by
// both. And the Registry's HTML sanitiser drops an id that names a property
// of the page's document or of a form, as DOMPurify's SANITIZE_DOM does:
// `## Attributes` got no anchor there (linode/terraform-provider-linode#691).
// Every such property is one word, so a linked heading has two or more.
func registryHeadingID(title, slug string) string {
	hashicorp := strings.Trim(notInHashiCorpSlug.ReplaceAllString(strings.ToLower(title), "-"), "-")
	switch {
	case hashicorp != slug:
		return fmt.Sprintf("the heading %q may be #%s instead: rephrase it without punctuation inside a word", title, hashicorp)
	case !strings.ContainsAny(slug, "-_"):
		return fmt.Sprintf("the heading %q may have no id: a one-word id such as %q can name a property of the "+
			"page's document or a form (attributes, title, forms), which the Registry drops; give it two words or more",
			title, slug)
	}
	return ""
}
