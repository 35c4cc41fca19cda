# The provider that the examples in this folder use. tfplugindocs renders only
# the example beside this file; this block makes the folder a configuration
# that plans on its own when copied.
terraform {
  required_providers {
    megallm = {
      source  = "megallm/megallm"
      version = "~> 0.1"
    }
  }
}
