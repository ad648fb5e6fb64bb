/*
hl3002 (pre-delete-needs-release-resource): a pre-delete hook uses a release resource that a failed install never created

# What it checks

For every pre-delete hook, the objects its pod references (as HL3001 lists
them) that the chart defines only as ordinary release resources, in charts
that have a pre-install hook. Without one, an install cannot fail before
it creates the release resources, and the rule says nothing of them.

Whatever the chart's hooks, a release resource only the install renders
(`{{ if .Release.IsInstall }}`, absent from the upgrade render) is
reported, as a warning when the hook then fails for certain: the first
upgrade deletes it (helm.sh/helm/v3@v3.22.0 pkg/kube/client.go update
deletes what the new manifest lacks, unless its helm.sh/resource-policy is
exactly "keep"), so every uninstall after an upgrade runs the pre-delete
hook without it.

# Why it matters

helm.sh/helm/v3 pkg/action/uninstall.go Run executes the pre-delete hooks
before deleteRelease removes the release resources, so after a successful
install they exist. But when the install failed in its pre-install hooks
(pkg/action/install.go performInstall returns before creating resources)
the release is stored as failed with none of its resources, and
`helm uninstall` then runs the pre-delete hook against objects that were
never created: it waits until --timeout, the release stays "uninstalling",
and only `helm uninstall --no-hooks` clears it. --atomic installs hit this
path on every failure.

This is advice (info): most releases are uninstalled after a successful
install.

The message says what the failure does to `helm uninstall` only when the
hook fails for certain: a pod that cannot be created or cannot start keeps
Helm waiting until --timeout, a Pod without its ServiceAccount is rejected
at once, and either way pkg/action/uninstall.go Run returns the pre-delete
hook's error before deleting anything, so the release stays until
`helm uninstall --no-hooks`. A missing Role or binding (the pod runs, its
calls are forbidden) gets no such claim.

# How to fix

Declare what a delete hook needs as pre-delete hooks with lower weights
(delete policy before-hook-creation,hook-succeeded), and make delete hooks
tolerate a partial install.

# Example

Bad:

	kind: ServiceAccount
	metadata:
	  name: cleanup
	---
	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-delete
	spec:
	  template:
	    spec:
	      serviceAccountName: cleanup

Good:

	kind: ServiceAccount
	metadata:
	  name: cleanup
	  annotations:
	    "helm.sh/hook": pre-delete
	    "helm.sh/hook-weight": "-5"
*/
package hl3002
