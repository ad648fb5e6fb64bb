/*
hl4001 (hook-resource-policy-ignored): helm.sh/resource-policy on a hook has no effect

# What it checks

Hooks that carry helm.sh/resource-policy, whatever its value. The message
says what deletes the hook instead (its delete policy) or that nothing does.

# Why it matters

helm.sh/resource-policy is read only by uninstall
(helm.sh/helm/v3 pkg/action/resource_policy.go filterManifestsToKeep, over
the release manifest) and by upgrade (pkg/kube/client.go Update, over
removed release resources). Neither ever touches hooks, and
pkg/action/hooks.go deleteHookByPolicy does not look at the annotation. A
PVC or ConfigMap made a pre-install,pre-upgrade hook "so it exists first"
and annotated keep "so it is not deleted" is still deleted and recreated by
the default before-hook-creation on every upgrade: the data is gone. Older
Helm docs suggested keep for hooks, which is where the habit comes from.

# How to fix

Keep long-lived data in release resources with resource-policy keep. If it
must be a hook, give it an explicit delete policy that never deletes it
(accepting an unmanaged object), or remove the annotation.

# Example

Bad:

	kind: PersistentVolumeClaim
	metadata:
	  name: data
	  annotations:
	    "helm.sh/hook": pre-install,pre-upgrade
	    "helm.sh/resource-policy": keep

Good:

	kind: PersistentVolumeClaim
	metadata:
	  name: data
	  annotations:
	    "helm.sh/resource-policy": keep
*/
package hl4001
