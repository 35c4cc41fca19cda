package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// Dates as the provider reads them from its arguments (created_after,
// created_before, a policy's dates, a model object's lifecycle dates): the
// forms it accepts, how it parses them and how it words a wrong one.

// dateForms describes the dates the provider accepts (created_after,
// created_before, a policy's dates), with an example of each.
const dateForms = `an RFC 3339 date-time such as "2025-01-31T12:00:00Z" or a date such as "2025-01-31" (midnight UTC)`

// createdDateValidator accepts what megallm.ParseDate reads.
type createdDateValidator struct{}

func (createdDateValidator) Description(context.Context) string {
	return "value must be " + dateForms
}

func (v createdDateValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (createdDateValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, ok := megallm.ParseDate(req.ConfigValue.ValueString()); !ok {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			fmt.Sprintf("%s is %q, which is not a date. Use %s.", req.Path, req.ConfigValue.ValueString(), dateForms))
	}
}

// createdRangeValidator rejects a created_after that is not earlier than
// created_before: both bounds are strict, so no model could match.
type createdRangeValidator struct{}

var _ datasource.ConfigValidator = createdRangeValidator{}

func (createdRangeValidator) Description(context.Context) string {
	return "created_after must be earlier than created_before"
}

func (v createdRangeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (createdRangeValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var after, before types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("created_after"), &after)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("created_before"), &before)...)
	if after.IsNull() || after.IsUnknown() || before.IsNull() || before.IsUnknown() {
		return
	}
	from, fromOK := megallm.ParseDate(after.ValueString())
	to, toOK := megallm.ParseDate(before.ValueString())
	if fromOK && toOK && !from.Before(to) {
		resp.Diagnostics.AddAttributeError(path.Root("created_after"), "Empty created_at range",
			fmt.Sprintf("created_after (%q) must be earlier than created_before (%q): both are strict, so no model can be "+
				"created after the one and before the other. Swap them, or leave one out.", after.ValueString(), before.ValueString()))
	}
}

// dateAttribute reads a date attribute as the catalog's dates are read
// (megallm.ParseDate).
func dateAttribute(o *objectReader, name string) *time.Time {
	s := o.string(name)
	if s == nil {
		return nil
	}
	date, ok := megallm.ParseDate(*s)
	if !ok {
		o.keep(fmt.Errorf("%s%s is %q, which is not a date. Use %s", o.prefix, name, *s, dateForms))
		return nil
	}
	return &date
}

// dateString is a date as the state shows it (megallm.FormatDate), nil when
// t is.
func dateString(t *time.Time) *string {
	if t == nil {
		return nil
	}
	return ptr(megallm.FormatDate(*t))
}
