# ids[0] is the cheapest chat model with vision and 128k tokens of context.
data "megallm_models" "vision" {
  type    = "chat"
  sort_by = "input_cost"
  require = { supports_vision = true, min_context_length = 128000 }

  # Without it, a listing that nothing meets fails on ids[0] as "Invalid index".
  lifecycle {
    postcondition {
      condition     = length(self.ids) > 0
      error_message = "No chat model has vision and 128k tokens of context: relax require. ${self.empty_reason}"
    }
  }
}

output "cheapest_vision_model" {
  value = data.megallm_models.vision.ids[0]
}
