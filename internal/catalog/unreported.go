package catalog

import (
	"slices"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// modelField is a field of a model that a filter, requirement or sort reads.
type modelField struct {
	// name is the field as the API names it, such as "created_at" or
	// "capabilities.supports_vision".
	name string
	// reported reports whether a model reports the field, readably.
	reported func(*megallm.Model) bool
}

// QueryPart is a part of a Query, or what else Select applies.
type QueryPart int

// The parts of a Query: Unreported reports those that read a field (the
// created_at range, the requirements and the sort), Narrowing the filters.
const (
	ByCreatedAfter QueryPart = iota + 1
	ByCreatedBefore
	// ByRequirement is Query.Require, or one requirement of it, named by
	// Unreported.Requirement.
	ByRequirement
	BySort
	ByType
	ByOwnedBy
	ByIDPattern
	ByExcludeIDs
	// ByPolicy is the provider's policy, which Select applies after the query.
	ByPolicy
	// ByRetirement leaves out retired models unless Query.IncludeRetired.
	ByRetirement
)

// Unreported is a field that a part of a query reads and that no model of
// the catalog reports: a filter or requirement on it keeps no model, and a
// sort by it orders none.
type Unreported struct {
	By QueryPart
	// Requirement is the requirement's Name, for ByRequirement.
	Requirement string
	// Field is the field as the API names it, such as "created_at".
	Field string
}

// Unreported lists the fields q reads that no model of the catalog reports:
// the created_at range, then the requirements in the table's order, then
// the sort. It reads the models only while some field is still unseen, so
// for a catalog whose models report what q reads it stops at the first
// model or so; only a field that no model reports costs a pass over them,
// one check each, which is less than Select's own pass.
func (c *Catalog) Unreported(q Query) []Unreported {
	type pending struct {
		Unreported
		reported func(*megallm.Model) bool
	}
	var unseen []pending
	if q.CreatedAfter != nil {
		unseen = append(unseen, pending{Unreported{By: ByCreatedAfter, Field: createdAtField.name}, createdAtField.reported})
	}
	if q.CreatedBefore != nil {
		unseen = append(unseen, pending{Unreported{By: ByCreatedBefore, Field: createdAtField.name}, createdAtField.reported})
	}
	for i := range RequirementTable {
		if row := &RequirementTable[i]; row.reported != nil && row.asked(&q.Require) {
			unseen = append(unseen, pending{Unreported{By: ByRequirement, Requirement: row.Name, Field: row.Field}, row.reported})
		}
	}
	if f := sortKeyOf(q.SortBy).field; f.reported != nil {
		unseen = append(unseen, pending{Unreported{By: BySort, Field: f.name}, f.reported})
	}
	for i := 0; i < len(c.models) && len(unseen) > 0; i++ {
		m := &c.models[i]
		unseen = slices.DeleteFunc(unseen, func(p pending) bool { return p.reported(m) })
	}
	out := make([]Unreported, len(unseen))
	for i, p := range unseen {
		out[i] = p.Unreported
	}
	return out
}
