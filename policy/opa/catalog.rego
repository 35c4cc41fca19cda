# The MegaLLM catalog, as the plan holds it: every unfiltered
# megallm_models read with include_retired = true in prior_state, in any
# module. A read through a provider configuration without a policy lists
# every model of the API; a read through one with a policy lists only the
# models it allows, with its lifecycle dates.
package megallm

# the arguments of megallm_models that leave models out
_filters := ["type", "owned_by", "id_regex", "require", "exclude_ids", "created_after", "created_before", "limit"]

catalog_reads contains r if {
	some r in _models_reads
	r.values.include_retired == true
	count(_filtered_by(r)) == 0
}

_models_reads contains r if {
	some m in _modules(input.prior_state.values.root_module)
	some r in object.get(m, "resources", [])
	r.mode == "data"
	r.type == "megallm_models"
}

# _filtered_by(r): the filters a read sets; an empty list or object, such as
# exclude_ids = [] or require = {}, leaves no model out.
_filtered_by(r) := [f | some f in _filters; not object.get(r.values, f, null) in {null, [], {}}]

# _why_not_a_catalog(r): why a megallm_models read is not the catalog.
_why_not_a_catalog(r) := sprintf("%s filters by %s", [_address(r.address), concat(" and ", _filtered_by(r))]) if count(_filtered_by(r)) > 0

else := sprintf("%s leaves retired models out (include_retired is not true)", [_address(r.address)])

# _modules: a module of planned_values or prior_state and its child modules,
# at any depth (each is at a path of "child_modules", index pairs); none of
# a root of another shape. The walk leaves out the root module's resources,
# where a catalog of thousands of models usually is.
_modules(root) := [m |
	walk(object.remove(root, ["resources"]), [path, _])
	_module_path(path)
	m := object.get(root, path, {})
] if is_object(root)

_module_path(path) if {
	count(path) % 2 == 0
	every i, step in path {
		_module_step(i, step)
	}
}

_module_step(i, step) if {
	i % 2 == 0
	step == "child_modules"
}

_module_step(i, step) if {
	i % 2 == 1
	is_number(step)
}

# A read is policy-free when the provider configuration it used sets no
# policy (the plan's configuration shows an expression for every argument set).
_policy_free(r) if not input.configuration.provider_config[_provider_key(r)].expressions.policy

# _provider_key(r): the key of the provider configuration a read used.
_provider_key(r) := c.provider_config_key if {
	some c in object.get(_module_config(r.address), "resources", [])
	c.mode == "data"
	c.type == r.type
	c.name == r.name
}

# _module_config: the configuration of the module an address is in.
_module_config(address) := object.get(input, array.concat(["configuration", "root_module"], steps), {}) if {
	calls := regex.find_all_string_submatch_n(`module\.([^.\[]+)(?:\[[^\]]*\])?\.`, address, -1)
	steps := [s | some call in calls; some s in ["module_calls", call[1], "module"]]
}

# the reads whose lifecycle and list of allowed models apply: those under a
# policy, or every read if none has one
_policy_reads := {r | some r in catalog_reads; not _policy_free(r)}

_lifecycle_reads := _policy_reads if count(_policy_reads) > 0

else := catalog_reads

# A policy that no catalog read applies cannot be checked: fail closed, for
# each provider configuration that sets one (an id may be meant for any),
# under any local name (llm = { source = "megallm/megallm" }) or, where a
# plan made by hand has no full_name, the type's.
deny contains msg if {
	count(catalog_reads) > 0
	some key, config in object.get(input, ["configuration", "provider_config"], {})
	_ours(config)
	config.expressions.policy
	not key in {_provider_key(r) | some r in catalog_reads}
	msg := concat(" ", [
		sprintf("The provider configuration %s sets a policy, but no catalog read of this plan goes through it,", [_quote(key)]),
		"so no model id can be checked against the policy. Read",
		sprintf(`data "megallm_models" "catalog" { include_retired = true }, with no filter, through that configuration%s.`, [_through(key)]),
	])
}

# _ours(config): a provider configuration of this provider: of its source,
# under any local name, or named megallm (a plan made by hand may have no
# full_name).
_ours(config) if config.name == "megallm"

_ours(config) if endswith(config.full_name, "/megallm/megallm")

# _through(key): the provider argument of a read through root module
# configuration key, but for the default one of the type's name (a module's,
# module.m:megallm, is read in that module).
_through(key) := sprintf(", with provider = %s in its block", [key]) if {
	key != "megallm"
	not contains(key, ":")
	count(key) <= 64
} else := ""

# whether some read lists every model of the API, so that an id missing from
# it is surely not in the catalog
_full_catalog if {
	some r in catalog_reads
	_policy_free(r)
}

known_ids := {m.id | some r in catalog_reads; some m in r.values.models}

# the catalog's models by id, and which reads list each, indexed once rather
# than scanned once per id found (OPA indexes the inner comprehension)
_catalog_by_id := {id: [{"read": r.address, "model": m} | some r in catalog_reads; some m in r.values.models; m.id == id] |
	some read in catalog_reads
	some entry in read.values.models
	id := entry.id
}

# the ids every read under a policy lists
allowed_ids := intersection({ids |
	some r in _lifecycle_reads
	ids := {m.id | some m in r.values.models}
})

# _entries(id): the catalog's models with this id, from the reads that
# carry the policy's lifecycle, each with its lifecycle as of today.
_entries(id) := [_as_of_today(e.model) | some e in object.get(_catalog_by_id, id, []); e.read in _lifecycle_addresses]

# _as_of_today(m): m with the status and days_to_retirement of its
# model_lifecycle as of today: the later of the status written on the day of
# the plan and the one its dates give today (retired, then deprecated, then
# active), the fewer days to retirement, 0 once retired. A plan saved on an
# earlier day, whose "active" its retires_at has since overtaken, is so
# checked as of the day of the check, and what is written can only make a
# check stricter. (The provider's unmet_requirements, a Terraform function,
# reads no clock and judges the status as written: catalog.Stated.)
_as_of_today(m) := object.union(m, {"model_lifecycle": object.union(lc, {
	"status": status,
	"days_to_retirement": _days_later(status, lc),
})}) if {
	lc := _lifecycle_of(m)
	status := _later_status(lc)
}

_lifecycle_of(m) := m.model_lifecycle if is_object(m.model_lifecycle)

else := {}

_later_status(lc) := lc.status if _status_rank(lc.status) > _status_rank(_dated_status(lc))

else := _dated_status(lc)

_status_rank(status) := object.get({"active": 1, "deprecated": 2, "retired": 3}, status, 0)

# _dated_status(lc): the status lc's dates give today, as catalog.LifecycleOf
# gives it: retired from retires_at on, deprecated from deprecated_at on,
# active before either, and none (null) without a date.
_dated_status(lc) := "retired" if _reached(lc.retires_at)

else := "deprecated" if _reached(lc.deprecated_at)

else := "active" if {
	some date in [object.get(lc, "deprecated_at", null), object.get(lc, "retires_at", null)]
	is_string(date)
}

else := null

_days_later(status, lc) := 0 if status == "retired"

else := min(days) if {
	days := {d | d := lc.days_to_retirement; is_number(d)} | {d | d := _days_to(lc.retires_at)}
	count(days) > 0
} else := null

# _reached(date): today is on or after date. A date before the years OPA's
# time functions count (_ns) is long past; one after them is far ahead.
_reached(date) if _ns(date) <= time.now_ns()

_reached(date) if {
	is_string(date)
	regex.match(`^(0\d|1[0-6])\d\d-`, date)
}

# _days_to(date): the calendar days (UTC) from today to date, as
# catalog.LifecycleOf counts them.
_days_to(date) := (_midnight(_ns(date)) - _midnight(time.now_ns())) / _day_ns

_day_ns := ((24 * 60) * 60) * 1000000000

_midnight(ns) := ns - (((ns % _day_ns) + _day_ns) % _day_ns)

# _ns(date): an RFC 3339 date in nanoseconds since 1970, for the years 1700
# to 2199 only, as OPA counts time in 64-bit nanoseconds (_date's range).
_ns(date) := time.parse_rfc3339_ns(date) if {
	is_string(date)
	regex.match(`^(1[7-9]|2[01])\d\d-`, date)
}

_lifecycle_addresses := {r.address | some r in _lifecycle_reads}

_any_entry(id) := _catalog_by_id[id][0].model

# _retired_entry(id): the model entry saying that the id is retired, else
# false, so that OPA keeps the miss (_key_named); _usable likewise.
default _retired_entry(_) := false

_retired_entry(id) := [m | some m in _entries(id); m.model_lifecycle.status == "retired"][0]

default _usable(_) := false

_usable(id) if {
	id in allowed_ids
	not _retired_entry(id)
}

# _owner_allowed: the policy allows some model of this owner.
_owner_allowed(owner) if {
	is_string(owner)
	owner in _allowed_owners
}

_allowed_owners := {m.owned_by | some r in _lifecycle_reads; some m in r.values.models}

# _near(id): at most three usable ids near id, those the provider's
# catalog.Closest suggests for it (closest.rego), or else those with a
# start near it (_led).
_near(id) := near if {
	near := _closest_ids(id, _usable_lowered)
	count(near) > 0
} else := _led(id, _usable_ids)

# _led(value, ids): at most three of ids, closest first, that have a
# start of theirs (_starts) near value as an id is near a misspelt
# one (_closer_ids), but two edits closer: a start is short and like many a
# setting (gp3 is two edits from gpt-3), and one character changed in a
# short one is often another version (GPT-5 for gpt-4); or else one with two
# neighbouring characters of value swapped (_transposed: gtp-4o, of
# gpt-4o-2024-08-06). Each id comes once, at the nearest of its starts, and
# the starts are read until three ids differ: two of them can list one id
# (gpt-4o and gpt-4o-2024 of gpt-4o-2024-08-06). Of one start, in the order
# of _listed. A value with a vendor prefix is read against the ids that start
# with a start alone, as a start after another vendor's prefix would leave
# both vendors out.
_led(value, ids) := array.slice([k | some i, k in led; not k in array.slice(led, 0, i)], 0, 3) if {
	vendorless := contains(value, "/") == false
	led := [k | some start in _started(value, ids, vendorless); some k in _listed(ids, vendorless)[start]]
}

# _started(value, ids, vendorless): the starts of ids near value (_led),
# closest first, as many as three ids take (ranked only when ids have a
# start); only those of its length can be it transposed (_by_length, indexed
# once).
_started(value, ids, vendorless) := [n[2] | some n in sort(near)] if {
	_id_shaped(value)
	starts := _starts(ids, vendorless)
	count(starts) > 0
	near := _ranked(value, starts, 2, [ids, vendorless])
	count(near) > 0
} else := sort([start | some start, s in object.get(_by_length(_starts(ids, vendorless)), count(want), {}); _transposed(want, s)]) if {
	_id_shaped(value)
	want := lower(trim_space(value))
} else := []

# _transposed(a, b): a is b with two neighbouring characters swapped.
_transposed(a, b) if {
	count(a) == count(b)
	sort(split(a, "")) == sort(split(b, "")) # the same characters, told cheaply, before _residues
	pair := _residues(a, b)
	count(pair[0]) == 2
	pair[1] == strings.reverse(pair[0])
}

# _starts(ids, vendorless): each start of ids (_start_of), by itself
# lower-cased.
_starts(ids, vendorless) := {s[0]: lower(s[0]) | some s in _start_of(ids, vendorless)}

# _listed(ids, vendorless): the first three ids of each start (_start_of),
# all that three ids can take: those that start with it, then those that
# have it after a vendor prefix, each by id. Sorted once, a start's ids are
# those from where it first comes.
_listed(ids, vendorless) := {t[0]: [u[2] | some u in array.slice(all, j, j + 3); u[0] == t[0]] |
	some j, t in all
	not all[j - 1][0] == t[0]
} if all := sort(_start_of(ids, vendorless))

# _start_of(ids, vendorless): [start, after a vendor prefix, id] for each
# start of ids (of what _texts gives) that ends at a separator (-, ., _, / or
# :) and holds two words or more, two letters in a row among them (_worded),
# written without the separator, as catalog's starts has them: one start
# whatever separator follows ("llama-3.1" of llama-3.1:8b and, when
# vendorless, of meta-llama/llama-3.1-8b-instruct), "claude-3-5-sonnet" of
# claude-3-5-sonnet-20241022, "gpt-4o" of gpt-4o-mini, but not "gpt", as one
# word is near too many settings (gpu, ollama: llama), nor "o1-2024".
_start_of(ids, vendorless) := {[start, startswith(id, start) == false, id] |
	some id in ids
	some text in _texts(id, vendorless)
	pieces := regex.find_n(`[^-._/:]+[-._/:]+`, text, -1)
	some n, _ in pieces
	n > 0
	start := trim_right(concat("", array.slice(pieces, 0, n + 1)), "-._/:")
	startswith(text, start)
	_worded(start)
}

# _texts(id, vendorless): id, and what follows its last "/" when vendorless.
_texts(id, false) := {id}

_texts(id, true) := {id, regex.replace(id, `^.*/`, "")}

_usable_lowered := _lowered(_usable_ids)

# the catalog ids by their _fold, indexed once
_known_by_fold := {f: [k | some k in known_ids; _fold(k) == f] | some id in known_ids; f := _fold(id)}

_usable_ids := {k | some k in allowed_ids; _usable(k)}

# _reads_as_id(value): the catalog tells that value is a model id: it is
# one, a model's display name, or near some catalog id, usable or not
# (retired, refused by the policy), as _near finds ids.
_reads_as_id(value) if value in known_ids

_reads_as_id(value) if count(_displayed_as(value)) > 0

_reads_as_id(value) if count(_closest_ids(value, _known_lowered)) > 0

_reads_as_id(value) if count(_led(value, known_ids)) > 0

_known_lowered := _lowered(known_ids)

# _misnamed(id): the catalog ids, sorted, that id, which the catalog lacks,
# names otherwise (catalog.LookupMisnamed, as far as the library reads ids):
# in another letter case or with other separators (_fold), under a vendor
# prefix the catalog does not write (what follows each of its last three
# "/"s, as _edit_readings reads it), or without one that it does.
_misnamed(id) := sort({k |
	some r in _edit_readings(lower(trim_space(id)))
	some k in object.get(_known_by_fold, _fold(r.text), [])
} | {k | some k in _prefixed_ids; _fold(regex.replace(k, `^.*/`, "")) == _fold(id)})

_prefixed_ids := {k | some k in known_ids; contains(k, "/")}

# _joined(id): [the catalog ids, the others] that id lists in one string,
# each once, in its order, as a list joined with commas or a CSV cell does
# ("gpt-4o; gpt-4.1"), split at commas, semicolons, "|" or white space (Go's
# unicode.IsSpace), when it lists one a catalog id at least, with another or
# a stray separator ("gpt-4o,", _stray) (catalog.LookupMisnamed's joined,
# after the separators _misnamed reads).
_joined(id) := [[p | some p in parts; p in known_ids], [p | some p in parts; not p in known_ids]] if {
	count(_misnamed(id)) == 0
	all := _list_parts(id)
	all != [id]
	parts := [p | some i, p in all; not p in array.slice(all, 0, i)]
	some part in parts
	part in known_ids
}

# _list_parts(id): what id lists, split as _joined splits it.
_list_parts(id) := [p | some p in regex.split(`[,;|\t-\r \x{85}\p{Zs}\x{2028}\x{2029}]+`, id); p != ""]

# _stray(id): id is one id with a list's separator beside it, as join() or a
# CSV cell leaves one (catalog.MisnamedID.Stray).
_stray(id) if {
	all := _list_parts(id)
	count(all) == 1
	all != [id]
}

# the ids of letters alone (mistral, gemma), lower-cased
_known_words := {lower(k) | some k in known_ids; regex.match(`^[A-Za-z]+$`, k)}

_fold(s) := regex.replace(lower(s), `[-._\s]`, "")
