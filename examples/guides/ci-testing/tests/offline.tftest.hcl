# Runs against the saved catalog: no request, no key. The provider checks
# everything it checks in a real plan: that each id is in the catalog, the
# requirements, the policy if one is set.
provider "megallm" {
  catalog_file = "megallm-catalog.json"
}

run "uses_the_first_candidate" {
  command = plan

  assert {
    condition     = output.chat_model == "gpt-4o-mini"
    error_message = "Expected gpt-4o-mini, got ${output.chat_model}."
  }
}

run "passes_over_a_model_without_vision" {
  command = plan

  variables {
    chat_models = ["o3-mini", "gemini-2.0-flash"]
  }

  assert {
    condition     = output.chat_model == "gemini-2.0-flash"
    error_message = "o3-mini has no vision and should be passed over, got ${output.chat_model}."
  }
}

run "passes_its_limits_to_the_application" {
  command = plan

  assert {
    condition     = terraform_data.app_environment.input.CONTEXT_LENGTH == 128000
    error_message = "The application should get the model's context length."
  }
}
