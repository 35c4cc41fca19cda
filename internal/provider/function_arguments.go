package provider

import (
	"context"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// The provider functions take models and requirements as dynamic values so
// that they accept the objects either data source returns as well as partial
// object literals written by hand.

// modelParameter is the model argument every function takes.
func modelParameter() function.DynamicParameter {
	return function.DynamicParameter{
		Name: "model",
		MarkdownDescription: "A model object: `data.megallm_model.NAME`, an element of `data.megallm_models.NAME.models`, " +
			"or an object literal with the attributes the function needs. Other attributes are ignored.",
	}
}

// modelArgument reads the model argument at position, and its lifecycle
// today (see readModel).
func modelArgument(ctx context.Context, arg types.Dynamic, position int64) (*megallm.Model, catalog.Lifecycle, *function.FuncError) {
	v, err := arg.ToTerraformValue(ctx)
	var m *megallm.Model
	var lifecycle catalog.Lifecycle
	if err == nil {
		if m, lifecycle, err = readModel(v, time.Now().UTC()); err == nil {
			return m, lifecycle, nil
		}
	}
	return nil, lifecycle, argumentError(position, err)
}

// requirementsArgument reads the require argument at position.
func requirementsArgument(ctx context.Context, arg types.Dynamic, position int64) (catalog.Requirements, *function.FuncError) {
	v, err := arg.ToTerraformValue(ctx)
	if err == nil {
		var r catalog.Requirements
		if r, err = readRequirements(v); err == nil {
			return r, nil
		}
	}
	return catalog.Requirements{}, argumentError(position, err)
}

// argumentError is err as the error of the argument at position. Terraform
// ends a function's error with a period, so a period err ends with (such as
// the one after a list of attributes) is dropped rather than doubled.
func argumentError(position int64, err error) *function.FuncError {
	return function.NewArgumentFuncError(position, strings.TrimSuffix(err.Error(), "."))
}
