package provider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// lifecycleWarning warns about the model a megallm_model uses (named by the
// argument at): that it is deprecated, or, not deprecated, that it retires
// within the policy's notice window; each with when it retires and what to
// move to. A model's lifecycle gets one warning, never both, and a plan
// shows the same warning once however many data sources use the model.
// candidates is the data source's argument (nil with id): what it falls
// back to when the model retires changes the advice.
func (d *providerData) lifecycleWarning(models *catalog.Catalog, model *megallm.Model, at path.Path,
	candidates []string, query catalog.Query) diag.Diagnostics {
	var diags diag.Diagnostics
	l := catalog.LifecycleOf(model, models.Now())
	var summary, detail string
	switch {
	case l.Status == catalog.StatusDeprecated:
		summary = "Deprecated MegaLLM model"
		detail = deprecationWarning(model.ID, l, models.Reason(model.ID), d.advice(models, model.ID, l, candidates, query))
	case models.RetiresWithinNotice(l):
		summary = "MegaLLM model retiring soon"
		detail = retirementNotice(model.ID, l, models.Reason(model.ID), d.advice(models, model.ID, l, candidates, query),
			models.RetirementNoticeDays())
	default:
		return diags
	}
	if d.catalog.TakeWarning(summary + "\n" + detail) {
		diags.AddAttributeWarning(at, summary, detail)
	}
	return diags
}

// lifecycleAdvice is what a lifecycle warning advises: the model's successor
// (catalog.Advice) and the first of the data source's later candidates that
// can be used, which it falls back to when the model retires ("" for none).
type lifecycleAdvice struct {
	catalog.Advice
	fallback string
}

// advice costs a pass over the catalog: only for a warning.
func (d *providerData) advice(models *catalog.Catalog, id string, l catalog.Lifecycle, candidates []string,
	query catalog.Query) lifecycleAdvice {
	a := lifecycleAdvice{Advice: models.Advise(id, l.Successor)}
	if i := slices.Index(candidates, id); i >= 0 {
		if fallback, _ := models.Choose(candidates[i+1:], query); fallback != nil {
			a.fallback = fallback.ID
		}
	}
	return a
}

// deprecationWarning says that a model is deprecated, until when it is
// served and what to move to.
func deprecationWarning(id string, l catalog.Lifecycle, reason string, advice lifecycleAdvice) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Model %q is deprecated since %s", id, catalog.FormatDate(*l.DeprecatedAt))
	if reason != "" {
		fmt.Fprintf(&b, ": %s", reason)
	}
	b.WriteString(".")
	if l.RetiresAt != nil {
		fmt.Fprintf(&b, " It retires on %s, %s%s.", catalog.FormatDate(*l.RetiresAt), inDays(*l.DaysToRetirement),
			afterRetirement(advice.fallback))
	}
	b.WriteString(successorAdvice(id, advice))
	return b.String()
}

// retirementNotice says that a model that is not deprecated retires within
// the policy's notice window of days, and what to move to.
func retirementNotice(id string, l catalog.Lifecycle, reason string, advice lifecycleAdvice, window int64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Model %q retires on %s, %s%s", id, catalog.FormatDate(*l.RetiresAt),
		inDays(*l.DaysToRetirement), afterRetirement(advice.fallback))
	if reason != "" {
		fmt.Fprintf(&b, ": %s", reason)
	}
	fmt.Fprintf(&b, ". The provider's policy gives notice %d days ahead (retirement_notice_days; 0 turns it off).", window)
	b.WriteString(successorAdvice(id, advice))
	return b.String()
}

// afterRetirement says what happens to the plan when the model retires:
// it fails, or candidates fall back to another model.
func afterRetirement(fallback string) string {
	if fallback != "" {
		return fmt.Sprintf(", after which candidates fall back to %q", fallback)
	}
	return ", after which this plan fails"
}

// successorAdvice is the sentence of a lifecycle warning about what to move
// to. With a fallback in candidates: leaving the model out of them, and the
// successor if it is another usable model. Else the successor when it can be
// used, or why not and the closest ids that can; "" without a successor.
func successorAdvice(id string, advice lifecycleAdvice) string {
	usable := advice.Successor != "" && advice.Unusable == ""
	switch {
	case advice.fallback != "" && usable && advice.Successor != advice.fallback:
		return fmt.Sprintf(" Its successor is %q. To move now, remove %q from candidates.", advice.Successor, id)
	case advice.fallback != "":
		return fmt.Sprintf(" To move now, remove %q from candidates.", id)
	case usable:
		return fmt.Sprintf(" Its successor is %q: move to it, or list it as a fallback with candidates = [%q, %q].",
			advice.Successor, id, advice.Successor)
	case advice.Successor != "":
		return fmt.Sprintf(" Its successor %q cannot be used: it %s.%s", advice.Successor, advice.Unusable, didYouMean(advice.Alternatives))
	}
	return ""
}

// inDays is "today", "tomorrow" or "in n days".
func inDays(n int64) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", n)
}

// adviceWords says what to move to from a retired model: its successor
// when it can be used, else the closest ids that can, or megallm_models.
func adviceWords(a catalog.Advice) string {
	switch {
	case a.Successor != "" && a.Unusable == "":
		return fmt.Sprintf(" Replace it with its successor: set id = %q.", a.Successor)
	case len(a.Alternatives) > 0:
		return didYouMean(a.Alternatives)
	}
	return " Choose another model with the megallm_models data source, which lists only models that can be used."
}

// survivingRetirement says how a configuration keeps planning through the
// next retirement: candidates, without the model that has retired, which
// would be passed over with a warning on every plan.
const survivingRetirement = "To keep planning through the next retirement without an edit, set candidates instead " +
	"of id: the replacement first, then a model to fall back to. Leave the retired model out, or every plan warns " +
	"that it was passed over."
