package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestDestroyWithoutTheCatalog: once the model a configuration deployed has
// retired, terraform destroy fails as a plan does, since Terraform reads
// every data source first; the command the provider's page gives for it,
// terraform destroy -refresh=false, destroys without reading the catalog.
func TestDestroyWithoutTheCatalog(t *testing.T) {
	t.Parallel()
	harness.SkipBelow(t, tfversion.Version1_4_0, "terraform_data")
	const page, command = "../../templates/index.md.tmpl", "terraform destroy -refresh=false"
	if text, err := os.ReadFile(page); err != nil {
		t.Fatal(err)
	} else if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), "`"+command+"`") {
		t.Fatalf("%s does not say how to destroy when the catalog fails a plan: `%s`", page, command)
	}
	server := mockapi.NewTestServer(t, "")
	ws := harness.Workspace(t, `
variable "retires_at" { default = "2999-01-01" }
provider "megallm" {
  policy = { models = { "gpt-4o" = { retires_at = var.retires_at, successor = "gpt-4.1" } } }
}
data "megallm_model" "chat" { id = "gpt-4o" }
resource "terraform_data" "deployment" { input = data.megallm_model.chat.id }
`, map[string]string{"MEGALLM_BASE_URL": server.URL(), "MEGALLM_API_KEY": mockapi.DefaultAPIKey})
	if out, err := ws.Run("apply", "-input=false", "-no-color", "-auto-approve"); err != nil {
		t.Fatalf("apply failed: %v\n%s", err, out)
	}
	retired := "-var=retires_at=2020-01-01"
	if out, err := ws.Run("destroy", "-input=false", "-no-color", "-auto-approve", retired); err == nil ||
		!strings.Contains(out, "Error: Retired MegaLLM model") {
		t.Fatalf("destroy after the model retired: err=%v, want the plan's error, Retired MegaLLM model:\n%s", err, out)
	}
	requests := server.RequestCount()
	args := strings.Fields(command + " -input=false -no-color -auto-approve " + retired)[1:]
	if out, err := ws.Run(args...); err != nil || !strings.Contains(out, "Resources: 1 destroyed.") {
		t.Errorf("%s: err=%v, want the resource destroyed:\n%s", command, err, out)
	}
	if n := server.RequestCount() - requests; n != 0 {
		t.Errorf("%s made %d requests to the API, want none", command, n)
	}
}
