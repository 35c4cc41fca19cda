package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestExamples plans and applies every folder of examples/ against the mock,
// so that an example that no longer works fails the build. The examples read
// the key and URL from the environment, as users are told to.
func TestExamples(t *testing.T) {
	server := mockapi.NewTestServer(t, "")
	t.Setenv(EnvAPIKey, mockapi.DefaultAPIKey)
	t.Setenv(EnvBaseURL, server.URL())

	dirs := map[string]bool{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(filepath.Join(root, "examples"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
			dirs[filepath.Dir(path)] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 4 {
		t.Fatalf("found %d example folders, want at least 4: is the walk looking in the right place?", len(dirs))
	}
	for dir := range dirs {
		name, _ := filepath.Rel(root, dir)
		t.Run(filepath.ToSlash(name), func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
			if err != nil {
				t.Fatal(err)
			}
			var config strings.Builder
			for _, file := range files {
				body, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				config.Write(body)
				config.WriteString("\n")
			}
			before := server.RequestCount()
			step := resource.TestStep{Config: config.String()}
			if strings.Contains(config.String(), "provider::megallm::") {
				functionsTest(t, step)
			} else {
				unitTest(t, step)
			}
			if strings.Contains(config.String(), `data "megallm_`) && server.RequestCount() == before {
				t.Error("the example made no request: is it reading the catalog at all?")
			}
		})
	}
}
