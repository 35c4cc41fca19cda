# The settings a team may change without editing Rego: pass a data document
# whose top-level key is megallm_settings (opa eval -d settings.json, conftest
# --data settings.json). What it sets replaces the default below; the
# attribute_paths, json_attributes, ignored_attribute_paths and
# routing_prefixes of a resource type it names replace those of that type only.
package megallm

default_settings := {
	# warn when a model used retires in this many days or fewer (0: no notice)
	"retirement_notice_days": 90,
	# map keys and attribute names whose string values are model ids, as glob
	# patterns compared without regard to case
	"key_patterns": ["model", "model_id", "*_model", "*_model_id", "models", "*_models", "model_ids", "*_model_ids"],
	# attribute paths, per resource type, whose string values are model ids:
	# steps joined by ".", a list index as a number, "*" for any one step
	"attribute_paths": {"azurerm_cognitive_deployment": ["model.*.name"]},
	# attributes, per resource type, that hold JSON or YAML text (or a list
	# of texts, or a map with such texts among its values) to look inside
	"json_attributes": {"aws_ecs_task_definition": ["container_definitions"], "helm_release": ["values"]},
	# attribute paths, per resource type, that key_patterns match but that
	# hold no MegaLLM model id (an RDS instance's license_model; the model
	# ids of another provider's catalog, which the resource calls that
	# provider with: Bedrock's, a Databricks external model's); an attribute
	# path named in attribute_paths is checked all the same
	"ignored_attribute_paths": {
		"aws_db_instance": ["license_model"],
		"aws_bedrockagent_agent": ["foundation_model"],
		"aws_bedrockagent_prompt": ["variant.*.model_id"],
		"databricks_model_serving": ["config.*.served_entities.*.external_model.*.name"],
	},
	# prefixes, per resource type, that a proxy in front of MegaLLM strips
	# from an id before it asks MegaLLM for what follows (LiteLLM's "openai/"),
	# so that an id is checked by what follows: none by default, as only the
	# proxy's configuration tells that it routes to MegaLLM
	"routing_prefixes": {},
}

# Settings that are no object are a deny below, and the defaults apply.
default _user_settings := {}

_user_settings := data.megallm_settings if is_object(data.megallm_settings)

settings := object.union(default_settings, _user_settings)

notice_days := settings.retirement_notice_days

# A setting of the wrong shape or name fails closed, naming it and what it takes.
deny contains msg if {
	some given in [data.megallm_settings]
	not is_object(given)
	msg := sprintf(
		"megallm_settings is %s: set an object of settings, such as {\"retirement_notice_days\": 30}, or pass no megallm_settings to keep the defaults.",
		[_excerpt(json.marshal(given))],
	)
}

deny contains msg if {
	some name, _ in _user_settings
	not name in object.keys(default_settings)
	msg := sprintf(
		"megallm_settings has no setting %s, so it would change nothing.%s Its settings are %s.",
		[_quote(name), _suggest(_closest_ids(name, _lowered(object.keys(default_settings)))), concat(", ", [_quote(k) | some k in sort(object.keys(default_settings))])],
	)
}

# A resource type of a per-type setting that no resource can have (an
# address, say), or that no resource of the plan has while the plan has one
# near it that the setting does not name (a misspelt type, letter case
# included, as types are exact), would apply to no resource, silently.
deny contains msg if {
	some name, _ in _per_type_settings
	is_object(_user_settings[name])
	some type, _ in _user_settings[name]
	advice := _type_advice(type, object.keys(settings[name]))
	msg := sprintf("megallm_settings.%s[%s] %s", [name, _quote(type), advice])
}

# _type_advice(type, named): what is wrong with a resource type of a setting
# that names the types named, and what to write instead.
_type_advice(type, named) := sprintf("names no resource type, so it applies to no resource: name the type alone, as %s (a setting applies to every resource of its type).", [_quote(t)]) if {
	not regex.match(`^[A-Za-z_][A-Za-z0-9_-]*$`, type)
	t := regex.find_all_string_submatch_n(`([A-Za-z_][A-Za-z0-9_-]*)\.[A-Za-z_][A-Za-z0-9_-]*(\[[^\]]*\])?$`, type, 1)[0][1]
} else := sprintf("has white space around it, which no resource type has, so it applies to no resource: write it as %s.", [_quote(trim_space(type))]) if {
	trim_space(type) != type
	regex.match(`^[A-Za-z_][A-Za-z0-9_-]*$`, trim_space(type))
} else := "names no resource type, so it applies to no resource: name a resource type, such as \"aws_lambda_function\"." if {
	not regex.match(`^[A-Za-z_][A-Za-z0-9_-]*$`, type)
} else := sprintf("applies to no resource of this plan, which has resources of a type near it that the setting does not name.%s Write the type as the plan does (types are exact), or name both if both are meant.", [_suggest(near)]) if {
	not type in _plan_types
	near := [t | some t in _closest_ids(type, _lowered(_plan_types)); not t in named]
	count(near) > 0
}

_plan_types := {r.type | some r in _managed_resources} | {rc.type | some rc in input.resource_changes; rc.mode == "managed"}

deny contains msg if {
	not _whole_days(notice_days)
	msg := sprintf(
		"megallm_settings.retirement_notice_days is %s: set a whole number of days, 0 or more (0 turns the retirement notice off).",
		[_excerpt(json.marshal(notice_days))],
	)
}

deny contains msg if {
	not _strings(settings.key_patterns)
	msg := sprintf(
		"megallm_settings.key_patterns is %s: set a list of glob patterns such as [\"model\", \"*_model\"].",
		[_excerpt(json.marshal(settings.key_patterns))],
	)
}

# A key pattern that is no glob pattern would match no key, silently.
deny contains msg if {
	_strings(settings.key_patterns)
	some pattern in settings.key_patterns
	not _glob(pattern)
	msg := sprintf(
		"megallm_settings.key_patterns has %s, which is no glob pattern, so it matches no key: put a \\ before each [, ], {, } or \\ it means literally.",
		[_quote(pattern)],
	)
}

_glob(pattern) if glob.match(lower(pattern), null, "") in {true, false}

# A key pattern with white space around it, or blank, matches no key a
# configuration writes, silently: worded as the provider words such names.
deny contains msg if {
	_strings(settings.key_patterns)
	some pattern in settings.key_patterns
	_spaced(pattern)
	msg := _spaced_or_blank(pattern)
}

_spaced(pattern) if trim_space(pattern) != pattern

_spaced("")

_spaced_or_blank(pattern) := sprintf("megallm_settings.key_patterns has %s, which is no key pattern: remove it, or write a pattern such as \"*_model\".", [_quote(pattern)]) if {
	trim_space(pattern) == ""
} else := sprintf(
	"megallm_settings.key_patterns has %s, with white space around it, which no key has: write it as %s.",
	[_quote(pattern), _quote(trim_space(pattern))],
)

deny contains msg if {
	some name, [items, example] in _per_type_settings
	is_object(settings[name])
	some type, paths in settings[name]
	not _strings(paths)
	msg := sprintf(
		"megallm_settings.%s[%s] is %s: set a list of %s such as %s.",
		[name, _quote(type), _excerpt(json.marshal(paths)), items, example],
	)
}

deny contains msg if {
	some name, [items, _] in _per_type_settings
	not is_object(settings[name])
	msg := sprintf(
		"megallm_settings.%s is %s: set an object from resource type to a list of %s.",
		[name, _excerpt(json.marshal(settings[name])), items],
	)
}

# A routing prefix that no id can start with and be followed by an id (one
# without its "/", or blank, or with white space) would strip nothing, or
# the wrong part, silently.
deny contains msg if {
	is_object(settings.routing_prefixes)
	some type, prefixes in settings.routing_prefixes
	_strings(prefixes)
	some prefix in prefixes
	not regex.match(`^([^/\s]+/)+$`, prefix)
	msg := sprintf(
		"megallm_settings.routing_prefixes[%s] has %s, which is no routing prefix: write the prefix as the proxy's configuration does, up to and with its \"/\", such as \"openai/\".",
		[_quote(type), _quote(prefix)],
	)
}

deny contains msg if {
	some name, unreachable in _path_settings
	is_object(settings[name])
	some type, paths in settings[name]
	_strings(paths)
	some p in paths
	_malformed(p)
	msg := sprintf(
		"megallm_settings.%s[%s] has %s, which is no path of steps joined by \".\": %s",
		[name, _quote(type), _quote(p), _path_advice(p, type, unreachable)],
	)
}

# _path_advice(p, type, unreachable): how to write path p, written with
# brackets or with an empty step: the same steps joined by "."
# (input["MODEL_NAME"] is input.MODEL_NAME; input..model is input.model, or
# input.*.model if a step was left out, only the one that reaches a value of
# type's resources when the other does not, as a path that reaches none
# checks nothing), unless a step is a map key with a dot in it, which no path
# can name, or p is no sequence of steps (a.b[1]x, a.["b"], a[""]), which
# has no same steps.
_path_advice(p, type, unreachable) := unreachable if {
	regex.match(`\["[^"]*\.[^"]*"\]`, p)
} else := sprintf("write it as %s.", [_quote(dotted)]) if {
	regex.match(`^([^.\[\]"]+|\["[^"]+"\]|\[([0-9]+|\*)\])(\.[^.\[\]"]+|\["[^"]+"\]|\[([0-9]+|\*)\])*$`, p)
	dotted := trim_prefix(regex.replace(regex.replace(p, `\["([^"]*)"\]`, ".${1}"), `\[([0-9]+|\*)\]`, ".${1}"), ".")
} else := advice if {
	not regex.match(`[\[\]"]`, p)
	steps := [s | some s in split(p, "."); s != ""]
	count(steps) > 0
	stars := [_or_star(s) | some s in split(p, ".")]
	without := sprintf("write it without empty steps, as %s", [_quote(concat(".", steps))])
	starred := sprintf("with \"*\" for any one step in their place, as %s", [_quote(concat(".", stars))])
	advice := _either(_reaching(type, steps), _reaching(type, stars), without, starred)
} else := "write each step after a \".\", a list index as a number, such as \"model.0.name\" or \"model.*.name\"."

# _either(a, b, without, starred): the advice of the two ways whose path
# reaches a value (a, b), or both when both or neither does.
_either(true, false, without, _) := sprintf("%s.", [without])

_either(false, true, _, starred) := sprintf("write it %s.", [starred])

_either(a, b, without, starred) := sprintf("%s, or %s.", [without, starred]) if a == b

# _reaching(type, steps): whether steps reach a value of type's resources
# (_path_reached); false by default.
default _reaching(_, _) := false

_reaching(type, steps) if _path_reached(type, steps)

_or_star("") := "*"

_or_star(s) := s if s != ""

# An attribute path that reaches no value of its type's resources in the
# plan, but would if letter case were ignored, checks nothing, silently:
# paths are exact, as attribute names and map keys are.
deny contains msg if {
	is_object(_user_settings.attribute_paths)
	some type, paths in _user_settings.attribute_paths
	_strings(paths)
	some p in paths
	steps := split(p, ".")
	not _path_reached(type, steps)
	some r in _managed_resources
	r.type == type
	walk(object.get(r, "values", {}), [path, _])
	_path_matches_folded(steps, path)
	written := concat(".", [_step_written(step, path[i]) | some i, step in steps])
	msg := sprintf(
		"megallm_settings.attribute_paths[%s] has %s, which reaches a value of this plan only when letter case is ignored: paths are exact, as attribute names and map keys are, so write it as %s.",
		[_quote(type), _quote(p), _quote(written)],
	)
}

# An attribute path whose first step no resource of its type has, or a
# json_attributes attribute, in any letter case, checks nothing, silently: a
# plan's planned_values has every attribute of a resource (null when unset,
# an absent block an empty list), and resource_changes' after_unknown those
# known only after apply. A step below the first may be a map key that a map
# lacks (variables.LLM), which is no mistake.
deny contains msg if {
	some name in ["attribute_paths", "json_attributes"]
	is_object(_user_settings[name])
	some type, paths in _user_settings[name]
	_strings(paths)
	some p in paths
	not _denied_already(name, type, p)
	step := split(p, ".")[0]
	not step in ({"*"} | _attributes[type])
	msg := sprintf(
		"megallm_settings.%s[%s] has %s, but %s has no attribute %s, so it reaches no value and checks nothing.%s Name an attribute of the resource as the plan's JSON (terraform show -json) writes it.",
		[name, _quote(type), _quote(p), _address(_shallowest_address(type)), _quote(step), _suggest(_closest_ids(step, _lowered(_attributes[type])))],
	)
}

# _denied_already(name, type, p): a path that a deny above names already
_denied_already(_, _, p) if _malformed(p)

_denied_already("json_attributes", _, p) if contains(p, ".")

_denied_already("attribute_paths", type, p) if _path_reached_folded(type, split(p, "."))

# An attribute path with a name where the plan has a list, such as a block
# (environment.variables.LLM for environment[0].variables.LLM), reaches no
# value there, silently: a list's elements are reached by index. Past a "*"
# for a name, it may be meant for another value, which this plan lacks.
deny contains msg if {
	is_object(_user_settings.attribute_paths)
	some type, paths in _user_settings.attribute_paths
	_strings(paths)
	some p in paths
	not _malformed(p)
	steps := split(p, ".")
	not _path_reached(type, steps)
	some r in _managed_resources
	r.type == type
	walk(r.values, [path, list])
	is_array(list)
	count(path) < count(steps)
	_path_matches(array.slice(steps, 0, count(path)), path)
	not regex.match(`^([0-9]+|\*)$`, steps[count(path)])
	before := array.slice(steps, 0, count(path))
	not _star_at_key(before, path)
	msg := sprintf(
		"megallm_settings.attribute_paths[%s] has %s, which reaches no value: %s is a list, whose elements a step reaches by index, not by name. Write the index as a number, or \"*\" for any, as %s.",
		[_quote(type), _quote(p), _quote(concat(".", before)), _quote(concat(".", array.concat(array.concat(before, ["*"]), array.slice(steps, count(path), count(steps)))))],
	)
}

# _star_at_key(steps, path): a "*" of steps stands for a map key or attribute
# name of path, so that the path may reach a value through another.
_star_at_key(steps, path) if {
	some i, step in steps
	step == "*"
	is_string(path[i])
}

# the managed resources of each type in planned_values, and the attributes they have
_addresses[type] contains r.address if {
	some r in _managed_resources
	type := r.type
}

# _shallowest_address(type): the address of a resource of type in the root
# module when there is one, else in the fewest modules deep, the first in order
_shallowest_address(type) := min({[count(path), r.address] |
	root := object.get(input, ["planned_values", "root_module"], {})
	walk(object.remove(root, ["resources"]), [path, _])
	_module_path(path)
	some r in object.get(object.get(root, path, {}), "resources", [])
	r.mode == "managed"
	r.type == type
})[1]

_attributes[type] := {a | some r in _managed_resources; r.type == type; some a, _ in r.values} | {a |
	some rc in input.resource_changes
	rc.mode == "managed"
	rc.type == type
	some a, _ in object.get(rc.change, "after_unknown", {})
} if some type, _ in _addresses

_malformed(p) if regex.match(`[\[\]"]|^\.|\.\.|\.$|^$`, p)

_path_reached_folded(type, steps) if {
	some r in _managed_resources
	r.type == type
	walk(object.get(r, "values", {}), [path, _])
	_path_matches_folded(steps, path)
}

_path_reached(type, steps) if {
	some r in _managed_resources
	r.type == type
	walk(object.get(r, "values", {}), [path, _])
	_path_matches(steps, path)
}

_path_matches_folded(steps, path) if {
	count(steps) == count(path)
	every i, step in steps {
		_step_matches(lower(step), lower(sprintf("%v", [path[i]])))
	}
}

_step_written("*", _) := "*"

_step_written(step, p) := sprintf("%v", [p]) if step != "*"

# the settings that hold attribute paths, and what to do about a map key
# with a dot in it, which no path can name
_path_settings := {
	"attribute_paths": "a map key with a dot in it is matched by key_patterns instead.",
	"ignored_attribute_paths": "a map key with a dot in it cannot be ignored by path: narrow key_patterns instead.",
}

deny contains msg if {
	is_object(settings.json_attributes)
	some type, attributes in settings.json_attributes
	_strings(attributes)
	some a in attributes
	regex.match(`[.\[\]"]`, a)
	msg := sprintf(
		"megallm_settings.json_attributes[%s] has %s, but only an attribute of the resource itself is read as JSON: name it alone, such as \"container_definitions\".",
		[_quote(type), _quote(a)],
	)
}

# A setting beside megallm_settings, not in it, is a data document that
# changes nothing; a warning, as another library's data may use the name.
warn contains msg if {
	some name in _set_outside
	msg := sprintf(
		"%s: put its settings under \"megallm_settings\", such as {\"megallm_settings\": {\"retirement_notice_days\": 30}}.",
		[_at_top_level(name)],
	)
}

_at_top_level(name) := sprintf("The data document sets %s at its top level, where it changes nothing for this library", [_quote(name)])

# A settings document under a misspelt name (megallm_setting) is not read, so
# the defaults apply, silently: a deny, as a name near megallm_settings that
# holds its settings is no other library's, and a key pattern it adds would
# go unchecked. Rego reads data only by name, but a top-level key that holds
# a setting of this library is found through the setting's name (data[key]
# alone would read this library's rules too).
deny contains msg if {
	some key in _holding_settings
	key != "megallm_settings"
	near := _closest_ids(key, _lowered({"megallm_settings"}))
	count(near) > 0
	msg := sprintf("%s.%s", [_at_top_level(key), _suggest(near)])
}

_holding_settings contains key if data[key].retirement_notice_days != null

_holding_settings contains key if data[key].key_patterns != null

_holding_settings contains key if data[key].attribute_paths != null

_holding_settings contains key if data[key].json_attributes != null

_holding_settings contains key if data[key].ignored_attribute_paths != null

_holding_settings contains key if data[key].routing_prefixes != null

# the settings a data document sets outside megallm_settings; one line per
# setting (Rego reads data only by name)
_set_outside contains "retirement_notice_days" if data.retirement_notice_days != null

_set_outside contains "key_patterns" if data.key_patterns != null

_set_outside contains "attribute_paths" if data.attribute_paths != null

_set_outside contains "json_attributes" if data.json_attributes != null

_set_outside contains "ignored_attribute_paths" if data.ignored_attribute_paths != null

_set_outside contains "routing_prefixes" if data.routing_prefixes != null

# the per-type settings, each with what its lists hold and an example list
_per_type_settings := {
	"attribute_paths": ["attribute paths", `["model.*.name"]`],
	"json_attributes": ["attribute names", `["container_definitions"]`],
	"ignored_attribute_paths": ["attribute paths", `["model.*.name"]`],
	"routing_prefixes": ["routing prefixes", `["openai/"]`],
}

_whole_days(n) if {
	is_number(n)
	n >= 0
	n == floor(n)
}

_strings(list) if {
	is_array(list)
	every s in list {
		is_string(s)
	}
}
