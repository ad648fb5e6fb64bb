/*
hl5003 (hook-missing-required-field): a Job or Pod hook lacks a field the API server requires

# What it checks

For every hook Job (batch/*) and Pod (v1) that Helm runs, the fields the API
server's validation requires: metadata.name (or metadata.generateName), a
Job's spec.template, at least one container, and a name and an image for
every container and init container. A field that renders empty ("", or a
value that renders to nothing) counts as missing. Missing fields are
reported at the nearest key that exists (the container's list item, spec:,
metadata:).

Other kinds and release resources are not checked: their invalid objects
fail the same way but are not waited for as hooks are.

Severity policy of the HL5 and HL6 rules: error when Helm will fail (the API
server rejects the object, so the Helm command fails); warning when Helm
succeeds but the chart is likely wrong or dangerous; info for advice whose
weight depends on the cluster. This rule reports errors.

# Why it matters

helm.sh/helm/v3 pkg/action/hooks.go execHook creates each hook and waits
for it; the API server rejects an object that fails validation ("Required
value"), so the hook fails, the hooks after it never run and `helm install`
or `helm upgrade` fails, leaving the release in failed state. Neither `helm
lint` nor `helm template` validates objects. An image that comes from
values (`{{ .Values.image.repository }}`) renders empty whenever the value is
unset, which is the usual way this happens.

# How to fix

Give the hook a name (or generateName), a pod template and containers with a
name and an image; make templated values required (`{{ required "..."
.Values.image.repository }}`) or give them a default.

# Example

Bad:

	spec:
	  template:
	    spec:
	      containers:
	        - name: migrate
	          command: [migrate]

Good:

	spec:
	  template:
	    spec:
	      containers:
	        - name: migrate
	          image: migrate:4.17
	          command: [migrate]
*/
package hl5003
