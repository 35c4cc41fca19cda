//go:build opa

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// TestPolicyAsCode_typoCorpus: for every typo of internal/catalog's corpus
// (testdata/typos.json, a plan for each catalog), the Rego library's deny
// suggests the ids that the provider's Catalog.Suggest does
// (TestSuggest_typoCorpus), in its order and quoted as megallm.Quote quotes
// them, so that a policy check in CI and a plan give the same advice.
func TestPolicyAsCode_typoCorpus(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../catalog/testdata/typos.json")
	if err != nil {
		t.Fatal(err)
	}
	var sections []struct {
		Catalog []string
		Typos   []struct {
			Kind, Typo string
			Closest    []string
		}
	}
	if err := json.Unmarshal(data, &sections); err != nil {
		t.Fatal(err)
	}
	for _, corpus := range sections {
		plan := filepath.Join(t.TempDir(), "plan.json")
		writeFile(t, plan, typoPlan(t, corpus.Catalog, func(yield func(string) bool) {
			for _, tc := range corpus.Typos {
				if !yield(tc.Typo) {
					return
				}
			}
		}))
		deny, _ := evalOPA(t, plan, "")
		suggested := map[string]string{}
		for _, msg := range deny {
			m := regexp.MustCompile(`^terraform_data\.t(\d+): .*? is not in the MegaLLM catalog\.(?: Did you mean (".*")\?)?`).FindStringSubmatch(msg)
			if m == nil {
				t.Fatalf("a deny of another form: %s", msg)
			}
			suggested[m[1]] = m[2]
		}
		for i, tc := range corpus.Typos {
			var quoted []string
			for _, id := range tc.Closest {
				quoted = append(quoted, megallm.Quote(id))
			}
			got, ok := suggested[strconv.Itoa(i)]
			if want := strings.Join(quoted, " or "); !ok {
				t.Errorf("%s: %q: no deny", tc.Kind, tc.Typo)
			} else if got != want {
				t.Errorf("%s: %q: the Rego library suggests %s, Catalog.Suggest %s", tc.Kind, tc.Typo, got, want)
			}
		}
	}
}

// typoPlan is a plan's JSON whose one catalog read, through a provider
// configuration without a policy, lists the ids, and whose resource
// terraform_data.tN has the Nth of values as its input.model.
func typoPlan(t *testing.T, ids []string, values func(func(string) bool)) string {
	t.Helper()
	var models []map[string]any
	for _, id := range ids {
		models = append(models, map[string]any{"id": id, "owned_by": nil, "model_lifecycle": map[string]any{"status": nil}})
	}
	var resources []map[string]any
	for v := range values {
		name := fmt.Sprintf("t%d", len(resources))
		resources = append(resources, map[string]any{
			"address": "terraform_data." + name, "mode": "managed", "type": "terraform_data", "name": name,
			"values": map[string]any{"input": map[string]any{"model": v}},
		})
	}
	plan, err := json.Marshal(map[string]any{
		"planned_values": map[string]any{"root_module": map[string]any{"resources": resources}},
		"prior_state": map[string]any{"values": map[string]any{"root_module": map[string]any{"resources": []any{map[string]any{
			"address": "data.megallm_models.catalog", "mode": "data", "type": "megallm_models", "name": "catalog",
			"values": map[string]any{"include_retired": true, "models": models},
		}}}}},
		"configuration": map[string]any{
			"provider_config": map[string]any{"megallm": map[string]any{"name": "megallm"}},
			"root_module": map[string]any{"resources": []any{map[string]any{
				"mode": "data", "type": "megallm_models", "name": "catalog", "provider_config_key": "megallm",
			}}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(plan)
}
