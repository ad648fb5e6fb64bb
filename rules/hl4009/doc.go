/*
hl4009 (hook-deleted-while-used): a hook object its own hook-succeeded policy deletes is used by release workloads

# What it checks

References from the pods of release resources (Deployments, StatefulSets,
DaemonSets, Jobs, Pods: volumes, envFrom, env valueFrom, imagePullSecrets,
serviceAccountName and PersistentVolumeClaims, as HL3001 lists them; not
optional ones) to an object that the chart defines only as hooks, one of
which runs on install or upgrade with the hook-succeeded delete policy.
The workloads are those of the install render. When only the upgrade
render defines the object as a release resource (`{{ if .Release.IsInstall }}`
a hook, else a release resource), the message says the pods fail until
the release's first upgrade creates it.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook deletes a hook-succeeded hook
as soon as the hooks of its phase have succeeded. A Secret or ConfigMap
made a pre-install hook "so that it exists before the Deployment" is
therefore gone before Helm even creates the release resources
(pkg/action/install.go performInstall runs the pre-install hooks first):
the Deployment's pods cannot start (secret not found: CreateContainerConfigError
for env, ContainerCreating for volumes, rejected pods for a missing
ServiceAccount). A post-install one lives only until the post-install
phase ends, and every pod that starts later (a restart on another node, a
scale-up, a rolling update) fails the same way. The release looks
installed; the failure shows up later.

This is an error: the pods that reference the object cannot start once it
is deleted.

# How to fix

Drop hook-succeeded from the hook (keep before-hook-creation so the next
run replaces it), or make the object a release resource.

# Example

Bad:

	kind: Secret
	metadata:
	  name: app-credentials
	  annotations:
	    "helm.sh/hook": pre-install
	    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
	---
	kind: Deployment
	spec:
	  template:
	    spec:
	      containers:
	        - envFrom:
	            - secretRef:
	                name: app-credentials

Good:

	kind: Secret
	metadata:
	  name: app-credentials
	  annotations:
	    "helm.sh/hook": pre-install
	    "helm.sh/hook-delete-policy": before-hook-creation
*/
package hl4009
