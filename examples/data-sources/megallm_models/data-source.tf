data "megallm_models" "chat" {
  type = "chat"
}

output "chat_model_ids" {
  value = data.megallm_models.chat.ids
}
