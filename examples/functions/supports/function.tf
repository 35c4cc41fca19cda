data "megallm_models" "openai" {
  owned_by = ["openai"]
}

# The OpenAI models that accept images.
output "vision_models" {
  value = [for m in data.megallm_models.openai.models : m.id if provider::megallm::supports(m, "vision")]
}

# A check block warns, without failing the plan, when the chosen model cannot stream.
data "megallm_model" "assistant" {
  id = "o3-mini"
}

check "assistant_streams" {
  assert {
    condition     = provider::megallm::supports(data.megallm_model.assistant, "streaming")
    error_message = "${data.megallm_model.assistant.id} cannot stream: the chat UI will show answers only when complete."
  }
}
