/*
hl3004 (hook-dependency-runs-later): a hook uses another hook of the same event that Helm creates after it

# What it checks

For every hook and each of its events, the objects it references (as
HL3001 lists them) that the chart defines as hooks of the same event which
Helm runs later: a higher helm.sh/hook-weight, or the same weight and a name
that sorts after the consumer's.

Consumers include hook Deployments, StatefulSets, DaemonSets and
ReplicaSets. Helm does not wait for them (helm.sh/helm/v3 pkg/kube/client.go
watchUntilReady returns at once for these kinds), and their controller
creates the pods right after Helm created the hook, usually before the
later hooks exist: the first pods fail and the controller retries with
back-off. The message says so, and says when the object's hook-succeeded
policy then deletes it at the end of the phase, which makes every later
pod fail for good.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook sorts the hooks of an event
with sort.Stable(hookByWeight), whose Less compares the weight and then the
name (byte-wise): the kind order that SortManifests applied first only
breaks ties between equal names. The Helm docs' "weight, then kind, then
name" is wrong. execHook creates each hook and waits for it before creating
the next, so a Job named "migrate" runs before a ServiceAccount
"zz-migrator" of the same weight: its pod cannot be created and Helm waits
until --timeout; the ServiceAccount would only be created afterwards.

# How to fix

Give every dependency a strictly lower weight than its consumer, on every
event the consumer has; never rely on kind or name order.

# Example

Bad:

	kind: ServiceAccount
	metadata:
	  name: zz-migrator
	  annotations:
	    "helm.sh/hook": pre-install
	---
	kind: Job
	metadata:
	  name: migrate
	  annotations:
	    "helm.sh/hook": pre-install
	spec:
	  template:
	    spec:
	      serviceAccountName: zz-migrator

Good:

	kind: ServiceAccount
	metadata:
	  name: zz-migrator
	  annotations:
	    "helm.sh/hook": pre-install
	    "helm.sh/hook-weight": "-1"
*/
package hl3004
