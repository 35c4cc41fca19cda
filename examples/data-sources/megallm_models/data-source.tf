# Every chat model from two vendors, newest first.
data "megallm_models" "chat" {
  type       = "chat"
  owned_by   = ["openai", "anthropic"]
  sort_by    = "created_at"
  descending = true
}

# The cheapest chat model that takes images and has at least 128k tokens of context.
data "megallm_models" "vision_128k" {
  type    = "chat"
  sort_by = "input_cost"
  require = {
    supports_vision    = true
    min_context_length = 128000
  }

  lifecycle {
    postcondition {
      condition     = length(self.ids) > 0
      error_message = "No MegaLLM model has vision and a 128k context: relax the requirements."
    }
  }
}

# The chat model that costs least for a month of our traffic, and that cost.
data "megallm_models" "for_our_traffic" {
  type     = "chat"
  workload = { input_tokens = 1.2e9, output_tokens = 3e8 }
  sort_by  = "workload_cost"
  require  = { supports_function_calling = true, max_workload_cost = 1000 } # USD, the default currency
}

output "cheapest_for_our_traffic" {
  value = "${data.megallm_models.for_our_traffic.ids[0]}: ${data.megallm_models.for_our_traffic.workload_costs[0]} USD a month"
}

# Embedding models whose id mentions "embedding".
data "megallm_models" "embeddings" {
  type     = "embedding"
  id_regex = "embedding"
}

# The three newest chat models created after 1 December 2024 (a date is
# midnight UTC), leaving out one the team has ruled out.
data "megallm_models" "newest_chat" {
  type          = "chat"
  created_after = "2024-12-01"
  exclude_ids   = ["deepseek-reasoner"]
  sort_by       = "created_at"
  descending    = true
  limit         = 3
}

output "cheapest_vision_128k" {
  value = data.megallm_models.vision_128k.ids[0]
}

output "chat_models_newest_first" {
  value = data.megallm_models.chat.ids
}

output "three_newest_chat_models" {
  value = data.megallm_models.newest_chat.ids
}

# The longest input, in tokens, that each embedding model takes (its context
# length; null when the catalog does not report it). The catalog has no
# embedding dimensions.
output "embedding_max_input_tokens" {
  value = { for m in data.megallm_models.embeddings.models : m.id => m.context_length }
}
