/*
hl2010 (hook-pod-sidecar): a Job or Pod hook with several containers finishes only when all of them exit

# What it checks

Job and Pod hooks whose pod has more than one regular container
(spec.containers). Native sidecars (initContainers with restartPolicy:
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
