# A check never fails a plan or an apply: it reports a warning. With health
# assessments on, HCP Terraform evaluates it about every four hours (continuous
# validation) and reports the workspace unhealthy once the model the config
# uses is deprecated, has fewer than 90 days left to retirement, or is retired.
check "chat_model_lifecycle" {
  # A scoped data source: its errors (a retired model, one the policy now
  # denies) become warnings of this check instead of failing the run.
  data "megallm_model" "chat_today" {
    id = data.megallm_model.chat.id
  }

  assert {
    condition     = coalesce(data.megallm_model.chat_today.model_lifecycle.status, "active") == "active"
    error_message = "${data.megallm_model.chat.id} is deprecated: move to ${coalesce(data.megallm_model.chat_today.model_lifecycle.successor, "another model")}."
  }

  assert {
    condition     = coalesce(data.megallm_model.chat_today.model_lifecycle.days_to_retirement, 90) >= 90
    error_message = "${data.megallm_model.chat.id} retires on ${coalesce(data.megallm_model.chat_today.model_lifecycle.retires_at, "an unknown date")}."
  }
}
