/*
hl6001 (hook-binds-broad-role): a hook binds the built-in cluster-admin, admin or edit role

# What it checks

Every hook RoleBinding or ClusterRoleBinding whose roleRef is the built-in
ClusterRole cluster-admin, admin or edit (unless the chart defines its own
ClusterRole of that name). The message says what the subjects can do, in
the namespace (RoleBinding) or in every namespace (ClusterRoleBinding), and
whether the grant outlives the hook.

Severity policy of the HL5 and HL6 rules: error when Helm will fail; warning
when Helm succeeds but the chart is likely wrong or dangerous; info for
advice whose weight depends on the cluster. Granting a built-in role this
broad is a warning: Helm succeeds, but the hook gets far more rights than a
hook needs.

# Why it matters

Hooks run before or after the release with their own ServiceAccount, often
from a different image than the application, and they are not managed by
the release: helm.sh/helm/v3 pkg/action/hooks.go execHook deletes a hook
only as its helm.sh/hook-delete-policy says, and `helm uninstall` leaves
hook objects in place. A binding to edit lets the hook's ServiceAccount
change every Deployment, ConfigMap and Secret of the namespace; admin adds
Roles and RoleBindings (it can grant itself more); cluster-admin is the
whole cluster. Without hook-succeeded the grant stays after the hook has
run, for anyone who can use that ServiceAccount.

# How to fix

Bind a Role that lists only the resources (with resourceNames) and verbs
the hook needs, and give the hook RBAC the delete policy
before-hook-creation,hook-succeeded,hook-failed.

# Example

Bad:

	kind: RoleBinding
	metadata:
	  annotations:
	    "helm.sh/hook": pre-rollback
	roleRef:
	  kind: ClusterRole
	  name: edit

Good:

	kind: Role
	metadata:
	  annotations:
	    "helm.sh/hook": pre-rollback
	    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded,hook-failed
	rules:
	  - apiGroups: [apps]
	    resources: [statefulsets]
	    resourceNames: [redis-replicas]
	    verbs: [get, patch]
*/
package hl6001
