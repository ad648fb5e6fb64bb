/*
hl1001 (hook-unknown-event): a helm.sh/hook token Helm does not know drops the whole resource

# What it checks

Every comma-separated token of the helm.sh/hook annotation, trimmed and
lower-cased as Helm reads it, must be one of Helm's hook events:
pre-install, post-install, pre-upgrade, post-upgrade, pre-rollback,
post-rollback, pre-delete, post-delete, test (and the legacy test-success,
see HL1003). Empty tokens (a trailing comma, an empty value) are unknown too.
Legacy Helm 2 events (crd-install, test-failure) are HL1002's.

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go manifestFile.sort stops
at the first unknown token and skips the whole document: it is neither run
as a hook nor installed as a release resource, and `helm template` does not
print it. The only trace is "info: skipping unknown hook" on stderr. One typo
in one token makes the resource disappear silently.

# How to fix

Correct the token (the message suggests the closest event) or remove it.

# Example

Bad:

	annotations:
	  "helm.sh/hook": pre-instal,post-install

Good:

	annotations:
	  "helm.sh/hook": pre-install,post-install
*/
package hl1001
