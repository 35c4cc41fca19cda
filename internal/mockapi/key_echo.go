package mockapi

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// KeyForm is a way a server may quote a key back: its name, the function
// that writes the key that way and, for LeakedKey, the one that writes a run
// of the key as the form holds it once white space and KeySplit are taken
// out (nil where that is another form's: another letter case, a cut, a split).
type KeyForm struct {
	Name  string
	Write func(key string) string
	run   func(run string) string
}

// KeyForms are the forms a server may quote a key in, one for each the client
// scrubs: as received, in another letter case, escaped as JSON strings are
// (encoding/json's \u002b and PHP's \/), percent-encoded as in a query or a
// path with upper- or lower-case hex, as HTML character references, cut
// short to its first dozen characters, and split every eight characters
// across lines (a JSON \n, or quoted-printable: soft line breaks, and =
// written =3D), by a backspace (a JSON \b), a zero-width space, a combining
// grapheme joiner, an ANSI colour (a JSON \u001b[1;31m, as a coloured log
// line has it) or HTML tags (a <b> per piece); in hex, as is and as hex dumps
// write it (6d 6f, 6D:6F; C literals 0x6d, 0x6f of the first 16 bytes, as a
// debug printer writes a buffer's start, which fits in an excerpt); and
// full-width, in mathematical bold and circled. Base64 is Base64KeyForms'.
func KeyForms() []KeyForm {
	return []KeyForm{
		uniform("as sent", func(key string) string { return key }),
		{"lower-cased", strings.ToLower, nil},
		{"upper-cased", strings.ToUpper, nil},
		uniform(`JSON-escaped \/`, func(key string) string { return strings.ReplaceAll(key, "/", `\/`) }),
		uniform(`JSON-escaped \u002b`, jsonEscapeAll),
		uniform("query-escaped", url.QueryEscape),
		uniform("path-escaped, lower-case hex", func(key string) string { return lowerHex(url.PathEscape(key)) }),
		uniform("HTML character references", func(key string) string { return escapeAll(key, "&#x%x;") }),
		{"first dozen characters", func(key string) string { return key[:min(12, len(key))] }, nil},
		{`wrapped by \n`, func(key string) string { return splitEvery(key, `\n`) }, nil},
		{"split by zero-width spaces", func(key string) string { return splitEvery(key, "\u200b") }, nil},
		{"quoted-printable", func(key string) string {
			return strings.ReplaceAll(quotedPrintable(splitEvery(key, "\n")), "\n", `=\r\n`)
		}, quotedPrintable},
		{`split by \b`, func(key string) string { return splitEvery(key, `\b`) }, nil},
		{"split by combining grapheme joiners", func(key string) string { return splitEvery(key, "\u034f") }, nil},
		{"split by ANSI colours", func(key string) string { return splitEvery(key, `\u001b[1;31m`) }, nil},
		{"split by HTML tags", func(key string) string { return splitEvery(key, "</b><b>") }, nil},
		uniform("hex", hexOf),
		uniform("hex bytes split by spaces", func(key string) string { return hexBytes(key, "%02x", " ") }),
		uniform("hex dump, upper case", func(key string) string { return hexBytes(key, "%02X", ":") }),
		{"C literals of the first 16 bytes", func(key string) string { return cLiterals(key[:min(16, len(key))]) }, cLiterals},
		uniform("full-width", func(key string) string { return shifted(key, '!', '~', '！') }),
		uniform("mathematical bold", func(key string) string {
			return shifted(shifted(shifted(key, 'A', 'Z', '𝐀'), 'a', 'z', '𝐚'), '0', '9', '𝟎')
		}),
		uniform("circled", func(key string) string { return shifted(shifted(key, 'A', 'Z', 'Ⓐ'), 'a', 'z', 'ⓐ') }),
	}
}

// Base64KeyForms are the key in base64, standard and URL-safe, in two of
// the three alignments it may have in what was encoded. Apart from
// KeyForms: the client replaces the characters around the key's that bytes
// around it decide too ("Bearer " of "Bearer KEY" in part). LeakedKey finds 9
// or more bytes of the key in any alignment.
func Base64KeyForms() []KeyForm {
	return []KeyForm{
		{"base64", func(key string) string { return base64.StdEncoding.EncodeToString([]byte(key)) }, base64Run(base64.StdEncoding)},
		{"URL-safe base64 of Bearer KEY", func(key string) string {
			return base64.URLEncoding.EncodeToString([]byte("Bearer " + key))
		}, base64Run(base64.URLEncoding)},
	}
}

// uniform is a form that writes a key character by character, so that the
// key written holds each run of it written.
func uniform(name string, write func(string) string) KeyForm { return KeyForm{name, write, write} }

// base64Run writes the first multiple of 3 bytes of a run in encoding, which
// are in the key's encoding where the run starts at a multiple of 3 of what
// was encoded; "" for fewer than 9 bytes, which the client does not look for.
func base64Run(encoding *base64.Encoding) func(string) string {
	return func(run string) string {
		if len(run) < 9 {
			return ""
		}
		return encoding.WithPadding(base64.NoPadding).EncodeToString([]byte(run[:len(run)/3*3]))
	}
}

// hexOf is s in lower-case hex.
func hexOf(s string) string { return hex.EncodeToString([]byte(s)) }

// hexBytes writes each byte of s by format, with separator between them.
func hexBytes(s, format, separator string) string {
	written := make([]string, len(s))
	for i := range len(s) {
		written[i] = fmt.Sprintf(format, s[i])
	}
	return strings.Join(written, separator)
}

// cLiterals writes the bytes of s as C's hex literals, as a debug printer
// writes a buffer (0x6d, 0x6f).
func cLiterals(s string) string { return hexBytes(s, "0x%02x", ", ") }

// shifted writes the characters first to last of s from to on.
func shifted(s string, first, last, to rune) string {
	return strings.Map(func(c rune) rune {
		if first <= c && c <= last {
			return c - first + to
		}
		return c
	}, s)
}

// quotedPrintable writes = as quoted-printable does, =3D, the one character
// of a key it must escape.
func quotedPrintable(s string) string { return strings.ReplaceAll(s, "=", "=3D") }

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
// ASCII letter case: a run of 10 of its characters (the whole key when
// shorter) in any form of KeyForms or Base64KeyForms, in text as it is or
// with what KeySplit matches and white space taken out and &amp; read as &
// (an HTML page's escape of a character reference); "" when there is none.
func LeakedKey(text, key string) string {
	type needle struct{ form, text string }
	var needles []needle
	run := min(10, len(key))
	for i := 0; i+run <= len(key); i++ {
		for _, form := range append(KeyForms(), Base64KeyForms()...) {
			if form.run != nil {
				if written := strings.Join(strings.Fields(form.run(key[i:i+run])), ""); written != "" {
					needles = append(needles, needle{fmt.Sprintf("characters %d to %d of the key, %s", i+1, i+run, form.Name), foldASCII(written)})
				}
			}
		}
	}
	joined := strings.Join(strings.Fields(KeySplit.ReplaceAllString(strings.ReplaceAll(text, "&amp;", "&"), " ")), "")
	for _, reading := range []struct{ text, how string }{{text, ""}, {joined, ", split by white space"}} {
		folded := foldASCII(reading.text)
		for _, n := range needles {
			if strings.Contains(folded, n.text) {
				return n.form + reading.how
			}
		}
	}
	return ""
}

// KeySplit matches what LeakedKey reads as splitting a key besides white
// space: the splits of KeyForms, as written and as decoded (a soft line
// break written in an excerpt as "= ", a colour's escape and a tag escaped
// as Go, JSON or HTML escape them, once or more).
var KeySplit = regexp.MustCompile(`=\s+|=\\r\\n|\\[nb]|[\x{200b}\x{034f}\x{08}]|(?:\x1b|\\+u001b|\\+x1b)\[1;31m|` +
	`(?:<|&lt;|\\+u003c)/?b(?:>|&gt;|\\+u003e)`)

// jsonEscapeAll writes every character but letters and digits as \u00XX.
func jsonEscapeAll(s string) string { return escapeAll(s, `\u%04x`) }

// escapeAll writes every character but letters and digits by format.
func escapeAll(s, format string) string {
	var b strings.Builder
	for _, c := range s {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			b.WriteRune(c)
		} else {
			fmt.Fprintf(&b, format, c)
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
