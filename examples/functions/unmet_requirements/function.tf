variable "chat_model" {
  type    = string
  default = "gpt-4o-mini"
}

data "megallm_model" "chat" {
  id = var.chat_model
}

locals {
  chat_needs = {
    supports_function_calling = true
    min_context_length        = 100000
  }
}

# Gate an application's deployment on the model meeting its needs, with the
# provider's own wording of whatever is missing.
resource "terraform_data" "app_config" {
  input = { model = data.megallm_model.chat.id }

  lifecycle {
    precondition {
      condition     = length(provider::megallm::unmet_requirements(data.megallm_model.chat, local.chat_needs)) == 0
      error_message = "Model ${var.chat_model}: ${join("; ", provider::megallm::unmet_requirements(data.megallm_model.chat, local.chat_needs))}"
    }
  }
}
