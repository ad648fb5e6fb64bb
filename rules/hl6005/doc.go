/*
hl6005 (hook-image-not-pinned): a hook image has no tag, an empty tag or the latest tag

# What it checks

The image of every container and init container of a hook: an image
without a tag or digest (busybox), with the tag latest, or with an empty
tag (repo: — what "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
renders when the tag is unset). A digest (@sha256:...) always pins. A
registry port (registry:5000/tool) is not a tag. Empty images are HL5003's.

Severity policy of the HL5 and HL6 rules: error when Helm will fail (the API
server rejects the object, so the Helm command fails); warning when Helm
succeeds but the chart is likely wrong or dangerous; info for advice whose
weight depends on the cluster. This rule reports warnings for a missing or
latest tag: Helm succeeds, but what the hook runs is not what was reviewed.
An empty tag is a certain failure (the kubelet cannot pull the image, the
hook never starts and Helm waits until --timeout), so that finding is an
error; it is reported by the same rule so that one place covers image
references. A hook that only `helm test` runs is reported at info with a
message that says so: test hooks run only on `helm test` (helm.sh/helm/v3
pkg/action/release_testing.go), so a drifting image changes a check, not
the release (the `helm create` scaffold's test Pod uses an untagged
busybox).

# Why it matters

Hooks run migrations, backups and RBAC or certificate setup, often with
more rights than the application (helm.sh/helm/v3 pkg/action/hooks.go
execHook runs them before or after the release's resources). An image
without a tag is the latest tag, which moves: the next install, upgrade or
rollback may run different code than the one tested, and a rollback's
pre-rollback hooks run today's latest, not the image of the revision they
belong to. latest also makes imagePullPolicy default to Always, so every
hook run depends on the registry. An empty tag is an invalid reference: the
kubelet reports InvalidImageName, the hook never completes and Helm waits
until --timeout.

# How to fix

Pin a version tag, or a digest, and give templated tags a default
(`{{ .Values.image.tag | default .Chart.AppVersion }}`).

# Example

Bad:

	initContainers:
	  - name: wait
	    image: busybox
	containers:
	  - name: notify
	    image: curlimages/curl:latest

Good:

	initContainers:
	  - name: wait
	    image: busybox:1.36
	containers:
	  - name: notify
	    image: curlimages/curl@sha256:4a3396ae573c44932d06ba33f8696db4429c419da87cbdc82965ee96a37dd0af
*/
package hl6005
