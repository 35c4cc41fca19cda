# Require the provider, with a version constraint: the source "megallm/megallm"
# is what Terraform and OpenTofu install it by.
terraform {
  required_providers {
    megallm = {
      source  = "megallm/megallm"
      version = "~> 0.1"
    }
  }
}

# Configure the key and, if needed, the API root through the environment:
#   export MEGALLM_API_KEY=...                 # required to read the catalog
#   export MEGALLM_BASE_URL=https://...        # optional, defaults to https://ai.megallm.io/v1
#   export MEGALLM_CATALOG_FILE=catalog.json   # optional: a saved catalog instead, no key
provider "megallm" {}

# Or set the arguments explicitly. Keep the key in a sensitive variable, never in code.
variable "megallm_api_key" {
  type      = string
  sensitive = true
  default   = null # null falls back to MEGALLM_API_KEY
}

provider "megallm" {
  alias           = "explicit"
  api_key         = var.megallm_api_key
  auth_scheme     = "bearer" # or "x-api-key"
  request_timeout = "30s"
  max_retries     = 3
}
