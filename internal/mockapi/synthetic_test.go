package mockapi_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func TestSyntheticModels(t *testing.T) {
	t.Parallel()
	const n = 2000
	models := mockapi.SyntheticModels(n)
	if len(models) != n {
		t.Fatalf("got %d models, want %d", len(models), n)
	}
	seen := map[string]bool{}
	present := map[string]int{}
	for i, raw := range models {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("model %d is not a JSON object: %v", i, err)
		}
		var id string
		if err := json.Unmarshal(m["id"], &id); err != nil || id != mockapi.SyntheticModelID(i) {
			t.Fatalf("model %d has id %q (%v), want %q", i, id, err, mockapi.SyntheticModelID(i))
		}
		if seen[id] {
			t.Fatalf("id %q appears twice", id)
		}
		seen[id] = true
		for field := range m {
			present[field]++
		}
		var nested struct {
			Capabilities map[string]bool `json:"capabilities"`
			Pricing      map[string]any  `json:"pricing"`
		}
		_ = json.Unmarshal(raw, &nested)
		for field := range nested.Capabilities {
			present["capabilities."+field]++
		}
		for field := range nested.Pricing {
			present["pricing."+field]++
		}
	}
	for _, field := range []string{
		"object", "type", "created_at", "owned_by", "display_name", "capabilities", "pricing",
		"context_length", "max_output_tokens", "capabilities.supports_vision", "pricing.currency",
		"pricing.input_tokens_cost_per_million", "pricing.output_tokens_cost_per_million",
	} {
		if got := present[field]; got == 0 || got == n {
			t.Errorf("%s is present in %d of %d models, want some but not all: omissions must be exercised", field, got, n)
		}
	}
}

func TestSyntheticModels_deterministicPrefix(t *testing.T) {
	t.Parallel()
	small, large := mockapi.SyntheticModels(50), mockapi.SyntheticModels(500)
	for i := range small {
		if !bytes.Equal(small[i], large[i]) {
			t.Fatalf("model %d differs between SyntheticModels(50) and SyntheticModels(500)", i)
		}
	}
}

func TestListBody(t *testing.T) {
	t.Parallel()
	var list struct {
		Object string            `json:"object"`
		Data   []json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(mockapi.ListBody(mockapi.SyntheticModels(3)...), &list); err != nil {
		t.Fatal(err)
	}
	if list.Object != "list" || len(list.Data) != 3 {
		t.Errorf("ListBody = object %q with %d models, want list with 3", list.Object, len(list.Data))
	}
	if err := json.Unmarshal(mockapi.ListBody(), &list); err != nil || list.Data == nil || len(list.Data) != 0 {
		t.Errorf("ListBody() = %v data (err %v), want an empty array", list.Data, err)
	}
}
