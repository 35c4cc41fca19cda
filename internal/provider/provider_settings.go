package provider

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// providerSettings is the provider block with the environment and defaults.
type providerSettings struct {
	// catalogFile, when set, leaves the API settings unused but by the advice
	// to save it (saveAdvice); fileKeys are the keys scrubbed from it. Each
	// ...From names the argument or environment variable a setting came from,
	// for advice.
	catalogFile string
	fileFrom    string
	fileKeys    []string
	baseURL     string
	baseFrom    string
	apiKey      string
	keyFrom     string
	authScheme  megallm.AuthScheme
	timeout     time.Duration
	maxRetries  int
	policy      *catalog.Policy
}

// resolveSettings resolves the provider block, every argument known, with
// the environment and the defaults.
func resolveSettings(ctx context.Context, cfg providerConfig) (providerSettings, diag.Diagnostics) {
	var diags diag.Diagnostics
	policy, err := readDynamic(ctx, cfg.Policy, func(v tftypes.Value) (*catalog.Policy, error) {
		return readPolicy(v, false) // spacedPolicyNames, with the catalog
	})
	if err != nil {
		diags.AddAttributeError(path.Root("policy"), "Invalid policy", sentences(err))
		return providerSettings{}, diags
	}
	file, fileFrom := cfg.CatalogFile.ValueString(), "catalog_file"
	if cfg.CatalogFile.IsNull() {
		file, fileFrom = getenv(envCatalogFile, "the path of "+savedAnswer, path.Root("catalog_file"), &diags), envCatalogFile
	}
	if diags.HasError() {
		return providerSettings{}, diags
	}
	if file != "" {
		if cfg.CatalogFile.IsNull() {
			if err := spacedFix("it", file, "path", func(clean string) string {
				if p, ok := megallm.PathToWrite(megallm.EnvironmentVariable, clean); ok {
					return "write it as " + p
				}
				return "remove it"
			}); err != nil {
				diags.AddAttributeError(path.Root("catalog_file"), "Invalid "+envCatalogFile,
					fmt.Sprintf("The %s environment variable is set, but %s, or unset it.", envCatalogFile, err))
				return providerSettings{}, diags
			}
			warnCatalogFileFromEnvironment(&diags, cfg, file)
		}
		// The API's settings, unused, say where saveAdvice saves the file from.
		baseURL, baseFrom := cfg.BaseURL.ValueString(), "base_url"
		if cfg.BaseURL.IsNull() {
			baseURL, baseFrom = os.Getenv(envBaseURL), envBaseURL
		}
		// Every key the provider knows, scrubbed from the file as from an answer
		// of the API: the server it was saved from may have been sent either.
		return providerSettings{catalogFile: file, fileFrom: fileFrom, fileKeys: secretKeys(cfg.APIKey.ValueString()),
			baseURL: baseURL, baseFrom: baseFrom, authScheme: authScheme(cfg), policy: policy}, diags
	}

	baseURL, baseFrom := cfg.BaseURL.ValueString(), "base_url"
	if cfg.BaseURL.IsNull() {
		baseURL, baseFrom = getenv(envBaseURL, apiRoot(envBaseURL), path.Root("base_url"), &diags), envBaseURL
		_, err := megallm.ParseBaseURL(baseURL)
		switch {
		case baseURL == "":
			baseURL, baseFrom = megallm.DefaultBaseURL, "base_url (or "+envBaseURL+")"
		case diags.HasError(): // white space alone
			return providerSettings{}, diags
		case err != nil:
			diags.AddAttributeError(path.Root("base_url"), "Invalid "+envBaseURL,
				fmt.Sprintf("The %s environment variable is set, but %s.%s Set it to %s, or unset it.", envBaseURL, err,
					baseURLHint(envBaseURL, baseURL, err), apiRoot(envBaseURL)))
			return providerSettings{}, diags
		}
	}
	s := providerSettings{
		baseURL:    baseURL,
		baseFrom:   baseFrom,
		authScheme: authScheme(cfg),
		timeout:    defaultRequestTimeout,
		maxRetries: defaultMaxRetries,
		policy:     policy,
	}
	if !cfg.RequestTimeout.IsNull() {
		// The validator has already rejected anything that does not parse.
		s.timeout, _ = time.ParseDuration(cfg.RequestTimeout.ValueString())
	}
	if !cfg.MaxRetries.IsNull() {
		// The validator has already checked that it is a whole number from 0 to 10.
		maxRetries, _ := wholeNumber("max_retries", cfg.MaxRetries.ValueBigFloat(), 0, maxMaxRetries)
		s.maxRetries = int(maxRetries)
	}
	apiKey, keyFrom, keyDiags := resolveAPIKey(cfg.APIKey)
	diags.Append(keyDiags...)
	s.apiKey, s.keyFrom = apiKey, keyFrom
	// A URL is logged where a header is not: never send a key in one, the one
	// in use or MEGALLM_API_KEY's.
	if scrubbed := keyScrubber(apiKey)(s.baseURL); holdsKey(s.baseURL, secretKeys(apiKey)) {
		diags.AddAttributeError(path.Root("base_url"), "API key in the base URL",
			fmt.Sprintf("The base URL %s holds the API key (shown as ***), which would be sent in every request's "+
				"URL, where proxies and servers log it. Set %s to %s, and the key in api_key or %s only.",
				megallm.Quote(scrubbed), s.baseFrom, apiRoot(s.baseFrom), envAPIKey))
	}
	return s, diags
}

// settingKind is the kind of setting, as advice names it (providerSettings'
// ...From), that advice asks to write a value in (megallm.ToWrite): one of the
// provider's environment variables, or an argument, "base_url (or
// MEGALLM_BASE_URL)" for an unset one.
func settingKind(setting string) megallm.Setting {
	if setting == envBaseURL || setting == envCatalogFile {
		return megallm.EnvironmentVariable
	}
	return megallm.Argument
}

// holdsKey reports whether url holds one of keys, which the API reads from a
// header alone (its OpenAPI description has no other place for it): a key as
// short as a word ("test") may well be part of a host name, and is not looked
// for.
func holdsKey(url string, keys []string) bool {
	long := slices.DeleteFunc(slices.Clone(keys), func(key string) bool { return len(key) < 10 })
	return megallm.KeyScrubber(long...)(url) != url
}

// authScheme is auth_scheme, Bearer when unset.
func authScheme(cfg providerConfig) megallm.AuthScheme {
	return cmp.Or(megallm.AuthScheme(cfg.AuthScheme.ValueString()), megallm.AuthBearer)
}

// getenv is the environment variable name, "" when unset or empty; white
// space alone is an error on at, the argument it stands in for.
func getenv(name, setTo string, at path.Path, diags *diag.Diagnostics) string {
	v := os.Getenv(name)
	if v != "" && strings.TrimSpace(v) == "" {
		diags.AddAttributeError(at, "Invalid "+name, fmt.Sprintf("The %s environment variable is %s, white space "+
			"alone. Set it to %s, or unset it (an empty value counts as unset).", name, megallm.Quote(v), setTo))
	}
	return v
}

// warnCatalogFileFromEnvironment says that MEGALLM_CATALOG_FILE leaves the
// API arguments of the provider block unused.
func warnCatalogFileFromEnvironment(diags *diag.Diagnostics, cfg providerConfig, file string) {
	var ignored []string
	for _, arg := range []struct {
		name  string
		value types.String
	}{{"base_url", cfg.BaseURL}, {"api_key", cfg.APIKey}, {"auth_scheme", cfg.AuthScheme}} {
		if !arg.value.IsNull() {
			ignored = append(ignored, arg.name)
		}
	}
	if len(ignored) == 0 {
		return
	}
	diags.AddWarning("MegaLLM catalog read from "+envCatalogFile,
		fmt.Sprintf("The %s environment variable is set, so the catalog is read from the file %s and no request "+
			"is sent; the provider \"megallm\" block also sets %s, which the file leaves unused. Unset %s to "+
			"read the catalog from the API.", envCatalogFile, megallm.QuotePath(file), strings.Join(ignored, ", "), envCatalogFile))
}

// resolveAPIKey is api_key, else MEGALLM_API_KEY, trimmed, and the name of
// the one it is; a character no key has, or a key too short to be found in
// what a server sends back, is an error that never shows the key.
func resolveAPIKey(configured types.String) (key, source string, diags diag.Diagnostics) {
	key, source = trimKey(configured.ValueString()), "api_key"
	if key == "" {
		key, source = trimKey(os.Getenv(envAPIKey)), envAPIKey
	}
	var problem string
	if i := strings.IndexFunc(key, unicode.IsControl); i >= 0 {
		problem = "contains a control character (such as a line break or a tab) inside it, which an HTTP header cannot carry"
	} else if i := strings.IndexFunc(key, func(r rune) bool { return r > unicode.MaxASCII }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(key[i:])
		problem = fmt.Sprintf("contains a character that is not ASCII (%U, its character %d), which no API key has: copying "+
			"a key through a chat, a document or a web page can turn a quote or a dash into one", r, utf8.RuneCountInString(key[:i])+1)
	} else if secretPart(key) != key {
		problem = "is written with what a shell, .env file or HTTP header puts around a key (NAME=, export, quotes or " +
			"Bearer): write the key alone, as the file or variable should hold it; auth_scheme says how it is sent"
	} else if strings.Contains(key, " ") {
		problem = "contains a space, which no API key has: it may hold two values, or a word copied with the key"
	} else if key != "" && len(key) < megallm.MinKeyLength {
		problem = fmt.Sprintf("is shorter than %d characters, which no API key is: set the key the API issued (an API "+
			"that checks no key, such as a local gateway, takes any value of %[1]d characters or more, and one of %[2]d or "+
			"more %[3]s, is not hidden where ids and messages hold it as a word)",
			megallm.MinKeyLength, megallm.MinKeyRun, unhiddenKey)
	}
	if problem != "" {
		diags.AddAttributeError(path.Root("api_key"), "Invalid "+source,
			fmt.Sprintf("The API key in %s %s; the key is not shown here. White space around the key is "+
				"removed, but not inside it. Check the file, variable or environment the key comes from.", source, problem))
		return "", source, diags
	}
	return key, source, diags
}

// unhiddenKey is what a key for an API that checks none needs, besides
// megallm.MinKeyRun characters, for the redactor to hide no id.
const unhiddenKey = `that no model id holds, such as "no-key-required"`

// keyWrapping is what copying a key from a shell or .env line (MEGALLM_API_KEY=,
// export, a YAML "api_key:") or an HTTP header (Bearer) leaves in front of it.
var keyWrapping = regexp.MustCompile(`(?i)^(?:(?:export\s+)?[a-z_][a-z0-9_]*(?:key|token)[a-z0-9_]*\s*[=:]\s*|bearer\s+)`)

// secretPart is key trimmed, without keyWrapping and quotes: the part to keep
// out of every message.
func secretPart(key string) string {
	secret, _ := megallm.Unquoted(keyWrapping.ReplaceAllString(trimKey(key), ""))
	return secret
}

// trimKey is key without the white space, byte-order mark and zero-width
// space that files and copied text put around it.
func trimKey(key string) string {
	return strings.TrimFunc(key, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' })
}

// keyScrubber replaces every form of api_key (configured), of MEGALLM_API_KEY
// and of the keys this process's provider was configured with (configuredKeys).
func keyScrubber(configured string) func(string) string {
	configuredKeys.Lock()
	defer configuredKeys.Unlock()
	return megallm.KeyScrubber(append(secretKeys(configured), configuredKeys.keys...)...)
}

// secretKeys are the secret parts of api_key (configured) and of
// MEGALLM_API_KEY, in that order, "" for an unset one.
func secretKeys(configured string) []string {
	return []string{secretPart(configured), secretPart(os.Getenv(envAPIKey))}
}

// configuredKeys are the secret parts of the api_key values ValidateConfig has
// read in this process: Terraform validates the provider block before a data source.
var configuredKeys struct {
	sync.Mutex
	keys []string
}

// rememberKey adds key to configuredKeys.
func rememberKey(key string) {
	configuredKeys.Lock()
	defer configuredKeys.Unlock()
	if key != "" && !slices.Contains(configuredKeys.keys, key) {
		configuredKeys.keys = append(configuredKeys.keys, key)
	}
}

// scrubbed is diags with each summary and detail passed through scrub.
func scrubbed(diags diag.Diagnostics, scrub func(string) string) diag.Diagnostics {
	var out diag.Diagnostics
	for _, d := range diags {
		summary, detail := scrub(d.Summary()), scrub(d.Detail())
		var clean diag.Diagnostic = diag.NewWarningDiagnostic(summary, detail)
		if d.Severity() == diag.SeverityError {
			clean = diag.NewErrorDiagnostic(summary, detail)
		}
		if withPath, hasPath := d.(diag.DiagnosticWithPath); hasPath {
			clean = diag.WithPath(withPath.Path(), clean)
		}
		out.Append(clean)
	}
	return out
}
