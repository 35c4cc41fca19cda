# A reusable module that picks the cheapest MegaLLM model meeting a set of
# requirements, and fails the plan with a clear message when none does.
# Cheapest means the lowest input price, or, given a workload, the lowest cost
# of that workload.
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
    max_workload_cost           = optional(number)
  })
  default = {}
}

variable "workload" {
  description = "Tokens over a period you choose, such as a month: the model whose cost for them is lowest is chosen. Null chooses by input price."
  type = object({
    input_tokens  = number
    output_tokens = number
  })
  default = null
}

data "megallm_models" "candidates" {
  type     = var.type
  sort_by  = var.workload == null ? "input_cost" : "workload_cost"
  workload = var.workload
  require  = var.require

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

output "workload_cost" {
  description = "What the workload costs with it, in its pricing.currency; null without a workload."
  value       = var.workload == null ? null : data.megallm_models.candidates.workload_costs[0]
}
