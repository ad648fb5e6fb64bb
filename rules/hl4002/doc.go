/*
hl4002 (keep-policy-reinstall): a release resource kept at uninstall is adopted or collides at the next install

# What it checks

Release resources (not hooks) annotated helm.sh/resource-policy: keep.

# Why it matters

helm.sh/helm/v3 pkg/action/uninstall.go deleteRelease skips them
(filterManifestsToKeep), so they outlive the release with their
meta.helm.sh/release-name annotations. A later `helm install` checks
existing objects (pkg/action/validate.go existingResourceConflict): under
the same release name and namespace it silently adopts the old object and
patches it to the new chart's manifest (pkg/action/install.go
performInstallCtx calls KubeClient.Update on the adopted objects), so only
what the manifest does not hold survives: a PVC's volume keeps its old
data, and a Secret is overwritten by newly generated passwords that no
longer match the data created with the old ones; under another release
name the install fails with "exists and cannot be imported into the
current release".

This is advice (info): keep is usually deliberate.

# How to fix

Document what a reinstall does with the kept object (reuse it on purpose:
same release name, stable generated values via lookup), or do not keep it.

# Example

Bad:

	kind: Secret
	metadata:
	  name: db-password
	  annotations:
	    "helm.sh/resource-policy": keep

Good:

	kind: Secret
	metadata:
	  name: db-password
*/
package hl4002
