package provider

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// repeatedDetail is the detail, for reader, of a failure that another data
// source reports in full, named: with its cause, since a check block's data
// source shows its error as a warning.
func repeatedDetail(err *catalog.RepeatedError, reader string) string {
	where := "the first data source that read the catalog in this plan"
	switch err.FirstReader {
	case "":
	case reader: // another instance of the same block, or a block like it
		where = "another data source like this one (" + reader + "), the first to read the catalog in this plan"
	default:
		where = err.FirstReader + ", the first to read the catalog in this plan"
	}
	for _, shown := range []struct {
		as   any
		what string
	}{
		{new(*catalog.PolicyMismatchError), "The provider's policy names models or currencies otherwise than the catalog writes them"},
		{new(*policyNamesError), "The provider's policy writes a name with white space around it or an invisible character"},
		{new(unknownArgumentsError), "Part of the megallm provider block will only be known after apply"},
	} {
		if errors.As(err, shown.as) {
			return shown.what + ": the error is shown in full, with how to fix it, on " + where + "."
		}
	}
	again := "The provider makes no further requests for it within this plan"
	if errors.As(err, new(*megallm.CatalogFileError)) || errors.Is(err, megallm.ErrMissingAPIKey) {
		again = "The provider does not try again within this plan" // it made no request
	}
	return "The catalog could not be read: " + causeLine(err) + ". The same error is shown in full, with how to fix " +
		"it, on " + where + ". " + again + "; the next plan tries again."
}

// causeLine is err in one line, without what the server sent: the full
// error quotes that once, and a key it echoes in a form the scrubber does not
// know should not be repeated on every data source.
func causeLine(err error) string {
	var apiErr *megallm.APIError
	var respErr *megallm.ResponseError
	switch {
	case errors.As(err, &apiErr):
		return apiErr.Headline()
	case errors.As(err, &respErr):
		return respErr.Headline() + ": the response is not a MegaLLM model list"
	}
	return err.Error()
}

// persistsAdvice ends the advice for an error of the API that says no more
// than what the API said.
const persistsAdvice = "If the error persists, check the MegaLLM status page or try again later."

// apiKeyInBlock is where to set the key in configuration, for advice.
const apiKeyInBlock = "api_key in the provider \"megallm\" block (from a sensitive variable, for example)" //nolint:gosec // G101: advice, not a credential.

// describeCatalogError words a catalog error and how to fix it, under the
// provider's max_retries, where the key or file, and the base URL, came
// from (providerData's from and baseFrom), and how to save a catalog file
// (saveAdvice).
func describeCatalogError(err error, maxRetries int, from, baseFrom, save string) (summary, detail string) {
	var apiErr *megallm.APIError
	var timeoutErr *megallm.TimeoutError
	var proxyErr *megallm.ProxyError
	var fileErr *megallm.CatalogFileError
	var mismatch *catalog.PolicyMismatchError
	var names *policyNamesError
	var unknown unknownArgumentsError
	explained := func(advice string, args ...any) string { // most details: the error, then what to do
		return fmt.Sprintf("%s.\n\n", err) + fmt.Sprintf(advice, args...)
	}
	switch {
	case errors.As(err, &unknown):
		return "Provider argument not known at plan time", unknown.detail()
	case errors.As(err, &names):
		detail = aboutPolicy + "\n\n" + sentences(names)
		if errors.As(err, &mismatch) {
			detail = strings.TrimSpace(detail + "\n\n" + policyMismatchDetail(mismatch))
		}
		return "Invalid policy", detail
	case errors.As(err, &mismatch):
		if summary = "Provider policy writes model ids otherwise than the catalog"; len(mismatch.Misnamed)+len(mismatch.MisnamedSuccessors) == 0 {
			summary = "Provider policy currency not an ISO 4217 code"
		}
		return summary, policyMismatchDetail(mismatch)
	case errors.Is(err, context.Canceled):
		return "Reading the MegaLLM catalog was cancelled",
			fmt.Sprintf("Terraform was interrupted (by Ctrl-C, for example) while the megallm provider was reading "+
				"the model catalog, so the read stopped: %s.\n\nNothing is wrong with the provider's configuration "+
				"(base_url, api_key or catalog_file); run the command again to read the catalog.", err)
	case errors.As(err, &fileErr):
		return "Cannot read " + from, fmt.Sprintf("%s.%s", err, catalogFileAdvice(fileErr, from, save))
	case errors.Is(err, megallm.ErrMissingAPIKey):
		return "Missing MegaLLM API key",
			"The megallm provider needs an API key to read the model catalog, and none is configured: api_key and the " +
				envAPIKey + " environment variable are unset or blank. Set " + apiKeyInBlock + ", or set the " + envAPIKey + " environment variable. " +
				"To plan without the API, as in CI or module tests, set catalog_file (or " + envCatalogFile + ") to " + savedAnswer + " instead."
	case errors.As(err, &apiErr) && apiErr.KeyWithheld && (apiErr.Unauthorized() || apiErr.StatusCode == http.StatusForbidden):
		return "MegaLLM API redirected to where the key is not sent", explained("%s redirects to another host, or "+
			"from https to http, and the provider sends the API key to neither, so the key was not checked: that "+
			"address refused a request without one. If you trust it, set %[1]s to it, without the /models the "+
			"provider adds.", baseFrom)
	case errors.As(err, &apiErr) && apiErr.Unauthorized():
		return "MegaLLM rejected the API key", explained("Check that the key is valid and not revoked, and that "+
			"auth_scheme matches how the key must be sent. %s", rejectedKeyAdvice(from))
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusForbidden:
		return "MegaLLM API refused access", explained("The API, or a proxy or firewall in front of it, refuses this "+
			"request: check that the key may list models (its project, scopes or allowed IP addresses), and that %s "+
			"is the API your key belongs to.", baseFrom)
	case errors.As(err, &proxyErr) && proxyErr.StatusCode == http.StatusProxyAuthRequired,
		errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusProxyAuthRequired:
		variable := "HTTP_PROXY" // a plain http request goes to the proxy whole
		if proxyErr != nil {
			variable = "HTTPS_PROXY" // an https one through a tunnel the proxy opens (CONNECT)
		}
		return "Proxy asks for credentials", explained("The HTTP proxy between this machine and the API wants a "+
			"user name and password, which the provider sends only when the proxy's URL holds them: set the %s "+
			"environment variable to http://USER:PASSWORD@HOST:PORT (with any @, : or / in them percent-encoded), or "+
			"check them if it holds them already. To reach the API without the proxy, add its host to NO_PROXY.", variable)
	case errors.As(err, &timeoutErr):
		return "MegaLLM API timed out", explained("The limit is request_timeout = %q, per attempt. Raise "+
			"request_timeout if the API is slow to answer from here, or check base_url and your network.",
			timeoutErr.Timeout.String())
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusTooManyRequests:
		return "MegaLLM API rate limit", explained("The API is throttling this key. %s", throttledAdvice(apiErr, maxRetries))
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound:
		var hint, example string
		root := strings.TrimSuffix(apiErr.URL, "/models")
		if u, err := url.Parse(root); err == nil && u.Path == "" {
			hint = fmt.Sprintf(" This one has no path: add the API's version path, as the default %q has /v1", megallm.DefaultBaseURL)
			example = root + "/v1"
		} else if example = strings.TrimSuffix(root, "/models"); example != root {
			hint = " This one ends in /models, which the provider adds: leave it out"
		}
		if hint != "" {
			// A cut one cannot be copied, nor one with a short key, a word of it, shown as ***.
			if written, ok := megallm.ToWrite(settingKind(baseFrom), example); ok && !strings.Contains(example, "***") {
				hint += "; for example " + written
			}
			hint += "."
		}
		return "MegaLLM API not found at " + baseFrom, explained("Check %s: it must be %s.%s", baseFrom, apiRoot(baseFrom), hint)
	case errors.As(err, new(x509.UnknownAuthorityError)):
		return "Cannot verify the MegaLLM API's TLS certificate", explained("The server's certificate is signed by "+
			"an authority this machine does not trust, as happens behind a proxy that inspects TLS or with a "+
			"self-signed gateway. If you trust that authority, give the provider its certificate (PEM): on Linux, set "+
			"the SSL_CERT_FILE environment variable to a file that holds it (SSL_CERT_FILE replaces the system's CA "+
			"file, so add the certificate to a copy of that file) or SSL_CERT_DIR to a directory of such files; on "+
			"macOS and Windows, add it to the system's trust store. Otherwise, check %s.", baseFrom)
	case errors.As(err, &apiErr) && apiErr.TakesHTTPS():
		return "MegaLLM API refused plain http", explained("The server at %s refused a plain http request, as one "+
			"sent to its https port: write %[1]s with https:// instead of http://.", baseFrom)
	case errors.Is(err, http.ErrSchemeMismatch), errors.As(err, new(tls.RecordHeaderError)):
		return "MegaLLM API does not speak https", explained("The server at %s answered an https request without "+
			"TLS, as one that serves plain http does (a local gateway may): if it does, write %[1]s with http:// "+
			"instead of https://.", baseFrom)
	case errors.As(err, &apiErr) && apiErr.Message == "" && apiErr.StatusCode < 500:
		said := "The answer gives no message that says why the request was refused."
		if apiErr.Unread {
			said = "The provider reads no error message from the answer: its body, quoted above, is not JSON, or is " +
				"JSON too long to be read whole."
		}
		return "MegaLLM API error", explained("%s %s %s", said, checkBaseURLAdvice(baseFrom), persistsAdvice)
	case errors.As(err, &apiErr):
		return "MegaLLM API error", explained("%s", persistsAdvice)
	case errors.Is(err, megallm.ErrErrorAnswer):
		return "MegaLLM API answered with an error", explained("%s If it rejects the key: %s %s",
			errorAnswerAdvice(err, baseFrom), rejectedKeyAdvice(from), persistsAdvice)
	case errors.As(err, new(*megallm.ResponseError)):
		return "Unexpected response from the MegaLLM API", explained("%s", checkBaseURLAdvice(baseFrom))
	case errors.Is(err, megallm.ErrTooManyRedirects):
		return "Too many redirects from the MegaLLM API", explained("The server answered, with redirects that did "+
			"not end, as a loop of them does. %s", checkBaseURLAdvice(baseFrom))
	default:
		return "Cannot reach the MegaLLM API", explained("Check %s, your network and proxy settings; each attempt "+
			"is limited by request_timeout.", baseFrom)
	}
}

// checkBaseURLAdvice is the advice for an answer that may be another
// server's: baseFrom names where the base URL came from.
func checkBaseURLAdvice(baseFrom string) string {
	return "Check that " + baseFrom + " points at the MegaLLM API and not at a proxy or a web page."
}

// setBaseURL says to set the base URL to value, whole in a quote, where it
// came from, baseFrom: from MEGALLM_BASE_URL, the variable, written as it
// takes the value (megallm.ToWrite), or base_url, which wins over it.
func setBaseURL(baseFrom, value string) string {
	inBlock, _ := megallm.ToWrite(megallm.Argument, value)
	if inBlock = "base_url = " + inBlock; settingKind(baseFrom) == megallm.Argument {
		return "set " + inBlock
	}
	if bare, ok := megallm.ToWrite(megallm.EnvironmentVariable, value); ok {
		return "set " + baseFrom + " to " + bare + ", or " + inBlock + " in the provider \"megallm\" block, which wins " +
			"over the variable"
	}
	return "set " + inBlock + " in the provider \"megallm\" block, which wins over " + baseFrom
}

// errorAnswerAdvice says what to do about an error answer with a success
// status (megallm.ErrErrorAnswer), by what it says: its message, only its
// type or code, or nothing at all (then the server may be another's).
func errorAnswerAdvice(err error, baseFrom string) string {
	const sent = "The API, or a gateway in front of it, sent an error instead of the model list, with a success status"
	var answer *megallm.ErrorAnswerError
	switch {
	case !errors.As(err, &answer):
		return "Its \"error\" holds no message, type or code that says what failed. " + checkBaseURLAdvice(baseFrom) +
			" If it does, the API, or a gateway in front of it, sent an error without saying why."
	case answer.Said.Message == "":
		return sent + " and no message: its type or code says what failed."
	}
	return sent + ": do what its message says."
}

// rejectedKeyAdvice says which key was sent and how to send another: api_key
// wins over MEGALLM_API_KEY, so changing the variable does nothing while
// api_key is set, and removing api_key sends the variable's key only where
// it holds one.
func rejectedKeyAdvice(keyFrom string) string {
	if keyFrom == envAPIKey {
		return "The key sent is the " + envAPIKey + " environment variable's, as api_key is unset or blank: " +
			"correct the variable, or set " + apiKeyInBlock + "."
	}
	if trimKey(os.Getenv(envAPIKey)) == "" {
		return "The key sent is api_key's (the " + envAPIKey + " environment variable is unset or blank): correct " +
			"the value api_key gets."
	}
	return "The key sent is api_key's, which is used instead of the " + envAPIKey + " environment variable " +
		"whenever it is set: correct the value api_key gets, or remove api_key to send " + envAPIKey + "'s."
}

// throttledAdvice says what helps when the API throttles: waiting as long as
// it asked, which a retry does not when it asked for longer than the client
// waits, or more retries, up to their limit.
func throttledAdvice(err *megallm.APIError, maxRetries int) string {
	switch {
	case err.WaitRefused():
		return "It asked to wait longer than the provider waits to retry: run the plan again once that wait is " +
			"over, or run fewer plans at once with the same key."
	case maxRetries < maxMaxRetries:
		return fmt.Sprintf("Try again later, raise max_retries (now %d, up to %d) to wait longer, or run fewer plans "+
			"at once with the same key.", maxRetries, maxMaxRetries)
	}
	return "Try again later, or run fewer plans at once with the same key."
}
