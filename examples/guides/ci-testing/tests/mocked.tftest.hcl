# Runs without any catalog: the mocked provider reads none and checks nothing
# that needs one. It needs Terraform 1.8 or OpenTofu 1.8 (mock_provider, and
# provider functions in main.tf). Each megallm_model returns the values below,
# so this tests what the configuration does with a model, not whether that
# model exists or qualifies.
#
# An attribute left out is zero, empty or a random string such as "8pa11ooh",
# which the provider's functions (estimate_cost here) refuse as a date, a
# currency or a lifecycle status. So the defaults set created_at, pricing and
# model_lifecycle whole, null where nothing is known: a nested object set in
# part has random strings in the rest. An override_data replaces these
# defaults, so it sets them too.
mock_provider "megallm" {
  mock_data "megallm_model" {
    defaults = {
      id             = "mock-chat-model"
      context_length = 32000
      created_at     = null
      pricing = {
        input_tokens_cost_per_million  = 0.15
        output_tokens_cost_per_million = 0.6
        currency                       = "USD"
      }
      model_lifecycle = {
        status                   = "active"
        deprecated_at            = null
        retires_at               = null
        successor                = null
        days_to_retirement       = null
        deprecated_at_unreadable = false
        retires_at_unreadable    = false
      }
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

  assert {
    condition     = output.cost_per_thousand_requests == 0.6
    error_message = "A thousand requests should cost 0.6 USD at the mocked prices, not ${output.cost_per_thousand_requests}."
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
      id         = "no-such-model"
      created_at = null
      pricing = {
        input_tokens_cost_per_million  = 1
        output_tokens_cost_per_million = 4
        currency                       = "USD"
      }
      model_lifecycle = {
        status                   = null
        deprecated_at            = null
        retires_at               = null
        successor                = null
        days_to_retirement       = null
        deprecated_at_unreadable = false
        retires_at_unreadable    = false
      }
    }
  }

  assert {
    condition     = output.chat_model == "no-such-model"
    error_message = "The mock returns the values the test sets, whatever the catalog has."
  }

  assert {
    condition     = output.cost_per_thousand_requests == 4
    error_message = "A thousand requests should cost 4 USD at the overriding prices, not ${output.cost_per_thousand_requests}."
  }
}
