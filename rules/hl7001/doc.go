/*
hl7001 (simulated-hook-fails): in a simulated lifecycle the hook never completes or fails

# What it checks

With lint --simulate, hooklint runs the chart through Helm's own lifecycle
code (helm.sh/helm/v3 pkg/action, or helm.sh/helm/v4's with --helm v4:
install, upgrade, upgrade, rollback, test, test, uninstall, install)
against an in-memory cluster, in which every hook Job and Pod succeeds after a second unless it cannot: a pod whose
ServiceAccount, ConfigMap, Secret or PersistentVolumeClaim does not exist when
it starts stays Pending, a Pod with restartPolicy Always never finishes, a Job
whose activeDeadlineSeconds passes fails. This rule reports each hook that
Helm then waits for until --timeout, or that fails, in the first step where it
happens.

# Why it matters

Helm's execHook (pkg/action/hooks.go) waits for every Job and Pod hook
(pkg/kube/client.go watchUntilReady) until --timeout, and a hook that times
out or fails fails the whole command: the release is marked failed, a failed
rollback hook leaves it pending-rollback. The simulation proves the failure
from the order Helm really uses, without a cluster. The verdict
follows --helm: Helm 4's default status watcher and server-side apply fail other hooks than Helm 3
does (a Job deleted by its TTL, a leftover re-applied instead of
conflicting).

# How to fix

Make what the hook needs exist before it runs (a hook of the same event with
a lower weight, see HL3001 and HL3004), or give the hook a restartPolicy that
lets it finish. `hooklint simulate` prints the whole timeline.

# Example

Bad: the ServiceAccount is a release resource, created after pre-install hooks.

	apiVersion: v1
	kind: ServiceAccount
	metadata:
	  name: migrator
	---
	apiVersion: batch/v1
	kind: Job
	metadata:
	  name: migrate
	  annotations:
	    "helm.sh/hook": pre-install
	spec:
	  template:
	    spec:
	      serviceAccountName: migrator

Good: the ServiceAccount is a pre-install hook with a lower weight.

	metadata:
	  name: migrator
	  annotations:
	    "helm.sh/hook": pre-install
	    "helm.sh/hook-weight": "-1"
*/
package hl7001
