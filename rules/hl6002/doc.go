/*
hl6002 (hook-cluster-role-binding): a hook ClusterRoleBinding grants rights in every namespace

# What it checks

Every hook ClusterRoleBinding (bindings to the built-in cluster-admin, admin
and edit roles are HL6001's). The finding names the ClusterRole and the
subjects, points at the ClusterRole when the chart defines it, and says
when the grant outlives the hook (no hook-succeeded delete policy).

Severity policy of the HL5 and HL6 rules: error when Helm will fail (the API
server rejects the object, so the Helm command fails); warning when Helm
succeeds but the chart is likely wrong or dangerous; info for advice whose
weight depends on the cluster. This rule reports at info. Some hooks need
cluster-scoped rights, typically to patch webhook configurations or CRDs;
whether the grant is too broad depends on the ClusterRole's rules, which the
reviewer should read.

# Why it matters

A ClusterRoleBinding grants its ClusterRole in every namespace and on
cluster-scoped objects, while a hook usually works in the release's
namespace. Hook objects are not part of the release: helm.sh/helm/v3
pkg/action/hooks.go execHook deletes them only as helm.sh/hook-delete-policy
says, and `helm uninstall` leaves them, so a ClusterRoleBinding without
hook-succeeded stays in the cluster after the hook has done its work.

# How to fix

Use a Role and a RoleBinding in the release namespace when the hook only
touches namespaced objects; otherwise keep the ClusterRole minimal
(resourceNames, explicit verbs) and give the hook RBAC the delete policy
before-hook-creation,hook-succeeded,hook-failed.

# Example

Bad:

	kind: ClusterRoleBinding
	metadata:
	  annotations:
	    "helm.sh/hook": pre-install,pre-upgrade
	roleRef:
	  kind: ClusterRole
	  name: {{ .Release.Name }}-patch

Good:

	kind: RoleBinding
	metadata:
	  annotations:
	    "helm.sh/hook": pre-install,pre-upgrade
	    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded,hook-failed
	roleRef:
	  kind: Role
	  name: {{ .Release.Name }}-patch
*/
package hl6002
