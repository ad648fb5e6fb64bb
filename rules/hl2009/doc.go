/*
hl2009 (hook-generate-name): a hook with generateName and no name cannot be deleted or re-applied by Helm

# What it checks

Hooks that set metadata.generateName and no metadata.name.

# Why it matters

Helm tracks hooks by name. helm.sh/helm/v3 pkg/action/hooks.go
deleteHookByPolicy builds the hook from its manifest and deletes it by
name, for before-hook-creation (the default when no policy is set),
hook-succeeded and hook-failed; with an empty name the delete fails with
"resource name may not be empty", which fails the hook before it is created
(before-hook-creation) or after it succeeded (hook-succeeded). Without any
deleting policy every run leaves one more object behind.

Helm 4 differs (the message follows --helm): it creates hooks with
server-side apply (helm.sh/helm/v4 pkg/action/hooks.go execHook), which
cannot create an object without a name, so the hook fails even where Helm 3
runs it; with before-hook-creation the deletion fails first, as in Helm 3.

# How to fix

Use a fixed, release-scoped metadata.name with before-hook-creation.

# Example

Bad:

	kind: Job
	metadata:
	  generateName: migrate-
	  annotations:
	    "helm.sh/hook": pre-upgrade

Good:

	kind: Job
	metadata:
	  name: {{ .Release.Name }}-migrate
	  annotations:
	    "helm.sh/hook": pre-upgrade
*/
package hl2009
