package provider

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// argumentCheck is the validator of every argument the framework-validators
// module has no check for: the function for the argument's type returns the
// error's detail ("" or nil when nothing is wrong). It skips null and
// unknown values, and dyn what a dynamic value holds that is not known yet.
type argumentCheck struct {
	describes string // what the value must be
	summary   string // "Invalid NAME" when empty
	str       func(name, value string) string
	// strPartial, if set, is str where a value of the configuration is not known yet.
	strPartial func(name, value string) string
	num        func(name string, n *big.Float) string
	set        func(name string, elements []attr.Value) string
	dyn        func(ctx context.Context, config tfsdk.Config, v tftypes.Value) error
}

func (v argumentCheck) Description(context.Context) string { return "value must be " + v.describes }

func (v argumentCheck) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v argumentCheck) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	check := v.str
	if v.strPartial != nil && !req.Config.Raw.IsFullyKnown() {
		check = v.strPartial
	}
	v.report(ctx, req.Config, &resp.Diagnostics, req.Path, check(req.Path.String(), req.ConfigValue.ValueString()))
}

func (v argumentCheck) ValidateNumber(ctx context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() {
		v.report(ctx, req.Config, &resp.Diagnostics, req.Path, v.num(req.Path.String(), req.ConfigValue.ValueBigFloat()))
	}
}

func (v argumentCheck) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() {
		v.report(ctx, req.Config, &resp.Diagnostics, req.Path, v.set(req.Path.String(), req.ConfigValue.Elements()))
	}
}

func (v argumentCheck) ValidateDynamic(ctx context.Context, req validator.DynamicRequest, resp *validator.DynamicResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.IsUnderlyingValueUnknown() {
		return
	}
	value, err := req.ConfigValue.ToTerraformValue(ctx)
	if err == nil {
		err = v.dyn(ctx, req.Config, value)
	}
	if err != nil {
		v.report(ctx, req.Config, &resp.Diagnostics, req.Path, sentences(err))
	}
}

// namesCheck validates a dynamic argument with read, refusing a spaced name
// only where a value of the configuration is not known yet (nameValidator).
func namesCheck[T any](describes string, read func(v tftypes.Value, spacedToo bool) (T, error)) argumentCheck {
	return argumentCheck{describes: describes, dyn: func(_ context.Context, config tfsdk.Config, v tftypes.Value) error {
		_, err := read(v, !config.Raw.IsFullyKnown())
		return err
	}}
}

// readArgument reads a data source's dynamic argument name for Read: a mistake its validator let through fails
// the read on name (never a value dropped), as reading it as null would require, or choose from, nothing.
func readArgument[T any](ctx context.Context, name string, v types.Dynamic, read func(tftypes.Value) (T, error), diags *diag.Diagnostics) T {
	value, err := readDynamic(ctx, v, read)
	if err != nil {
		diags.AddAttributeError(path.Root(name), "Unexpected "+name+" value", sentences(err))
	}
	return value
}

// report adds detail as the error of the argument at, without the API key,
// which a value may hold by mistake (base_url = var.api_key).
func (v argumentCheck) report(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, at path.Path, detail string) {
	if detail == "" {
		return
	}
	var key types.String // the provider's; a data source has none
	_ = config.GetAttribute(ctx, path.Root("api_key"), &key)
	scrub := keyScrubber(key.ValueString())
	diags.AddAttributeError(shownPath(at), scrub(cmp.Or(v.summary, "Invalid "+at.String())), scrub(detail))
}

// shownPath is the part of at that Terraform can show in the configuration:
// an argument, not an attribute of its object (workload.input_tokens).
func shownPath(at path.Path) path.Path {
	if steps := at.Steps(); len(steps) > 1 {
		if name, ok := steps[0].(path.PathStepAttributeName); ok {
			return path.Root(string(name))
		}
	}
	return at
}

// configCheck is a datasource.ConfigValidator that runs check.
type configCheck struct {
	describes string
	check     func(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics)
}

func (v configCheck) Description(context.Context) string { return v.describes }

func (v configCheck) MarkdownDescription(context.Context) string { return v.describes }

func (v configCheck) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	v.check(ctx, req.Config, &resp.Diagnostics)
}

// orNull is check, but a blank value, as a variable with default = "" gives,
// gets how to have what null gives (uses) instead (leaveOut).
func orNull(check argumentCheck, kind, uses string) argumentCheck {
	str := check.str
	check.str = func(name, s string) string {
		return cmp.Or(sentence(blank(name, s, kind, leaveOut(name, uses))), str(name, s))
	}
	return check
}

// leaveOut says how to have what the argument name gives when null (uses).
func leaveOut(name, uses string) string {
	return "leave " + name + " out, or set it to null (as a variable's default = null), to " + uses
}

// leaveOutOfObject says how to have what an object's attribute name gives
// when null (uses), also from a variable's object type, whose default of
// empty would put the value back.
func leaveOutOfObject(name, uses, attributeType, empty string) string {
	return fmt.Sprintf("leave %s out (null) to %s; from a variable's object type, declare it optional(%s), without a "+
		"default of %s", name, uses, attributeType, empty)
}

// sentence is err's message ended with a period, unless it ends with one, a
// question mark or a colon; "" without err.
func sentence(err error) string {
	switch {
	case err == nil:
		return ""
	case strings.HasSuffix(err.Error(), "?"), strings.HasSuffix(err.Error(), "."), strings.HasSuffix(err.Error(), ":"):
		return err.Error()
	}
	return err.Error() + "."
}

// sentences is err's lines (joinMistakes), each ended as sentence ends it.
func sentences(err error) string {
	lines := strings.Split(err.Error(), "\n")
	for i, line := range lines {
		lines[i] = sentence(errors.New(line))
	}
	return strings.Join(lines, "\n")
}

// baseURLValidator accepts what megallm.ParseBaseURL does.
var baseURLValidator = argumentCheck{
	describes: "an absolute http:// or https:// URL without credentials, query, white space or quotes",
	str: func(_, s string) string {
		if _, err := megallm.ParseBaseURL(s); err != nil {
			return fmt.Sprintf("base_url %s.%s Use %s.", err, baseURLHint("base_url", s, err), apiRoot("base_url"))
		}
		return ""
	},
}

// baseURLHint is what to do instead, when a base URL's error needs more than
// a good example: credentials go in api_key; a URL without its scheme, or with
// one mistyped, is offered with one (withScheme) if its host has a dot or a
// port, or is this machine: an API key ("tHs/Zq9x") is no host. It is written
// as setting, base_url or MEGALLM_BASE_URL, takes it (megallm.ToWrite).
func baseURLHint(setting, raw string, err error) string {
	fixed := withScheme(raw)
	u, fixedErr := megallm.ParseBaseURL(fixed)
	switch {
	case errors.Is(err, megallm.ErrCredentialsInBaseURL) || fixed != "" && errors.Is(fixedErr, megallm.ErrCredentialsInBaseURL):
		return " Put the API key in api_key or the " + envAPIKey + " environment variable instead."
	case fixed != "" && fixedErr == nil && (strings.ContainsAny(u.Host, ".:") || !sendsKeyInClear("http://"+u.Host)):
		if written, ok := megallm.ToWrite(settingKind(setting), fixed); ok {
			return didYouMeanWords + written + "?"
		}
	}
	return ""
}

// apiRoot is what setting, base_url or MEGALLM_BASE_URL, must be, with the
// default as the example, written as setting takes it (megallm.ToWrite).
func apiRoot(setting string) string {
	example, _ := megallm.ToWrite(settingKind(setting), megallm.DefaultBaseURL)
	return "the API root that serves /models, for example " + example
}

// withScheme is raw with the scheme base_url needs, or "": a mistyped one
// ("https//", "htps://") with an "s" is https://; one without, or none, is
// http:// on this machine and https:// elsewhere (sendsKeyInClear).
func withScheme(raw string) string {
	rest, mistyped := raw, false
	if m := schemeLetters.FindStringSubmatch(raw); m != nil {
		word, marks := strings.ToLower(m[1]), m[2]
		named := word == "http" || word == "https"
		if mistyped = named && marks != "://" || !named && strings.Contains(marks, "/"); mistyped {
			rest = raw[len(m[0]):]
			if strings.Contains(word, "s") {
				return "https://" + rest
			}
		}
	}
	if !mistyped && strings.Contains(raw, "://") {
		return ""
	}
	if fixed := "http://" + rest; !sendsKeyInClear(fixed) {
		return fixed
	}
	return "https://" + rest
}

// schemeLetters matches a word of the letters of https and the colons and
// slashes after it, at the start of a base URL.
var schemeLetters = regexp.MustCompile(`^([HTPShtps]{3,6})([:/]+)`)

// oneOf is stringvalidator.OneOf that says "did you mean": meant(s), if one
// of values (meant may be nil), else the closest spellings.
func oneOf(meant func(string) string, values ...string) argumentCheck {
	return argumentCheck{describes: catalog.QuoteList(values, "or"), str: func(name, s string) string {
		if slices.Contains(values, s) {
			return ""
		}
		suggestions := catalog.Closest(s, slices.Values(values))
		if meant != nil && slices.Contains(values, meant(s)) {
			suggestions = []string{meant(s)}
		}
		return fmt.Sprintf("%s = %s is not one of its values.%s Use %s.", name, megallm.Quote(s),
			didYouMean(suggestions), catalog.QuoteList(values, "or"))
	}}
}

// authSchemeValidator accepts a megallm.AuthScheme.
var authSchemeValidator = oneOf(authSchemeMeant, megallm.AuthSchemeNames()...)

// authSchemeMeant is the scheme that s most likely means by its words, not
// its spelling ("header" means x-api-key); "" when s names neither.
func authSchemeMeant(s string) string {
	folded := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
	switch {
	case strings.Contains(folded, "apikey") || folded == "header":
		return string(megallm.AuthXAPIKey)
	case strings.Contains(folded, "bearer") || strings.Contains(folded, "authorization") || folded == "token":
		return string(megallm.AuthBearer)
	}
	return ""
}
