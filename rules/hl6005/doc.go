/*
hl6005 (hook-image-not-pinned): a hook container's image has no tag, the latest tag, or an empty tag

# What it checks

The image of every container and init container of a hook: an image
without a tag or digest (busybox), with the tag latest, or with an empty
tag (repo: — what "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
renders when the tag is unset). A digest (@sha256:...) always pins. A
registry port (registry:5000/tool) is not a tag. Empty images are HL5003's.

Severity: warning (see HL6001 for the policy): Helm succeeds, but what the
hook runs is not what was reviewed. An empty tag is worse (the hook never
starts) and is reported by the same rule so that one place covers image
references.

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
