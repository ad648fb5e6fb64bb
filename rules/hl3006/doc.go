/*
hl3006 (hook-dependency-other-event): a hook uses a hook of another command that exists only as a leftover

# What it checks

For every hook and each of its events, the objects it references (as
HL3001 lists them) that the chart defines only as hooks of events of other
commands (for example a pre-delete or test Job using a ServiceAccount that
is only a pre-upgrade hook) without a hook-succeeded policy. HL3005 reports
the ones that hook-succeeded deletes.

A hook of install (pre-install, post-install) that no policy deletes is not
reported: it stays from the install on and every later command finds it.
Charts rely on that on purpose, e.g. a Secret generated once at install
(on the corpus, sentry's 18 consumers of its pre-install Secret were
reported before this exception).

# Why it matters

Hooks are not release resources: helm.sh/helm/v3 pkg/action/hooks.go
execHook creates them only on their own events, and nothing but a delete
policy ever removes them. The dependency exists on the consumer's event only
because an earlier command created it and left it behind. It is missing
when that command never ran (`helm install --no-hooks`, an install that
failed before it, a release installed by an older chart version, an
operator who cleaned up hook leftovers), and then the consumer's pod cannot
be created or started until --timeout.

# How to fix

Add the consumer's events to the dependency's helm.sh/hook (with a lower
weight than the consumer), or make the dependency a release resource when
the consumer runs after the release resources exist.

# Example

Bad:

	kind: ServiceAccount
	metadata:
	  name: hooks
	  annotations:
	    "helm.sh/hook": pre-upgrade
	---
	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-delete
	spec:
	  template:
	    spec:
	      serviceAccountName: hooks

Good:

	kind: ServiceAccount
	metadata:
	  name: hooks
	  annotations:
	    "helm.sh/hook": pre-upgrade,pre-delete
	    "helm.sh/hook-weight": "-5"
*/
package hl3006
