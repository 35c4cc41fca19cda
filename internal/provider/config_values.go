package provider

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The data sources read their arguments into a struct (modelsDataSourceConfig,
// modelDataSourceConfig) and build their state directly (BENCHMARKS.md): the
// arguments as configured, and the values built for the models.

// configValues are the attributes of a data source configuration, for the
// state to repeat the arguments exactly as configured. The map is a copy: the
// one tftypes holds must not change, since the framework compares the state
// with the configuration after Read.
func configValues(config tfsdk.Config) (map[string]tftypes.Value, diag.Diagnostics) {
	var values map[string]tftypes.Value
	var diags diag.Diagnostics
	if err := config.Raw.As(&values); err != nil {
		diags.AddError("Unexpected configuration value",
			"The configuration is not a known object: "+err.Error()+". This is a bug in the megallm provider: please report it.")
	}
	return maps.Clone(values), diags
}

// terraformValue is an argument read with Config.Get as the terraform-plugin-go
// value that the readers of terraform_values.go take. A value that does not
// convert is a provider bug, reported on the argument.
func terraformValue(ctx context.Context, name string, v attr.Value, diags *diag.Diagnostics) tftypes.Value {
	value, err := v.ToTerraformValue(ctx)
	if err != nil {
		diags.AddAttributeError(path.Root(name), "Unexpected "+name+" value",
			fmt.Sprintf("Cannot read %s: %s. This is a bug in the megallm provider: please report it.", name, err))
	}
	return value
}
