/*
hl8002 (argocd-hook-never-runs): Argo CD never runs rollback and test hooks, nor events not written in lower case

# What it checks

With lint --engine argocd (and only then), every helm.sh/hook token that
Helm runs but Argo CD gives no phase: pre-rollback, post-rollback, test
and test-success, and any event Helm accepts only because it lower-cases
it (Pre-Install). The finding says when the hook then has no phase at all
and Argo CD never applies it. Hooks with a valid argocd.argoproj.io/hook
type are left alone: Argo CD then ignores helm.sh/hook
(gitops-engine pkg/sync/hook/hook.go).

It fires on 15 of the 36 corpus charts with --engine argocd, more than the
third TestRuleNoise allows without a reason: test hooks are common (the `helm create` scaffold has one), and under Argo CD every
one of them behaves differently from Helm. It never fires by default: only
lint --engine argocd, which a user asks for to learn exactly this, runs it.

# Why it matters

Argo CD maps Helm's events to its own phases (gitops-engine
pkg/sync/hook/helm/type.go): pre-install and pre-upgrade to PreSync,
post-install and post-upgrade to PostSync, pre-delete and post-delete to
the app-deletion hooks (controller/hook.go). pre-rollback, post-rollback,
test and test-success are counted as hooks but get no sync phase
(pkg/sync/sync_phase.go syncPhases), so they are never applied: an Argo CD
rollback is a sync of an earlier revision, which runs that revision's
PreSync and PostSync hooks, and Argo CD has no helm test (its repo server
may even render with --skip-tests, util/helm/cmd.go). A resource that is a
hook is not synced as a plain resource either, so a hook with only such
events never reaches the cluster.

Helm trims and lower-cases every token
(helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go), so "Pre-Install"
runs at pre-install; Argo CD trims but keeps the case
(resource/annotations.go GetAnnotationCSVs) and knows only the lower-case
names, so under Argo CD the token is lost
(../shared/docs/helm-hook-semantics.md §7.1).

Test hooks are reported as info: not running them is what Argo CD users
expect. The rule is silent with the default --engine helm.

# How to fix

Write events in lower case. For rollback work under Argo CD, make the
PreSync hook (pre-install,pre-upgrade) handle going back as well, or use an
argocd.argoproj.io/hook type; run tests with a PostSync hook of their own
(argocd.argoproj.io/hook: PostSync) if the application must verify itself
after each sync.

# Example

Bad (lint --engine argocd):

	metadata:
	  annotations:
	    "helm.sh/hook": pre-rollback

Good: the restore logic in a hook Argo CD runs, or nothing (and no
expectation that Argo CD restores anything on rollback).

	metadata:
	  annotations:
	    "helm.sh/hook": pre-install,pre-upgrade
*/
package hl8002
