/*
hl6007 (hook-container-no-resources): a hook container has no resource requests or limits

# What it checks

Every container and init container of every hook that runs pods should have
at least one resource request or limit (resources.requests or
resources.limits with an entry); an empty resources: {} counts as none.
One finding per hook names the containers without any, at the first one's
resources key (or the container). Hooks that only `helm test` runs are left
out: they do not block an install or an upgrade.

By default a hook is reported only where it is the outlier: a release
resource (not a hook) of the same chart (subcharts are compared with their
own workloads) has a regular container that sets resources, so the chart
cares about them and its hook was forgotten; the message names that
workload. With the preset `rules.default: all` in .hooklint.yaml every
hook without resources is reported.

Severity policy of the HL5 and HL6 rules: error when Helm will fail (the API
server rejects the object, so the Helm command fails); warning when Helm
succeeds but the chart is likely wrong or dangerous; info for advice whose
weight depends on the cluster. This rule reports at info. Whether it matters
depends on the namespace's ResourceQuota and LimitRange. Reporting every hook
fired on 17 of the 36 corpus charts, mostly charts that set resources
nowhere, where the hook is no different from the rest; hence the outlier
default.

# Why it matters

When a namespace has a ResourceQuota on cpu or memory and no LimitRange
that fills in defaults, the API server rejects pods without requests or
limits ("must specify limits.cpu,limits.memory,..."). For a hook Job the
Job controller keeps failing to create the pod, the hook neither succeeds
nor fails, and helm.sh/helm/v3 pkg/action/hooks.go execHook waits until
--timeout, so the install or upgrade fails with a timeout that does not
name the quota. Without a quota the pod runs in the BestEffort class and is
the first to be evicted under memory pressure, in the middle of a migration
or a backup.

# How to fix

Give hook containers small requests and a memory limit, configurable
through values like the workloads' resources.

# Example

Bad:

	initContainers:
	  - name: wait
	    image: busybox:1.36

Good:

	initContainers:
	  - name: wait
	    image: busybox:1.36
	    resources:
	      requests: {cpu: 10m, memory: 16Mi}
*/
package hl6007
