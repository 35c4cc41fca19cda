# opa test policy/opa: each rule of package megallm on small hand-made plans.
package megallm_test

import data.megallm

_model(id, owner, lifecycle) := {
	"id": id,
	"owned_by": owner,
	"model_lifecycle": object.union(
		{"status": null, "deprecated_at": null, "retires_at": null, "successor": null, "days_to_retirement": null},
		lifecycle,
	),
}

# _today: the day the tests run on, from which the days_to_retirement of
# their catalogs count; each evaluation sets it as time.now_ns, which the
# library reads a saved lifecycle as of.
_today := time.parse_rfc3339_ns("2026-12-03T00:00:00Z")

# _in(days): the date that many days after _today.
_in(days) := time.format([_today + ((days * 24) * 3600e9), "UTC", "2006-01-02T15:04:05Z07:00"])

# what the policy allows: gpt-3.5-turbo is retired, gpt-4o deprecated,
# gpt-4.1-mini retires in 43 days; claude-3-opus is denied and mistral's
# models are of an owner not allowed, so only the policy-free read lists them
_allowed := [
	_model("gpt-4o-mini", "openai", {}),
	_model("gpt-4.1", "openai", {}),
	_model("gpt-4o", "openai", {
		"status": "deprecated", "deprecated_at": "2026-06-01T00:00:00Z",
		"retires_at": "2027-03-31T00:00:00Z", "days_to_retirement": 118, "successor": "gpt-4.1",
	}),
	_model("gpt-3.5-turbo", "openai", {
		"status": "retired", "deprecated_at": "2024-09-13T00:00:00Z",
		"retires_at": "2025-06-30T00:00:00Z", "days_to_retirement": 0, "successor": "gpt-4o-mini",
	}),
	_model("gpt-4.1-mini", "openai", {"status": "active", "retires_at": "2027-01-15T00:00:00Z", "days_to_retirement": 43}),
	_model("claude-sonnet-4-20250514", "anthropic", {}),
]

_everything := array.concat([m | some m in _allowed], [
	_model("claude-3-opus-20240229", "anthropic", {}),
	_model("mistral-large-latest", "mistral", {}),
])

_read(name, models) := {
	"address": sprintf("data.megallm_models.%s", [name]),
	"mode": "data", "type": "megallm_models", "name": name,
	"values": {"include_retired": true, "type": null, "owned_by": null, "limit": null, "models": models},
}

_read_config(name, provider) := {"mode": "data", "type": "megallm_models", "name": name, "provider_config_key": provider}

# _plan: a plan whose root module plans resources, with the policy's catalog
# (through provider "megallm", which has a policy) and the whole catalog
# (through megallm.all, which has none)
_plan(resources) := _plan_with(resources, [_read("catalog", _allowed), _read("all", _everything)])

_plan_with(resources, reads) := {
	"planned_values": {"root_module": {"resources": resources}},
	"prior_state": {"values": {"root_module": {"resources": reads}}},
	"configuration": {
		"provider_config": {
			"megallm": {
				"name": "megallm", "full_name": "registry.terraform.io/megallm/megallm",
				"expressions": {"policy": {"references": ["path.module"]}},
			},
			"megallm.all": {"name": "megallm", "alias": "all"},
		},
		"root_module": {"resources": [_read_config("catalog", "megallm"), _read_config("all", "megallm.all")]},
	},
}

_app(values) := {
	"address": "terraform_data.app", "mode": "managed", "type": "terraform_data", "name": "app",
	"values": {"input": values},
}

_deny(values) := denies if {
	denies := megallm.deny with time.now_ns as _today with input as _plan([_app(values)])
}

_warn(values) := warnings if {
	warnings := megallm.warn with time.now_ns as _today with input as _plan([_app(values)])
}

test_fail_closed_without_a_catalog if {
	no_reads := _plan_with([_app({"model": "gpt-4o-mini"})], [])
	denies := megallm.deny with time.now_ns as _today with input as no_reads
	count(denies) == 1
	some msg in denies
	startswith(msg, "No MegaLLM catalog in this plan, so no model id can be checked.")
	endswith(msg, "terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json.")

	# a root module that does not require megallm/megallm would read
	# hashicorp/megallm's data source: the deny says how to declare it
	undeclared := json.patch(no_reads, [{"op": "replace", "path": "/configuration/provider_config", "value": {
		"terraform": {"name": "terraform", "full_name": "terraform.io/builtin/terraform"},
		"module.m:megallm": {"name": "megallm", "full_name": "registry.terraform.io/megallm/megallm", "module_address": "module.m"},
	}}])
	undeclared_denies := megallm.deny with time.now_ns as _today with input as undeclared
	some undeclared_msg in undeclared_denies
	endswith(undeclared_msg, concat(" ", [
		"terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json.",
		`This configuration does not declare the provider: add megallm = { source = "megallm/megallm" }`,
		"to the root module's terraform { required_providers } and run terraform init, as Terraform otherwise looks for hashicorp/megallm.",
	]))

	# required as llm, the plan lists it as megallm too: the data source
	# needs provider = llm, or it would be hashicorp/megallm's
	other_name := json.patch(no_reads, [{"op": "replace", "path": "/configuration/provider_config", "value": {
		"llm": {"name": "llm", "full_name": "registry.terraform.io/megallm/megallm"},
		"megallm": {"name": "megallm", "full_name": "registry.terraform.io/megallm/megallm"},
	}}])
	other_name_denies := megallm.deny with time.now_ns as _today with input as other_name
	some other_name_msg in other_name_denies
	endswith(other_name_msg, concat(" ", [
		"terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json.",
		"The root module names the provider llm: add provider = llm to that data source, as Terraform otherwise looks for hashicorp/megallm.",
	]))

	# a plan that leaves no managed resource (a destroy plan) writes no id
	destroy := json.patch(no_reads, [{"op": "replace", "path": "/planned_values/root_module", "value": {}}])
	destroy_denies := megallm.deny with time.now_ns as _today with input as destroy
	count(destroy_denies) == 0

	# a plan without its configuration cannot tell how the provider is declared
	no_configuration := json.remove(no_reads, ["configuration"])
	no_configuration_denies := megallm.deny with time.now_ns as _today with input as no_configuration
	some no_configuration_msg in no_configuration_denies
	endswith(no_configuration_msg, "terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json.")
}

test_fail_closed_on_a_filtered_read_or_one_without_retired_models if {
	filtered := json.patch(_read("catalog", _allowed), [{"op": "replace", "path": "/values/type", "value": "chat"}])
	without_retired := json.patch(_read("all", _everything), [{"op": "replace", "path": "/values/include_retired", "value": false}])
	denies := megallm.deny with time.now_ns as _today with input as _plan_with([_app({"model": "gpt-4o-mini"})], [filtered, without_retired])
	count(denies) == 1
	some msg in denies
	startswith(msg, "No MegaLLM catalog in this plan")
	endswith(msg, concat(" ", [
		"Not the catalog: data.megallm_models.all leaves retired models out (include_retired is not true);",
		"data.megallm_models.catalog filters by type.",
	]))
}

test_empty_filters_filter_nothing if {
	read := json.patch(_read("catalog", _allowed), [
		{"op": "add", "path": "/values/exclude_ids", "value": []},
		{"op": "add", "path": "/values/require", "value": {}},
	])
	count(megallm.deny) == 0 with time.now_ns as _today with input as _plan_with([_app({"model": "gpt-4o-mini"})], [read])
}

test_a_valid_id_passes if {
	count(_deny({"model": "gpt-4o-mini"})) == 0
	count(_warn({"model": "gpt-4o-mini"})) == 0
}

test_unknown_id_with_did_you_mean if {
	_deny({"env": {"OPENAI_MODEL": "GPT4o_Mini"}}) == {
		`terraform_data.app: input.env.OPENAI_MODEL = "GPT4o_Mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini"?`,
	}
}

test_id_with_white_space_around_it_suggests_the_id if {
	_deny({"model": "gpt-4o-mini\n"}) == {
		`terraform_data.app: input.model = "gpt-4o-mini\n" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
	}
}

# A string that joins catalog ids with semicolons, "|" or white space (a
# comma makes it a list, each id checked) is denied in the provider's words
# for such an id (spellingWhy): before, it was "not in the catalog" with the
# advice to ignore its path, which would silence the ids it holds. Written
# as its own id, each passes.
test_joined_ids_are_told_as_the_provider_tells_them if {
	_deny({"model": "gpt-4o;gpt-4.1"}) == {
		`terraform_data.app: input.model = "gpt-4o;gpt-4.1" is not in the MegaLLM catalog. The catalog has "gpt-4o" and "gpt-4.1", which it joins into one: write each one meant as an id of its own.`,
	}
	count(_deny({"model": "gpt-4o", "m": {"model": "gpt-4.1"}})) == 0
}

# Repeated, the id is said once.
test_a_joined_id_repeated_is_said_once if {
	_deny({"model": "gpt-4o | gpt-4o"}) == {
		`terraform_data.app: input.model = "gpt-4o | gpt-4o" is not in the MegaLLM catalog. The catalog has "gpt-4o", which it repeats: write it once.`,
	}
}

# A stray separator beside one id, a trailing comma from join() or a CSV
# cell, is told as the provider tells it: write the id alone.
test_an_id_with_a_stray_separator_is_told_to_be_written_alone if {
	_deny({"model": "gpt-4o,"}) == {
		`terraform_data.app: input.model = "gpt-4o," is not in the MegaLLM catalog. The catalog has "gpt-4o", which it writes with a list's separator beside it: write it alone, as "gpt-4o".`,
	}
}

# An id too long to quote whole beside a stray separator is told to be
# written without the separator, not as a cut quote, which copied would name
# nothing (the provider's TestSpellingWhy_strayBesideALongID).
test_a_long_id_with_a_stray_separator_is_told_to_be_written_without_it if {
	long := concat("", ["m-", _repeat("x", 70)])
	models := array.concat([m | some m in _allowed], [_model(long, "openai", {})])
	denies := megallm.deny with time.now_ns as _today
		with input as _plan_with([_app({"model": concat("", [long, ","])})], [_read("catalog", models)])
	denies == {sprintf(
		`terraform_data.app: input.model = "%s"… (73 characters) is not in the MegaLLM catalog, or the provider's policy does not allow it. The catalog has "%s"… (72 characters), which it writes with a list's separator beside it: write it alone, without the separator.`,
		[substring(long, 0, 64), substring(long, 0, 64)],
	)}
}

# A misspelt part leaves it joined, with "did you mean" for that part; "gpt-4o
# mini" is still gpt-4o-mini written with a space (_misnamed reads first).
test_a_joined_id_with_a_misspelt_part_suggests_it if {
	_deny({"model": "gpt-4.1 gpt-4o-mnii"}) == {
		`terraform_data.app: input.model = "gpt-4.1 gpt-4o-mnii" is not in the MegaLLM catalog. The catalog has "gpt-4.1", which it joins into one with "gpt-4o-mnii" (did you mean "gpt-4o-mini" or "gpt-4.1-mini"?), which the catalog lacks: write each one meant as an id of its own.`,
	}
	_deny({"model": "gpt-4o mini"}) == {
		`terraform_data.app: input.model = "gpt-4o mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
	}
}

# A sensitive value under another gateway's vendor prefix shows no rest to be
# an id; another vendor's prefix is read past likewise.
test_a_sensitive_or_other_vendors_prefixed_id_suggests_as_the_catalog_allows if {
	hidden := json.patch(_app({"model": "openai/gpt-4o"}), [{"op": "add", "path": "/sensitive_values", "value": {"input": {"model": true}}}])
	hidden_denies := megallm.deny with time.now_ns as _today with input as _plan([hidden])
	hidden_denies == {`terraform_data.app: input.model = (sensitive value) is not in the MegaLLM catalog. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`}
	_deny({"model": "anthropic/claude-sonnet-4"}) == {
		`terraform_data.app: input.model = "anthropic/claude-sonnet-4" is not in the MegaLLM catalog. Did you mean "claude-sonnet-4-20250514"?`,
	}
}

test_long_id_is_quoted_cut if {
	id := concat("", ["gpt-4o-", concat("", [x | some _ in numbers.range(1, 30); x := "xyz"])])
	_deny({"model": id}) == {sprintf(
		`terraform_data.app: input.model = "%s"… (97 characters) is not in the MegaLLM catalog. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		[substring(id, 0, 64)],
	)}
}

test_unknown_id_without_a_policy_free_read_may_be_refused if {
	denies := megallm.deny with time.now_ns as _today with input as _plan_with([_app({"model": "gpt-5"})], [_read("catalog", _allowed)])
	denies == {`terraform_data.app: input.model = "gpt-5" is not in the MegaLLM catalog, or the provider's policy does not allow it. Did you mean "gpt-4o"?`}
}

# a refused id's deny says what to do, as the provider's does; followed,
# with a model the policy allows, the plan passes
test_denied_id if {
	_deny({"model": "claude-3-opus-20240229"}) == {
		`terraform_data.app: input.model = "claude-3-opus-20240229" is denied by the provider's policy. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`,
	}
	_deny({"model": "claude-sonnet-4-20250514"}) == set()
}

test_owner_not_allowed if {
	_deny({"model": "mistral-large-latest"}) == {
		`terraform_data.app: input.model = "mistral-large-latest" is owned by "mistral", of which the provider's policy allows no model. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`,
	}
}

test_refused_id_without_an_owner if {
	ownerless := object.remove(_model("grok-2-1212", null, {}), ["owned_by"])
	reads := [_read("catalog", _allowed), _read("all", array.concat(_everything, [ownerless]))]
	denies := megallm.deny with time.now_ns as _today with input as _plan_with([_app({"model": "grok-2-1212"})], reads)
	denies == {`terraform_data.app: input.model = "grok-2-1212" is not allowed by the provider's policy. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`}
}

test_without_a_policy_every_read_allows_every_model if {
	plan := json.patch(_plan_with([_app({"model": "mistral-large-latest"})], [_read("catalog", _everything)]), [{
		"op": "remove", "path": "/configuration/provider_config/megallm/expressions",
	}])
	denies := megallm.deny with time.now_ns as _today with input as plan
	count(denies) == 0
}

test_retired_id_names_its_successor if {
	_deny({"model": "gpt-3.5-turbo"}) == {
		`terraform_data.app: input.model = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
	}
}

test_retired_id_with_an_unusable_or_no_successor if {
	reads := [_read("catalog", [
		_model("a-1", "x", {"status": "retired", "retires_at": "2025-01-01T12:00:00Z", "days_to_retirement": 0, "successor": "a-0"}),
		_model("a-0", "x", {"status": "retired", "retires_at": "2024-01-01T00:00:00Z", "days_to_retirement": 0}),
		{"id": "b-0", "model_lifecycle": {"status": "retired"}}, # no successor at all
	])]
	denies := megallm.deny with time.now_ns as _today with input as _plan_with([_app({"model": "a-1", "llm_model": "a-0", "chat_model": "b-0"})], reads)
	denies == {
		`terraform_data.app: input.model = "a-1" was retired on 2025-01-01T12:00:00Z (its successor "a-0" cannot be used either).`,
		`terraform_data.app: input.llm_model = "a-0" was retired on 2024-01-01 (no successor is named).`,
		`terraform_data.app: input.chat_model = "b-0" is retired by its model_lifecycle.status (no successor is named).`,
	}
}

test_deprecated_id_warns if {
	count(_deny({"model": "gpt-4o"})) == 0
	_warn({"model": "gpt-4o"}) == {
		`terraform_data.app: input.model = "gpt-4o" is deprecated since 2026-06-01 and retires on 2027-03-31, in 118 days: use its successor "gpt-4.1".`,
	}
}

# A model named its own successor, deprecated or retiring, is not advised to
# move to itself; retired, or written otherwise, nor said to be unusable
# "either".
test_a_successor_that_is_the_model_itself_is_not_advised if {
	reads := [_read("catalog", [
		_model("d-1", "x", {"status": "deprecated", "deprecated_at": "2026-06-01T00:00:00Z", "successor": "d-1"}),
		_model("s-1", "x", {"retires_at": _in(10), "successor": "s-1"}),
		_model("r-1", "x", {"status": "retired", "successor": "r-1"}),
	])]
	plan := _plan_with([_app({"model": "d-1", "llm_model": "s-1", "chat_model": "r-1", "fast_model": "R-1"})], reads)
	warnings := megallm.warn with time.now_ns as _today with input as plan
	warnings == {
		`terraform_data.app: input.model = "d-1" is deprecated since 2026-06-01 (its successor is the model itself).`,
		`terraform_data.app: input.llm_model = "s-1" retires on 2026-12-13, in 10 days, within the 90-day notice window (its successor is the model itself).`,
	}
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {
		`terraform_data.app: input.chat_model = "r-1" is retired by its model_lifecycle.status (its successor is the model itself).`,
		`terraform_data.app: input.fast_model = "R-1" is not in the MegaLLM catalog, or the provider's policy does not allow it. The catalog writes it "r-1", which is retired by its model_lifecycle.status (its successor is the model itself).`,
	}
}

test_retiring_within_the_notice_window_warns if {
	_warn({"model": "gpt-4.1-mini"}) == {
		`terraform_data.app: input.model = "gpt-4.1-mini" retires on 2027-01-15, in 43 days, within the 90-day notice window (no successor is named).`,
	}
}

test_notice_window_bounds if {
	some days in [0, 1, 89, 90]
	reads := [_read("catalog", [_model("m", "x", {"status": "active", "retires_at": _in(days), "days_to_retirement": days})])]
	warnings := megallm.warn with time.now_ns as _today with input as _plan_with([_app({"model": "m"})], reads)
	count(warnings) == 1
}

test_notice_window_outside if {
	reads := [_read("catalog", [_model("m", "x", {"status": "active", "retires_at": _in(91), "days_to_retirement": 91})])]
	warnings := megallm.warn with time.now_ns as _today with input as _plan_with([_app({"model": "m"})], reads)
	count(warnings) == 0
}

test_notice_window_from_data if {
	outside := _warn({"model": "gpt-4.1-mini"}) with data.megallm_settings as {"retirement_notice_days": 42}
	count(outside) == 0
	inside := _warn({"model": "gpt-4.1-mini"}) with data.megallm_settings as {"retirement_notice_days": 43}
	inside == {
		`terraform_data.app: input.model = "gpt-4.1-mini" retires on 2027-01-15, in 43 days, within the 43-day notice window (no successor is named).`,
	}
}

test_notice_off_with_zero if {
	reads := [_read("catalog", [_model("m", "x", {"status": "active", "retires_at": "2026-12-03T12:00:00Z", "days_to_retirement": 0})])]
	off := megallm.warn with time.now_ns as _today with input as _plan_with([_app({"model": "m"})], reads) with data.megallm_settings as {"retirement_notice_days": 0}
	count(off) == 0
	deprecated := _warn({"model": "gpt-4o"}) with data.megallm_settings as {"retirement_notice_days": 0}
	count(deprecated) == 1
}

test_bad_settings_fail_closed if {
	bad_days := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {"retirement_notice_days": "90"}
	bad_days == {
		`megallm_settings.retirement_notice_days is "90": set a whole number of days, 0 or more (0 turns the retirement notice off).`,
	}
	bad_patterns := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {"key_patterns": "model"}
	bad_patterns == {
		`megallm_settings.key_patterns is "model": set a list of glob patterns such as ["model", "*_model"].`,
	}
	bad_paths := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {"attribute_paths": {"x": "model"}}
	bad_paths == {
		`megallm_settings.attribute_paths["x"] is "model": set a list of attribute paths such as ["model.*.name"].`,
	}

	# json_attributes names attributes of the resource itself, not paths
	bad_attributes := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {"json_attributes": {"x": 5}}
	bad_attributes == {
		`megallm_settings.json_attributes["x"] is 5: set a list of attribute names such as ["container_definitions"].`,
	}
}

test_bad_settings_are_quoted_bounded if {
	long := concat("", ["x" | some _ in numbers.range(1, 100)])
	denies := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {"json_attributes": [long]}
	denies == {sprintf(
		`megallm_settings.json_attributes is ["%s… (104 characters): set an object from resource type to a list of attribute names.`,
		[substring(long, 0, 62)],
	)}
}

test_deprecated_without_a_retirement_date if {
	reads := [_read("catalog", [_model("m", "x", {"status": "deprecated", "deprecated_at": "2026-06-01T00:00:00Z"})])]
	warnings := megallm.warn with time.now_ns as _today with input as _plan_with([_app({"model": "m"})], reads)
	warnings == {`terraform_data.app: input.model = "m" is deprecated since 2026-06-01 (no successor is named).`}
}

# A plan saved on an earlier day, or a catalog read back from remote state,
# holds the lifecycle of that day: it is read as of today (_as_of_today), so
# an "active" that its retires_at or deprecated_at has since overtaken is
# retired or deprecated, a "deprecated" past its retires_at is retired, and
# days_to_retirement counts from today where that is fewer days.
test_a_saved_lifecycle_is_read_as_of_today if {
	reads := [_read("catalog", [
		_model("a", "x", {"status": "active", "retires_at": "2026-11-20T00:00:00Z", "days_to_retirement": 13, "successor": "n"}),
		_model("d", "x", {"status": "deprecated", "deprecated_at": "2026-01-01T00:00:00Z", "retires_at": "2026-12-02T00:00:00Z", "days_to_retirement": 5}),
		_model("b", "x", {"status": "active", "deprecated_at": "2026-12-01T00:00:00Z", "retires_at": "2027-06-21T00:00:00Z", "days_to_retirement": 202}),
		_model("c", "x", {"status": "active", "retires_at": "2027-01-02T00:00:00Z", "days_to_retirement": 120}),
		_model("n", "x", {}),
	])]
	plan := _plan_with([_app({"model": "a", "chat_model": "d", "llm_model": "b", "fallback_model": "c"})], reads)
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {
		`terraform_data.app: input.model = "a" was retired on 2026-11-20: use its successor "n".`,
		`terraform_data.app: input.chat_model = "d" was retired on 2026-12-02 (no successor is named).`,
	}
	warnings := megallm.warn with time.now_ns as _today with input as plan
	warnings == {
		`terraform_data.app: input.llm_model = "b" is deprecated since 2026-12-01 and retires on 2027-06-21, in 200 days (no successor is named).`,
		`terraform_data.app: input.fallback_model = "c" retires on 2027-01-02, in 30 days, within the 90-day notice window (no successor is named).`,
	}
}

# Dates and days in the provider's words (catalog.FormatDate, inDays): midnight
# UTC in any offset is the day alone, and 0 and 1 days are today and tomorrow.
test_dates_and_days_as_the_provider_writes_them if {
	reads := [_read("catalog", [
		_model("d", "x", {
			"status": "deprecated", "deprecated_at": "2026-06-01T09:30:00+02:00",
			"retires_at": "2026-12-03T12:00:00-12:00", "days_to_retirement": 1,
		}),
		_model("a", "x", {"status": "active", "retires_at": "2026-12-03T00:00:00.5Z", "days_to_retirement": 0}),
		_model("r", "x", {"status": "retired", "retires_at": "2026-11-30T19:00:00-05:00", "days_to_retirement": 0}),
		_model("old", "x", {"status": "retired", "retires_at": "0001-01-01T10:00:00+10:00", "days_to_retirement": 0}),
	])]
	plan := _plan_with([_app({"model": "d", "fallback_model": "a", "chat_model": "r", "old_model": "old"})], reads)
	megallm.warn == {
		`terraform_data.app: input.model = "d" is deprecated since 2026-06-01T09:30:00+02:00 and retires on 2026-12-04, tomorrow (no successor is named).`,
		`terraform_data.app: input.fallback_model = "a" retires on 2026-12-03T00:00:00.5Z, today, within the 90-day notice window (no successor is named).`,
	} with time.now_ns as _today with input as plan
	megallm.deny == {
		`terraform_data.app: input.chat_model = "r" was retired on 2026-12-01 (no successor is named).`,
		# beyond the years OPA's time functions count, the date as written
		`terraform_data.app: input.old_model = "old" was retired on 0001-01-01T10:00:00+10:00 (no successor is named).`,
	} with time.now_ns as _today with input as plan
}

# A status or days_to_retirement written later than the dates give (a plan
# saved on a later day, or edited) counts, as _as_of_today reads it, but no
# date says it: the message says what does, and cites no date for it.
test_a_written_later_lifecycle_cites_no_date_for_it if {
	reads := [_read("catalog", [
		_model("r", "x", {"status": "retired", "retires_at": _in(30), "days_to_retirement": 0, "successor": "n"}),
		_model("r0", "x", {"status": "retired", "days_to_retirement": 0}),
		_model("d0", "x", {"status": "deprecated"}),
		_model("d", "x", {"status": "deprecated", "deprecated_at": _in(30), "retires_at": _in(200), "days_to_retirement": 5}),
		_model("a", "x", {"status": "active", "retires_at": _in(200), "days_to_retirement": 10}),
		_model("n", "x", {}),
	])]
	plan := _plan_with([_app({"model": "r", "llm_model": "r0", "chat_model": "d0", "old_model": "d", "fallback_model": "a"})], reads)
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {
		`terraform_data.app: input.model = "r" is retired by its model_lifecycle.status: use its successor "n".`,
		`terraform_data.app: input.llm_model = "r0" is retired by its model_lifecycle.status (no successor is named).`,
	}
	warnings := megallm.warn with time.now_ns as _today with input as plan
	warnings == {
		`terraform_data.app: input.chat_model = "d0" is deprecated by its model_lifecycle.status (no successor is named).`,
		`terraform_data.app: input.old_model = "d" is deprecated by its model_lifecycle.status and retires in 5 days by its model_lifecycle.days_to_retirement (no successor is named).`,
		`terraform_data.app: input.fallback_model = "a" retires in 10 days by its model_lifecycle.days_to_retirement, within the 90-day notice window (no successor is named).`,
	}
}

# A lifecycle date the catalog sent that the provider could not read is null,
# as an absent one is, and marked in model_lifecycle: the model may be retired
# or deprecated, which the provider's lifecycle requirements refuse, so it
# warns as the provider does, where one without dates passes silently.
test_an_unreadable_lifecycle_date_warns if {
	reads := [_read("catalog", [
		_model("soon", "x", {"deprecated_at_unreadable": false, "retires_at_unreadable": true}),
		_model("twelve", "x", {"status": "active", "retires_at": _in(200), "days_to_retirement": 200, "deprecated_at_unreadable": true}),
		_model("both", "x", {"deprecated_at_unreadable": true, "retires_at_unreadable": true}),
		# the policy's deprecated_at, past: deprecated whatever the API's says
		_model("known", "x", {"status": "deprecated", "deprecated_at": "2026-06-01T00:00:00Z", "deprecated_at_unreadable": true}),
		_model("undated", "x", {"deprecated_at_unreadable": false, "retires_at_unreadable": false}),
	])]
	plan := _plan_with([_app({"model": "soon", "llm_model": "twelve", "chat_model": "both", "old_model": "known", "fallback_model": "undated"})], reads)
	denies := megallm.deny with time.now_ns as _today with input as plan
	count(denies) == 0
	warnings := megallm.warn with time.now_ns as _today with input as plan
	warnings == {
		`terraform_data.app: input.model = "soon" may be retired: the catalog sent a retires_at that the provider could not read. Report it to the catalog's maintainers.`,
		`terraform_data.app: input.llm_model = "twelve" may be deprecated: the catalog sent a deprecated_at that the provider could not read. Report it to the catalog's maintainers.`,
		`terraform_data.app: input.chat_model = "both" may be retired: the catalog sent a deprecated_at and a retires_at that the provider could not read. Report it to the catalog's maintainers.`,
		`terraform_data.app: input.old_model = "known" is deprecated since 2026-06-01 (no successor is named).`,
	}
}

# a number, true or false is no id under a single id's key either, but an
# id misspelt, or one only starting with a number, is
test_a_number_true_or_false_is_no_id if {
	_deny({"PRELOAD_MODEL": "true", "WARMUP_MODEL": "False", "model": " 2 ", "mini_model": "-0.5", "chat_model": "gpt-4o-mnii", "o_model": "4o"}) == {
		`terraform_data.app: input.chat_model = "gpt-4o-mnii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.o_model = "4o" is not in the MegaLLM catalog. If it is no model id, add "input.o_model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

# _shaped_reads: a catalog with ids of letters alone, short ones, dated
# ones and one under a vendor prefix, which settings by role are near
_shaped_reads := [_read("catalog", array.concat(_allowed, more)), _read("all", array.concat(_everything, more))] if {
	more := [
		_model("o1", "openai", {}), _model("o3", "openai", {}), _model("o3-mini", "openai", {}),
		_model("gemini-2.0-flash", "google", {}), _model("claude-3-5-sonnet-20241022", "anthropic", {}),
		_model("meta-llama/llama-3.3-70b-instruct", "meta", {}), _model("gpt-4o-2024-08-06", "openai", {}),
	]
}

_deny_by_role(models, reads) := denies if {
	denies := megallm.deny with time.now_ns as _today with input as _plan_with([_app({"models": models})], reads)
}

# _legacy_retired: the deny of "legacy": "gpt-3.5-turbo" by role, which a
# test of values that are no ids holds to show that their map is read
_legacy_retired := {`terraform_data.app: input.models.legacy = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`}

# An id by role with or without separators, in any letter case (o-1, O3), is
# a misspelt id.
test_an_id_by_role_written_otherwise_is_a_misspelt_id if {
	_deny_by_role({"small": "o-1", "big": "O3"}, _shaped_reads) == {
		`terraform_data.app: input.models.small = "o-1" is not in the MegaLLM catalog. Did you mean "o1" or "o3"?`,
		`terraform_data.app: input.models.big = "O3" is not in the MegaLLM catalog. Did you mean "o3" or "o1"?`,
	}
}

# _start_reads: a catalog with ids dated, versioned or under a vendor prefix
_start_reads := [_read("catalog", array.concat(_allowed, more)), _read("all", array.concat(_everything, more))] if {
	more := [
		_model("claude-3-5-sonnet-20241022", "anthropic", {}), _model("gpt-4o-2024-08-06", "openai", {}),
		_model("meta-llama/llama-3.3-70b-instruct", "meta", {}), _model("llama-3.1-8b-instruct", "meta", {}),
		_model("o3-mini", "openai", {}),
	]
}

# _word_reads: a catalog with ids of letters alone
_word_reads := [_read("catalog", array.concat(_allowed, more)), _read("all", array.concat(_everything, more))] if {
	more := [_model(id, "mistral", {}) | some id in ["mistral", "gemma", "gemini", "command", "sonar", "codestral", "pixtral", "jamba", "dbrx"]]
}

# A value of a map by role under a plural role is a list: each of its ids is
# checked when the catalog tells it is one, as the list whole is near none.
test_a_list_of_a_map_by_role_is_checked_by_its_ids if {
	_deny({"models": {"fallbacks": "gpt-4o, gtp-4o", "chain": "gpt-4.1,x-1"}}) == {
		`terraform_data.app: input.models.fallbacks = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
	}
}

# A value of a map listed by role known only after apply warns, and a
# sensitive one that is no catalog id is denied, as in a map by role.
test_a_map_listed_by_role_warns_when_unknown_and_fails_closed_when_sensitive if {
	app := _app({"models": [{"name": "chat"}]})
	unknown := json.patch(_plan([app]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(app, {"input": {"models": [{"id": true}]}}),
	]}])
	warnings := megallm.warn with time.now_ns as _today with input as unknown
	warnings == {"terraform_data.app: input.models[0].id is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it."}

	sensitive := _plan([json.patch(
		_app({"models": [{"name": "chat", "id": "gpt-4o-mini"}]}),
		[{"op": "add", "path": "/sensitive_values", "value": {"input": {"models": true}}}],
	)])
	denies := megallm.deny with time.now_ns as _today with input as sensitive
	denies == {`terraform_data.app: input.models[0].name = (sensitive value) is not in the MegaLLM catalog. If it is no model id, add "input.models.0.name" to megallm_settings.ignored_attribute_paths["terraform_data"].`}
}

# _litellm(models): a LiteLLM proxy's config.yaml in a ConfigMap, with a
# model_list entry routed to MegaLLM for each of models
_litellm(models) := {
	"address": "kubernetes_config_map.litellm", "mode": "managed", "type": "kubernetes_config_map", "name": "litellm",
	"values": {"data": {"config.yaml": concat("\n", array.concat(["model_list:"], [line |
		some m in models
		some line in ["  - model_name: chat", "    litellm_params:", sprintf("      model: %s", [m]), "      api_base: https://ai.megallm.io/v1"]
	]))}},
}

_routing_openai := {"routing_prefixes": {"kubernetes_config_map": ["openai/"]}}

# Of the routing prefixes that an id starts with, the longest is stripped; a
# sensitive value is checked by what follows too, and shown as none.
test_routing_prefixes_strip_the_longest_and_hide_a_sensitive_id if {
	nested := {"kubernetes_config_map": ["openrouter/", "openrouter/openai/"]}
	sensitive := json.patch(_litellm(["openrouter/openai/gpt-4.1", "openrouter/openai/gtp-4.1"]), [{"op": "add", "path": "/sensitive_values", "value": {"data": {"config.yaml": true}}}])
	sensitive_denies := megallm.deny with time.now_ns as _today with input as _plan([sensitive]) with data.megallm_settings as {"routing_prefixes": nested}
	sensitive_denies == {`kubernetes_config_map.litellm: data["config.yaml"].model_list[1].litellm_params.model = (sensitive value) is not in the MegaLLM catalog. If it is no model id, add "data.*.model_list.1.litellm_params.model" to megallm_settings.ignored_attribute_paths["kubernetes_config_map"].`}
}

# Another type's routing prefixes strip nothing.
test_routing_prefixes_of_another_type_strip_nothing if {
	other := megallm.deny with time.now_ns as _today with input as _plan([_litellm(["openai/gpt-4.1"])]) with data.megallm_settings as {"routing_prefixes": {"helm_release": ["openai/"]}}
	count(other) == 1
}

# An ECS container definition's environment lists {name, value} pairs: a
# FALLBACK_MODELS value is a list of ids, each checked.
test_an_ecs_environment_list_of_models_is_checked_by_its_ids if {
	task := {
		"address": "aws_ecs_task_definition.app", "mode": "managed", "type": "aws_ecs_task_definition", "name": "app",
		"values": {"container_definitions": json.marshal([{"name": "app", "image": "app:1", "environment": [
			{"name": "FALLBACK_MODELS", "value": "gpt-4.1,gtp-4o"},
			{"name": "MODEL_STORAGE", "value": "10Gi"},
		]}])},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([task])
	denies == {`aws_ecs_task_definition.app: container_definitions[0].environment[0].value = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`}
}

# A set block writes a list in Helm's braces ({a,b}, as helm --set does):
# each element is an id, braces aside; a JSON object is still no list.
test_a_helm_list_in_braces_is_a_list_of_ids if {
	helm := {
		"address": "helm_release.chat", "mode": "managed", "type": "helm_release", "name": "chat",
		"values": {"values": [], "set_list": [], "set": [
			{"name": "llm.fallback_models", "type": null, "value": "{gpt-4o,gpt-4o-mini}"},
			{"name": "router.models", "type": null, "value": "{gpt-4.1, gtp-4o}"},
			{"name": "spare_models", "type": null, "value": "{x-1}"},
			{"name": "ROUTER_MODELS", "type": null, "value": "{primary: gpt-4.1}"},
		]},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([helm])
	denies == {
		`helm_release.chat: set[1].value = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`helm_release.chat: set[2].value = "x-1" is not in the MegaLLM catalog. If it is no model id, add "set.2.value" to megallm_settings.ignored_attribute_paths["helm_release"].`,
	}
}

test_key_patterns_from_data if {
	values := {"env": {"OPENAI_MODEL": "x-3", "LLM": "x-10"}}
	denies := _deny(values) with data.megallm_settings as {"key_patterns": ["llm"]}
	denies == {
		`terraform_data.app: input.env.LLM = "x-10" is not in the MegaLLM catalog. If it is no model id, add "input.env.LLM" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

# A pattern with no glob metacharacter is looked up in a set, the others are
# globs: both ignore the case of the pattern as well as the key's.
test_key_patterns_from_data_ignore_case if {
	values := {"env": {"OPENAI_MODEL": "x-3", "llm": "x-10", "chat_llm": "x-11"}}
	denies := _deny(values) with data.megallm_settings as {"key_patterns": ["LLM", "*_LLM"]}
	denies == {
		`terraform_data.app: input.env.llm = "x-10" is not in the MegaLLM catalog. If it is no model id, add "input.env.llm" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.env.chat_llm = "x-11" is not in the MegaLLM catalog. If it is no model id, add "input.env.chat_llm" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

test_name_value_pairs if {
	_deny({"env": [{"name": "OPENAI_MODEL", "value": "x-1"}, {"name": "REGION", "value": "eu"}]}) == {
		`terraform_data.app: input.env[0].value = "x-1" is not in the MegaLLM catalog. If it is no model id, add "input.env.0.value" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

test_unknown_and_empty_values_are_skipped if {
	# Terraform leaves an unknown attribute out of planned_values, and
	# writes an unknown element of a list as null.
	count(_deny({"models": {"fallback_model": [null, "gpt-4o-mini"]}, "model": ""})) == 0
}

test_values_known_only_after_apply_warn if {
	# planned_values leaves them out; after_unknown marks them
	app := _app({"env": [{"name": "OPENAI_MODEL"}], "llm": "gpt-4o-mini"})
	rds := {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance", "name": "db", "values": {}}
	task := {"address": "aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t", "values": {}}
	plan := json.patch(_plan([app, rds, task]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(app, {"id": true, "input": {"model": true, "fallback_model": [true], "env": [{"value": true}], "llm": true}}),
		_unknown_change(rds, {"license_model": true}),
		_unknown_change(task, {"container_definitions": true, "family": true}),
	]}])
	warnings := megallm.warn with time.now_ns as _today with input as plan
	warnings == {sprintf("%s is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it.", [w]) | some w in [
		"terraform_data.app: input.model",
		"terraform_data.app: input.fallback_model[0]",
		"terraform_data.app: input.env[0].value",
		"aws_ecs_task_definition.t: container_definitions",
	]}
	count(megallm.deny) == 0 with time.now_ns as _today with input as plan
}

test_a_whole_value_an_attribute_path_reaches_into_warns if {
	# after_unknown is true for a whole object or list; the plan does not say
	# which, so only a pattern of attribute_paths reaching into it warns
	whole := {"address": "terraform_data.app", "mode": "managed", "type": "terraform_data", "name": "app", "values": {}}
	part := object.union(whole, {"address": "terraform_data.part", "name": "part"})
	plan := json.patch(_plan([whole, part]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(whole, {"id": true, "input": true, "output": true}),
		_unknown_change(part, {"id": true, "input": {"env": true, "tags": true}, "output": true}),
	]}])
	named := megallm.warn with time.now_ns as _today with input as plan with data.megallm_settings as {"attribute_paths": {"terraform_data": ["input.env.*"]}}
	named == {sprintf("%s is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it.", [w]) | some w in [
		"terraform_data.app: input",
		"terraform_data.part: input.env",
	]}
	unnamed := megallm.warn with time.now_ns as _today with input as plan
	unnamed == {concat(" ", [
		"No model id was found in the managed resources of this plan, so none was checked.",
		"If the plan writes model ids, name their keys in megallm_settings.key_patterns or their paths in",
		"megallm_settings.attribute_paths.",
	])}
}

_unknown_change(r, after_unknown) := {
	"address": r.address, "mode": "managed", "type": r.type,
	"change": {"actions": ["create"], "after_unknown": after_unknown},
}

_bedrock_agent := {
	"address": "aws_bedrockagent_agent.a", "mode": "managed", "type": "aws_bedrockagent_agent", "name": "a",
	"values": {"agent_name": "support", "foundation_model": "anthropic.claude-3-5-sonnet-20240620-v1:0"},
}

_bedrock_prompt := {
	"address": "aws_bedrockagent_prompt.p", "mode": "managed", "type": "aws_bedrockagent_prompt", "name": "p",
	"values": {"variant": [{"name": "v1", "model_id": "arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-express-v1"}]},
}

# a Databricks serving endpoint's external model, which it calls Anthropic
# with, by the endpoint's own (SDKv2) blocks: each a list of one
_databricks_serving := {
	"address": "databricks_model_serving.s", "mode": "managed", "type": "databricks_model_serving", "name": "s",
	"values": {"name": "claude", "config": [{"served_entities": [{"name": "claude", "external_model": [{
		"name": "claude-3-5-sonnet-20240620", "provider": "anthropic", "task": "llm/v1/chat",
	}]}]}]},
}

test_json_attributes if {
	task := {
		"address": "aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t",
		"values": {"container_definitions": json.marshal([{"name": "app", "environment": [{"name": "OPENAI_MODEL", "value": "gpt-4o"}]}])},
	}
	warnings := megallm.warn with time.now_ns as _today with input as _plan([task])
	warnings == {
		`aws_ecs_task_definition.t: container_definitions[0].environment[0].value = "gpt-4o" is deprecated since 2026-06-01 and retires on 2027-03-31, in 118 days: use its successor "gpt-4.1".`,
	}
}

# JSON text of an object or a list, as jsonencode writes it, is read
# wherever it is, by the key patterns: no setting could name it below a
# resource's own attributes (json_attributes names those alone), and a path
# to it would check the text whole. Text that a key pattern takes for ids
# (FALLBACK_MODELS) is read as such, once; text with no model key, such as
# a policy document, holds no id.
test_json_text_in_an_environment_variable_is_read if {
	denies := megallm.deny with time.now_ns as _today with input as _plan([_json_lambda])
	denies == {
		`aws_lambda_function.chat: environment[0].variables.APP_CONFIG.llm.model = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`aws_lambda_function.chat: environment[0].variables.FALLBACK_MODELS = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
	}
}

_json_lambda := {
	"address": "aws_lambda_function.chat", "mode": "managed", "type": "aws_lambda_function", "name": "chat",
	"values": {"environment": [{"variables": {
		"APP_CONFIG": json.marshal({"llm": {"model": "gpt-4o-minii", "temperature": 0.2}}),
		"FALLBACK_MODELS": json.marshal(["gpt-4.1", "gpt-3.5-turbo"]),
		"POLICY": json.marshal({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}),
	}}]},
}

# the advice to ignore a value beside JSON text, followed, leaves the ids in
# the text checked
test_json_text_checked_beside_an_ignored_path if {
	settings := {"ignored_attribute_paths": {"aws_lambda_function": ["environment.0.variables.FALLBACK_MODELS"]}}
	denies := megallm.deny with time.now_ns as _today with input as _plan([_json_lambda]) with data.megallm_settings as settings
	denies == {`aws_lambda_function.chat: environment[0].variables.APP_CONFIG.llm.model = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
}

# a container's environment variable, in a {name, value} pair
test_json_text_in_a_container_variable_is_read if {
	cloud_run := {
		"address": "google_cloud_run_v2_service.chat", "mode": "managed", "type": "google_cloud_run_v2_service", "name": "chat",
		"values": {"template": [{"containers": [{"env": [{"name": "ROUTES", "value": json.marshal([{"path": "/chat", "model": "gtp-4o"}])}]}]}]},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([cloud_run])
	denies == {`google_cloud_run_v2_service.chat: template[0].containers[0].env[0].value[0].model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`}
}

# a ConfigMap's JSON file, and JSON text in the JSON text of a
# json_attributes attribute
test_json_text_in_config_maps_and_json_attributes_is_read if {
	config_map := {
		"address": "kubernetes_config_map.llm", "mode": "managed", "type": "kubernetes_config_map", "name": "llm",
		"values": {"data": {"config.json": json.marshal({"chat_model": "claude-3-opus-20240229"}), "README": "{not json"}},
	}
	task := {
		"address": "aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t",
		"values": {"container_definitions": json.marshal([{"name": "app", "environment": [
			{"name": "APP_CONFIG", "value": json.marshal({"model": "gpt-3.5-turbo"})},
		]}])},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([config_map, task])
	denies == {
		`kubernetes_config_map.llm: data["config.json"].chat_model = "claude-3-opus-20240229" is denied by the provider's policy. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`,
		`aws_ecs_task_definition.t: container_definitions[0].environment[0].value.model = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
	}
}

# a file's JSON content
test_json_text_in_a_file_is_read if {
	local_file := {
		"address": "local_file.settings", "mode": "managed", "type": "local_file", "name": "settings",
		"values": {"content": json.marshal({"agents": [{"model": "gpt-4o"}]})},
	}
	warnings := megallm.warn with time.now_ns as _today with input as _plan([local_file])
	warnings == {`local_file.settings: content.agents[0].model = "gpt-4o" is deprecated since 2026-06-01 and retires on 2027-03-31, in 118 days: use its successor "gpt-4.1".`}
}

# a sensitive JSON text's ids are shown as the sensitive value they are in
test_sensitive_json_text_is_not_shown if {
	app := json.patch(_app({"APP_CONFIG": json.marshal({"model": "gpt-3.5-turbo"})}), [
		{"op": "add", "path": "/sensitive_values", "value": {"input": {"APP_CONFIG": true}}},
	])
	denies := megallm.deny with time.now_ns as _today with input as _plan([app])
	denies == {`terraform_data.app: input.APP_CONFIG.model = (sensitive value) was retired (its dates and successor are not shown, as the value is sensitive).`}
}

test_child_modules_and_only_managed_resources if {
	nested := {
		"address": "module.a.module.b[\"x\"].terraform_data.app", "mode": "managed", "type": "terraform_data", "name": "app",
		"values": {"input": {"models.yaml": {"model": "claude-3-opus-20240229"}}},
	}
	read_later := {
		"address": "data.terraform_remote_state.s", "mode": "data", "type": "terraform_remote_state", "name": "s",
		"values": {"model": "not-checked"},
	}
	plan := json.patch(_plan([read_later]), [{
		"op": "add", "path": "/planned_values/root_module/child_modules",
		"value": [{"address": "module.a", "child_modules": [{"address": "module.a.module.b[\"x\"]", "resources": [nested]}]}],
	}])
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {
		`module.a.module.b["x"].terraform_data.app: input["models.yaml"].model = "claude-3-opus-20240229" is denied by the provider's policy. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`,
	}
}

# an attribute path's mistake names a resource of the root module when there
# is one, else one the fewest modules deep, whatever their addresses sort as
test_an_attribute_path_mistake_names_the_shallowest_resource if {
	modules := [
		{"address": "module.a", "child_modules": [{"address": "module.a.module.b", "resources": [_unset_data("module.a.module.b.terraform_data.deep", "deep")]}]},
		{"address": "module.m", "resources": [_unset_data("module.m.terraform_data.inner", "inner")]},
	]
	settings := {"attribute_paths": {"terraform_data": ["inptu"]}}
	with_root := json.patch(_plan([_unset_data("terraform_data.z", "z")]), [{"op": "add", "path": "/planned_values/root_module/child_modules", "value": modules}])
	root_denies := megallm.deny with time.now_ns as _today with input as with_root with data.megallm_settings as settings
	root_denies == {_no_inptu("terraform_data.z")}
	modules_only := json.patch(_plan([]), [{"op": "add", "path": "/planned_values/root_module/child_modules", "value": modules}])
	module_denies := megallm.deny with time.now_ns as _today with input as modules_only with data.megallm_settings as settings
	module_denies == {_no_inptu("module.m.terraform_data.inner")}
}

_unset_data(address, name) := {"address": address, "mode": "managed", "type": "terraform_data", "name": name, "values": {"input": null}}

_no_inptu(address) := sprintf(`megallm_settings.attribute_paths["terraform_data"] has "inptu", but %s has no attribute "inptu", so it reaches no value and checks nothing. Did you mean "input"? Name an attribute of the resource as the plan's JSON (terraform show -json) writes it.`, [address])

test_catalog_read_in_a_child_module if {
	read := json.patch(_read("all", _everything), [{"op": "replace", "path": "/address", "value": "module.m[0].data.megallm_models.all"}])
	plan := {
		"planned_values": {"root_module": {"resources": [_app({"model": "gpt-5"})]}},
		"prior_state": {"values": {"root_module": {
			"resources": [_read("catalog", _allowed)],
			"child_modules": [{"address": "module.m[0]", "resources": [read]}],
		}}},
		"configuration": {
			"provider_config": {
				"megallm": {"name": "megallm", "expressions": {"policy": {"constant_value": {}}}},
				"megallm.all": {"name": "megallm", "alias": "all"},
			},
			"root_module": {
				"resources": [_read_config("catalog", "megallm")],
				"module_calls": {"m": {"module": {"resources": [_read_config("all", "megallm.all")]}}},
			},
		},
	}
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {`terraform_data.app: input.model = "gpt-5" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`}
}

test_settings_that_are_no_object_fail_closed_and_keep_the_defaults if {
	for_null := _deny({"model": "x-1"}) with data.megallm_settings as null
	for_null == {
		`megallm_settings is null: set an object of settings, such as {"retirement_notice_days": 30}, or pass no megallm_settings to keep the defaults.`,
		`terraform_data.app: input.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
	for_list := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as ["x"]
	for_list == {
		`megallm_settings is ["x"]: set an object of settings, such as {"retirement_notice_days": 30}, or pass no megallm_settings to keep the defaults.`,
	}
}

# as near as catalog.Closest finds model ids: two edits away
test_a_setting_two_edits_away_is_suggested if {
	two_edits := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {"retirment_notce_days": 30}
	two_edits == {`megallm_settings has no setting "retirment_notce_days", so it would change nothing. Did you mean "retirement_notice_days"? Its settings are "attribute_paths", "ignored_attribute_paths", "json_attributes", "key_patterns", "retirement_notice_days", "routing_prefixes".`}
}

_lambda := {
	"address": "aws_lambda_function.a", "mode": "managed", "type": "aws_lambda_function", "name": "a",
	"values": {"environment": [{"variables": {"LLM": "gpt4o-mini"}}]},
}

test_key_patterns_match_keys_with_dots if {
	_deny({"data": {"app.chat_model": "x-1"}, "set": [{"name": "config.openai_model", "value": "x-2"}]}) == {
		`terraform_data.app: input.data["app.chat_model"] = "x-1" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`terraform_data.app: input.set[0].value = "x-2" is not in the MegaLLM catalog. If it is no model id, add "input.set.0.value" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

# A key with a prefix before a "/", as Kubernetes labels and annotations
# write one, matches by what follows it too.
test_key_patterns_match_keys_with_a_prefix if {
	deployment := {
		"address": "kubernetes_deployment.app", "mode": "managed", "type": "kubernetes_deployment", "name": "app",
		"values": {"metadata": [{"name": "app", "annotations": {"llm.example.com/model": "gtp-4o", "example.com/models": "gpt-4o-mini,gtp-4.1"}}]},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([deployment])
	denies == {
		`kubernetes_deployment.app: metadata[0].annotations["llm.example.com/model"] = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`kubernetes_deployment.app: metadata[0].annotations["example.com/models"] = "gtp-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1"?`,
	}
}

test_an_attribute_path_named_is_checked_though_ignored if {
	rds := {
		"address": "aws_db_instance.reports", "mode": "managed", "type": "aws_db_instance", "name": "reports",
		"values": {"license_model": "license-included"},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([rds]) with data.megallm_settings as {"attribute_paths": {"aws_db_instance": ["license_model"]}}
	denies == {`aws_db_instance.reports: license_model = "license-included" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`}
}

_reports := {
	"address": "aws_db_instance.reports", "mode": "managed", "type": "aws_db_instance", "name": "reports",
	"values": {"license_model": "license-included", "tags": {"model": "x-1"}},
}

# _gpu_plan: values found by key_patterns alone, some no model id (a GPU
# model), and the denies it gets with _gpu_settings
_gpu_helm := {
	"address": "helm_release.gpu", "mode": "managed", "type": "helm_release", "name": "gpu",
	"values": {
		"values": ["gpu:\n  model: a100\nllm:\n  model: gtp-4o\n  fallback_models: [gpt-4.1, x-1]\n"],
		"set": [{"name": "nodeSelector.gpu.model", "type": null, "value": "h100"}],
	},
}

_gpu_config_map := {
	"address": "kubernetes_config_map.app", "mode": "managed", "type": "kubernetes_config_map", "name": "app",
	"values": {"data": {"gpu.yaml": "gpu:\n  model: a100\n", "app.chat_model": "x-2", "OPENAI_MODEL": "x-3"}},
}

_gpu_plan := _plan([_gpu_helm, _gpu_config_map, _app({"model": "x-4"})])

_gpu_settings := {"json_attributes": {"kubernetes_config_map": ["data"]}}

_gpu_denies := {
	`helm_release.gpu: values[0].gpu.model = "a100" is not in the MegaLLM catalog. If it is no model id, add "values.0.gpu.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
	`helm_release.gpu: values[0].llm.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
	`helm_release.gpu: values[0].llm.fallback_models[1] = "x-1" is not in the MegaLLM catalog. If it is no model id, add "values.0.llm.fallback_models.1" to megallm_settings.ignored_attribute_paths["helm_release"].`,
	`helm_release.gpu: set[0].value = "h100" is not in the MegaLLM catalog. If it is no model id, add "set.0.value" to megallm_settings.ignored_attribute_paths["helm_release"].`,
	`kubernetes_config_map.app: data["gpu.yaml"].gpu.model = "a100" is not in the MegaLLM catalog. If it is no model id, add "data.*.gpu.model" to megallm_settings.ignored_attribute_paths["kubernetes_config_map"].`,
	`kubernetes_config_map.app: data["app.chat_model"] = "x-2" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
	`kubernetes_config_map.app: data.OPENAI_MODEL = "x-3" is not in the MegaLLM catalog. If it is no model id, add "data.OPENAI_MODEL" to megallm_settings.ignored_attribute_paths["kubernetes_config_map"].`,
	`terraform_data.app: input.model = "x-4" is not in the MegaLLM catalog. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
}

test_a_policy_no_catalog_read_applies_fails_closed if {
	plan := _plan_with([_app({"model": "claude-3-opus-20240229"})], [_read("all", _everything)])
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {concat(" ", [
		`The provider configuration "megallm" sets a policy, but no catalog read of this plan goes through it,`,
		"so no model id can be checked against the policy. Read",
		`data "megallm_models" "catalog" { include_retired = true }, with no filter, through that configuration.`,
	])}
}

test_each_policy_needs_a_catalog_read if {
	plan := json.patch(_plan([_app({"model": "gpt-4o-mini"})]), [{
		"op": "add", "path": "/configuration/provider_config/megallm.strict",
		# no full_name, as a plan made by hand may have: its name tells
		"value": {"name": "megallm", "alias": "strict", "expressions": {"policy": {"constant_value": {}}}},
	}])
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {concat(" ", [
		`The provider configuration "megallm.strict" sets a policy, but no catalog read of this plan goes through it,`,
		"so no model id can be checked against the policy. Read",
		`data "megallm_models" "catalog" { include_retired = true }, with no filter, through that configuration, with provider = megallm.strict in its block.`,
	])}

	# required under another local name, the configuration is named so
	llm := json.patch(_plan([_app({"model": "gpt-4o-mini"})]), [
		{"op": "move", "from": "/configuration/provider_config/megallm", "path": "/configuration/provider_config/llm"},
		{"op": "replace", "path": "/configuration/provider_config/llm/name", "value": "llm"},
		{"op": "replace", "path": "/configuration/root_module/resources/0/provider_config_key", "value": "llm.all"},
	])
	llm_denies := megallm.deny with time.now_ns as _today with input as llm
	llm_denies == {concat(" ", [
		`The provider configuration "llm" sets a policy, but no catalog read of this plan goes through it,`,
		"so no model id can be checked against the policy. Read",
		`data "megallm_models" "catalog" { include_retired = true }, with no filter, through that configuration, with provider = llm in its block.`,
	])}
}

test_settings_outside_megallm_settings_warn if {
	warnings := _warn({"model": "gpt-4o-mini"}) with data.retirement_notice_days as 30
		with data.key_patterns as ["model"]
		with data.attribute_paths as {}
		with data.json_attributes as {}
		with data.ignored_attribute_paths as {}
		with data.routing_prefixes as {}
	count(warnings) == count(megallm.default_settings) # a new setting needs its line in _set_outside
	`The data document sets "key_patterns" at its top level, where it changes nothing for this library: put its settings under "megallm_settings", such as {"megallm_settings": {"retirement_notice_days": 30}}.` in warnings
	other := _deny({"model": "gpt-4o-mini"}) with data.key_patterns as ["AKIA*"] # another library's may share the name
	other == set()
}

# a path with an empty step matches no value, so it would silently check nothing
test_paths_with_an_empty_step_fail_closed if {
	denies := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {
		"attribute_paths": {"terraform_data": ["input..MODEL_NAME", ".input", "input.", ""]},
		"ignored_attribute_paths": {"terraform_data": ["a..b"]},
	}
	denies == {
		`megallm_settings.attribute_paths["terraform_data"] has "input..MODEL_NAME", which is no path of steps joined by ".": write it without empty steps, as "input.MODEL_NAME", or with "*" for any one step in their place, as "input.*.MODEL_NAME".`,
		`megallm_settings.attribute_paths["terraform_data"] has ".input", which is no path of steps joined by ".": write it without empty steps, as "input".`,
		`megallm_settings.attribute_paths["terraform_data"] has "input.", which is no path of steps joined by ".": write it without empty steps, as "input", or with "*" for any one step in their place, as "input.*".`,
		`megallm_settings.attribute_paths["terraform_data"] has "", which is no path of steps joined by ".": write each step after a ".", a list index as a number, such as "model.0.name" or "model.*.name".`,
		`megallm_settings.ignored_attribute_paths["terraform_data"] has "a..b", which is no path of steps joined by ".": write it without empty steps, as "a.b", or with "*" for any one step in their place, as "a.*.b".`,
	}
}

# Where only one way past an empty step reaches a value of the plan, only it
# is advised: the other, followed, would check nothing.
test_only_the_path_that_reaches_a_value_is_advised_for_an_empty_step if {
	nested := _deny({"env": {"LLM": "gpt4o-mini"}}) with data.megallm_settings as {"attribute_paths": {"terraform_data": ["input..LLM"]}}
	nested == {`megallm_settings.attribute_paths["terraform_data"] has "input..LLM", which is no path of steps joined by ".": write it with "*" for any one step in their place, as "input.*.LLM".`}
	nested_followed := _deny({"env": {"LLM": "gpt4o-mini"}}) with data.megallm_settings as {"attribute_paths": {"terraform_data": ["input.*.LLM"]}}
	nested_followed == {`terraform_data.app: input.env.LLM = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
}

test_a_catalog_read_left_to_apply_is_named if {
	plan := json.patch(_plan_with([_app({"model": "gpt-4o-mini"})], []), [{
		"op": "add", "path": "/resource_changes",
		"value": [{"address": "data.megallm_models.catalog", "mode": "data", "type": "megallm_models", "change": {"actions": ["read"]}}],
	}])
	some msg in megallm.deny with time.now_ns as _today with input as plan
	endswith(msg, `Not the catalog: data.megallm_models.catalog is read only during apply, as it waits on a change (depends_on, or an argument known only after apply): remove what it waits on.`)
	filtered := json.patch(plan, [{"op": "add", "path": "/resource_changes/0/change/after", "value": {"id_regex": "^gpt"}}])
	some filtered_msg in megallm.deny with time.now_ns as _today with input as filtered
	endswith(filtered_msg, `Not the catalog: data.megallm_models.catalog filters by id_regex.`)
}

test_a_plan_without_ids_says_it_checked_none if {
	_warn({"name": "billing", "llm": "gpt-4o-mini"}) == {concat(" ", [
		"No model id was found in the managed resources of this plan, so none was checked.",
		"If the plan writes model ids, name their keys in megallm_settings.key_patterns or their paths in",
		"megallm_settings.attribute_paths.",
	])}
	_warn({"model": "gpt-4o-mini"}) == set()

	# a destroy plan plans no resource: no id could be missed
	destroy := json.patch(_plan([]), [{"op": "replace", "path": "/planned_values/root_module", "value": {}}])
	count(megallm.warn) == 0 with time.now_ns as _today with input as destroy
}

test_sensitive_values_are_not_shown if {
	app := json.patch(_app({"env": {"OPENAI_MODEL": "GPT4o_Mini"}, "model": "x-1"}), [{
		"op": "add", "path": "/sensitive_values", "value": {"input": {"env": true}},
	}])
	denies := megallm.deny with time.now_ns as _today with input as _plan([app])
	denies == {
		`terraform_data.app: input.env.OPENAI_MODEL = (sensitive value) is not in the MegaLLM catalog. If it is no model id, add "input.env.OPENAI_MODEL" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

test_long_paths_are_cut if {
	key := concat("", ["k" | some _ in numbers.range(1, 100)])
	_deny({key: {"model": "x-1"}}) == {sprintf(
		`terraform_data.app: input.%s… (112 characters) = "x-1" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		[substring(concat(".", ["input", key]), 6, 58)],
	)}
}

test_sensitive_values_are_not_shown_by_catalog_facts if {
	app := json.patch(_app({"env": {"OPENAI_MODEL": "gpt-3.5-turbo", "REVIEW_MODEL": "mistral-large-latest"}, "model": "gpt-3.5-turbo"}), [{
		"op": "add", "path": "/sensitive_values", "value": {"input": {"env": true}},
	}])
	denies := megallm.deny with time.now_ns as _today with input as _plan([app])
	denies == {
		`terraform_data.app: input.env.OPENAI_MODEL = (sensitive value) was retired (its dates and successor are not shown, as the value is sensitive).`,
		`terraform_data.app: input.env.REVIEW_MODEL = (sensitive value) is not allowed by the provider's policy. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`,
		`terraform_data.app: input.model = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
	}
	hidden := json.patch(_app({"model": "gpt-4o", "llm_model": "gpt-4.1-mini"}), [{
		"op": "add", "path": "/sensitive_values", "value": {"input": {"model": true, "llm_model": true}},
	}])
	warnings := megallm.warn with time.now_ns as _today with input as _plan([hidden])
	warnings == {
		`terraform_data.app: input.model = (sensitive value) is deprecated (its dates and successor are not shown, as the value is sensitive).`,
		`terraform_data.app: input.llm_model = (sensitive value) retires within the 90-day notice window (its dates and successor are not shown, as the value is sensitive).`,
	}
}

_repeat(s, n) := concat("", [s | some _ in numbers.range(1, n)])

# the cases of internal/megallm/quote_test.go, so that the two rules agree
test_quote_and_excerpt_cut_as_megallm_quote_does if {
	megallm._quote("gpt-4o") == `"gpt-4o"`
	megallm._quote("line\nbreak") == `"line\nbreak"`
	megallm._quote(_repeat("a", 64)) == sprintf(`"%s"`, [_repeat("a", 64)])
	megallm._quote(_repeat("a", 65)) == sprintf(`"%s"… (65 characters)`, [_repeat("a", 64)])
	megallm._quote(_repeat("é", 100)) == sprintf(`"%s"… (100 characters)`, [_repeat("é", 64)])
	megallm._excerpt("Legal has not approved it") == "Legal has not approved it"
	megallm._excerpt(_repeat("x", 1000)) == sprintf("%s… (1000 characters)", [_repeat("x", 64)])
}

# as TestQuote_readsAsItselfInHCL: a value quoted reads as itself when copied
# into HCL or a data document's JSON, which have no \a, \b, \f, \v or \x07,
# so a control character is a \u escape; a \\ before a letter stays
test_quote_writes_control_characters_as_u_escapes if {
	megallm._quote("gemini-2.0-flash\u0007") == `"gemini-2.0-flash\u0007"`
	megallm._quote("nul\u0000\b\f\u000b") == `"nul\u0000\u0008\u000c\u000b"`
	megallm._quote("esc\u001b[31m del\u007f") == `"esc\u001b[31m del\u007f"`
	megallm._quote("zero\u200bwidth rtl\u202e") == `"zero\u200bwidth rtl\u202e"`
	megallm._quote(`back\\slash\\a \x07 "q"`) == `"back\\\\slash\\\\a \\x07 \"q\""`
	megallm._quote(sprintf("%s\u0007", [_repeat("a", 70)])) == sprintf(`"%s"… (71 characters)`, [_repeat("a", 64)])
}

# a "Did you mean" id of the catalog (server text) and a path to ignore, the
# two a message offers to copy, with a control character: as \u escapes
test_advice_to_copy_reads_as_itself if {
	catalog := [_read("catalog", [_model("gemini-2.0-flash\u0007", "google", {})]), _read("all", [])]
	suggested := megallm.deny with time.now_ns as _today with input as _plan_with([_app({"model": "gemini-2.0-flsh"})], catalog)
	suggested == {`terraform_data.app: input.model = "gemini-2.0-flsh" is not in the MegaLLM catalog. Did you mean "gemini-2.0-flash\u0007"?`}

	_deny({"svc\u0007": {"model": "x-1"}}) == {`terraform_data.app: input["svc\a"].model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "input.svc\u0007.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`}
}

test_a_json_attribute_may_be_a_list_of_texts if {
	helm := {
		"address": "helm_release.chat", "mode": "managed", "type": "helm_release", "name": "chat",
		"values": {"values": [`{"chat": {"model": "gpt4o-mini"}}`, "gpt-4o for chat", null]},
	}
	plan := json.patch(_plan([helm]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(helm, {"values": [false, false, true]}),
	]}])
	settings := {"json_attributes": {"helm_release": ["values"]}}
	denies := megallm.deny with time.now_ns as _today with input as plan with data.megallm_settings as settings
	denies == {
		`helm_release.chat: values[0].chat.model = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`helm_release.chat: values[1] is neither JSON nor YAML of a map or a list, so no model id in it was checked, though megallm_settings.json_attributes["helm_release"] names it: name there only attributes that hold JSON or YAML, and ids in other text with key_patterns or attribute_paths.`,
	}
	warnings := megallm.warn with time.now_ns as _today with input as plan with data.megallm_settings as settings
	warnings == {"helm_release.chat: values[2] is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it."}
}

test_a_json_attribute_that_is_no_json_fails_closed if {
	task := {
		"address": "aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t",
		"values": {"container_definitions": "- name: app\n  environment: [{name: OPENAI_MODEL, value: gpt-4o-mni"},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([task])
	denies == {`aws_ecs_task_definition.t: container_definitions is neither JSON nor YAML of a map or a list, so no model id in it was checked, though megallm_settings.json_attributes["aws_ecs_task_definition"] names it: name there only attributes that hold JSON or YAML, and ids in other text with key_patterns or attribute_paths.`}
	empty := json.patch(task, [{"op": "replace", "path": "/values/container_definitions", "value": ""}])
	count(megallm.deny) == 0 with time.now_ns as _today with input as _plan([empty, _app({"model": "gpt-4o-mini"})])
}

# _yaml_helm: a helm_release whose values are YAML documents of every kind
_yaml_helm := {
	"address": "helm_release.chat", "mode": "managed", "type": "helm_release", "name": "chat",
	"values": {
		"set": [], "values": [
			"\"llm\":\n  \"model\": \"gtp-4o\"\n", # as yamlencode writes it
			"replicas: 2\n---\n# the router\nrouter:\n  fallback_models: [gpt-4.1, gpt4o-mini]\n--- # last\n- model: x-2\n",
			"defaults: &d\n  model: x-1\nchat: *d\nembed:\n  <<: *d\n",
			"- name: app\n  environment: [{name: OPENAI_MODEL, value: gpt-4o-mni}]",
		],
	},
}

# text in a json_attributes attribute that is neither JSON nor YAML of a map
# or a list fails closed
test_yaml_that_is_no_document_fails_closed if {
	texts := ["Chat with gtp-4o", "42", "llm: [gtp-4o", "llm:\n\tmodel: gtp-4o", "llm: {}\n---\nmodel: [gtp-4o", "llm: {}\n---\nuses gtp-4o"]
	wrong := json.patch(_yaml_helm, [{"op": "replace", "path": "/values/values", "value": texts}])
	not_read := megallm.deny with time.now_ns as _today with input as _plan([wrong])
	not_read == {sprintf(
		`helm_release.chat: values[%d] is neither JSON nor YAML of a map or a list, so no model id in it was checked, though megallm_settings.json_attributes["helm_release"] names it: name there only attributes that hold JSON or YAML, and ids in other text with key_patterns or attribute_paths.`,
		[i],
	) |
		some i, t in texts
		i != 1
	}
}

# a list of no text, or YAML with no document but comments, holds no id
test_yaml_without_a_document_holds_no_id if {
	quiet := json.patch(_yaml_helm, [{"op": "replace", "path": "/values/values", "value": ["# none yet\n", "---\n", null, "", "llm: {}"]}])
	denied_quietly := megallm.deny with time.now_ns as _today with input as _plan([quiet, _app({"model": "gpt-4o-mini"})])
	count(denied_quietly) == 0
}

test_a_key_pattern_that_is_no_glob_fails_closed if {
	denies := _deny({"model": "gpt-4o-mini", "chat_model": "x-1"}) with data.megallm_settings as {"key_patterns": ["model", "*_model["]}
	denies == {`megallm_settings.key_patterns has "*_model[", which is no glob pattern, so it matches no key: put a \ before each [, ], {, } or \ it means literally.`}
}

# attribute paths are exact; one that reaches a value only when letter case
# is ignored would check nothing
test_a_miscased_attribute_path_fails_closed if {
	denies := megallm.deny with time.now_ns as _today with input as _plan([_lambda]) with data.megallm_settings as {"attribute_paths": {"aws_lambda_function": ["Environment.*.variables.llm"]}}
	denies == {`megallm_settings.attribute_paths["aws_lambda_function"] has "Environment.*.variables.llm", which reaches a value of this plan only when letter case is ignored: paths are exact, as attribute names and map keys are, so write it as "environment.*.variables.LLM".`}

	# followed, the advice checks the id; a path no value of the plan has
	# in any case (an optional attribute) passes
	followed := megallm.deny with time.now_ns as _today with input as _plan([_lambda]) with data.megallm_settings as {"attribute_paths": {"aws_lambda_function": ["environment.*.variables.LLM", "environment.*.variables.CHAT"]}}
	followed == {`aws_lambda_function.a: environment[0].variables.LLM = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
}

# an aws_lambda_function as terraform show -json plans it: every attribute,
# null or an empty list when unset, but those known only after apply, which
# after_unknown has instead
_planned_lambda := {
	"address": "aws_lambda_function.chat", "mode": "managed", "type": "aws_lambda_function", "name": "chat",
	"values": {
		"architectures": ["arm64"], "code_signing_config_arn": null, "dead_letter_config": [], "description": null,
		"environment": [{"variables": {"LLM": "gpt4o-mini", "LOG_LEVEL": "info"}}], "ephemeral_storage": [{"size": 512}],
		"file_system_config": [], "filename": "chat.zip", "function_name": "chat", "handler": "main.handler",
		"image_config": [], "image_uri": null, "kms_key_arn": null, "layers": null, "memory_size": 256,
		"package_type": "Zip", "publish": false, "replace_security_groups_on_destroy": null,
		"replacement_security_group_ids": null, "reserved_concurrent_executions": -1,
		"role": "arn:aws:iam::123456789012:role/chat", "runtime": "python3.12", "s3_bucket": null, "s3_key": null,
		"s3_object_version": null, "skip_destroy": false, "snap_start": [], "tags": null, "timeout": 30, "timeouts": null,
		"vpc_config": [],
	},
}

_lambda_plan := json.patch(_plan([_planned_lambda]), [{"op": "add", "path": "/resource_changes", "value": [_unknown_change(_planned_lambda, {
	"architectures": [false], "arn": true, "code_sha256": true, "environment": [{"variables": {}}], "ephemeral_storage": [{}],
	"id": true, "invoke_arn": true, "last_modified": true, "logging_config": true, "qualified_arn": true,
	"qualified_invoke_arn": true, "signing_job_arn": true, "signing_profile_version_arn": true, "source_code_hash": true,
	"source_code_size": true, "tags_all": true, "tracing_config": true, "version": true,
})]}])

test_an_attribute_path_naming_a_nested_list_fails_closed if {
	deployment := {
		"address": "azurerm_cognitive_deployment.d", "mode": "managed", "type": "azurerm_cognitive_deployment", "name": "d",
		"values": {"model": [{"format": "OpenAI", "name": "gpt-4o-mini", "version": "2024-07-18"}], "sku": [{"name": "Standard"}]},
	}
	nested := megallm.deny with time.now_ns as _today with input as _plan([deployment]) with data.megallm_settings as {"attribute_paths": {"azurerm_cognitive_deployment": ["model.name"]}}
	nested == {`megallm_settings.attribute_paths["azurerm_cognitive_deployment"] has "model.name", which reaches no value: "model" is a list, whose elements a step reaches by index, not by name. Write the index as a number, or "*" for any, as "model.*.name".`}
}

test_a_key_pattern_with_white_space_around_it_fails_closed if {
	denies := _deny({"LLM": "gtp-4o"}) with data.megallm_settings as {"key_patterns": ["model", "LLM ", " ", ""]}
	denies == {
		`megallm_settings.key_patterns has "LLM ", with white space around it, which no key has: write it as "LLM".`,
		`megallm_settings.key_patterns has " ", which is no key pattern: remove it, or write a pattern such as "*_model".`,
		`megallm_settings.key_patterns has "", which is no key pattern: remove it, or write a pattern such as "*_model".`,
	}

	# followed, the advice checks the id
	followed := _deny({"LLM": "gtp-4o"}) with data.megallm_settings as {"key_patterns": ["model", "LLM"]}
	followed == {`terraform_data.app: input.LLM = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`}
}

# package main repeats package megallm's messages under names of its own, so
# that conftest's default namespace prints them and a user's own deny can join it
# (denies and warnings in tests of their own, each within conftest verify's 5 s).
_conftest_plan := _plan([_app({"model": "gpt-3.5-turbo", "chat_model": "gpt-4o", "fallback_model": "claude-3-opus-20240229"})])

test_conftest_default_namespace_repeats_the_denies if {
	denies := megallm.deny with time.now_ns as _today with input as _conftest_plan
	count(denies) == 2
	data.main.deny_megallm == denies with time.now_ns as _today with input as _conftest_plan
	not data.main.deny
}

test_conftest_default_namespace_repeats_the_warnings if {
	warnings := megallm.warn with time.now_ns as _today with input as _conftest_plan
	count(warnings) == 1
	data.main.warn_megallm == warnings with time.now_ns as _today with input as _conftest_plan
	not data.main.warn
}

test_conftest_default_namespace_passes_a_clean_plan if {
	plan := _plan([_app({"model": "gpt-4o-mini"})])
	count(data.main.deny_megallm) == 0 with time.now_ns as _today with input as plan
	count(data.main.warn_megallm) == 0 with time.now_ns as _today with input as plan
}

# an input that is no plan would otherwise pass with nothing checked
test_an_input_that_is_no_plan_fails_closed if {
	no_plan := {"The input has no planned_values, so it is no saved plan's JSON (terraform show -json without a plan file shows the state) and no model id can be checked: check the JSON of a saved plan: terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json."}
	megallm.deny == no_plan # no input at all, as opa eval gives an empty file
	empty := megallm.deny with time.now_ns as _today with input as {}
	empty == no_plan
	state := megallm.deny with time.now_ns as _today with input as {"format_version": "1.0", "values": {"root_module": {"resources": [_app({"model": "gpt-4o-mini"})]}}}
	state == no_plan
	in_main := data.main.deny_megallm with time.now_ns as _today with input as {}
	in_main == no_plan
}

# a plan of another shape would be read as holding nothing, and pass
test_a_plan_of_another_shape_fails_closed if {
	plan := _plan([_app({"model": "gpt-4o-mini"})])
	not_plan := "The input is shaped otherwise than a saved plan's JSON (%s), so no model id can be checked: check the JSON of a saved plan: terraform plan -out=plan.tfplan && terraform show -json plan.tfplan > plan.json."
	modules := json.patch(plan, [{"op": "replace", "path": "/planned_values/root_module", "value": [{"resources": []}]}])
	modules_denies := megallm.deny with time.now_ns as _today with input as modules
	modules_denies == {sprintf(not_plan, ["planned_values.root_module is no object"])}
	resources := json.patch(plan, [{"op": "replace", "path": "/planned_values/root_module/resources", "value": "terraform_data.app"}])
	resources_denies := megallm.deny with time.now_ns as _today with input as resources
	resources_denies == {sprintf(not_plan, ["planned_values.root_module.resources is no list of objects with a string address, mode and type"])}
	address := json.patch(plan, [
		{"op": "replace", "path": "/planned_values/root_module/resources/0/address", "value": 1},
		{"op": "add", "path": "/resource_changes", "value": [1, {"mode": "managed"}, {}, {}]},
	])
	address_denies := megallm.deny with time.now_ns as _today with input as address
	address_denies == {sprintf(not_plan, [concat("; ", [
		"planned_values.root_module.resources is no list of objects with a string address, mode and type",
		"resource_changes is no list of objects with a string address, mode and type",
	])])}

	# a prior_state of another shape hides the catalog: that is its one cause
	state := json.patch(plan, [{"op": "replace", "path": "/prior_state/values/root_module", "value": [{"resources": []}]}])
	state_denies := megallm.deny with time.now_ns as _today with input as state
	state_denies == {sprintf(not_plan, ["prior_state.values.root_module is no object"])}
}

test_conftest_combine_is_named_not_taken_for_a_plan_without_a_catalog if {
	combined := [{"path": "plan.json", "contents": _plan([_app({"model": "gpt-4o-mini"})])}]
	denies := megallm.deny with time.now_ns as _today with input as combined
	denies == {"The input is a list of files (conftest test --combine), not a plan, so no model id can be checked: run the same conftest test without --combine, which checks each saved plan on its own, such as conftest test --policy policy/opa plan.json."}
}

_chart(texts) := {
	"address": "helm_release.chat", "mode": "managed", "type": "helm_release", "name": "chat",
	"values": {"values": texts},
}

# a catalog whose models carry display names: ids share some, a retired
# model has one, and a model without one has null
_displayed := [
	object.union(_model("gpt-4o-mini", "openai", {}), {"display_name": "GPT-4o mini"}),
	object.union(_model("gpt-4.1", "openai", {}), {"display_name": "GPT-4.1"}),
	object.union(_model("gpt-4.1-2025-04-14", "openai", {}), {"display_name": "GPT-4.1"}),
	object.union(_model("claude-3-5-sonnet-20241022", "anthropic", {}), {"display_name": "Claude 3.5 Sonnet"}),
	object.union(_model("claude-3-5-sonnet-20240620", "anthropic", {}), {"display_name": "Claude 3.5 Sonnet"}),
	object.union(_model("gpt-3.5-turbo", "openai", {"status": "retired", "retires_at": "2025-06-30T00:00:00Z", "days_to_retirement": 0}), {"display_name": "GPT-3.5 Turbo"}),
	object.union(_model("deepseek-chat", "deepseek", {}), {"display_name": "DeepSeek V3"}),
	object.union(_model("x-1", "openai", {}), {"display_name": null}),
]

# _llm_plan: an id under a key that _llm_settings names
_llm_plan := _plan([_app({"LLM": "gtp-4o"})])

_llm_settings := {"key_patterns": ["model", "LLM"]}

_no_id := "No model id was found in the managed resources of this plan, so none was checked. If the plan writes model ids, name their keys in megallm_settings.key_patterns or their paths in megallm_settings.attribute_paths."

# A settings document under a misspelt name is not read: a deny names it,
# through the settings it holds, unless its name is far from megallm_settings
# (another library's data).
test_a_misspelt_settings_document_denies if {
	plan := _llm_plan
	settings := _llm_settings
	setings := megallm.deny with time.now_ns as _today with input as plan with data.megallm_setings as settings
	setings == {`The data document sets "megallm_setings" at its top level, where it changes nothing for this library. Did you mean "megallm_settings"?`}
	setting := megallm.deny with time.now_ns as _today with input as plan with data.megallm_setting as {"retirement_notice_days": 30}
	setting == {`The data document sets "megallm_setting" at its top level, where it changes nothing for this library. Did you mean "megallm_settings"?`}
}

test_a_settings_document_in_another_case_denies_and_anothers_does_not if {
	plan := _llm_plan
	cased := megallm.deny with time.now_ns as _today with input as plan with data["MegaLLM-Settings"] as {"json_attributes": {}, "attribute_paths": {}, "ignored_attribute_paths": {}}
	cased == {`The data document sets "MegaLLM-Settings" at its top level, where it changes nothing for this library. Did you mean "megallm_settings"?`}
	other := megallm.deny with time.now_ns as _today with input as plan with data.tflint as _llm_settings
	other == set()
	no_id := megallm.warn with time.now_ns as _today with input as plan with data.tflint as _llm_settings
	no_id == {_no_id}
}

# followed, the advice reads the settings
test_a_misspelt_settings_documents_advice_followed if {
	plan := _llm_plan
	settings := _llm_settings
	followed := megallm.deny with time.now_ns as _today with input as plan with data.megallm_settings as settings
	followed == {`terraform_data.app: input.LLM = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`}
	count(megallm.warn) == 0 with time.now_ns as _today with input as plan with data.megallm_settings as settings
}

# Past _max_edited ids of a length near the id, no edit distance is
# computed (in Rego, tens of seconds an id for thousands): an id in another
# letter case, or one containing the id, is still suggested, and a value
# with neither gets no path to ignore, as it may be a typo of an id.
test_past_max_edited_ids_of_a_length_no_edit_distance_is_computed if {
	max_edited := 20
	models := array.concat([_model(sprintf("m-%04d", [i]), "x", {}) | some i in numbers.range(1, max_edited + 1)], [_model("m-00x1-large", "x", {})])
	denies := megallm.deny with megallm._max_edited as max_edited with time.now_ns as _today with input as _plan_with(
		[_app({"model": "M-0001", "chat_model": "m-00x1", "fallback_model": "m-00y1"})],
		[_read("catalog", models), _read("all", models)],
	)
	denies == {
		`terraform_data.app: input.model = "M-0001" is not in the MegaLLM catalog. Did you mean "m-0001"?`,
		`terraform_data.app: input.chat_model = "m-00x1" is not in the MegaLLM catalog. Did you mean "m-00x1-large"?`,
		`terraform_data.app: input.fallback_model = "m-00y1" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
	}
}
