package megallm

import (
	"encoding/hex"
	"strings"
	"testing"
)

// BenchmarkRedact is the redactor over texts without the key, as most of
// what it reads is (every catalog text, every error): a server's error, an
// HTML page, a body of dates, ids and hex digests, and a message that is not
// ASCII; and over the key hex-encoded with a separator between its bytes.
func BenchmarkRedact(b *testing.B) {
	const key = "sk-proj-h156Vb3Nm7Qx9Zr2Lt5Wp8Kc"
	texts := map[string]string{
		"error":     "HTTP 404 Not Found: The model `gpt-4o-mini` does not exist or you do not have access to it. (type invalid_request_error, code model_not_found)",
		"html":      `<html><body><h1>502 Bad Gateway</h1><p>upstream <b>api.megallm.io</b> refused the connection</p><hr><center>nginx</center></body></html>`,
		"body":      strings.Repeat(`{"id":"llama-3.1-70b","created":"2024-07-23T12:34:56Z","sha":"de:ad:be:ef:01:23","trace":"0x7f, 0x45, 0x4c"},`, 20),
		"not ASCII": "モデル「ｇｐｔ－４ｏ」は見つかりません。ＡＰＩキーを確認してください…（コード：ｍｏｄｅｌ＿ｎｏｔ＿ｆｏｕｎｄ）",
	}
	var dump []string
	for _, c := range []byte(key) {
		dump = append(dump, hex.EncodeToString([]byte{c}))
	}
	texts["hex dump"] = "key: " + strings.Join(dump, ":")
	r := newRedactor(key)
	for name, text := range texts {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				_ = r.String(text)
			}
		})
	}
}
