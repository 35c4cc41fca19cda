package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// lifecycleWarning warns about the model a megallm_model uses (named by the
// argument at): that it is deprecated, or, not deprecated, that it retires
// within the policy's notice window; each with when it retires and what to
// move to. A model's lifecycle gets one warning, never both.
func lifecycleWarning(models *catalog.Catalog, model *megallm.Model, at path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	l := catalog.LifecycleOf(model, models.Now())
	// Advice costs a pass over the catalog: only for a warning.
	advice := func() catalog.Advice { return models.Advise(model.ID, l.Successor) }
	switch {
	case l.Status == catalog.StatusDeprecated:
		diags.AddAttributeWarning(at, "Deprecated MegaLLM model", deprecationWarning(model.ID, l, models.Reason(model.ID), advice()))
	case models.RetiresWithinNotice(l):
		diags.AddAttributeWarning(at, "MegaLLM model retiring soon",
			retirementNotice(model.ID, l, models.Reason(model.ID), advice(), models.RetirementNoticeDays()))
	}
	return diags
}

// deprecationWarning says that a model is deprecated, until when it is
// served and what to move to.
func deprecationWarning(id string, l catalog.Lifecycle, reason string, advice catalog.Advice) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Model %q is deprecated since %s", id, catalog.FormatDate(*l.DeprecatedAt))
	if reason != "" {
		fmt.Fprintf(&b, ": %s", reason)
	}
	b.WriteString(".")
	if l.RetiresAt != nil {
		fmt.Fprintf(&b, " It retires on %s, %s, after which this plan fails.", catalog.FormatDate(*l.RetiresAt),
			inDays(*l.DaysToRetirement))
	}
	b.WriteString(successorAdvice(id, advice))
	return b.String()
}

// retirementNotice says that a model that is not deprecated retires within
// the policy's notice window of days, and what to move to.
func retirementNotice(id string, l catalog.Lifecycle, reason string, advice catalog.Advice, window int64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Model %q retires on %s, %s, after which this plan fails", id, catalog.FormatDate(*l.RetiresAt),
		inDays(*l.DaysToRetirement))
	if reason != "" {
		fmt.Fprintf(&b, ": %s", reason)
	}
	fmt.Fprintf(&b, ". The provider's policy gives notice %d days ahead (retirement_notice_days; 0 turns it off).", window)
	b.WriteString(successorAdvice(id, advice))
	return b.String()
}

// successorAdvice is the sentence of a lifecycle warning about the model's
// successor: move to it when it can be used, else why not and the closest
// ids that can; "" without a successor.
func successorAdvice(id string, advice catalog.Advice) string {
	switch {
	case advice.Successor != "" && advice.Unusable == "":
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
		return fmt.Sprintf(" Did you mean %q, its successor? Set id = %q.", a.Successor, a.Successor)
	case len(a.Alternatives) > 0:
		return didYouMean(a.Alternatives)
	}
	return " Choose another model with the megallm_models data source, which lists only models that can be used."
}
