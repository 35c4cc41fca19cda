package megallm

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// encoding/json matches an object's key to a field in any letter case, the
// last one written winning: {"id": "gpt-4o", "ID": 1} would read as an entry
// without an id, and an extra "Pricing" would replace "pricing". The API's
// names are exact, so a key that is one of them only in another letter case
// is an unknown field, ignored as the others are.

// nameSet holds the JSON names the decoder reads, from the wire types' tags.
var nameSet = sync.OnceValue(func() map[string]bool {
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
	collect(reflect.TypeFor[modelsResponse]())
	collect(reflect.TypeFor[rawModel]())
	collect(reflect.TypeFor[rawPricing]())
	return names
})

// withExactKeys is body without the object keys that name a field of the
// API only in another letter case: body itself when it has none (one pass
// that reads its keys), or when it is no JSON the decoder would read anyway.
func withExactKeys(body []byte) []byte {
	if !hasOtherCaseKey(body) {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return body
	}
	dropOtherCaseKeys(v)
	exact, err := json.Marshal(v)
	if err != nil {
		return body
	}
	return append(exact, body[dec.InputOffset():]...) // what follows is DecodeModels' to refuse
}

// hasOtherCaseKey reports whether a key of body (a string followed by a
// colon) is a JSON name of the API in another letter case, or is written
// with an escape, which the decoder reads before it matches the key.
func hasOtherCaseKey(body []byte) bool {
	for i := 0; i < len(body); i++ {
		if body[i] != '"' {
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
		if escaped {
			return true
		}
		names := nameSet()
		if !names[string(body[start:end])] && names[strings.ToLower(string(body[start:end]))] {
			return true
		}
	}
	return false
}

// dropOtherCaseKeys deletes, in every object of v, the keys that are a JSON
// name of the API only in another letter case.
func dropOtherCaseKeys(v any) {
	switch v := v.(type) {
	case map[string]any:
		for key, child := range v {
			if names := nameSet(); !names[key] && names[strings.ToLower(key)] {
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
