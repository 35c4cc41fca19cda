package mockapi

import (
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// KeyForm is a way a server may quote a key back: its name and the function
// that writes the key that way.
type KeyForm struct {
	Name  string
	Write func(key string) string
}

// KeyForms are the forms a server may quote a key in: as received, in
// another letter case, escaped as JSON strings are (encoding/json's \u002b
// and PHP's \/), percent-encoded as in a query or a path with upper- or
// lower-case hex, cut short to its first dozen characters, and split every
// eight characters across lines (a JSON \n, or quoted-printable: soft line
// breaks, and = written =3D), by a backspace (a JSON \b), a zero-width space,
// a combining grapheme joiner, an ANSI colour (a JSON \u001b[1;31m, as a
// coloured log line has it) or HTML tags (a <b> per piece); and in hex.
func KeyForms() []KeyForm {
	return []KeyForm{
		{"as sent", func(key string) string { return key }},
		{"lower-cased", strings.ToLower},
		{"upper-cased", strings.ToUpper},
		{`JSON-escaped \/`, func(key string) string { return strings.ReplaceAll(key, "/", `\/`) }},
		{`JSON-escaped \u002b`, jsonEscapeAll},
		{"query-escaped", url.QueryEscape},
		{"path-escaped, lower-case hex", func(key string) string { return lowerHex(url.PathEscape(key)) }},
		{"first dozen characters", func(key string) string { return key[:min(12, len(key))] }},
		{`wrapped by \n`, func(key string) string { return splitEvery(key, `\n`) }},
		{"split by zero-width spaces", func(key string) string { return splitEvery(key, "\u200b") }},
		{"quoted-printable", func(key string) string {
			return strings.ReplaceAll(strings.ReplaceAll(splitEvery(key, "\n"), "=", "=3D"), "\n", `=\r\n`)
		}},
		{`split by \b`, func(key string) string { return splitEvery(key, `\b`) }},
		{"split by combining grapheme joiners", func(key string) string { return splitEvery(key, "\u034f") }},
		{"split by ANSI colours", func(key string) string { return splitEvery(key, `\u001b[1;31m`) }},
		{"split by HTML tags", func(key string) string { return splitEvery(key, "</b><b>") }},
		{"hex", hexOf},
	}
}

// hexOf is s in lower-case hex.
func hexOf(s string) string { return hex.EncodeToString([]byte(s)) }

// splitEvery writes key with separator after every eight characters, fewer
// than the ten a redactor looks for.
func splitEvery(key, separator string) string {
	var b strings.Builder
	for i := 0; i < len(key); i += 8 {
		if i > 0 {
			b.WriteString(separator)
		}
		b.WriteString(key[i:min(i+8, len(key))])
	}
	return b.String()
}

// EchoPage is the kind of answer KeyEcho quotes the key in.
type EchoPage int

const (
	// EchoJSONError is a 401 with the API's JSON error body.
	EchoJSONError EchoPage = iota
	// EchoHTMLPage is a 502 HTML page from a proxy.
	EchoHTMLPage
	// EchoNotAList is a 200 whose JSON body is not a model list.
	EchoNotAList
)

// KeyEcho is an answer on page that quotes the key the request carried (in
// either credential header), written by form.
func KeyEcho(page EchoPage, form KeyForm) Fault {
	f := Fault{}
	quoted := func(r *http.Request) string {
		key := r.Header.Get("x-api-key")
		if auth := r.Header.Get("Authorization"); auth != "" {
			key = strings.TrimPrefix(auth, "Bearer ")
		}
		return form.Write(key)
	}
	switch page {
	case EchoJSONError:
		f.Status, f.ContentType = http.StatusUnauthorized, "application/json"
		f.echo = func(r *http.Request) string {
			// Written by hand: the escapes of the form are the JSON's own.
			return `{"error":{"message":"invalid api key ` + quoted(r) + `","type":"invalid_request_error","code":"invalid_api_key"}}`
		}
	case EchoHTMLPage:
		f.Status, f.ContentType = http.StatusBadGateway, "text/html"
		f.echo = func(r *http.Request) string {
			return "<html><body><h1>502 Bad Gateway</h1><p>upstream refused key " + html.EscapeString(quoted(r)) + "</p></body></html>"
		}
	case EchoNotAList:
		f.Status, f.ContentType = http.StatusOK, "application/json"
		f.echo = func(r *http.Request) string { return `{"token":"` + quoted(r) + `","valid":false}` }
	}
	return f
}

// LeakedKey describes the first form of key that text still holds, ignoring
// ASCII letter case: a run of 10 of its characters (the whole key when shorter)
// as sent, JSON-escaped, percent-encoded, quoted-printable or hex, in text as it
// is or with what KeySplit matches and white space taken out; "" when there
// is none.
func LeakedKey(text, key string) string {
	if leak := leakedRun(text, key); leak != "" {
		return leak
	}
	joined := strings.Join(strings.Fields(KeySplit.ReplaceAllString(text, " ")), "")
	if leak := leakedRun(joined, key); leak != "" {
		return leak + ", split by white space"
	}
	return ""
}

// KeySplit matches what LeakedKey reads as splitting a key besides white
// space: the splits of KeyForms, as written and as decoded (a soft line
// break written in an excerpt as "= ", a colour's escape and a tag escaped
// as Go, JSON or HTML escape them, once or more).
var KeySplit = regexp.MustCompile(`=\s+|=\\r\\n|\\[nb]|[\x{200b}\x{034f}\x{08}]|(?:\x1b|\\+u001b|\\+x1b)\[1;31m|` +
	`(?:<|&lt;|\\+u003c)/?b(?:>|&gt;|\\+u003e)`)

// leakedRun is LeakedKey for text as it is.
func leakedRun(text, key string) string {
	text = foldASCII(text)
	run := min(10, len(key))
	encodings := []KeyForm{
		{"as sent", func(s string) string { return s }},
		{`JSON-escaped \/`, func(s string) string { return strings.ReplaceAll(s, "/", `\/`) }},
		{`JSON-escaped \u002b`, jsonEscapeAll},
		{"query-escaped", url.QueryEscape},
		{"path-escaped", url.PathEscape},
		{"quoted-printable", func(s string) string { return strings.ReplaceAll(s, "=", "=3D") }},
		{"hex", hexOf},
	}
	for i := 0; i+run <= len(key); i++ {
		for _, enc := range encodings {
			if strings.Contains(text, foldASCII(enc.Write(key[i:i+run]))) {
				return fmt.Sprintf("characters %d to %d of the key, %s", i+1, i+run, enc.Name)
			}
		}
	}
	return ""
}

// jsonEscapeAll writes every character but letters and digits as \u00XX.
func jsonEscapeAll(s string) string {
	var b strings.Builder
	for _, c := range s {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			b.WriteRune(c)
		} else {
			fmt.Fprintf(&b, `\u%04x`, c)
		}
	}
	return b.String()
}

// lowerHex lower-cases the hex digits of percent escapes.
func lowerHex(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			b.WriteString(strings.ToLower(s[i : i+3]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// foldASCII lower-cases the ASCII letters of s, and only those: a key is
// ASCII, and Unicode case folding would turn other characters into its.
func foldASCII(s string) string {
	return strings.Map(func(c rune) rune {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}, s)
}
