package provider

import (
	"cmp"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// spaced says that name, written at where, has white space around it or an
// invisible character, which no name of kind has, and how to write it; nil
// when it has none, or is blank (its reader's error).
func spaced(where, name, kind string) error { return spacedFix(where, name, kind, nil) }

// isSpaced reports whether spaced refuses name: not blank, with white space
// around it or an invisible character anywhere.
func isSpaced(name string) bool {
	trimmed := strings.TrimSpace(name)
	return trimmed != "" && (trimmed != name || strings.ContainsFunc(name, invisible))
}

// spacedFix is spaced with fix's advice for the name as it reads (cleanName),
// for a name only the catalog can spell (spelledIn). Without fix, the advice
// is the name trimmed, with "-" for dashes, unless it is to be retyped.
func spacedFix(where, name, kind string, fix func(clean string) string) error {
	if !isSpaced(name) {
		return nil
	}
	hyphens := strings.Map(func(r rune) rune { return cmp.Or(dash(r), r) }, name) // dashes written "-"
	clean := cleanName(hyphens)
	advice := "delete it, or retype the " + kind
	switch fixed := strings.TrimSpace(hyphens); {
	case fix != nil && clean != "":
		advice = fix(clean)
	case !strings.ContainsFunc(fixed, invisible): // else writing it as fixed would keep a character this refuses
		advice = rewrite(nil, nameKind{}, name)(fixed) // name but for white space and dashes: no letter case, so no kind, to advise
	}
	if strings.TrimSpace(name) != name {
		return fmt.Errorf("%s is %s, with white space around it, which no %s has: %s", where, megallm.Quote(name), kind, advice)
	}
	i := strings.IndexFunc(name, invisible)
	r, _ := utf8.DecodeRuneInString(name[i:])
	return fmt.Errorf("%s is %s, with an invisible or look-alike character (%U, its character %d), which no %s "+
		"has: copying through a chat or a document can add one; %s",
		where, megallm.Quote(name), r, utf8.RuneCountInString(name[:i])+1, kind, advice)
}

// cleanName is name as it reads: without white space around it
// or invisible characters, its look-alike dashes written "-".
func cleanName(name string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case dash(r) != 0:
			return '-'
		case unicode.IsSpace(r):
			return ' '
		case invisible(r):
			return -1
		}
		return r
	}, name))
}

// rewrite is the advice to write a name written so as another: "write it as"
// that one, when megallm.Quote shows it whole, else, as a cut quote cannot be
// copied, what to change: white space, invisible characters, dashes, a
// prefix, separators and letter case (of kind's names, which lister lists).
func rewrite(models *catalog.Catalog, kind nameKind, written string) func(as string) string {
	return func(as string) string {
		if megallm.QuotesWhole(as) {
			return "write it as " + megallm.Quote(as)
		}
		var changes []string
		trimmed := strings.TrimSpace(written)
		if trimmed != written {
			changes = append(changes, "delete the white space around it")
		}
		if strings.ContainsFunc(trimmed, func(r rune) bool { return invisible(r) && dash(r) == 0 }) {
			changes = append(changes, "delete its invisible characters")
		}
		if strings.ContainsFunc(trimmed, func(r rune) bool { return dash(r) != 0 }) {
			changes = append(changes, `write its look-alike dashes as "-"`)
		}
		clean, as := cleanName(written), cleanName(as) // as is clean, but for white space within it
		if prefix, added := (catalog.MisnamedID{ID: clean, CatalogID: as}).Prefix(); prefix != "" {
			changes = append(changes, "write it"+strings.TrimPrefix(misnamedWhy(prefix, added), ","))
			if added {
				clean = clean[len(prefix):]
			} else {
				clean = as[:len(prefix)] + clean
			}
		}
		switch { // by what each change gives, as "ſ" lower-cased is no "s", nor "k" upper-cased a Kelvin sign
		case clean == as:
		case strings.ToLower(clean) == as:
			changes = append(changes, "write it in lower case")
		case strings.ToUpper(clean) == as:
			changes = append(changes, "write it in upper case")
		default:
			source, _ := lister(models, kind, as)
			if kind.field != kind.plural { // a field of the models it lists
				source = "(" + kind.field + ") " + source
			}
			how := "in the letter case"
			if (catalog.MisnamedID{ID: clean, CatalogID: as}).Separated() {
				how = "with the separators and letter case"
			}
			changes = append(changes, "write it "+how+" of the catalog, whose "+kind.plural+" "+source+" lists")
		}
		return strings.Join(changes, ", and ")
	}
}

// spelledIn is spacedFix's fix from the catalog, for a name (of kind) read as
// clean: write's for how the catalog writes it (spelling), else that the
// catalog lacks clean too, with meant's words.
func spelledIn(kind string, spelling, meant, write func(clean string) string) func(clean string) string {
	return func(clean string) string {
		if s := spelling(clean); s != "" {
			return write(s)
		}
		return fmt.Sprintf("the catalog has no %s %s either.%s", kind, megallm.Quote(clean), meant(clean))
	}
}

// unspelled is spacedFix for a name of kind before the catalog is read, which
// alone can spell it: the trimmed name may be in another letter case.
func unspelled(where, name string, kind nameKind) error {
	return spacedFix(where, name, kind.noun, func(string) string { return "write the " + kind.noun + " as the catalog does" })
}

// invisible reports whether r is a character a name never has but copied
// text often does: a format character, a non-breaking space or a dash.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || r == '\u00a0' || r == '\u2007' || r == '\u202f' || dash(r) != 0
}

// dash is '-' for a character that a document or a PDF writes in its place
// (a non-breaking hyphen, an en dash, a minus sign), else 0.
func dash(r rune) rune {
	if r != '-' && (unicode.Is(unicode.Pd, r) || r == '\u2212') {
		return '-'
	}
	return 0
}

// nameValidator refuses a name of kind that is blank, saying blankFix, or,
// only beside a value not known yet (DESIGN.md), spaced: else the read
// refuses that, with the catalog's spelling. For an element of a set, set
// names the set and noun the element.
func nameValidator(set, noun string, kind nameKind, blankFix string) argumentCheck {
	name := func(name string) string {
		if set != "" {
			return noun + " of " + set
		}
		return name
	}
	check := argumentCheck{describes: cmp.Or(noun, "a "+kind.noun) + ", not blank, without white space around it", str: func(at, value string) string {
		return sentence(blank(name(at), value, kind.noun, blankFix))
	}, strPartial: func(at, value string) string {
		return sentence(cmp.Or(blank(name(at), value, kind.noun, blankFix), unspelled(name(at), value, kind)))
	}}
	if set != "" {
		check.summary = "Invalid " + set
	}
	return check
}

// blank says that value, written at name, is blank, so no kind, and what to
// do (fix); nil when it is not blank.
func blank(name, value, kind, fix string) error {
	if strings.TrimSpace(value) != "" {
		return nil
	}
	return fmt.Errorf("%s is %s, which is no %s: %s", name, megallm.Quote(value), kind, fix)
}
