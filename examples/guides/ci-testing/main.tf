terraform {
  required_providers {
    megallm = {
      source  = "megallm/megallm"
      version = "~> 0.1"
    }
  }
}

# The key comes from MEGALLM_API_KEY. In CI, MEGALLM_CATALOG_FILE points the
# provider at the saved catalog instead: no request, no key.
provider "megallm" {}

variable "chat_models" {
  description = "Chat models in order of preference: the first that is in the catalog and meets the requirements is used."
  type        = list(string)
  default     = ["gpt-4o-mini", "gemini-2.0-flash"]
}

data "megallm_model" "chat" {
  candidates = var.chat_models
  require = {
    supports_vision    = true
    min_context_length = 128000
  }
}

# What the rest of the configuration does with the model: here, the
# environment of an application.
resource "terraform_data" "app_environment" {
  input = {
    OPENAI_MODEL   = data.megallm_model.chat.id
    CONTEXT_LENGTH = data.megallm_model.chat.context_length
  }
}

output "chat_model" {
  value = data.megallm_model.chat.id
}

# What a thousand requests of 2,000 input and 500 output tokens each cost with
# it, in its pricing.currency.
output "cost_per_thousand_requests" {
  value = provider::megallm::estimate_cost(data.megallm_model.chat, 2000000, 500000)
}
