/*
hl2001 (job-restart-policy): a Job hook's pod template has a restartPolicy the API server rejects

# What it checks

Job and CronJob hooks whose pod template sets restartPolicy to anything
other than Never or OnFailure, or does not set it at all (the pod template
default is Always).

# Why it matters

The API server validates a Job's pod template: restartPolicy must be Never
or OnFailure (`spec.template.spec.restartPolicy: Unsupported value:
"Always"`), and an omitted field is defaulted to Always first. In
helm.sh/helm/v3 pkg/action/hooks.go execHook, KubeClient.Create then fails
and Helm fails the hook at once ("warning: Hook pre-install ... failed"),
so the whole install, upgrade or uninstall fails.

# How to fix

Set restartPolicy: Never (failed pods stay for inspection and backoffLimit
counts pods) or OnFailure (containers restart in place).

# Example

Bad:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": post-install
	spec:
	  template:
	    spec:
	      containers:
	        - name: seed
	          image: busybox:1.36

Good:

	spec:
	  template:
	    spec:
	      restartPolicy: Never
*/
package hl2001
