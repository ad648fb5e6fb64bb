/*
hl1009 (helm-annotation-typo): a misspelled helm.sh/ annotation key is ignored by Helm

# What it checks

Every key of a rendered document's metadata.annotations that is not one
of the keys Helm reads (hook.HelmAnnotationKeys: helm.sh/hook,
helm.sh/hook-weight, helm.sh/hook-delete-policy,
helm.sh/hook-output-log-policy, helm.sh/resource-policy) but is close to
one: within a small edit distance after lower-casing and reading _ as -
(helm.sh/hooks, helm.sh/hook-weights, helm.sh/hook_weight,
helm.sh/hookWeight, helm.sh/hook-delete-policies, helm.sh/resource-polciy,
helm.sh.hook, helm.io/hook), a different case (Helm.sh/hook), or a known
key without its hook- prefix (helm.sh/weight, helm.sh/delete-policy). Keys
far from every Helm key are left alone, whatever their prefix:
meta.helm.sh/release-name, helm.sh/chart, argocd.argoproj.io/hook,
helm.sh/hook-delete-timeout (a Helm 2 key Helm 3 never reads).

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go looks the keys up
exactly and case-sensitively in metadata.annotations (release.HookAnnotation,
HookWeightAnnotation, HookDeleteAnnotation, HookOutputLogAnnotation;
pkg/action/resource_policy.go for helm.sh/resource-policy). Any other key
is an ordinary annotation. Nothing fails: a misspelled helm.sh/hook makes
the resource a normal release resource, a misspelled weight leaves the hook
at weight 0, a misspelled delete policy leaves only the default
before-hook-creation, a misspelled resource policy lets uninstall delete
the resource. Seed 000 (a published Helm book) writes helm.sh/weight.

Backed by TestHelmReadsOnlyExactTopLevelKeys in internal/hook.

# How to fix

Write the key exactly as the message suggests.

# Example

Bad:

	annotations:
	  "helm.sh/hook": pre-upgrade
	  "helm.sh/weight": "1"

Good:

	annotations:
	  "helm.sh/hook": pre-upgrade
	  "helm.sh/hook-weight": "1"
*/
package hl1009
