/*
hl1003 (hook-legacy-test-success): test-success is the Helm 2 name of the test event

# What it checks

A helm.sh/hook token that reads test-success (trimmed and lower-cased, as
Helm reads it) on a hook Helm keeps.

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go keeps "test-success" in
its events map as an alias of release.HookTest, so the hook runs on
`helm test` exactly like a test hook. The name is a Helm 2 leftover: its
sibling test-failure was removed and now drops the whole resource (HL1002),
and readers (and tools that do not lower-case or alias tokens, such as
Argo CD's hook parser) may treat it differently. Writing both test and
test-success makes Helm run the hook twice (HL1008).

Backed by TestHelmEventTokens and TestEventsMatchHelm in internal/hook.

# How to fix

Write test.

# Example

Bad:

	annotations:
	  "helm.sh/hook": test-success

Good:

	annotations:
	  "helm.sh/hook": test
*/
package hl1003
