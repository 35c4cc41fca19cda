variable "chat_model" {
  description = "Model id the application sends in its API requests."
  type        = string
  default     = "gpt-4o-mini"
}

# Fails the plan if the id is not in the catalog (with "did you mean"), or if
# the model misses a requirement (each one listed with the model's value).
data "megallm_model" "chat" {
  id = var.chat_model
  require = {
    supports_function_calling = true
    min_context_length        = 100000
  }
}

# A postcondition for a rule of your own.
data "megallm_model" "summarizer" {
  id = "claude-3-5-haiku-20241022"

  lifecycle {
    postcondition {
      condition     = self.pricing != null && self.pricing.output_tokens_cost_per_million <= 5
      error_message = "The summarizer model must cost at most 5 per million output tokens."
    }
  }
}

# A check block reports a warning rather than failing the plan.
check "chat_model_has_vision" {
  assert {
    condition     = data.megallm_model.chat.capabilities.supports_vision == true
    error_message = "${data.megallm_model.chat.id} cannot read images: screenshot uploads will be refused."
  }
}

# Feed the model's limits into the application's configuration.
output "app_llm_config" {
  value = {
    model             = data.megallm_model.chat.id
    max_prompt_tokens = data.megallm_model.chat.context_length - coalesce(data.megallm_model.chat.max_output_tokens, 0)
    max_output_tokens = data.megallm_model.chat.max_output_tokens
  }
}
