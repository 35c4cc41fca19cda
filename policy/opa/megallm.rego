# METADATA
# title: MegaLLM model ids in a Terraform plan
# description: |
#   Checks every model id written into a managed resource of a plan
#   (terraform show -json plan.tfplan) against the MegaLLM catalog that a
#   megallm_models data source read into the same plan. deny: an id that is
#   not in the catalog, not allowed by the provider's policy, or retired.
#   warn: a deprecated id, or one retiring within the notice window.
#   Follows conftest's convention: conftest test --policy policy/opa plan.json.
package megallm

# Fail closed: without the catalog nothing can be checked. A plan that
# leaves no managed resource (a destroy plan) writes no id, so it passes. A
# prior_state of another shape is denied as that alone.
deny contains msg if {
	count(catalog_reads) == 0
	not is_array(input)
	count(_managed_resources) > 0
	count([p | some [p, _] in _misshapen; p[0] == "prior_state"]) == 0
	msg := concat(" ", array.concat(
		array.concat(
			[
				"No MegaLLM catalog in this plan, so no model id can be checked.",
				`Add data "megallm_models" "catalog" { include_retired = true }, with no filter, to the configuration`,
				"(its arguments must be known at plan time, or it is read only during apply), and",
				_check_a_saved_plan,
			],
			_undeclared,
		),
		_reads_not_counted,
	))
}

# _undeclared: how a data "megallm_models" added to the root module reads
# megallm/megallm, when the root module requires it under another local name
# or not at all: Terraform would otherwise look for hashicorp/megallm. A plan
# lists a required provider under its type name too, so another local name
# is looked for first. Nothing for a plan without its configuration.
_undeclared := [] if {
	not input.configuration
} else := [sprintf("The root module names the provider %s: add provider = %s to that data source, as Terraform otherwise looks for hashicorp/megallm.", [name, name])] if {
	name := _excerpt(sort(_other_local_names)[0])
} else := [] if {
	endswith(input.configuration.provider_config.megallm.full_name, "/megallm/megallm")
} else := [concat(" ", [
	"This configuration does not declare the provider: add megallm = { source = \"megallm/megallm\" }",
	"to the root module's terraform { required_providers } and run terraform init, as Terraform otherwise looks for hashicorp/megallm.",
])]

_other_local_names contains c.name if {
	some c in object.get(input.configuration, "provider_config", {})
	not c.module_address
	c.name != "megallm"
	_ours(c)
}

# conftest test --combine gives the policy its files as one list, no plan.
# The advice keeps the user's own flags, such as where the library is.
deny contains "The input is a list of files (conftest test --combine), not a plan, so no model id can be checked: run the same conftest test without --combine, which checks each saved plan on its own, such as conftest test --policy policy/opa plan.json." if {
	is_array(input)
}

# Any other input without planned_values is no plan either, such as {}, no
# input at all, or terraform show -json without a plan file (the state):
# it would pass with nothing checked.
deny contains concat("", [
	"The input has no planned_values, so it is no saved plan's JSON (terraform show -json without a plan file shows the state) and no model id can be checked: ",
	_check_a_saved_plan,
]) if {
	not _plan_or_files
}

# A plan whose modules, resources or changes have another shape than
# terraform show -json gives them would be read as holding none, passing
# with nothing checked: fail closed, naming where (the first three).
deny contains msg if {
	count(_misshapen) > 0
	msg := sprintf("The input is shaped otherwise than a saved plan's JSON (%s), so no model id can be checked: %s", [
		concat("; ", array.slice(sort([sprintf("%s is no %s", [_address(path_text(path)), shape]) | some [path, shape] in _misshapen]), 0, 3)),
		_check_a_saved_plan,
	])
}

_check_a_saved_plan := "check the JSON of a saved plan: terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json."

# _misshapen: [path, shape] where the input holds something else than what
# the rules read as a module, its resources and child modules, or
# resource_changes, and so would read as nothing.
_misshapen contains [root, "object"] if {
	is_object(input)
	some root in _module_roots
	not is_object(object.get(input, root, {}))
}

_misshapen contains [array.concat(array.concat(root, sub), [key]), _shapes[key]] if {
	is_object(input)
	some root in _module_roots
	modules := object.get(input, root, {})
	is_object(modules)
	walk(object.remove(modules, ["resources"]), [sub, _])
	_module_path(sub)
	module := object.get(modules, sub, {})
	is_object(module)
	some key in ["resources", "child_modules"]
	not _list_of(key, object.get(module, key, []))
}

_misshapen contains [["resource_changes"], _shapes.resources] if {
	is_object(input)
	not _list_of("resources", object.get(input, "resource_changes", []))
}

_module_roots := [["planned_values", "root_module"], ["prior_state", "values", "root_module"]]

_shapes := {
	"resources": "list of objects with a string address, mode and type",
	"child_modules": "list of objects",
}

_list_of("child_modules", list) if {
	is_array(list)
	every module in list {
		is_object(module)
	}
}

_list_of("resources", list) if {
	is_array(list)
	every r in list {
		is_string(r.address)
		is_string(r.mode)
		is_string(r.type)
	}
}

_plan_or_files if is_object(input.planned_values)

_plan_or_files if is_array(input)

# the megallm_models reads of the plan that are not the catalog, and why,
# the first three
_reads_not_counted := [] if count(_models_reads) + count(_deferred_reads) == 0

else := [sprintf("Not the catalog: %s.", [concat("; ", array.slice(
	sort(array.concat([_why_not_a_catalog(r) | some r in _models_reads], [_why_deferred(a) | some a in _deferred_reads])),
	0, 3,
))])]

# the megallm_models reads that the plan leaves to apply, which a saved plan
# holds no models of, with the arguments known at plan
_deferred_reads contains {"address": rc.address, "values": object.get(rc.change, "after", {})} if {
	some rc in input.resource_changes
	rc.mode == "data"
	rc.type == "megallm_models"
	"read" in rc.change.actions
}

# _why_deferred(r): a filtered read would not be the catalog once read at plan
# either, so that is said first.
_why_deferred(r) := _why_not_a_catalog(r) if count(_filtered_by(r)) > 0

else := sprintf(
	"%s is read only during apply, as it waits on a change (depends_on, or an argument known only after apply): remove what it waits on",
	[_address(r.address)],
)

deny contains msg if {
	count(catalog_reads) > 0
	some f in found
	not f.id in known_ids
	msg := sprintf("%s is not in the MegaLLM catalog%s.%s%s", [_where(f), _unknown_note, _unknown_advice(f), _routing_advice(f)])
}

# _routing_advice(f): for an id under "openai/", which LiteLLM needs to
# route to an OpenAI-compatible API such as MegaLLM's, and strips, when what
# follows is a usable id, how to have that id checked.
_routing_advice(f) := sprintf(" If a proxy routes it to MegaLLM without \"openai/\", as LiteLLM does, add \"openai/\" to megallm_settings.routing_prefixes[%s].", [_quote(f.type)]) if {
	not f.sensitive
	f.prefix == ""
	startswith(f.id, "openai/")
	_usable(trim_prefix(f.id, "openai/"))
} else := ""

# _unknown_advice(f): the usable ids near an id the catalog lacks; or, for a
# value found by key_patterns alone, which may be no model id at all (a Helm
# chart's gpu.model), how to ignore its path, when its string holds no other
# id (which ignoring it would silence), when the message shows the path
# whole (so that the advice shows no more of a sensitive value's place);
# else where to find the ids, in the words of the provider's own deny
# (model_data_source.go). A path named in attribute_paths is checked
# whatever is ignored. An id that names unusable catalog models otherwise
# (_misnamed) gets those and why each cannot be used first, as "did you
# mean" names only usable ids. One that lists catalog ids in one string
# (_joined) gets the provider's words for it (spellingWhy in
# internal/provider/diagnostics.go): ignored, its path would silence them.
_unknown_advice(f) := _joined_words(f, j[0], j[1]) if {
	not f.sensitive
	j := _joined(f.id)
} else := concat("", [sprintf(" The catalog writes it %s, which %s", [_quote(_routed_as(f, [k])[0]), _unusable_why(f, k)]) |
	some k in array.slice(ids, 0, 3)
]) if {
	not f.sensitive
	ids := _misnamed(f.id)
	count(ids) > 0
	every k in ids {
		not _usable(k)
	}
} else := advice if {
	advice := _did_you_mean(f)
	advice != ""
} else := sprintf(" If it is no model id, add %s to megallm_settings.ignored_attribute_paths[%s]%s.", [
	_quote(pattern), _quote(f.type), _beside_defaults(f.type),
]) if {
	f.alone
	not _named(_type_settings[f.type], f.path)
	_maybe_no_id(f)
	count(path_text(f.path)) <= 64
	pattern := _ignore_pattern(f)
} else := " Ids are case-sensitive. List the available ids with the megallm_models data source."

# _joined_words(f, ids, lacked): what the provider says of an id that
# lists catalog ids, ids, and others, lacked, in one string (_joined).
_joined_words(f, ids, lacked) := sprintf(" The catalog has %s, which it writes with a list's separator beside it: write it alone%s.", [
	_quote(k),
	_alone_as(k),
]) if {
	_stray(f.id)
	k := _routed_as(f, ids)[0]
} else := sprintf(" The catalog has %s, which it repeats: write it once.", [_quote(_routed_as(f, ids)[0])]) if {
	count(ids) == 1
	count(lacked) == 0
}

else := sprintf(" The catalog has %s, which it joins into one%s: write each one meant as an id of its own.", [
	_quote_some(_routed_as(f, ids)),
	_lacked_words(lacked),
])

# _alone_as(k): how to write k alone, quoted when the quote is whole
# (megallm.QuotesWhole), as spellingWhy says it.
_alone_as(k) := sprintf(", as %s", [_quote(k)]) if count(k) <= 64

else := ", without the separator"

_lacked_words(lacked) := "" if count(lacked) == 0

else := sprintf(" with %s, which the catalog lacks", [concat(", ", array.concat(
	[sprintf("%s%s", [_quote(p), _meant_aside(_near(p))]) | some p in array.slice(lacked, 0, 10)],
	[sprintf("and %d more", [count(lacked) - 10]) | count(lacked) > 10],
))])

# _meant_aside(names): _suggest as an aside, ` (did you mean "a"?)`.
_meant_aside(names) := "" if count(names) == 0

else := sprintf(" (did you mean %s?)", [concat(" or ", [_quote(k) | some k in names])])

# _quote_some(items): items quoted as catalog.QuoteSome(items, "and") lists
# them: "a", "b" and "c", or the first ten and how many more.
_quote_some(items) := sprintf("%s and %d more", [concat(", ", [_quote(k) | some k in array.slice(items, 0, 10)]), count(items) - 10]) if count(items) > 10

else := _quote(items[0]) if count(items) == 1

else := sprintf("%s and %s", [concat(", ", [_quote(k) | some k in array.slice(items, 0, count(items) - 1)]), _quote(items[count(items) - 1])])

# _maybe_no_id(f): the catalog does not tell that the value found is a model
# id: it is no model's display name, and no catalog id, retired or refused
# ones included, is near it (ignored, it would silence a real mistake), and
# edits from it were counted (_few_near_in_length): else a typo, such as
# m-00y1 of m-0001, would be near none. A sensitive value is not looked up:
# whether the advice is given would tell what the catalog says of it.
_maybe_no_id(f) if f.sensitive

_maybe_no_id(f) if {
	not f.sensitive
	not _reads_as_id(f.id)
	every r in _edit_readings(lower(trim_space(f.id))) {
		_few_near_in_length(r, _known_lowered)
	}
}

# _ignore_pattern(f): the ignored_attribute_paths path of the value found,
# its steps as they are but a map key no step can write (one with a "." in
# it, a bracket or a quote, or empty, such as a ConfigMap's file name) as
# "*", when the path ends in a step written as it is and reaches no other
# value found: following the advice then leaves every other check as it was.
_ignore_pattern(f) := concat(".", steps) if {
	steps := [_ignore_step(step) | some step in f.path]
	steps[count(steps) - 1] != "*"
	_reaches_only(f, steps)
}

# _reaches_only(f, steps): steps reach no value found in a resource of f's
# type but at f's path; looked for only past a "*", as each other value
# found would cost a look for each value denied.
_reaches_only(_, steps) if not "*" in steps

_reaches_only(f, steps) if {
	"*" in steps
	every g in found {
		_apart(f, g, steps)
	}
}

# _apart(f, g, steps): value found g is of another type than f, at f's path,
# or where steps do not reach.
_apart(f, g, _) if g.type != f.type

_apart(f, g, _) if g.path == f.path

_apart(_, g, steps) if not _path_matches(steps, g.path)

_ignore_step(step) := sprintf("%v", [step]) if is_number(step)

else := step if {
	not contains(step, ".")
	not _malformed(step)
	step != "*"
}

else := "*"

# _beside_defaults(type): for a type that ignores paths by default, that a
# list of the type's own replaces them, unless the settings set one already.
_beside_defaults(type) := ", with its default paths (settings.rego's default_settings), which a list set for the type replaces" if {
	default_settings.ignored_attribute_paths[type]
	not _user_settings.ignored_attribute_paths[type]
} else := ""

# _unusable_why(f, k): why catalog id k, which f names otherwise, cannot be
# used, in the words of its own deny: refused by the policy, or retired.
_unusable_why(f, k) := sprintf("%s. %s", [_refusal(object.get(_any_entry(k), "owned_by", null)), _choose_allowed]) if not k in allowed_ids

else := sprintf("%s%s%s.", [_retired_verb(lc), _retired_since(lc), _successor_advice(f, k, lc)]) if lc := _retired_entry(k).model_lifecycle

# Without a read through a provider configuration that has no policy, an id
# missing from the catalog may exist and be refused by the policy.
_unknown_note := "" if _full_catalog

else := ", or the provider's policy does not allow it"

deny contains msg if {
	some f in found
	f.id in known_ids
	not f.id in allowed_ids
	msg := sprintf("%s %s. %s%s", [_where(f), _refusal_of(f), _choose_allowed, _did_you_mean(f)])
}

# _choose_allowed: what to do about an id the policy refuses, in the words
# of the provider's own refusal (model_data_source.go)
_choose_allowed := "Choose a model the provider's policy allows (megallm_models lists only those), or change the policy."

# _refusal_of(f): why the policy refuses the id found; for a sensitive one,
# without its owner, which would narrow down which id it is.
_refusal_of(f) := "is not allowed by the provider's policy" if f.sensitive

else := _refusal(object.get(_any_entry(f.id), "owned_by", null))

deny contains msg if {
	some f in found
	f.id in allowed_ids
	lc := _retired_entry(f.id).model_lifecycle
	msg := sprintf("%s %s%s.", [_where(f), _retired_verb(lc), _unless_sensitive(f, sprintf("%s%s", [
		_retired_since(lc), _successor_advice(f, f.id, lc),
	]))])
}

# _retired_verb(lc), _retired_since(lc): that a model is retired, and by
# what: its retires_at, once past, else its model_lifecycle.status, written
# later than its dates give (_as_of_today), which no date of it says.
_retired_verb(lc) := "was retired" if _dated_status(lc) == "retired"

else := "is retired"

_retired_since(lc) := sprintf(" on %s", [_date(lc.retires_at)]) if _dated_status(lc) == "retired"

else := _as_written("status")

# _as_written(attribute): that model_lifecycle's attribute says so, where
# its dates do not (_as_of_today), so no date says since when.
_as_written(attribute) := sprintf(" by its model_lifecycle.%s", [attribute])

# _unless_sensitive(f, facts): the catalog's facts about the id found, such as
# its dates and successor, unless the plan marks it sensitive: a date or a
# successor can tell which id it is, so the message says only where it is.
_unless_sensitive(f, _) := _not_shown if f.sensitive

_unless_sensitive(f, facts) := facts if not f.sensitive

_not_shown := " (its dates and successor are not shown, as the value is sensitive)"

warn contains msg if {
	some f in found
	_usable(f.id)
	lc := _deprecated_entry(f.id).model_lifecycle
	msg := sprintf("%s is deprecated%s.", [_where(f), _unless_sensitive(f, sprintf("%s%s%s", [
		_deprecated_since(lc), _retirement(lc), _successor_advice(f, f.id, lc),
	]))])
}

# _deprecated_since(lc): since when a model is deprecated, by its
# deprecated_at, once past, else that its model_lifecycle.status says so.
_deprecated_since(lc) := sprintf(" since %s", [_date(lc.deprecated_at)]) if _dated_status(lc) == "deprecated"

else := _as_written("status")

# A pass that checked no id says so, as it may be a key the patterns miss;
# a plan that leaves no managed resource (a destroy plan) has none to miss.
warn contains msg if {
	count(catalog_reads) > 0
	count(_managed_resources) > 0
	count(found) == 0
	count(unknown) == 0
	msg := concat(" ", [
		"No model id was found in the managed resources of this plan, so none was checked.",
		"If the plan writes model ids, name their keys in megallm_settings.key_patterns or their paths in",
		"megallm_settings.attribute_paths.",
	])
}

# An id known only after apply is not in the plan: say that it was not
# checked, and where it will be.
warn contains msg if {
	some u in unknown
	msg := sprintf(
		"%s: %s is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it.",
		[_address(u.address), _excerpt(path_text(u.path))],
	)
}

# A json_attributes attribute whose text is neither JSON nor YAML of a map or
# a list would be checked for nothing, however many ids it holds: fail
# closed, naming it. A map's values are files and settings of every kind,
# those that are no document left to key_patterns.
deny contains msg if {
	some r in _managed_resources
	some t in _json_texts(r)
	not t.in_map
	not t.value in {null, ""}
	not _decoded(t.value)
	msg := sprintf(
		"%s: %s is neither JSON nor YAML of a map or a list, so no model id in it was checked, though megallm_settings.json_attributes[%s] names it: name there only attributes that hold JSON or YAML, and ids in other text with key_patterns or attribute_paths.",
		[_address(r.address), _excerpt(path_text(t.path)), _quote(r.type)],
	)
}

warn contains msg if {
	some f in found
	_usable(f.id)
	not _deprecated_entry(f.id)
	lc := _retiring_entry(f.id).model_lifecycle
	msg := sprintf("%s retires%s.", [_where(f), _retiring(f, lc)])
}

# _retiring(f, lc): when the id found retires, unless it is sensitive.
_retiring(f, lc) := sprintf(" within the %d-day notice window%s", [notice_days, _not_shown]) if f.sensitive

else := sprintf(" %s, within the %d-day notice window%s", [_retires_when(lc), notice_days, _successor_advice(f, f.id, lc)])

# _deprecated_entry(id): the entry saying that the id is deprecated, else
# false (_retired_entry).
default _deprecated_entry(_) := false

_deprecated_entry(id) := [m | some m in _entries(id); m.model_lifecycle.status == "deprecated"][0]

# A lifecycle date the catalog sent that the provider could not read
# (model_lifecycle.retires_at_unreadable, deprecated_at_unreadable) is null,
# as an absent one is, but unknown: the model may be retired or deprecated
# already, so the provider's not_deprecated and min_days_to_retirement are
# unmet by it. The provider's id check passes it with a warning; so does this.
warn contains msg if {
	some f in found
	_usable(f.id)
	lc := _maybe_entry(f.id).model_lifecycle
	msg := sprintf("%s may be %s: the catalog sent %s that the provider could not read. Report it to the catalog's maintainers.", [
		_where(f), _maybe(lc), _unreadable_dates(lc),
	])
}

# _maybe_entry(id): the first entry whose lifecycle may hide a status
# (_maybe), else false (_retired_entry).
default _maybe_entry(_) := false

_maybe_entry(id) := [m | some m in _entries(id); _maybe(m.model_lifecycle)][0]

# _maybe(lc): what a lifecycle's unreadable date may hide: retired, for its
# retires_at; deprecated, for its deprecated_at, unless it is deprecated by
# what is known (the deprecation warning then says so); else false
# (_retired_entry).
default _maybe(_) := false

_maybe(lc) := "retired" if lc.retires_at_unreadable == true

else := "deprecated" if {
	lc.deprecated_at_unreadable == true
	lc.status != "deprecated"
}

_unreadable_dates(lc) := concat(" and ", [sprintf("a %s", [name]) |
	some name in ["deprecated_at", "retires_at"]
	lc[sprintf("%s_unreadable", [name])] == true
])

# _retiring_entry(id): the entry retiring soonest, when within the window,
# else false (_retired_entry).
default _retiring_entry(_) := false

_retiring_entry(id) := entries[0] if {
	_whole_days(notice_days)
	notice_days > 0
	entries := [m |
		some m in _entries(id)
		is_number(m.model_lifecycle.days_to_retirement)
		m.model_lifecycle.days_to_retirement <= notice_days
		m.model_lifecycle.days_to_retirement == min({d |
			some e in _entries(id)
			d := e.model_lifecycle.days_to_retirement
			is_number(d)
		})
	]
}

_where(f) := sprintf("%s: %s = %s", [_address(f.address), _excerpt(path_text(f.path)), _shown(f)])

# _shown(f): the id found, unless the plan marks it sensitive.
_shown(f) := "(sensitive value)" if f.sensitive

else := _quote(_routed_as(f, [f.id])[0])

_refusal(owner) := "is denied by the provider's policy" if _owner_allowed(owner)

else := sprintf("is owned by %s, of which the provider's policy allows no model", [_quote(owner)]) if is_string(owner)

else := "is not allowed by the provider's policy"

# _in_days(n): "today", "tomorrow" or "in n days", as the provider says it.
_in_days(0) := "today"

_in_days(1) := "tomorrow"

_in_days(n) := sprintf("in %d days", [n]) if not n in {0, 1}

_retirement(lc) := sprintf(" and retires %s", [_retires_when(lc)]) if is_number(lc.days_to_retirement)

else := ""

# _retires_when(lc): when a model retires, by its retires_at, unless its
# model_lifecycle.days_to_retirement, written, is fewer days than that date
# is from today (_as_of_today keeps the fewer), which the date does not say.
_retires_when(lc) := sprintf("on %s, %s", [_date(lc.retires_at), _in_days(lc.days_to_retirement)]) if {
	is_string(lc.retires_at)
	not _fewer_days_written(lc)
} else := sprintf("%s%s", [_in_days(lc.days_to_retirement), _as_written("days_to_retirement")])

# a rule, so that a date OPA cannot read leaves it undefined, not the "not"
_fewer_days_written(lc) if _days_to(lc.retires_at) > lc.days_to_retirement

# _successor_advice(f, id, lc): what to use instead of the id found, by lc's
# successor, which may be null or absent, or id itself (the model's, whose
# lifecycle lc is), which is no advice.
_successor_advice(f, id, lc) := " (its successor is the model itself)" if lc.successor == id

else := sprintf(": use its successor %s", [_quote(_routed_as(f, [lc.successor])[0])]) if _usable(lc.successor)

else := sprintf(" (its successor %s cannot be used either)", [_quote(lc.successor)]) if is_string(lc.successor)

else := " (no successor is named)"

# _did_you_mean(f): the usable ids near the id found, unless it is sensitive
# (a near id would show it), or those whose display name it is, unless it is
# a usable id in another letter case (Gpt-4.1), which "did you mean" names;
# each under the routing prefix it is written under.
_did_you_mean(f) := "" if f.sensitive

else := sprintf(" It is the display name of %s: write that id instead.", [concat(" or ", [_quote(k) | some k in _routed_as(f, ids)])]) if {
	not f.id in known_ids
	not lower(trim_space(f.id)) in {lower(k) | some k in object.get(_known_by_fold, _fold(f.id), []); _usable(k)}
	ids := _display_named(f.id)
	count(ids) > 0
}

else := _suggest(_routed_as(f, _near(f.id)))

# _routed_as(f, ids): ids under the routing prefix of the id found, as its
# configuration writes them.
_routed_as(f, ids) := [concat("", [f.prefix, k]) | some k in ids]

# _display_named(value): at most three usable ids whose catalog display name
# is value.
_display_named(value) := array.slice(sort({id | some id in _displayed_as(value); _usable(id)}), 0, 3)

# _displayed_as(value): the ids whose catalog display name is value, as a
# person reads it: white space around it and letter case ignored. Only a
# value already found wrong is looked up, in the display names indexed once
# (OPA indexes the comprehension of ids by name).
_displayed_as(value) := object.get(_by_display_name, lower(trim_space(value)), set())

_by_display_name := {name: ids | some p in _display_names; name := p[0]; ids := {q[1] | some q in _display_names; q[0] == name}}

_display_names := [[lower(trim_space(m.display_name)), m.id] | some r in catalog_reads; some m in r.values.models; is_string(m.display_name)]

# _suggest(names): " Did you mean "a" or "b"?", or "" for no name.
_suggest(names) := sprintf(" Did you mean %s?", [concat(" or ", [_quote(k) | some k in names])]) if count(names) > 0

else := ""

# _cut(s, n): the rule of the provider's megallm.Quote (internal/megallm/quote.go)
# for every string of the plan a message shows (an address, a path, an id, a
# date, an owner): s whole, or, over n characters, its first n and then
# "… (N characters)", N its length. The plan can hold a string of any length.
_cut(s, n) := {"head": substring(s, 0, n), "tail": sprintf("… (%d characters)", [count(s)])} if count(s) > n

else := {"head": s, "tail": ""}

# _quote(s): s cut and quoted as megallm.Quote quotes a value: Go-quoted, but
# with a control character as a \u escape, which HCL and JSON read too (Go's
# \a, \b, \f, \v and \x07 they refuse), so that a value copied reads as
# itself. Between the quoted text's \\, each \ starts an escape.
_quote(s) := sprintf("%s%s", [concat(`\\`, parts), c.tail]) if {
	c := _cut(s, 64)
	parts := [regex.replace(strings.replace_n(_go_only_escapes, part), `\\x([0-7][0-9a-f])`, `\u00$1`) |
		some part in split(sprintf("%q", [c.head]), `\\`)
	]
}

_go_only_escapes := {`\a`: `\u0007`, `\b`: `\u0008`, `\f`: `\u000c`, `\v`: `\u000b`}

# _excerpt(s): s cut and not quoted, as megallm.Excerpt cuts free text.
_excerpt(s) := concat("", [c.head, c.tail]) if c := _cut(s, 64)

# _address(a): a resource address, cut as _excerpt cuts, but after 256
# characters: a nested module's address is often longer than 64, and the
# resource's own name comes last.
_address(a) := concat("", [c.head, c.tail]) if c := _cut(a, 256)

# _date: a lifecycle date as the provider's messages write it
# (catalog.FormatDate): an RFC 3339 time at midnight UTC, written in any
# offset, as its UTC date alone; any other string of the catalog cut as any
# string is. An offset is read for the years 1700 to 2199 only, as OPA counts
# time in 64-bit nanoseconds.
_date(t) := substring(t, 0, 10) if endswith(t, "T00:00:00Z")

else := time.format([ns, "UTC", "2006-01-02"]) if {
	regex.match(`^(1[7-9]|2[01])\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$`, t)
	ns := time.parse_rfc3339_ns(t)
	ns % ((24 * 60) * 60e9) == 0
}

else := _excerpt(t) if is_string(t)

else := t
