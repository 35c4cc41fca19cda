package megallm

import "net/http"

// AuthScheme says which header carries the API key.
type AuthScheme string

// The two schemes the API accepts.
const (
	// AuthBearer sends "Authorization: Bearer KEY" (OpenAI-compatible).
	AuthBearer AuthScheme = "bearer"
	// AuthXAPIKey sends "x-api-key: KEY" (Anthropic-compatible).
	AuthXAPIKey AuthScheme = "x-api-key"
)

// AuthSchemeNames lists the accepted schemes, default first.
func AuthSchemeNames() []string {
	return []string{string(AuthBearer), string(AuthXAPIKey)}
}

func (s AuthScheme) valid() bool {
	return s == AuthBearer || s == AuthXAPIKey
}

// setHeader puts the key in the one header the scheme uses.
func (s AuthScheme) setHeader(h http.Header, key string) {
	h.Set(s.header(key))
}

// Header is the header line that carries key as the scheme sends it, for
// advice such as a curl command, where key is a variable's reference.
func (s AuthScheme) Header(key string) string {
	name, value := s.header(key)
	return name + ": " + value
}

// header is the name and value of the one header the scheme uses.
func (s AuthScheme) header(key string) (name, value string) {
	if s == AuthXAPIKey {
		return "x-api-key", key
	}
	return "Authorization", "Bearer " + key
}
