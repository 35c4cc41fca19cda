package megallm

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeModels feeds arbitrary bodies to the decoder: it must never
// panic, a body it accepts must survive a round trip unchanged, and the
// excerpt an error would quote must be short valid UTF-8. Seeds are in
// testdata/fuzz/FuzzDecodeModels.
func FuzzDecodeModels(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		if quoted := excerpt(body); !utf8.ValidString(quoted) || len(quoted) > excerptBytes+len("…") {
			t.Fatalf("excerpt of %d bytes is %d bytes or invalid UTF-8", len(body), len(quoted))
		}
		models, err := DecodeModels(bytes.NewReader(body))
		if err != nil {
			return
		}
		again, err := json.Marshal(map[string]any{"object": "list", "data": models})
		if err != nil {
			t.Fatalf("re-encoding decoded models: %v", err)
		}
		decoded, err := DecodeModels(bytes.NewReader(again))
		if err != nil {
			t.Fatalf("decoding re-encoded models: %v", err)
		}
		if !reflect.DeepEqual(models, decoded) {
			t.Fatalf("round trip changed the models:\n%+v\n%+v", models, decoded)
		}
	})
}
