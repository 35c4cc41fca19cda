# ids[0] costs least for a month of your traffic, input and output weighed.
data "megallm_models" "for_traffic" {
  type     = "chat"
  workload = { input_tokens = 1.2e9, output_tokens = 3e8 }
  sort_by  = "workload_cost"
  require  = { max_workload_cost = 1000 } # USD, the default currency

  lifecycle {
    postcondition {
      condition     = length(self.ids) > 0
      error_message = "No chat model costs at most 1000 USD for this traffic: raise max_workload_cost. ${self.empty_reason}"
    }
  }
}

output "cheapest_for_traffic" {
  value = { id = data.megallm_models.for_traffic.ids[0], cost = data.megallm_models.for_traffic.workload_costs[0] }
}
