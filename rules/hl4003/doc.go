/*
hl4003 (resource-policy-not-keep): a helm.sh/resource-policy value other than keep orphans the resource

# What it checks

Release resources (not hooks) whose helm.sh/resource-policy is not exactly
"keep": any other value (including an empty one from a template), and
spellings such as "Keep" or " keep" that only some of Helm's readers accept.

# Why it matters

At uninstall, helm.sh/helm/v3 pkg/action/resource_policy.go
filterManifestsToKeep trims and lower-cases the value: "keep" goes to the
kept list, but any other value is put in neither list, so the resource is
neither deleted nor reported as kept; it is silently left behind. At upgrade,
pkg/kube/client.go Update compares the live value exactly with "keep", so
a resource dropped from the chart is deleted unless the value is exactly
"keep". A value like "delete" or "" therefore orphans at uninstall and
deletes at upgrade, and "Keep" keeps at uninstall but deletes at upgrade.

# How to fix

Write exactly helm.sh/resource-policy: keep, or remove the annotation.

# Example

Bad:

	metadata:
	  annotations:
	    "helm.sh/resource-policy": delete

Good:

	metadata:
	  annotations:
	    "helm.sh/resource-policy": keep
*/
package hl4003
