/*
hl3003 (post-delete-needs-release-resource): a post-delete hook uses a release resource that uninstall already deleted

# What it checks

For every post-delete hook, the objects its pod references (as HL3001 lists
them) and its namespace that the chart defines only as ordinary release
resources without helm.sh/resource-policy: keep.

# Why it matters

helm.sh/helm/v3 pkg/action/uninstall.go Run deletes the release resources
(deleteRelease, which spares only resources with resource-policy keep) and
only then runs the post-delete hooks. A post-delete Job that uses the app's
ServiceAccount, ConfigMap or Secret cannot start: Helm waits until
--timeout, and since the release record is purged right after, the failure
cannot be retried with Helm. Hook objects left behind stay forever.

When the hook fails for certain (its pod cannot be created or cannot
start, so Helm waits until --timeout; a Pod without its ServiceAccount is
rejected at once), the message says what uninstall does: a failed
post-delete hook does not stop it (helm.sh/helm/v3 pkg/action/uninstall.go
Run collects the error, purges the release and reports "uninstallation
completed with 1 error(s)"), so it hangs for the wait and then completes
with an error. A missing Role or binding gets no such claim.

# How to fix

Make post-delete hooks self-contained: their ServiceAccount, RBAC and
configuration as post-delete hooks with lower weights and the delete policy
hook-succeeded,hook-failed.

# Example

Bad:

	kind: Secret
	metadata:
	  name: app-creds
	---
	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": post-delete
	spec:
	  template:
	    spec:
	      containers:
	        - envFrom:
	            - secretRef:
	                name: app-creds

Good:

	kind: Secret
	metadata:
	  name: deregister-creds
	  annotations:
	    "helm.sh/hook": post-delete
	    "helm.sh/hook-weight": "-5"
	    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded,hook-failed
*/
package hl3003
