package e2e

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestProjectWorkflow_runsWhatCIRuns: the project's GitHub workflow runs
// every make target that .ci/run runs, as its first line says, so that a
// pull request is checked as CI checks main.
func TestProjectWorkflow_runsWhatCIRuns(t *testing.T) {
	t.Parallel()
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("../../.github/workflows/test.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf githubWorkflow
	if err := yaml.Unmarshal(text, &wf); err != nil {
		t.Fatalf("test.yml: %v", err)
	}
	runs := map[string]bool{}
	for _, job := range wf.Jobs {
		for _, step := range job.Steps {
			for _, line := range strings.Split(step.Run, "\n") {
				runs[strings.TrimSpace(line)] = true
			}
		}
	}
	targets := regexp.MustCompile(`(?m)^step "[^"]*" make (\S+)`).FindAllSubmatch(ci, -1)
	if len(targets) < 5 {
		t.Fatalf(".ci/run runs %d make targets by its step lines, want the 5 or more it has", len(targets))
	}
	for _, target := range targets {
		if !runs["make "+string(target[1])] {
			t.Errorf(".ci/run runs make %s and .github/workflows/test.yml does not: add a job whose step runs it", target[1])
		}
	}
}
