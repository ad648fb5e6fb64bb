/*
hl8004 (argocd-delete-policy-differs): Argo CD reads a hook's delete policy differently from Helm (a typo falls back to the default)

# What it checks

With lint --engine argocd (and only then), every hook whose
helm.sh/hook-delete-policy makes Argo CD delete it at other times than
Helm does, and that has no argocd.argoproj.io/hook-delete-policy of its
own. Both sides come from the real parsing code paths: Helm's from
hooklint's hook model (every token trimmed and lower-cased, unknown ones
kept, the default before-hook-creation only for an empty list), Argo CD's
from internal/argocd, the mapping the Argo CD simulation uses.

# Why it matters

Helm applies the default before-hook-creation only when the parsed list is
empty (helm.sh/helm/v3 pkg/action/hooks.go execHook): an unknown value
such as "hook-succeded" (or "") is kept, matches no policy, and disables
the default, so nothing deletes the hook and its next run fails with
"already exists" (HL1006). Argo CD maps before-hook-creation,
hook-succeeded and hook-failed to its BeforeHookCreation, HookSucceeded
and HookFailed, case-sensitively, ignores every other value, and falls
back to BeforeHookCreation when nothing valid is left
(gitops-engine pkg/sync/hook/delete_policy.go;
../shared/docs/helm-hook-semantics.md §7.1). So the same annotation
deletes the hook before each run under Argo CD and never under Helm; and a
policy written in another case ("Hook-Succeeded"), which Helm lower-cases
and honours, is dropped by Argo CD: the hook stays after it succeeded.

# How to fix

Write the policies exactly as Helm documents them, in lower case
(before-hook-creation, hook-succeeded, hook-failed). If the chart must
behave differently under Argo CD, say so with
argocd.argoproj.io/hook-delete-policy, which this rule then leaves alone.

# Example

Bad (lint --engine argocd): Helm never deletes the hook, Argo CD deletes
it before each sync:

	metadata:
	  annotations:
	    "helm.sh/hook-delete-policy": hook-succeded

Good:

	metadata:
	  annotations:
	    "helm.sh/hook-delete-policy": hook-succeeded
*/
package hl8004
