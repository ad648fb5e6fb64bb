/*
hl2008 (hook-kind-not-waited): Helm does not wait for a Deployment, StatefulSet, DaemonSet or CronJob hook

# What it checks

Hooks whose kind runs pods but is not a Job or a Pod: Deployment,
StatefulSet, DaemonSet, ReplicaSet, ReplicationController and CronJob.

A hook with the hook-succeeded delete policy does not outlive its phase:
execHook deletes it once the phase's hooks have all succeeded
(helm.sh/helm/v3@v3.22.0 pkg/action/hooks.go, deleteHooksByPolicy), so it
is reported only when no Job or Pod hook runs after it in one of its
events, where its pods may be deleted before they ran. With a later Job
that waits for it (jupyterhub's image puller and image awaiter) it is the
intended pattern and not reported.

# Why it matters

helm.sh/helm/v3 pkg/kube/client.go watchUntilReady, which
pkg/action/hooks.go execHook calls for every hook, watches only two kinds:
Job (until Complete or Failed) and Pod (until Succeeded or Failed). Every
other kind returns at once, so a database Deployment made a pre-install hook
"so that it comes first" counts as done the moment it is created and the
next hook races it. Helm 4's status watcher treats them the same way. Hooks
are also never patched by upgrades (they are deleted and recreated by
before-hook-creation, with downtime, or left alone) and uninstall never
deletes them. A CronJob hook only schedules Jobs that nobody waits for.

# How to fix

Keep workloads as release resources; do order-sensitive work in a Job hook
that waits for what it needs itself (an init container that polls), or
split the chart.

# Example

Bad:

	kind: Deployment
	metadata:
	  name: postgres
	  annotations:
	    "helm.sh/hook": pre-install

Good:

	kind: Deployment
	metadata:
	  name: postgres
*/
package hl2008
