package megallm

import "strings"

// NormaliseCurrency reads a currency code as a person does: white space
// around it is ignored and letter case does not matter, so " usd " is "USD".
// It reports false for a code that is not then three ASCII letters.
func NormaliseCurrency(code string) (string, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) != 3 {
		return code, false
	}
	for i := range len(code) {
		if code[i] < 'A' || code[i] > 'Z' {
			return code, false
		}
	}
	return code, true
}
