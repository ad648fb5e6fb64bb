/*
hl4008 (hook-name-collision): a hook has the kind, namespace and name of a release resource

# What it checks

Hooks whose kind, namespace (the release namespace when not set) and name
equal those of a release resource of the same render.

# Why it matters

Helm creates hooks and release resources separately and checks neither
against the other. helm.sh/helm/v3 pkg/action/install.go checks existing
objects before the pre-install hooks run; a pre-install hook then creates
the object and the release's own Create fails with "already exists", so
the install fails after its hooks ran. A post-install or post-upgrade hook
does the opposite: its before-hook-creation (pkg/action/hooks.go
deleteHookByPolicy) deletes the release resource and replaces it with the
hook, which the next upgrade then fights over.

# How to fix

Give the hook its own name (a suffix such as -hook), or make the object
either a hook or a release resource, not both.

# Example

Bad:

	kind: ConfigMap
	metadata:
	  name: app-config
	---
	kind: ConfigMap
	metadata:
	  name: app-config
	  annotations:
	    "helm.sh/hook": pre-install

Good:

	kind: ConfigMap
	metadata:
	  name: app-config-hook
	  annotations:
	    "helm.sh/hook": pre-install
*/
package hl4008
