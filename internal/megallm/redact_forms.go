package megallm

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strings"
	"unicode/utf8"
)

// startBits is how many bits redactor.starts has, as a power of 2: a key's
// runs, 435 for a key of 32 characters, set 368 (4.5 %) of 2^13 (1 KB).
const startBits = 13

// startBit is the bit of redactor.starts for a run or a text that begins
// with b's first 4 bytes (every run is at least MinKeyLength long), hashed.
func startBit(b []byte) uint32 {
	return binary.LittleEndian.Uint32(b) * 0x9e3779b1 >> (32 - startBits) // Fibonacci hashing
}

func newRedactor(keys ...string) redactor {
	var r redactor
	for _, key := range keys {
		key = strings.TrimSpace(key)
		text, _ := fold([]byte(key), nil)
		folded := string(text)
		if utf8.RuneCountInString(folded) < MinKeyLength || slices.Contains(r.keys, folded) {
			continue
		}
		r.keys = append(r.keys, folded)
		run := min(MinKeyRun, len(folded))
		r.addRuns(run, edges{}, false, folded)
		// Also a shorter key's: hex of 5 characters is 10. And of the key in
		// either letter case, as a server may write it before it encodes it.
		for _, cased := range []string{key, strings.ToLower(key), strings.ToUpper(key)} {
			r.addEncodedRuns(cased)
		}
		if r.shortest == 0 || run < r.shortest {
			r.shortest = run
		}
	}
	return r
}

// edges is how many base64 characters before and after a form of the key
// hold some of its bits too: those of the groups of 3 bytes that the key
// shares with the bytes around it (2 or 3 for 1 or 2 bytes of the key), which
// are replaced with the form; the = padding after them goes too.
type edges struct{ before, after int }

// addRuns adds to the runs looked for every substring n bytes long of form,
// and of it without its slashes, the first with its edges.before, the last
// with its edges.after; a form shorter than n adds none. Of a base64 form
// (grouped), each that starts or ends between two of its groups of 4
// characters has the most edges a group can have there too: where a run of
// the key that starts or ends inside the group is encoded, the bytes around
// it share the group.
func (r *redactor) addRuns(n int, around edges, grouped bool, form string) {
	const group, mostShared = 4, 3
	for slashless, form := range []string{form, strings.ReplaceAll(form, "/", "")} {
		aligned := grouped && slashless == 0 // without its slashes, a form's groups are not every 4 characters
		for i := 0; i+n <= len(form); i++ {
			if r.runs == nil {
				r.runs = map[int]map[string]edges{}
			}
			if r.runs[n] == nil {
				r.runs[n] = map[string]edges{}
			}
			if r.starts == nil {
				r.starts = make([]uint64, 1<<startBits/64)
			}
			bit := startBit([]byte(form[i : i+n]))
			r.starts[bit/64] |= 1 << (bit % 64)
			e := r.runs[n][form[i:i+n]]
			switch {
			case i == 0:
				e.before = max(e.before, around.before)
			case aligned && i%group == 0:
				e.before = max(e.before, mostShared)
			}
			switch {
			case i+n == len(form):
				e.after = max(e.after, around.after)
			case aligned && (i+n)%group == 0:
				e.after = max(e.after, mostShared)
			}
			r.runs[n][form[i:i+n]] = e
		}
	}
}

// addEncodedRuns adds the runs of key in hex and in base64 (standard and
// URL-safe), folded as text is: base64 in each of the three alignments the
// key can have in what was encoded (such as "Bearer KEY"), cut to the
// characters that only the key's bytes decide, with the edges that the bytes
// cut off share with the bytes around the key.
func (r *redactor) addEncodedRuns(key string) {
	r.addRuns(MinKeyRun, edges{}, false, hex.EncodeToString([]byte(key)))
	shared := [3]int{0, 2, 3} // characters of a group that 0, 1 or 2 of its bytes decide in part
	for skip := range 3 {
		aligned := []byte(key)[skip:]
		rest := len(aligned) % 3
		aligned = aligned[:len(aligned)-rest]
		for _, encoding := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			r.addRuns(MinKeyRun, edges{shared[skip], shared[rest]}, true, string(foldASCII([]byte(encoding.EncodeToString(aligned)))))
		}
	}
}
