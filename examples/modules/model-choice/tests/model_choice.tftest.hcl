# Runs offline: the provider reads the catalog snapshot beside this file
# instead of calling the API. Refresh the snapshot with `make catalog-snapshot`.
provider "megallm" {
  catalog_file = "tests/catalog.json"
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

  expect_failures = [data.megallm_models.candidates]
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

  expect_failures = [data.megallm_models.candidates]
}
