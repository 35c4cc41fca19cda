# METADATA
# title: Package megallm's messages in conftest's default namespace
# description: |
#   conftest test checks package main unless --namespace names another, and ran
#   no rule here without this file, passing every plan ("0 tests"). This file
#   repeats each deny and warning of package megallm in package main, so that
#   conftest test --policy policy/opa plan.json prints them (a count alone had
#   the user run conftest again to read them). --all-namespaces checks both
#   packages, so it prints each twice: conftest checks in a namespace the
#   deny/violation/warn rules that the package's own files define, so only
#   rules in main alone would print once under both, and then --namespace
#   megallm would find none and pass every plan. The rule names are not deny
#   and warn, so that they join a package main of the user's own in any form
#   (a complete deny := ..., a set deny contains ...).
package main

deny_megallm contains msg if some msg in data.megallm.deny

warn_megallm contains msg if some msg in data.megallm.warn
