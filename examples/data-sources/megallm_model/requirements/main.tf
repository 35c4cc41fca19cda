# Fails the plan with each requirement the model misses and its actual value.
data "megallm_model" "chat" {
  id      = "gpt-4o-mini"
  require = { supports_function_calling = true, min_context_length = 100000 }
}

output "max_output_tokens" {
  value = data.megallm_model.chat.max_output_tokens
}
