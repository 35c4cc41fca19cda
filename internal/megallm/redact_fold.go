package megallm

import (
	"slices"
	"unicode/utf8"
)

// fold is text as the key is looked for in it: its ASCII letters lower-cased,
// in place, and its compatibility characters written in the ASCII they stand
// for (asciiForm), in a new text when it has any, with where each of its
// bytes came from, given from for text's (nil: text is what is scrubbed).
func fold(text []byte, from []span) ([]byte, []span) {
	foldASCII(text)
	var folded []byte
	var foldedFrom []span
	i := 0
	for i < len(text) && text[i] < utf8.RuneSelf { // most texts are ASCII
		i++
	}
	for i < len(text) {
		form, n := string(text[i:i+1]), 1
		if text[i] >= utf8.RuneSelf {
			if ascii, size := asciiForm(text[i:]); size > 0 {
				form, n = ascii, size
			}
		}
		if n > 1 && folded == nil { // the first compatibility character
			folded, foldedFrom = append(make([]byte, 0, len(text)), text[:i]...), make([]span, i, len(text))
			for j := range i {
				foldedFrom[j] = origin(from, j, j+1)
			}
		}
		if folded != nil {
			for range len(form) {
				foldedFrom = append(foldedFrom, origin(from, i, i+n))
			}
			folded = append(folded, form...)
		}
		i += n
	}
	if folded == nil {
		return text, from
	}
	return foldASCII(folded), foldedFrom
}

// asciiForm is the ASCII that Unicode's compatibility decomposition (NFKC)
// writes the character text starts with in, and its length, for the forms a
// server may lay a key out in: full-width ｈ, mathematical 𝐡 and 𝟏, circled ⓗ
// and the ligatures ﬁ and ﬀ, and every other character it writes as one
// letter or digit (nfkcLetters); "" and 0 for any other character. (The
// standard library, all that megallm imports, has no NFKC tables.)
func asciiForm(text []byte) (string, int) {
	const printable = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
	ascii := func(c rune) string { return printable[c-'!' : c-'!'+1] }         // string(c) would allocate
	letter := func(i rune) string { return ascii('A' + i + i/26*('a'-'Z'-1)) } // the i-th of A to Z, a to z
	c, size := utf8.DecodeRune(text)
	switch {
	case 0xff01 <= c && c <= 0xff5e: // full-width ！ to ～
		return ascii(c - 0xfee0), size
	case 0x1d400 <= c && c < 0x1d6a4: // 13 mathematical alphabets of A to Z, a to z
		return letter((c - 0x1d400) % 52), size
	case 0x24b6 <= c && c <= 0x24e9: // circled Ⓐ to Ⓩ, ⓐ to ⓩ
		return letter(c - 0x24b6), size
	case 0x1d7ce <= c && c <= 0x1d7ff: // 5 mathematical sets of 0 to 9
		return ascii('0' + (c-0x1d7ce)%10), size
	case 0xfb00 <= c && c <= 0xfb06: // ﬀ, ﬁ, ﬂ, ﬃ, ﬄ, ﬅ, ﬆ
		return [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}[c-0xfb00], size
	}
	if i, ok := slices.BinarySearch(nfkcLetters, c); ok {
		return nfkcLettersASCII[i : i+1], size
	}
	return "", 0
}

// nfkcLetters are, in code point order, the characters outside asciiForm's
// ranges that NFKC writes as one ASCII letter or digit, and nfkcLettersASCII
// that letter or digit: super- and subscripts (ᵏ, ₖ), the letterlike symbols
// that fill the gaps of the mathematical alphabets (ℎ, ℋ, ℭ, ℝ), circled
// digits ①, squared letters 🄰, segmented digits 🯱, Roman numerals Ⅰ, ſ and
// the Kelvin sign K. TestAsciiForm_isNFKC checks them against Unicode's table.
var nfkcLetters = []rune("ª²³¹ºſʰʲʳʷʸˡˢˣᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁᵂᵃᵇᵈᵉᵍᵏᵐᵒᵖᵗᵘᵛᵢᵣᵤᵥᶜᶠᶻ⁰ⁱ⁴⁵⁶⁷⁸⁹ⁿ₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜℂℊℋℌℍℎℐℑℒℓℕℙℚℛℜℝℤℨKℬℭℯℰℱℳℴℹⅅⅆⅇⅈⅉⅠⅤⅩⅬⅭⅮⅯⅰⅴⅹⅼⅽⅾⅿ①②③④⑤⑥⑦⑧⑨⓪ⱼⱽꟲꟳꟴ𐞥🄫🄬🄰🄱🄲🄳🄴🄵🄶🄷🄸🄹🄺🄻🄼🄽🄾🄿🅀🅁🅂🅃🅄🅅🅆🅇🅈🅉🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹")

const nfkcLettersASCII = "a231oshjrwylsxABDEGHIJKLMNOPRTUWabdegkmoptuviruvcfz0i456789n0123456789aeoxhklmnpstCgHHHhIILlNPQRRRZZKBCeEFMoiDdeijIVXLCDMivxlcdm1234567890jVCFQqCRABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// foldASCII lower-cases the ASCII letters of b in place and returns it.
func foldASCII(b []byte) []byte {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return b
}
