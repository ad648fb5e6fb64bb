/*
hl2003 (job-ttl-too-short): a hook Job's ttlSecondsAfterFinished can delete it before Helm sees it finish

# What it checks

Job hooks with spec.ttlSecondsAfterFinished below 60 seconds (0 included).

# Why it matters

The TTL controller deletes a finished Job after ttlSecondsAfterFinished.
Helm does not look at the TTL anywhere: helm.sh/helm/v3 pkg/action/hooks.go
execHook waits for the Job with WatchUntilReady. Helm 3's watcher happens to
count a deleted Job as done, but Helm 4's default status watcher
(pkg/kube/statuswait.go) reads a deleted Job as NotFound and waits until
--timeout ("Resource not found ... context deadline exceeded"), and Argo
CD ("waiting for completion of hook") hangs the same way. Helm 3's
--wait-for-jobs does not apply to hooks (it waits for release resources in
pkg/kube/wait.go; hooks go through WatchUntilReady), so it is not named. Authors add the TTL because linters ask for it
(kube-linter's job-ttl-seconds-after-finished), although the hook delete
policy already cleans up.

# How to fix

Drop the TTL and let helm.sh/hook-delete-policy clean up
(before-hook-creation, plus hook-succeeded if wanted); if a TTL is needed
for other consumers, make it generous (minutes) and configurable.

# Example

Bad:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-install,pre-upgrade
	    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
	spec:
	  ttlSecondsAfterFinished: 0

Good:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-install,pre-upgrade
	    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
	spec:
	  backoffLimit: 1
*/
package hl2003
