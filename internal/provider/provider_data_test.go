package provider

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestDescribeCatalogError_neverShowsKey drives the real client into every
// failure it reports and checks that no diagnostic text contains the key.
func TestDescribeCatalogError_neverShowsKey(t *testing.T) {
	t.Parallel()
	const key = "fake-key-that-must-never-be-shown"
	cases := map[string]struct {
		fault   *mockapi.Fault
		baseURL string
		summary string
	}{
		"rejected key":   {summary: "MegaLLM rejected the API key"},
		"server error":   {fault: ptr(mockapi.ServerError()), summary: "MegaLLM API error"},
		"html page":      {fault: ptr(mockapi.HTMLPage(http.StatusBadGateway)), summary: "MegaLLM API error"},
		"not found":      {fault: ptr(mockapi.Fault{Status: http.StatusNotFound}), summary: "MegaLLM API not found at base_url"},
		"forbidden":      {fault: ptr(mockapi.Fault{Status: http.StatusForbidden}), summary: "MegaLLM API refused access"},
		"malformed json": {fault: ptr(mockapi.MalformedJSON()), summary: "Unexpected response from the MegaLLM API"},
		"timeout":        {fault: nil, baseURL: "slow", summary: "MegaLLM API timed out"},
		"rate limited":   {fault: ptr(mockapi.RateLimited("1")), summary: "MegaLLM API rate limit"},
		"unreachable":    {baseURL: "http://127.0.0.1:9/v1", summary: "Cannot reach the MegaLLM API"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, "")
			baseURL := server.URL()
			switch tc.baseURL {
			case "":
			case "slow":
				server.SetLatency(2 * time.Second)
			default:
				baseURL = tc.baseURL
			}
			if tc.fault != nil {
				server.InjectFaults(*tc.fault)
			}
			client, err := megallm.New(megallm.Config{BaseURL: baseURL, APIKey: key, Timeout: 200 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = client.ListModels(context.Background())
			if err == nil {
				t.Fatal("ListModels succeeded, want an error")
			}
			summary, detail := describeCatalogError(err, defaultMaxRetries, "api_key", "base_url", "")
			if summary != tc.summary {
				t.Errorf("summary %q, want %q", summary, tc.summary)
			}
			if strings.Contains(summary+detail, key) {
				t.Error("the diagnostic contains the API key")
			}
			if !strings.Contains(detail, "/v1/models") {
				t.Errorf("the diagnostic does not name the URL requested: %s", detail)
			}
		})
	}
}

func TestDescribeCatalogError_missingKey(t *testing.T) {
	t.Parallel()
	summary, detail := describeCatalogError(megallm.ErrMissingAPIKey, defaultMaxRetries, "api_key", "base_url", "")
	if summary != "Missing MegaLLM API key" || !strings.Contains(detail, "api_key and the "+envAPIKey+" environment variable are unset or blank") {
		t.Errorf("got %q / %q: want a summary about the missing key and a detail saying that api_key and %s are unset or blank (a blank one is set)",
			summary, detail, envAPIKey)
	}
	if want := "set catalog_file (or " + envCatalogFile + ") to a saved GET /models answer"; !strings.Contains(detail, want) {
		t.Errorf("detail %q does not offer the key-free way, %q", detail, want)
	}
}

// TestRepeatedDetail_noRequestMade: a later read of a catalog that failed
// without a request (no key, an unreadable catalog_file) does not say the
// provider makes no further requests, as it made none.
func TestRepeatedDetail_noRequestMade(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		err  error
		want string
	}{
		{megallm.ErrMissingAPIKey, "The provider does not try again within this plan; the next plan tries again."},
		{&megallm.CatalogFileError{Path: "cat.json", Err: os.ErrNotExist}, "The provider does not try again within this plan"},
		{&megallm.APIError{StatusCode: http.StatusInternalServerError}, "The provider makes no further requests for it within this plan"},
	} {
		if detail := repeatedDetail(&catalog.RepeatedError{Err: tc.err}, "r"); !strings.Contains(detail, tc.want) {
			t.Errorf("%T: detail %q, want it to say %q", tc.err, detail, tc.want)
		}
	}
}

// TestDescribeCatalogError_cancelled: however the read was stopped (in
// flight, while waiting to retry, or while waiting for another reader's
// fetch), an interrupted read says so and does not blame base_url.
func TestDescribeCatalogError_cancelled(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	server.InjectFaults(mockapi.ServerError())
	ctx, cancel := context.WithCancel(context.Background())
	client, err := megallm.New(megallm.Config{
		BaseURL: server.URL(), APIKey: mockapi.DefaultAPIKey, MaxRetries: 3, RetryWaitMin: time.Minute, RetryWaitMax: time.Minute,
		OnRetry: func(context.Context, megallm.Retry) { cancel() },
	})
	if err != nil {
		t.Fatal(err)
	}
	_, _, retryWaitErr := client.ListModels(ctx)
	inFlightErr := &url.Error{Op: "Get", URL: server.URL() + "/models", Err: context.Canceled}
	for name, err := range map[string]error{"retry wait": retryWaitErr, "in flight": inFlightErr, "waiting for the shared fetch": context.Canceled} {
		summary, detail := describeCatalogError(err, defaultMaxRetries, "api_key", "base_url", "")
		if summary != "Reading the MegaLLM catalog was cancelled" || !strings.Contains(detail, "Terraform was interrupted") ||
			!strings.Contains(detail, "Nothing is wrong with the provider's configuration") {
			t.Errorf("%s: got %q / %q, want a summary and detail that say the read was cancelled", name, summary, detail)
		}
	}
}

// TestRead_cancelled reads through the provider server as Terraform does and
// cancels two reads while the API is slow: the one whose request is in
// flight and one waiting for that shared fetch. Both say they were cancelled.
func TestRead_cancelled(t *testing.T) {
	t.Parallel()
	mock := mockapi.NewTestServer(t, "")
	mock.SetLatency(time.Minute)
	p := newProtocolServer(t, mock, nil)
	config := p.modelConfig(t, "gpt-4o")

	fetching, cancelFetching := context.WithCancel(context.Background())
	defer cancelFetching()
	waiting, cancelWaiting := context.WithCancel(context.Background())
	errs := make(chan string, 2)
	go func() { _, msg := p.readContext(fetching, "megallm_model", config); errs <- msg }()
	for deadline := time.Now().Add(5 * time.Second); mock.RequestCount() == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the first read sent no request within 5s")
		}
	}
	go func() { _, msg := p.readContext(waiting, "megallm_model", config); errs <- msg }()
	cancelWaiting()
	cancelFetching()
	for range 2 {
		select {
		case msg := <-errs:
			if !strings.HasPrefix(msg, "Reading the MegaLLM catalog was cancelled: Terraform was interrupted") {
				t.Errorf("a cancelled read reported %q, want that it was cancelled", msg)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("a cancelled read did not return within 5s")
		}
	}
	if n := mock.RequestCount(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// TestDescribeCatalogError_unknownAuthority: a TLS server whose certificate
// this machine does not trust (the API behind a TLS-inspecting proxy, or a
// self-signed gateway) gets a diagnostic that says how to trust it.
func TestDescribeCatalogError_unknownAuthority(t *testing.T) {
	t.Parallel()
	server := startTLSMock(t)
	client, err := megallm.New(megallm.Config{BaseURL: server.URL + "/v1", APIKey: mockapi.DefaultAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = client.ListModels(context.Background())
	summary, detail := describeCatalogError(err, defaultMaxRetries, "api_key", "base_url", "")
	if summary != "Cannot verify the MegaLLM API's TLS certificate" || !strings.Contains(detail, "certificate signed by unknown authority") ||
		!strings.Contains(detail, "SSL_CERT_FILE") || !strings.Contains(detail, "SSL_CERT_DIR") {
		t.Errorf("got %q / %q, want a diagnostic that says how to trust the certificate", summary, detail)
	}
}

// TestDescribeCatalogError_plainServer: an https base_url whose server does
// not speak TLS (a gateway that serves plain http, or something else on the
// port) says to write http://, which, written, reads the catalog; it used to
// say "Cannot reach the MegaLLM API", which had answered.
func TestDescribeCatalogError_plainServer(t *testing.T) {
	t.Parallel()
	mock := mockapi.NewTestServer(t, "")
	other, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = other.Close() })
	go func() {
		for conn, err := other.Accept(); err == nil; conn, err = other.Accept() {
			_, _ = conn.Write([]byte("SSH-2.0-OpenSSH_9.6\r\n"))
			_ = conn.Close()
		}
	}()
	for name, base := range map[string]string{"http": mock.URL(), "ssh": "http://" + other.Addr().String() + "/v1"} {
		client, err := megallm.New(megallm.Config{BaseURL: strings.Replace(base, "http://", "https://", 1), APIKey: mockapi.DefaultAPIKey})
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = client.ListModels(context.Background())
		summary, detail := describeCatalogError(err, defaultMaxRetries, "api_key", "base_url", "")
		if want := "write base_url with http:// instead of https://."; summary != "MegaLLM API does not speak https" ||
			!strings.HasSuffix(detail, want) {
			t.Errorf("%s: got %q / %q, want a diagnostic that says to %s", name, summary, detail, want)
		}
	}
	client, err := megallm.New(megallm.Config{BaseURL: mock.URL(), APIKey: mockapi.DefaultAPIKey})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := client.ListModels(context.Background()); err != nil {
		t.Errorf("with http://, as advised: %v", err)
	}
}

// TestDescribeCatalogError_throttled: raising max_retries is advised only
// where it helps: below its limit, and when the API asked for a wait that
// retries take.
func TestDescribeCatalogError_throttled(t *testing.T) {
	t.Parallel()
	const raise = "raise max_retries"
	for name, tc := range map[string]struct {
		retryAfter string
		maxRetries int
		want       string
	}{
		"retries left":          {"0", 3, "Try again later, raise max_retries (now 3, up to 10) to wait longer, or run fewer"},
		"retries at their most": {"0", maxMaxRetries, "Try again later, or run fewer plans at once with the same key."},
		"a wait no retry takes": {"120", maxMaxRetries, "It asked to wait longer than the provider waits to retry: run the plan again once that wait is over"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			server := mockapi.NewTestServer(t, "")
			for range tc.maxRetries + 1 {
				server.InjectFaults(mockapi.RateLimited(tc.retryAfter))
			}
			client, err := megallm.New(megallm.Config{BaseURL: server.URL(), APIKey: mockapi.DefaultAPIKey, MaxRetries: tc.maxRetries})
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = client.ListModels(context.Background())
			_, detail := describeCatalogError(err, tc.maxRetries, "api_key", "base_url", "")
			if flat := strings.Join(strings.Fields(detail), " "); !strings.Contains(flat, tc.want) ||
				(tc.maxRetries == maxMaxRetries && strings.Contains(flat, raise)) {
				t.Errorf("detail %q, want %q and, at max_retries = %d, no %q", detail, tc.want, maxMaxRetries, raise)
			}
		})
	}
}

// A base URL without a path too long to quote whole is told to add the
// version path, without an example cut where it would be copied.
func TestDescribeCatalogError_longBaseURLWithoutPath(t *testing.T) {
	t.Parallel()
	root := "https://" + strings.Repeat("a", 60) + ".example"
	_, detail := describeCatalogError(&megallm.APIError{StatusCode: http.StatusNotFound, URL: root + "/models"},
		defaultMaxRetries, "api_key", "base_url", "")
	if want := `This one has no path: add the API's version path, as the default "https://ai.megallm.io/v1" has /v1.`; !strings.HasSuffix(detail, want) {
		t.Errorf("detail %q, want it to end %q", detail, want)
	}
}

// TestDescribeCatalogError_proxyAsksForCredentials: a proxy that answers 407
// (the mock, as the proxy of a host that only it serves) gets advice naming the
// variable its credentials go in: HTTPS_PROXY, whose proxy refuses the tunnel
// to an https API (a *megallm.ProxyError), or HTTP_PROXY, whose proxy answers a
// plain http request itself. Followed, the advice sends them, and no detail
// shows the password. The proxy is the client's transport's, as net/http reads
// HTTP_PROXY and HTTPS_PROXY once per process.
func TestDescribeCatalogError_proxyAsksForCredentials(t *testing.T) {
	t.Parallel()
	const password = "proxy-password-not-a-secret"
	advice := "The HTTP proxy between this machine and the API wants a user name and password, which the provider sends " +
		"only when the proxy's URL holds them: set the %s environment variable to http://USER:PASSWORD@HOST:PORT (with " +
		"any @, : or / in them percent-encoded), or check them if it holds them already. To reach the API without the " +
		"proxy, add its host to NO_PROXY."
	for _, tc := range []struct{ base, variable, credentials string }{
		{"https://megallm.example.test/v1", "HTTPS_PROXY", ""},
		{"http://megallm.example.test/v1", "HTTP_PROXY", ""},
		{"https://megallm.example.test/v1", "HTTPS_PROXY", "ci:" + password + "@"},
		{"http://megallm.example.test/v1", "HTTP_PROXY", "ci:" + password + "@"},
	} {
		proxy := mockapi.NewTestServer(t, "")
		proxy.InjectFaults(mockapi.HTMLPage(http.StatusProxyAuthRequired))
		proxyURL, err := url.Parse(strings.Replace(strings.TrimSuffix(proxy.URL(), "/v1"), "://", "://"+tc.credentials, 1))
		if err != nil {
			t.Fatal(err)
		}
		transport, ok := megallm.NewTransport().(*http.Transport)
		if !ok {
			t.Fatal("megallm.NewTransport is no *http.Transport")
		}
		transport.Proxy = http.ProxyURL(proxyURL) // as the variable set to proxyURL
		client, err := megallm.New(megallm.Config{BaseURL: tc.base, APIKey: mockapi.DefaultAPIKey, MaxRetries: 3, Transport: transport})
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = client.ListModels(context.Background())
		summary, detail := describeCatalogError(err, 3, "api_key", "base_url", "")
		if want := fmt.Sprintf("%v.\n\n"+advice, err, tc.variable); summary != "Proxy asks for credentials" || detail != want ||
			strings.Contains(detail, password) {
			t.Errorf("%s, credentials %t: %q\n%s\nwant %q\n%s", tc.variable, tc.credentials != "", summary, detail,
				"Proxy asks for credentials", want)
		}
		requests := proxy.Requests()
		if len(requests) != 1 {
			t.Errorf("%s: the proxy got %d requests, want 1: a 407 is not retried", tc.variable, len(requests))
		} else if sent := requests[0].Header.Get("Proxy-Authorization"); (tc.credentials != "") != (sent != "") {
			t.Errorf("%s, credentials %t: the proxy got Proxy-Authorization %t", tc.variable, tc.credentials != "", sent != "")
		}
	}
}
