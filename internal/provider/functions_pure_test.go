package provider

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// namedFunction is p's function of that name.
func namedFunction(t *testing.T, p *megallmProvider, name string) function.Function {
	t.Helper()
	for _, newFunction := range p.Functions(context.Background()) {
		f := newFunction()
		var resp function.MetadataResponse
		if f.Metadata(context.Background(), function.MetadataRequest{}, &resp); resp.Name == name {
			return f
		}
	}
	t.Fatalf("the provider has no function %q", name)
	return nil
}

// TestFunctions_pure: a function returns the same result for the same
// arguments whatever the day, as Terraform requires: it records a call's
// result in a saved plan and fails the apply when the call returns another.
// The model object is one a data source returned on the day of the plan, on
// the eve of its deprecation; the function then runs on that day and the next.
func TestFunctions_pure(t *testing.T) {
	t.Parallel()
	plan := time.Date(2100, 1, 1, 12, 0, 0, 0, time.UTC)
	apply := plan.Add(24 * time.Hour)
	m := &megallm.Model{ID: "m", DeprecatedAt: ptr(time.Date(2100, 1, 2, 0, 0, 0, 0, time.UTC)),
		RetiresAt: ptr(time.Date(2100, 1, 31, 0, 0, 0, 0, time.UTC))}
	model := types.DynamicValue(types.ObjectValueMust(modelTypes().model, modelValues(m, plan)))
	for _, require := range []map[string]attr.Value{
		{"not_deprecated": types.BoolValue(true)},
		{"min_days_to_retirement": num(30)},
	} {
		var results []attr.Value
		for _, now := range []time.Time{plan, apply} {
			f := namedFunction(t, &megallmProvider{now: func() time.Time { return now }}, "unmet_requirements")
			got, err := run(t, f, types.ListUnknown(types.StringType), model, types.DynamicValue(obj(require)), noCurrency)
			if err != nil {
				t.Fatalf("%v on %s: %s", require, now.Format(time.DateOnly), err.Text)
			}
			results = append(results, got)
		}
		if want := types.ListValueMust(types.StringType, nil); !results[0].Equal(want) || !results[1].Equal(want) {
			t.Errorf("unmet_requirements(model, %v) = %v on the day of the plan, %v the next day; want %v on both",
				require, results[0], results[1], want)
		}
	}
}

// dayLater is a plan check that moves the provider's clock a day on, between
// the plan and the apply of a step.
type dayLater struct{ clock *atomic.Pointer[time.Time] }

func (d dayLater) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	d.clock.Store(ptr(d.clock.Load().Add(24 * time.Hour)))
}

// TestFunctions_savedPlanAppliedNextDay: a plan saved on the eve of a model's
// deprecation applies the next day, when Terraform calls the function in a
// resource's arguments again and requires the result it recorded in the plan
// (a root output's known value it does not evaluate again); the next plan,
// which reads the model again, finds the deprecation.
func TestFunctions_savedPlanAppliedNextDay(t *testing.T) {
	t.Parallel()
	skipWithoutTerraform(t)
	server := mockapi.NewTestServer(t, "")
	clock := &atomic.Pointer[time.Time]{}
	clock.Store(&testNow)
	factory := func() (tfprotov6.ProviderServer, error) {
		return checkedServer{providerserver.NewProtocol6(&megallmProvider{version: testVersion, now: func() time.Time { return *clock.Load() }})()}, nil
	}
	policy := fmt.Sprintf(`{ models = { "gpt-4o-mini" = { deprecated_at = %q } } }`, day(1))
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){"megallm": factory},
		Steps: []resource.TestStep{{
			Config: policyProvider(server, policy, `
data "megallm_model" "m" { id = "gpt-4o-mini" }
resource "terraform_data" "gate" {
  input = provider::megallm::unmet_requirements(data.megallm_model.m, { not_deprecated = true })
}
`),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{dayLater{clock}},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectKnownValue("terraform_data.gate", tfjsonpath.New("input"),
					knownIDs("model_lifecycle.status is deprecated since "+day(1)))},
			},
			ConfigStateChecks:  []statecheck.StateCheck{statecheck.ExpectKnownValue("terraform_data.gate", tfjsonpath.New("output"), knownvalue.ListSizeExact(0))},
			ExpectNonEmptyPlan: true,
		}},
	})
}
