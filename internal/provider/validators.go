package provider

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// The framework-validators module has no URL, duration, regular-expression
// syntax or whole-number checks, so these are written here, each as a
// validator.String that skips null and unknown values like theirs do.

// baseURLValidator accepts what megallm.ParseBaseURL does: an absolute http
// or https URL with a host, a valid port and no credentials or white space.
type baseURLValidator struct{}

func (baseURLValidator) Description(context.Context) string {
	return "value must be an absolute http:// or https:// URL without credentials, query or white space"
}

func (v baseURLValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (baseURLValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := megallm.ParseBaseURL(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid base_url",
			fmt.Sprintf("base_url %s.%s Use the API root that serves /models, for example %q.", err, baseURLHint(err), megallm.DefaultBaseURL))
	}
}

// baseURLHint is what to do instead, when a base URL's error needs more than
// a good example: credentials go in api_key.
func baseURLHint(err error) string {
	if errors.Is(err, megallm.ErrCredentialsInBaseURL) {
		return " Put the API key in api_key or the " + EnvAPIKey + " environment variable instead."
	}
	return ""
}

// positiveDurationValidator accepts a Go duration string greater than zero.
type positiveDurationValidator struct{}

func (positiveDurationValidator) Description(context.Context) string {
	return `value must be a positive Go duration such as "30s", "1m" or "1m30s"`
}

func (v positiveDurationValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v positiveDurationValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	raw := req.ConfigValue.ValueString()
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		hint := ""
		if seconds, err := strconv.ParseFloat(raw, 64); err == nil && seconds > 0 {
			hint = fmt.Sprintf(" Did you mean %q?", raw+"s")
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%q is not a positive duration: the %s. Units are ns, us, ms, s, m and h.%s", raw, v.Description(ctx), hint))
	}
}

// regexValidator accepts an RE2 regular expression.
type regexValidator struct{}

func (regexValidator) Description(context.Context) string {
	return "value must be a valid RE2 regular expression"
}

func (v regexValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (regexValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid regular expression",
			fmt.Sprintf("%s. The pattern uses RE2 syntax (https://github.com/google/re2/wiki/Syntax) and matches anywhere in the id; anchor it with ^ and $ to match the whole id, and escape literal dots as \\\\.", err))
	}
}

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
	inRange := n.Cmp(new(big.Float).SetInt64(v.min)) >= 0 && n.Cmp(new(big.Float).SetInt64(v.max)) <= 0
	switch {
	case v.words != "" && (!n.IsInt() || !inRange):
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name,
			fmt.Sprintf("%s must be %s, got %s.", name, v.words, n.Text('g', 10)))
	case !n.IsInt():
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name,
			fmt.Sprintf("%s must be a whole number from %d to %d, got %s.", name, v.min, v.max, n.Text('g', 10)))
	case !inRange:
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name,
			fmt.Sprintf("%s must be from %d to %d, got %s.", name, v.min, v.max, n.Text('g', 10)))
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
	if f, _ := n.Float64(); n.Sign() < 0 || math.IsInf(f, 0) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name,
			fmt.Sprintf("%s must be a number of tokens, 0 or more (fractions are allowed, such as 1.5e9), got %s.", name, n.Text('g', 10)))
	}
}
