# METADATA
# title: A pointer to package megallm from conftest's default namespace
# description: |
#   conftest test checks package main unless --namespace names another, and ran
#   no rule here without this file, passing every plan ("0 tests"). This file
#   adds to package main one failure that counts package megallm's denies, and
#   one warning that counts its warnings, rather than repeating them:
#   --all-namespaces, which checks both packages, shows each message once. The
#   rule names are not deny and warn, so that they join a package main of the
#   user's own in any form (a complete deny := ..., a set deny contains ...).
package main

deny_megallm contains msg if {
	n := count(data.megallm.deny)
	n > 0
	msg := sprintf(
		"This plan fails MegaLLM model id checks (denies: %d), listed by conftest test --namespace megallm (or --all-namespaces): package megallm holds them, not conftest's default package main.",
		[n],
	)
}

warn_megallm contains msg if {
	n := count(data.megallm.warn)
	n > 0
	msg := sprintf(
		"This plan has MegaLLM model id warnings (warnings: %d), listed by conftest test --namespace megallm (or --all-namespaces): package megallm holds them, not conftest's default package main.",
		[n],
	)
}
