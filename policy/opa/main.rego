# METADATA
# title: The same checks in conftest's default namespace
# description: |
#   conftest test evaluates package main unless --namespace names another, so
#   without this file conftest test --policy policy/opa plan.json ran no rule
#   and passed ("0 tests"). Here are package megallm's deny and warn.
package main

import data.megallm

deny contains msg if some msg in megallm.deny

warn contains msg if some msg in megallm.warn
