package megallm

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestRedactor_rule pins the one rule: any run of 10 key characters, in any
// letter case, full-width or another compatibility form, under any layer of
// escapes, split by white space, control or invisible characters, ANSI
// colours, HTML tags, soft line breaks or slashes or not, and in hex, with a
// hex dump's marks between bytes (split so too) or not, or base64 (with the
// characters it shares with the bytes around it), is replaced; a
// shorter key is replaced whole where no letter or digit makes it part of a
// longer word; shorter runs of a longer key are left (they give nothing
// away); and a cut-off text loses an end that starts the key, split or not
// (a shorter key's, where it starts a word).
func TestRedactor_rule(t *testing.T) {
	t.Parallel()
	const key = "sk-Ab/Cd+Ef=Gh_Ij-Kl"
	cases := []struct {
		name, key, text, want string
		cut                   bool
	}{
		{"as sent", key, "key " + key + ".", "key ***.", false},
		{"lower-cased", key, "key sk-ab/cd+ef=gh_ij-kl.", "key ***.", false},
		{"a run of 10 in the middle", key, "key Cd+Ef=Gh_I.", "key ***.", false},
		{"a run of 9 is left", key, "key Cd+Ef=Gh_ or sk-", "key Cd+Ef=Gh_ or sk-", false},
		{"JSON-escaped slash", key, `"sk-Ab\/Cd+Ef=Gh_Ij-Kl"`, `"***"`, false},
		{"JSON unicode escapes, upper-case hex", key, `"sk\u002DAb\u002FCd\u002BEf=Gh_Ij-Kl"`, `"***"`, false},
		{"percent-encoded, lower-case hex", key, "?k=sk-Ab%2fCd%2bEf%3dGh_Ij-Kl&x=1", "?k=***&x=1", false},
		{"percent-encoded twice", key, "?k=sk-Ab%252FCd%252BEf%253DGh_Ij-Kl", "?k=***", false},
		{"JSON-escaped twice", key, `"{\"k\":\"sk-Ab\\/Cd+Ef=Gh_Ij-Kl\"}"`, `"{\"k\":\"***\"}"`, false},
		{"percent-encoded in a JSON string", key, `"sk-Ab%2FCd%2BEf%3DGh\u005fIj-Kl"`, `"***"`, false},
		{"HTML character references", key, "<p>sk-Ab&#x2F;Cd&plus;Ef&#61;Gh_Ij-Kl</p>", "<p>***</p>", false},
		{"HTML named references for any printable character", "sk.proj:Ab[Cd]Ef|Gh", "<p>sk&period;proj&colon;Ab&lsqb;Cd&rsqb;Ef&verbar;Gh</p>", "<p>***</p>", false},
		{"split in HTML by &NewLine;, &Tab; and &NegativeVeryThinSpace;", key, "<p>sk-Ab/Cd&NewLine;+Ef=Gh_&Tab;Ij-&NegativeVeryThinSpace;Kl</p>", "<p>***</p>", false},
		{"the key holds an escape", "abc%41def\\/ghij", "abc%41DEF\\/ghij!", "***!", false},
		{"short key in another case", "k/y+Z=_", "key K/Y+z=_ and k%2Fy%2Bz%3D_", "key *** and ***", false},
		{"twice, overlapping", key, "sk-Ab/Cd+Ef=Gh_Ij-sk-Ab/Cd+Ef=Gh_Ij-Kl", "***", false},
		{"base64", key, "bad key c2stQWIvQ2QrRWY9R2hfSWotS2w=", "bad key ***", false},
		{"base64 of the header", key, "<html>refused QmVhcmVyIHNrLUFiL0NkK0VmPUdoX0lqLUts</html>", "<html>refused QmVhcmVyI***</html>", false},
		{"URL-safe base64, another alignment", key, "t=eHNrLUFiL0NkK0VmPUdoX0lqLUts;", "t=e***;", false},
		{"base64 of a run inside the key, between other bytes", key, "t=ey9DZCtFZj1HaF9Jai19fQ==;", "t=e***9fQ==;", false},
		{"hex, upper case", key, "key 736B2D41622F43642B45663D47685F496A2D4B6C.", "key ***.", false},
		{"a short key inside longer words is left", "test", "the latest attestation, Testing", "the latest attestation, Testing", false},
		{"a short key as a word of its own", "test", "Test failed: key test, KEY=TEST.", "*** failed: key ***, KEY=***.", false},
		{"a short key as a word under escapes", "test", `Bearer%20test "\u0074est"`, `Bearer%20*** "***"`, false},
		{"a short key beside an underscore or a digit", "local", "local_2 local2 2local", "***_2 local2 2local", false},
		{"a short key beside a letter that is not ASCII", "empty", "émpty EMPTYé EMPTY", "émpty EMPTYé ***", false},
		{"a short key of punctuation and letters", "k/y+Z=_", "xk/y+Z=_ k/y+Z=_x k/y+Z=_.", "xk/y+Z=_ ***x ***.", false},
		{"a short key's start at a cut, as a word", "local", "not found: loca", "not found: ***", true},
		{"a short key's start at a cut, inside a word", "local", "could not alloca", "could not alloca", true},
		{"base64 of a short key is not looked for", "k/y+Z=_", "a35ReitaPV8=", "a35ReitaPV8=", false},
		{"hex of a short key", "k/y+Z=_", "key 6B2F792B5A3D5F.", "key ***.", false},
		{"hex of a short key, bytes split by spaces", "k/y+Z=_", "key: 6b 2f 79 2b 5a 3d 5f", "key: ***", false},
		{"hex of a key of 4 characters is too short", "k/y+", "key 6b2f792b.", "key 6b2f792b.", false},
		{"hex bytes split by colons, as a hex dump writes them", key, "key 73:6b:2d:41:62:2f:43:64:2b:45:66:3d:47:68:5f:49:6a:2d:4b:6c.", "key ***.", false},
		{"hex bytes split by dashes, upper case", key, "key 73-6B-2D-41-62-2F-43-64-2B-45-66-3D-47-68-5F-49-6A-2D-4B-6C.", "key ***.", false},
		{"hex bytes as C literals", key, "{0x73, 0x6b, 0x2d, 0x41, 0x62, 0x2f, 0x43, 0x64, 0x2b, 0x45, 0x66}", "{***}", false},
		{"hex bytes as C literals, wrapped", key, "{0x73, 0x6b, 0x2d, 0x41,\n  0x62, 0x2f, 0x43, 0x64}", "{***}", false},
		{"hex bytes as C literals between spaces alone", key, "{0x73 0x6b 0x2d 0x41 0x62}", "{***}", false},
		{"hex bytes as C literals without spaces", key, "{0x73,0x6b,0x2d,0x41,0x62,0x2f,0x43,0x64,0x2b,0x45}", "{***}", false},
		{"a hex literal, upper-case 0X", key, "key=0X736B2D41622F43642B45663D47685F496A2D4B6C.", "key=***.", false},
		{"hex bytes as C literals, cut", key, "{0x73, 0x6b, 0x2d, 0x41, 0x62", "{***", true},
		{"hex bytes as \\x escapes", key, `"\x73\x6b\x2d\x41\x62\x2f\x43\x64\x2b\x45\x66"`, `"***"`, false},
		{"hex bytes split by colons and by colours", key, "key 73:6b:\x1b[31m2d:41:6\x1b[0m2:2f.", "key ***.", false},
		{"hex bytes split by commas, each in a tag", key, "<i>0x73</i>, <i>0x6b</i>, <i>0x2d</i>, <i>0x41</i>, <i>0x62</i>", "<i>***</i>", false},
		{"hex bytes of a short key split by colons", "k/y+Z=_", "key 6b:2f:79:2b:5a:3d:5f.", "key ***.", false},
		{"hex bytes of 4 characters split are left", key, "key 73:6b:2d:41 or 0x62, 0x2f, 0x43, 0x64.", "key 73:6b:2d:41 or 0x62, 0x2f, 0x43, 0x64.", false},
		{"MAC addresses, dates, times and hex literals are left", key, "de:ad:be:ef:00:01 2024-07-23T12:34:56 0x7f,0x45", "de:ad:be:ef:00:01 2024-07-23T12:34:56 0x7f,0x45", false},
		{"full-width", key, "key ｓｋ－Ａｂ／Ｃｄ＋Ｅｆ＝Ｇｈ＿Ｉｊ－Ｋｌ.", "key ***.", false},
		{"mathematical bold and circled letters", key, "key 𝐬𝐤-𝐀𝐛/ⓒⓓ+𝐄𝐟=𝐆𝐡_𝐈𝐣-𝐊𝐥.", "key ***.", false},
		{"full-width, JSON-escaped", key, `"\uff53\uff4b\uff0d\uff21\uff42\uff0f\uff23\uff44\uff0b\uff25\uff46"`, `"***"`, false},
		{"mathematical bold, as Python's json.dumps writes it (surrogate pairs)", key, `{"error": "bad key \ud835\udc2c\ud835\udc24-\ud835\udc00\ud835\udc1b/\ud835\udc02\ud835\udc1d+\ud835\udc04\ud835\udc1f=\ud835\udc06"}`, `{"error": "bad key ***"}`, false},
		{"mathematical bold, as Jackson's escapeNonAscii writes it", key, `"\uD835\uDC2C\uD835\uDC24-\uD835\uDC00\uD835\uDC1B/\uD835\uDC02\uD835\uDC1D+\uD835\uDC04\uD835\uDC1F"`, `"***"`, false},
		{"mathematical bold, as Go's QuoteToASCII and Python's ascii() write it", key, `'bad key \U0001d42c\U0001d424-\U0001d400\U0001d41b/\U0001d402\U0001d41d+\U0001d404\U0001d41f'`, `'bad key ***'`, false},
		{"\\U escaped again, as JSON writes ascii()'s text", key, `"bad key \\U0001d42c\\U0001d424-\\U0001d400\\U0001d41b/\\U0001d402\\U0001d41d+\\U0001d404"`, `"bad key ***"`, false},
		{"lone and mismatched surrogates read as U+FFFD and take only their own escape", key, `\ud835\u0073k-Ab/Cd+Ef=Gh_Ij-Kl \udc2c\ud835 \ud835\ud835\u0041b/Cd+Ef=Gh`, `\ud835*** \udc2c\ud835 \ud835\ud835***`, false},
		{"a \\u escape before hex digits is 4 digits long", "sk-0041bcdef9876", `key \u0073k-0041bcdef9876`, `key ***`, false},
		{"full-width under three layers of escapes", key, "sk-Ab/Cd&amp;amp;#xff0b;Ef=Gh_Ij&amp;amp;#xff0d;Kl", "***", false},
		{"a ligature for two of its characters", "sk-Prefix-Key", "key sk-Pre\ufb01x-Key.", "key ***.", false},
		{"a short key full-width, as a word", "test", "key ｔｅｓｔ, ｌａｔｅｓｔ.", "key ***, ｌａｔｅｓｔ.", false},
		{"full-width text without the key is left", key, "モデル「ｇｐｔ－４ｏ」は見つかりません…（ｍ²，Ⅱ）", "モデル「ｇｐｔ－４ｏ」は見つかりません…（ｍ²，Ⅱ）", false},
		// A server may change the key's letter case before it encodes it.
		{"hex of the key lower-cased", key, "key 736b2d61622f63642b65663d67685f696a2d6b6c.", "key ***.", false},
		{"hex of the key upper-cased", key, "key 534b2d41422f43442b45463d47485f494a2d4b4c.", "key ***.", false},
		{"hex of a short key upper-cased", "k/y+Z=_", "key 4B2F592B5A3D5F.", "key ***.", false},
		{"base64 of the key lower-cased", key, "bad key c2stYWIvY2QrZWY9Z2hfaWota2w=", "bad key ***", false},
		{"wrapped across lines", key, "key sk-Ab/Cd+Ef\n    =Gh_Ij-Kl.", "key ***.", false},
		{"wrapped with a JSON \\n", key, `"sk-Ab/Cd+E\nf=Gh_Ij-Kl"`, `"***"`, false},
		{"percent-encoded zero-width space inside", key, "?k=sk-Ab%2FCd%E2%80%8B+Ef=Gh_Ij-Kl&x=1", "?k=***&x=1", false},
		{"zero-width spaces inside", key, "sk-Ab\u200b/Cd+Ef=\u200bGh_Ij-Kl", "***", false},
		{"grouped by spaces and a soft hyphen", key, "key sk-Ab /Cd+E f=Gh_\u00adIj-Kl.", "key ***.", false},
		{"split in HTML by &shy;, &nbsp;, &ZeroWidthSpace; and <wbr>", key, "<td>sk-Ab&shy;/Cd+&nbsp;Ef=&ZeroWidthSpace;Gh_<wbr>Ij-Kl</td>", "<td>***</td>", false},
		{"split by backspaces, as bytes and as \\b, and by \\v", key, "sk-Ab/C\bd+Ef=G\\bh_Ij-\\vKl", "***", false},
		{"split by combining grapheme joiners", key, "sk-Ab/C\u034fd+Ef=G\u034fh_Ij-Kl", "***", false},
		{"split by quoted-printable soft line breaks", key, "sk-Ab/Cd=\r\n+Ef=Gh_=\nIj-Kl", "***", false},
		{"split by soft line breaks, its = before a tag", "abcdefg=hi", "key abc=\r\ndefg=<b>hi</b>.", "key ***</b>.", false},
		{"soft line breaks as an excerpt writes them", key, "sk-Ab/Cd= +Ef=Gh_= Ij-Kl", "***", false},
		{"quoted-printable, = as =3D", key, "key=3Dsk-Ab/Cd+Ef=3DGh_=\r\nIj-Kl.", "key=3D***.", false},
		{"soft line breaks under three layers of escapes", key, `sk-Ab/Cd=\\\\n+Ef=Gh_=\\\\nIj-Kl`, "***", false},
		{"=XX other than =3D is left", "the-base-url-0123", "status=404 ts=2026", "status=404 ts=2026", false},
		{"split by HTML tags marking part of it", key, "<td>sk-Ab/Cd<b>+Ef=Gh</b>_Ij-Kl</td>", "<td>***</td>", false},
		{"split by HTML tags with attributes", key, `<span class="k">sk-Ab/C</span><span class="k">d+Ef=Gh_</span>Ij-Kl`, `<span class="k">***`, false},
		{"split by HTML tags, JSON-escaped", key, `"sk-Ab/Cd\u003cB\u003e+Ef=Gh\u003c/B\u003e_Ij-Kl"`, `"***"`, false},
		{"split by ANSI colours", key, "sk-Ab/Cd\x1b[1;31m+Ef=Gh\x1b[0m_Ij-Kl", "***", false},
		{"split by ANSI colours, JSON-escaped", key, `sk-Ab/Cd\u001b[31m+Ef=Gh\u001B[0m_Ij-Kl`, "***", false},
		{"tags and colours around other text are left", key, "<b>gpt-4o</b> \x1b[31merror\x1b[0m <a href=x>", "<b>gpt-4o</b> \x1b[31merror\x1b[0m <a href=x>", false},
		{"split by slashes, as pasted into a URL path", key, "https://gw.test/v1/sk-Ab/Cd/+Ef=Gh/_Ij-Kl/models", "https://gw.test/v1/***/models", false},
		{"dashes for spaces are not the key", "the-base-url-0123", "set the base URL", "set the base URL", false},
		{"slashes for dashes are not the key", "the-base-url-0123", "set the/base/url/0123", "set the/base/url/0123", false},
		{"base64 wrapped at a line break", key, "QmVhcmVyIHNrLUFi\r\nL0NkK0VmPUdoX0lqLUts", "QmVhcmVyI***", false},
		{"split, a run of 9 is left", key, "key Cd+Ef =Gh_.", "key Cd+Ef =Gh_.", false},
		{"a short key split is not looked for", "k/y+Z=_", "key k/y +Z=_", "key k/y +Z=_", false},
		{"no key", key, "model gpt-4o not found", "model gpt-4o not found", false},
		{"not escapes", key, `&#; &#x; &#xzz; &nope; %zz \u12 \x`, `&#; &#x; &#xzz; &nope; %zz \u12 \x`, false},
		{"cut after the start of the key", key, "key sk-Ab/C", "key ***", true},
		{"cut in an escape", key, "key sk-Ab%2", "key ***", true},
		{"cut in quoted-printable's =3D", "sk-A=b/Cd+Ef_Gh", "key sk-A=3", "key ***", true},
		{"cut after a key=value's =, which is no escape", "team-platform-prod-2026", "level=error team=", "level=error team=", true},
		{"quoted-printable, cut inside a soft line break", key, "key=3Dsk-A=\r\nb/Cd=", "key=3D***", true},
		{"quoted-printable, cut right after the first soft line break's =", key, "key sk-Ab/C=", "key ***", true},
		{"quoted-printable, cut inside an escaped soft line break", key, `"key=3Dsk-A=\r\nb/Cd=\`, `"key=3D***`, true},
		{"cut between the escapes of one character", key, "key sk-Ab/C%EF%BD", "key ***", true},
		{"cut between the halves of a surrogate pair", key, `key \ud835\udc2c\ud835\udc24-\ud835\udc00\ud835\udc1b/\ud835`, "key ***", true},
		{"cut inside a surrogate pair's second half", key, `key \ud835\udc2c\ud835\udc24-\ud835\udc00\ud835\udc1b/\ud835\udc`, "key ***", true},
		{"cut inside a \\U escape", key, `key \U0001d42c\U0001d424-\U0001d400\U0001d41b/\U0001d4`, "key ***", true},
		{"cut after 3 characters", key, "key sk-", "key sk-", true},
		{"split and cut after 9 characters", key, "key sk-Ab/Cd\n+", "key ***", true},
		{"split by zero-width spaces and cut", key, "key sk-\u200bAb/\u200bCd", "key ***", true},
		{"full-width and cut", key, "key ｓｋ－Ａｂ／Ｃ", "key ***", true},
		{"split by slashes and cut", key, "https://gw.test/v1/sk-Ab/Cd/+E", "https://gw.test/v1/***", true},
		{"split by a tag and cut inside the next", key, `key sk-Ab<i>/Cd<span class="x`, "key ***", true},
		{"split by a tag and cut inside an escape inside it", key, "key sk-Ab%3Cb%2", "key ***", true},
		{"split by a colour and cut inside the next", key, "key sk-Ab\x1b[1m/Cd\x1b[3", "key ***", true},
		{"a < before the key does not hide the escape the cut split", key, "a <b or key sk-Ab/Cd%2", "a <b or key ***", true},
		{"cut, without its slashes, a colour after its =", "Ab/c=De/fghijklmn", "key Abc=\x1b[0mDe", "key ***", true},
		{"not cut: the start of the key stays", key, "key sk-Ab/C", "key sk-Ab/C", false},
	}
	// The rule holds for each key of a redactor with several, long or short,
	// before or after the others.
	const other, short = "unrelated-other-key-9z8y", "q7w4"
	for _, tc := range cases {
		for _, keys := range [][]string{{tc.key}, {other, tc.key}, {tc.key, other, short}, {short, tc.key}} {
			if got := scrubChecked(t, newRedactor(keys...), tc.text, tc.cut); got != tc.want {
				t.Errorf("%s, keys %q: got %q, want %q", tc.name, keys, got, tc.want)
			}
		}
	}
}

// TestRedactor_shortcutsChangeNothing: the redactor's shortcuts (it looks a
// run up only where the bytes there may start one, and does not read a text
// that has neither / nor = once more without slashes) replace
// what it replaces without them, in every form mockapi writes a key in, with
// its slashes or without (a cut one's start is read without them), alone or
// in a server's texts, cut or not, and in a synthetic catalog's models.
// TestRedactor_rule and FuzzRedact compare them too.
func TestRedactor_shortcutsChangeNothing(t *testing.T) {
	t.Parallel()
	keys := []string{"sk-Ab/Cd+Ef=Gh_Ij-Kl", "sk-proj-h156Vb3Nm7Qx9Zr2Lt5Wp8Kc", "k/y+Z=_", "test"}
	var texts []string
	for _, key := range keys {
		for _, form := range append(mockapi.KeyForms(), mockapi.Base64KeyForms()...) {
			for _, written := range []string{form.Write(key), strings.ReplaceAll(form.Write(key), "/", "")} {
				texts = append(texts, written, "invalid api key "+written+" (code invalid_api_key)",
					`{"token":"`+written+`"}`, "https://gw.test/v1/"+written+"/models", "key: "+written[:len(written)/2])
			}
		}
	}
	for _, model := range mockapi.SyntheticModels(50) {
		texts = append(texts, string(model))
	}
	r := newRedactor(keys...)
	for _, text := range texts {
		scrubChecked(t, r, text, false)
		scrubChecked(t, r, text, true)
	}
}

// TestRedactor_severalKeys: a redactor with several keys replaces each in
// one text, where they touch too, and a repeated key is held once.
func TestRedactor_severalKeys(t *testing.T) {
	t.Parallel()
	r := newRedactor("sk-First-Key-0123456789", " sk-first-key-0123456789\n", "sk-Second/Key+abcdef", "k3y9", "")
	if len(r.keys) != 3 {
		t.Errorf("keys = %q, want the three different keys", r.keys)
	}
	for text, want := range map[string]string{
		"a sk-First-Key-0123456789 b sk-Second/Key+abcdef c": "a *** b *** c",
		"sk-Second%2FKey%2Babcdefsk-first-key-0123456789":    "***",
		"K3Y9 and c2stU2Vjb25kL0tleSthYmNkZWY=":              "*** and ***",
		"sk-Second\n/Key+abcdef, k 3y9":                      "***, k 3y9",
	} {
		if got := r.String(text); got != want {
			t.Errorf("String(%q) = %q, want %q", text, got, want)
		}
	}
	if got := r.truncated("key sk-Sec"); got != "key ***" {
		t.Errorf("truncated: got %q, want the start of the second key dropped", got)
	}
}

// TestRedactor_shortTextIsNotRead: a text shorter than a run of the key
// cannot hold one in any reading (each is as long as the text or shorter),
// so it is returned as it is, without the readings' work: a catalog's ids,
// owners and types are mostly such texts, each scrubbed since the server
// may write the key into them. Allocations count the work.
func TestRedactor_shortTextIsNotRead(t *testing.T) {
	r := newRedactor("sk-Ab/Cd+Ef=Gh_Ij-Kl")
	for _, s := range []string{"gpt-4o", "openai", "chat", "Cd+Ef=Gh_"} {
		if n := testing.AllocsPerRun(100, func() { _ = r.String(s) }); n != 0 {
			t.Errorf("String(%q) makes %.0f allocations, want 0", s, n)
		}
	}
	if got := r.String("Cd+Ef=Gh_I"); got != redactedKey {
		t.Errorf("String of a run of the key = %q, want %q", got, redactedKey)
	}
}

// TestRedactor_catalogTextAllocatesNothing: a catalog's text without the key
// (an id with a slash, dashes and hex-like digits, a display name with
// spaces, an owner) is read in every reading with no allocation: each of a
// fetch's thousands of models has several. Allocations count the work.
func TestRedactor_catalogTextAllocatesNothing(t *testing.T) {
	r := newRedactor("sk-proj-h156Vb3Nm7Qx9Zr2Lt5Wp8Kc")
	for _, s := range []string{"meta-llama/Llama-3.1-70B-Instruct", "gpt-4o-2024-08-06", "Llama 3 Instruct #42", "mistral-ai-team"} {
		if n := testing.AllocsPerRun(100, func() { _ = r.String(s) }); n != 0 {
			t.Errorf("String(%q) makes %.0f allocations, want 0", s, n)
		}
	}
}

// TestRedactor_keyShorterThanMinKeyLengthIsNotLookedFor: a key of fewer than
// MinKeyLength characters (the provider refuses one) is in too many words to
// be replaced in them: the text stays as it is, cut or not, and the other
// keys are still replaced.
func TestRedactor_keyShorterThanMinKeyLengthIsNotLookedFor(t *testing.T) {
	t.Parallel()
	const text = "Invalid key-x/ab for gpt-4o: see https://gw.test/v1/ab"
	for _, key := range []string{"a", "-", "x/", "ab", " k3y\n", "é"} {
		r := newRedactor(key, "sk-Other-Key-0123456789")
		if got := r.String(text); got != text {
			t.Errorf("key %q: String = %q, want the text as it is", key, got)
		}
		if got := r.truncated(text); got != text {
			t.Errorf("key %q: truncated = %q, want the text as it is", key, got)
		}
		if got := r.String("a sk-other-key-0123456789"); got != "a ***" {
			t.Errorf("key %q beside a long one: got %q, want the long one replaced", key, got)
		}
	}
	if got := newRedactor("k3y9").String("K3Y9 sent"); got != "*** sent" {
		t.Errorf("a key of MinKeyLength characters: got %q, want it replaced", got)
	}
}

// TestRedactor_ordinaryTextIsLeft: for a realistic key, and for the short
// words that local gateways take as keys, what servers write without it
// (model ids, owners, an error, an HTML page, a coloured log line, words
// that hold the short ones) comes back as it is, in every reading the rule
// makes of it.
func TestRedactor_ordinaryTextIsLeft(t *testing.T) {
	t.Parallel()
	r := newRedactor("sk-proj-h156Vb3Nm7Qx9Zr2Lt5Wp8Kc", "test", "EMPTY", "local")
	for _, text := range []string{
		"gpt-4o-latest", "Testing the emptyset allocator locally: 200 OK, 3 tests passed",
		"gpt-4o", "openai", "anthropic", "meta-llama/Llama-3.1-70B-Instruct", "claude-3-5-sonnet-20241022",
		"HTTP 404 Not Found: The model `gpt-4o-mini` does not exist or you do not have access to it. (type invalid_request_error, code model_not_found)",
		`<html><body><h1>502 Bad Gateway</h1><p>upstream <b>api.megallm.io</b> refused the connection</p><hr><center>nginx</center></body></html>`,
		"\x1b[1;31mERROR\x1b[0m upstream timed out (110: Connection timed out) while reading response header, request: \"GET /v1/models HTTP/1.1\"",
		`{"error":{"message":"Rate limit reached for gpt-4o in organization org-h156 on tokens per min (TPM): Limit 30000","type":"tokens"}}`,
	} {
		if got := r.String(text); got != text {
			t.Errorf("String(%q) = %q, want it as it is", text, got)
		}
		if got := r.truncated(text); got != text {
			t.Errorf("truncated(%q) = %q, want it as it is", text, got)
		}
	}
}

// TestRedactor_widthIsFoldedInOneCopy: a text with full-width characters
// (a message in Japanese or Chinese has them in every line) is folded into
// one copy, with where each byte came from, not a string per character.
func TestRedactor_widthIsFoldedInOneCopy(t *testing.T) {
	r := newRedactor("sk-Ab/Cd+Ef=Gh_Ij-Kl")
	const text = "モデル「ｇｐｔ－４ｏ」は見つかりません（ｍｏｄｅｌ＿ｎｏｔ＿ｆｏｕｎｄ）"
	if n := testing.AllocsPerRun(100, func() { _ = r.String(text) }); n > 5 {
		t.Errorf("String of a full-width text makes %.0f allocations, want 5 at most", n)
	}
}

// TestRedactor_base64Edges: the key base64-encoded inside longer base64 text
// (after "Bearer ", inside a JSON blob), at each of the 3 byte alignments,
// standard or URL-safe, padded or not, leaves no character that holds any of
// the key's bits: each character kept is the same where every bit of the key
// is flipped. What is around the base64 is kept.
func TestRedactor_base64Edges(t *testing.T) {
	t.Parallel()
	const key = "sk-Ab/Cd+Ef=Gh_Ij-Kl"
	flipped := []byte(key)
	for i := range flipped {
		flipped[i] ^= 0xff
	}
	r := newRedactor(key)
	encodings := map[string]*base64.Encoding{"standard": base64.StdEncoding, "URL-safe": base64.URLEncoding,
		"standard, unpadded": base64.RawStdEncoding, "URL-safe, unpadded": base64.RawURLEncoding}
	for name, encoding := range encodings {
		for _, before := range []string{"", "a", "ab", "Bearer ", `{"api_key":"`} {
			for _, after := range []string{"", "x", "xy", `","n":1}`} {
				encoded := encoding.EncodeToString([]byte(before + key + after))
				other := encoding.EncodeToString(slices.Concat([]byte(before), flipped, []byte(after)))
				out := r.String("bad key " + encoded + ".")
				kept, ok := strings.CutPrefix(out, "bad key ")
				kept, ok2 := strings.CutSuffix(kept, ".")
				head, tail, ok3 := strings.Cut(kept, redactedKey)
				if !ok || !ok2 || !ok3 || !strings.HasPrefix(encoded, head) || !strings.HasSuffix(encoded, tail) ||
					other[:len(head)] != head || other[len(other)-len(tail):] != tail {
					t.Errorf("%s base64 of %q+key+%q: %q keeps a character that holds the key's bits, or what is around it", name, before, after, out)
				}
			}
		}
	}
}

// TestRedactor_cutStartAfterAnyMark: the start of a key at the end of a cut
// text, with its slash or without, is dropped whatever comes before it: a
// separator that a split reading takes out, punctuation it does not, or
// nothing. A reading with nothing to take out once skipped the text, and with
// it the start without the slash after a colon ("x:sk-AbCd+E").
func TestRedactor_cutStartAfterAnyMark(t *testing.T) {
	t.Parallel()
	r := newRedactor("sk-Ab/Cd+Ef=Gh_Ij-Kl")
	marks := []string{"", " ", "\t", "\n", "\b", "\u200b", "\u00ad", "\x1b[31m", "<b>", "/", "= ", ":", "-", ",", ", ",
		"(", `"`, "=", "|", ".", "é", "ｘ"}
	for _, mark := range marks {
		for _, start := range []string{"sk-Ab/C", "sk-AbCd+E", "SK-ABCD+EF=G", "sk-Ab%2", "sk-AbCd%2"} {
			text := "key" + mark + start
			if got, want := r.truncated(text), "key"+mark+redactedKey; got != want {
				t.Errorf("truncated(%q) = %q, want %q", text, got, want)
			}
		}
	}
}
