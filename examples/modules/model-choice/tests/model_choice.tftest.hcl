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
