# Runs offline: the provider reads the catalog snapshot beside this file
# instead of calling the API. Refresh the snapshot from the repository's root
# with `make catalog-snapshot CATALOG=examples/modules/model-choice/tests/catalog.json`.
provider "megallm" {
  catalog_file = "tests/catalog.json"
}

# The same catalog under an organisation's policy: only OpenAI, Anthropic and
# Google models, gpt-3.5-turbo retired, gpt-4o deprecated, and a negotiated
# price for gpt-4o-mini. Runs opt in with providers = { megallm = megallm.policy }.
provider "megallm" {
  alias        = "policy"
  catalog_file = "tests/catalog.json"
  policy       = jsondecode(file("tests/model-policy.json"))
}

# gpt-4o-mini at a price negotiated in euros.
provider "megallm" {
  alias        = "eur"
  catalog_file = "tests/catalog.json"
  policy = {
    models = {
      "gpt-4o-mini" = { pricing = { input_tokens_cost_per_million = 0.09, output_tokens_cost_per_million = 0.36, currency = "EUR" } }
    }
  }
}

# A small catalog whose acme-mini and acme-max report no type (the API
# omitted it): the cheapest model and one dearer than gpt-4o, with vision,
# and of no known type.
provider "megallm" {
  alias        = "untyped"
  catalog_file = "tests/catalog-untyped.json"
}

run "cheapest_chat_model_by_default" {
  command = plan

  assert {
    condition     = output.model_id == "meta-llama/llama-3.1-8b-instruct"
    error_message = "The cheapest chat model should be chosen, got ${output.model_id}."
  }
}

run "cheapest_vision_model_with_long_context" {
  command = plan

  variables {
    require = {
      supports_vision    = true
      min_context_length = 128000
    }
  }

  assert {
    condition     = output.model_id == "gemini-2.0-flash"
    error_message = "Expected gemini-2.0-flash, got ${output.model_id}."
  }

  assert {
    condition     = output.context_length >= 128000
    error_message = "The chosen model's context is too short."
  }
}

run "cheapest_for_a_monthly_workload" {
  command = plan

  variables {
    workload = {
      input_tokens  = 1.2e9
      output_tokens = 3e8
    }
  }

  # 1200 million input tokens at 0.05 and 300 million output tokens at 0.08.
  assert {
    condition     = output.model_id == "meta-llama/llama-3.1-8b-instruct" && output.workload_cost == 84
    error_message = "Expected meta-llama/llama-3.1-8b-instruct at 84 USD, got ${output.model_id} at ${output.workload_cost}."
  }
}

run "no_workload_no_cost" {
  command = plan

  assert {
    condition     = output.workload_cost == null
    error_message = "Without a workload there is no workload cost."
  }
}

run "workload_over_budget_fails_the_plan" {
  command = plan

  variables {
    workload = {
      input_tokens  = 1.2e9
      output_tokens = 3e8
    }
    require = {
      max_workload_cost = 50
    }
  }

  expect_failures = [data.megallm_models.cheapest]
}

# No model is priced in EUR: every one sorts last, by id, and the first by id
# is not the cheapest. The plan fails rather than choose it.
run "a_currency_no_model_is_priced_in_fails_the_plan" {
  command = plan

  variables {
    currency = "EUR"
  }

  expect_failures = [data.megallm_models.cheapest]
}

run "cheapest_in_a_currency_that_some_models_are_priced_in" {
  command   = plan
  providers = { megallm = megallm.eur }

  variables {
    currency = "EUR"
  }

  assert {
    condition     = output.model_id == "gpt-4o-mini" && output.input_cost_per_million == 0.09
    error_message = "Expected gpt-4o-mini at 0.09 EUR, the only model priced in EUR, got ${output.model_id}."
  }
}

run "embedding_model" {
  command = plan

  variables {
    type = "embedding"
  }

  assert {
    condition     = output.model_id == "text-embedding-3-small"
    error_message = "Expected the cheapest embedding model, got ${output.model_id}."
  }
}

run "impossible_requirements_fail_the_plan" {
  command = plan

  variables {
    require = {
      min_context_length = 100000000
    }
  }

  expect_failures = [data.megallm_models.cheapest]
}

run "policy_leaves_out_owners_and_applies_negotiated_prices" {
  command   = plan
  providers = { megallm = megallm.policy }

  # Without the policy, meta-llama/llama-3.1-8b-instruct (0.05) is cheapest;
  # meta is not allowed, and gpt-4o-mini at its negotiated 0.09 beats
  # gemini-2.0-flash at 0.10.
  assert {
    condition     = output.model_id == "gpt-4o-mini" && output.input_cost_per_million == 0.09
    error_message = "Expected gpt-4o-mini at the negotiated 0.09, got ${output.model_id} at ${output.input_cost_per_million}."
  }
}

run "candidates_skip_a_retired_model" {
  command   = plan
  providers = { megallm = megallm.policy }

  variables {
    candidates = ["gpt-3.5-turbo", "gpt-4o-mini"]
    workload = {
      input_tokens  = 1e9
      output_tokens = 2e8
    }
  }

  # 1000 million input tokens at 0.09 and 200 million output tokens at 0.36.
  assert {
    condition     = output.model_id == "gpt-4o-mini" && output.workload_cost == 162
    error_message = "Expected gpt-4o-mini at 162 USD, got ${output.model_id} at ${output.workload_cost}."
  }
}

run "candidates_without_a_policy" {
  command = plan

  variables {
    candidates = ["gpt-3.5-turbo", "gpt-4o-mini"]
  }

  assert {
    condition     = output.model_id == "gpt-3.5-turbo" && output.lifecycle_status == null
    error_message = "Without a policy, gpt-3.5-turbo is a model like any other, got ${output.model_id}."
  }
}

run "a_candidate_without_a_price_has_no_workload_cost" {
  command = plan

  variables {
    candidates = ["meta-llama/llama-3.2-90b-vision-instruct", "gemini-2.0-flash"]
    workload   = { input_tokens = 1e9, output_tokens = 2e8 }
  }

  assert {
    condition     = output.model_id == "meta-llama/llama-3.2-90b-vision-instruct" && output.workload_cost == null
    error_message = "A candidate without pricing is chosen, with a null workload_cost as megallm_models gives, got ${output.model_id}."
  }
}

run "max_workload_cost_in_the_currency_of_the_candidate" {
  command   = plan
  providers = { megallm = megallm.eur }

  variables {
    candidates = ["gpt-4o-mini"]
    workload   = { input_tokens = 1e9, output_tokens = 2e8 }
    require    = { max_workload_cost = 1000 }
    currency   = "EUR"
  }

  assert {
    condition     = output.model_id == "gpt-4o-mini" && output.workload_cost == 162
    error_message = "gpt-4o-mini costs 162 EUR, within a bound of 1000 EUR, got ${output.model_id}."
  }
}

run "a_deprecated_candidate_is_chosen_with_a_warning" {
  command   = plan
  providers = { megallm = megallm.policy }

  variables {
    candidates = ["gpt-4o", "gpt-4.1"]
  }

  # gpt-4o retires in 2030; after that this run chooses gpt-4.1.
  assert {
    condition     = output.model_id == "gpt-4o" ? output.lifecycle_status == "deprecated" : output.model_id == "gpt-4.1"
    error_message = "Expected deprecated gpt-4o, got ${output.model_id} (${coalesce(output.lifecycle_status, "no lifecycle")})."
  }
}

run "candidates_that_must_not_be_deprecated" {
  command   = plan
  providers = { megallm = megallm.policy }

  variables {
    candidates = ["gpt-4o", "gpt-4.1"]
    require = {
      not_deprecated         = true
      min_days_to_retirement = 90
    }
  }

  assert {
    condition     = output.model_id == "gpt-4.1"
    error_message = "gpt-4o is deprecated, so gpt-4.1 should be chosen, got ${output.model_id}."
  }
}

# max_workload_cost applies to candidates as every other requirement does:
# those over it are passed over, in order. With 1000 million input and 200
# million output tokens, gpt-4o costs 4500, gpt-4.1-mini 720 and gpt-4o-mini
# 270 at list prices.
run "candidates_over_max_workload_cost_fail_the_plan" {
  command = plan

  variables {
    candidates = ["gpt-4o", "gpt-4o-mini"]
    workload = {
      input_tokens  = 1e9
      output_tokens = 2e8
    }
    require = {
      max_workload_cost = 25
    }
  }

  expect_failures = [data.megallm_model.preferred]
}

# gpt-4o is over the bound and mistral-small-latest (320) has no vision: the
# error names both, rather than only the candidate megallm_model is given.
run "candidates_over_max_workload_cost_or_missing_another_requirement_fail_the_plan" {
  command = plan

  variables {
    candidates = ["gpt-4o", "mistral-small-latest"]
    workload = {
      input_tokens  = 1e9
      output_tokens = 2e8
    }
    require = {
      supports_vision   = true
      max_workload_cost = 400
    }
  }

  expect_failures = [data.megallm_model.preferred]
}

run "the_first_candidate_within_max_workload_cost_is_chosen" {
  command = plan

  variables {
    candidates = ["gpt-4o", "gpt-4.1-mini", "gpt-4o-mini"]
    workload = {
      input_tokens  = 1e9
      output_tokens = 2e8
    }
    require = {
      max_workload_cost = 1000
    }
  }

  # gpt-4o is passed over; gpt-4.1-mini comes before the cheaper gpt-4o-mini.
  assert {
    condition     = output.model_id == "gpt-4.1-mini" && output.workload_cost == 720
    error_message = "Expected gpt-4.1-mini at 720 USD, got ${output.model_id} at ${output.workload_cost}."
  }

  assert {
    condition     = output.passed_over == [{ id = "gpt-4o", workload_cost = 4500 }]
    error_message = "Expected gpt-4o passed over at 4500 USD, got ${jsonencode(output.passed_over)}."
  }
}

run "a_first_candidate_within_max_workload_cost_passes_nothing_over" {
  command = plan

  variables {
    candidates = ["gpt-4o-mini", "gpt-4o"]
    workload = {
      input_tokens  = 1e9
      output_tokens = 2e8
    }
    require = {
      max_workload_cost = 270
    }
  }

  assert {
    condition     = output.model_id == "gpt-4o-mini" && output.workload_cost == 270
    error_message = "Expected gpt-4o-mini at 270 USD, got ${output.model_id} at ${output.workload_cost}."
  }

  # gpt-4o, over the bound, comes after the chosen candidate.
  assert {
    condition     = output.passed_over == []
    error_message = "Nothing was passed over, got ${jsonencode(output.passed_over)}."
  }
}

run "a_candidate_without_a_price_never_meets_max_workload_cost" {
  command = plan

  variables {
    candidates = ["meta-llama/llama-3.2-90b-vision-instruct", "gemini-2.0-flash"]
    workload = {
      input_tokens  = 1e9
      output_tokens = 2e8
    }
    require = {
      supports_vision   = true
      max_workload_cost = 1000
    }
  }

  # 1000 million input tokens at 0.1 and 200 million output tokens at 0.4.
  assert {
    condition     = output.model_id == "gemini-2.0-flash" && output.workload_cost == 180
    error_message = "Expected gemini-2.0-flash at 180 USD, got ${output.model_id} at ${output.workload_cost}."
  }

  assert {
    condition     = length(output.passed_over) == 1 && output.passed_over[0].id == "meta-llama/llama-3.2-90b-vision-instruct" && output.passed_over[0].workload_cost == null
    error_message = "Expected the model without a price passed over, got ${jsonencode(output.passed_over)}."
  }
}

run "candidates_meet_max_workload_cost_at_negotiated_prices" {
  command   = plan
  providers = { megallm = megallm.policy }

  variables {
    candidates = ["gpt-4o", "gpt-4o-mini"]
    workload = {
      input_tokens  = 1e9
      output_tokens = 2e8
    }
    require = {
      max_workload_cost = 200
    }
  }

  # 270 at list prices, 162 at the negotiated ones.
  assert {
    condition     = output.model_id == "gpt-4o-mini" && output.workload_cost == 162
    error_message = "Expected gpt-4o-mini at 162 USD, got ${output.model_id} at ${output.workload_cost}."
  }

  assert {
    condition     = output.passed_over == [{ id = "gpt-4o", workload_cost = 4500 }]
    error_message = "Expected gpt-4o passed over at 4500 USD, got ${jsonencode(output.passed_over)}."
  }
}

run "cheapest_within_max_workload_cost_and_the_other_requirements" {
  command = plan

  variables {
    workload = {
      input_tokens  = 1.2e9
      output_tokens = 3e8
    }
    require = {
      supports_vision   = true
      max_workload_cost = 250
    }
  }

  # 1200 million input tokens at 0.1 and 300 million output tokens at 0.4.
  assert {
    condition     = output.model_id == "gemini-2.0-flash" && output.workload_cost == 240
    error_message = "Expected gemini-2.0-flash at 240 USD, got ${output.model_id} at ${output.workload_cost}."
  }
}

run "empty_candidates_are_refused" {
  command = plan

  variables {
    candidates = []
  }

  expect_failures = [var.candidates]
}

run "a_null_candidate_is_refused" {
  command = plan

  variables {
    candidates = ["gpt-4o", null]
  }

  expect_failures = [var.candidates]
}

run "a_candidate_of_another_type_is_refused" {
  command = plan

  variables {
    candidates = ["gpt-4o-mini", "text-embedding-3-small"]
  }

  expect_failures = [data.megallm_model.preferred]
}

# With currency = "EUR", every price bound is in euros: gpt-4o-mini, at a
# price negotiated in euros, meets both max_input_cost_per_million and
# max_workload_cost.
run "candidates_meet_price_bounds_in_the_currency_given" {
  command = plan

  providers = {
    megallm = megallm.eur
  }

  variables {
    candidates = ["gpt-4o", "gpt-4o-mini"]
    currency   = "EUR"
    require    = { max_input_cost_per_million = 1, max_workload_cost = 10 }
    workload   = { input_tokens = 1e6, output_tokens = 1e6 }
  }

  assert {
    condition     = output.model_id == "gpt-4o-mini"
    error_message = "Expected gpt-4o-mini, priced in EUR, got ${output.model_id}."
  }
}

run "a_workload_without_output_tokens_is_refused" {
  command = plan

  variables {
    workload = { input_tokens = 1e6, output_tokens = null }
  }

  expect_failures = [var.workload]
}

# With candidates and no max_workload_cost, no data source reads the workload:
# a negative count would pass, with a null workload_cost.
run "a_negative_token_count_is_refused_with_candidates" {
  command = plan

  variables {
    candidates = ["gpt-4o-mini"]
    workload   = { input_tokens = -1e6, output_tokens = 1e6 }
  }

  expect_failures = [var.workload]
}

# workload is no object type, which would drop an attribute it does not
# declare and price 2e6 tokens where 7e6 are written: such an attribute fails
# the plan, with candidates too, where no data source reads the workload.
run "a_workload_attribute_it_does_not_take_is_refused" {
  command = plan

  variables {
    workload = { input_tokens = 1e6, output_tokens = 1e6, cached_input_tokens = 5e6 }
    require  = { max_workload_cost = 10 }
  }

  expect_failures = [var.workload]
}

run "a_workload_attribute_it_does_not_take_is_refused_with_candidates" {
  command = plan

  variables {
    candidates = ["gpt-4o-mini"]
    workload   = { input_tokens = 1e6, output_tokens = 1e6, cached_input_tokens = 5e6 }
  }

  expect_failures = [var.workload]
}

run "a_token_count_that_is_no_number_is_refused_with_candidates" {
  command = plan

  variables {
    candidates = ["gpt-4o-mini"]
    workload   = { input_tokens = "many", output_tokens = 1e6 }
  }

  expect_failures = [var.workload]
}

# A count in quotes is read as a number, as the object type read it.
run "token_counts_in_quotes_with_candidates" {
  command = plan

  variables {
    candidates = ["gpt-4o-mini"]
    workload   = { input_tokens = "1e9", output_tokens = "2e8" }
  }

  assert {
    condition     = output.model_id == "gpt-4o-mini" && output.workload_cost == 270
    error_message = "Expected gpt-4o-mini at 270 USD, got ${output.model_id} at ${output.workload_cost}."
  }
}

run "impossible_requirements_of_any_type_fail_the_plan" {
  command = plan

  variables {
    type    = null
    require = { min_context_length = 99999999999 }
  }

  expect_failures = [data.megallm_models.cheapest]
}

# A model whose type the catalog does not report is no chat model as far as
# the plan can tell: without candidates, megallm_models leaves it out ...
run "a_model_without_a_type_is_left_out_of_the_cheapest" {
  command   = plan
  providers = { megallm = megallm.untyped }

  assert {
    condition     = output.model_id == "gpt-4o-mini"
    error_message = "acme-mini reports no type and should be left out, got ${output.model_id}."
  }
}

# ... and with candidates, it is passed over, with a warning (the check).
run "a_candidate_without_a_type_is_passed_over" {
  command   = plan
  providers = { megallm = megallm.untyped }

  variables {
    candidates = ["acme-mini", "gpt-4o-mini"]
  }

  assert {
    condition     = output.model_id == "gpt-4o-mini"
    error_message = "acme-mini reports no type and should be passed over, got ${output.model_id}."
  }

  expect_failures = [check.candidates_without_a_type]
}

run "only_candidates_without_a_type_fail_the_plan" {
  command   = plan
  providers = { megallm = megallm.untyped }

  variables {
    candidates = ["acme-mini"]
  }

  expect_failures = [data.megallm_model.preferred]
}

# acme-mini meets the requirement and gpt-4o-mini (0.15) does not: the module
# fails the plan, naming both, rather than choose acme-mini.
run "a_candidate_without_a_type_does_not_qualify_when_the_others_miss_require" {
  command   = plan
  providers = { megallm = megallm.untyped }

  variables {
    candidates = ["acme-mini", "gpt-4o-mini"]
    require    = { max_input_cost_per_million = 0.1 }
  }

  expect_failures = [data.megallm_model.preferred]
}

run "a_candidate_without_a_type_is_no_embedding_model" {
  command   = plan
  providers = { megallm = megallm.untyped }

  variables {
    type       = "embedding"
    candidates = ["acme-mini", "text-embedding-3-small"]
  }

  assert {
    condition     = output.model_id == "text-embedding-3-small"
    error_message = "acme-mini reports no type and should be passed over, got ${output.model_id}."
  }

  expect_failures = [check.candidates_without_a_type]
}

# acme-mini costs 14 for the workload, within the bound, but reports no type;
# gpt-4o (4500) is over it, and gpt-4o-mini (270) qualifies.
run "a_candidate_without_a_type_is_passed_over_under_max_workload_cost" {
  command   = plan
  providers = { megallm = megallm.untyped }

  variables {
    candidates = ["acme-mini", "gpt-4o", "gpt-4o-mini"]
    workload   = { input_tokens = 1e9, output_tokens = 2e8 }
    require    = { max_workload_cost = 300 }
  }

  assert {
    condition     = output.model_id == "gpt-4o-mini" && output.passed_over == [{ id = "gpt-4o", workload_cost = 4500 }]
    error_message = "Expected gpt-4o-mini, with gpt-4o passed over for its cost, got ${output.model_id} and ${jsonencode(output.passed_over)}."
  }

  expect_failures = [check.candidates_without_a_type]
}

# acme-max reports no type and costs 18000 for the workload, over the bound:
# the check's warning names it with both reasons, so passed_over leaves it out.
run "a_candidate_without_a_type_over_max_workload_cost_is_listed_once" {
  command   = plan
  providers = { megallm = megallm.untyped }

  variables {
    candidates = ["acme-max", "gpt-4o", "gpt-4o-mini"]
    workload   = { input_tokens = 1e9, output_tokens = 2e8 }
    require    = { max_workload_cost = 300 }
  }

  assert {
    condition     = output.model_id == "gpt-4o-mini" && output.passed_over == [{ id = "gpt-4o", workload_cost = 4500 }]
    error_message = "Expected gpt-4o-mini, with only gpt-4o in passed_over, got ${output.model_id} and ${jsonencode(output.passed_over)}."
  }

  expect_failures = [check.candidates_without_a_type]
}

run "type_null_accepts_a_candidate_without_a_type" {
  command   = plan
  providers = { megallm = megallm.untyped }

  variables {
    type       = null
    candidates = ["acme-mini", "gpt-4o-mini"]
  }

  assert {
    condition     = output.model_id == "acme-mini"
    error_message = "With type = null, acme-mini should be chosen, got ${output.model_id}."
  }
}
