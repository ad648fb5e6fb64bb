/*
hl5001 (object-unknown-field): the API server drops a field the built-in kind does not have

# What it checks

Every rendered object of a built-in kind (one that client-go's
kubernetes/scheme registers for that apiVersion, such as batch/v1 Job or
v1 ConfigMap) is walked against its Go type in k8s.io/api, as the API
server's strict JSON decoding reads it. Each key that is not a field there
is reported at its template line: typos (lables), wrong case (Env; field
names are case-sensitive), fields at the wrong indentation (restartPolicy on
the Job spec instead of the pod spec) and labels written next to labels:
instead of under it. The message suggests the likely field or place.

Custom resources, CRDs and API versions that k8s.io/api no longer has are
not checked, and neither are hooks that Helm drops (HL1001). Values of
fields with free-form content (runtime.RawExtension, the items of a List)
are not looked into.

Severity policy of the HL5 and HL6 rules: error when Helm will fail (the API
server rejects the object, so the Helm command fails); warning when Helm
succeeds but the chart is likely wrong or dangerous; info for advice whose
weight depends on the cluster. An unknown field is a warning: Helm succeeds
but the field has no effect.

# Why it matters

helm.sh/helm/v3 pkg/kube/client.go Client.Build asks for strict validation,
but on API servers with server-side field validation (Kubernetes 1.27 and
later) kubectl's validation.paramVerifyingSchema skips the client-side check,
and Helm creates objects without the fieldValidation parameter, so the API
server applies its default, Warn: it drops the unknown field, creates the
object without it and only returns a warning. A misspelled or mis-indented
field is silently lost: the labels a selector or a NetworkPolicy needs are
missing, a restartPolicy or a securityContext setting never applies. Older
clusters reject the manifest instead ("unknown field").

# How to fix

Correct the spelling or the case, or indent the field where it belongs (the
hint says where the field exists).

# Example

Bad:

	metadata:
	  name: {{ .Release.Name }}-post-install
	  lables:
	    app.kubernetes.io/instance: {{ .Release.Name }}
	spec:
	  template:
	    metadata:
	      labels:
	      app.kubernetes.io/name: {{ .Chart.Name }}

Good:

	metadata:
	  name: {{ .Release.Name }}-post-install
	  labels:
	    app.kubernetes.io/instance: {{ .Release.Name }}
	spec:
	  template:
	    metadata:
	      labels:
	        app.kubernetes.io/name: {{ .Chart.Name }}
*/
package hl5001
