# The cheapest model for our workload that takes images and has at least 128k
# tokens of context, with what the workload costs with it each month.
#
# Sorting by one side of the price (input_cost or output_cost) picks the wrong
# model whenever the ratio of input to output tokens matters; the workload's
# cost weighs both.
terraform {
  required_providers {
    megallm = {
      source  = "megallm/megallm"
      version = "~> 0.1"
    }
  }
}

provider "megallm" {} # api_key from MEGALLM_API_KEY

variable "monthly_workload" {
  description = "Tokens a month: prompt (input) and completion (output)."
  type = object({
    input_tokens  = number
    output_tokens = number
  })
  default = {
    input_tokens  = 1.2e9
    output_tokens = 3e8
  }
}

data "megallm_models" "vision_128k" {
  sort_by  = "workload_cost"
  workload = var.monthly_workload
  # currency = "USD" is the default: price bounds and cost sorts use it.
  require = {
    supports_vision    = true
    min_context_length = 128000
    max_workload_cost  = 5000 # USD a month
  }

  lifecycle {
    postcondition {
      condition     = length(self.ids) > 0
      error_message = "No MegaLLM model with vision and a 128k context costs at most 5000 USD a month for this workload. ${self.empty_reason}"
    }
  }
}

output "model_id" {
  value = data.megallm_models.vision_128k.ids[0]
}

output "monthly_cost" {
  description = "What the workload costs each month with that model, in its pricing.currency."
  value       = data.megallm_models.vision_128k.workload_costs[0]
}

output "currency" {
  value = data.megallm_models.vision_128k.models[0].pricing.currency
}
