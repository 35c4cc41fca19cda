// Command megallm-mock serves the fake MegaLLM API on loopback, for `make demo`
// and for trying the provider by hand. It prints its base URL and the shell
// lines that point Terraform at it, and runs until interrupted.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func main() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	if err := run(os.Args[1:], os.Stdout, stop); err != nil {
		log.Fatal(err)
	}
}

// run serves the mock until stop receives, printing to stdout.
func run(args []string, stdout io.Writer, stop <-chan os.Signal) error {
	flags := flag.NewFlagSet("megallm-mock", flag.ContinueOnError)
	addr := flags.String("addr", "127.0.0.1:0", "loopback address to listen on; port 0 picks a free one")
	apiKey := flags.String("api-key", mockapi.DefaultAPIKey, "the fake API key the mock accepts")
	latency := flags.Duration("latency", 0, "artificial delay before every answer, e.g. 50ms")
	urlFile := flags.String("url-file", "", "if set, write the base URL to this file once listening")
	models := flags.Int("models", 0, "if above 0, serve a synthetic catalog of this many models instead of the built-in one")
	providerDir := flags.String("provider-dir", "bin", "the folder of the provider binary that `make build` writes, for the dev_overrides hint")
	if err := flags.Parse(args); err != nil {
		return err
	}

	server := mockapi.New(*apiKey)
	server.SetLatency(*latency)
	if *models > 0 {
		server.SetModels(mockapi.SyntheticModels(*models)...)
	}
	if err := server.Start(*addr); err != nil {
		return err
	}
	if *urlFile != "" {
		if err := os.WriteFile(*urlFile, []byte(server.URL()+"\n"), 0o600); err != nil {
			return err
		}
	}
	dir, err := filepath.Abs(*providerDir)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(stdout, "# megallm-mock: serving GET %s/models\n", server.URL()); err != nil {
		return err
	}
	if err := printExports(stdout, server.URL(), *apiKey, dir); err != nil {
		return err
	}

	<-stop
	_, err = fmt.Fprintf(stdout, "megallm-mock: stopping after %d requests\n", server.RequestCount())
	return errors.Join(err, server.Close())
}

// printExports prints the shell lines that point Terraform at the mock and
// at the provider built into providerDir: pasted into a shell, they set the
// variables and write dev.tfrc in the current directory.
func printExports(w io.Writer, url, apiKey, providerDir string) error {
	_, err := fmt.Fprintf(w, `# To plan against this mock, paste these lines into another shell:
export MEGALLM_BASE_URL=%s
export MEGALLM_API_KEY=%s
# and to plan with your own build (make build) rather than the registry's:
cat > dev.tfrc <<'TFRC'
provider_installation {
  dev_overrides { "megallm/megallm" = %q }
  direct {}
}
TFRC
export TF_CLI_CONFIG_FILE="$PWD/dev.tfrc" # then terraform plan, without terraform init
`, shellQuote(url), shellQuote(apiKey), providerDir)
	return err
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
