/*
hl6003 (hook-rbac-wildcard): a hook Role or ClusterRole grants every verb or every resource

# What it checks

Every rule of a hook Role or ClusterRole: a "*" in verbs, and a "*" in
resources, each reported at the list item. Roles that are not hooks are
not checked.

Severity policy of the HL5 and HL6 rules: error when Helm will fail (the API
server rejects the object, so the Helm command fails); warning when Helm
succeeds but the chart is likely wrong or dangerous; info for advice whose
weight depends on the cluster. This rule reports warnings. Helm succeeds, but
the hook gets rights nobody listed.

# Why it matters

verbs: ["*"] includes delete, deletecollection and the privileged verbs
escalate, bind and impersonate where a resource has them, and any verb a
later Kubernetes version adds; resources: ["*"] includes every resource of
the rule's apiGroups and those a CRD adds to them later. A rule grants a
resource only when both its apiGroups and its resources match
(k8s.io/kubernetes@v1.35 pkg/apis/rbac/v1/evaluation_helpers.go RuleAllows),
so the message names what the groups hold: Secrets only with the core group
("") or "*", Roles and RoleBindings only with rbac.authorization.k8s.io or
"*"; escalate and bind only on roles, impersonate only on users, groups and
service accounts. A hook usually needs a few
verbs on a few objects. Hook RBAC also outlives the hook unless its
helm.sh/hook-delete-policy removes it (helm.sh/helm/v3 pkg/action/hooks.go
execHook), and `helm uninstall` leaves it behind.

# How to fix

List the verbs and resources the hook uses, with resourceNames where the
objects are known.

# Example

Bad:

	rules:
	  - apiGroups: ["*"]
	    resources: ["*"]
	    verbs: [get, list]

Good:

	rules:
	  - apiGroups: [admissionregistration.k8s.io]
	    resources: [validatingwebhookconfigurations]
	    resourceNames: [{{ .Release.Name }}-webhook]
	    verbs: [get, update]
*/
package hl6003
