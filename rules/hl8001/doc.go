/*
hl8001 (argocd-hook-runs-every-sync): under Argo CD an install-only or upgrade-only hook runs on every sync

# What it checks

With lint --engine argocd (and only then), every hook whose helm.sh/hook
lists pre-install without pre-upgrade, pre-upgrade without pre-install,
post-install without post-upgrade, or post-upgrade without post-install.
The event is reported at its token. Hooks with a valid
argocd.argoproj.io/hook type are left alone: Argo CD then ignores
helm.sh/hook (gitops-engine pkg/sync/hook/hook.go).

It fires on 16 of the 36 corpus charts with --engine argocd, more than the
third TestRuleNoise allows without a reason: install-only and upgrade-only hooks are common (a pre-install Secret, a pre-upgrade migration), and under Argo CD every
one of them behaves differently from Helm. It never fires by default: only
lint --engine argocd, which a user asks for to learn exactly this, runs it.

# Why it matters

Helm runs a pre-install hook once, in helm install, and a pre-upgrade hook
only in helm upgrade (helm.sh/helm/v3 pkg/action/install.go and upgrade.go
call execHook with their own event). Argo CD never runs those commands: its
repo server renders the chart with `helm template` (util/helm/cmd.go) and
the controller syncs the output, mapping pre-install and pre-upgrade both
to its PreSync phase and post-install and post-upgrade both to PostSync
(gitops-engine pkg/sync/hook/helm/type.go). It has no install/upgrade
distinction, so both kinds of hook run on every sync of the application
(../shared/docs/helm-hook-semantics.md §7.1): a one-time initialisation
Job written as pre-install runs again on every change, and a pre-upgrade
migration or backup also runs on the very first sync, before any of the
release's resources exist. The rendering is an install render too, so
.Release.IsUpgrade is always false under Argo CD.

The rule is silent with the default --engine helm: for Helm these events
are exactly right.

# How to fix

List both events when the hook must run on every install and upgrade
(pre-install,pre-upgrade), which is what Argo CD does anyway, and make the
hook safe to run again (idempotent: skip work already done). For a
one-time job under Argo CD, give it an Argo CD hook type of its own
(argocd.argoproj.io/hook: PreSync, with its own idempotency check) or move
the work out of hooks (an init container, an operator).

# Example

Bad (lint --engine argocd): Helm runs it once, Argo CD on every sync:

	metadata:
	  annotations:
	    "helm.sh/hook": pre-install

Good:

	metadata:
	  annotations:
	    "helm.sh/hook": pre-install,pre-upgrade
*/
package hl8001
