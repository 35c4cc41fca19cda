data "megallm_models" "chat" {
  type = "chat"
}
