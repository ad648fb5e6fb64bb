/*
hl2002 (hook-never-completes): a Pod or Job hook that cannot finish makes Helm wait until --timeout

# What it checks

Pod hooks whose restartPolicy is Always or not set (the default is Always),
and Job hooks created suspended (spec.suspend: true).

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook waits for every Job and Pod
hook with KubeClient.WatchUntilReady (pkg/kube/client.go watchUntilReady):
a Pod is done only in phase Succeeded or Failed, a Job only with a Complete
or Failed condition. A Pod with restartPolicy Always restarts its
containers forever and never reaches either phase; a suspended Job never
starts a pod. Helm waits until --timeout (default 5m) and fails the hook
with "timed out waiting for the condition". `helm test` pods are the usual
victims.

# How to fix

Set restartPolicy: Never (or OnFailure) on hook Pods; do not suspend hook
Jobs.

# Example

Bad:

	kind: Pod
	metadata:
	  annotations:
	    "helm.sh/hook": test
	spec:
	  containers:
	    - name: smoke
	      image: curlimages/curl:8.8.0

Good:

	spec:
	  restartPolicy: Never
	  containers:
	    - name: smoke
	      image: curlimages/curl:8.8.0
*/
package hl2002
