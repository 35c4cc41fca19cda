package catalog

// ptr returns a pointer to a copy of v, for building fixtures.
func ptr[T any](v T) *T { return &v }
