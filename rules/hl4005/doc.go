/*
hl4005 (hook-kept-after-success): a hook's delete policy keeps it and the next run fails with already exists

# What it checks

Hooks with an explicit helm.sh/hook-delete-policy made only of valid
policies that contains neither before-hook-creation nor hook-succeeded (in
practice: hook-failed alone). CustomResourceDefinition hooks are HL4007's;
unknown policy values are the annotation rules'.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook adds the default
before-hook-creation only when the policy list is empty; once a policy is
written, nothing deletes the previous object before the hook is created
again, and the Create fails with AlreadyExists ("warning: Hook pre-upgrade
... failed: jobs.batch \"x\" already exists"). A hook that is not deleted
after success therefore breaks its next run: the next upgrade, the next
`helm test`, or a reinstall (uninstall never deletes hooks).

Helm 4 differs (the verdict follows --helm): execHook in helm.sh/helm/v4
pkg/action/hooks.go creates hooks with server-side apply (always at
install; at upgrade, rollback and test of a release Helm 4 installed),
which patches a leftover instead of failing. A completed Job or Pod then
passes without running again, and one whose spec changed fails with "field
is immutable"; any other kind is simply updated. With --helm v4 the rule
reports Jobs and Pods only, with that consequence. (A release installed by
Helm 3 keeps client-side apply on upgrade and fails as under Helm 3.)

# How to fix

Always include before-hook-creation when writing the policy
(before-hook-creation,hook-succeeded is the usual choice).

# Example

Bad:

	annotations:
	  "helm.sh/hook": pre-upgrade
	  "helm.sh/hook-delete-policy": hook-failed

Good:

	annotations:
	  "helm.sh/hook": pre-upgrade
	  "helm.sh/hook-delete-policy": before-hook-creation,hook-failed
*/
package hl4005
