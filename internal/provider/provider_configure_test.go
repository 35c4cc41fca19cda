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

// TestSendsKeyInClear: plain http warns unless the host is this machine, in
// any of the forms a loopback address takes.
func TestSendsKeyInClear(t *testing.T) {
	t.Parallel()
	for baseURL, want := range map[string]bool{
		"https://ai.megallm.io/v1":            false,
		"https://203.0.113.7/v1":              false,
		"http://ai.megallm.io/v1":             true,
		"http://203.0.113.7:8080/v1":          true,
		"http://[2001:db8::1]:8080/v1":        true,
		"http://[::ffff:203.0.113.7]:8080/v1": true,
		"http://localhost.example.com/v1":     true,
		"http://localhost:8080/v1":            false,
		"http://LOCALHOST:8080/v1":            false,
		"http://localhost.:8080/v1":           false,
		"http://127.0.0.1:8080/v1":            false,
		"http://127.1.2.3:8080/v1":            false,
		"http://[::1]:8080/v1":                false,
		"http://[::1%25lo]:8080/v1":           false,
		"http://[::ffff:127.0.0.1]:8080/v1":   false,
	} {
		if got := sendsKeyInClear(baseURL); got != want {
			t.Errorf("sendsKeyInClear(%q) = %v, want %v", baseURL, got, want)
		}
	}
}
