data "megallm_model" "chat" {
  id = "gpt-4o-mini"
}

output "context_length" {
  value = data.megallm_model.chat.context_length
}
