// Command terraform-provider-megallm serves the MegaLLM provider to Terraform
// and OpenTofu over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/megallm/terraform-provider-megallm/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	debug := flag.Bool("debug", false, "start the provider in debug mode, for debuggers such as delve")
	showVersion := flag.Bool("version", false, "print the provider version and exit")
	flag.Parse()

	if *showVersion {
		fmt.Println(version)
		return
	}
	if !*debug {
		quietUnlessLogging(os.Environ())
	}
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/megallm/megallm",
		Debug:   *debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}

// quietUnlessLogging turns the SDK's own log off when no TF_LOG variable is
// set, so Terraform keeps no log: the SDK logs at trace level by default,
// about 78 lines a megallm_model and 150 a megallm_models, and Terraform
// parses each line before it drops it, a third of a plan's CPU
// (BENCHMARKS.md). Any TF_LOG variable leaves logging as the SDK documents it.
func quietUnlessLogging(environ []string) {
	for _, kv := range environ {
		if strings.HasPrefix(kv, "TF_LOG") {
			return
		}
	}
	os.Setenv("TF_LOG_SDK", "off") //nolint:errcheck // a valid name cannot fail
}
