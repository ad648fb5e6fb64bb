/*
hl1013 (hook-never-deleted): a hook without hook-succeeded or hook-failed stays in the cluster forever

# What it checks

A hook Helm keeps whose effective delete policies (the default
before-hook-creation when none is given) contain neither hook-succeeded
nor hook-failed, when it is

  - a pre-delete or post-delete hook of any kind (warning), or
  - a Job or Pod run by install, upgrade or rollback (info).

Other hooks are not reported: objects such as Secrets, ConfigMaps,
PersistentVolumeClaims, RBAC or Deployments created by a hook are usually
meant to outlive the hook phase, and test Pods are commonly kept for
`helm test --logs` (the `helm create` scaffold does so) and replaced by
the next `helm test`. Cluster-wide kinds (webhook configurations,
APIService, Namespace, ClusterRole, ClusterRoleBinding) and
CustomResourceDefinitions, which no policy ever deletes, are HL4007's.
Jobs with spec.ttlSecondsAfterFinished are not reported either: the
TTL-after-finished controller deletes them after they finish
(k8s.io/kubernetes@v1.35 pkg/controller/ttlafterfinished, processJob).

# Why it matters

Hooks are not release resources: helm.sh/helm/v3 pkg/action/uninstall.go
deletes only the objects of the release manifest, and hooks are stored
apart (release.Hooks), so `helm uninstall` never deletes a hook object.
pkg/action/hooks.go execHook deletes a hook only by its policies:
hook-succeeded and hook-failed after it ran, before-hook-creation just
before its next run. Without the first two, the Job, its Pods, or the
ConfigMap stay after every run and after uninstall; a Job leaves its Pods
and logs, RBAC objects leave permissions behind, a webhook configuration
keeps intercepting requests. For pre-delete and post-delete hooks there is
no next run: the release is gone and nothing will ever clean them up.

Keeping a finished Job on purpose is legitimate (to read its logs after a
failure), which is why this is only info outside uninstall. On the 35
corpus charts that render (kube-prometheus-stack lacks its vendored
dependencies) it fires on 7: finished migration and provisioning Jobs
(airflow-community, bitnami-etcd, bitnami-milvus, goharbor-harbor,
grafana-enterprise-logs, packt-hook-example, stable-stolon). Before it was
narrowed to Jobs and Pods it fired on 21, mostly on test Pods from the
`helm create` scaffold and on sentry's 30 Deployment hooks, which are meant
to stay.

Backed by TestExecHookDeletePolicies (the default policy leaves the hook
after uninstall, hook-succeeded deletes it) and
TestExecHookDeleteHooksOutliveUninstall (a pre-delete hook with the
default policy survives uninstall) in internal/hook.

# How to fix

Add hook-succeeded (and hook-failed, once nobody needs the failed Job's
logs, or together with helm.sh/hook-output-log-policy: hook-failed):

	"helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded

For an object that must live as long as the release, make it a normal
release resource instead of a hook.

# Example

Bad:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-delete

Good:

	kind: Job
	metadata:
	  annotations:
	    "helm.sh/hook": pre-delete
	    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded,hook-failed
*/
package hl1013
