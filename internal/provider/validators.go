package provider

import (
	"context"
	"errors"
	"fmt"
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
