/*
hl1011 (hook-annotation-without-hook): hook weight and policies on a resource that is not a hook are ignored

# What it checks

A rendered document whose metadata.annotations has helm.sh/hook-weight,
helm.sh/hook-delete-policy or helm.sh/hook-output-log-policy but no
helm.sh/hook.

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go reads the weight and
the policies only for documents that have the exact key helm.sh/hook;
every other document is a generic manifest, a normal release resource
created in kind order (InstallOrder) and deleted by `helm uninstall`. The
hook keys on it do nothing: the weight does not order it, the delete
policy never deletes it. This is common after someone removed helm.sh/hook
but left the rest, or expected the weight to order ordinary resources.
(Argo CD does read helm.sh/hook-weight as a sync wave on any resource
when argocd.argoproj.io/sync-wave is absent; under Helm it is inert.) If
the helm.sh/hook key is misspelled, HL1009 says so as well.

This is info: an annotation that has no effect breaks nothing by itself
(the resource is installed and deleted as a release resource); when the
hook key itself is misspelled, HL1009's warning is the finding that
matters.

Backed by TestHelmReadsOnlyExactTopLevelKeys (weight and delete policy
without helm.sh/hook leave a generic manifest) in internal/hook.

# How to fix

Add the helm.sh/hook annotation if the resource is meant to be a hook
(and accept hook semantics: not part of the release, not deleted by
uninstall), or remove the hook keys.

# Example

Bad:

	kind: SecurityContextConstraints
	metadata:
	  annotations:
	    "helm.sh/hook-weight": "-10"

Good:

	kind: SecurityContextConstraints
	metadata:
	  annotations: {}
*/
package hl1011
