/*
hl4008 (hook-name-collision): a hook has the kind, namespace and name of a release resource

# What it checks

Hooks whose kind, namespace (the release namespace when not set) and name
equal those of a release resource of the same render: the install render
for install, test and delete hooks, the upgrade render for upgrade and
rollback hooks. A release resource only the other render defines is
reported where the two meet: one only the install renders
(`{{ if .Release.IsInstall }}`) with a pre-upgrade hook, which the first
upgrade runs before it deletes the resource its new manifest lacks
(helm.sh/helm/v3@v3.22.0 pkg/action/upgrade.go releasingUpgrade, then
pkg/kube/client.go update, by kind and name: the hook by then); one only
upgrades render (`{{ if .Release.IsUpgrade }}`) with a test or pre-delete
hook, run once an upgrade created it. A post-upgrade hook named as a
resource only the install renders is not reported: the upgrade deleted
that resource before its post-upgrade hooks.

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
