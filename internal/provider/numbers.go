package provider

import (
	"context"
	"fmt"
	"math"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The rules of the numbers the provider reads, each in one function used by
// the validators, the readers of dynamic values and the functions: an amount
// (a price, a token count, a bound on either) and a whole number (a count).

// wholeNumberValidator accepts a whole number from min to max. It stands in
// for int64validator on a Number attribute: an Int64 attribute cannot even
// hold 1.5, and the framework then fails with an error meant for provider
// developers instead of one that names the argument.
type wholeNumberValidator struct {
	min, max int64
	// words, when set, names the accepted values in errors instead of the
	// bare range.
	words string
}

// wholeNumberBetween accepts whole numbers from min to max, inclusive.
func wholeNumberBetween(minimum, maximum int64) wholeNumberValidator {
	return wholeNumberValidator{min: minimum, max: maximum}
}

// positiveWholeNumber accepts whole numbers from 1 to math.MaxInt32, words
// its errors as "a positive whole number", and is meant for counts.
func positiveWholeNumber() wholeNumberValidator {
	return wholeNumberValidator{min: 1, max: math.MaxInt32, words: fmt.Sprintf("a positive whole number (up to %d)", math.MaxInt32)}
}

func (v wholeNumberValidator) Description(context.Context) string {
	if v.words != "" {
		return "value must be " + v.words
	}
	return fmt.Sprintf("value must be a whole number from %d to %d", v.min, v.max)
}

func (v wholeNumberValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v wholeNumberValidator) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := req.ConfigValue.ValueBigFloat()
	name := req.Path.String()
	_, err := wholeNumber(name, n, v.min, v.max)
	switch {
	case err != nil && v.words != "":
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name,
			fmt.Sprintf("%s must be %s, got %s.", name, v.words, n.Text('g', 10)))
	case err != nil:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name, err.Error()+".")
	}
}

// tokenCountValidator accepts a token count: a number, 0 or more, that a
// float64 can hold. Fractions are allowed, for estimates.
type tokenCountValidator struct{}

func (tokenCountValidator) Description(context.Context) string {
	return "value must be a number of tokens, 0 or more (fractions are allowed)"
}

func (v tokenCountValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (tokenCountValidator) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := req.ConfigValue.ValueBigFloat()
	name := req.Path.String()
	if _, err := amount(name, n); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name,
			fmt.Sprintf("%s must be a number of tokens, 0 or more (fractions are allowed, such as 1.5e9), got %s.", name, n.Text('g', 10)))
	}
}

// amount is the rule of every amount the provider reads, a price, a token
// count or a bound on either: a number, 0 or more, that a float64 holds.
// name is where it was written.
func amount(name string, n *big.Float) (float64, error) {
	f, _ := n.Float64()
	switch {
	case n.Sign() < 0:
		return 0, fmt.Errorf("%s must be 0 or more, got %s", name, n.Text('g', 10))
	case math.IsInf(f, 0):
		return 0, fmt.Errorf("%s is too large: %s", name, n.Text('g', 10))
	}
	return f, nil
}

// wholeNumber is the rule of every count the provider reads: a whole number
// from minimum to maximum. name is where it was written. From 0 to
// math.MaxInt64, a count is any whole number 0 or more, and its errors say
// so without the range.
func wholeNumber(name string, n *big.Float, minimum, maximum int64) (int64, error) {
	i, accuracy := n.Int64()
	text := n.Text('g', 10)
	inRange := accuracy == big.Exact && i >= minimum && i <= maximum
	if unbounded := minimum == 0 && maximum == math.MaxInt64; unbounded {
		switch {
		case n.Sign() < 0:
			return 0, fmt.Errorf("%s must be 0 or more, got %s", name, text)
		case !n.IsInt():
			return 0, fmt.Errorf("%s must be a whole number, got %s", name, text)
		case !inRange:
			return 0, fmt.Errorf("%s is too large: %s (at most %d)", name, text, maximum)
		}
		return i, nil
	}
	switch {
	case !n.IsInt():
		return 0, fmt.Errorf("%s must be a whole number from %d to %d, got %s", name, minimum, maximum, text)
	case !inRange:
		return 0, fmt.Errorf("%s must be from %d to %d, got %s", name, minimum, maximum, text)
	}
	return i, nil
}
