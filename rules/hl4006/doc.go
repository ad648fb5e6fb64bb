/*
hl4006 (hook-kept-after-failure): a hook deleted only on success blocks every run after a failure

# What it checks

Hooks whose explicit helm.sh/hook-delete-policy (valid values only) has
hook-succeeded but neither before-hook-creation nor hook-failed.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook deletes hook-succeeded hooks
only after their whole event succeeded, and adds the default
before-hook-creation only when no policy is written. When the hook fails
(or the run is interrupted), it stays, and every later run of its events
fails with "already exists" until someone deletes it by hand: the most
reported hook failure after missing dependencies.

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
