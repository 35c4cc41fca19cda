package provider

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// requirementsGuide is the template of the one page that documents require's
// attributes; every other description of require links to it.
var requirementsGuide = filepath.Join("..", "..", "templates", "guides", "requirements.md.tmpl")

// TestDocsRequireTable checks that the requirements guide holds the table of
// require's attributes exactly as catalog.RequirementTable has them, so that
// the docs cannot drift from what the provider reads. When it fails, paste the
// wanted table into the template and run make generate.
func TestDocsRequireTable(t *testing.T) {
	page, err := os.ReadFile(requirementsGuide)
	if err != nil {
		t.Fatal(err)
	}
	want := requireTable()
	if n := strings.Count(string(page), want); n != 1 {
		t.Errorf("%s holds the require table %d times, want once:\n%s", requirementsGuide, n, want)
	}
}

// TestDocsRequireLinked checks that the require arguments and the
// unmet_requirements parameter link to the table rather than list the
// attributes again.
func TestDocsRequireLinked(t *testing.T) {
	descriptions := map[string]string{}
	for _, ds := range []datasource.DataSource{newModelDataSource(), newModelsDataSource()} {
		var meta datasource.MetadataResponse
		ds.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "megallm"}, &meta)
		var resp datasource.SchemaResponse
		ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
		descriptions[meta.TypeName+".require"] = resp.Schema.Attributes["require"].GetMarkdownDescription()
	}
	var def function.DefinitionResponse
	newUnmetRequirementsFunction().Definition(context.Background(), function.DefinitionRequest{}, &def)
	for _, p := range def.Definition.Parameters {
		if p.GetName() == "require" {
			descriptions["unmet_requirements(require)"] = p.GetMarkdownDescription()
		}
	}
	if len(descriptions) != 3 {
		t.Fatalf("found %d require descriptions, want 3: %v", len(descriptions), descriptions)
	}
	for name, text := range descriptions {
		if !strings.Contains(text, "("+registryDocs+"/guides/requirements#requirements-table)") {
			t.Errorf("%s does not link to the requirements table: %q", name, text)
		}
		var named []string
		for _, a := range requireAttributes {
			if strings.Contains(text, a.Name) {
				named = append(named, a.Name)
			}
		}
		if len(named) > 0 {
			t.Errorf("%s names the require attributes %v, which only the table should: %q", name, named, text)
		}
	}
}

// requireTable is the Markdown table of require's attributes, from
// catalog.RequirementTable.
func requireTable() string {
	values := map[catalog.RequirementKind]string{
		catalog.RequiresTrue:  "bool",
		catalog.WholeMinimum:  "whole number, 0 or more",
		catalog.AmountMaximum: "number, 0 or more",
	}
	var b strings.Builder
	b.WriteString("| Attribute | Asks for | Value |\n|---|---|---|\n")
	for _, a := range requireAttributes {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", a.Name, requirementDescription(a), values[a.Kind])
	}
	return b.String()
}

// requirementDescription is what a requirement asks for, in Markdown: the
// table's "Asks for" column.
func requirementDescription(q catalog.Requirement) string {
	switch q.Check {
	case catalog.SupportsCapability:
		return "`true` requires a model that " + q.Capability.Does
	case catalog.AtLeast:
		return fmt.Sprintf("smallest acceptable `%s`, a whole number of tokens", q.Field)
	case catalog.PriceAtMost:
		return fmt.Sprintf("highest acceptable `%s`", q.Field)
	case catalog.WorkloadCostAtMost:
		return "highest acceptable cost of `megallm_models`' `workload`, which it needs (`megallm_model` takes no workload)"
	case catalog.NotDeprecatedCheck:
		return "`true` requires a model whose `model_lifecycle.status` is neither `deprecated` nor `retired`; a " +
			"model with no known lifecycle meets it, one whose `deprecated_at` or `retires_at` the catalog sent but the " +
			"provider cannot read does not"
	case catalog.DaysToRetirementAtLeast:
		return "fewest acceptable `model_lifecycle.days_to_retirement`, a whole number of days; a model with no " +
			"known retirement date meets it, unless its `status` is `retired` (0 days); one whose `retires_at` the " +
			"catalog sent but the provider cannot read does not"
	}
	return ""
}

// TestDocsModelAttributesSayNull checks that every attribute of a model, which
// the API may omit, says when it is null, and that one a model whose API
// entry has an id alone still has a value says it is never null (id aside):
// the word "null" about another attribute (`deprecated_at` is then null)
// does not do.
func TestDocsModelAttributesSayNull(t *testing.T) {
	var check func(prefix string, attributes map[string]schema.Attribute, values map[string]attr.Value)
	check = func(prefix string, attributes map[string]schema.Attribute, values map[string]attr.Value) {
		for name, a := range attributes {
			path, d := prefix+name, strings.ToLower(a.GetMarkdownDescription())
			v, known := values[name]
			var nested map[string]attr.Value
			if o, ok := v.(types.Object); ok && !o.IsNull() {
				nested = o.Attributes()
			}
			if n, ok := a.(schema.SingleNestedAttribute); ok {
				check(path+".", n.Attributes, nested)
			}
			switch {
			case path == "id":
			case known && !v.IsNull() && !strings.Contains(d, "never null") && !strings.Contains(d, "always"):
				t.Errorf("%s has a value for a model that reports nothing, and does not say it is never null: %q", path, d)
			case (!known || v.IsNull()) && !strings.Contains(d, "null"):
				t.Errorf("%s does not say when it is null: %q", path, d)
			}
		}
	}
	check("", modelAttributes(), modelValues(&megallm.Model{ID: "gpt-4o"}, time.Now()))
}

// TestDocsUnmetRequirementsSaysSuccessorUnchecked: the function has no
// catalog, so an unmet not_deprecated marks the successor unchecked
// (uncheckedSuccessor) rather than saying why it cannot be used, and its
// description says so rather than promising the data sources' answer.
func TestDocsUnmetRequirementsSaysSuccessorUnchecked(t *testing.T) {
	var resp function.DefinitionResponse
	newUnmetRequirementsFunction().Definition(context.Background(), function.DefinitionRequest{}, &resp)
	if d := resp.Definition.MarkdownDescription; strings.Contains(d, "same answer") || !strings.Contains(d, "successor marked unchecked") {
		t.Errorf("description %q promises the data sources' answer, or does not say it marks a successor unchecked", d)
	}
}

// TestDocsIndexLinksEveryGuide checks that the provider's index page lists
// every guide, so that a new guide is not found only through the sidebar.
func TestDocsIndexLinksEveryGuide(t *testing.T) {
	templates := filepath.Join("..", "..", "templates")
	index, err := os.ReadFile(filepath.Join(templates, "index.md.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	guides, err := filepath.Glob(filepath.Join(templates, "guides", "*.md.tmpl"))
	if err != nil || len(guides) == 0 {
		t.Fatalf("found no guide templates (%v)", err)
	}
	for _, guide := range guides {
		link := "(" + registryDocs + "/guides/" + strings.TrimSuffix(filepath.Base(guide), ".md.tmpl") + ")"
		if !strings.Contains(string(index), link) {
			t.Errorf("templates/index.md.tmpl does not link %s: add it to the Guides section", link)
		}
	}
}

// TestReadmeAgreesWithMakefile checks the figures README.md quotes from
// GNUmakefile: the OpenTofu version make builds, and how long make demo's
// first build takes, which make demo itself prints before it starts.
func TestReadmeAgreesWithMakefile(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	makefile, err := os.ReadFile(filepath.Join(root, "GNUmakefile"))
	if err != nil {
		t.Fatal(err)
	}
	tofu := regexp.MustCompile(`(?m)^TOFU_VERSION\s*:=\s*(\S+)$`).FindSubmatch(makefile)
	if tofu == nil {
		t.Fatal("GNUmakefile sets no TOFU_VERSION")
	}
	for _, quoted := range regexp.MustCompile(`OpenTofu (v\d+\.\d+\.\d+)`).FindAllSubmatch(readme, -1) {
		if string(quoted[1]) != string(tofu[1]) {
			t.Errorf("README.md says make builds OpenTofu %s; GNUmakefile's TOFU_VERSION is %s", quoted[1], tofu[1])
		}
	}
	demo := regexp.MustCompile(`(?m)^demo:.*\n\t@echo "[^"]*\(about (\d+ s) the first time`).FindSubmatch(makefile)
	if demo == nil {
		t.Fatal(`make demo's first line says no "(about N s the first time"`)
	}
	var stated string
	if m := regexp.MustCompile("`make demo` takes (?:about )?(\\d+ s)").FindSubmatch(readme); m != nil {
		stated = string(m[1])
	}
	if stated != string(demo[1]) {
		t.Errorf("README.md says make demo's first run takes %q; make demo itself says %q: measure it and set both",
			stated, demo[1])
	}
}

// TestMakefileRecipesUsingTerraformBuildTofu checks that every GNUmakefile
// target whose recipe runs $(TERRAFORM) depends on $(TERRAFORM_DEPS), which
// builds bin/tofu first where PATH has no terraform: without it the target
// fails on a fresh machine with "bin/tofu: No such file or directory".
func TestMakefileRecipesUsingTerraformBuildTofu(t *testing.T) {
	makefile, err := os.ReadFile(filepath.Join("..", "..", "GNUmakefile"))
	if err != nil {
		t.Fatal(err)
	}
	rules := regexp.MustCompile(`(?m)^([a-z][a-z-]*):([^=\n]*)\n((?:\t.*\n|#.*\n)*)`).FindAllSubmatch(makefile, -1)
	checked := 0
	for _, rule := range rules {
		if !strings.Contains(string(rule[3]), "$(TERRAFORM)") {
			continue
		}
		checked++
		if !strings.Contains(string(rule[2]), "$(TERRAFORM_DEPS)") {
			t.Errorf("make %s runs $(TERRAFORM) but does not depend on $(TERRAFORM_DEPS): add it to its prerequisites", rule[1])
		}
	}
	if checked == 0 {
		t.Fatal("found no GNUmakefile recipe that runs $(TERRAFORM): the pattern no longer matches the file")
	}
}

// TestMakefileTargetsDocumented checks that every phony GNUmakefile target has
// the "## target: what it does" line that make help prints, help included.
func TestMakefileTargetsDocumented(t *testing.T) {
	makefile, err := os.ReadFile(filepath.Join("..", "..", "GNUmakefile"))
	if err != nil {
		t.Fatal(err)
	}
	phony := regexp.MustCompile(`(?m)^\.PHONY:(.*)$`).FindSubmatch(makefile)
	if phony == nil {
		t.Fatal("GNUmakefile has no .PHONY line")
	}
	targets := strings.Fields(string(phony[1]))
	if !slices.Contains(targets, "help") {
		t.Error("GNUmakefile has no phony target help: make help would fail")
	}
	for _, target := range targets {
		if !regexp.MustCompile(`(?m)^## ` + regexp.QuoteMeta(target) + `: \S`).Match(makefile) {
			t.Errorf("make %s has no %q line above it: make help would not list it", target, "## "+target+": what it does")
		}
	}
}

// TestMakeSaysWhyItBuildsOpenTofu checks that make demo, with neither
// terraform nor tofu on PATH, says why it builds OpenTofu before it does.
func TestMakeSaysWhyItBuildsOpenTofu(t *testing.T) {
	makePath, err := exec.LookPath("make")
	if err != nil {
		t.Skip("no make on PATH")
	}
	cmd := exec.Command(makePath, "-n", "-B", "-C", filepath.Join("..", ".."), "demo")
	// Not the variables of a make that runs this test, nor its TERRAFORM.
	cmd.Env = []string{"PATH=" + t.TempDir(), "HOME=" + os.Getenv("HOME")}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make -n -B demo: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "building OpenTofu") || !strings.Contains(string(out), "neither terraform nor tofu on PATH") {
		t.Errorf("make demo with neither terraform nor tofu on PATH does not say that it builds OpenTofu because of it:\n%s", out)
	}
}

// TestMakeBuildStampsTheReleasedVersion checks that make build, on a commit
// tagged v1.2.3, stamps 1.2.3 as GoReleaser does (its .Version has no v), so
// that the provider reports to Terraform and names in its User-Agent the
// version a release of that tag would.
func TestMakeBuildStampsTheReleasedVersion(t *testing.T) {
	makePath, err := exec.LookPath("make")
	if err != nil {
		t.Skip("no make on PATH")
	}
	repo := t.TempDir()
	for _, args := range [][]string{
		{"init", "-q"},
		{"-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "release"},
		{"-c", "tag.gpgsign=false", "tag", "v1.2.3"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Skipf("git %s: %v\n%s", args[0], err, out)
		}
	}
	makefile, err := filepath.Abs(filepath.Join("..", "..", "GNUmakefile"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(makePath, "-n", "-f", makefile, "build")
	cmd.Dir = repo
	// Not the VERSION of a make that runs this test.
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make -n build: %v\n%s", err, out)
	}
	var got string
	if stamp := regexp.MustCompile(`-X main\.version=([^"\s]*)`).FindSubmatch(out); stamp != nil {
		got = string(stamp[1])
	}
	if got != "1.2.3" {
		t.Errorf("make build on tag v1.2.3 stamps main.version %q, want 1.2.3, as a release of the tag does:\n%s", got, out)
	}
}
