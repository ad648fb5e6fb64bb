/*
hl4006 (hook-kept-after-failure): a hook deleted only on success blocks every run after a failure

# What it checks

Job and Pod hooks whose explicit helm.sh/hook-delete-policy (valid values
only) has hook-succeeded but neither before-hook-creation nor hook-failed.
Other kinds are not reported: Helm counts them ready once created, so they
never fail after creation, and when a later hook of the phase fails
execHook deletes the earlier ones by their hook-succeeded policy
(helm.sh/helm/v3@v3.22.0 pkg/action/hooks.go, deleteHooksByPolicy on
executingHooks[0:i]); only an interrupted helm leaves them behind.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook deletes hook-succeeded hooks
only after their whole event succeeded, and adds the default
before-hook-creation only when no policy is written. When the hook fails
(or the run is interrupted), it stays, and every later run of its events
fails with "already exists" until someone deletes it by hand: the most
reported hook failure after missing dependencies.

Helm 4 differs (the verdict follows --helm): it creates hooks with
server-side apply (helm.sh/helm/v4 pkg/action/hooks.go execHook), which
patches the leftover instead of failing with "already exists". A failed Job
or Pod is then Failed again at once without running (or the apply fails
with "field is immutable" when its spec changed); any other kind is simply
updated. With --helm v4 the rule reports Jobs and Pods only. Under Helm 4's
default wait strategy (hookOnly) before-hook-creation does not wait for the
old object to be gone either (WaitForDelete is a no-op).

# How to fix

Add before-hook-creation (before-hook-creation,hook-succeeded); the failed
object then stays for inspection and is replaced by the next run.

# Example

Bad:

	annotations:
	  "helm.sh/hook": pre-install,pre-upgrade
	  "helm.sh/hook-delete-policy": hook-succeeded

Good:

	annotations:
	  "helm.sh/hook": pre-install,pre-upgrade
	  "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
*/
package hl4006
