package catalog

import "time"

// ptr returns a pointer to a copy of v, for building fixtures.
func ptr[T any](v T) *T { return &v }

// fixedNow is the time the lifecycle tests compute statuses for, an
// afternoon so that counting whole days and calendar days differ.
var fixedNow = time.Date(2026, time.March, 10, 15, 0, 0, 0, time.UTC)
