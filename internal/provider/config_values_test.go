package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestConfigValues_copy: the state a read builds from the configuration's
// values must leave the configuration as it was, since the framework compares
// the two after Read.
func TestConfigValues_copy(t *testing.T) {
	t.Parallel()
	schema := dataSourceSchema(t, NewModelsDataSource()).Schema
	typ := objectType(t, schema.Type().TerraformType(context.Background()))
	config := tfsdk.Config{Schema: schema, Raw: objectValue(t, typ, map[string]tftypes.Value{"sort_by": str("id")})}
	before := config.Raw.Copy()

	values, diags := configValues(config)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got := values["sort_by"]; !got.Equal(str("id")) {
		t.Errorf("sort_by = %s, want the configured \"id\"", got)
	}
	values["ids"] = tftypes.NewValue(typ.AttributeTypes["ids"], []tftypes.Value{str("x")})
	delete(values, "sort_by")
	if !config.Raw.Equal(before) {
		t.Errorf("changing the values changed the configuration: %s", config.Raw)
	}
}
