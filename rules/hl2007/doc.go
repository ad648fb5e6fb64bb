/*
hl2007 (job-hook-no-deadline): a hook Job without activeDeadlineSeconds can hold the release until --timeout

# What it checks

Job hooks without spec.activeDeadlineSeconds, except those HL2006 reports
(an explicit backoffLimit whose retries outlast --timeout): one Job, one
finding. When backoffLimit is not set either, the message adds that the
default backoffLimit (6) keeps a failing Job retrying for at least 10m30s
(10m10s with restartPolicy OnFailure, HL2006 explains the delays), longer
than Helm's default --timeout.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook waits for a Job hook until it
completes or fails, at most --timeout, and never deletes it on timeout. A
pod stuck on a dead database or an image pull holds the install or upgrade
for the whole --timeout, Helm's error says only "timed out waiting for the
condition", and the Job keeps running afterwards. A deadline turns that
into a prompt "DeadlineExceeded" failure of the Job itself.

This is advice (info), and it would fire on most charts (27 of the 36
corpus charts): few hook Jobs set a deadline, and the consequence (a timeout
message instead of the Job's own failure) is the same for all of them. So
it is opt-in: it runs only with `rules.default: all` in .hooklint.yaml or
when enabled by name (`--enable HL2007`).

# How to fix

Set spec.activeDeadlineSeconds below the --timeout (and an explicit small
backoffLimit).

# Example

Bad:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-upgrade
	spec:
	  template:

Good:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-upgrade
	spec:
	  activeDeadlineSeconds: 240
	  backoffLimit: 2
	  template:
*/
package hl2007
