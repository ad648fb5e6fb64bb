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

Release resources are judged in the render of the hook's command: the
install render for install, test and delete hooks, the upgrade render for
upgrade and rollback hooks. A release resource that only the other render
defines is reported as such, a warning when the hook then fails for
certain:

  - one only upgrades render (`{{ if .Release.IsUpgrade }}`), used by an
    install hook: an install never creates it; by a test or pre-delete
    hook: it is missing until the release's first upgrade;
  - one only the install renders (`{{ if .Release.IsInstall }}`), used by
    a post-upgrade hook or a test hook: helm upgrade deletes it before the
    post-upgrade hooks and any later helm test (helm.sh/helm/v3@v3.22.0 pkg/action/upgrade.go releasingUpgrade
    runs them after KubeClient.Update, and pkg/kube/client.go update
    deletes original.Difference(target) unless its helm.sh/resource-policy
    is exactly "keep").

Such a resource used by a pre-upgrade hook is not reported: the first
upgrade finds what the install created (a release resource exists for a
pre-upgrade hook when the previous revision created it, which no rule
reports).

# Why it matters

Such objects must be created outside the release before the hook runs
(an existingSecret, a pull secret provisioned by the platform). If they are
missing, the hook's pod cannot be created or started and
helm.sh/helm/v3 pkg/action/hooks.go execHook waits for the hook until
--timeout; the chart cannot order them.

This is advice (info): external objects are often intended. A release
resource of the chart missing in one command is not intended, hence the
warning.

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
