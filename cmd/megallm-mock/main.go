// Command megallm-mock serves the fake MegaLLM API on loopback, for `make demo`
// and for trying the provider by hand. It prints its base URL and runs until
// interrupted.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address to listen on; port 0 picks a free one")
	apiKey := flag.String("api-key", mockapi.DefaultAPIKey, "the fake API key the mock accepts")
	latency := flag.Duration("latency", 0, "artificial delay before every answer, e.g. 50ms")
	urlFile := flag.String("url-file", "", "if set, write the base URL to this file once listening")
	models := flag.Int("models", 0, "if above 0, serve a synthetic catalog of this many models instead of the built-in one")
	flag.Parse()

	server := mockapi.New(*apiKey)
	server.SetLatency(*latency)
	if *models > 0 {
		server.SetModels(mockapi.SyntheticModels(*models)...)
	}
	if err := server.Start(*addr); err != nil {
		log.Fatal(err)
	}
	if *urlFile != "" {
		if err := os.WriteFile(*urlFile, []byte(server.URL()+"\n"), 0o600); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("megallm-mock: serving GET %s/models\n", server.URL())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	fmt.Printf("megallm-mock: stopping after %d requests\n", server.RequestCount())
	_ = server.Close()
}
