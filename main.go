// Command terraform-provider-megallm serves the MegaLLM provider to Terraform
// and OpenTofu over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"

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
	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/megallm/megallm",
		Debug:   *debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
