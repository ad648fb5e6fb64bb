/*
hl3007 (hook-dependency-external): a hook uses an object the chart does not define

# What it checks

For every hook and each of its events, the ServiceAccounts, ConfigMaps,
Secrets, PersistentVolumeClaims and image pull Secrets its pod references
(as HL3001 lists them, optional references excluded) that no document of
the chart defines, neither as a hook nor as a release resource. Objects the
cluster makes in every namespace are not reported: the ServiceAccount
"default" and the ConfigMap "kube-root-ca.crt" (internal/lifecycle
Provided, the list the simulator's fake cluster creates them from).

# Why it matters

Such objects must be created outside the release before the hook runs
(an existingSecret, a pull secret provisioned by the platform). If they are
missing, the hook's pod cannot be created or started and
helm.sh/helm/v3 pkg/action/hooks.go execHook waits for the hook until
--timeout; the chart cannot order them.

This is advice (info): external objects are often intended.

# How to fix

Document the prerequisite, or let the chart create the object (as a hook of
the same event with a lower weight when the hook needs it before the
release resources exist), or mark the reference optional: true.

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
	        - envFrom:
	            - secretRef:
	                name: external-creds

Good:

	containers:
	  - envFrom:
	      - secretRef:
	          name: external-creds
	          optional: true
*/
package hl3007
