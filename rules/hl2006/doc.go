/*
hl2006 (job-retries-exceed-timeout): a hook Job's backoffLimit retries outlast Helm's --timeout

# What it checks

Job hooks with an explicit spec.backoffLimit whose retry delays alone
(10s, 20s, 40s, ... capped at six minutes, one per retry, with pods that
fail instantly) add up to more than Helm's --timeout, unless an
activeDeadlineSeconds within the timeout fails the Job first. An unset
backoffLimit (default 6, at least 10m30s) is reported by HL2007.

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
