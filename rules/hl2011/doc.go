/*
hl2011 (release-job-immutable): a Job that is a release resource breaks upgrades that change it

# What it checks

Jobs without helm.sh/hook, that is Jobs Helm installs, upgrades and deletes
as ordinary release resources, as the upgrade render has them. A Job only
install renders (`{{ if .Release.IsInstall }}`) is not reported: the first
upgrade's manifest lacks it, so helm.sh/helm/v3 pkg/kube/client.go Update
deletes it instead of patching it. A Job only upgrades render is reported:
the next upgrade patches it.

# Why it matters

helm upgrade patches changed release resources (helm.sh/helm/v3
pkg/kube/client.go Update, a three-way merge patch). A Job's
spec.template is immutable, so as soon as an upgrade changes anything in it
(an image tag, a value, a checksum annotation) the patch is rejected with
`Job.batch "..." is invalid: spec.template: ... field is immutable` and the
upgrade fails, until someone deletes the Job by hand. A completed Job is
also never re-run by an upgrade. Hooks are recreated instead of patched
(before-hook-creation), which is why one-shot Jobs are usually hooks.

# How to fix

Make one-shot Jobs hooks (pre-upgrade or post-upgrade, with
before-hook-creation), or give the Job a name that changes with its
content or revision so each upgrade creates a new Job.

# Example

Bad:

	kind: Job
	metadata:
	  name: app-migrations

Good:

	kind: Job
	metadata:
	  name: app-migrations
	  annotations:
	    "helm.sh/hook": post-install,post-upgrade
*/
package hl2011
