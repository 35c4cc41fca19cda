terraform {
  required_providers {
    megallm = {
      source  = "megallm/megallm"
      version = "~> 0.1"
    }
  }
}

provider "megallm" {
  policy = jsondecode(file("${path.module}/model-policy.json"))
}

# A service configured with model ids written as plain strings: no data
# source checks them, the Rego policy does. gpt-4o is deprecated by the
# policy, so the policy warns; LOG_LEVEL is not a model setting and is left
# alone.
resource "terraform_data" "chat_service" {
  input = {
    environment = {
      OPENAI_MODEL   = "gpt-4o-mini"
      FALLBACK_MODEL = "gpt-4o"
      LOG_LEVEL      = "info"
    }
  }
}
