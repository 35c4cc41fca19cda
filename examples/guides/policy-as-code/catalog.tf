# The catalog the Rego policy checks every model id against, read into the
# plan. No filter, and retired models too, so that a retired id gets its
# retirement date and successor rather than "not in the catalog".
data "megallm_models" "catalog" {
  include_retired = true
}

# The whole catalog once more, through a provider configuration without a
# policy, so that the Rego policy can tell an id the policy refuses from one
# the catalog does not have. Optional: without it, such an id is denied too,
# with a message that names both causes.
provider "megallm" {
  alias = "unfiltered"
}

data "megallm_models" "unfiltered" {
  provider        = megallm.unfiltered
  include_retired = true
}
