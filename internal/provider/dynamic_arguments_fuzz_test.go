package provider

import (
	"encoding/json"
	"math/big"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// FuzzDynamicArguments feeds arbitrary values, written as JSON, to the
// readers of the dynamic arguments (policy, require, candidates and a
// function's model), as objects or, with asMaps, as maps of strings where
// every value is one. A reader must never panic; its error is the same on
// every call (Go's map order must not show) and quotes no string of the
// value longer than megallm.Quote keeps; candidates it accepts, known, are
// ids without white space around them, each once. The string "(unknown)" stands for a value not known yet.
func FuzzDynamicArguments(f *testing.F) {
	for _, seed := range []string{
		`{"allowed_owners": ["openai"], "retirement_notice_days": 30, "models": {"gpt-4o": {"retires_at": "2026-06-30",
			"successor": "gpt-4.1", "reason": "r", "denied": false, "pricing": {"input_tokens_cost_per_million": 1.5, "currency": "eur"}}}}`,
		`{"models": {"m": {"deprecated_at": "2026-07-01", "retires_at": "2026-06-30", "pricing": {}}}, "allowed_owner": []}`,
		`{"supports_vision": true, "min_context_length": 128000, "max_input_cost_per_million": 2.5, "not_deprecated": "(unknown)"}`,
		`{"min_context_length": "128000", "supports_vison": "true"}`,
		`["gpt-4o", "gpt-4o-mini", "gpt-4o"]`,
		`{"models": {"` + strings.Repeat("m", 70) + `": {"succesor": "x", "` + strings.Repeat("k", 70) + `": 1}}, "b": 2, "a": 1}`,
		`{"id": "m", "capabilities": {"supports_vision": true}, "pricing": {"output_tokens_cost_per_million": 1e400},
			"model_lifecycle": {"status": "Retired", "days_to_retirement": -1, "retires_at": "2026-13-01"}}`,
		// Quoted bools, numbers and dates, and a model id where a model goes.
		`{"retirement_notice_days": "90", "models": {"m": {"denied": "true", "retires_at": " 2026-06-30\n",
			"pricing": {"input_tokens_cost_per_million": "` + strings.Repeat("9", 70) + `"}}}}`,
		`"gpt-4o"`,
		`"` + strings.Repeat("g", 70) + `"`,
		`{"id": "m", "pricing": {"input_cost_per_token": 1}}`, // a price per token, refused and set aside
		// A price per token under a long name, in pricing and at the root.
		`{"id": "m", "pricing": {"input_` + strings.Repeat("tokens_", 10) + `cost_per_token": 1},
			"output_` + strings.Repeat("tokens_", 10) + `cost_per_1k": "x"}`,
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, text string, asMaps bool) {
		var parsed any
		decoder := json.NewDecoder(strings.NewReader(text))
		decoder.UseNumber()
		if decoder.Decode(&parsed) != nil {
			return
		}
		v, long, ok := fuzzValue(parsed, asMaps)
		if !ok {
			return
		}
		readers := map[string]func() error{
			"policy":        func() error { _, err := readPolicy(v, true); return err },
			"require":       func() error { _, err := readRequirements(v, types.StringNull(), ""); return err },
			"require names": func() error { _, err := requireReader(v); return err },
			"model":         func() error { _, _, err := readModel(v); return err },
			"candidates": func() error {
				ids, err := readCandidates(v, true)
				if err == nil && v.IsFullyKnown() && (len(ids) == 0 || slices.ContainsFunc(ids, func(id string) bool { return id == "" || strings.TrimSpace(id) != id }) ||
					len(slices.Compact(slices.Sorted(slices.Values(ids)))) != len(ids)) {
					t.Errorf("readCandidates accepted %q", ids)
				}
				return err
			},
		}
		for name, read := range readers {
			err := read()
			if err == nil {
				continue
			}
			msg := err.Error()
			if again := read(); again == nil || again.Error() != msg {
				t.Fatalf("%s: a second read says %v, the first %q", name, again, msg)
			}
			if msg == "" || !utf8.ValidString(msg) {
				t.Fatalf("%s: error %q is empty or not UTF-8", name, msg)
			}
			for _, s := range long {
				if strings.Contains(msg, s) {
					t.Fatalf("%s: error quotes a string of %d characters in full:\n%s", name, utf8.RuneCountInString(s), msg)
				}
			}
		}
	})
}

// fuzzValue is x, decoded JSON, as a Terraform value, with its strings
// longer than megallm.Quote keeps (keys included); false for a number
// Terraform cannot hold.
func fuzzValue(x any, asMaps bool) (v tftypes.Value, long []string, ok bool) {
	note := func(s string) {
		if utf8.RuneCountInString(s) > 64 {
			long = append(long, s)
		}
	}
	var convert func(x any) (tftypes.Value, bool)
	convert = func(x any) (tftypes.Value, bool) {
		switch x := x.(type) {
		case nil:
			return tftypes.NewValue(tftypes.String, nil), true
		case bool:
			return tftypes.NewValue(tftypes.Bool, x), true
		case string:
			note(x)
			if x == "(unknown)" {
				return tftypes.NewValue(tftypes.String, tftypes.UnknownValue), true
			}
			return tftypes.NewValue(tftypes.String, x), true
		case json.Number:
			n, _, err := big.ParseFloat(string(x), 10, 512, big.ToNearestEven)
			return tftypes.NewValue(tftypes.Number, n), err == nil
		case []any:
			elements, types := make([]tftypes.Value, len(x)), make([]tftypes.Type, len(x))
			for i, e := range x {
				var ok bool
				if elements[i], ok = convert(e); !ok {
					return tftypes.Value{}, false
				}
				types[i] = elements[i].Type()
			}
			return tftypes.NewValue(tftypes.Tuple{ElementTypes: types}, elements), true
		case map[string]any:
			attributes, types := make(map[string]tftypes.Value, len(x)), make(map[string]tftypes.Type, len(x))
			allStrings := true
			for name, a := range x {
				note(name)
				var ok bool
				if attributes[name], ok = convert(a); !ok {
					return tftypes.Value{}, false
				}
				types[name] = attributes[name].Type()
				allStrings = allStrings && types[name].Is(tftypes.String)
			}
			if asMaps && allStrings {
				return tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, attributes), true
			}
			return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, attributes), true
		}
		return tftypes.Value{}, false
	}
	v, ok = convert(x)
	return v, long, ok
}
