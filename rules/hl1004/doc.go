/*
hl1004 (hook-weight-unquoted): annotation values must be strings: an unquoted weight fails on the cluster

# What it checks

Every value in a rendered document's metadata.annotations that YAML reads
as a number or a boolean rather than a string: an unquoted
helm.sh/hook-weight: 5 or -5, and any other annotation such as
prometheus.io/scrape: true or a templated {{ .Values.weight }} that renders
to a number. Null values (an empty value, ~) are read as "" and are not
reported. A hook Helm drops for its event (HL1001, HL1002) is reported too,
as applying once the event is fixed, so both are fixed in one round.

# Why it matters

Helm reads the document head twice, and the two readings disagree.
helm.sh/helm/v3 pkg/releaseutil/manifest_sorter.go SortManifests decodes it
with sigs.k8s.io/yaml into a map[string]string, which turns the number 5
into the string "5": the hook is sorted as weight 5 and `helm template` and
`helm lint` say nothing. On a cluster, pkg/kube Client.Build decodes the
manifest text again, and there an annotation value must be a JSON string.
For a hook, execHook fails before anything is sent (with the default policy
already while building the before-hook-creation delete):

	failed pre-install: unable to build kubernetes object for deleting hook
	<chart>/templates/<file>: unable to decode "": json: cannot unmarshal
	number into Go struct field ObjectMeta.metadata.annotations of type string

(recorded with Helm v3.22.0 and v4.3.1 against a real API server). For a
release resource, install and upgrade fail while building the release
manifest, before any resource or hook is created.

Backed by TestHelmWeight (SortManifests reads the unquoted 5 as weight 5),
TestBuildRejectsNonStringAnnotations (the builder rejects numbers and
booleans with the error above and accepts null) and
TestHelmTemplateAcceptsUnquotedWeight (`helm template` and `helm lint`
accept testdata/bad) in internal/hook.

# How to fix

Quote literal values ("5", "true") and pipe templated ones through quote:
{{ .Values.weight | quote }}.

# Example

Bad:

	annotations:
	  "helm.sh/hook": pre-install
	  "helm.sh/hook-weight": 5
	  "helm.sh/hook-weight": {{ .Values.weight }}

Good:

	annotations:
	  "helm.sh/hook": pre-install
	  "helm.sh/hook-weight": "5"
	  "helm.sh/hook-weight": {{ .Values.weight | quote }}
*/
package hl1004
