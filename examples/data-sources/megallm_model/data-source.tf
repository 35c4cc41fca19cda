data "megallm_model" "chat" {
  id = "gpt-4o-mini"
}
