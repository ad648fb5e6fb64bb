/*
hl8003 (argocd-hook-order-differs): hooks of equal weight run in another order under Argo CD (by kind, then name)

# What it checks

With lint --engine argocd (and only then), every pair of hooks that run
on the same Helm event and in the same Argo CD phase, at least one of them
a Job or a Pod, that Helm and Argo CD order differently. The finding is at
the hook Helm runs first (its helm.sh/hook-weight, or its helm.sh/hook
when it has no weight) and names the other one.

# Why it matters

Helm sorts the hooks of an event by weight, then by name, and kind only
breaks ties of equal name (helm.sh/helm/v3 pkg/action/hooks.go execHook,
sort.Stable(hookByWeight) over SortManifests' InstallOrder); it creates
them one at a time and waits for each Job or Pod to finish before creating
the next hook. Argo CD sorts the resources of a phase by wave (the
argocd.argoproj.io/sync-wave annotation, else helm.sh/hook-weight), then by
kind in gitops-engine's kindOrder (a copy of an older Helm InstallOrder,
unknown kinds last), then by name (pkg/sync/sync_tasks.go syncTasks.Less;
../shared/docs/helm-hook-semantics.md §7.1): "ordered by kind" is true
there and not in Helm. Hooks of equal weight, a Job and the ServiceAccount,
ConfigMap or Secret it uses for example, then come in the opposite order
under each engine: a chart tested with one of them may break under the
other. Argo CD also applies a whole wave before it waits for any of it
(gitops-engine pkg/sync/sync_context.go, as the Argo CD simulation
models it), so within one wave "before" is only the order of creation.

Pairs without a Job or Pod are not reported: Helm waits only for Jobs and
Pods, so between creating two other resources nothing happens and their
order has no effect; nor hooks of equal weight and equal name, which both
engines order by kind. The rule is silent with the default --engine helm.

# How to fix

Give the hooks distinct weights in the order they must run (a
ServiceAccount or ConfigMap at a lower weight than the Job that uses
them): Helm and Argo CD then agree, since Argo CD takes the weight as the
sync wave.

# Example

Bad (lint --engine argocd): Helm runs the Job first (by name), Argo CD
the ServiceAccount first (by kind):

	kind: Job
	metadata:
	  name: app-migrate
	  annotations:
	    "helm.sh/hook": pre-install
	---
	kind: ServiceAccount
	metadata:
	  name: app-runner
	  annotations:
	    "helm.sh/hook": pre-install

Good: the ServiceAccount at weight -1, the Job at 0.
*/
package hl8003
