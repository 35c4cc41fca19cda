# A reusable module that picks the cheapest MegaLLM model meeting a set of
# requirements, and fails the plan with a clear message when none does.
terraform {
  required_providers {
    megallm = {
      source = "megallm/megallm"
    }
  }
}

variable "type" {
  description = "Model type, such as chat or embedding."
  type        = string
  default     = "chat"
}

variable "require" {
  description = "Requirements the chosen model must meet, as the megallm_models require argument takes them."
  type = object({
    supports_function_calling   = optional(bool)
    supports_vision             = optional(bool)
    supports_streaming          = optional(bool)
    supports_structured_output  = optional(bool)
    min_context_length          = optional(number)
    min_max_output_tokens       = optional(number)
    max_input_cost_per_million  = optional(number)
    max_output_cost_per_million = optional(number)
  })
  default = {}
}

data "megallm_models" "candidates" {
  type    = var.type
  sort_by = "input_cost"
  require = var.require

  lifecycle {
    postcondition {
      condition     = length(self.ids) > 0
      error_message = "No MegaLLM ${var.type} model meets the requirements: relax them."
    }
  }
}

locals {
  chosen = data.megallm_models.candidates.models[0]
}

output "model_id" {
  description = "The cheapest model that meets the requirements."
  value       = local.chosen.id
}

output "context_length" {
  description = "Its context window, in tokens."
  value       = local.chosen.context_length
}

output "max_output_tokens" {
  description = "The most tokens it can produce in one answer."
  value       = local.chosen.max_output_tokens
}

output "input_cost_per_million" {
  description = "Its price per million input tokens."
  value       = try(local.chosen.pricing.input_tokens_cost_per_million, null)
}
