package provider

import (
	"math/big"
	"runtime"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// parsed is s as Terraform reads a number: 512 bits, to nearest even.
func parsed(t *testing.T, s string) *big.Float {
	t.Helper()
	n, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestNumbers_hugeExponents words numbers of any exponent as written, up to
// the largest and smallest big.Float holds, and counts the bytes the rules
// allocate: Text's exact decimal took half an hour for 1e300000000, and
// wholeFix's n.Int 120 MiB a call. Not parallel, so that no other test
// allocates meanwhile.
func TestNumbers_hugeExponents(t *testing.T) {
	const (
		limit   = "limit must be a positive whole number (up to 2147483647), got "
		absent  = ": leave limit out, or set it to null, to keep every model."
		atMost  = " (at most 1.7976931348623157e308)."
		largest = "6.6060489438148625745e646456992"
		tiniest = "2.8383077630018656719e-646456994"
	)
	for _, c := range []struct {
		n                            *big.Float
		retries, limit, count, bound string // the messages of wholeNumber, positiveWholeNumber, amount, minimumCount
	}{
		{parsed(t, "1e300000000"), "max_retries must be from 0 to 10, got 1e300000000: write 10 or less.",
			limit + "1e300000000: write 2147483647 or less.", "tokens is too large: 1e300000000" + atMost,
			"min_context_length is too large: 1e300000000" + atMost},
		{parsed(t, "-1e300000000"), "max_retries must be from 0 to 10, got -1e300000000: write 0 or more.",
			limit + "-1e300000000" + absent, "tokens must be 0 or more, got -1e300000000.",
			"min_context_length must be 0 or more, got -1e300000000."},
		{parsed(t, "1e-300000000"), "max_retries must be a whole number from 0 to 10, got 1e-300000000: write 0 or 1.",
			limit + "1e-300000000: write 1.", "", "min_context_length must be a whole number, got 1e-300000000: write 0 or 1."},
		{parsed(t, "-2.5e-300000000"), "max_retries must be a whole number from 0 to 10, got -2.5e-300000000: write 0.",
			limit + "-2.5e-300000000" + absent, "tokens must be 0 or more, got -2.5e-300000000.",
			"min_context_length must be 0 or more, got -2.5e-300000000."},
		{new(big.Float).SetMantExp(big.NewFloat(0.75), big.MaxExp),
			"max_retries must be from 0 to 10, got " + largest + ": write 10 or less.",
			limit + largest + ": write 2147483647 or less.", "tokens is too large: " + largest + atMost,
			"min_context_length is too large: " + largest + atMost},
		{new(big.Float).SetMantExp(big.NewFloat(0.5), big.MinExp),
			"max_retries must be a whole number from 0 to 10, got " + tiniest + ": write 0 or 1.",
			limit + tiniest + ": write 1.", "", "min_context_length must be a whole number, got " + tiniest + ": write 0 or 1."},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, retries := wholeNumber("max_retries", c.n, 0, 10)
		limit := positiveWholeNumber("to keep every model").num("limit", c.n)
		_, count := amount("tokens", c.n)
		_, bound := minimumCount("min_context_length", c.n)
		runtime.ReadMemStats(&after)
		for _, m := range [][2]string{{sentence(retries), c.retries}, {limit, c.limit}, {sentence(count), c.count}, {sentence(bound), c.bound}} {
			if m[0] != m[1] {
				t.Errorf("got %q, want %q", m[0], m[1])
			}
		}
		if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 256<<10 {
			t.Errorf("the rules of %s allocated %d bytes, want at most 256 KiB", c.retries, allocated)
		}
	}
}

// TestScientific_isText: scientific, which numberText uses past 2^4096,
// writes what Text's exact decimal does there, at any precision,
// rounding up to the next power of ten included.
func TestScientific_isText(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"1e1234", "-1e-1234", "1.5e5000", "-1.2345678901234567890123e-5000",
		"9.99999999999999999999999e4000", "3.14159265358979323846264338327950288e9999", "2.71828182845904523536028747e-1500"} {
		for _, n := range []*big.Float{parsed(t, s), new(big.Float).SetPrec(53).Set(parsed(t, s))} {
			if got, want := scientific(n), exponentAsWritten(n.Text('g', 20)); got != want {
				t.Errorf("scientific(%s at %d bits) = %s, want %s as Text writes it", s, n.Prec(), got, want)
			}
		}
	}
}

// TestNumbers_hugeExponentAsText: Terraform sends a number written in quotes
// as a string, quickly whatever its exponent (a number literal it converts to
// all its digits itself: 34 s for 1e3000000), and the rule's error words it as
// written, not in 300 million digits.
func TestNumbers_hugeExponentAsText(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	unitTest(t,
		errorStep(server, "megallm_models", `require = { min_context_length = "1e300000000" }`,
			`require.min_context_length must be a number, got a string "1e300000000", and the number 1e300000000 `+
				`would not do either: min_context_length is too large: 1e300000000 \(at most 1\.7976931348623157e308\)\.`),
		errorStep(server, "megallm_models", `workload = { input_tokens = "-1e300000000", output_tokens = 0 }`,
			`workload\.input_tokens must be 0 or more, got -1e300000000`),
	)
}

// TestNumbers_scaleLetters: a token count or context length in quotes with a
// scale letter after it, in either case (thousand, million, billion as B or
// G), is read as that number in the advice, in a workload and in require
// alike; a letter that is no scale gets no such advice, nor does any for a
// price, where "2.5M" means 2.5 per million and 2500000 would admit every model.
func TestNumbers_scaleLetters(t *testing.T) {
	t.Parallel()
	for _, c := range [][2]string{{"128k", "128000"}, {"128K", "128000"}, {"1.2m", "1200000"}, {"1.2M", "1200000"},
		{"3b", "3000000000"}, {"3B", "3000000000"}, {"1.5g", "1500000000"}, {"1.5G", "1500000000"}, {" 2 B ", "2000000000"},
		{"5x", ""}} {
		written, want := c[0], c[1]
		_, workloadErr := readWorkload(object(map[string]tftypes.Value{"input_tokens": str(written), "output_tokens": number(1)}))
		_, requireErr := readRequirements(object(map[string]tftypes.Value{"min_context_length": str(written)}), types.StringNull(), "")
		_, priceErr := readRequirements(object(map[string]tftypes.Value{"max_input_cost_per_million": str(written)}), types.StringNull(), "")
		for name, err := range map[string]error{"workload.input_tokens": workloadErr, "require.min_context_length": requireErr,
			"require.max_input_cost_per_million": priceErr} {
			advice, advised := `: write it as the number `+want+`, without quotes`, want != ""
			if strings.HasSuffix(name, "_per_million") { // no number, scaled or not
				advice, advised = `: write it as the number`, false
			}
			if err == nil || strings.Contains(err.Error(), advice) != advised ||
				!strings.Contains(err.Error(), name+` must be a number, got a string "`+written+`"`) {
				t.Errorf("%s = %q: error %v, want it to say %q: %v", name, written, err, advice, advised)
			}
		}
	}
}

// TestNumbers_noCurrencyInCount: a token count written with a currency sign or
// code, in a workload as in require, is no number, and no currency is to be set:
// a count is no price, and "set currency" would not fix it.
func TestNumbers_noCurrencyInCount(t *testing.T) {
	t.Parallel()
	for _, written := range []string{"5 EUR", "$5", "€5"} {
		_, workloadErr := readWorkload(object(map[string]tftypes.Value{"input_tokens": str(written), "output_tokens": number(1)}))
		_, requireErr := readRequirements(object(map[string]tftypes.Value{"min_context_length": str(written)}), types.StringNull(), "")
		for name, err := range map[string]error{"workload.input_tokens": workloadErr, "require.min_context_length": requireErr} {
			want := name + ` must be a number, got a string "` + written + `", which is no number: write a number, without quotes`
			if err == nil || err.Error() != want {
				t.Errorf("%s = %q: error %v, want %s", name, written, err, want)
			}
		}
	}
}
