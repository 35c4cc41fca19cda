package megallm

import (
	"errors"
	"strings"
	"time"
)

// review collects the problems of one model list and remembers the ids seen.
type review struct {
	problems []Problem
	seen     map[string]struct{}
	// dates is a block the models' dates are kept in, allocated together
	// rather than one by one.
	dates []time.Time
	// redact scrubs the key from the models' text.
	redact redactor
	// misnamed are the fields of each entry sent only under another key
	// (withExactKeys).
	misnamed map[int][]sentAs
}

// keep returns the model w describes, its nonsense values cleared, and
// reports whether it is the first entry with its id.
func (rev *review) keep(w *wireModel, index int) (Model, bool) {
	if rev.seen == nil {
		rev.seen = make(map[string]struct{})
	}
	if rev.redact.String(w.ID) != w.ID { // scrubbed, no configuration could name it
		rev.problems = append(rev.problems, Problem{Kind: EntryDropped, Index: index,
			Issue: `has an "id" that holds ` + keyNeverShown})
		return Model{}, false
	}
	if strings.TrimSpace(w.ID) != w.ID { // no id written in a configuration could name it
		rev.problems = append(rev.problems, Problem{Kind: EntryDropped, Index: index,
			Issue: `has the "id" ` + Quote(w.ID) + ", with white space around it, which no model id has"})
		return Model{}, false
	}
	if _, dup := rev.seen[w.ID]; dup {
		rev.problems = append(rev.problems, Problem{
			Kind: DuplicateDropped, Index: index, ModelID: w.ID,
			Issue: "repeats an earlier entry's; the first is kept",
		})
		return Model{}, false
	}
	rev.seen[w.ID] = struct{}{}
	m := rev.readOlderShape(w, index)
	rev.clearNonsense(&m, index)
	if w.CreatedAtText != nil { // else the older shape's created, if any
		m.CreatedAt = rev.date(&m, index, "created_at", w.CreatedAtText)
	}
	m.DeprecatedAt = rev.date(&m, index, "deprecated_at", w.DeprecatedAtText)
	m.RetiresAt = rev.date(&m, index, "retires_at", w.RetiresAtText)
	m.DeprecatedAtUnreadable, m.RetiresAtUnreadable = rev.readAsNull(index, "deprecated_at"), rev.readAsNull(index, "retires_at")
	// A currency that holds the key is no three-letter code, and nil already.
	rev.redact.texts(m.Object, m.Type, m.OwnedBy, m.DisplayName, m.Successor)
	return m, true
}

// keyNeverShown ends the problem of an id or successor that holds the key.
const keyNeverShown = "the API key, which the provider never shows or saves"

// clearNonsense sets to nil the values that cannot be true: a negative
// price, a currency that is not three letters or is sent under another key
// (and the prices in it), a limit that is not positive, a blank type, owner,
// display name or successor, or a successor that holds the key (scrubbed, it
// would name no model, and advice would offer it). A field sent only under
// another key is reported. A currency code is trimmed and upper-cased.
func (rev *review) clearNonsense(m *Model, index int) {
	field := func(name, issue string) { rev.fieldReadAsNull(m, index, name, issue) }
	for _, s := range rev.misnamed[index] {
		issue := s.issue()
		if s.field == "pricing.currency" {
			issue += pricesInNoCurrency(m.Pricing)
		}
		field(s.field, issue)
	}
	if p := m.Pricing; p != nil {
		if v := p.InputTokensCostPerMillion; v != nil && *v < 0 {
			field("pricing.input_tokens_cost_per_million", "is "+formatFloat(*v)+", a negative price")
			p.InputTokensCostPerMillion = nil
		}
		if v := p.OutputTokensCostPerMillion; v != nil && *v < 0 {
			field("pricing.output_tokens_cost_per_million", "is "+formatFloat(*v)+", a negative price")
			p.OutputTokensCostPerMillion = nil
		}
		if v := p.Currency; v != nil {
			code, ok := NormaliseCurrency(*v)
			switch {
			case !ok:
				field("pricing.currency", "is the string "+Quote(*v)+", not a three-letter currency code"+pricesInNoCurrency(p))
				p.Currency = nil
			case code != *v:
				changed := code // escapes only here, where it is needed
				p.Currency = &changed
			}
		}
	}
	if v := m.ContextLength; v != nil && !rev.positiveTokens(m, index, "context_length", v) {
		m.ContextLength = nil
	}
	if v := m.MaxOutputTokens; v != nil && !rev.positiveTokens(m, index, "max_output_tokens", v) {
		m.MaxOutputTokens = nil
	}
	for _, text := range []struct {
		name, not string
		value     **string
	}{{"type", "a type", &m.Type}, {"owned_by", "an owner", &m.OwnedBy}, {"display_name", "a name", &m.DisplayName},
		{"successor", "a model id", &m.Successor}} {
		if v := *text.value; v != nil && strings.TrimSpace(*v) == "" {
			field(text.name, "is the string "+Quote(*v)+", not "+text.not)
			*text.value = nil
		}
	}
	if v := m.Successor; v != nil && rev.redact.String(*v) != *v {
		field("successor", "holds "+keyNeverShown)
		m.Successor = nil
	}
}

// pricesInNoCurrency clears p's prices, whose currency cannot be read: a
// price without a currency counts as DefaultCurrency, and these may be in
// any other. It says so, after a currency's problem.
func pricesInNoCurrency(p *Pricing) string {
	if p.InputTokensCostPerMillion == nil && p.OutputTokensCostPerMillion == nil {
		return ""
	}
	p.InputTokensCostPerMillion, p.OutputTokensCostPerMillion = nil, nil
	return ", so the prices in it are read as null too"
}

// date reads the date a field of m, entry index, was sent as (ParseDate);
// nil when it was not sent, is not a date or is a placeholder, which is
// reported.
func (rev *review) date(m *Model, index int, name string, text *string) *time.Time {
	if text == nil {
		return nil
	}
	t, err := ParseDate(*text)
	issue := placeholder(t)
	switch {
	case errors.As(err, new(dayError)): // "not a date: June 2026 has 30 days", as an argument's
		issue = err.Error()
	case errors.Is(err, ErrNotADate):
		issue = "not " + DateForms
	case err != nil:
		issue = err.Error()
	}
	if issue != "" {
		rev.fieldReadAsNull(m, index, name, "is the string "+Quote(*text)+", "+issue)
		return nil
	}
	if len(rev.dates) == cap(rev.dates) {
		rev.dates = make([]time.Time, 0, 64)
	}
	rev.dates = append(rev.dates, t)
	return &rev.dates[len(rev.dates)-1]
}

// placeholder says which zero value t is, for no date: Go's (and .NET's)
// zero time, also as its wall clock in another offset, as .NET writes it, or
// the Unix epoch, which a Unix time of 0 is; or that t is earlier, as year 0
// ("0000-01-01") is, which the older shape's created cannot be either. No
// model was made, deprecated or retired then, and read as dates they would
// retire a model or keep it under created_before. "" for any other time.
func placeholder(t time.Time) string {
	switch {
	case t.IsZero() || time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC).IsZero():
		return "Go's zero time, a placeholder for no date"
	case t.Equal(time.Unix(0, 0)):
		return "the Unix epoch, a placeholder for no date"
	case t.Before(time.Unix(0, 0)):
		return "before 1970, when no model existed"
	}
	return ""
}

// fieldReadAsNull reports that a field of m, entry index, is read as null.
func (rev *review) fieldReadAsNull(m *Model, index int, name, issue string) {
	rev.problems = append(rev.problems, Problem{Kind: FieldReadAsNull, Index: index, ModelID: m.ID, Field: name, Issue: issue})
}

// readAsNull reports whether the field name of entry index, the last entry
// reviewed, was read as null.
func (rev *review) readAsNull(index int, name string) bool {
	for i := len(rev.problems) - 1; i >= 0 && rev.problems[i].Index == index; i-- {
		if p := rev.problems[i]; p.Kind == FieldReadAsNull && p.Field == name {
			return true
		}
	}
	return false
}

// positiveTokens reports whether a token limit of m is positive, reporting
// it when it is not.
func (rev *review) positiveTokens(m *Model, index int, name string, v *int64) bool {
	if *v <= 0 {
		rev.fieldReadAsNull(m, index, name, "is "+formatInt(*v)+", not a positive number of tokens")
		return false
	}
	return true
}
