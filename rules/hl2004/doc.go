/*
hl2004 (job-ttl-redundant): a hook Job's ttlSecondsAfterFinished competes with its hook-succeeded policy

# What it checks

Job hooks that set spec.ttlSecondsAfterFinished (60 seconds or more;
shorter TTLs are HL2003's) and whose delete policy includes hook-succeeded.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook deletes hook-succeeded hooks
right after their event succeeded, long before any TTL expires: the TTL
only ever acts on a failed Job (and, with hook-failed as well, never). Two
mechanisms that both delete the Job make it hard to tell which one keeps a
failed Job around for inspection, and the TTL still exposes Helm 4 and
Argo CD to the race HL2003 describes.

This is advice (info).

# How to fix

Choose one mechanism: the delete policy for Helm, or the TTL when failed
Jobs should disappear on their own after inspection time.

# Example

Bad:

	metadata:
	  annotations:
	    "helm.sh/hook": post-install
	    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
	spec:
	  ttlSecondsAfterFinished: 600

Good:

	metadata:
	  annotations:
	    "helm.sh/hook": post-install
	    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
	spec:
	  backoffLimit: 2
*/
package hl2004
