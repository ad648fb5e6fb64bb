/*
hl2005 (job-deadline-exceeds-timeout): a hook Job's activeDeadlineSeconds is longer than Helm's --timeout

# What it checks

Job hooks whose spec.activeDeadlineSeconds exceeds Helm's --timeout
(default 5m; hooklint's --timeout sets it).

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook waits for each hook at most
--timeout (KubeClient.WatchUntilReady(resources, timeout)). A Job allowed
to run longer than that is abandoned by Helm, which fails the hook with the
generic "timed out waiting for the condition" and marks the release failed,
while the Job keeps running (and may succeed later, after the release was
already failed or rolled back). Helm never kills a hook Job.

# How to fix

Keep activeDeadlineSeconds below the --timeout you document, or document
the --timeout the chart needs (and set it in CI and GitOps tools).

# Example

Bad:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": post-install
	spec:
	  activeDeadlineSeconds: 3000

Good:

	spec:
	  activeDeadlineSeconds: 240
*/
package hl2005
