package megallm

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// NewTransport is a transport set up as http.DefaultTransport is, but not
// shared: whoever else in the process closes the default transport's idle
// connections (every httptest.Server.Close does) cannot break a request of
// this client's mid-redirect ("http: CloseIdleConnections called"). A
// program that replaced the default with a transport of its own gets that.
// It speaks HTTP/1.1 only where GODEBUG turns Go's HTTP/2 debug log on
// (http2DebugLog). A proxy's refusal to open a tunnel is a *ProxyError.
func NewTransport() http.RoundTripper {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return http.DefaultTransport
	}
	t = t.Clone()
	t.OnProxyConnectResponse = proxyRefusal
	if http2DebugLog(os.Getenv("GODEBUG")) {
		t.Protocols = new(http.Protocols)
		t.Protocols.SetHTTP1(true)
		if t.TLSClientConfig != nil { // nil with GODEBUG=http2client=0
			t.TLSClientConfig.NextProtos = []string{"http/1.1"} // not the default's h2 too, which Clone copied
		}
	}
	return t
}

// http2DebugLog reports whether godebug turns on the debug log of Go's HTTP/2
// client, as net/http reads it at start (http2debug=1 or 2): that log prints
// each request header, the key's included, and with 2 the frames of the answer
// (a key the server quotes back), to stderr, which Terraform copies into the
// TF_LOG log. HTTP/1.1 has no such log.
func http2DebugLog(godebug string) bool {
	return strings.Contains(godebug, "http2debug=1") || strings.Contains(godebug, "http2debug=2")
}

// proxyRefusal is a *ProxyError for a proxy's answer to CONNECT other than
// 200, where Go's own error is the status text alone ("Proxy Authentication
// Required"), which names neither the proxy nor the code.
func proxyRefusal(_ context.Context, proxy *url.URL, _ *http.Request, resp *http.Response) error {
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	return &ProxyError{Proxy: proxy.Redacted(), StatusCode: resp.StatusCode}
}
