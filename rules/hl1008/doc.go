/*
hl1008 (hook-duplicate-token): a hook event listed twice runs the hook twice

# What it checks

Tokens that appear twice in helm.sh/hook, helm.sh/hook-delete-policy or
helm.sh/hook-output-log-policy of a hook Helm keeps, compared as Helm reads
them (trimmed, lower-cased, and test-success read as test).

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go keeps duplicate events,
and pkg/action/hooks.go execHook collects the hooks of an event with a loop
over each hook's events, so a hook that lists an event twice is executed
twice in that phase, one run after the other. With before-hook-creation in
effect (the default) the second run deletes the object the first run
created, waits for it to go and creates it again: a Job runs twice. Without
it (explicit policies such as hook-succeeded alone, or a
CustomResourceDefinition, which Helm never deletes) the second create fails
with "already exists" and so does the whole command. Duplicate policies are
harmless (each is applied once) but usually a copy-and-paste slip.

Backed by TestHelmEventTokens (duplicates kept, test,test-success is test
twice) and TestExecHookDuplicateEvent (Helm's own install: two runs, or
"already exists") in internal/hook.

# How to fix

List each event and each policy once.

# Example

Bad:

	annotations:
	  "helm.sh/hook": pre-install,post-install,pre-install

Good:

	annotations:
	  "helm.sh/hook": pre-install,post-install
*/
package hl1008
