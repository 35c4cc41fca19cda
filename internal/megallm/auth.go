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
	if s == AuthXAPIKey {
		h.Set("x-api-key", key)
		return
	}
	h.Set("Authorization", "Bearer "+key)
}
