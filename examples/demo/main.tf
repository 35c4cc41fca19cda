# The `make demo` configuration: a platform team's model choices, checked at
# plan time against the MegaLLM catalog. The provider reads MEGALLM_BASE_URL
# and MEGALLM_API_KEY from the environment (the demo points them at the mock).
terraform {
  required_providers {
    megallm = {
      source  = "megallm/megallm"
      version = "~> 0.1"
    }
  }
}

provider "megallm" {}

variable "app_model" {
  description = "Model the application calls; the plan fails if it is not in the catalog or misses a requirement."
  type        = string
  default     = "gpt-4o-mini"
}

# The whole catalog, cheapest input first.
data "megallm_models" "all" {
  sort_by = "input_cost"
}

# The cheapest chat model that takes images and at least 128k tokens of context.
data "megallm_models" "vision_128k" {
  type    = "chat"
  sort_by = "input_cost"
  require = {
    supports_vision    = true
    min_context_length = 128000
  }
}

# The application's model: a typo or a missing capability fails the plan here.
data "megallm_model" "app" {
  id = var.app_model
  require = {
    supports_function_calling = true
    min_context_length        = 32000
  }
}

locals {
  # The columns that decide the choice below (type, vision, context), tools
  # (function calling) and the output limit beside them; "-" where the catalog
  # does not say.
  row    = "%-40s %-9s %-6s %-5s %8s %8s %7s %7s%s"
  chosen = data.megallm_models.vision_128k.ids[0]
  models_table = join("\n", concat(
    [format(local.row, "ID", "TYPE", "VISION", "TOOLS", "CONTEXT", "MAX OUT", "IN $/M", "OUT $/M", "")],
    [for m in data.megallm_models.all.models : format(local.row,
      m.id,
      coalesce(m.type, "-"),
      try(m.capabilities.supports_vision ? "yes" : "no", "-"),
      try(m.capabilities.supports_function_calling ? "yes" : "no", "-"),
      try(format("%d", m.context_length), "-"),
      try(format("%d", m.max_output_tokens), "-"),
      try(format("%.2f", m.pricing.input_tokens_cost_per_million), "-"),
      try(format("%.2f", m.pricing.output_tokens_cost_per_million), "-"),
      m.id == local.chosen ? "  <- cheapest chat, vision, >= 128k context" : "",
    )],
  ))

  # The cheapest chat model of all, and what it lacks for the choice above.
  cheapest_chat = [for m in data.megallm_models.all.models : m if m.type == "chat"][0]
}

output "models_table" {
  description = "Every model in the catalog, cheapest input first, with the columns the choice depends on."
  value       = local.models_table
}

output "cheapest_chat" {
  description = "The cheapest chat model, and why it is not the cheapest one with vision and a 128k context."
  value = local.cheapest_chat.id == local.chosen ? local.chosen : format("%s (%s)", local.cheapest_chat.id, join(" and ", compact([
    try(local.cheapest_chat.capabilities.supports_vision, null) == true ? "" : "no vision",
    coalesce(local.cheapest_chat.context_length, 0) >= 128000 ? "" : "context under 128k",
  ])))
}

output "cheapest_vision_128k" {
  description = "The cheapest chat model with vision and a context of at least 128k tokens."
  value       = local.chosen
}

output "app_model" {
  description = "What the application needs to know about its model."
  value = {
    id                = data.megallm_model.app.id
    context_length    = data.megallm_model.app.context_length
    max_output_tokens = data.megallm_model.app.max_output_tokens
    input_cost        = data.megallm_model.app.pricing.input_tokens_cost_per_million
  }
}
