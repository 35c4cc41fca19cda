package megallm_test

import (
	"context"
	"crypto/x509"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestNewTransportWithHTTP2DebugLog: Go's HTTP/2 client, which GODEBUG's
// http2debug=1 or 2 has log every request header (the key too) to stderr,
// and so into Terraform's TF_LOG log, is not used then: the client asks an
// https API that offers HTTP/2 over HTTP/1.1; otherwise over HTTP/2.
func TestNewTransportWithHTTP2DebugLog(t *testing.T) {
	for godebug, want := range map[string]string{
		"":                               "HTTP/2.0",
		"http2debug=0":                   "HTTP/2.0",
		"http2debug=1":                   "HTTP/1.1",
		"tlsrsakex=1,http2debug=2":       "HTTP/1.1",
		"http2client=1,http2debug=1,x=0": "HTTP/1.1",
	} {
		t.Run(godebug, func(t *testing.T) {
			t.Setenv("GODEBUG", godebug)
			protos := make(chan string, 1)
			mock := mockapi.New(mockapi.DefaultAPIKey)
			server := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				protos <- r.Proto
				mock.ServeHTTP(w, r)
			}))
			server.EnableHTTP2 = true
			server.StartTLS()
			t.Cleanup(server.Close)
			roundTripper := megallm.NewTransport()
			transport, ok := roundTripper.(*http.Transport)
			if !ok {
				t.Fatalf("NewTransport returned a %T, not an *http.Transport", roundTripper)
			}
			// Trusting the server's certificate as SSL_CERT_FILE does, with
			// the TLS settings (the protocols offered) NewTransport made.
			transport.TLSClientConfig.RootCAs = x509.NewCertPool()
			transport.TLSClientConfig.RootCAs.AddCert(server.Certificate())
			client := newClient(t, megallm.Config{BaseURL: server.URL + "/v1", APIKey: mockapi.DefaultAPIKey, Transport: transport})
			if _, _, err := client.ListModels(context.Background()); err != nil {
				t.Fatal(err)
			}
			if proto := <-protos; proto != want {
				t.Errorf("with GODEBUG=%q the API was asked over %s, want %s", godebug, proto, want)
			}
		})
	}
}
