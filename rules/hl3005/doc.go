/*
hl3005 (hook-dependency-deleted-early): a hook uses another hook that hook-succeeded deleted before it runs

# What it checks

For every hook and each of its events, the objects it references (as
HL3001 lists them) that the chart defines only as hooks of other events and
that carry the hook-succeeded delete policy: by the time the consumer's
event runs, Helm has deleted them. CustomResourceDefinitions are exempt
(Helm never deletes them).

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook deletes the hook-succeeded
hooks of an event after all its hooks succeeded. That is safe within one
event, but a ServiceAccount hook on pre-install with hook-succeeded is gone
before the post-install hooks run, and a pre-install hook is gone long
before a pre-delete or test hook that reuses it. The consumer's pod cannot
be created or started, and Helm waits until --timeout.

# How to fix

Give a shared dependency every event of its consumers (with a lower weight)
and a delete policy no more aggressive than the consumer's, or give each
consumer its own dependency.

# Example

Bad:

	kind: ServiceAccount
	metadata:
	  name: hooks
	  annotations:
	    "helm.sh/hook": pre-install
	    "helm.sh/hook-delete-policy": hook-succeeded
	---
	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": post-install
	spec:
	  template:
	    spec:
	      serviceAccountName: hooks

Good:

	kind: ServiceAccount
	metadata:
	  name: hooks
	  annotations:
	    "helm.sh/hook": pre-install,post-install
	    "helm.sh/hook-weight": "-10"
	    "helm.sh/hook-delete-policy": before-hook-creation
*/
package hl3005
