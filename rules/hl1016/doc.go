/*
hl1016 (argocd-annotation-typo): an Argo CD hook annotation is misspelt, misplaced or has a value Argo CD ignores

# What it checks

Every rendered object's annotations, for the Argo CD hook annotations
argocd.argoproj.io/hook, argocd.argoproj.io/hook-delete-policy and
argocd.argoproj.io/sync-wave, as HL1009 and HL1010 do for helm.sh/:

  - a key that contains "argo" and is within three edits of one of them
    (argocd.argoproj.io/hooks, argocd.argoproj.io/sync_wave,
    argoproj.io/hook) but is not a key Argo CD reads;
  - a hook type or delete policy token Argo CD does not accept (it matches
    them case-sensitively: presync, hook-succeeded), with the value meant;
  - a sync wave that is not an integer;
  - one of the three keys under the pod template's metadata
    (spec.template.metadata.annotations) and not on the object itself.

It reports with any --engine: a chart that carries Argo CD annotations is
written for Argo CD.

# Why it matters

gitops-engine reads these keys only from the resource's own annotations,
exactly as written: pkg/sync/hook/hook.go Types keeps the valid
argocd.argoproj.io/hook types (PreSync, Sync, PostSync, SyncFail,
PreDelete, PostDelete, Skip) and ignores the rest,
pkg/sync/hook/delete_policy.go keeps BeforeHookCreation, HookSucceeded and
HookFailed, and pkg/sync/syncwaves/waves.go falls back to
helm.sh/hook-weight, else wave 0, when the wave is not an integer
(hooklint's model: internal/argocd Map). A misspelt or misplaced key, or a
value in Helm's spelling, is silently ignored: the hook runs in another
phase, with another delete policy or in another wave than written, or not
as a hook at all. Annotations on a pod template end up on the pods, which
Argo CD does not sync.

# How to fix

Write the key and its values exactly as Argo CD documents them, on the
object's metadata.annotations.

# Example

Bad:

	metadata:
	  annotations:
	    argocd.argoproj.io/hook: presync
	    argocd.argoproj.io/hook-delete-policy: hook-succeeded

Good:

	metadata:
	  annotations:
	    argocd.argoproj.io/hook: PreSync
	    argocd.argoproj.io/hook-delete-policy: HookSucceeded
*/
package hl1016
