package provider

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// createdDateValidator accepts what megallm.ParseDate reads; a blank date
// gets how to leave the bound out (orNull).
var createdDateValidator = orNull(argumentCheck{
	describes: megallm.DateForms,
	str:       func(name, s string) string { _, err := parseDate(name, s); return sentence(err) },
}, "date", "keep models created at any time")

// parseDate reads a date the user wrote at name, as megallm.ParseDate does.
func parseDate(name, s string) (time.Time, error) {
	date, err := megallm.ParseDate(s)
	if _, trimmedErr := megallm.ParseDate(strings.TrimSpace(s)); err != nil && trimmedErr == nil {
		return date, spaced(name, s, "date")
	}
	if err != nil {
		return date, fmt.Errorf("%s is %s, which is %w. Use %s", name, megallm.Quote(s), err, megallm.DateForms)
	}
	return date, nil
}

// createdRangeValidator rejects a created_after not before created_before.
var createdRangeValidator = &configCheck{
	describes: "created_after must be earlier than created_before",
	check: func(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
		var after, before types.String
		diags.Append(config.GetAttribute(ctx, path.Root("created_after"), &after)...)
		diags.Append(config.GetAttribute(ctx, path.Root("created_before"), &before)...)
		// Null and unknown read as "", which is no date.
		from, fromErr := megallm.ParseDate(after.ValueString())
		to, toErr := megallm.ParseDate(before.ValueString())
		if fromErr == nil && toErr == nil && !from.Before(to) {
			// Swapping equal dates would give the same range: advise widening it.
			fix := "Swap them, or leave one out."
			if from.Equal(to) {
				fix = "They are the same instant: set created_after earlier or created_before later, or leave one out."
			}
			diags.AddAttributeError(path.Root("created_after"), "Empty created_at range",
				fmt.Sprintf("created_after (%s) must be earlier than created_before (%s): both are strict, so no model can be "+
					"created after the one and before the other. %s",
					megallm.Quote(after.ValueString()), megallm.Quote(before.ValueString()), fix))
		}
	},
}

// dateAttribute reads a date attribute; its mistake is a sentence, so that it
// ends before the next mistake listed.
func dateAttribute(o *objectReader, name string) *time.Time {
	s := attribute[string](o, name, tftypes.String, "a date in quotes, "+megallm.DateForms, nil)
	if s == nil {
		return nil
	}
	date, err := parseDate(o.prefix+name, *s)
	if err = cmp.Or(blank(o.prefix+name, *s, "date", leaveOutOfObject(name, "set none", "string", `""`)), err); err != nil {
		o.keep(errors.New(sentence(err)))
		return nil
	}
	return &date
}

// dateString is t as the state shows it, nil when t is.
func dateString(t *time.Time) *string {
	if t == nil {
		return nil
	}
	return ptr(megallm.FormatDate(*t))
}
