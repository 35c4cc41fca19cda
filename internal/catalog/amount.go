package catalog

import (
	"math"
	"strconv"
)

// amountDigits is how many significant decimal digits an amount (a price, a
// cost, a bound on either) keeps. A float64 holds 15 to 17, and a cost, the
// sum of two products, may be a few units off in the last of them: 3,000,000
// tokens at 0.1 per million is 0.30000000000000004. Twelve digits leave that
// error a thousandfold margin and still give a cost of a billion to the
// cent, far more than any price list states.
const amountDigits = 12

// roundAmount is f as a person writes it: rounded to amountDigits
// significant decimal digits, then read back as the nearest float64, so
// that 0.30000000000000004 is 0.3 and prints as 0.3. Costs are rounded once,
// in Workload.Cost, which every cost the provider shows comes from.
func roundAmount(f float64) float64 {
	if f == 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return f
	}
	rounded, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', amountDigits, 64), 64)
	if err != nil {
		return f
	}
	return rounded
}

// atMost reports whether amount meets an inclusive bound: whether it is at
// most bound once both are rounded to amountDigits, so that a price or a cost
// equal to its bound on paper meets it whatever float64 arithmetic made of
// either. It is the one comparison of every price and cost bound.
func atMost(amount, bound float64) bool {
	return amount <= bound || roundAmount(amount) <= roundAmount(bound)
}
