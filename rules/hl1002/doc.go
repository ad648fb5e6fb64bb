/*
hl1002 (hook-dropped-legacy-event): a Helm 2 hook event (crd-install, test-failure) drops the whole resource

# What it checks

Every comma-separated token of the helm.sh/hook annotation, trimmed and
lower-cased as Helm reads it, that is one of the Helm 2 events Helm 3 and 4
removed: crd-install and test-failure. (test-success, which Helm 3 still
reads as test, is HL1003's; other unknown tokens are HL1001's.)

# Why it matters

helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go manifestFile.sort looks
every token up in its events map, which has no crd-install and no
test-failure. The first unknown token makes it skip the whole document,
the valid tokens next to it included: the resource is neither run as a hook
nor installed as a release resource, and `helm template` does not print it.
The only trace is "info: skipping unknown hook: "crd-install"" on stderr;
`helm lint` v3 warns only about crd-install, v4 not at all. Argo CD renders
with `helm template`, so it never sees these resources either.

Backed by TestHelmDropsUnknownEvents (SortManifests drops the document and
logs the info line) and TestHelmTemplateDropsUnknownHooks (the real
`helm template` prints neither resource of testdata/bad) in internal/hook.

# How to fix

For crd-install, move the CustomResourceDefinition to the chart's crds/
directory (installed once, before the templates, never upgraded) or to a
separate CRD chart. For test-failure, write a test hook (helm.sh/hook: test)
that succeeds when the check passes: Helm 3 has no "expected to fail" test.

# Example

Bad:

	kind: CustomResourceDefinition
	metadata:
	  name: widgets.example.com
	  annotations:
	    "helm.sh/hook": crd-install

Good: the same CustomResourceDefinition as crds/widgets.yaml, without the
annotation.
*/
package hl1002
