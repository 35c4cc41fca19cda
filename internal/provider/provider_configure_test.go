package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// configureWithUnknownKey runs Configure on a provider block whose api_key is
// not known yet, as during a plan where it comes from a resource.
func configureWithUnknownKey(t *testing.T, deferralAllowed bool) *provider.ConfigureResponse {
	t.Helper()
	p := New("test")()
	var schemaResp provider.SchemaResponse
	p.Schema(context.Background(), provider.SchemaRequest{}, &schemaResp)
	objectType := schemaResp.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
	values := map[string]tftypes.Value{}
	for name, typ := range objectType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
	}
	values["api_key"] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	req := provider.ConfigureRequest{
		Config:             tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(objectType, values)},
		ClientCapabilities: provider.ConfigureProviderClientCapabilities{DeferralAllowed: deferralAllowed},
	}
	var resp provider.ConfigureResponse
	p.Configure(context.Background(), req, &resp)
	return &resp
}

func TestConfigure_unknownArgumentIsDeferredWhenTerraformCan(t *testing.T) {
	t.Parallel()
	resp := configureWithUnknownKey(t, true)
	if resp.Diagnostics.HasError() || resp.Deferred == nil || resp.Deferred.Reason != provider.DeferredReasonProviderConfigUnknown {
		t.Errorf("got deferred %+v and diagnostics %v, want a deferral for unknown provider configuration and no error", resp.Deferred, resp.Diagnostics)
	}
}

func TestConfigure_unknownArgumentIsExplainedOtherwise(t *testing.T) {
	t.Parallel()
	resp := configureWithUnknownKey(t, false)
	if resp.Deferred != nil || resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Summary() != "Provider argument not known at plan time" {
		t.Errorf("got deferred %+v and diagnostics %v, want one error explaining the unknown api_key", resp.Deferred, resp.Diagnostics)
	}
}
