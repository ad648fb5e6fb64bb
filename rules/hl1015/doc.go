/*
hl1015 (hook-annotation-duplicate-key): a hook annotation key is written twice in one object

# What it checks

Every rendered object whose metadata.annotations holds the same key twice,
for the keys that drive hooks: helm.sh/hook, helm.sh/hook-weight,
helm.sh/hook-delete-policy, helm.sh/hook-output-log-policy and
argocd.argoproj.io/*. Each earlier occurrence is reported, with the one
that wins as related position.

# Why it matters

Helm reads manifests with sigs.k8s.io/yaml (helm.sh/helm/v3
pkg/releaseutil/manifest_sorter.go, yaml.Unmarshal), which decodes with
go-yaml v2 in non-strict mode: a repeated mapping key overwrites the
earlier one (go.yaml.in/yaml/v2 decode.go d.mapping reports "already set in
map" only in strict mode). The Kubernetes API server receives the same
last value. So the first value is silently lost: a hook written
"helm.sh/hook": pre-install and again "helm.sh/hook": pre-upgrade runs
only on upgrade, and a second helm.sh/hook-delete-policy replaces the
first policy instead of adding to it. It typically happens when a helper
(include) adds default annotations and the template writes its own.
hooklint's other rules read the last value too. Backed by
TestHelmDuplicateAnnotationKeyLastWins in internal/hook (SortManifests and
hooklint's reading agree, for Helm 3 and Helm 4) and
TestHelmTemplateReadsLastDuplicateKey (`helm template` prints the hook
whose misspelt event came first and skips the one whose misspelt event
came last).

# How to fix

Write each key once, with every event or policy comma-separated.

# Example

Bad:

	annotations:
	  "helm.sh/hook": pre-install
	  "helm.sh/hook": pre-upgrade

Good:

	annotations:
	  "helm.sh/hook": pre-install,pre-upgrade
*/
package hl1015
