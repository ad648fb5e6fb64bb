/*
hl6004 (hook-pod-host-access): a hook pod is privileged or uses the node's namespaces or files

# What it checks

The pod spec of every hook that runs pods (Job, Pod, any pod template):
hostNetwork, hostPID or hostIPC set to true, hostPath volumes, and
containers or init containers with securityContext.privileged: true. Each
is reported at its key. Workloads that are not hooks are not checked.

By default a chart whose own workloads (release resources of the same
chart) already need one of these (a storage or network driver: longhorn's
privileged manager DaemonSet) is not reported: its namespace must admit
such pods for the release itself, so the hook adds no rejection and no
right the chart does not already have. The preset `rules.default: all` in
.hooklint.yaml reports those hooks too.

Severity policy of the HL5 and HL6 rules: error when Helm will fail (the API
server rejects the object, so the Helm command fails); warning when Helm
succeeds but the chart is likely wrong or dangerous; info for advice whose
weight depends on the cluster. This rule reports warnings. Helm succeeds, but
the hook can take over the node.

# Why it matters

These are the settings the Pod Security "baseline" profile forbids,
because each one gives the pod a way out of its container: a privileged
container is root on the node, hostPID shows every process, hostNetwork
bypasses NetworkPolicies, a hostPath volume reads and writes the node's
files (a container runtime socket is a full takeover). Hooks are short-lived
and rarely reviewed, and helm.sh/helm/v3 pkg/action/hooks.go execHook runs
them before the release's own resources exist. In a namespace that enforces
baseline, the Job controller cannot create the pod, the hook never
completes and Helm waits until --timeout.

# How to fix

Do the work through the Kubernetes API with a narrow ServiceAccount, or move
node setup to a DaemonSet that is reviewed as such; drop the host settings
from the hook.

# Example

Bad:

	spec:
	  template:
	    spec:
	      hostNetwork: true
	      volumes:
	        - name: docker
	          hostPath:
	            path: /var/run/docker.sock

Good:

	spec:
	  template:
	    spec:
	      volumes:
	        - name: scratch
	          emptyDir: {}
*/
package hl6004
