/*
hl1012 (hook-duplicate-name): two hooks with the same kind, namespace and name in one event collide

# What it checks

Hooks Helm keeps that have the same kind (and API group), namespace and
name and run in the same event, in one render of the chart, subcharts
included. An empty namespace is the release namespace, so a hook without
metadata.namespace and one with the release namespace written out are the
same object. Hooks named only by generateName are skipped. A hook with
the identity of a release resource is HL4008's.

# Why it matters

Helm does not check hook names: `helm template` prints both. In
helm.sh/helm/v3 pkg/action/hooks.go execHook runs the event's hooks one
after the other, sorted by weight and then name (hookByWeight), and each
one is built from its own manifest and created with a plain POST. For the
later of two hooks with one identity:

  - With before-hook-creation in effect (the default), deleteHookByPolicy
    deletes the object the earlier hook created, after that hook ran, and
    then creates its own: both run, only the later object is left, and
    if the earlier hook has hook-succeeded and the later one does not, the
    earlier hook's hook-succeeded deletion at the end of the phase removes
    the later object (it deletes by name).
  - Without it (explicit policies such as hook-succeeded alone), Create
    fails with "<kind> "<name>" already exists": the whole command fails
    and nothing deletes the earlier object (a failed create returns at
    once).
  - A CustomResourceDefinition hook is never deleted by any policy, so the
    second create always fails.

Helm 4 differs (the finding is the same, the failure is not): it creates
hooks with server-side apply (helm.sh/helm/v4 pkg/action/hooks.go
execHook), so without before-hook-creation the later hook patches the
earlier object instead of failing with "already exists": an identical Job
is not run a second time, a different pod template fails with "field is
immutable", other kinds end up with a merge of both manifests.

Typical cause: a parent chart and a subchart, or two templates, that
hard-code the same hook name.

Backed by TestExecHookDuplicateName (Helm's own install against a fake
cluster, all three cases) and TestHelmTemplateKeepsDuplicateNames (the
real `helm template` prints both hooks of testdata/bad) in internal/hook.

# How to fix

Give every hook a unique name per kind, derived from the chart's fullname
helper, e.g. {{ include "mychart.fullname" . }}-migrate.

# Example

Bad:

	# templates/migrate.yaml and charts/sub/templates/migrate.yaml
	kind: Job
	metadata:
	  name: {{ .Release.Name }}-migrate
	  annotations:
	    "helm.sh/hook": pre-install

Good:

	# charts/sub/templates/migrate.yaml
	kind: Job
	metadata:
	  name: {{ .Release.Name }}-sub-migrate
	  annotations:
	    "helm.sh/hook": pre-install
*/
package hl1012
