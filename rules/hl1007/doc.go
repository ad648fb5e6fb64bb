/*
hl1007 (hook-output-log-policy-unknown): an unknown output-log policy never prints the hook's logs

# What it checks

Every comma-separated token of helm.sh/hook-output-log-policy, trimmed and
lower-cased as Helm reads it, on a hook, must be hook-succeeded
or hook-failed; an empty value or token is reported too. The annotation on
a hook that is neither a Job nor a Pod is reported as having no effect. A
hook Helm drops for its event (HL1001, HL1002) is checked too, and its
findings say they apply once the event is fixed, so both are fixed in one
round.

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go operateAnnotationValues
stores the tokens unvalidated, and pkg/action/hooks.go outputLogsByPolicy
prints logs only when the exact policy hook-succeeded or hook-failed is
present, and only for Kind Job (pods labelled job-name=<name>) and Pod.
A misspelled value (on-failure, always, hook-failure) is silently ignored:
the logs you asked for are never printed, typically exactly when a hook
fails and the logs are needed. The annotation exists in Helm 3.22 and 4
but is not documented on helm.sh.

Backed by TestHelmPolicies (SortManifests keeps unknown values) in
internal/hook.

# How to fix

Use hook-failed (and, if useful, hook-succeeded) on Job and Pod hooks.

# Example

Bad:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-upgrade
	    "helm.sh/hook-output-log-policy": on-failure

Good:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-upgrade
	    "helm.sh/hook-output-log-policy": hook-failed
*/
package hl1007
