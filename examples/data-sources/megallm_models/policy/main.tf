provider "megallm" {
  policy = jsondecode(file("${path.module}/model-policy.json"))
}

# The chat models the policy allows, cheapest first at the prices it sets.
data "megallm_models" "approved" {
  type    = "chat"
  sort_by = "input_cost"
}

output "approved_chat_models" {
  value = data.megallm_models.approved.ids
}
