package provider

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// A retired model's successor is advised only if it can be used; otherwise
// the error says why not and suggests the closest ids that can be.
func TestRetired_successorThatCannotBeUsed(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := fmt.Sprintf(`{
    models = {
      "o3-mini" = { retires_at = %q, successor = "gpt-4.1" }
      "gpt-4.1" = { denied = true, reason = "Not approved." }
    }
  }`, day(-1))
	unitTest(t, resource.TestStep{
		Config: policyProvider(server, policy, `data "megallm_model" "m" { id = "o3-mini" }`),
		ExpectError: expectError(fmt.Sprintf(`Model "o3-mini" was retired on %s \(successor "gpt-4\.1", which is denied `+
			`by the policy: Not approved\)\. Did you mean "gpt-4\.1-mini" or "gpt-4o"\?`, day(-1))),
	})
}

// A model that the API names as its own successor gets no advice to move to
// itself, nor candidates = ["m4", "m4"].
func TestRetired_ownSuccessor(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.SetModels(json.RawMessage(`{"id":"m4","retires_at":"2020-01-01","successor":"m4"}`), json.RawMessage(`{"id":"m5"}`))
	unitTest(t, resource.TestStep{
		Config: providerBlock(server, "") + `data "megallm_model" "m" { id = "m4" }`,
		ExpectError: expectError(`Model "m4" was retired on 2020-01-01 \(successor "m4", which is the model itself\)\. ` +
			`Did you mean "m5"\? To keep planning through the next retirement without an edit, set candidates instead of id`),
	})
}

// A successor that holds the API key is null, as an id that holds it is left
// out: scrubbed, it would name no model, so no advice offers it.
func TestRetired_successorThatHoldsTheKey(t *testing.T) {
	t.Parallel()
	key := testKey(t, "api_key")
	server := mockapi.NewTestServer(t, key)
	server.SetModels(json.RawMessage(`{"id":"m4","retires_at":"2020-01-01","successor":"m4-`+key+`"}`),
		json.RawMessage(`{"id":"m5"}`))
	unitTest(t, resource.TestStep{
		Config: fmt.Sprintf("provider \"megallm\" {\n  base_url = %q\n  api_key  = %q\n}\n", server.URL(), key) +
			`data "megallm_model" "m" { id = "m4" }`,
		ExpectError: expectError(`Model "m4" was retired on 2020-01-01\. Did you mean "m5"\? To keep planning`),
	})
}
