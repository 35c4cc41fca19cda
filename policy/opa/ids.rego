# Where model ids are looked for: the planned values of managed resources,
# in the root module and every child module. A string is an id when the
# attribute or map key above it matches settings.key_patterns, when it is the
# value of a {name, value} pair whose name matches them (container
# environment variables), when it names the model of a map under such a key
# (model = { name = "gpt-4o" }), or when its path is one of the
# settings.attribute_paths of its resource type. Unknown values are not in
# planned_values (or are null in a list): unknown lists them instead.
package megallm

# found: one entry per string that names a model, with where it is: where a
# setting points (_watched), the key a map names its model by (_id_rank,
# _leads), or a value of a map by role (_by_role) that names one
# (_names_id); id is what follows a routing prefix it is written under
# (_routed); alone, whether it is the only id of its string.
found contains {"address": r.address, "type": r.type, "path": path, "prefix": prefix, "id": id, "sensitive": sensitive, "alone": count(ids) == 1} if {
	some r in _managed_resources
	ts := _type_settings[r.type]
	some doc in _documents(r)
	walk(doc.value, [sub, value])
	is_string(value)
	value != ""
	path := array.concat(doc.path, sub)
	key := _key_of(doc.value, sub, path)
	some role in _looked_at(ts, key, path)
	_leads(role, doc.value, _unknowns_of(r, doc), sub)
	sensitive := _sensitive(r, path)
	ids := _ids(value, key, is_number(path[count(path) - 1]))
	some written in ids
	[prefix, id] := _routed(ts.routing_prefixes, written)
	_names_id(_as_read(role, path), sensitive, id)
}

# _as_read(role, path): how a value looked at as role is read (_names_id):
# one at an id's key of a map that is a role's value in a map by role, as
# the values of that map are, by role, as it may hold settings too (models =
# { cache = { name = "model-cache" } }); one at another key of a map that
# sets no id's key (_role_rank), by role, as such a map names ids by role.
_as_read(role, path) if {
	is_number(role)
	_by_role(array.slice(path, 0, count(path) - 1))
} else if role == _role_rank

else := role

# _routed(prefixes, written): [prefix, id]: the longest of prefixes that
# written starts with, and what follows it, or "" and written under none.
_routed(prefixes, written) := [prefix, substring(written, count(prefix), -1)] if {
	prefix := max({p | some p in prefixes; startswith(written, p)})
} else := ["", written]

# _looked_at(ts, key, path): [role] for a value that a setting looks at
# and that is not ignored: false, or true as a value of a map by role only,
# or the rank of its key in a map that may name its model by it (_id_rank);
# else [], not undefined: OPA keeps a function's value for the same
# arguments, but not an undefined one, so a string that no setting looks at
# is decided once per type and path, not again for each resource.
_looked_at(ts, key, path) := [] if _ignored(ts, path)

else := [false] if _watched(ts, key, path)

else := [true] if _by_role(path)

else := [rank] if rank := _id_rank(path)

else := []

# _leads(role, doc, unknowns, sub): the value at sub, looked at as role, is
# read: at a key of rank role (_id_rank), only when no key of its map ranks
# first ({ id = "gpt-4o", name = "GPT-4o" } names its model by id; name is a
# label), whether that key's value is known (doc) or known only after apply
# (unknowns, after_unknown's shape); a null one is not set.
_leads(role, _, _, _) if is_boolean(role)

_leads(rank, doc, unknowns, sub) if {
	is_number(rank)
	at := array.concat(["doc"], array.slice(sub, 0, count(sub) - 1))
	known := {key | some key, value in object.get({"doc": doc}, at, {}); value != null}
	later := {key | some key, value in object.get({"doc": unknowns}, at, {}); value != false}
	every key in known | later {
		object.get(_id_ranks, _snake_case(key), rank) >= rank
	}
}

# _unknowns_of(r, doc): after_unknown of r's change, for its own values; a
# document of text has no value known only after apply (its text would be).
_unknowns_of(r, doc) := object.get(_after_unknowns, r.address, {}) if doc.path == []

else := {}

_after_unknowns := {rc.address: object.get(rc.change, "after_unknown", {}) | some rc in input.resource_changes; rc.mode == "managed"}

# _names_id(role, sensitive, id): a value of a map by role names a model
# when it is an id, with or without separators and in any letter case (O3,
# o-1), or a display name, or when an id is near it as a misspelt one
# (_near_worded), or the start of an id (_led: claude-3-5-sonet, of
# claude-3-5-sonnet-20241022); a word of three letters or more is one when
# it is one edit from an id of letters alone (mistrall: mistral). A setting
# there is no misspelt id merely as an id holds it or is a few edits from
# it: a word alone (embed, in text-embedding-3-small; mini, two from
# gemini), a version, GPU, size or date (v1, a10, 70b), one near only an id
# with no word (gp3, io1: o3, o1), a path or URL. A sensitive value names
# one always, as whether an id is near it would tell what it is: it is
# checked, as under a model key, and denied unless it is a catalog id.
_names_id(false, _, _)

_names_id(rank, _, _) if is_number(rank)

_names_id(true, true, _)

_names_id(true, false, id) if _known_by_fold[_fold(id)]

_names_id(true, false, id) if count(_displayed_as(id)) > 0

_names_id(true, false, id) if count(_near_worded(id, _known_lowered, 0)) > 0

_names_id(true, false, id) if count(_led(id, known_ids)) > 0

_names_id(true, false, id) if {
	word := lower(trim_space(id))
	regex.match(`^[a-z]{3,}$`, word)
	reading := object.union(_edit_reading(word, word, 0), {"edited": true})
	some have in _known_words
	_reading_distance(0, reading, have, 1)
}

# _near_worded(value, lowered, closer): the names of lowered near value
# (_closer_ids) that hold a word (two letters in a row), as ids but the
# shortest do, when value is written as a misspelt id is (_id_shaped); else
# none.
_near_worded(value, lowered, closer) := [n | some n in _closer_ids(value, lowered, closer); _worded(n)] if _id_shaped(value)

else := []

# _id_shaped(value): value holds a word and more than letters, and is no
# path or URL (catalog's idShaped).
_id_shaped(value) if {
	_worded(value)
	regex.match(`[^A-Za-z\s]`, value)
	not _path_or_url(value)
}

_worded(text) if regex.match(`[A-Za-z]{2}`, text)

# _ids(value, key, listed): the ids a string holds. Under a plural key, such
# as FALLBACK_MODELS, it may be a list, as JSON text, in Helm's braces or
# separated by commas (an environment variable holds only text), or JSON
# text of an object: each of its strings is an id, as each of a list's is,
# whatever its key, a role or a setting, not read by role as a map of the
# configuration is (_by_role), which leaves a value near no catalog id
# unchecked; its maps and lists are read as a document (_unread). It may
# be a file path or URL (OLLAMA_MODELS=/data/models or D:\ollama\models),
# or words (supported_models = "Chat and embeddings") instead, which no id
# is.
# Under any key, JSON text of a list (FALLBACK_MODEL = jsonencode([...]))
# is such a list, as it is no one id, and so is other text of a list each
# element of which has an id's shape (PRIMARY_MODEL = "gpt-4o-mini,gpt-4.1");
# other text that holds documents (_text_documents: model =
# jsonencode({name = "gpt-4o"}), a YAML file's) is no id: it is read as such
# (_embedded).
# An element of a list (listed: of a list value) with white space inside is
# a mistyped id (gpt-4o, gtp 4o), not words.
_ids(value, key, listed) := [id |
	some text in elements.texts
	id := trim_space(text)
	id != ""
	not _scalar_text(id)
	not _path_or_url(id)
	not _words(id, listed, elements.list)
] if {
	_listing(key, value)
	elements := _list(value)
} else := [value] if {
	not _scalar_text(value)
	not _text_documents([key], value)
}

_listing(key, _) if endswith(lower(key), "s")

_listing(_, value) if {
	json.is_valid(value)
	is_array(json.unmarshal(value))
}

_listing(_, value) if {
	contains(value, ",") # cheaply, before _list: most values list nothing
	elements := _list(value)
	elements.list
	every text in elements.texts {
		_id_shaped_or_blank(trim_space(text))
	}
}

_id_shaped_or_blank("")

_id_shaped_or_blank(text) if _id_shaped(text)

# _path_or_url(text): a file path or URL (/data/models, D:\ollama\models,
# https://api.example.com/v1), or a JSON object's text, which no id is.
_path_or_url(text) if regex.match(`^([/~.\\].*|[a-z]:[/\\].*|.*://.*|\{.*)$`, lower(trim_space(text)))

# _scalar_text(text): a number, true or false, which a setting under any
# model key may hold (PRELOAD_MODEL=true, MAX_LOADED_MODELS=2), but no id is.
_scalar_text(text) if regex.match(`^([-+]?[0-9.]+|true|false)$`, lower(trim_space(text)))

_words(id, false, false) if regex.match(`\s`, id)

# _list(value): the texts a value lists, and whether it is a list of them:
# JSON text, a list in Helm's braces ({gpt-4.1,gpt-4o-mini}, as a
# helm_release's set writes one; a YAML map's {primary: gpt-4.1} is none),
# or text separated by commas.
_list(value) := {"texts": [id | some id in doc; is_string(id)], "list": is_array(doc)} if {
	json.is_valid(value)
	doc := json.unmarshal(value)
	not _scalar(doc)
} else := {"texts": [value], "list": false} if json.is_valid(value)

else := {"texts": split(trim_suffix(trim_prefix(value, "{"), "}"), ","), "list": true} if regex.match("^\\{([^{}\":]|:[^ {}\"])*\\}$", value)

else := {"texts": texts, "list": count([t | some t in texts; trim_space(t) != ""]) > 1} if texts := split(value, ",")

# _key_of(doc, sub, path): the name of the setting a value is: the name of
# its {name, value} pair (of whose value it may be an element, as of a
# helm_release's set_list), or the key nearest above it; a pair is looked
# for only under a "value" step, as most values are under none.
_key_of(doc, sub, path) := pair.name if {
	"value" in sub
	keys := [i | some i, step in sub; is_string(step)]
	at := keys[count(keys) - 1]
	sub[at] == "value"
	pair := object.get({"doc": doc}, array.concat(["doc"], array.slice(sub, 0, at)), null)
	is_string(pair.name)
} else := _last_key(path)

# unknown: one entry per value that would be looked at, JSON text of a
# json_attributes attribute, or value an attribute_paths pattern reaches
# into (a whole object or list), that the plan knows only after apply
# (resource_changes' after_unknown), so that no check of it passes silently.
# The plan does not say whether a wholly unknown value is an object, so one
# no setting points at or into (terraform_data's output) is not listed.
unknown contains {"address": rc.address, "path": path} if {
	some rc in input.resource_changes
	rc.mode == "managed"
	ts := _type_settings[rc.type]
	values := object.get(_planned_values, rc.address, {})
	unknowns := object.get(rc.change, "after_unknown", {})
	walk(unknowns, [path, true])
	count(path) > 0
	some role in _unknown_looked_at(ts, _key_of(values, path, path), path)
	_leads(role, values, unknowns, path)
}

# _unknown_looked_at(ts, key, path): as _looked_at, for a value known only
# after apply, which may also be a whole object or text that a setting points
# into (_into).
_unknown_looked_at(ts, key, path) := [] if _ignored(ts, path)

else := [false] if _into(ts, path)

else := _looked_at(ts, key, path)

_planned_values := {r.address: object.get(r, "values", {}) | some r in _managed_resources}

# _into(ts, path): an attribute path reaches into the value at path, or it is
# the text of a json_attributes attribute or a YAML file; false by default
# (_key_named), and of no resource's values, so it is computed once per type
# and path.
default _into(_, _) := false

_into(ts, path) if {
	some steps in ts.attribute_paths
	_path_matches(array.slice(steps, 0, count(path)), path)
}

_into(ts, [attribute]) if attribute in ts.json_attributes

_into(_, path) if _file_kind(path)

_into(ts, [attribute, _]) if attribute in ts.json_attributes

# _type_settings[type] (ts): the per-type settings of each resource type of
# the plan, its attribute paths split into steps once rather than at each
# value; a setting of another shape, which is denied, holds none.
_type_settings[type] := {
	"attribute_paths": [split(p, ".") | some p in _of_type(settings.attribute_paths, type)],
	"ignored_attribute_paths": [split(p, ".") | some p in _of_type(settings.ignored_attribute_paths, type)],
	"json_attributes": _of_type(settings.json_attributes, type),
	"routing_prefixes": _of_type(settings.routing_prefixes, type),
} if {
	some type in ({r.type | some r in _managed_resources} | {rc.type | some rc in input.resource_changes})
}

_of_type(setting, type) := [p | some p in object.get(setting, type, []); is_string(p)] if is_object(setting)

else := []

# _sensitive(r, path): whether the plan marks the value at path, or one
# above it, sensitive, so that no message shows it.
default _sensitive(_, _) := false

_sensitive(r, path) if {
	marks := object.get(r, "sensitive_values", {})
	marks != {}
	some n in numbers.range(1, count(path))
	object.get(marks, array.slice(path, 0, n), false) == true
}

# _ignored(ts, path): an ignored attribute path, unless attribute_paths
# names it too, so that naming a path checks it whatever is ignored.
_ignored(ts, path) if {
	some steps in ts.ignored_attribute_paths
	_path_matches(steps, path)
	not _named(ts, path)
}

_managed_resources contains r if {
	some m in _modules(input.planned_values.root_module)
	some r in object.get(m, "resources", [])
	r.mode == "managed"
}

# _documents(r): the resource's values, the JSON or YAML text held by its
# json_attributes, decoded, and the JSON text that any of those holds
# (_embedded).
_documents(r) := array.concat(own, _embedded(_type_settings[r.type], own)) if {
	own := array.concat([{"path": [], "value": object.get(r, "values", {})}], [{"path": t.path, "value": doc} |
		some t in _json_texts(r)
		some doc in _decoded(t.value)
	])
}

# _embedded(ts, docs): the documents of the text that a value of docs holds
# (_text_documents), decoded, at its path, wherever it is (an environment
# variable's jsonencode, a ConfigMap's config.json or application.yaml, a
# local_file's content), as no setting can name text below a resource's own
# attributes; but for a json_attributes text, read above, and the strings
# of text that a key pattern or attribute path takes for ids already
# (_unread).
# A text's key is read from its path in its document (sub), so that the
# whole path is built only for a text that holds documents: a document that
# is text itself is a json_attributes text.
_embedded(ts, docs) := [{"path": path, "value": d} |
	some doc in docs
	walk(doc.value, [sub, value])
	is_string(value)
	some text_doc in _text_documents(sub, value)
	path := array.concat(doc.path, sub)
	not _json_attribute_text(ts, path)
	some d in _unread(ts, _key_of(doc.value, sub, path), path, value, text_doc)
]

# _unread(ts, key, path, text, doc): what _ids does not read of a text's
# document: all of it, unless the text is taken for ids (_takes_ids); then
# the maps and lists that its list or object holds beside its ids, its
# strings made null (MODELS = jsonencode({ chat = "gpt-4o", embed = { id =
# "text-embedding-3-small" } })), which would otherwise go unread.
_unread(ts, key, path, text, doc) := [doc] if not _takes_ids(ts, key, path, text)

else := [[_unless_string(v) | some v in doc]] if is_array(doc)

else := [{k: _unless_string(v) | some k, v in doc}] if is_object(doc)

else := []

_unless_string(value) := null if is_string(value)

else := value

# _takes_ids(ts, key, path, text): a setting points at the text and _ids
# reads ids in it (FALLBACK_MODELS), as in all but text that holds
# documents and lists no ids (model = jsonencode({name = "gpt-4o"}), read
# as that map would be).
_takes_ids(ts, key, path, text) if {
	_watched(ts, key, path)
	_ids(text, key, false)
}

# _text_documents(path, value): JSON text of an object or a list, or YAML
# text (_decoded) or dotenv text (_env_settings) under a map key that names
# such a file; any text is YAML (prose is a plain string), so only a file's
# name says it is meant as such.
_text_documents(path, value) := [json.unmarshal(value)] if {
	regex.match(`^\s*[\[{]`, value)
	json.is_valid(value)
} else := _decoded(value) if {
	_file_kind(path) == "yaml"
} else := [_env_settings(value)] if {
	_file_kind(path) == "env"
}

# _file_kind(path): "yaml" or "env" when the map key at the end of path names
# a YAML file (app.yaml, .yml) or a dotenv file (.env, app.env); false by
# default (_key_named), so it is worked out once per path.
default _file_kind(_) := false

_file_kind(path) := kind if {
	key := path[count(path) - 1]
	is_string(key)
	some kind, pattern in {"yaml": `(?i)\.ya?ml$`, "env": `(?i)\.env$`}
	regex.match(pattern, key)
}

# _env_settings(text): the settings of dotenv text, one a line (export
# OPENAI_MODEL="gpt-4o" # chat), by name, each value without its quotes and
# a comment after it, the last of a name counting, as a shell that sources
# it would; other lines (comments) are none.
_env_settings(text) := {s[0]: s[1] | some i, s in settings; not s[0] in {t[0] | some t in array.slice(settings, i + 1, count(settings))}} if {
	settings := [[m[1], concat("", array.slice(m, 2, 5))] |
		some line in split(text, "\n")
		some m in regex.find_all_string_submatch_n(`^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(.*?))\s*(?:\s#.*)?$`, line, 1)
	]
}

_json_attribute_text(ts, path) if {
	count(path) <= 2
	path[0] in ts.json_attributes
}

# _decoded(text): the documents a text holds: its value as JSON, or each
# document of YAML text (_yaml_pieces, as yaml.unmarshal reads the first
# alone) when each is valid and none a scalar: a plain string is valid YAML,
# a scalar, so prose is no document. Undefined for a text that is neither; a
# YAML text of comments alone holds none.
_decoded(text) := [json.unmarshal(text)] if {
	is_string(text)
	json.is_valid(text)
} else := [doc | some piece in pieces; doc := yaml.unmarshal(piece); doc != null] if {
	is_string(text)
	pieces := _yaml_pieces(text)
	every piece in pieces {
		yaml.is_valid(piece)
		not _scalar(yaml.unmarshal(piece))
	}
}

# _yaml_pieces(text): the YAML text cut into one piece per document, where
# one starts ("---", with the directives above it, such as %TAG) or ends
# ("...", after which a document may start without "---"). A %YAML 1.x
# directive is left out: OPA's YAML reader follows YAML 1.2 but refuses a
# text that names any version but 1.1. A NUL character marks a cut, as YAML
# text cannot hold one.
_yaml_pieces(text) := split(ends, "\u0000") if {
	versionless := regex.replace(text, `(?m)^%YAML[ \t]+1\.[0-9]+[ \t]*(#.*)?\r?$`, "")
	starts := regex.replace(versionless, `(?m)^((?:%.*\n(?:[ \t]*(?:#.*)?\r?\n)*)*)---(\s|$)`, "\u0000${1}---${2}")
	ends := regex.replace(starts, `(?m)^\.\.\.(\s|$)`, "\u0000")
}

_scalar(value) if {
	not is_object(value)
	not is_array(value)
	value != null
}

# _json_texts(r): the values of the resource's json_attributes, each with its
# path: an attribute's value, or each element of a list (a helm_release's
# values), which should be JSON or YAML text, or each value of a map (a
# ConfigMap's data, its files), which may be (in_map).
_json_texts(r) := [t |
	some attribute in _type_settings[r.type].json_attributes
	some t in _elements([attribute], r.values[attribute])
]

_elements(path, value) := [{"path": array.concat(path, [i]), "value": v} | some i, v in value] if is_array(value)

else := [{"path": array.concat(path, [k]), "value": v, "in_map": true} | some k, v in value] if is_object(value)

else := [{"path": path, "value": value}]

# _watched(ts, key, path): a setting points at the value: a key pattern
# (at its key, or key, its setting's name: _key_of) or an attribute path.
_watched(_, _, path) if _key_named(_last_key(path))

_watched(_, key, _) if _key_named(key)

_watched(ts, _, path) if _named(ts, path)

# _id_rank(path): for a value of a map under a key of one id, or of a map
# listed there, or of a map that is a role's value in a map by role (models
# = { chat = { id = "gpt-4o", temperature = 0.2 } }, in JSON text too: read
# by role, _as_read), the rank of its key among those such a map names its
# model by (model = { name = "gpt-4o", format = "OpenAI" }), the first it
# has (_leads); its other values are settings of its own, looked at under
# their own keys, as under a plural key (_by_role). Another key ranks last
# (_role_rank), so that a map that sets no id's key names ids by role, as a
# map under a plural key does (model = { chat = "gpt-4o" }), not none.
_id_rank(path) := object.get(_id_ranks, _snake_case(path[count(path) - 1]), _role_rank) if {
	is_string(path[count(path) - 1])
	_names_one_model(array.slice(path, 0, count(path) - 1))
}

_names_one_model(at) if {
	key := _last_key(at)
	not endswith(lower(key), "s")
	_key_named(key)
}

_names_one_model(at) if _by_role(at)

_id_ranks := {"model_id": 0, "model": 0, "id": 1, "name": 2}

_role_rank := 3

# _by_role(path): a value of a map under a plural key, or of a map listed
# there, by role (models = { chat = "gpt-4o" }, models = [{ name = "chat",
# id = "gpt-4o" }]), or an element of a list that is such a value (models =
# { chat = ["gpt-4o", "gpt-4.1"] }), which names a model when the catalog
# tells so, or when it is sensitive (_names_id): such a map may hold
# settings of its own instead (a Helm chart's models: settings). False by
# default (_key_named).
default _by_role(_) := false

_by_role(path) if {
	key := _map_key(path)
	endswith(lower(key), "s")
	_key_named(key)
}

# _map_key(path): the key of the map, or of the list of maps, whose own key
# the value at path, or the list it is an element of, is under.
_map_key(path) := _last_key(array.slice(path, 0, max([i | some i, step in path; is_string(step)])))

_named(ts, path) if {
	some steps in ts.attribute_paths
	_path_matches(steps, path)
}

# _last_key: the map key or attribute name nearest above a value, past the
# list indexes (so each id of a list under "fallback_model" counts).
_last_key(path) := path[count(path) - 1] if is_string(path[count(path) - 1])

else := keys[count(keys) - 1] if {
	keys := [step | some step in path; is_string(step)]
	count(keys) > 0
}

# _key_named(key): whether a key matches settings.key_patterns, a pattern
# with no glob metacharacter by a set lookup, the others by glob.match; a
# camelCase or kebab-case key (a Helm value's defaultModel, chat-model) in
# snake_case too; a key with dots or a "/" in it (a Helm value name,
# llm.fallback_models[0], a Kubernetes annotation, example.com/model) by its
# last part too, past a list index. False by
# default, not undefined: OPA keeps a function's value for the same
# arguments, but not an undefined one, so a key that no pattern matches (an
# after_unknown id) is matched once, not again for each resource; _by_role
# and _file_kind likewise.
default _key_named(_) := false

_key_named(key) if {
	some form in {lower(key), _snake_case(key)}
	some part in {form, regex.replace(regex.replace(form, `^.*[./]`, ""), `\[[0-9]+\]$`, "")}
	_key_matches(part)
}

_snake_case(key) := lower(replace(regex.replace(key, `([a-z0-9])([A-Z])|([A-Z])([A-Z][a-z])`, "${1}${3}_${2}${4}"), "-", "_"))

_key_matches(key) if key in _literal_key_patterns

_key_matches(key) if {
	some pattern in _glob_key_patterns
	glob.match(pattern, null, key) # no delimiter: "*_model" matches "app.chat_model"
}

_literal_key_patterns := {lower(p) | some p in settings.key_patterns; not regex.match(`[*?\[\]{}\\]`, p)}

_glob_key_patterns := {lower(p) | some p in settings.key_patterns; regex.match(`[*?\[\]{}\\]`, p)}

_path_matches(steps, path) if {
	count(steps) == count(path)
	every i, step in steps {
		_step_matches(step, path[i])
	}
}

_step_matches("*", _)

_step_matches(step, p) if step == sprintf("%v", [p])

# path_text: a path as Terraform writes it, such as
# input.env["llm.model"] or environment[0].variables.OPENAI_MODEL.
path_text(path) := concat("", [_step_text(i, step) | some i, step in path])

_step_text(_, step) := sprintf("[%v]", [step]) if is_number(step)

_step_text(0, step) := step if _identifier(step)

_step_text(i, step) := sprintf(".%s", [step]) if {
	i > 0
	_identifier(step)
}

_step_text(_, step) := sprintf("[%q]", [step]) if {
	is_string(step)
	not _identifier(step)
}

_identifier(step) if {
	is_string(step)
	regex.match(`^[A-Za-z_][A-Za-z0-9_-]*$`, step)
}
