package megallm

import (
	"strconv"
	"testing"
)

// TestRespellNames_allocatesNothingPerModel: a type and owner read as sent
// cost respellNames no allocation, so a catalog of 1,000 models costs what
// one of 10 does: taking the address of every model's spelling put each on
// the heap, 20,000 allocations for a 10,000-model catalog. Not parallel:
// other tests' allocations would count.
func TestRespellNames_allocatesNothingPerModel(t *testing.T) {
	allocs := func(n int) float64 {
		chat, openai := "chat", "openai"
		models, indices := make([]Model, n), make([]int, n)
		for i := range models {
			models[i], indices[i] = Model{ID: "m" + strconv.Itoa(i), Type: &chat, OwnedBy: &openai}, i
		}
		return testing.AllocsPerRun(10, func() {
			var rev review
			rev.respellNames(models, indices)
		})
	}
	if few, many := allocs(10), allocs(1000); many != few {
		t.Errorf("respellNames makes %.0f allocations for 1,000 models and %.0f for 10, want the same", many, few)
	}
}
