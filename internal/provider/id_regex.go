package provider

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// patternSpacingValidator refuses a pattern with white space around it, or
// blank, as a heredoc or file() leaves one: it would keep no model.
var patternSpacingValidator = argumentCheck{
	describes: `a pattern without white space around it, or "" for every model`,
	str: func(name, s string) string {
		if s == "" {
			return ""
		}
		return sentence(cmp.Or(blank(name, s, "pattern of model ids", leaveOut(name, "keep every model")), spaced(name, s, idKind.noun)))
	},
}

// regexValidator accepts an RE2 regular expression without an empty
// alternative that matches every id ("a|b|", "^(a|b|)").
var regexValidator = argumentCheck{
	describes: "a valid RE2 regular expression",
	summary:   "Invalid regular expression",
	str: func(name, s string) string {
		var emptyAlternative func(*syntax.Regexp) bool // "a|", "(a|)"
		emptyAlternative = func(re *syntax.Regexp) bool {
			return re.Op == syntax.OpAlternate && slices.ContainsFunc(re.Sub, func(r *syntax.Regexp) bool { return r.Op == syntax.OpEmptyMatch }) ||
				slices.ContainsFunc(re.Sub, emptyAlternative)
		}
		re, _ := syntax.Parse(s, syntax.Perl)
		// One that matches where no id has text matches every id.
		if every, _ := regexp.MatchString(s, "\x00"); every && emptyAlternative(re) {
			return fmt.Sprintf("%s %s has an empty alternative (| at its start or end, or ||), which matches every id, so "+
				"it would keep every model. Delete the extra | (compact() drops the empty element of a list that join() "+
				"wrote it from), or leave %[1]s out to keep every model.", name, megallm.Quote(s))
		}
		if _, err := regexp.Compile(s); err != nil {
			var syntaxErr *syntax.Error // its text quotes the whole pattern: quote it bounded
			if errors.As(err, &syntaxErr) {
				err = fmt.Errorf("%s in %s", syntaxErr.Code, megallm.Quote(syntaxErr.Expr))
			}
			return fmt.Sprintf("%s. The pattern uses RE2 syntax (https://github.com/google/re2/wiki/Syntax) and matches anywhere in the id; anchor it with ^ and $ to match the whole id, and escape literal dots as \\\\.%s", err, wildcardAdvice(s))
		}
		return ""
	},
}

// wildcardAdvice is the pattern to write for one written as a wildcard, or
// what to change in it where its quote is cut; "" for none (wildcardPattern).
func wildcardAdvice(s string) string {
	pattern, ids, text := wildcardPattern(s)
	if pattern == "" {
		return ""
	}
	write := "write " + megallm.Quote(pattern)
	if !megallm.QuotesWhole(pattern) { // what gives pattern from s
		write = "delete each *"
		if pattern[0] == '^' && s[0] != '^' {
			write += ", and start it with ^"
		}
		if strings.HasSuffix(pattern, "$") && !strings.HasSuffix(s, "$") {
			write += ", and end it with $"
		}
		if strings.Contains(text, ".") {
			write += `, and escape its dots as \\.`
		}
	}
	return fmt.Sprintf(" It is not a wildcard pattern, where * stands for any text: for the ids that %s %s, %s.",
		ids, megallm.Quote(text), write)
}

// wildcardPattern is the RE2 pattern for s written as a wildcard ("*sonnet*",
// "^gpt-4o*"), with what its ids do (ids) with text; "" for none.
func wildcardPattern(s string) (pattern, ids, text string) {
	wild := strings.TrimSuffix(strings.TrimPrefix(s, "^"), "$")
	text = strings.Trim(wild, "*")
	literal := strings.ReplaceAll(text, ".", `\.`)
	if text == wild || text == "" || strings.HasSuffix(wild, ".*") || regexp.QuoteMeta(text) != literal ||
		s[0] == '^' && wild[0] == '*' || strings.HasSuffix(s, "$") && strings.HasSuffix(wild, "*") {
		return "", "", ""
	}
	switch {
	case !strings.HasPrefix(wild, "*"):
		return "^" + literal, "start with", text
	case !strings.HasSuffix(wild, "*"):
		return literal + "$", "end with", text
	}
	return literal, "contain", text
}
