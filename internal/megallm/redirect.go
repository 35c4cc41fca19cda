package megallm

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// maxRedirects is how many redirects one attempt follows, as Go's default.
const maxRedirects = 10

// ErrTooManyRedirects is an attempt whose redirects went on past
// maxRedirects, as a loop of them does.
var ErrTooManyRedirects = fmt.Errorf("stopped after %d redirects", maxRedirects)

// finalURL is where redirects led the request that got resp, without the
// key and cut as a quoted value is (the server chose it), or "" when that
// is the models URL itself.
func (c *Client) finalURL(resp *http.Response) string {
	if final := resp.Request.URL.Redacted(); final != c.modelsURL.Redacted() {
		return Excerpt(c.redact.String(final))
	}
	return ""
}

// boundRedirectTarget makes a transport error that quotes where a redirect
// led say `Get "MODELS URL": redirected to TARGET: ...`, with TARGET whole
// (Go quotes the Location header as it is, maybe relative), without a
// password or the key, and cut as finalURL is; the key is removed first, so
// that the cut cannot keep a part of it.
func (c *Client) boundRedirectTarget(err error) error {
	var urlErr *url.Error
	if !errors.As(err, &urlErr) || urlErr.URL == c.modelsURL.String() {
		return err
	}
	target := urlErr.URL
	if u, err := c.modelsURL.Parse(target); err == nil {
		target = u.Redacted()
	}
	return &url.Error{Op: urlErr.Op, URL: c.ModelsURL(),
		Err: fmt.Errorf("redirected to %s: %w", Excerpt(c.redact.String(target)), urlErr.Err)}
}

// keyWithheld reports whether req went without the key, as
// keepCredentialsOnOrigin sends it after a redirect that left the origin.
func keyWithheld(req *http.Request) bool {
	return req.Header.Get("Authorization") == "" && req.Header.Get("x-api-key") == ""
}

// keepCredentialsOnOrigin follows up to maxRedirects redirects, but once the
// chain has left the original host (or gone from https to http) it sends
// neither credential header. Go itself drops only Authorization, and only
// for some host changes; x-api-key would otherwise go anywhere.
func keepCredentialsOnOrigin(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return ErrTooManyRedirects
	}
	origin := via[0].URL
	for _, hop := range append(via[1:], req) {
		if !strings.EqualFold(hop.URL.Host, origin.Host) || (origin.Scheme == "https" && hop.URL.Scheme != "https") {
			req.Header.Del("Authorization")
			req.Header.Del("x-api-key")
			break
		}
	}
	return nil
}
