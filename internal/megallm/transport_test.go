package megallm_test

import (
	"context"
	"crypto/x509"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
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

// TestNewTransport_proxyRefusal: a proxy (HTTPS_PROXY) that refuses to open
// a tunnel to the API is a *megallm.ProxyError that names the proxy without
// its password and the code it answered, where Go says only "Proxy
// Authentication Required"; it is retried as an answer of the API with that
// code would be: a 407 never, a 503 up to max_retries.
func TestNewTransport_proxyRefusal(t *testing.T) {
	t.Parallel()
	const password = "proxy-password-not-a-secret"
	for status, wantRequests := range map[int]int{http.StatusProxyAuthRequired: 1, http.StatusServiceUnavailable: 4} {
		proxy := newRecorder(t, status, "text/html", "<h1>"+http.StatusText(status)+"</h1>")
		proxyURL, err := url.Parse(proxy.URL)
		if err != nil {
			t.Fatal(err)
		}
		proxyURL.User = url.UserPassword("ci", password)
		transport, ok := megallm.NewTransport().(*http.Transport)
		if !ok {
			t.Fatal("NewTransport returned no *http.Transport")
		}
		transport.Proxy = http.ProxyURL(proxyURL) // as HTTPS_PROXY=http://ci:PASSWORD@HOST:PORT
		var retries []megallm.Retry
		cfg := fastRetries("https://megallm.example.test/v1", 3, &retries)
		cfg.Transport = transport
		_, _, err = newClient(t, cfg).ListModels(context.Background())
		var proxyErr *megallm.ProxyError
		if !errors.As(err, &proxyErr) || proxyErr.StatusCode != status {
			t.Fatalf("err = %v, want a *megallm.ProxyError with code %d", err, status)
		}
		want := "the proxy http://ci:xxxxx@" + proxyURL.Host + " refused to connect to the API: HTTP " +
			strconv.Itoa(status) + " " + http.StatusText(status)
		if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), password) {
			t.Errorf("err = %q, want it to say %q, without the proxy's password", err, want)
		}
		if got := len(proxy.paths()); got != wantRequests {
			t.Errorf("the proxy got %d requests, want %d", got, wantRequests)
		} else if method := proxy.requests[0].Method; method != http.MethodConnect {
			t.Errorf("the proxy got %s, want CONNECT", method)
		}
	}
}
