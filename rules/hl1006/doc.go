/*
hl1006 (hook-delete-policy-unknown): an unknown or empty delete policy also removes the default before-hook-creation

# What it checks

Every comma-separated token of helm.sh/hook-delete-policy, trimmed and
lower-cased as Helm reads it, on a hook, must be one of
before-hook-creation, hook-succeeded or hook-failed. A misspelled or
invented policy (hook-succeded, on-success, never, keep), an empty value
("") and an empty token (a trailing comma) are reported, with the closest
known policy. A hook Helm drops for its event (HL1001, HL1002) is checked
too, and its findings say they apply once the event is fixed, so both are
fixed in one round.

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go operateAnnotationValues
stores every token unvalidated, "" included. pkg/action/hooks.go execHook
applies the default before-hook-creation only when that list is empty, and
deleteHookByPolicy then looks for exact matches. So a wrong token does two
things: the policy meant is never applied, and, when no valid policy is
left, the default is gone too. Nothing ever deletes the hook: it stays in
the cluster after it ran, and its next run (the next upgrade, `helm test`,
or an install after an uninstall) fails with

	warning: Hook pre-upgrade <chart>/templates/<file> failed: <kind> "<name>" already exists

An empty token next to a valid policy is ignored harmlessly and reported as
a warning. (Argo CD ignores invalid values and falls back to its default.)

Helm 4 differs (the message follows --helm): it creates hooks with
server-side apply, which re-applies the leftover instead of failing with
"already exists": a completed Job is not run again, and one whose pod
template changed fails with "field is immutable" (recorded with v4.3.1
against a real API server).

Backed by TestHelmPolicies (SortManifests keeps the typo and "") and
TestExecHookDeletePolicies (Helm's own install and upgrade against a fake
cluster: the upgrade fails with "already exists") in internal/hook.

# How to fix

Use only before-hook-creation, hook-succeeded and hook-failed, comma
separated. To keep a hook object on purpose, write before-hook-creation
alone: the object stays until the hook's next run replaces it.

# Example

Bad:

	annotations:
	  "helm.sh/hook": pre-install,pre-upgrade
	  "helm.sh/hook-delete-policy": hook-succeded

Good:

	annotations:
	  "helm.sh/hook": pre-install,pre-upgrade
	  "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
*/
package hl1006
