package provider

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/mockapi"
)

// TestLifecycleWarning_fallbackRetiringFirst: a deprecated model chosen from
// candidates whose next usable candidate retires no later than it does has
// no fallback when it retires: the warning says the plan then fails and how to
// add one, not that candidates fall back to a model already retired by then.
func TestLifecycleWarning_fallbackRetiringFirst(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	lifecycle := func(deprecated, retires int) tftypes.Value {
		return object(map[string]tftypes.Value{"deprecated_at": str(day(deprecated)), "retires_at": str(day(retires))})
	}
	policy := map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{
		"models": object(map[string]tftypes.Value{"gpt-4o": lifecycle(-10, 100), "gpt-4o-mini": lifecycle(-10, 20),
			"gpt-4.1": lifecycle(-10, 100)}),
	})}
	for candidates, want := range map[string]string{
		"gpt-4o gpt-4o-mini": `after which this plan fails.`,
		"gpt-4o gpt-4.1":     `after which this plan fails.`,
		"gpt-4o gpt-4o-mini gpt-4.1-mini": `after which candidates fall back to "gpt-4.1-mini". To move now, remove "gpt-4o" ` +
			`from candidates.`,
	} {
		p := newProtocolServer(t, server, policy) // a plan of its own: each warning shows once per plan
		config := p.config(t, "megallm_model", candidatesConfig(strings.Fields(candidates)...))
		if _, got := p.readWarnings(t, "megallm_model", config); len(got) != 1 || !strings.Contains(got[0], want) {
			t.Errorf("candidates %s: warnings\n%q\nwant one with %q", candidates, got, want)
		}
	}
}

// TestLifecycleWarning_successorRetiringFirst: a deprecated model's successor
// that retires no later than it does is not advised, as such a fallback is
// not: the warning says when it retires and offers ids served after that.
func TestLifecycleWarning_successorRetiringFirst(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{
		"models": object(map[string]tftypes.Value{
			"gpt-4o": object(map[string]tftypes.Value{"deprecated_at": str(day(-10)), "retires_at": str(day(100)),
				"successor": str("gpt-4.1")}),
			"gpt-4.1": object(map[string]tftypes.Value{"retires_at": str(day(100))}),
		}),
	})}
	p := newProtocolServer(t, server, policy)
	config := p.config(t, "megallm_model", map[string]tftypes.Value{"id": str("gpt-4o")})
	want := `Its successor "gpt-4.1" cannot be used: it retires on ` + day(100) + `, no later than this model. ` +
		`Did you mean "gpt-4.1-mini"`
	if _, got := p.readWarnings(t, "megallm_model", config); len(got) != 1 || !strings.Contains(got[0], want) {
		t.Errorf("warnings\n%q\nwant one with %q", got, want)
	}
}

// TestLifecycleWarning_retiresTodayOrTomorrow: a model retiring later today,
// or tomorrow, is said to, not to retire "in 0 days" or "in 1 days"; the days
// count from the provider's clock, stopped at testNow. The model retiring today
// retires at the day's last instant, so a run started a moment before midnight
// still plans it as active.
func TestLifecycleWarning_retiresTodayOrTomorrow(t *testing.T) {
	t.Parallel()
	tonight := testNow.Truncate(24 * time.Hour).Add(24*time.Hour - time.Nanosecond).Format(time.RFC3339Nano)
	for retires, want := range map[string]string{
		tonight: tonight + ", today. After that, this plan fails.",
		day(1):  day(1) + ", tomorrow. After that, this plan fails.",
		day(2):  day(2) + ", in 2 days. After that, this plan fails.",
	} {
		server := mockapi.NewTestServer(t, "")
		server.SetModels(json.RawMessage(`{"id":"m4","retires_at":"`+retires+`"}`), json.RawMessage(`{"id":"m5"}`))
		p := newProtocolServer(t, server, nil)
		want = `MegaLLM model retiring soon: Model "m4" retires on ` + want
		if _, got := p.readWarnings(t, "megallm_model", p.modelConfig(t, "m4")); len(got) != 1 || !strings.Contains(got[0], want) {
			t.Errorf("retires_at %s: warnings\n%q\nwant one with %q", retires, got, want)
		}
	}
}

// TestLifecycleWarning_successorBesideFallback: a deprecated model chosen from
// candidates that hold a fallback other than its usable successor names the
// successor, and says to remove the model from candidates to move now, which,
// followed, plans the fallback without a warning.
func TestLifecycleWarning_successorBesideFallback(t *testing.T) {
	t.Parallel()
	server := mockapi.NewTestServer(t, "")
	policy := map[string]tftypes.Value{"policy": object(map[string]tftypes.Value{
		"models": object(map[string]tftypes.Value{"gpt-4o": object(map[string]tftypes.Value{
			"deprecated_at": str(day(-10)), "retires_at": str(day(100)), "successor": str("gpt-4.1")})}),
	})}
	p := newProtocolServer(t, server, policy)
	want := `Deprecated MegaLLM model: Model "gpt-4o" is deprecated since ` + day(-10) + `. It retires on ` + day(100) +
		`, in 100 days, after which candidates fall back to "gpt-4o-mini". Its successor is "gpt-4.1". ` +
		`To move now, remove "gpt-4o" from candidates.`
	config := p.config(t, "megallm_model", candidatesConfig("gpt-4o", "gpt-4o-mini"))
	if _, got := p.readWarnings(t, "megallm_model", config); len(got) != 1 || !strings.HasSuffix(got[0], want) {
		t.Errorf("warnings\n%q\nwant one ending with %q", got, want)
	}
	// The advice followed.
	state, got := p.readWarnings(t, "megallm_model", p.config(t, "megallm_model", candidatesConfig("gpt-4o-mini")))
	if id := stringAttr(t, state, "id"); id != "gpt-4o-mini" || len(got) != 0 {
		t.Errorf("candidates without gpt-4o: id %q, warnings %q, want gpt-4o-mini and none", id, got)
	}
}
