/*
hl7002 (simulated-hook-not-created): in a simulated lifecycle Helm cannot create the hook

# What it checks

With lint --simulate (see HL7001 for the lifecycle simulated), this rule
reports each hook that Helm cannot send or the API server refuses: a manifest
Helm's object builder cannot decode (an unquoted number in an annotation), an
object that already exists because an earlier run left it behind (no
before-hook-creation), a namespace that does not exist, a Job the API server
rejects.

# Why it matters

Helm's execHook (pkg/action/hooks.go) builds each hook with KubeClient.Build
and creates it with a plain POST; any error fails the command at once
("already exists", "unable to build kubernetes object for ... hook"). These
errors appear only on a real cluster: `helm template` and `helm lint` accept
such charts.

With --helm v4 the simulation runs helm.sh/helm/v4's pkg/action, and the
verdict can differ from Helm 3's.

# How to fix

Quote annotation values, keep before-hook-creation in the delete policy of
hooks that run more than once, and create namespaces before hooks that use
them. The message quotes Helm's error.

# Example

Bad: Helm sorts the weight, but cannot build the object.

	annotations:
	  "helm.sh/hook": pre-install
	  "helm.sh/hook-weight": 5

Good:

	annotations:
	  "helm.sh/hook": pre-install
	  "helm.sh/hook-weight": "5"
*/
package hl7002
