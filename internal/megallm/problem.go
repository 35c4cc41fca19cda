package megallm

import (
	"fmt"
)

// Problem is something wrong in one entry of a model list that the decoder
// worked around rather than fail the whole list: a field it read as nil or in
// another spelling, or an entry it left out; or, CatalogMoved and
// CatalogPaged, in where the list was read and how much of it. Problems are
// meant to be reported as warnings.
type Problem struct {
	Kind ProblemKind
	// Index is the entry's position in "data", from 0.
	Index int
	// ModelID is the entry's id; empty when it has none.
	ModelID string
	// Field is the JSON path of the field in the entry, such as
	// "pricing.input_tokens_cost_per_million"; empty when the entry is left out.
	Field string
	// Issue says what is wrong, quoting the value as sent, cut when long:
	// `is the string "0.15", not a number`.
	Issue string
	// BaseURL, of a CatalogMoved problem, is the base URL that reads the list
	// without the redirects, whole in a quote and without the key; KeyWithheld
	// says that the client sends the key no further than the redirects, as to
	// another host.
	BaseURL     string
	KeyWithheld bool
}

// ProblemKind says what the decoder did about a Problem.
type ProblemKind int

const (
	// FieldReadAsNull is a field that cannot be read or makes no sense; the
	// model keeps every other field and has nil for this one.
	FieldReadAsNull ProblemKind = iota + 1
	// EntryDropped is an entry of "data" that is not a model with an id; it
	// is left out.
	EntryDropped
	// DuplicateDropped is a model whose id an earlier entry has; the first
	// entry is kept and this one left out.
	DuplicateDropped
	// NameRespelled is a type or owned_by read in another spelling, the one
	// a configuration can name it by (respellNames).
	NameRespelled
	// CatalogMoved is a list read at the end of permanent redirects; Issue
	// says where, BaseURL what reads it without them (movedTo), for advice
	// that names the setting the base URL came from.
	CatalogMoved
	// CatalogPaged is a list that says it is one page of a longer one
	// ("has_more": true), of which only that page is read.
	CatalogPaged
)

func (p Problem) String() string {
	switch p.Kind {
	case FieldReadAsNull, NameRespelled:
		return fmt.Sprintf("model %s: %s %s", Quote(p.ModelID), p.Field, p.Issue)
	case CatalogMoved, CatalogPaged:
		return p.Issue
	case DuplicateDropped:
		return fmt.Sprintf("data[%d]: id %s %s", p.Index, Quote(p.ModelID), p.Issue)
	default:
		return fmt.Sprintf("data[%d] %s", p.Index, p.Issue)
	}
}
