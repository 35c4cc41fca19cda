package megallm_test

import (
	"testing"

	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

func TestNormaliseCurrency(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"USD", "USD", true},
		{"usd", "USD", true},
		{" USD ", "USD", true},
		{"\teur\n", "EUR", true},
		{"", "", false},
		{"US", "US", false},
		{"US DOLLAR", "US DOLLAR", false},
		{"U$D", "U$D", false},
		{"ÜSD", "ÜSD", false},
	} {
		if got, ok := megallm.NormaliseCurrency(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("NormaliseCurrency(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
