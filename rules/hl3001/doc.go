/*
hl3001 (hook-needs-release-resource): a pre-install hook uses a release resource that does not exist yet

# What it checks

For every pre-install hook that runs a pod (Job, Pod, any pod template), the
objects its pod spec references: the ServiceAccount (serviceAccountName) and
the RoleBindings/ClusterRoleBindings and Roles that give it permissions,
ConfigMaps and Secrets (volumes, projected volumes, envFrom, env valueFrom),
PersistentVolumeClaims, imagePullSecrets, and, for any hook, the Namespace
in metadata.namespace. It reports each one that the chart defines only as an
ordinary release resource. References marked optional: true are skipped.

Pre-upgrade hooks are not reported: on upgrade a release resource exists if
the previous revision created it, which a static rule cannot know (a
resource added in this chart version is still missing).

# Why it matters

helm.sh/helm/v3 pkg/action/install.go performInstall runs
execHook(pre-install) and waits for every pre-install hook before it creates
a single release resource. A hook Job whose pod needs a release ConfigMap,
Secret or PVC never starts, a missing ServiceAccount stops the Job
controller from creating the pod, and the hook neither succeeds nor fails:
Helm waits until --timeout and the install fails with "timed out waiting
for the condition". A missing RoleBinding lets the pod run without its
permissions. Upgrades of an installed release work, which hides the bug.

# How to fix

Make the dependency a hook of the same events with a lower
helm.sh/hook-weight than the consumer (and a delete policy that keeps it
while it is needed, usually before-hook-creation), move the consumer to
post-install, or mark the reference optional: true when that is correct.

# Example

Bad:

	kind: ConfigMap
	metadata:
	  name: app-env
	---
	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-install,pre-upgrade
	spec:
	  template:
	    spec:
	      containers:
	        - envFrom:
	            - configMapRef:
	                name: app-env

Good:

	kind: ConfigMap
	metadata:
	  name: app-env
	  annotations:
	    "helm.sh/hook": pre-install,pre-upgrade
	    "helm.sh/hook-weight": "-5"
*/
package hl3001
