# A reusable module that picks the cheapest MegaLLM model meeting a set of
# requirements, and fails the plan with a clear message when none does.
# Cheapest means the lowest input price, or, given a workload, the lowest cost
# of that workload. Given candidates, it picks the first of them that can be
# used instead, so that a model's retirement needs no edit.
#
# The provider's policy (configured by the caller) applies to both: denied,
# not allowed and retired models are never chosen, and negotiated prices
# decide what is cheapest.
terraform {
  # Provider functions (estimate_cost) need Terraform 1.8 or OpenTofu 1.7.
  required_version = ">= 1.7"
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
    not_deprecated              = optional(bool)
    min_days_to_retirement      = optional(number)
  })
  default = {}
}

variable "candidates" {
  description = "Model ids in order of preference. When set, the first of them that exists, is allowed by the provider's policy, is not retired and meets require is chosen, instead of the cheapest model. Null chooses the cheapest."
  type        = list(string)
  default     = null

  validation {
    condition     = var.candidates == null ? true : length(var.candidates) > 0
    error_message = "candidates is empty: list model ids in order of preference, or leave candidates null to choose the cheapest model."
  }
}

variable "workload" {
  description = "Tokens over a period you choose, such as a month: the model whose cost for them is lowest is chosen. Null chooses by input price."
  type = object({
    input_tokens  = number
    output_tokens = number
  })
  default = null
}

data "megallm_models" "cheapest" {
  count = var.candidates == null ? 1 : 0

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

# With candidates: the first one that can be used. megallm_model takes no
# workload, so its requirements leave max_workload_cost out.
data "megallm_model" "preferred" {
  count = var.candidates == null ? 0 : 1

  candidates = var.candidates
  require    = { for name, value in var.require : name => value if name != "max_workload_cost" }
}

locals {
  cheapest  = one(data.megallm_models.cheapest[*].models[0])
  preferred = one(data.megallm_model.preferred)
  # The outputs read the chosen model's attributes from whichever data source
  # chose it.
  chosen = {
    for name in ["id", "context_length", "max_output_tokens", "pricing", "model_lifecycle"] :
    name => local.preferred == null ? local.cheapest[name] : local.preferred[name]
  }
  # A candidate's workload cost is estimate_cost's, as megallm_models computes it.
  workload_cost = (
    var.workload == null ? null :
    local.preferred == null ? one(data.megallm_models.cheapest[*].workload_costs[0]) :
    provider::megallm::estimate_cost(local.preferred, var.workload.input_tokens, var.workload.output_tokens)
  )
}

output "model_id" {
  description = "The first candidate that can be used, or without candidates the cheapest model that meets the requirements."
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
  value       = local.workload_cost
}

output "lifecycle_status" {
  description = "Its model_lifecycle.status under the provider's policy: active, deprecated or retired; null when the policy says nothing of it."
  value       = local.chosen.model_lifecycle.status
}
