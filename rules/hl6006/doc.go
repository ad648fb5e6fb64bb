/*
hl6006 (hook-pod-not-hardened): hook containers run without securityContext hardening

# What it checks

For every hook that runs pods, each container and init container's
effective securityContext: runAsNonRoot (or a non-zero runAsUser, on the
container or inherited from the pod; an explicit runAsNonRoot: false on the
container wins), allowPrivilegeEscalation: false, capabilities.drop: [ALL]
and readOnlyRootFilesystem. A hook is reported when a container lacks one
of the first three, the settings Pod Security "restricted" requires; the
finding then lists everything missing, readOnlyRootFilesystem included, and
which containers lack it, at the first such container's securityContext (or
the container when it has none). readOnlyRootFilesystem alone is not
reported, and neither are hooks that only `helm test` runs.

By default a hook is reported only where it is the outlier: a release
resource (not a hook) of the same chart (subcharts are compared with their
own workloads) has a regular container that meets one of the settings
"restricted" requires that the hook lacks, so the chart hardens its
workloads and its hook was forgotten; the message names that workload. With the preset
`rules.default: all` in .hooklint.yaml every such hook is reported.

Severity policy of the HL5 and HL6 rules: error when Helm will fail (the API
server rejects the object, so the Helm command fails); warning when Helm
succeeds but the chart is likely wrong or dangerous; info for advice whose
weight depends on the cluster. This rule reports at info. Whether the missing
settings matter depends on the cluster (Pod Security admission, the image's
user), so this is advice. Reporting every hook fired on 13 of the 36 corpus
charts, mostly charts whose workloads are not hardened either, where the
hook is no different from the rest; hence the outlier default.

# Why it matters

Hooks often run with more rights than the application (RBAC to patch
webhooks, create Secrets, run migrations), from images that run as root by
default. The first three settings are what the Pod Security "restricted"
profile requires: in a namespace that enforces it the Job controller cannot
create the pod, the hook never completes and helm.sh/helm/v3
pkg/action/hooks.go execHook waits until --timeout. Charts often harden the
Deployment through values and forget the hook Job, which is written in a
separate template.

# How to fix

Give hook pods the same securityContext as the workloads, overridable
through values.

# Example

Bad:

	containers:
	  - name: certgen
	    image: certgen:1.0

Good:

	securityContext:
	  runAsUser: 65532
	  seccompProfile: {type: RuntimeDefault}
	containers:
	  - name: certgen
	    image: certgen:1.0
	    securityContext:
	      allowPrivilegeEscalation: false
	      readOnlyRootFilesystem: true
	      capabilities:
	        drop: [ALL]
*/
package hl6006
