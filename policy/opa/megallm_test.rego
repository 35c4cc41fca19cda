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

# Other gateways write a vendor prefix the catalog does not, as the
# provider's catalog.Closest reads too: the id equal to the rest first, then
# those containing it. LiteLLM's "openai/" may be a routing prefix, which
# is named when what follows it is usable, so that the setting, followed,
# passes (and shows no sensitive value's rest to be an id).
test_id_with_another_gateways_vendor_prefix_suggests_the_catalogs_id if {
	_deny({"model": "openai/gpt-4o"}) == {
		`terraform_data.app: input.model = "openai/gpt-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o" or "gpt-4o-mini"? If a proxy routes it to MegaLLM without "openai/", as LiteLLM does, add "openai/" to megallm_settings.routing_prefixes["terraform_data"].`,
	}
	_deny({"model": "openai/gtp-4.1", "chat_model": "openai/gpt-3.5-turbo"}) == {
		`terraform_data.app: input.model = "openai/gtp-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1"?`,
		`terraform_data.app: input.chat_model = "openai/gpt-3.5-turbo" is not in the MegaLLM catalog. The catalog writes it "gpt-3.5-turbo", which was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
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

# A catalog id may hold a "/" itself: an id under a vendor prefix is read by
# what follows each "/", first the longest, as catalog.LookupMisnamed reads
# it, so another vendor's id equal to what follows the last comes second.
test_id_with_a_vendor_prefix_of_an_id_with_a_slash_suggests_that_id if {
	models := [_model("meta-llama/llama-3.3-70b-instruct", "meta", {}), _model("llama-3.3-70b-instruct", "groq", {}), _model("o3", "openai", {})]
	denies := megallm.deny with time.now_ns as _today with input as _plan_with(
		[_app({"model": "meta/meta-llama/llama-3.3-70b-instruct", "chat_model": "groq/llama-3.3-70b-instruct", "fallback_model": "x/y/O3"})],
		[_read("catalog", models), _read("all", models)],
	)
	denies == {
		`terraform_data.app: input.model = "meta/meta-llama/llama-3.3-70b-instruct" is not in the MegaLLM catalog. Did you mean "meta-llama/llama-3.3-70b-instruct" or "llama-3.3-70b-instruct"?`,
		`terraform_data.app: input.chat_model = "groq/llama-3.3-70b-instruct" is not in the MegaLLM catalog. Did you mean "llama-3.3-70b-instruct" or "meta-llama/llama-3.3-70b-instruct"?`,
		`terraform_data.app: input.fallback_model = "x/y/O3" is not in the MegaLLM catalog. Did you mean "o3"?`,
	}
}

# as the provider's catalog.Closest, among ids with vendor prefixes: an id
# one edit from the whole (a typo in the vendor) before the id equal to what
# follows the "/", and an id containing the whole before the ids containing
# only what follows its "/"
test_vendor_prefixed_ids_suggest_the_id_closest_as_a_whole_first if {
	models := [
		_model("meta-llama/llama-3.1-70b-instruct", "meta", {}), _model("meta-llama/llama-3.3-70b-instruct", "meta", {}),
		_model("groq/llama-3.1-70b-instruct", "groq", {}), _model("llama-3.1-70b-instruct", "groq", {}),
		_model("mistralai/mistral-large", "mistralai", {}), _model("mistral-large", "mistralai", {}),
	]
	denies := megallm.deny with time.now_ns as _today with input as _plan_with(
		[_app({"model": "mistrali/mistral-large", "chat_model": "meta-lama/llama-3.1-70b-instruct", "fallback_model": "meta-llama/llama-3.1-70b"})],
		[_read("catalog", models), _read("all", models)],
	)
	denies == {
		`terraform_data.app: input.model = "mistrali/mistral-large" is not in the MegaLLM catalog. Did you mean "mistralai/mistral-large" or "mistral-large"?`,
		`terraform_data.app: input.chat_model = "meta-lama/llama-3.1-70b-instruct" is not in the MegaLLM catalog. Did you mean "meta-llama/llama-3.1-70b-instruct" or "llama-3.1-70b-instruct" or "meta-llama/llama-3.3-70b-instruct"?`,
		`terraform_data.app: input.fallback_model = "meta-llama/llama-3.1-70b" is not in the MegaLLM catalog. Did you mean "meta-llama/llama-3.1-70b-instruct" or "groq/llama-3.1-70b-instruct" or "llama-3.1-70b-instruct"?`,
	}
}

# as the provider's catalog.Closest, an id a few edits away: a character
# left out, added, changed, or two swapped
test_unknown_id_one_edit_away_suggests_it if {
	_deny({"model": "gtp-4o", "chat_model": "gpt-4o-mni", "fallback_model": "claude-sonet-4-20250514"}) == {
		`terraform_data.app: input.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.app: input.chat_model = "gpt-4o-mni" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.fallback_model = "claude-sonet-4-20250514" is not in the MegaLLM catalog. Did you mean "claude-sonnet-4-20250514"?`,
	}
}

# the closest first, then ids as close or containing it, by id, three at most
test_unknown_id_suggests_three_ids_at_most if {
	_deny({"model": "gpt-4"}) == {`terraform_data.app: input.model = "gpt-4" is not in the MegaLLM catalog. Did you mean "gpt-4o" or "gpt-4.1" or "gpt-4.1-mini"?`}

	# a retired id is no suggestion, however near, and its near miss is no
	# value to ignore
	_deny({"model": "gpt-3.5-turb"}) == {`terraform_data.app: input.model = "gpt-3.5-turb" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`}
}

test_long_id_is_quoted_cut if {
	id := concat("", ["gpt-4o-", concat("", [x | some _ in numbers.range(1, 30); x := "xyz"])])
	_deny({"model": id}) == {sprintf(
		`terraform_data.app: input.model = "%s"… (97 characters) is not in the MegaLLM catalog. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		[substring(id, 0, 64)],
	)}
}

# An id written otherwise than the catalog writes it (in another letter
# case, with other separators, with a vendor prefix added or left out, as
# catalog.LookupMisnamed reads it) names the catalog's model: of one that
# cannot be used, the message names it and says why, as "did you mean" names
# only usable ids, and it is no path to ignore.
test_retired_or_refused_id_written_otherwise_says_so if {
	_deny({"model": "GPT-3.5-Turbo", "chat_model": "openai/gpt-3.5-turbo", "fallback_model": "gpt_3.5_turbo"}) == {
		`terraform_data.app: input.model = "GPT-3.5-Turbo" is not in the MegaLLM catalog. The catalog writes it "gpt-3.5-turbo", which was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
		`terraform_data.app: input.chat_model = "openai/gpt-3.5-turbo" is not in the MegaLLM catalog. The catalog writes it "gpt-3.5-turbo", which was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
		`terraform_data.app: input.fallback_model = "gpt_3.5_turbo" is not in the MegaLLM catalog. The catalog writes it "gpt-3.5-turbo", which was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
	}
	_deny({"model": "Claude-3-Opus-20240229", "chat_model": "Mistral-Large-Latest"}) == {
		`terraform_data.app: input.model = "Claude-3-Opus-20240229" is not in the MegaLLM catalog. The catalog writes it "claude-3-opus-20240229", which is denied by the provider's policy. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`,
		`terraform_data.app: input.chat_model = "Mistral-Large-Latest" is not in the MegaLLM catalog. The catalog writes it "mistral-large-latest", which is owned by "mistral", of which the provider's policy allows no model. Choose a model the provider's policy allows (megallm_models lists only those), or change the policy.`,
	}
	models := array.concat(_allowed, [_model("meta-llama/llama-3.3-70b-instruct", "meta", {"status": "retired", "retires_at": "2026-01-31T00:00:00Z"})])
	denies := megallm.deny with time.now_ns as _today with input as _plan_with(
		[_app({"model": "Llama-3.3-70b-instruct"})],
		[_read("catalog", models), _read("all", models)],
	)
	denies == {`terraform_data.app: input.model = "Llama-3.3-70b-instruct" is not in the MegaLLM catalog. The catalog writes it "meta-llama/llama-3.3-70b-instruct", which was retired on 2026-01-31 (no successor is named).`}
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
# holds the lifecycle of that day: it is read as of today, as the provider's
# unmet_requirements reads a saved model object (catalog.Lifecycle.Later), so
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

test_key_patterns_ignore_case_and_nesting if {
	denies := _deny({
		"Model": "x-1",
		"model_ID": "x-2",
		"env": {"OPENAI_MODEL": "x-3", "EMBEDDING_MODEL_ID": "x-4", "OTHER": "x-5", "MODELS": "x-6"},
		"agents": [{"name": "a", "model": "x-7"}],
		"routing": {"fallback_model": ["gpt-4o-mini", "x-8"]},
		"description": "uses model x-9",
	})
	denies == {
		`terraform_data.app: input.Model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "input.Model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.model_ID = "x-2" is not in the MegaLLM catalog. If it is no model id, add "input.model_ID" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.env.OPENAI_MODEL = "x-3" is not in the MegaLLM catalog. If it is no model id, add "input.env.OPENAI_MODEL" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.env.EMBEDDING_MODEL_ID = "x-4" is not in the MegaLLM catalog. If it is no model id, add "input.env.EMBEDDING_MODEL_ID" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.agents[0].model = "x-7" is not in the MegaLLM catalog. If it is no model id, add "input.agents.0.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.env.MODELS = "x-6" is not in the MegaLLM catalog. If it is no model id, add "input.env.MODELS" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.routing.fallback_model[1] = "x-8" is not in the MegaLLM catalog. If it is no model id, add "input.routing.fallback_model.1" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

# Plural keys hold lists of ids: a list, or text (an environment variable,
# a ConfigMap's data) as JSON or separated by commas; each id is checked.
# A number, true or false, a path or a URL there is no id (Ollama's
# OLLAMA_MODELS is a directory).
test_plural_keys_hold_lists_of_ids if {
	lambda := {
		"address": "aws_lambda_function.chat", "mode": "managed", "type": "aws_lambda_function", "name": "chat",
		"values": {"environment": [{"variables": {
			"OPENAI_MODEL": "gpt-4o-mini", "FALLBACK_MODELS": "gpt-4.1, gpt4o-mini,", "OLLAMA_MODELS": "/data/models",
			"PRELOAD_MODELS": "true", "OLLAMA_MAX_LOADED_MODELS": "2", "MODELS_URL": "https://models.example.com",
			"LOG_LEVEL": "info", "ALLOWED_MODEL_IDS": "gpt-4o-mini,x-1",
		}}]},
	}
	config_map := {
		"address": "kubernetes_config_map.llm", "mode": "managed", "type": "kubernetes_config_map", "name": "llm",
		"values": {
			"binary_data": null, "immutable": false,
			"data": {"app.fallback_models": `["gpt-4.1", "x-2"]`, "models": "x-3", "app.model_dir": "/models", "HF_HOME": "/cache"},
			"metadata": [{"annotations": null, "labels": {"app.kubernetes.io/name": "llm"}, "name": "llm", "namespace": "default"}],
		},
	}
	helm := {
		"address": "helm_release.gateway", "mode": "managed", "type": "helm_release", "name": "gateway",
		"values": {
			"chart": "gateway", "name": "gateway", "namespace": "default", "version": "1.2.0",
			"set": [{"name": "config.fallback_models", "type": null, "value": "gpt-4.1,x-4"}, {"name": "replicaCount", "type": null, "value": "2"}],
			"values": [json.marshal({"ollama": {"models": {"pull": ["llama3"]}}, "router": {"models": ["gpt-4o-mini", "x-5"], "timeout_seconds": 30}})],
		},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([lambda, config_map, helm]) with data.megallm_settings as {"json_attributes": {"helm_release": ["values"]}}
	denies == {
		`aws_lambda_function.chat: environment[0].variables.FALLBACK_MODELS = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`aws_lambda_function.chat: environment[0].variables.ALLOWED_MODEL_IDS = "x-1" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`kubernetes_config_map.llm: data["app.fallback_models"] = "x-2" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`kubernetes_config_map.llm: data.models = "x-3" is not in the MegaLLM catalog. If it is no model id, add "data.models" to megallm_settings.ignored_attribute_paths["kubernetes_config_map"].`,
		`helm_release.gateway: set[0].value = "x-4" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`helm_release.gateway: values[0].router.models[1] = "x-5" is not in the MegaLLM catalog. If it is no model id, add "values.0.router.models.1" to megallm_settings.ignored_attribute_paths["helm_release"].`,
	}
}

# a Windows directory, words, a negative number or blank text there is
# no list of ids either; an id with spaces around it is one
test_plural_keys_hold_no_other_lists if {
	_deny({
		"OLLAMA_MODELS": `D:\ollama\models`, "supported_models": "Chat and embeddings", "NUM_MODELS": "-1",
		"SPARE_MODELS": " ", "BACKUP_MODELS": " x-9 ",
	}) == {`terraform_data.app: input.BACKUP_MODELS = "x-9" is not in the MegaLLM catalog. If it is no model id, add "input.BACKUP_MODELS" to megallm_settings.ignored_attribute_paths["terraform_data"].`}

	# a single id's key holds one id: words with commas there are no list
	_deny({"OPENAI_MODEL": "fast, cheap"}) == {`terraform_data.app: input.OPENAI_MODEL = "fast, cheap" is not in the MegaLLM catalog. If it is no model id, add "input.OPENAI_MODEL" to megallm_settings.ignored_attribute_paths["terraform_data"].`}
}

# a number, true or false is no id under a single id's key either, but an
# id misspelt, or one only starting with a number, is
test_a_number_true_or_false_is_no_id if {
	_deny({"PRELOAD_MODEL": "true", "WARMUP_MODEL": "False", "model": " 2 ", "mini_model": "-0.5", "chat_model": "gpt-4o-mnii", "o_model": "4o"}) == {
		`terraform_data.app: input.chat_model = "gpt-4o-mnii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.o_model = "4o" is not in the MegaLLM catalog. If it is no model id, add "input.o_model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

# A map under a plural key names ids by role: a value that the catalog tells
# is an id is checked, misspelt or in another letter case too; any other is
# a setting of the map's own (a Helm chart's models: settings).
test_a_map_under_a_plural_key_names_ids_by_role if {
	_deny({
		"models": {"chat": "gpt-4o-mini", "embed": "gpt-4o-mnii", "legacy": "gpt-3.5-turbo", "storage": "10Gi", "replicas": "2"},
		"fallback_models": {"primary": "Gpt-4.1"}, "model": {"format": "OpenAI"},
	}) == {
		`terraform_data.app: input.models.embed = "gpt-4o-mnii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.models.legacy = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
		`terraform_data.app: input.fallback_models.primary = "Gpt-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1" or "gpt-4.1-mini" or "gpt-4o"?`,
	}
	_warn({"models": {"chat": "gpt-4o"}}) == {
		`terraform_data.app: input.models.chat = "gpt-4o" is deprecated since 2026-06-01 and retires on 2027-03-31, in 118 days: use its successor "gpt-4.1".`,
	}
}

# A map that is a role's value in a map by role names that role's model as
# a map under a key of one id does, by the first id's key it has, and JSON
# text of one likewise (models = { chat = jsonencode({ id = "gpt-4o" }) }):
# that value is read by role, as the map may hold a chart's settings
# (cache's name), and its other values under their own keys.
test_a_roles_map_names_its_model_by_an_ids_key if {
	_deny({"models": {
		"chat": {"id": "gtp-4o", "name": "Chat", "temperature": 0.2},
		"fast": json.marshal({"name": "gpt-4o-minii", "provider": "openai"}),
		"embed": {"model": "xy-9", "fallback_model": "gtp-4.1"},
		"cache": {"name": "model-cache", "size": "10Gi"},
	}}) == {
		`terraform_data.app: input.models.chat.id = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.app: input.models.fast.name = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.models.embed.model = "xy-9" is not in the MegaLLM catalog. If it is no model id, add "input.models.embed.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.models.embed.fallback_model = "gtp-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1"?`,
	}
}

# A word of letters alone by role is a role or a setting unless it is an id
# or a display name, in any letter case: an id holding it (gpt-4o-mini,
# claude-sonnet-4-20250514) makes it no misspelt id; nor is a path or URL
# that ends in an id.
test_a_word_path_or_url_by_role_is_no_id_unless_the_catalog_has_it if {
	more := [_model("gemma", "google", {}), object.union(_model("o3", "openai", {}), {"display_name": "Reasoner"})]
	reads := [_read("catalog", array.concat(_allowed, more)), _read("all", array.concat(_everything, more))]
	denies := megallm.deny with time.now_ns as _today with input as _plan_with(
		[_app({"models": {
			"chat": "gpt-4o-mini", "size": "mini", "family": "Claude", "kind": "sonnet", "local": "Gemma", "think": "reasoner",
			"base": "https://gateway.example.com/v1/gpt-4o", "dir": "/models/gpt-4.1", "cache": "./gpt-4.1", "win": `C:\models\gpt-4.1`,
		}})],
		reads,
	)
	denies == {
		`terraform_data.app: input.models.local = "Gemma" is not in the MegaLLM catalog. Did you mean "gemma"?`,
		`terraform_data.app: input.models.think = "reasoner" is not in the MegaLLM catalog. It is the display name of "o3": write that id instead.`,
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

# A setting by role (a version, GPU, region, size, disk or date) is no
# misspelt id merely as an id is a few edits from it or holds it: near an id,
# a value is one only when both hold a word (two letters in a row) and it has
# more than letters, as a misspelt id has (gpt-4o-mnii, o3-mni).
test_a_setting_by_role_is_no_misspelt_id_unless_shaped_as_one if {
	_deny_by_role(
		{
			"chat": "gpt-4o-mini", "think": "o3", "version": "v1", "gpu": "a10", "region": "us-east-1", "size": "70b",
			"tier": "t4", "storage": "gp3", "volume": "io1", "snapshot": "2024-08-06", "legacy": "gpt-3.5-turbo",
		},
		_shaped_reads,
	) == _legacy_retired
}

# A value by role shaped as a misspelt id is one.
test_a_value_by_role_shaped_as_an_id_is_a_misspelt_id if {
	_deny_by_role({"fast": "gpt-4o-mnii", "reason": "o3-mni"}, _shaped_reads) == {
		`terraform_data.app: input.models.fast = "gpt-4o-mnii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.models.reason = "o3-mni" is not in the MegaLLM catalog. Did you mean "o3-mini"?`,
	}
}

test_a_dated_value_by_role_shaped_as_an_id_is_a_misspelt_id if {
	_deny_by_role({"flash": "gemini-2.0-flsh", "write": "claude-3-5-sonet-20241022"}, _shaped_reads) == {
		`terraform_data.app: input.models.flash = "gemini-2.0-flsh" is not in the MegaLLM catalog. Did you mean "gemini-2.0-flash"?`,
		`terraform_data.app: input.models.write = "claude-3-5-sonet-20241022" is not in the MegaLLM catalog. Did you mean "claude-3-5-sonnet-20241022"?`,
	}
}

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

# A value by role near the start of an id, up to a separator, of two words
# or more (claude-3-5-sonnet of claude-3-5-sonnet-20241022) is a misspelt id
# without its date or version, as under a model key: "did you mean" names
# the ids so started.
test_a_value_by_role_near_the_start_of_an_id_is_a_misspelt_id if {
	denies := megallm.deny with time.now_ns as _today with input as _plan_with(
		[_app({"model": "claude-3-5-sonet", "models": {"write": "claude-3-5-sonet"}})],
		_start_reads,
	)
	denies == {
		`terraform_data.app: input.model = "claude-3-5-sonet" is not in the MegaLLM catalog. Did you mean "claude-3-5-sonnet-20241022"?`,
		`terraform_data.app: input.models.write = "claude-3-5-sonet" is not in the MegaLLM catalog. Did you mean "claude-3-5-sonnet-20241022"?`,
	}
}

test_a_value_by_role_near_the_start_of_a_dated_id_is_a_misspelt_id if {
	_deny_by_role({"dated": "gtp-4o-2024"}, _start_reads) == {
		`terraform_data.app: input.models.dated = "gtp-4o-2024" is not in the MegaLLM catalog. Did you mean "gpt-4o-2024-08-06"?`,
	}
}

# So is one near the start after an id's vendor prefix.
test_a_value_by_role_near_the_start_of_a_prefixed_id_is_a_misspelt_id if {
	_deny_by_role({"vision": "meta-llama/llama-3.3-7b"}, _start_reads) == {
		`terraform_data.app: input.models.vision = "meta-llama/llama-3.3-7b" is not in the MegaLLM catalog. Did you mean "meta-llama/llama-3.3-70b-instruct"?`,
	}
}

# So is one near the start of an id the policy refuses, which is no reason to
# ignore it.
test_a_value_by_role_near_the_start_of_a_refused_id_is_a_misspelt_id if {
	_deny_by_role({"large": "mistral-lage"}, _start_reads) == {
		`terraform_data.app: input.models.large = "mistral-lage" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
	}
}

# A value by role two neighbouring characters from a short start of an id
# (gtp-4o, of gpt-4o-2024-08-06) is a misspelt id, as is one near a start
# after a vendor prefix (llama-3.3-7b, of meta-llama/llama-3.3-70b-instruct);
# one character changed in a short start is another version or a setting
# (GPT-5 and gpt-4.5 for gpt-4 and gpt-4.1, gp3), no misspelt id.
test_a_value_by_role_transposed_in_a_short_start_of_an_id_is_a_misspelt_id if {
	models := [
		_model("gpt-4o-2024-08-06", "openai", {}), _model("gpt-4.1-mini-2025-04-14", "openai", {}),
		_model("meta-llama/llama-3.3-70b-instruct", "meta", {}),
	]
	denies := megallm.deny with time.now_ns as _today with input as _plan_with(
		[_app({"models": {
			"chat": "gtp-4o", "vision": "llama-3.3-7b",
			"next": "GPT-5", "minor": "gpt-4.5", "disk": "gp3", "volume": "io1", "device": "gpu",
		}})],
		[_read("catalog", models), _read("all", models)],
	)
	denies == {
		`terraform_data.app: input.models.chat = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o-2024-08-06"?`,
		`terraform_data.app: input.models.vision = "llama-3.3-7b" is not in the MegaLLM catalog. Did you mean "meta-llama/llama-3.3-70b-instruct"?`,
	}
}

# Near the start of an id, a setting by role is no misspelt id: a start of
# one word (gpt- of gpt-4o-mini, llama- of llama-3.1-8b-instruct) is none, a
# start must be two edits nearer than an id (gp3 is two from gpt-3), and a
# word, version, GPU, size, date, path or URL is no id.
test_a_setting_by_role_is_no_misspelt_id_near_the_start_of_an_id if {
	_deny_by_role(
		{
			"storage": "10Gi", "kind": "storage", "gpu": "a100", "version": "v1", "size": "70b", "snapshot": "2024-08-06",
			"role": "chat", "tier": "mini", "disk": "gp3", "legacy": "gpt-3.5-turbo",
		},
		_start_reads,
	) == _legacy_retired
}

test_a_path_url_or_word_by_role_is_no_misspelt_id_near_the_start_of_an_id if {
	_deny_by_role(
		{
			"volume": "io1", "device": "gpu", "runtime": "ollama", "region": "us-east-1", "dir": "/models/claude-3-5-sonet",
			"cache": "./gtp-4o-2024", "base": "https://gateway.example.com/v1/claude-3-5-sonet", "legacy": "gpt-3.5-turbo",
		},
		_start_reads,
	) == _legacy_retired
}

# _word_reads: a catalog with ids of letters alone
_word_reads := [_read("catalog", array.concat(_allowed, more)), _read("all", array.concat(_everything, more))] if {
	more := [_model(id, "mistral", {}) | some id in ["mistral", "gemma", "gemini", "command", "sonar", "codestral", "pixtral", "jamba", "dbrx"]]
}

# A word by role is a misspelt id when it is one edit from an id of letters
# alone (mistrall, snoar), in any letter case, as under a model key; solar,
# one from sonar, is no id of this catalog.
test_a_word_by_role_one_edit_from_an_id_of_letters_is_a_misspelt_id if {
	_deny_by_role({"chat": "Mistrall", "search": "snoar", "agent": "comand"}, _word_reads) == {
		`terraform_data.app: input.models.chat = "Mistrall" is not in the MegaLLM catalog. Did you mean "mistral"?`,
		`terraform_data.app: input.models.search = "snoar" is not in the MegaLLM catalog. Did you mean "sonar"?`,
		`terraform_data.app: input.models.agent = "comand" is not in the MegaLLM catalog. Did you mean "command"?`,
	}
}

test_a_short_word_by_role_one_edit_from_an_id_of_letters_is_a_misspelt_id if {
	_deny_by_role({"sql": "dbx", "upstage": "solar"}, _word_reads) == {
		`terraform_data.app: input.models.sql = "dbx" is not in the MegaLLM catalog. Did you mean "dbrx"?`,
		`terraform_data.app: input.models.upstage = "solar" is not in the MegaLLM catalog. Did you mean "sonar"?`,
	}
}

# No more edits (mini, german: two from gemini, gemma) and no id that holds
# it make a role or setting word by role a misspelt id.
test_a_role_or_setting_word_by_role_is_no_misspelt_id if {
	words := {w: w | some w in [
		"chat", "embed", "fast", "smart", "cheap", "default", "vision", "code", "large", "small", "local", "remote",
		"primary", "fallback", "openai", "azure", "none", "auto", "mini", "german",
	]}
	_deny_by_role(object.union(words, {"legacy": "gpt-3.5-turbo"}), _word_reads) == _legacy_retired
}

# A sensitive value of a map by role is checked as under a model key: one
# that is no catalog id is denied alike, near an id or not, as a deny only
# for one near an id would tell what the value is; the advice given, to
# ignore its path, leaves no deny when followed.
test_a_sensitive_value_of_a_map_by_role_is_denied_unless_it_is_an_id if {
	plan := _plan([json.patch(
		_app({"models": {"chat": "gpt-4o-mini", "old": "gpt-4o", "legacy": "gpt-3.5-turbo", "embed": "gpt-4o-mnii", "storage": "10Gi", "replicas": "2"}}),
		[{"op": "add", "path": "/sensitive_values", "value": {"input": {"models": true}}}],
	)])
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {
		`terraform_data.app: input.models.legacy = (sensitive value) was retired (its dates and successor are not shown, as the value is sensitive).`,
		`terraform_data.app: input.models.embed = (sensitive value) is not in the MegaLLM catalog. If it is no model id, add "input.models.embed" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.models.storage = (sensitive value) is not in the MegaLLM catalog. If it is no model id, add "input.models.storage" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
	warnings := megallm.warn with time.now_ns as _today with input as plan
	warnings == {`terraform_data.app: input.models.old = (sensitive value) is deprecated (its dates and successor are not shown, as the value is sensitive).`}

	ignored := megallm.deny with time.now_ns as _today with input as plan
		with data.megallm_settings as {"ignored_attribute_paths": {"terraform_data": ["input.models.embed", "input.models.storage"]}}
	ignored == {`terraform_data.app: input.models.legacy = (sensitive value) was retired (its dates and successor are not shown, as the value is sensitive).`}
}

# A value of a map by role under a plural role is a list: each of its ids is
# checked when the catalog tells it is one, as the list whole is near none.
test_a_list_of_a_map_by_role_is_checked_by_its_ids if {
	_deny({"models": {"fallbacks": "gpt-4o, gtp-4o", "chain": "gpt-4.1,x-1"}}) == {
		`terraform_data.app: input.models.fallbacks = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
	}
}

# A list that is a role's value holds ids by role, each element read as the
# role's value would be: a map by its id's key, an id when the catalog tells
# so (10Gi is a setting); known only after apply, it warns.
test_a_roles_list_names_ids_by_role if {
	_deny({"models": {
		"chat": [{"id": "gpt-4o-mini"}, {"id": "gtp-4o", "temperature": 0.2}],
		"legacy": ["gpt-4.1", "gpt-3.5-turbo", "10Gi"],
	}}) == {
		`terraform_data.app: input.models.chat[1].id = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.app: input.models.legacy[1] = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
	}
	app := _app({"models": {"chat": [{"temperature": 0.2}]}})
	unknown := json.patch(_plan([app]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(app, {"input": {"models": {"chat": [{"id": true}]}}}),
	]}])
	warnings := megallm.warn with time.now_ns as _today with input as unknown
	warnings == {"terraform_data.app: input.models.chat[0].id is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it."}
}

# A map listed under a plural key names ids by role, as a map there does: a
# terraform_data's models = [{ name = "embed", id = "..." }], where an id
# holding the role (text-embedding-3-small) makes it no misspelt id.
test_a_map_listed_under_a_plural_key_names_ids_by_role if {
	more := [_model("text-embedding-3-small", "openai", {})]
	reads := [_read("catalog", array.concat(_allowed, more)), _read("all", array.concat(_everything, more))]
	denies := megallm.deny with time.now_ns as _today with input as _plan_with(
		[_app({"models": [
			{"role": "chat", "model": "gpt-4o-mini", "storage": "10Gi"},
			{"name": "embed", "id": "text-embeding-3-small", "endpoint": "https://gateway.example.com/v1"},
		]})],
		reads,
	)
	denies == {`terraform_data.app: input.models[1].id = "text-embeding-3-small" is not in the MegaLLM catalog. Did you mean "text-embedding-3-small"?`}
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

# A helm_release's values YAML lists models as maps by role too.
test_a_helm_values_list_of_models_names_ids_by_role if {
	helm := {
		"address": "helm_release.gateway", "mode": "managed", "type": "helm_release", "name": "gateway",
		"values": {"set": [], "set_list": [], "values": [concat("\n", [
			"models:",
			"  - name: chat",
			"    id: gpt-4o-mini",
			"    storage: 10Gi",
			"  - name: fallback",
			"    id: gtp-4o",
		])]},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([helm])
	denies == {`helm_release.gateway: values[0].models[1].id = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`}
}

# A LiteLLM proxy's config.yaml in a ConfigMap: each model_list entry's
# litellm_params.model is under a model key; its model_name, the name that
# clients ask the proxy for, is none. LiteLLM's "openai/" prefix is read as
# any vendor prefix the catalog does not write: denied, with the catalog's id,
# and the setting that strips it (which, followed, checks what follows it), as
# the proxy may route it to MegaLLM.
test_a_litellm_config_is_checked_by_its_models if {
	config := {
		"address": "kubernetes_config_map.litellm", "mode": "managed", "type": "kubernetes_config_map", "name": "litellm",
		"values": {"data": {"config.yaml": concat("\n", [
			"model_list:",
			"  - model_name: chat",
			"    litellm_params:",
			"      model: gpt-4o-mini",
			"      api_base: https://gateway.example.com/v1",
			"  - model_name: gpt-4o",
			"    litellm_params:",
			"      model: gtp-4o",
			"  - model_name: legacy",
			"    litellm_params:",
			"      model: openai/gpt-4.1",
		])}},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([config])
	denies == {
		`kubernetes_config_map.litellm: data["config.yaml"].model_list[1].litellm_params.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`kubernetes_config_map.litellm: data["config.yaml"].model_list[2].litellm_params.model = "openai/gpt-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1" or "gpt-4.1-mini"? If a proxy routes it to MegaLLM without "openai/", as LiteLLM does, add "openai/" to megallm_settings.routing_prefixes["kubernetes_config_map"].`,
	}
	followed := megallm.deny with time.now_ns as _today with input as _plan([config]) with data.megallm_settings as _routing_openai
	followed == {`kubernetes_config_map.litellm: data["config.yaml"].model_list[1].litellm_params.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`}
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

# A routing prefix of its type, such as LiteLLM's "openai/", is stripped
# before the check: what follows is checked as MegaLLM sees it, and the
# messages show the value as written, and what to write under the prefix.
test_routing_prefixes_check_an_id_by_what_follows if {
	plan := _plan([_litellm(["openai/gpt-4.1", "gpt-4o-mini", "openai/gtp-4.1", "openai/gpt-3.5-turbo", "openai/gpt-4o", "openai/", "azure/gpt-4.1"])])
	denies := megallm.deny with time.now_ns as _today with input as plan with data.megallm_settings as _routing_openai
	denies == {
		`kubernetes_config_map.litellm: data["config.yaml"].model_list[2].litellm_params.model = "openai/gtp-4.1" is not in the MegaLLM catalog. Did you mean "openai/gpt-4.1"?`,
		`kubernetes_config_map.litellm: data["config.yaml"].model_list[3].litellm_params.model = "openai/gpt-3.5-turbo" was retired on 2025-06-30: use its successor "openai/gpt-4o-mini".`,
		`kubernetes_config_map.litellm: data["config.yaml"].model_list[5].litellm_params.model = "openai/" is not in the MegaLLM catalog. If it is no model id, add "data.*.model_list.5.litellm_params.model" to megallm_settings.ignored_attribute_paths["kubernetes_config_map"].`,
		`kubernetes_config_map.litellm: data["config.yaml"].model_list[6].litellm_params.model = "azure/gpt-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1" or "gpt-4.1-mini"?`,
	}
	warnings := megallm.warn with time.now_ns as _today with input as plan with data.megallm_settings as _routing_openai
	warnings == {`kubernetes_config_map.litellm: data["config.yaml"].model_list[4].litellm_params.model = "openai/gpt-4o" is deprecated since 2026-06-01 and retires on 2027-03-31, in 118 days: use its successor "openai/gpt-4.1".`}
}

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

# A routing prefix that strips nothing, or the wrong part, fails closed, as
# does one of another shape; a misspelt type, as of any per-type setting.
test_routing_prefixes_of_another_shape_fail_closed if {
	plan := _plan([_litellm(["openai/gpt-4.1"])])
	denies := megallm.deny with time.now_ns as _today with input as plan with data.megallm_settings as {"routing_prefixes": {
		"kubernetes_config_map": ["openai/", "openai", " openai/", "", "/"],
		"helm_release": "openai/",
	}}
	denies == {
		`megallm_settings.routing_prefixes["kubernetes_config_map"] has "openai", which is no routing prefix: write the prefix as the proxy's configuration does, up to and with its "/", such as "openai/".`,
		`megallm_settings.routing_prefixes["kubernetes_config_map"] has " openai/", which is no routing prefix: write the prefix as the proxy's configuration does, up to and with its "/", such as "openai/".`,
		`megallm_settings.routing_prefixes["kubernetes_config_map"] has "", which is no routing prefix: write the prefix as the proxy's configuration does, up to and with its "/", such as "openai/".`,
		`megallm_settings.routing_prefixes["kubernetes_config_map"] has "/", which is no routing prefix: write the prefix as the proxy's configuration does, up to and with its "/", such as "openai/".`,
		`megallm_settings.routing_prefixes["helm_release"] is "openai/": set a list of routing prefixes such as ["openai/"].`,
	}
	not_an_object := megallm.deny with time.now_ns as _today with input as plan with data.megallm_settings as {"routing_prefixes": ["openai/"]}
	`megallm_settings.routing_prefixes is ["openai/"]: set an object from resource type to a list of routing prefixes.` in not_an_object
	misspelt := megallm.deny with time.now_ns as _today with input as plan with data.megallm_settings as {"routing_prefixes": {"kubernetes_config_maps": ["openai/"]}}
	`megallm_settings.routing_prefixes["kubernetes_config_maps"] applies to no resource of this plan, which has resources of a type near it that the setting does not name. Did you mean "kubernetes_config_map"? Write the type as the plan does (types are exact), or name both if both are meant.` in misspelt
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

# A Helm value name or a ConfigMap key is a path of its own, with dots: its
# last part, past a list index, is matched too, and a set_list's value is a
# list of the values of its name.
test_dotted_names_are_matched_by_their_last_part if {
	helm := {
		"address": "helm_release.chat", "mode": "managed", "type": "helm_release", "name": "chat",
		"values": {
			"values": [],
			"set": [
				{"name": "llm.model", "type": null, "value": "gtp-4o"},
				{"name": "llm.fallback_models[1]", "type": null, "value": "x-1"},
				{"name": "image.tag", "type": null, "value": "x-2"},
				{"name": "llm.modelPath", "type": null, "value": "x-3"},
			],
			"set_list": [{"name": "router.models", "value": ["gpt-4.1", "x-4"]}],
		},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([helm, _app({"data": {"app.llm.model": "x-5", "app.model.dir": "x-6"}})])
	denies == {
		`helm_release.chat: set[0].value = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`helm_release.chat: set[1].value = "x-1" is not in the MegaLLM catalog. If it is no model id, add "set.1.value" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: set_list[0].value[1] = "x-4" is not in the MegaLLM catalog. If it is no model id, add "set_list.0.value.1" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`terraform_data.app: input.data["app.llm.model"] = "x-5" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
	}
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

# An element of a list with white space inside is a mistyped id, not words;
# a relative path is no id when it starts with "." (a slash alone is a
# vendor prefix's).
test_plural_keys_elements if {
	denies := _deny({
		"FALLBACK_MODELS": "gpt-4o-mini, gtp 4o", "list_models": ["gpt-4o-mini", "gtp 4o"], "json_models": `["gpt-4.1", "x 1"]`,
		"supported_models": "Chat and embeddings,", "OLLAMA_MODELS": "./models", "LOCAL_MODELS": "models/llama",
	})
	denies == {
		`terraform_data.app: input.FALLBACK_MODELS = "gtp 4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.app: input.list_models[1] = "gtp 4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.app: input.json_models = "x 1" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`terraform_data.app: input.LOCAL_MODELS = "models/llama" is not in the MegaLLM catalog. If it is no model id, add "input.LOCAL_MODELS" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

# JSON text of an object under a plural key holds an id in each of its
# strings, whatever its key, each checked as a list's element is (a path or
# words are none): a setting there (region) is denied, not passed as a map
# by role would pass an id near no catalog id. Its maps and lists are read
# as a role's map is. Text under a key of no model names its ids by their
# own keys, so that a setting beside them passes (ROUTER_CONFIG).
test_a_json_object_under_a_plural_key_holds_an_id_in_each_string if {
	_deny({
		"ROUTER_MODELS": json.marshal({
			"primary": "gtp-4o", "fallback": "gpt-4o-mini", "region": "eu-west-1", "dir": "/models", "note": "Chat and embeddings",
			"limits": {"rpm": "x-2"}, "embed": {"id": "gpt-4o-minii"}, "more": [{"model": "xy-9"}],
		}),
		"ROUTER_CONFIG": json.marshal({"primary_model": "gtp-4.1", "region": "eu-west-1"}),
	}) == {
		`terraform_data.app: input.ROUTER_MODELS = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.app: input.ROUTER_MODELS = "eu-west-1" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`terraform_data.app: input.ROUTER_CONFIG.primary_model = "gtp-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1"?`,
		`terraform_data.app: input.ROUTER_MODELS.embed.id = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.ROUTER_MODELS.more[0].model = "xy-9" is not in the MegaLLM catalog. If it is no model id, add "input.ROUTER_MODELS.more.0.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
}

# JSON text of a list under a key of one id (FALLBACK_MODEL =
# jsonencode([...])) lists ids, each checked, as it is no one id; so does
# other text of a list each element of which has an id's shape, with or
# without spaces: ignored whole, as the advice for one text would have it,
# it would silence each id. Words with commas are checked whole, and the
# path of a string that holds other ids is no path to ignore.
test_a_json_list_under_a_key_of_one_id_lists_ids if {
	denies := _deny({
		"FALLBACK_MODEL": `["gpt-4.1", "gpt-4o-minii"]`, "PRIMARY_MODEL": "gpt-4o-minii", "CHAT_MODEL": "gpt-4.1,gpt-4o",
		"SECOND_MODEL": "gpt-4o-mini, gtp-4.1", "THIRD_MODEL": "gpt-4o-mini,xy-1", "NOTE_MODEL": "fast, cheap",
	})
	denies == {
		`terraform_data.app: input.FALLBACK_MODEL = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.PRIMARY_MODEL = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.SECOND_MODEL = "gtp-4.1" is not in the MegaLLM catalog. Did you mean "gpt-4.1"?`,
		`terraform_data.app: input.THIRD_MODEL = "xy-1" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`terraform_data.app: input.NOTE_MODEL = "fast, cheap" is not in the MegaLLM catalog. If it is no model id, add "input.NOTE_MODEL" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
	_warn({"CHAT_MODEL": "gpt-4.1,gpt-4o"}) == {
		`terraform_data.app: input.CHAT_MODEL = "gpt-4o" is deprecated since 2026-06-01 and retires on 2027-03-31, in 118 days: use its successor "gpt-4.1".`,
	}
}

# A map under a key of one id names its model by an id's key, the first it
# has of model_id or model, id, name (in any letter case), as a block or an
# object writes it (model = { name = "gpt-4o", format = "OpenAI" }): that
# value is checked, and warns when known only after apply; the map's other
# values are settings of its own (format, provider, a name beside an id,
# which is a label or display name), looked at under their own keys. A map
# under a plural key names ids by role instead.
test_a_map_under_a_key_of_one_id_names_its_id_by_an_ids_key if {
	_deny({
		"model": {"name": "gpt-4o-minii", "temperature": 0, "provider": "openai"},
		"chat_model": [{"ID": "xy-9", "format": "OpenAI"}],
		"embed_model": {"modelId": "gpt-4.1", "region": "eu-west-1", "fallback_model": "gtp-4o"},
		"models": {"name": "chat"},
		"fast_model": {"id": "gpt-4o-mini", "name": "GPT-4o mini"},
		"router_model": {"name": "primary", "model": "gpt-4.1", "id": "deployment-7"},
	}) == {
		`terraform_data.app: input.model.name = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.chat_model[0].ID = "xy-9" is not in the MegaLLM catalog. If it is no model id, add "input.chat_model.0.ID" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.embed_model.fallback_model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
	}
	app := _app({"model": {}})
	plan := json.patch(_plan([app]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(app, {"input": {"model": {"name": true, "format": true}}}),
	]}])
	warnings := megallm.warn with time.now_ns as _today with input as plan
	warnings == {"terraform_data.app: input.model.name is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it."}
}

# A map under a key of one id that sets no id's key names ids by role, as a
# map under a plural key does (model = { primary = "gpt-4.1", fallback =
# "gtp-4o" }), and so does JSON text of one: read by none of its keys, its
# ids went unchecked, a silent pass. A value there that is no id (a region,
# a format) is a setting of its own; beside an id's key, the map's other
# values are settings, as before.
test_a_map_under_a_key_of_one_id_without_an_ids_key_names_ids_by_role if {
	_deny({
		"model": {"primary": "gpt-4.1", "fallback": "gtp-4o", "region": "eu-west-1"},
		"chat_model": json.marshal({"chat": "gpt-3.5-turbo", "format": "OpenAI"}),
		"embed_model": {"name": "gpt-4o-mini", "fallback": "gtp-4o"},
	}) == {
		`terraform_data.app: input.model.fallback = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`terraform_data.app: input.chat_model.chat = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
	}
}

# A map under a key of one id is read by the first id's key it sets,
# whether its value is known or known only after apply: a name beside a
# known id is a label, so its unknown value does not warn; a known name
# beside an id known only after apply is not checked, as the id warns; and
# a null id is unset, so the name beside it is the id and checked.
test_a_map_of_one_id_is_read_by_its_first_key_known_or_not if {
	app := _app({"model": {"id": "gpt-4o-mini"}, "chat_model": {"name": "GPT-4o"}, "fast_model": {"id": null, "name": "gpt-4o-minii"}})
	plan := json.patch(_plan([app]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(app, {"input": {"model": {"name": true}, "chat_model": {"id": true}}}),
	]}])
	warnings := megallm.warn with time.now_ns as _today with input as plan
	warnings == {"terraform_data.app: input.chat_model.id is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it."}
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {`terraform_data.app: input.fast_model.name = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
}

# JSON text of an object under a key of one id (model = jsonencode({...}))
# is read as that map is: by its id's key, its other values under their own
# keys (provider is no id; fallback_model is one). Read whole, as one id, it
# was denied with advice to ignore its path, which would silence the name.
test_a_json_object_under_a_key_of_one_id_names_ids if {
	_deny({
		"model": json.marshal({"name": "gpt-4o-minii", "temperature": 0.2}),
		"chat_model": json.marshal({"name": "gpt-4o-mini", "provider": "openai", "fallback_model": "xy-9"}),
		"FAST_MODEL": json.marshal({"id": "gtp-4o", "name": "GPT-4o"}),
	}) == {
		`terraform_data.app: input.model.name = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`terraform_data.app: input.chat_model.fallback_model = "xy-9" is not in the MegaLLM catalog. If it is no model id, add "input.chat_model.fallback_model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.FAST_MODEL.id = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
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

# A value of a map by role known only after apply may be an id, as the whole
# map would be: it warns, and so does the id's key of a map that is a role's
# value, and a value of a map under a key of one id that sets no id's key;
# one under a key of no model, or a map's other key beside an id's, does not.
test_a_value_of_a_map_by_role_known_only_after_apply_warns if {
	app := _app({"models": {"storage": "10Gi"}, "model": {"name": "gpt-4o-mini"}, "settings": {}, "fallback_models": {"chat": {}}, "chat_model": {}})
	plan := json.patch(_plan([app]), [{"op": "add", "path": "/resource_changes", "value": [_unknown_change(app, {"input": {
		"models": {"embed": true}, "model": {"format": true}, "settings": {"chat": true},
		"fallback_models": {"chat": {"name": true, "region": true}}, "LLM_MODELS": true, "chat_model": {"primary": true},
	}})]}])
	warnings := megallm.warn with time.now_ns as _today with input as plan
	warnings == {sprintf("%s is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it.", [w]) | some w in [
		"terraform_data.app: input.models.embed",
		"terraform_data.app: input.fallback_models.chat.name",
		"terraform_data.app: input.LLM_MODELS",
		"terraform_data.app: input.chat_model.primary",
	]}
	count(megallm.deny) == 0 with time.now_ns as _today with input as plan
}

_unknown_change(r, after_unknown) := {
	"address": r.address, "mode": "managed", "type": r.type,
	"change": {"actions": ["create"], "after_unknown": after_unknown},
}

test_attribute_paths_per_type if {
	agent := {
		"address": "aws_lambda_function.a", "mode": "managed", "type": "aws_lambda_function", "name": "a",
		"values": {"environment": [{"variables": {"LLM": "gpt-4o-mni"}}], "description": "gpt-4o-mni"},
	}
	deployment := {
		"address": "azurerm_cognitive_deployment.d", "mode": "managed", "type": "azurerm_cognitive_deployment", "name": "d",
		"values": {"model": [{"format": "OpenAI", "name": "gpt-3.5-turbo", "version": "0613"}]},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([agent, deployment]) with data.megallm_settings as {"attribute_paths": {"aws_lambda_function": ["environment.*.variables.LLM"]}}
	denies == {
		`aws_lambda_function.a: environment[0].variables.LLM = "gpt-4o-mni" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`azurerm_cognitive_deployment.d: model[0].name = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
	}
	narrowed := megallm.deny with time.now_ns as _today with input as _plan([deployment]) with data.megallm_settings as {"attribute_paths": {"azurerm_cognitive_deployment": []}, "key_patterns": ["*_llm"]}
	count(narrowed) == 0

	# the name of a map under the key model is an id all the same: ignoring it stops that
	by_key := megallm.deny with time.now_ns as _today with input as _plan([deployment]) with data.megallm_settings as {"attribute_paths": {"azurerm_cognitive_deployment": []}}
	by_key == {`azurerm_cognitive_deployment.d: model[0].name = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`}
	ignored := megallm.deny with time.now_ns as _today with input as _plan([deployment]) with data.megallm_settings as {"attribute_paths": {"azurerm_cognitive_deployment": []}, "ignored_attribute_paths": {"azurerm_cognitive_deployment": ["model.*.name"]}}
	count(ignored) == 0
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

# Model ids of another provider's catalog, which a resource calls that
# provider with (Bedrock's, a Databricks external model's), are ignored by
# default, and checked when attribute_paths names them (a catalog of
# MegaLLM's that lists them, an external model that MegaLLM serves).
test_other_providers_model_ids_are_not_megallm_ids_by_default if {
	plan := _plan([_bedrock_agent, _bedrock_prompt, _databricks_serving, _app({"model": "gpt-4o-mini"})])
	count(megallm.deny) == 0 with time.now_ns as _today with input as plan
	count(megallm.warn) == 0 with time.now_ns as _today with input as plan
}

test_other_providers_model_ids_are_checked_when_named if {
	denies := megallm.deny with time.now_ns as _today with input as _plan([_bedrock_agent, _bedrock_prompt, _databricks_serving]) with data.megallm_settings as {"attribute_paths": {
		"aws_bedrockagent_agent": ["foundation_model"], "aws_bedrockagent_prompt": ["variant.*.model_id"],
		"databricks_model_serving": ["config.*.served_entities.*.external_model.*.name"],
	}}
	denies == {
		`databricks_model_serving.s: config[0].served_entities[0].external_model[0].name = "claude-3-5-sonnet-20240620" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`aws_bedrockagent_agent.a: foundation_model = "anthropic.claude-3-5-sonnet-20240620-v1:0" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`aws_bedrockagent_prompt.p: variant[0].model_id = "arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-ex"… (72 characters) is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
	}
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

test_a_misspelt_setting_fails_closed if {
	denies := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {"key_pattern": ["llm"]}
	denies == {
		`megallm_settings has no setting "key_pattern", so it would change nothing. Did you mean "key_patterns"? Its settings are "attribute_paths", "ignored_attribute_paths", "json_attributes", "key_patterns", "retirement_notice_days", "routing_prefixes".`,
	}
	near := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {"atribute_paths": {}, "Notice_Days": 30, "llm_keys": []}
	near == {
		`megallm_settings has no setting "atribute_paths", so it would change nothing. Did you mean "attribute_paths"? Its settings are "attribute_paths", "ignored_attribute_paths", "json_attributes", "key_patterns", "retirement_notice_days", "routing_prefixes".`,
		`megallm_settings has no setting "Notice_Days", so it would change nothing. Did you mean "retirement_notice_days"? Its settings are "attribute_paths", "ignored_attribute_paths", "json_attributes", "key_patterns", "retirement_notice_days", "routing_prefixes".`,
		`megallm_settings has no setting "llm_keys", so it would change nothing. Its settings are "attribute_paths", "ignored_attribute_paths", "json_attributes", "key_patterns", "retirement_notice_days", "routing_prefixes".`,
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

# A per-type setting keyed by what is no resource type, or by a type the
# plan lacks but has one near, would check nothing of the plan's resources.
test_a_misspelt_resource_type_of_a_setting_fails_closed if {
	paths := ["environment.*.variables.LLM"]
	denies := megallm.deny with time.now_ns as _today with input as _plan([_lambda]) with data.megallm_settings as {
		"attribute_paths": {"aws_lamda_function": paths, "AWS_Lambda_Function": paths, "module.m.aws_lambda_function.a[0]": paths, "llm env": paths, " aws_lambda_function": paths},
		"json_attributes": {"aws_lambda_function.a": []},
	}
	denies == {
		`megallm_settings.attribute_paths["aws_lamda_function"] applies to no resource of this plan, which has resources of a type near it that the setting does not name. Did you mean "aws_lambda_function"? Write the type as the plan does (types are exact), or name both if both are meant.`,
		`megallm_settings.attribute_paths["AWS_Lambda_Function"] applies to no resource of this plan, which has resources of a type near it that the setting does not name. Did you mean "aws_lambda_function"? Write the type as the plan does (types are exact), or name both if both are meant.`,
		`megallm_settings.attribute_paths["module.m.aws_lambda_function.a[0]"] names no resource type, so it applies to no resource: name the type alone, as "aws_lambda_function" (a setting applies to every resource of its type).`,
		`megallm_settings.attribute_paths["llm env"] names no resource type, so it applies to no resource: name a resource type, such as "aws_lambda_function".`,
		`megallm_settings.attribute_paths[" aws_lambda_function"] has white space around it, which no resource type has, so it applies to no resource: write it as "aws_lambda_function".`,
		`megallm_settings.json_attributes["aws_lambda_function.a"] names no resource type, so it applies to no resource: name the type alone, as "aws_lambda_function" (a setting applies to every resource of its type).`,
	}

	# followed, the advice checks the id; a type no resource of the plan has
	# nor is near (settings shared by workspaces), or named beside the plan's, passes
	followed := megallm.deny with time.now_ns as _today with input as _plan([_lambda]) with data.megallm_settings as {"attribute_paths": {
		"aws_lambda_function": paths, "aws_lamda_function": paths, "google_cloudfunctions2_function": ["service_config.environment_variables.LLM"],
	}}
	followed == {`aws_lambda_function.a: environment[0].variables.LLM = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
}

# Helm values and JSON text name keys in camelCase or kebab-case: a key is
# matched in snake_case too (defaultModel as default_model), word by word,
# so that modelFormat and remodel are still no model keys.
test_key_patterns_match_camel_and_kebab_case_keys if {
	denies := _deny({
		"defaultModel": "x-1",
		"modelId": "x-2",
		"chat-model": "x-3",
		"llm": {"fallbackModels": ["gpt-4o-mini", "x-4"]},
		"set": [{"name": "llm.embedModel", "value": "x-5"}],
		"LLMModel": "x-6",
		"modelFormat": "x-7",
		"remodel": "x-8",
	})
	denies == {
		`terraform_data.app: input.defaultModel = "x-1" is not in the MegaLLM catalog. If it is no model id, add "input.defaultModel" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.modelId = "x-2" is not in the MegaLLM catalog. If it is no model id, add "input.modelId" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.chat-model = "x-3" is not in the MegaLLM catalog. If it is no model id, add "input.chat-model" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.llm.fallbackModels[1] = "x-4" is not in the MegaLLM catalog. If it is no model id, add "input.llm.fallbackModels.1" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.set[0].value = "x-5" is not in the MegaLLM catalog. If it is no model id, add "input.set.0.value" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
		`terraform_data.app: input.LLMModel = "x-6" is not in the MegaLLM catalog. If it is no model id, add "input.LLMModel" to megallm_settings.ignored_attribute_paths["terraform_data"].`,
	}
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

test_ignored_attribute_paths if {
	denies := megallm.deny with time.now_ns as _today with input as _plan([_reports])
	denies == {`aws_db_instance.reports: tags.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "tags.model" to megallm_settings.ignored_attribute_paths["aws_db_instance"], with its default paths (settings.rego's default_settings), which a list set for the type replaces.`}
	watched := megallm.deny with time.now_ns as _today with input as _plan([_reports]) with data.megallm_settings as {"ignored_attribute_paths": {"aws_db_instance": []}}
	count(watched) == 2
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

# A value found by key_patterns alone may be no model id at all (a Helm
# chart's gpu.model): the deny says how to ignore its path, as
# ignored_attribute_paths writes it, a ConfigMap's file name as "*".
test_an_id_found_by_key_patterns_alone_says_how_to_ignore_its_path if {
	denies := megallm.deny with time.now_ns as _today with input as _gpu_plan with data.megallm_settings as _gpu_settings
	denies == _gpu_denies
}

# followed, the advice removes that deny and keeps every other
test_the_advice_to_ignore_a_path_removes_that_deny_alone if {
	helm_followed := megallm.deny with time.now_ns as _today with input as _gpu_plan with data.megallm_settings as object.union(_gpu_settings, {"ignored_attribute_paths": {"helm_release": ["values.0.gpu.model"]}})
	helm_followed == _gpu_denies - {`helm_release.gpu: values[0].gpu.model = "a100" is not in the MegaLLM catalog. If it is no model id, add "values.0.gpu.model" to megallm_settings.ignored_attribute_paths["helm_release"].`}
}

# so does the advice with "*" for a file name
test_the_advice_to_ignore_a_path_with_a_star_removes_that_deny_alone if {
	map_followed := megallm.deny with time.now_ns as _today with input as _gpu_plan with data.megallm_settings as object.union(_gpu_settings, {"ignored_attribute_paths": {"kubernetes_config_map": ["data.*.gpu.model"]}})
	map_followed == _gpu_denies - {`kubernetes_config_map.app: data["gpu.yaml"].gpu.model = "a100" is not in the MegaLLM catalog. If it is no model id, add "data.*.gpu.model" to megallm_settings.ignored_attribute_paths["kubernetes_config_map"].`}
}

# "*" for a file name is not offered where it would reach another value
# found: ignoring it would leave that one unchecked too
test_no_advice_to_ignore_a_path_that_reaches_another_value if {
	two_files := json.patch(_gpu_config_map, [{"op": "add", "path": "/values/data/chat.yaml", "value": "gpu:\n  model: x-5\n"}])
	shared := megallm.deny with time.now_ns as _today with input as _plan([two_files]) with data.megallm_settings as _gpu_settings
	`kubernetes_config_map.app: data["gpu.yaml"].gpu.model = "a100" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.` in shared
	`kubernetes_config_map.app: data["chat.yaml"].gpu.model = "x-5" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.` in shared
}

# An id named through attribute_paths is checked on purpose, and one with an
# id near it is most likely a typo: neither is offered to be ignored.
test_an_id_named_or_near_another_is_not_offered_to_be_ignored if {
	named := megallm.deny with time.now_ns as _today with input as _plan([_app({"llm": "x-1", "model": "x-2"})]) with data.megallm_settings as {"attribute_paths": {"terraform_data": ["input.llm", "input.model"]}}
	named == {
		`terraform_data.app: input.llm = "x-1" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
		`terraform_data.app: input.model = "x-2" is not in the MegaLLM catalog. Ids are case-sensitive. List the available ids with the megallm_models data source.`,
	}
	_deny({"model": "gpt4o-mini"}) == {`terraform_data.app: input.model = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
}

# A type that ignores paths by default loses them to a list of its own, so
# the advice says to keep them (test_ignored_attribute_paths); followed so,
# it removes that deny alone.
test_the_advice_to_ignore_a_path_keeps_a_types_defaults if {
	plan := _plan([_reports, _app({"model": "x-2"})])
	app := `terraform_data.app: input.model = "x-2" is not in the MegaLLM catalog. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`
	followed := megallm.deny with time.now_ns as _today with input as plan with data.megallm_settings as {"ignored_attribute_paths": {"aws_db_instance": ["license_model", "tags.model"]}}
	followed == {app}
	own := megallm.deny with time.now_ns as _today with input as plan with data.megallm_settings as {"ignored_attribute_paths": {"aws_db_instance": []}}
	own == {
		`aws_db_instance.reports: license_model = "license-included" is not in the MegaLLM catalog. If it is no model id, add "license_model" to megallm_settings.ignored_attribute_paths["aws_db_instance"].`,
		`aws_db_instance.reports: tags.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "tags.model" to megallm_settings.ignored_attribute_paths["aws_db_instance"].`,
		app,
	}
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

test_paths_written_as_messages_print_them_fail_closed if {
	denies := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {
		"attribute_paths": {"terraform_data": [`input["MODEL_NAME"]`]},
		"json_attributes": {"terraform_data": ["input.config"]},
	}
	denies == {
		`megallm_settings.attribute_paths["terraform_data"] has "input[\"MODEL_NAME\"]", which is no path of steps joined by ".": write it as "input.MODEL_NAME".`,
		`megallm_settings.json_attributes["terraform_data"] has "input.config", but only an attribute of the resource itself is read as JSON: name it alone, such as "container_definitions".`,
	}
	one_each := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {
		"ignored_attribute_paths": {"terraform_data": [`input["x.model"]`]},
		"json_attributes": {"terraform_data": ["input[0]"]},
	}
	one_each == {
		`megallm_settings.ignored_attribute_paths["terraform_data"] has "input[\"x.model\"]", which is no path of steps joined by ".": a map key with a dot in it cannot be ignored by path: narrow key_patterns instead.`,
		`megallm_settings.json_attributes["terraform_data"] has "input[0]", but only an attribute of the resource itself is read as JSON: name it alone, such as "container_definitions".`,
	}
	rewritten := _deny({"model": "gpt-4o-mini"}) with data.megallm_settings as {"attribute_paths": {"terraform_data": [
		`input.steps[0]["MODEL_NAME"]`, `input[*].MODEL_NAME`, `input[MODEL_NAME]`, `input.steps[0]x`, `input.["MODEL_NAME"]`,
	]}}
	rewritten == {
		`megallm_settings.attribute_paths["terraform_data"] has "input.steps[0][\"MODEL_NAME\"]", which is no path of steps joined by ".": write it as "input.steps.0.MODEL_NAME".`,
		`megallm_settings.attribute_paths["terraform_data"] has "input[*].MODEL_NAME", which is no path of steps joined by ".": write it as "input.*.MODEL_NAME".`,
		`megallm_settings.attribute_paths["terraform_data"] has "input[MODEL_NAME]", which is no path of steps joined by ".": write each step after a ".", a list index as a number, such as "model.0.name" or "model.*.name".`,
		`megallm_settings.attribute_paths["terraform_data"] has "input.steps[0]x", which is no path of steps joined by ".": write each step after a ".", a list index as a number, such as "model.0.name" or "model.*.name".`,
		`megallm_settings.attribute_paths["terraform_data"] has "input.[\"MODEL_NAME\"]", which is no path of steps joined by ".": write each step after a ".", a list index as a number, such as "model.0.name" or "model.*.name".`,
	}

	# the path the deny advises checks the id that the bracketed one meant
	followed := _deny({"MODEL_NAME": "gpt4o-mini"}) with data.megallm_settings as {"attribute_paths": {"terraform_data": ["input.MODEL_NAME"]}}
	followed == {`terraform_data.app: input.MODEL_NAME = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
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

# Each path that the deny of a path with an empty step advises checks an id:
# without the empty step, or with any step there.
test_the_paths_advised_for_an_empty_step_check_an_id if {
	followed := _deny({"MODEL_NAME": "gpt4o-mini"}) with data.megallm_settings as {"attribute_paths": {"terraform_data": ["input.MODEL_NAME"]}}
	followed == {`terraform_data.app: input.MODEL_NAME = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
	starred := _deny({"chat": {"MODEL_NAME": "gpt4o-mini"}}) with data.megallm_settings as {"attribute_paths": {"terraform_data": ["input.*.MODEL_NAME"]}}
	starred == {`terraform_data.app: input.chat.MODEL_NAME = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
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

test_addresses_and_catalog_strings_are_cut if {
	address := sprintf(`module.m["%s"].terraform_data.app`, [_repeat("k", 300)])
	app := json.patch(_app({"model": "x-1"}), [{"op": "replace", "path": "/address", "value": address}])
	denies := megallm.deny with time.now_ns as _today with input as _plan([app])
	denies == {sprintf(`%s… (331 characters): input.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`, [substring(address, 0, 256)])}

	nested := `module.platform.module.chat["eu-west-1"].aws_ecs_task_definition.service`
	whole := json.patch(_app({"model": "x-1"}), [{"op": "replace", "path": "/address", "value": nested}])
	whole_denies := megallm.deny with time.now_ns as _today with input as _plan([whole])
	whole_denies == {sprintf(`%s: input.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`, [nested])}

	read := json.patch(_read("catalog", _allowed), [
		{"op": "replace", "path": "/address", "value": sprintf("data.megallm_models.%s", [_repeat("c", 300)])},
		{"op": "replace", "path": "/values/type", "value": "chat"},
	])
	some no_catalog in megallm.deny with time.now_ns as _today with input as _plan_with([_app({"model": "gpt-4o-mini"})], [read])
	endswith(no_catalog, sprintf("Not the catalog: data.megallm_models.%s… (320 characters) filters by type.", [_repeat("c", 236)]))

	when := sprintf("2027-06-30 %s", [_repeat("z", 200)])
	retiring := [_model("a-1", "x", {"status": "active", "retires_at": when, "days_to_retirement": 10})]
	late := megallm.warn with time.now_ns as _today with input as _plan_with([_app({"model": "a-1"})], [_read("catalog", retiring)])
	late == {sprintf(`terraform_data.app: input.model = "a-1" retires on %s… (211 characters), in 10 days, within the 90-day notice window (no successor is named).`, [substring(when, 0, 64)])}
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

# YAML text is read where JSON text is, a helm_release's values by default:
# each document of it, aliases resolved. Prose is valid YAML too, a scalar,
# so a text is read only when it holds a map or a list, and every document
# of it is valid: else it is denied, as no id in it could be checked.
test_yaml_documents if {
	denies := megallm.deny with time.now_ns as _today with input as _plan([_yaml_helm])
	denies == {
		`helm_release.chat: values[0].llm.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`helm_release.chat: values[1].router.fallback_models[1] = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`helm_release.chat: values[1][0].model = "x-2" is not in the MegaLLM catalog. If it is no model id, add "values.1.0.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[2].defaults.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "values.2.defaults.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[2].chat.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "values.2.chat.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[2].embed.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "values.2.embed.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[3][0].environment[0].value = "gpt-4o-mni" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
	}
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

# a map's values are read as well when they are documents, such as a
# ConfigMap's files; its other values are left to key_patterns
test_yaml_documents_in_a_map if {
	config_map := {
		"address": "kubernetes_config_map.app", "mode": "managed", "type": "kubernetes_config_map", "name": "app",
		"values": {"binary_data": null, "data": {
			"application.yaml": "spring:\n  ai:\n    openai:\n      chat:\n        options:\n          model: gtp-4o\n",
			"LOG_LEVEL": "info", "NOTES": "llm: [not yaml", "OPENAI_MODEL": "x-3",
		}},
	}
	plan := json.patch(_plan([config_map]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(config_map, {"data": {"router.yaml": true}}),
	]}])
	settings := {"json_attributes": {"kubernetes_config_map": ["data"]}}
	from_map := megallm.deny with time.now_ns as _today with input as plan with data.megallm_settings as settings
	from_map == {
		`kubernetes_config_map.app: data["application.yaml"].spring.ai.openai.chat.options.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`kubernetes_config_map.app: data.OPENAI_MODEL = "x-3" is not in the MegaLLM catalog. If it is no model id, add "data.OPENAI_MODEL" to megallm_settings.ignored_attribute_paths["kubernetes_config_map"].`,
	}
	later := megallm.warn with time.now_ns as _today with input as plan with data.megallm_settings as settings
	later == {`kubernetes_config_map.app: data["router.yaml"] is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it.`}
}

# YAML text under a map key that names a YAML file (a ConfigMap's
# application.yaml) is read without a setting, as its name says what it
# holds; text that is no YAML there is left alone, as a file of a
# template may be; one known only after apply warns
test_yaml_files_are_read_by_their_name if {
	config_map := {
		"address": "kubernetes_config_map.app", "mode": "managed", "type": "kubernetes_config_map", "name": "app",
		"values": {"binary_data": null, "data": {
			"application.yaml": "spring:\n  ai:\n    openai:\n      chat:\n        options:\n          model: gtp-4o\n",
			"Router.YML": "routes:\n  - model: gpt-3.5-turbo\n---\nmodel: gpt-4o-mini\n",
			"notes.yaml": "model: [not yaml", "README": "model: gpt-4o-minii\n",
		}},
	}
	plan := json.patch(_plan([config_map]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(config_map, {"data": {"later.yaml": true, "later.txt": true}}),
	]}])
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {
		`kubernetes_config_map.app: data["application.yaml"].spring.ai.openai.chat.options.model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`kubernetes_config_map.app: data["Router.YML"].routes[0].model = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
	}
	later := megallm.warn with time.now_ns as _today with input as plan
	later == {`kubernetes_config_map.app: data["later.yaml"] is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it.`}
}

# Dotenv text under a map key that names such a file (a ConfigMap's .env or
# app.env) is read by its settings' names, quoted or not, the last of a name
# counting; one known only after apply warns.
test_env_files_are_read_by_their_name if {
	config_map := {
		"address": "kubernetes_config_map.app", "mode": "managed", "type": "kubernetes_config_map", "name": "app",
		"values": {"data": {
			".env": "# models\nexport OPENAI_MODEL=gtp-4o # chat\nLOG_LEVEL=info\r\nFALLBACK_MODEL=\"gpt-3.5-turbo\" # legacy\nCHAT_MODEL=gpt-4o-minii\nCHAT_MODEL=gpt-4o-mini\n",
			"Worker.ENV": "EMBED_MODEL='gpt-4.1-minii'",
		}},
	}
	plan := json.patch(_plan([config_map]), [{"op": "add", "path": "/resource_changes", "value": [
		_unknown_change(config_map, {"data": {"later.env": true}}),
	]}])
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {
		`kubernetes_config_map.app: data[".env"].OPENAI_MODEL = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
		`kubernetes_config_map.app: data[".env"].FALLBACK_MODEL = "gpt-3.5-turbo" was retired on 2025-06-30: use its successor "gpt-4o-mini".`,
		`kubernetes_config_map.app: data["Worker.ENV"].EMBED_MODEL = "gpt-4.1-minii" is not in the MegaLLM catalog. Did you mean "gpt-4.1-mini" or "gpt-4o-mini"?`,
	}
	later := megallm.warn with time.now_ns as _today with input as plan
	later == {`kubernetes_config_map.app: data["later.env"] is known only after apply, so it was not checked: check the plan made after this one is applied, which knows it.`}
}

# A file's text at a path a setting points at (attribute_paths data.*) is
# read as documents when it holds them, JSON text of an object anywhere or
# YAML text under a YAML file's name, as JSON text of an object under a key
# of one id is: checked whole as one id, it was denied with no id named, or
# each JSON value was taken for one (provider = "openai").
test_files_a_setting_points_at_are_read_as_documents if {
	config_map := {
		"address": "kubernetes_config_map.llm", "mode": "managed", "type": "kubernetes_config_map", "name": "llm",
		"values": {"data": {
			"app.yaml": "llm:\n  model: gpt-4o-minii\n  provider: openai\n",
			"config.json": json.marshal({"model": "gtp-4o", "provider": "openai"}), "CHAT": "gpt-4o-mini",
		}},
	}
	denies := megallm.deny with time.now_ns as _today with input as _plan([config_map]) with data.megallm_settings as {"attribute_paths": {"kubernetes_config_map": ["data.*"]}}
	denies == {
		`kubernetes_config_map.llm: data["app.yaml"].llm.model = "gpt-4o-minii" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
		`kubernetes_config_map.llm: data["config.json"].model = "gtp-4o" is not in the MegaLLM catalog. Did you mean "gpt-4o"?`,
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

# planned_values has every attribute, so an attribute path whose first step
# is none of them is a typo that would check nothing
test_an_attribute_path_whose_first_step_is_no_attribute_fails_closed if {
	denies := megallm.deny with time.now_ns as _today with input as _lambda_plan with data.megallm_settings as {"attribute_paths": {"aws_lambda_function": [
		"enviroment.variables.LLM", "environment.*.variables.LLM",
	]}}
	denies == {
		`megallm_settings.attribute_paths["aws_lambda_function"] has "enviroment.variables.LLM", but aws_lambda_function.chat has no attribute "enviroment", so it reaches no value and checks nothing. Did you mean "environment"? Name an attribute of the resource as the plan's JSON (terraform show -json) writes it.`,
		`aws_lambda_function.chat: environment[0].variables.LLM = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
	}
}

# an attribute that contains one misses it too (llm_environment)
test_an_attribute_path_whose_first_step_holds_an_attribute_fails_closed if {
	denies := megallm.deny with time.now_ns as _today with input as _lambda_plan with data.megallm_settings as {"attribute_paths": {"aws_lambda_function": ["llm_environment.LLM"]}}
	denies == {`megallm_settings.attribute_paths["aws_lambda_function"] has "llm_environment.LLM", but aws_lambda_function.chat has no attribute "llm_environment", so it reaches no value and checks nothing. Did you mean "environment"? Name an attribute of the resource as the plan's JSON (terraform show -json) writes it.`}
}

# an attribute that is unset (null, an empty block), known only after apply,
# or a map key a map lacks (no CHAT variable) is no mistake; nor is a type of
# which the plan has no resource
test_an_unset_attribute_path_is_no_mistake if {
	unset := megallm.deny with time.now_ns as _today with input as _lambda_plan with data.megallm_settings as {"attribute_paths": {
		"aws_lambda_function": ["description", "dead_letter_config.*.target_arn", "tracing_config.*.mode", "environment.*.variables.CHAT", "*.LLM"],
		"aws_ecs_service": ["enviroment.LLM"],
	}}
	unset == set()
}

# a json_attributes attribute that the resource lacks fails closed, as an
# attribute path does; one unset or known only after apply is no mistake
test_a_json_attribute_that_is_no_attribute_fails_closed if {
	task := {
		"address": "aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t",
		"values": {"container_definitions": `[{"name": "app", "environment": [{"name": "OPENAI_MODEL", "value": "gpt4o-mini"}]}]`, "family": "app", "volume": []},
	}
	json_attributes := megallm.deny with time.now_ns as _today with input as _plan([task]) with data.megallm_settings as {"json_attributes": {"aws_ecs_task_definition": ["container_definition"]}}
	json_attributes == {
		`megallm_settings.json_attributes["aws_ecs_task_definition"] has "container_definition", but aws_ecs_task_definition.t has no attribute "container_definition", so it reaches no value and checks nothing. Did you mean "container_definitions"? Name an attribute of the resource as the plan's JSON (terraform show -json) writes it.`,
		`aws_ecs_task_definition.t: container_definitions[0].environment[0].value = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`, # JSON text is read anywhere
	}
	followed := megallm.deny with time.now_ns as _today with input as _plan([task]) with data.megallm_settings as {"json_attributes": {"aws_ecs_task_definition": ["container_definitions"]}}
	followed == {`aws_ecs_task_definition.t: container_definitions[0].environment[0].value = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
	unset_json := megallm.deny with time.now_ns as _today with input as _lambda_plan with data.megallm_settings as {"json_attributes": {"aws_lambda_function": ["description", "source_code_hash"]}}
	unset_json == set()
}

# a name where the plan has a list (a block) reaches no value: the deny says
# the path with an index there, and the "did you mean" of a misspelt first
# step, followed, leads to it
test_an_attribute_path_naming_a_step_of_a_list_fails_closed if {
	denies := megallm.deny with time.now_ns as _today with input as _lambda_plan with data.megallm_settings as {"attribute_paths": {"aws_lambda_function": [
		"environment.variables.LLM", "dead_letter_config.target_arn", "environment.0.variables.LLM",
	]}}
	denies == {
		`megallm_settings.attribute_paths["aws_lambda_function"] has "environment.variables.LLM", which reaches no value: "environment" is a list, whose elements a step reaches by index, not by name. Write the index as a number, or "*" for any, as "environment.*.variables.LLM".`,
		`megallm_settings.attribute_paths["aws_lambda_function"] has "dead_letter_config.target_arn", which reaches no value: "dead_letter_config" is a list, whose elements a step reaches by index, not by name. Write the index as a number, or "*" for any, as "dead_letter_config.*.target_arn".`,
		`aws_lambda_function.chat: environment[0].variables.LLM = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`,
	}
}

# followed, the advice checks the id; a "*" for a name may stand for a
# value this plan lacks (a map key), so a list it meets is no mistake
test_an_attribute_path_with_an_index_for_a_list_is_followed if {
	followed := megallm.deny with time.now_ns as _today with input as _lambda_plan with data.megallm_settings as {"attribute_paths": {"aws_lambda_function": [
		"environment.*.variables.LLM", "dead_letter_config.*.target_arn", "*.LLM",
	]}}
	followed == {`aws_lambda_function.chat: environment[0].variables.LLM = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
}

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
# that conftest's default namespace prints them and a user's own deny can join it.
test_conftest_default_namespace_repeats_the_messages if {
	plan := _plan([_app({"model": "gpt-3.5-turbo", "chat_model": "gpt-4o", "fallback_model": "gpt4o-mini"})])
	denies := megallm.deny with time.now_ns as _today with input as plan
	count(denies) == 2
	data.main.deny_megallm == denies with time.now_ns as _today with input as plan
	warnings := megallm.warn with time.now_ns as _today with input as plan
	count(warnings) == 1
	data.main.warn_megallm == warnings with time.now_ns as _today with input as plan
	not data.main.deny
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

# YAML as charts and kustomize write it: a %YAML 1.2 directive (which OPA's
# reader refuses), comments above the first "---", a %TAG directive, and
# "..." where a document ends, after which the next may start without
# "---": every document is read, and one that is no map or list is denied.
test_yaml_directives_comments_and_document_end_markers if {
	texts := [
		"%YAML 1.2\n---\nllm:\n  model: x-1\n",
		"# Source: chat/templates/configmap.yaml\n# generated\n---\nllm:\n  model: x-2\n",
		"llm:\n  model: x-3\n...\n---\nchat:\n  model: x-4\n...\n",
		"llm:\n  model: x-5\n...\n%YAML 1.2 # the chart's\n---\nchat:\n  model: x-6\n...\nembed:\n  model: x-7\n",
		"%TAG !m! tag:megallm.test,2026:\n--- !m!values\nllm:\n  model: x-8\n",
		"%YAML 1.2\r\n---\r\nllm:\r\n  model: x-9\r\n...\r\nchat:\r\n  model: x-10\r\n",
		"llm: {}\n...\nuses gtp-4o\n",
	]
	denies := megallm.deny with time.now_ns as _today with input as _plan([_chart(texts)])
	denies == {
		`helm_release.chat: values[0].llm.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "values.0.llm.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[1].llm.model = "x-2" is not in the MegaLLM catalog. If it is no model id, add "values.1.llm.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[2].llm.model = "x-3" is not in the MegaLLM catalog. If it is no model id, add "values.2.llm.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[2].chat.model = "x-4" is not in the MegaLLM catalog. If it is no model id, add "values.2.chat.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[3].llm.model = "x-5" is not in the MegaLLM catalog. If it is no model id, add "values.3.llm.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[3].chat.model = "x-6" is not in the MegaLLM catalog. If it is no model id, add "values.3.chat.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[3].embed.model = "x-7" is not in the MegaLLM catalog. If it is no model id, add "values.3.embed.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[4].llm.model = "x-8" is not in the MegaLLM catalog. If it is no model id, add "values.4.llm.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[5].llm.model = "x-9" is not in the MegaLLM catalog. If it is no model id, add "values.5.llm.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[5].chat.model = "x-10" is not in the MegaLLM catalog. If it is no model id, add "values.5.chat.model" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[6] is neither JSON nor YAML of a map or a list, so no model id in it was checked, though megallm_settings.json_attributes["helm_release"] names it: name there only attributes that hold JSON or YAML, and ids in other text with key_patterns or attribute_paths.`,
	}
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

# A display name where an id goes (a chart's list of models, as a person
# writes them) is denied with the id to write, of a model that can be used;
# an id in another letter case (GPT-4.1 for gpt-4.1) keeps "did you mean".
test_a_display_name_is_denied_with_its_id if {
	plan := _plan_with([_chart(["models:\n  - GPT-4o Mini\n  - Claude 3.5 Sonnet\n  - gpt-4.1\n  - GPT-4.1\n  - GPT-3.5 Turbo\n  - GPT-5\n  - DeepSeek V3\n"]), _app({"model": " claude 3.5 SONNET "})], [_read("catalog", _displayed)])
	denies := megallm.deny with time.now_ns as _today with input as plan
	denies == {
		`helm_release.chat: values[0].models[0] = "GPT-4o Mini" is not in the MegaLLM catalog, or the provider's policy does not allow it. It is the display name of "gpt-4o-mini": write that id instead.`,
		`helm_release.chat: values[0].models[1] = "Claude 3.5 Sonnet" is not in the MegaLLM catalog, or the provider's policy does not allow it. It is the display name of "claude-3-5-sonnet-20240620" or "claude-3-5-sonnet-20241022": write that id instead.`,
		`helm_release.chat: values[0].models[3] = "GPT-4.1" is not in the MegaLLM catalog, or the provider's policy does not allow it. Did you mean "gpt-4.1" or "gpt-4.1-2025-04-14"?`,
		`helm_release.chat: values[0].models[4] = "GPT-3.5 Turbo" is not in the MegaLLM catalog, or the provider's policy does not allow it. The catalog writes it "gpt-3.5-turbo", which was retired on 2025-06-30 (no successor is named).`,
		`helm_release.chat: values[0].models[5] = "GPT-5" is not in the MegaLLM catalog, or the provider's policy does not allow it. If it is no model id, add "values.0.models.5" to megallm_settings.ignored_attribute_paths["helm_release"].`,
		`helm_release.chat: values[0].models[6] = "DeepSeek V3" is not in the MegaLLM catalog, or the provider's policy does not allow it. It is the display name of "deepseek-chat": write that id instead.`,
		`terraform_data.app: input.model = " claude 3.5 SONNET " is not in the MegaLLM catalog, or the provider's policy does not allow it. It is the display name of "claude-3-5-sonnet-20240620" or "claude-3-5-sonnet-20241022": write that id instead.`,
	}

	# a sensitive value is not shown, nor the id of its display name, and it
	# gets the advice any other sensitive value gets, which tells nothing
	hidden := json.patch(_app({"model": "GPT-4o mini"}), [{"op": "add", "path": "/sensitive_values", "value": {"input": {"model": true}}}])
	hidden_denies := megallm.deny with time.now_ns as _today with input as _plan_with([hidden], [_read("catalog", _displayed)])
	hidden_denies == {`terraform_data.app: input.model = (sensitive value) is not in the MegaLLM catalog, or the provider's policy does not allow it. If it is no model id, add "input.model" to megallm_settings.ignored_attribute_paths["terraform_data"].`}

	# followed, the advice passes
	followed := _plan_with([_chart(["models:\n  - gpt-4o-mini\n  - claude-3-5-sonnet-20241022\n  - gpt-4.1\n  - deepseek-chat\n"]), _app({"model": "claude-3-5-sonnet-20241022"})], [_read("catalog", _displayed)])
	count(megallm.deny) == 0 with time.now_ns as _today with input as followed
}

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
