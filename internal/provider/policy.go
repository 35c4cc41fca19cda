package provider

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// The attribute names of a policy, of one model's entry in it, and of a
// negotiated price.
var (
	policyAttributeNames      = []string{"allowed_owners", "models", "retirement_notice_days"}
	modelPolicyAttributeNames = []string{"deprecated_at", "retires_at", "successor", "reason", "denied", "pricing"}
	policyPricingNames        = []string{"input_tokens_cost_per_million", "output_tokens_cost_per_million", "currency"}
)

// ownersExample is a list of owners, for advice.
const ownersExample = `["openai", "anthropic"]`

// pricingExample is a pricing object, of a policy's model or a model object.
const pricingExample = "{ input_tokens_cost_per_million = 2.5 }"

// policyAttribute is the schema of the provider's policy argument, dynamic
// for the reason require is.
func policyAttribute() schema.DynamicAttribute {
	return schema.DynamicAttribute{
		MarkdownDescription: "The organisation's model policy, most often shared by many workspaces as " +
			"`policy = jsondecode(file(\"model-policy.json\"))`. See the [model policy guide](" + registryDocs +
			"/guides/model-policy). An object whose attributes are all optional, but one that sets " +
			"none (`{}`, or nulls only) is an error: leave `policy` out, or null, for no policy:\n" +
			"  - `allowed_owners`: list of owners (`owned_by`) whose models may be used; models of other owners " +
			"are not allowed. Leave it out to allow every owner.\n" +
			"  - `retirement_notice_days`: a whole number of days, default `90`: a model that `megallm_model` uses " +
			"and that retires in that many days or fewer warns, with the date, the days left and a usable successor " +
			"(a deprecated model's own warning says as much). `0` turns the notice off.\n" +
			"  - `models`: map from model id to what the policy says of that model, all optional (an entry that sets " +
			"none is an error):\n" +
			"    - `deprecated_at`, `retires_at`: dates, " + strings.ReplaceAll(megallm.DateForms, `"`, "`") + ". " +
			"A model is `deprecated` from `deprecated_at` and `retired` from `retires_at` on (UTC).\n" +
			"    - `successor`: id of the model to move to.\n" +
			"    - `reason`: text shown in the warnings and errors about the model (its first 64 characters).\n" +
			"    - `denied`: `true` forbids the model.\n" +
			"    - `pricing`: the negotiated price, `{ input_tokens_cost_per_million, output_tokens_cost_per_million, " +
			"currency }`, which replaces the list price as a whole (a price it leaves out is null, and `currency` " +
			"defaults to `\"USD\"`; a three-letter code read as the `currency` argument is, so `\"usd\"` is `\"USD\"`) in " +
			"the model's attributes, sorting, requirements and `estimate_cost`.\n\n" +
			"A denied or not allowed model is never listed by `megallm_models` and fails `megallm_model`. Where " +
			"the API reports lifecycle dates too, the earlier of its date and the policy's applies, and the " +
			"policy's `successor` wins. Ids and owners are exact and case-sensitive. An attribute not listed here " +
			"is an error, and so is an id or successor the catalog has only in another letter case or with other separators " +
			"(`\"gpt_4o\"`), without a vendor prefix (`\"openai/gpt-4o\"` for `gpt-4o`) or with a prefix " +
			"(`\"llama-3.3-70b-instruct\"` for `meta-llama/llama-3.3-70b-instruct`) or several ids in one string " +
			"(`\"gpt-4o, gpt-4o-mini\"`), and an id, successor or owner with " +
			"white space around it, which names it " +
			"as the catalog writes it (`\" GPT-4o\"` is `gpt-4o`); ids and owners the catalog lacks are a warning.",
		Optional: true,
		Validators: []validator.Dynamic{namesCheck("a model policy: an object of allowed_owners, models and retirement_notice_days",
			readPolicy)},
	}
}

// readPolicy reads a policy value; null is no policy. A spaced name is
// refused with spacedToo or another mistake (nameValidator); else
// spacedPolicyNames refuses it, with the catalog's spelling.
func readPolicy(v tftypes.Value, spacedToo bool) (*catalog.Policy, error) {
	if v.IsNull() {
		return nil, nil
	}
	o, err := readObject("policy", `{ allowed_owners = ["openai"] }`, v)
	if err != nil {
		return nil, err
	}
	// Every mistake at once: the policy's own, then each model's by id.
	mistakes := []error{onlyAttributes("policy", o, policyAttributeNames), setsNothing(o, policyAttributeNames,
		fmt.Sprint("models = {} and retirement_notice_days = ", catalog.DefaultRetirementNoticeDays, " do"), leaveOut("policy", "have no policy"))}
	policy := &catalog.Policy{}
	if owners, ok := o.attrs["allowed_owners"]; ok && owners.IsKnown() && !owners.IsNull() {
		list, listMistakes, err := stringElements("policy.allowed_owners", ownerKind, ownersExample, owners)
		for i := 0; i < len(list) && spacedToo; i++ { // "" where an element has another mistake
			listMistakes[i] = cmp.Or(listMistakes[i], unspelled(allowedOwnerPath(i), list[i], ownerKind))
		}
		if err = cmp.Or(err, joinMistakes(listMistakes)); err == nil && len(list) == 0 {
			err = errors.New("policy.allowed_owners is empty, which allows no model at all. List the owners " +
				"whose models may be used, such as " + ownersExample + ", or " +
				leaveOutOfObject("allowed_owners", "allow every owner", "list(string)", "[]"))
		}
		mistakes = append(mistakes, err)
		policy.AllowedOwners = list
	}
	policy.RetirementNoticeDays = o.int64("retirement_notice_days")
	models := o.object("models", `{ "gpt-4o" = { denied = true } }`)
	mistakes = append(mistakes, o.err())
	if models != nil {
		policy.Models = make(map[string]catalog.ModelPolicy, len(models.attrs))
		for _, id := range slices.Sorted(maps.Keys(models.attrs)) {
			decision, err := readModelPolicy(id, models.attrs[id], spacedToo)
			mistakes = append(mistakes, err)
			policy.Models[id] = decision
		}
	}
	err = joinMistakes(mistakes)
	if err != nil && !spacedToo {
		_, err = readPolicy(v, true)
	}
	return policy, err
}

// readModelPolicy reads what a policy says of the model with this id,
// refusing a spaced id or successor only with spacedToo (readPolicy).
func readModelPolicy(id string, v tftypes.Value, spacedToo bool) (catalog.ModelPolicy, error) {
	var decision catalog.ModelPolicy
	where := modelPolicyPath(id)
	refuseSpaced := func(where, id string) error {
		if !spacedToo {
			return nil
		}
		return unspelled(where, id, idKind)
	}
	if err := cmp.Or(blank(policyModelsKey, id, idKind.noun, "remove its entry"), wildcardID(id),
		refuseSpaced(policyModelsKey, id)); err != nil || !v.IsKnown() {
		return decision, err
	}
	// No successor in the example: one named after this entry's own id would be an error.
	o, err := readObject(where, `{ retires_at = "2026-06-30", reason = "Superseded" }`, v)
	if err != nil {
		return decision, err
	}
	o.keep(onlyAttributes(where, o, modelPolicyAttributeNames))
	remove := "remove the entry"
	if o.attrs["denied"].Equal(tftypes.NewValue(tftypes.Bool, false)) { // merge(shared, { id = { denied = false } })
		remove += " (where it lifts a denial that merge() replaces with it, keep denied = false and say why in reason)"
	}
	o.keep(setsNothing(o, modelPolicyAttributeNames, `denied = false and reason = "" do`, remove))
	decision.DeprecatedAt = dateAttribute(o, "deprecated_at")
	decision.RetiresAt = dateAttribute(o, "retires_at")
	decision.Successor = o.string("successor")
	if reason := o.string("reason"); reason != nil {
		decision.Reason = ptr(megallm.Excerpt(*reason)) // it is only ever shown
	}
	if denied := o.bool("denied"); denied != nil {
		decision.Denied = *denied
	}
	setsPrice := false // something besides the currency is written, misspelt or not
	if p := o.object("pricing", pricingExample); p != nil {
		setsPrice = p.has(func(name string, v tftypes.Value) bool { return name != "currency" && !v.IsNull() })
		p.outer = modelPolicyAttributeNames
		p.keep(onlyAttributes(where+".pricing", p, policyPricingNames))
		decision.Pricing = readPricing(p)
		o.keep(p.err())
	}
	// Every mistake of the entry at once, each on what could be read.
	s, p := decision.Successor, decision.Pricing
	if s != nil {
		successor := where + ".successor"
		o.keep(cmp.Or(blank(successor, *s, idKind.noun, "name the model to move to, or "+
			leaveOutOfObject("successor", "name none", "string", `""`)), refuseSpaced(successor, *s)))
		if strings.TrimSpace(*s) == id { // with white space around it too, which is said above
			o.keep(fmt.Errorf("%s %s", successor, selfSuccessor))
		}
	}
	if d, r := decision.DeprecatedAt, decision.RetiresAt; d != nil && r != nil && r.Before(*d) {
		o.keep(fmt.Errorf("%s.deprecated_at (%s) is after retires_at (%s): a model is deprecated before it "+
			"retires. Swap the dates, or set deprecated_at on or before retires_at", where,
			policyDateWithUTC(*d, *r), policyDateWithUTC(*r, *d)))
	}
	if p != nil && !setsPrice { // so neither price is read
		o.keep(fmt.Errorf("%s.pricing sets no price: set input_tokens_cost_per_million, "+
			"output_tokens_cost_per_million or both, or %s", where,
			leaveOutOfObject("pricing", "keep the list price", "object({ ... })", "{}")))
	}
	return decision, o.err()
}

// sayNothing are the values of a policy's attributes and its entries' that
// say what null does, as optional() defaults give them; besides, models = {}
// and false do.
var sayNothing = map[string]tftypes.Value{"reason": tftypes.NewValue(tftypes.String, ""),
	"retirement_notice_days": tftypes.NewValue(tftypes.Number, catalog.DefaultRetirementNoticeDays)}

// setsNothing says that o (the policy, an entry of it or require) sets none of
// names: each is null or says nothing (as written says), as a variable's object
// type leaves { denid = true }; fix is what to do instead.
func setsNothing(o *objectReader, names []string, written, fix string) error {
	says := func(name string, v tftypes.Value) bool {
		if empty, ok := newObjectReader("", v); ok && name == "models" {
			return len(empty.attrs) > 0
		}
		isFalse := slices.Contains(names, name) && v.Equal(tftypes.NewValue(tftypes.Bool, false))
		return !v.IsNull() && !v.Equal(sayNothing[name]) && !isFalse
	}
	if o.has(says) {
		return nil
	}
	root, _, _ := strings.Cut(o.prefix, ".") // policy or require
	nothing, dropped := "each of its attributes is null or left out", ". A variable of an object type drops an "+
		"attribute its type does not declare, a misspelt one too: declare the variable "+root+" comes from with type = "+
		"any, and the provider checks every name"
	switch {
	case len(o.attrs) == 0: // written {}: no variable's type dropped anything
		nothing, dropped = "it has no attributes", ""
	case o.has(func(_ string, v tftypes.Value) bool { return !v.IsNull() }):
		nothing = "each of its attributes is null, left out or says nothing, as " + written
	}
	return fmt.Errorf("%s sets nothing: %s. Set %s, or %s%s", strings.TrimSuffix(o.prefix, "."), nothing,
		catalog.QuoteList(names, "or"), fix, dropped)
}

// selfSuccessor says that a policy's successor names its own entry's model.
const selfSuccessor = "is the model itself: name the model to move to, or leave successor out"

// policyModelsKey names a key of policy.models in a message.
const policyModelsKey = "a key of policy.models"

// modelPolicyPath is the path of the policy's entry for the model with this id.
func modelPolicyPath(id string) string { return "policy.models[" + megallm.Quote(id) + "]" }

// sameModelAs says that a key of policy.models, written as the catalog's id,
// is the model that the keys others name too, and to merge them into the
// entry under id (for a cut quote, this key written as the advice before it
// says): Terraform keeps one of two equal keys of an object literal.
func sameModelAs(others []string, id string) string {
	keys, merge, entry := "the key "+megallm.Quote(others[0]), "the two", "under this key so written"
	if len(others) > 1 {
		keys, merge = "the keys "+catalog.QuoteSome(others, "and"), "them"
	}
	if megallm.QuotesWhole(id) {
		entry = modelPolicyPath(id)
	}
	return "is the same model as " + keys + ": merge " + merge + " into one entry, " + entry
}

// allowedOwnerPath is the path of the policy's allowed owner at index i.
func allowedOwnerPath(i int) string { return fmt.Sprintf("policy.allowed_owners[%d]", i) }

// spacedPolicyNames refuses the policy's spaced owners, model ids and
// successors, each with how the catalog writes it (spacedName, spacedID), for
// the names its error lists (listedMistakes). A key that, so written, repeats
// or names the model of another key, or a successor its own entry's model, is
// said to: Terraform keeps one of two equal keys. The error is a *policyNamesError.
func spacedPolicyNames(policy *catalog.Policy) func(models *catalog.Catalog) error {
	return func(models *catalog.Catalog) error {
		if policy == nil {
			return nil
		}
		// Each name's mistake with the catalog's advice, and without it
		// (spaced), else rest's (a successor's of its own entry).
		var advised, cheap []func() error
		add := func(where, name string, kind nameKind, mistake, rest func() error) {
			advised = append(advised, func() error { return cmp.Or(mistake(), rest()) })
			cheap = append(cheap, func() error { return cmp.Or(spaced(where, name, kind.noun), rest()) })
		}
		none := func() error { return nil }
		for i, owner := range policy.AllowedOwners {
			spacedOwner := func() error { return spacedName(models, allowedOwnerPath(i), owner, ownerKind) }
			add(allowedOwnerPath(i), owner, ownerKind, spacedOwner, none)
		}
		ids, spell := slices.Sorted(maps.Keys(policy.Models)), idSpelling(models)
		// The keys that name each catalog id, once a spaced key needs them.
		keysOf := sync.OnceValue(func() map[string][]string {
			keys := map[string][]string{}
			for _, id := range ids {
				if named := spell(cleanName(id)); named != "" {
					keys[named] = append(keys[named], id)
				}
			}
			return keys
		})
		for _, id := range ids {
			add(policyModelsKey, id, idKind, func() error {
				return spacedID(models, policyModelsKey, id, meantByID(models), func(spelling string) string {
					others := slices.DeleteFunc(slices.Clone(keysOf()[spelling]), func(key string) bool { return key == id })
					switch _, ok := policy.Models[spelling]; {
					case ok:
						return writtenAs(models, id, spelling, "repeats the entry "+modelPolicyPath(spelling)+": merge the two into that entry")
					case len(others) > 0: // an object literal would keep one of them
						return writtenAs(models, id, spelling, sameModelAs(others, spelling))
					}
					return rewrite(models, idKind, id)(spelling)
				})
			}, none)
			if s := policy.Models[id].Successor; s != nil {
				successor, key := modelPolicyPath(id)+".successor", cmp.Or(spell(cleanName(id)), id) // the key as it is to be written
				add(successor, *s, idKind, func() error {
					return spacedID(models, successor, *s, meantByID(models), func(spelling string) string {
						if spelling != key {
							return rewrite(models, idKind, *s)(spelling)
						}
						return writtenAs(models, *s, spelling, selfSuccessor)
					})
				}, func() error {
					switch {
					case spell(*s) != key:
					case key != id: // spaced or misnamed: readPolicy compares the key as written
						return fmt.Errorf("%s is %s: once the key is written as %s, it %s", successor, megallm.Quote(*s),
							megallm.Quote(key), selfSuccessor)
					case *s != id: // as written, readPolicy refuses it
						misnamed, _ := models.LookupMisnamed(*s)
						return fmt.Errorf("%s; %s", misnamedSuccessor(models, successor, misnamed), writtenAs(models, *s, key, selfSuccessor))
					}
					return nil
				})
			}
		}
		mistakes := listedMistakes(len(advised), func(i int) error { return advised[i]() }, func(i int) error { return cheap[i]() })
		if err := joinMistakes(mistakes); err != nil {
			return &policyNamesError{err}
		}
		return nil
	}
}

// writtenAs says what a name (written), written as the catalog spells it, then
// is (says): a mistake, not the fix rewrite would advise.
func writtenAs(models *catalog.Catalog, written, spelling, says string) string {
	if !megallm.QuotesWhole(spelling) {
		return "once you " + rewrite(models, idKind, written)(spelling) + ", it " + says
	}
	return "written as " + megallm.Quote(spelling) + ", it " + says
}

// policyNamesError is spacedPolicyNames's: the policy's spaced names, each
// with how the catalog writes it.
type policyNamesError struct{ err error }

func (e *policyNamesError) Error() string { return e.err.Error() }

// wildcardID says that id, a key of policy.models, is written as a wildcard,
// which names no model; nil when it has no *. The id_regex it advises ignores
// white space and, for an id with an upper-case letter, letter case.
func wildcardID(id string) error {
	if !strings.Contains(id, "*") {
		return nil
	}
	list := "a megallm_models data source lists the catalog's ids"
	pattern, _, text := wildcardPattern(strings.TrimSpace(id))
	if text != strings.ToLower(text) {
		pattern = "(?i)" + pattern
	}
	if pattern != "" && megallm.QuotesWhole(pattern) { // a cut one cannot be copied
		list = "a megallm_models data source with id_regex = " + megallm.Quote(pattern) + " lists them"
	}
	return fmt.Errorf("a key of policy.models is %s, but ids are exact, not wildcard patterns, so this entry would "+
		"apply to no model. Replace it with an entry per model, under its id (%s)", megallm.Quote(id), list)
}

// policyDateWithUTC writes t for a message comparing it with other: with its
// UTC form too when the two are written in different offsets, where the later
// instant can read as the earlier date.
func policyDateWithUTC(t, other time.Time) string {
	_, offset := t.Zone()
	_, otherOffset := other.Zone()
	written, utc := catalog.FormatDate(t), catalog.FormatDate(t.UTC())
	if offset == otherOffset || written == utc {
		return written
	}
	return written + ", " + utc + " in UTC"
}
