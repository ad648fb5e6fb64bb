/*
hl2010 (hook-pod-sidecar): a Job or Pod hook has a container that does not exit by itself next to its work

# What it checks

Job and Pod hooks whose pod has more than one regular container
(spec.containers), one of which shows that it runs until it is stopped:
it has a readiness, liveness or startup probe or declares ports (only a
server needs them), its command is `sleep infinity` or `tail -f`, or,
without a command of its own, its image is a proxy, service-mesh proxy,
log shipper or telemetry collector. Containers that all terminate on their
own (one-shot probes such as curl, wget or nslookup) do not hold the hook
and are not reported. Native sidecars (initContainers with restartPolicy:
Always) are not counted.

# Why it matters

A Job completes, and a Pod reaches Succeeded, only when every regular
container has terminated. helm.sh/helm/v3 pkg/kube/client.go
watchUntilReady waits for exactly that, so a second container that never
exits (a Cloud SQL proxy, a log shipper, a service-mesh proxy added next to
the real work) keeps the hook running until Helm's --timeout, although the
work finished long before.

# How to fix

Run helpers as native sidecars (initContainers with restartPolicy: Always,
Kubernetes 1.29+), make them exit when the main container is done, or
disable sidecar injection on hook pods.

# Example

Bad:

	spec:
	  template:
	    spec:
	      containers:
	        - name: migrate
	          image: app:1.2.3
	        - name: cloudsql-proxy
	          image: gce-proxy:1.11

Good:

	spec:
	  template:
	    spec:
	      initContainers:
	        - name: cloudsql-proxy
	          image: gce-proxy:1.11
	          restartPolicy: Always
	      containers:
	        - name: migrate
	          image: app:1.2.3
*/
package hl2010
