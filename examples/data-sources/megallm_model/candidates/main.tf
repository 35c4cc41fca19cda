# Reads gpt-4.1 while it is usable, else gpt-4o-mini with a warning saying why.
data "megallm_model" "chat" {
  candidates = ["gpt-4.1", "gpt-4o-mini"]
}

output "chosen" {
  value = data.megallm_model.chat.id
}
