terraform {
  required_providers {
    megallm = {
      source  = "megallm/megallm"
      version = "~> 0.1"
    }
  }
}

# The platform team keeps model-policy.json in one place (a shared module,
# a git submodule, a file your CI copies in); every workspace reads it.
provider "megallm" {
  policy = jsondecode(file("${path.module}/model-policy.json"))
}

# Candidates in order of preference: the first one that exists, is allowed,
# is not retired and meets require is read. gpt-3.5-turbo is retired, so this
# plans with a warning and reads gpt-4o-mini; no edit is needed on the day a
# model retires.
data "megallm_model" "chat" {
  candidates = ["gpt-3.5-turbo", "gpt-4o-mini"]
}

# Requirements on the lifecycle: gpt-4o is deprecated (and retires within
# months), so it is passed over for gpt-4.1.
data "megallm_model" "long_lived" {
  candidates = ["gpt-4o", "gpt-4.1"]
  require = {
    not_deprecated         = true
    min_days_to_retirement = 90
  }
}

# megallm_models never lists denied, not allowed or retired models, and sorts
# by the negotiated price: gpt-4o-mini (0.09 under the policy, 0.15 list) comes
# before gemini-2.0-flash (0.10).
data "megallm_models" "approved_chat" {
  type    = "chat"
  sort_by = "input_cost"
  limit   = 3
}

output "chat_model" {
  value = data.megallm_model.chat.id
}

output "long_lived_model" {
  value = data.megallm_model.long_lived.id
}

output "cheapest_approved_chat_models" {
  value = data.megallm_models.approved_chat.ids
}

# estimate_cost uses the negotiated price too: 1,000 million input tokens at
# 0.09 and 200 million output tokens at 0.36.
output "chat_monthly_cost" {
  value = provider::megallm::estimate_cost(data.megallm_model.chat, 1e9, 2e8)
}
