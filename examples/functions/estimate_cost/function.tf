data "megallm_model" "chat" {
  id = "gpt-4o-mini"
}

# Monthly cost of 30 million prompt tokens and 6 million completion tokens.
output "monthly_cost" {
  value = provider::megallm::estimate_cost(data.megallm_model.chat, 30000000, 6000000)
}

# The same estimate for every chat model, to compare before choosing. Costs
# compare only in one currency: a model priced in another (its
# pricing.currency, null meaning USD) is left out, and so is a model without
# both prices (estimate_cost would fail the plan).
locals {
  currency = "USD" # any letter case: catalog codes are upper case
}

data "megallm_models" "chat" {
  type = "chat"
}

output "monthly_cost_by_model" {
  value = {
    for m in data.megallm_models.chat.models : m.id => provider::megallm::estimate_cost(m, 30000000, 6000000)
    if try(
      coalesce(m.pricing.currency, "USD") == upper(local.currency) &&
      m.pricing.input_tokens_cost_per_million != null && m.pricing.output_tokens_cost_per_million != null,
      false
    )
  }
}
