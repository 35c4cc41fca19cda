// Command planbench times real `terraform plan` runs against the mock MegaLLM
// API on loopback, for N megallm_model data sources and, interleaved in the
// same run, for a floor configuration of N terraform_data resources that makes
// no API call, and prints the tables of BENCHMARKS.md: median wall time per N,
// requests per plan, ours/floor, the marginal cost per data source, the fixed
// cost, and the provider's peak RSS. Run it from the module root, as
// `make bench` does:
//
//	go run ./tools/planbench -latency 50ms -runs 5 -models 10000
//
// It builds the provider the way a release does, serves it to Terraform
// through a dev_overrides CLI configuration of its own, and never sends a
// request off loopback. Peak RSS comes from GNU time (/usr/bin/time -v)
// wrapped around the provider, or, without GNU time, from the same
// getrusage(2) figure read by this program acting as the wrapper.
package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
	"github.com/megallm/terraform-provider-megallm/internal/tfcli"
)

// wrapFlag makes this program the provider's RSS wrapper (see wrapProvider).
const wrapFlag = "-wrap-provider"

// requestFlag makes this program time its first request (see timeFirstRequest).
const requestFlag = "-time-first-request"

// rssDirEnv names the directory where each wrapped provider process writes
// its peak RSS; Terraform passes its environment on to providers.
const rssDirEnv = "MEGALLM_PLANBENCH_RSS_DIR"

// Configuration kinds: the two the issue compares, and two that explain them.
const (
	kindFloor  = "floor"   // N terraform_data resources: Terraform alone, no plugin, no request
	kindOurs   = "ours"    // N megallm_model data sources
	kindPlugin = "plugin"  // one terraform_data and a megallm_model read deferred to apply: the plugin's start, no request
	kindList   = "listall" // one megallm_models listing the whole catalog
	// kindRequest is no plan: one ListModels of the catalog, the first call of
	// a new process, as a plan's provider makes its one request.
	kindRequest = "request"
	// kindBaseline is ours served by the -baseline provider: a change's cost
	// measured against the build before it, in the same interleaved runs.
	kindBaseline = "baseline"
	// kindListBaseline is kindList served by the -baseline provider.
	kindListBaseline = "listall-baseline"
)

type options struct {
	terraform string
	provider  string
	baseline  string
	latency   time.Duration
	runs      int
	ns        []int
	models    int
	listAll   bool
	// deprecated has every megallm_model read one model that the policy
	// deprecates without a successor.
	deprecated bool
	rss        bool
	raw        string
}

func main() {
	if code, ok := subcommand(os.Args); ok {
		os.Exit(code)
	}
	var o options
	var ns string
	flag.StringVar(&o.terraform, "terraform", os.Getenv("TERRAFORM"), "Terraform (or OpenTofu) CLI; default terraform, then tofu, on PATH")
	flag.StringVar(&o.provider, "provider", "", "provider binary to measure; default: build the module in the current directory")
	flag.StringVar(&o.baseline, "baseline", "", "a provider binary to compare with (such as the build of the base commit): "+
		"its N megallm_model plans are interleaved with ours and both marginal costs reported")
	flag.DurationVar(&o.latency, "latency", 50*time.Millisecond, "artificial latency of the mock API, per request")
	flag.IntVar(&o.runs, "runs", 5, "measured plans per configuration, after one discarded warm-up (at least 5 for the tables)")
	flag.StringVar(&ns, "n", "1,10,100,500", "numbers of data sources (and of floor resources), comma-separated; "+
		"the smallest and the largest give the marginal cost, which needs two values; the fixed cost needs 1")
	flag.IntVar(&o.models, "models", 10000, "size of the synthetic catalog the mock serves; 0 serves the built-in catalog")
	flag.BoolVar(&o.deprecated, "deprecated", false, "every megallm_model reads the catalog's first model, which the "+
		"policy deprecates without a successor: each read works out the warning that the plan shows once")
	flag.BoolVar(&o.listAll, "list-all", true, "also time one megallm_models data source that lists the whole catalog")
	flag.BoolVar(&o.rss, "rss", true, "measure the provider's peak RSS, in one extra plan per configuration")
	flag.StringVar(&o.raw, "raw", "", "if set, write every timed plan and request to this CSV file")
	flag.Parse()
	var err error
	if o.ns, err = parseNs(ns); err != nil {
		fatalf("%v", err)
	}
	if o.runs < 1 {
		fatalf("-runs %d: need at least one run", o.runs)
	}
	if err := run(o); err != nil {
		fatalf("%v", err)
	}
}

// subcommand runs this program as one of its own helper processes, if args
// ask for one, and returns its exit code.
func subcommand(args []string) (code int, ok bool) {
	switch {
	case len(args) > 2 && args[1] == wrapFlag:
		return wrapProvider(args[2], args[3:]), true
	case len(args) == 3 && args[1] == requestFlag:
		return timeFirstRequest(args[2]), true
	}
	return 0, false
}

// parseNs reads -n: positive numbers, comma-separated, returned in increasing
// order without repeats.
func parseNs(text string) ([]int, error) {
	var ns []int
	for _, field := range strings.Split(text, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-n: %q is not a positive number", field)
		}
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return slices.Compact(ns), nil
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "planbench: "+format+"\n", args...)
	os.Exit(1)
}

// workspace is one configuration in a directory of its own.
type workspace struct {
	kind string
	n    int
	dir  string
}

// sample is one timed plan.
type sample struct {
	run      int
	kind     string
	n        int
	seconds  float64
	requests int
}

func run(o options) error {
	terraform, err := findTerraform(o.terraform)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "megallm-planbench-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(work) }()

	plugins := filepath.Join(work, "plugins")
	if err := os.MkdirAll(plugins, 0o750); err != nil {
		return err
	}
	provider := filepath.Join(plugins, "terraform-provider-megallm")
	if o.provider != "" {
		if err := copyFile(o.provider, provider); err != nil {
			return err
		}
	} else {
		if out, err := tfcli.BuildProvider(".", provider, "0.0.0-planbench").CombinedOutput(); err != nil {
			return fmt.Errorf("building the provider (run from the module root): %w\n%s", err, out)
		}
	}

	mock := mockapi.New("")
	if err := mock.Start("127.0.0.1:0"); err != nil {
		return err
	}
	defer func() { _ = mock.Close() }()
	body := mockapi.BuiltinCatalog()
	if o.models > 0 {
		models := mockapi.SyntheticModels(o.models)
		mock.SetModels(models...)
		body = mockapi.ListBody(models...)
	}
	ids, err := catalogIDs(body)
	if err != nil {
		return err
	}
	mock.SetLatency(o.latency)

	env := planEnv(mock, work)
	cliConfig := func(dir string) (string, error) {
		path := filepath.Join(work, "cli-"+filepath.Base(dir)+".tfrc")
		return path, tfcli.WriteDevOverrides(path, dir)
	}
	timedConfig, err := cliConfig(plugins)
	if err != nil {
		return err
	}

	configFor := map[string]string{} // kind -> CLI configuration, when not timedConfig
	kinds := []string{kindFloor, kindOurs}
	if o.baseline != "" {
		baselinePlugins := filepath.Join(work, "plugins-baseline")
		if err := os.MkdirAll(baselinePlugins, 0o750); err != nil {
			return err
		}
		if err := copyFile(o.baseline, filepath.Join(baselinePlugins, "terraform-provider-megallm")); err != nil {
			return err
		}
		if configFor[kindBaseline], err = cliConfig(baselinePlugins); err != nil {
			return err
		}
		kinds = append(kinds, kindBaseline)
	}
	var spaces []workspace
	for _, n := range o.ns {
		for _, kind := range kinds {
			spaces = append(spaces, workspace{kind: kind, n: n})
		}
	}
	spaces = append(spaces, workspace{kind: kindPlugin, n: 1})
	if o.listAll {
		spaces = append(spaces, workspace{kind: kindList, n: 1})
		if o.baseline != "" {
			configFor[kindListBaseline] = configFor[kindBaseline]
			spaces = append(spaces, workspace{kind: kindListBaseline, n: 1})
		}
	}
	for i := range spaces {
		ws := &spaces[i]
		ws.dir = filepath.Join(work, fmt.Sprintf("%s-%d", ws.kind, ws.n))
		if err := os.MkdirAll(ws.dir, 0o750); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(ws.dir, "main.tf"), []byte(configText(ws.kind, ws.n, ids, o.deprecated)), 0o600); err != nil {
			return err
		}
	}

	tfVersion, _ := exec.Command(terraform, "version").Output() //nolint:gosec // G204: the Terraform CLI the user chose
	fmt.Printf("planbench: %s, %d-model catalog, mock latency %s, %d runs + 1 warm-up per configuration\n",
		firstLine(string(tfVersion)), len(ids), o.latency, o.runs)

	// Interleaved: every run times one cold request and plans every
	// configuration once, so that a slow moment of the machine hits all of
	// them alike; odd runs go in reverse.
	var samples []sample
	for r := 0; r <= o.runs; r++ {
		before := mock.RequestCount()
		seconds, err := coldRequest(mock.URL())
		if err != nil {
			return err
		}
		if r > 0 { // run 0 is the warm-up
			samples = append(samples, sample{r, kindRequest, 1, seconds, mock.RequestCount() - before})
		}
		order := slices.Clone(spaces)
		if r%2 == 1 {
			slices.Reverse(order)
		}
		for _, ws := range order {
			before := mock.RequestCount()
			seconds, err := plan(terraform, ws.dir, append(slices.Clone(env), "TF_CLI_CONFIG_FILE="+cmp.Or(configFor[ws.kind], timedConfig)))
			if err != nil {
				return fmt.Errorf("%s N=%d: %w", ws.kind, ws.n, err)
			}
			if r > 0 { // run 0 is the warm-up
				samples = append(samples, sample{r, ws.kind, ws.n, seconds, mock.RequestCount() - before})
			}
		}
		fmt.Fprintf(os.Stderr, "planbench: run %d of %d done\n", r, o.runs)
	}

	rss := map[string]rssResult{}
	rssHow := "not measured (-rss=false)"
	if o.rss {
		ours := slices.DeleteFunc(slices.Clone(spaces), func(ws workspace) bool {
			return ws.kind == kindBaseline || ws.kind == kindListBaseline
		})
		rss, rssHow, err = measureRSS(terraform, ours, env, work, provider, cliConfig)
		if err != nil {
			return err
		}
	}
	if o.raw != "" {
		if err := writeRaw(o.raw, samples); err != nil {
			return err
		}
	}
	fmt.Print(report(o, samples, rss, rssHow, len(ids)))
	return nil
}

// configText is the main.tf of a configuration kind with n items, the
// megallm_model ones of a model deprecated as -deprecated says, if asked.
func configText(kind string, n int, ids []string, deprecated bool) string {
	var b strings.Builder
	if kind != kindFloor {
		b.WriteString(tfcli.RequiredProviders + "\n")
	}
	switch kind {
	case kindFloor:
		for i := range n {
			fmt.Fprintf(&b, "resource \"terraform_data\" \"r%d\" { input = %q }\n", i, fmt.Sprint("item-", i))
		}
	case kindOurs, kindBaseline:
		if deprecated {
			fmt.Fprintf(&b, "provider \"megallm\" {\n  policy = { models = { %q = { deprecated_at = \"2020-01-01\" } } }\n}\n\n", ids[0])
			ids = ids[:1]
		}
		for i := range n {
			// Spread over the catalog; ids repeat only when n exceeds it.
			fmt.Fprintf(&b, "data \"megallm_model\" \"m%d\" { id = %q }\n", i, ids[(i*7919)%len(ids)])
		}
	case kindPlugin:
		// The id is unknown until apply, so Terraform defers the read: the plan
		// starts, validates and configures the provider as for ours, and reads
		// nothing.
		fmt.Fprintf(&b, "resource \"terraform_data\" \"r0\" { input = %q }\n\n", ids[0])
		b.WriteString("data \"megallm_model\" \"m0\" { id = terraform_data.r0.output }\n")
	case kindList, kindListBaseline:
		b.WriteString("data \"megallm_models\" \"all\" {}\n")
	}
	return b.String()
}

// planEnv is a clean environment for Terraform: none of the caller's
// MEGALLM_*, TF_* or proxy settings, and the mock's URL and key.
func planEnv(mock *mockapi.Server, work string) []string {
	return append(tfcli.CleanEnviron(),
		"TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TF_DATA_DIR="+filepath.Join(work, "tfdata"),
		"MEGALLM_BASE_URL="+mock.URL(), "MEGALLM_API_KEY="+mockapi.DefaultAPIKey)
}

// plan runs one terraform plan and returns its wall time.
func plan(terraform, dir string, env []string) (float64, error) {
	cmd := exec.Command(terraform, "-chdir="+dir, "plan", "-input=false", "-no-color") //nolint:gosec // G204: the Terraform CLI the user chose
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	seconds := time.Since(start).Seconds()
	if err != nil {
		return 0, fmt.Errorf("terraform plan: %w\n%s", err, out.String())
	}
	return seconds, nil
}

// coldRequest is the wall time of one ListModels call (request, latency and
// decode) against the mock at baseURL as a plan pays it: timed by a new
// process of this program (timeFirstRequest), so on a new client and
// connection, with code that has not run yet.
func coldRequest(baseURL string) (float64, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(self, requestFlag, baseURL) //nolint:gosec // G204: this program, with the mock's URL
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("timing a cold request: %w\n%s", err, stderr.String())
	}
	return strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
}

// timeFirstRequest prints the wall time in seconds of this process's first
// ListModels call against the mock at baseURL, as a plan's provider makes it.
func timeFirstRequest(baseURL string) int {
	client, err := megallm.New(megallm.Config{BaseURL: baseURL, APIKey: mockapi.DefaultAPIKey})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	start := time.Now()
	if _, _, err := client.ListModels(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(time.Since(start).Seconds())
	return 0
}

// rssResult is the largest peak RSS of the provider processes of one plan.
type rssResult struct {
	mb        float64
	processes int
}

// measureRSS plans each configuration that runs the provider once more, with
// the provider wrapped, and returns its peak RSS by "kind/n", and how it was
// measured.
func measureRSS(terraform string, spaces []workspace, env []string, work, provider string,
	cliConfig func(string) (string, error)) (map[string]rssResult, string, error) {
	wrapped := filepath.Join(work, "plugins-rss")
	rssDir := filepath.Join(work, "rss")
	for _, dir := range []string{wrapped, rssDir} {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, "", err
		}
	}
	var script, how string
	if exec.Command("/usr/bin/time", "-v", "true").Run() == nil {
		script = fmt.Sprintf("#!/bin/sh\nexec /usr/bin/time -v -o \"$%s/provider.$$.txt\" %q \"$@\"\n", rssDirEnv, provider)
		how = "GNU time -v, Maximum resident set size"
	} else {
		self, err := os.Executable()
		if err != nil {
			return nil, "", err
		}
		script = fmt.Sprintf("#!/bin/sh\nexec %q %s %q \"$@\"\n", self, wrapFlag, provider)
		how = "getrusage(2) ru_maxrss (no GNU time on this machine)"
	}
	//nolint:gosec // G306: the wrapper is a script Terraform must be able to execute
	if err := os.WriteFile(filepath.Join(wrapped, "terraform-provider-megallm"), []byte(script), 0o700); err != nil {
		return nil, "", err
	}
	config, err := cliConfig(wrapped)
	if err != nil {
		return nil, "", err
	}
	out := map[string]rssResult{}
	for _, ws := range spaces {
		if ws.kind == kindFloor {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(rssDir, "*"))
		for _, f := range files {
			_ = os.Remove(f)
		}
		if _, err := plan(terraform, ws.dir, append(slices.Clone(env), "TF_CLI_CONFIG_FILE="+config, rssDirEnv+"="+rssDir)); err != nil {
			return nil, "", fmt.Errorf("RSS plan of %s N=%d: %w", ws.kind, ws.n, err)
		}
		result, err := readRSS(rssDir)
		if err != nil {
			return nil, "", err
		}
		out[key(ws.kind, ws.n)] = result
	}
	return out, how, nil
}

func key(kind string, n int) string { return fmt.Sprintf("%s/%d", kind, n) }

var maxRSSLine = regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)

// readRSS is the largest peak RSS, in MB, that the wrapped providers of one
// plan wrote into dir, and how many provider processes the plan started.
func readRSS(dir string) (rssResult, error) {
	files, err := filepath.Glob(filepath.Join(dir, "provider.*.txt"))
	if err != nil || len(files) == 0 {
		return rssResult{}, fmt.Errorf("no provider wrote its peak RSS into %s: did Terraform start the wrapper?", dir)
	}
	result := rssResult{processes: len(files)}
	for _, f := range files {
		text, err := os.ReadFile(f) //nolint:gosec // G304: a file in this program's own temporary directory
		if err != nil {
			return rssResult{}, err
		}
		m := maxRSSLine.FindSubmatch(text)
		if m == nil {
			return rssResult{}, fmt.Errorf("%s has no peak RSS:\n%s", f, text)
		}
		kb, _ := strconv.ParseFloat(string(m[1]), 64)
		result.mb = max(result.mb, kb/1024)
	}
	return result, nil
}

// wrapProvider runs the provider with this process's stdio and environment,
// as GNU time would, and writes its peak RSS where readRSS looks for it.
func wrapProvider(provider string, args []string) int {
	cmd := exec.Command(provider, args...) //nolint:gosec // G204: the provider binary this program built
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		path := filepath.Join(os.Getenv(rssDirEnv), fmt.Sprintf("provider.%d.txt", os.Getpid()))
		//nolint:gosec // G703: the directory this program passed to its own wrapper
		_ = os.WriteFile(path, fmt.Appendf(nil, "\tMaximum resident set size (kbytes): %d\n", usage.Maxrss), 0o600)
	}
	return code
}

func writeRaw(path string, samples []sample) error {
	var b strings.Builder
	b.WriteString("run,config,n,seconds,requests\n")
	for _, s := range samples {
		fmt.Fprintf(&b, "%d,%s,%d,%.4f,%d\n", s.run, s.kind, s.n, s.seconds, s.requests)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o600)
}

// catalogIDs are the model ids of a GET /models body, in order.
func catalogIDs(body []byte) ([]string, error) {
	var list struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return nil, err
	}
	ids := make([]string, len(list.Data))
	for i, m := range list.Data {
		ids[i] = m.ID
	}
	return ids, nil
}

// findTerraform is the -terraform flag's CLI, else the one tfcli finds.
func findTerraform(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return tfcli.Find()
}

func copyFile(from, to string) error {
	in, err := os.Open(from) //nolint:gosec // G304: the -provider binary the user named
	if err != nil {
		return err
	}
	defer func() { _ = in.Close() }()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o700) //nolint:gosec // G302: an executable
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
