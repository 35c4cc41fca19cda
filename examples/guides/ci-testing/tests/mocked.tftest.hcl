# Runs without any catalog: the mocked provider reads none and checks nothing
# that needs one. It needs Terraform 1.7 or OpenTofu 1.8. Each megallm_model returns the values below (the attributes not
# set here are zero, empty or random), so this tests what the configuration
# does with a model, not whether that model exists or qualifies.
mock_provider "megallm" {
  mock_data "megallm_model" {
    defaults = {
      id             = "mock-chat-model"
      context_length = 32000
    }
  }
}

run "passes_the_model_to_the_application" {
  command = plan

  assert {
    condition     = terraform_data.app_environment.input.OPENAI_MODEL == "mock-chat-model"
    error_message = "The application should get the chosen model's id."
  }

  assert {
    condition     = terraform_data.app_environment.input.CONTEXT_LENGTH == 32000
    error_message = "The application should get the model's context length."
  }
}

# What a mock no longer checks: no catalog has this id, no requirement is
# met or missed, and the plan passes with whatever values the test sets.
run "checks_no_id" {
  command = plan

  variables {
    chat_models = ["no-such-model"]
  }

  override_data {
    target = data.megallm_model.chat
    values = {
      id = "no-such-model"
    }
  }

  assert {
    condition     = output.chat_model == "no-such-model"
    error_message = "The mock returns the values the test sets, whatever the catalog has."
  }
}
