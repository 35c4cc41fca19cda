# opa test policy/opa: the tests of package megallm whose evaluations are the
# heaviest, more than 20,000 trace events each (up to 60,000) as conftest
# verify's OPA (v1.21.1) records them. conftest verify gives a test a fixed 5
# seconds, and its OPA traces every step of every test, ten times opa test's
# CPU: on 2 CPUs at a load of 10 or more such tests took 5 to 7 s, and
# failed. So make test-opa has conftest verify run every file of
# policy/opa but this one, whose tests opa test alone runs, with 60 s each.
# conftest adds no check of its own here: its part, package main and its
# namespaces, is tested in megallm_test.rego, and these tests feed the same
# rules more inputs, plain Rego that needs no conftest feature. They cover
# lines that the others do not (99.2 % of the library's lines with them, 90.7 %
# without: more of closest.rego's ranking and of the settings' advice), which
# opa test checks.
package megallm_test

import data.megallm

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

test_ignored_attribute_paths if {
	denies := megallm.deny with time.now_ns as _today with input as _plan([_reports])
	denies == {`aws_db_instance.reports: tags.model = "x-1" is not in the MegaLLM catalog. If it is no model id, add "tags.model" to megallm_settings.ignored_attribute_paths["aws_db_instance"], with its default paths (settings.rego's default_settings), which a list set for the type replaces.`}
	watched := megallm.deny with time.now_ns as _today with input as _plan([_reports]) with data.megallm_settings as {"ignored_attribute_paths": {"aws_db_instance": []}}
	count(watched) == 2
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

# Each path that the deny of a path with an empty step advises checks an id:
# without the empty step, or with any step there.
test_the_paths_advised_for_an_empty_step_check_an_id if {
	followed := _deny({"MODEL_NAME": "gpt4o-mini"}) with data.megallm_settings as {"attribute_paths": {"terraform_data": ["input.MODEL_NAME"]}}
	followed == {`terraform_data.app: input.MODEL_NAME = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
	starred := _deny({"chat": {"MODEL_NAME": "gpt4o-mini"}}) with data.megallm_settings as {"attribute_paths": {"terraform_data": ["input.*.MODEL_NAME"]}}
	starred == {`terraform_data.app: input.chat.MODEL_NAME = "gpt4o-mini" is not in the MegaLLM catalog. Did you mean "gpt-4o-mini" or "gpt-4.1-mini"?`}
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
