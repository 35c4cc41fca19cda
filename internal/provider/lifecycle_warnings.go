package provider

import (
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// lifecycleWarning warns, once per plan, that the model a megallm_model uses
// is deprecated or retires within the policy's notice, with what to move to.
func (d *providerData) lifecycleWarning(models *catalog.Catalog, model *megallm.Model, at path.Path,
	candidates []string, query catalog.Query, diags *diag.Diagnostics) {
	l := catalog.LifecycleOf(model, models.Now())
	var summary string
	switch {
	case l.Status == catalog.StatusDeprecated:
		summary = "Deprecated MegaLLM model"
	case models.RetiresWithinNotice(l):
		summary = "MegaLLM model retiring soon"
	default:
		return
	}
	// The advice costs a pass over the catalog: only for a warning.
	advice := lifecycleAdvice{Advice: models.Advise(model.ID, l.Successor, &query)}
	// The fallback is the first later candidate usable now that is still served when the model retires.
	for rest := candidates[slices.Index(candidates, model.ID)+1:]; advice.fallback == ""; {
		fallback, _ := models.Choose(rest, query)
		if fallback == nil {
			break
		}
		if catalog.ServedAfter(fallback, model) {
			advice.fallback = fallback.ID
		}
		rest = rest[slices.Index(rest, fallback.ID)+1:]
	}
	detail := lifecycleDetail(model.ID, l, models.Reason(model.ID), advice, models.RetirementNoticeDays())
	d.warnOnce(diags, at, summary, detail)
}

// lifecycleAdvice is the model's successor and the candidate, if any, to fall back to.
type lifecycleAdvice struct {
	catalog.Advice
	fallback string
}

// lifecycleDetail says since when a model is deprecated, or that it retires
// within the notice window, and what next.
func lifecycleDetail(id string, l catalog.Lifecycle, reason string, advice lifecycleAdvice, window int64) string {
	if reason != "" {
		reason = ": " + reason
	}
	var retires string
	if l.RetiresAt != nil {
		retires = catalog.FormatDate(*l.RetiresAt) + ", " + inDays(*l.DaysToRetirement)
	}
	if l.Status != catalog.StatusDeprecated {
		return fmt.Sprintf("Model %s retires on %s%s. After that, %s. The provider's policy gives notice %d days ahead "+
			"(retirement_notice_days; 0 turns it off).%s", megallm.Quote(id), retires, reason,
			afterRetirement(advice.fallback), window, successorAdvice(id, advice))
	}
	detail := fmt.Sprintf("Model %s is deprecated since %s%s.", megallm.Quote(id), catalog.FormatDate(*l.DeprecatedAt), reason)
	if retires != "" {
		detail += " It retires on " + retires + ", after which " + afterRetirement(advice.fallback) + "."
	}
	return detail + successorAdvice(id, advice)
}

// afterRetirement says what the plan does once the model retires.
func afterRetirement(fallback string) string {
	if fallback != "" {
		return "candidates fall back to " + megallm.Quote(fallback)
	}
	return "this plan fails"
}

// successorAdvice says what to move to: the fallback candidate, else the usable successor, else another model.
func successorAdvice(id string, advice lifecycleAdvice) string {
	usable := advice.Successor != "" && advice.Unusable == ""
	model, successor := megallm.Quote(id), megallm.Quote(advice.Successor)
	switch {
	case advice.fallback != "" && usable && advice.Successor != advice.fallback:
		return fmt.Sprintf(" Its successor is %s. To move now, remove %s from candidates.", successor, model)
	case advice.fallback != "":
		return fmt.Sprintf(" To move now, remove %s from candidates.", model)
	case usable && megallm.QuotesWhole(id) && megallm.QuotesWhole(advice.Successor):
		return fmt.Sprintf(" Its successor is %s: move to it, or list it as a fallback with candidates = [%s, %s].",
			successor, model, successor)
	case usable: // a cut quote cannot be copied into candidates
		return fmt.Sprintf(" Its successor is %s: move to it, or list it as a fallback in candidates, after this model.%s",
			successor, listedWhole(nil, idKind, advice.Successor))
	case advice.Successor != "":
		return fmt.Sprintf(" Its successor %s cannot be used: it %s.%s", successor, advice.Unusable, adviceWords(advice.Advice))
	}
	return " It names no successor: choose another model with the megallm_models data source."
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

// adviceWords says what to move to from a retired model.
func adviceWords(a catalog.Advice) string {
	switch {
	case a.Successor != "" && a.Unusable == "":
		return " Replace it with its successor: set id = " + megallm.Quote(a.Successor) + "." + listedWhole(nil, idKind, a.Successor)
	case len(a.Alternatives) > 0:
		return meantWords(nil, "", nil, a.Alternatives)
	}
	return " Choose another model with the megallm_models data source, which lists only models that can be used."
}

// survivingRetirement says how to plan through the next retirement.
const survivingRetirement = "To keep planning through the next retirement without an edit, set candidates instead " +
	"of id: the replacement first, then a model to fall back to. Leave the retired model out, or every plan warns " +
	"that it was passed over."
