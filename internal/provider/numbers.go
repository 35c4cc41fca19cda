package provider

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// The rules of the numbers the provider reads, each used by the validators,
// the readers of dynamic values and the functions (DESIGN.md).

// wholeNumberBetween accepts whole numbers from minimum to maximum.
func wholeNumberBetween(minimum, maximum int64) argumentCheck {
	describes := fmt.Sprintf("a whole number from %d to %d", minimum, maximum)
	return argumentCheck{describes: describes, num: func(name string, n *big.Float) string {
		_, err := wholeNumber(name, n, minimum, maximum)
		return sentence(err)
	}}
}

// positiveWholeNumber accepts a count from 1 to math.MaxInt32, of which
// null, not 0 or less, is the absence (limit: keep every model).
func positiveWholeNumber(absent string) argumentCheck {
	words := fmt.Sprintf("a positive whole number (up to %d)", math.MaxInt32)
	return argumentCheck{describes: words, num: func(name string, n *big.Float) string {
		if _, err := wholeNumber(name, n, 1, math.MaxInt32); err != nil {
			fix := wholeFix(n, 1, math.MaxInt32)
			if n.Sign() <= 0 {
				fix = fmt.Sprintf(": leave %s out, or set it to null, %s", name, absent)
			}
			return fmt.Sprintf("%s must be %s, got %s%s.", name, words, numberText(n), fix)
		}
		return ""
	}}
}

// tokenCount is what a token count is: an amount, fractions allowed.
const tokenCount = "a number of tokens, 0 or more (fractions are allowed)"

// amount is the rule of every amount (a price, a token count, a bound): a
// number, 0 or more, that a float64 holds; name is where it was written.
func amount(name string, n *big.Float) (float64, error) {
	f, _ := n.Float64()
	switch {
	case n.Sign() < 0:
		return 0, fmt.Errorf("%s must be 0 or more, got %s", name, numberText(n))
	case math.IsInf(f, 0) && n.MantExp(nil) < 0: // Float64's int32 exponent wraps at big.MinExp
		return 0, nil
	case math.IsInf(f, 0):
		return 0, fmt.Errorf("%s is too large: %s (at most %s)", name, numberText(n), formatNumber(math.MaxFloat64))
	}
	return f, nil
}

// minimumCount is the rule of a minimum that no model need reach (require's
// min_* attributes): a whole number, 0 or more, kept exactly, where one above
// what an int64 holds is more than any model has, as 1e30 days to retirement
// means, up to the largest amount; it is wholeNumber for every other number.
func minimumCount(name string, n *big.Float) (big.Int, error) {
	var whole big.Int
	if n.IsInt() && n.Cmp(new(big.Float).SetInt64(math.MaxInt64)) > 0 {
		if _, err := amount(name, n); err != nil {
			return whole, err // not n.Int: 1e1000000000 would take a gigabit
		}
		n.Int(&whole)
		return whole, nil
	}
	i, err := wholeNumber(name, n, 0, math.MaxInt64)
	whole.SetInt64(i)
	return whole, err
}

// wholeNumber is the rule of every count: a whole number from minimum to
// maximum, worded without the range from 0 to math.MaxInt64. A number is
// whole when the digits a message shows (numberText) make it whole:
// 100000 * 1.2 is 120000.00…01 in Terraform's arithmetic, but means 120000.
// Those digits are read at n's precision: at big.Float's default of 64 bits,
// 2.9999999999999999999 would be 3; digits too small for big.Float (past
// big.MinExp, read as 0) leave n as it is.
func wholeNumber(name string, n *big.Float, minimum, maximum int64) (int64, error) {
	text := numberText(n)
	shown, _ := new(big.Float).SetPrec(n.Prec()).SetString(text)
	if !n.IsInt() && shown != nil && shown.IsInt() && shown.Sign() != 0 {
		n = shown
	}
	i, accuracy := n.Int64()
	inRange := accuracy == big.Exact && i >= minimum && i <= maximum
	between, unbounded := fmt.Sprintf(" from %d to %d", minimum, maximum), minimum == 0 && maximum == math.MaxInt64
	if unbounded {
		between = ""
	}
	switch {
	case unbounded && n.Sign() < 0:
		return 0, fmt.Errorf("%s must be 0 or more, got %s", name, text)
	case !n.IsInt():
		return 0, fmt.Errorf("%s must be a whole number%s, got %s%s", name, between, text, wholeFix(n, minimum, maximum))
	case !inRange && unbounded:
		return 0, fmt.Errorf("%s is too large: %s (at most %d)", name, text, maximum)
	case !inRange:
		return 0, fmt.Errorf("%s must be%s, got %s%s", name, between, text, wholeFix(n, minimum, maximum))
	}
	return i, nil
}

// wholeFix is the fix for n: ": write 1 or 2" for 1.5, the whole numbers on
// either side of n that are from minimum to maximum, or else ": write 10 or
// less" for a number over a maximum of 10, ": write 0 or more" for one under a
// minimum of 0; "" otherwise.
func wholeFix(n *big.Float, minimum, maximum int64) string {
	var allowed []string
	if !n.IsInt() { // only then: n.Int of a whole 1e300000000 takes 120 MiB; of a fraction, little
		below, _ := n.Int(nil) // toward zero
		if n.Sign() < 0 {
			below.Sub(below, big.NewInt(1))
		}
		for _, i := range []*big.Int{below, new(big.Int).Add(below, big.NewInt(1))} {
			if i.IsInt64() && i.Int64() >= minimum && i.Int64() <= maximum {
				allowed = append(allowed, i.String())
			}
		}
	}
	switch {
	case len(allowed) > 0:
		return ": write " + strings.Join(allowed, " or ")
	case n.Cmp(new(big.Float).SetInt64(maximum)) > 0:
		return fmt.Sprintf(": write %d or less", maximum)
	case n.Cmp(new(big.Float).SetInt64(minimum)) < 0:
		return fmt.Sprintf(": write %d or more", minimum)
	}
	return ""
}

// numberText is n as a message shows it: a whole number below 1e21 in all
// its digits, as Terraform shows it in a plan (1e12 as 1000000000000, next to
// a maximum such as 2147483647), and any other to 20 digits, so that
// 2.0000000000001 does not show as 2, with an exponent as HCL writes it (1e30).
// Text converts exactly, in time and memory quadratic in the exponent (35 ms
// for 1e300000, half an hour for 1e300000000), so past 2^4096 it is scientific's.
func numberText(n *big.Float) string {
	if n.IsInt() && new(big.Float).Abs(n).Cmp(big.NewFloat(1e21)) < 0 {
		return n.Text('f', 0)
	}
	if exp := n.MantExp(nil); exp <= -4096 || exp >= 4096 {
		return scientific(n)
	}
	return exponentAsWritten(n.Text('g', 20))
}

// scientific is n to 20 digits, as Text writes it, for any exponent: n divided
// by the power of ten of its exponent, in two halves that big.Float holds even
// at its largest and smallest exponent, each squared up by SetString at n's
// precision and 64 bits more, and the exponent written back.
func scientific(n *big.Float) string {
	tens := int(math.Floor(float64(n.MantExp(nil)-1) * math.Log10(2))) // |n| ≥ 10^tens, within 20 times
	scaled := new(big.Float).SetPrec(n.Prec() + 64).Set(n)
	for _, half := range []int{tens / 2, tens - tens/2} {
		power, _ := new(big.Float).SetPrec(scaled.Prec()).SetString(fmt.Sprint("1e", half))
		scaled.Quo(scaled, power)
	}
	digits, e, _ := strings.Cut(scaled.Text('e', 19), "e")
	shown, _ := strconv.Atoi(e)
	return fmt.Sprintf("%se%d", strings.TrimSuffix(strings.TrimRight(digits, "0"), "."), tens+shown)
}

// exponentAsWritten is a number's text with its exponent as people and HCL
// write it: 1e30, not Go's 1e+30.
func exponentAsWritten(text string) string { return strings.Replace(text, "e+", "e", 1) }

// formatWhole writes a whole bound as numberText writes the number written.
func formatWhole(b *big.Int) string { return numberText(new(big.Float).SetInt(b)) }

// formatNumber writes an amount in Go's shortest form, its exponent as
// written: 0.3, 1e21.
func formatNumber(f float64) string {
	return exponentAsWritten(strconv.FormatFloat(f, 'g', -1, 64))
}
