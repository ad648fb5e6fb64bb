/*
hl4007 (hook-leaks-after-uninstall): a cluster-wide hook object stays after helm uninstall

# What it checks

Hooks of kinds whose leftovers harm the cluster (MutatingWebhookConfiguration,
ValidatingWebhookConfiguration, APIService, Namespace, ClusterRole,
ClusterRoleBinding) that no hook-succeeded policy deletes, and every
CustomResourceDefinition hook.

# Why it matters

Hooks are not part of the release manifest, so helm.sh/helm/v3
pkg/action/uninstall.go never deletes them; only a delete policy does
(pkg/action/hooks.go deleteHookByPolicy), and it never deletes a
CustomResourceDefinition. A webhook configuration left behind keeps
intercepting requests for a service that is gone and can block unrelated
workloads; an APIService breaks discovery; cluster RBAC keeps granting
permissions; a CRD hook is never updated and a reinstall fails with
"already exists".

# How to fix

Make such objects release resources (CRDs in crds/ or a separate chart), or
add hook-succeeded to the hook's delete policy, or a pre-delete hook that
removes them.

# Example

Bad:

	kind: MutatingWebhookConfiguration
	metadata:
	  name: injector
	  annotations:
	    "helm.sh/hook": post-install,post-upgrade

Good:

	kind: MutatingWebhookConfiguration
	metadata:
	  name: injector
*/
package hl4007
