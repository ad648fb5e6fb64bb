/*
hl7003 (simulated-hook-left-behind): after a simulated lifecycle the hook is still in the cluster

# What it checks

With lint --simulate (see HL7001 for the lifecycle simulated, which ends
with an uninstall and a new install), this rule reports each hook object that
is still in the simulated cluster at the end: hooks are not release resources,
so `helm uninstall` never deletes them, and only their delete policy removes
them.

# Why it matters

Helm's execHook (pkg/action/hooks.go) deletes a hook only by its delete
policy: hook-succeeded after the whole phase, hook-failed after a failure,
before-hook-creation right before the same hook runs again. Uninstall
(pkg/action/uninstall.go) deletes what the release manifest lists, which has
no hooks. What is left costs resources, may hold Secrets, and collides with a
later install under another policy.

With --helm v4 the simulation runs helm.sh/helm/v4's pkg/action, and the
verdict can differ from Helm 3's.

# How to fix

Add hook-succeeded (and hook-failed if failed runs need no inspection) to
the hook's helm.sh/hook-delete-policy, keeping before-hook-creation.

# Example

Bad:

	annotations:
	  "helm.sh/hook": post-install

Good:

	annotations:
	  "helm.sh/hook": post-install
	  "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
*/
package hl7003
