package megallm

import (
	"bytes"
	"cmp"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// encoding/json matches an object's key to a field in any letter case, the
// last one written winning: {"id": "gpt-4o", "ID": 1} would read as an entry
// without an id, and an extra "Pricing" would replace "pricing". The API's
// names are exact, so a key that is one of them only in another letter case
// (or with white space around it) is an unknown field, ignored as the others
// are; but a field of a model, its capabilities or its pricing sent only so
// is reported (misnamedFields): a currency not read would count as USD, a
// retires_at not read as no retirement planned. A key repeated in one
// object counts as its last value alone, as it does when an entry is read
// field by field: encoding/json would merge two objects or lists (of two
// "pricing", the currency of the first with the prices of the last).

// nameSet holds the JSON names the decoder reads, from the wire types' tags.
var nameSet = sync.OnceValue(func() map[string]bool {
	return jsonNames(reflect.TypeFor[modelsResponse](), reflect.TypeFor[rawModel](), reflect.TypeFor[rawPricing]())
})

// fieldNames holds the JSON names of a model's fields (under "") and of
// those of the objects in it, by the object's name.
var fieldNames = sync.OnceValue(func() map[string]map[string]bool {
	return map[string]map[string]bool{"": jsonNames(reflect.TypeFor[rawModel]()),
		"capabilities": jsonNames(reflect.TypeFor[wireCapabilities]()), "pricing": jsonNames(reflect.TypeFor[rawPricing]())}
})

// jsonNames holds the JSON names of the fields of types, and of their
// fields' types, from their tags.
func jsonNames(types ...reflect.Type) map[string]bool {
	names := map[string]bool{}
	var collect func(t reflect.Type)
	collect = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				names[name] = true
			}
			collect(f.Type)
		}
	}
	for _, t := range types {
		collect(t)
	}
	return names
}

// otherCaseName is the JSON name of the API that key is only in another
// letter case or with white space around it; "" when there is none. Letter
// case is as encoding/json folds it, which also matches the Kelvin sign K
// to k and the long ſ to s, as no lower-casing does for ſ.
func otherCaseName(key string) string {
	names := nameSet()
	if names[key] {
		return ""
	}
	trimmed := strings.TrimSpace(key)
	if name := strings.ToLower(trimmed); names[name] {
		return name
	}
	for i := range len(trimmed) {
		if trimmed[i] >= utf8.RuneSelf { // only a key beyond ASCII folds otherwise
			for name := range names {
				if strings.EqualFold(trimmed, name) {
					return name
				}
			}
			break
		}
	}
	return ""
}

// withExactKeys is body without the object keys that name a field of the
// API only in another letter case, and with each key once, its last value,
// and the fields sent only under such a key (misnamedFields): body itself
// when it has neither (one pass that reads its keys), or when it is no JSON
// the decoder would read anyway.
func withExactKeys(body []byte) ([]byte, map[int][]sentAs) {
	if !needsExactKeys(body) {
		return body, nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return body, nil
	}
	misnamed := misnamedFields(v)
	dropOtherCaseKeys(v)
	exact, err := json.Marshal(v)
	if err != nil {
		return body, nil
	}
	return append(exact, body[dec.InputOffset():]...), misnamed // what follows is DecodeModels' to refuse
}

// sentAs is a field, by its path, sent only under key, its name in another
// letter case or with white space around it.
type sentAs struct {
	field, key string
	value      json.RawMessage
}

// issue says under which key, and as what, s is sent.
func (s sentAs) issue() string {
	return "is sent under the key " + Quote(s.key) + ", " + describe(s.value) + ", not under its own name"
}

// misnamedFields lists, by index in the model list v's "data", the fields
// of each entry, its capabilities and its pricing sent only under another
// key (a null is not sent), by path.
func misnamedFields(v any) map[int][]sentAs {
	root, _ := v.(map[string]any)
	data, _ := root["data"].([]any)
	var misnamed map[int][]sentAs
	for i, entry := range data {
		entry, _ := entry.(map[string]any)
		for object, names := range fieldNames() {
			fields, prefix := entry, ""
			if object != "" {
				fields, _ = entry[object].(map[string]any)
				prefix = object + "."
			}
			for key, value := range fields {
				field := otherCaseName(key)
				if value == nil || fields[field] != nil || !names[field] {
					continue
				}
				raw, _ := json.Marshal(value)
				if misnamed == nil {
					misnamed = map[int][]sentAs{}
				}
				misnamed[i] = append(misnamed[i], sentAs{field: prefix + field, key: key, value: raw})
			}
		}
		slices.SortFunc(misnamed[i], func(a, b sentAs) int {
			return cmp.Or(strings.Compare(a.field, b.field), strings.Compare(a.key, b.key))
		})
	}
	return misnamed
}

// needsExactKeys reports whether a key of body (a string followed by a
// colon) is a JSON name of the API in another letter case (otherCaseName),
// is written with an escape, which the decoder reads before it matches the
// key, or is a JSON name of the API that its object already holds:
// encoding/json would merge the two objects or lists, where the last one
// alone counts, as it does when an entry is read field by field.
func needsExactKeys(body []byte) bool {
	var keys [][]byte // the API's names that the open objects hold, the innermost last
	var opened []int  // where each open object's names start in keys
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '{':
			opened = append(opened, len(keys))
			continue
		case '}':
			if n := len(opened); n > 0 {
				keys, opened = keys[:opened[n-1]], opened[:n-1]
			}
			continue
		case '"':
		default:
			continue
		}
		start, escaped := i+1, false
		for i++; i < len(body) && body[i] != '"'; i++ {
			if body[i] == '\\' {
				escaped = true
				i++
			}
		}
		end := i
		for i+1 < len(body) && (body[i+1] == ' ' || body[i+1] == '\t' || body[i+1] == '\n' || body[i+1] == '\r') {
			i++
		}
		if i+1 >= len(body) || body[i+1] != ':' || end > len(body) {
			continue
		}
		key := body[start:end]
		if escaped || otherCaseName(string(key)) != "" {
			return true
		}
		if n := len(opened); n > 0 && nameSet()[string(key)] {
			if slices.ContainsFunc(keys[opened[n-1]:], func(k []byte) bool { return bytes.Equal(k, key) }) {
				return true
			}
			keys = append(keys, key)
		}
	}
	return false
}

// dropOtherCaseKeys deletes, in every object of v, the keys that are a JSON
// name of the API only in another letter case (otherCaseName).
func dropOtherCaseKeys(v any) {
	switch v := v.(type) {
	case map[string]any:
		for key, child := range v {
			if otherCaseName(key) != "" {
				delete(v, key)
			}
			dropOtherCaseKeys(child)
		}
	case []any:
		for _, child := range v {
			dropOtherCaseKeys(child)
		}
	}
}
