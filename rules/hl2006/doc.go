/*
hl2006 (job-retries-exceed-timeout): a hook Job's backoffLimit retries outlast Helm's --timeout

# What it checks

Job hooks with an explicit spec.backoffLimit above the default (6) whose
retry delays alone
(with pods that fail instantly) add up to more than Helm's --timeout,
unless an activeDeadlineSeconds within the timeout fails the Job first.
The delays follow the pod's restartPolicy: with Never the Job controller
creates a new pod after 10s, 20s, 40s, ... capped at six minutes; with
OnFailure the kubelet restarts the container in place after 10s, 20s,
40s, ... capped at five minutes (k8s.io/kubernetes@v1.35
pkg/kubelet/kubelet.go MaxContainerBackOff), and the Job fails when the
restarts reach backoffLimit (pkg/controller/job/job_controller.go
pastBackoffLimitOnFailure), so backoffLimit 6 takes 10m30s with Never and
10m10s with OnFailure. An unset backoffLimit, or one no higher than the
default 6, is HL2007's (the same worst case every Job has),
which is opt-in; a Job this rule reports is not reported again by HL2007.
When the hook has the hook-failed delete policy the message says that Helm
deletes the Job after the timeout (pkg/action/hooks.go execHook
deleteHookByPolicy) instead of claiming it keeps retrying.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook waits for a Job hook until it
is Complete or Failed, at most --timeout. A Job that can fail only after
its last retry is still retrying when Helm gives up: Helm reports "timed out
waiting for the condition" instead of the real "BackoffLimitExceeded",
and the Job keeps retrying after the release has failed.

# How to fix

Lower backoffLimit (2 or 3 suits most hooks), add an activeDeadlineSeconds
below --timeout, or document the --timeout the chart needs.

# Example

Bad:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-upgrade
	spec:
	  backoffLimit: 10

Good:

	spec:
	  backoffLimit: 3
*/
package hl2006
