package hl6001

import (
	_ "embed"
	"fmt"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook bindings to the built-in cluster-admin, admin and
// edit ClusterRoles.
var Analyzer = &lint.Analyzer{
	ID:       "HL6001",
	Name:     "hook-binds-broad-role",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

// rights says what each built-in ClusterRole grants, in a namespace and
// cluster-wide (k8s.io/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy).
var rights = map[string][2]string{ //nolint:gochecknoglobals // read-only lookup table
	"cluster-admin": {
		"can do anything to every object in the namespace, Roles and RoleBindings included",
		"can do anything to every object in the cluster",
	},
	"admin": {
		"can read and change every object in the namespace, Secrets, Roles and RoleBindings included",
		"can read and change every namespaced object in every namespace, Secrets and RoleBindings included",
	},
	"edit": {
		"can change every object in the namespace and read its Secrets",
		"can change every namespaced object and read the Secrets of every namespace",
	},
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || !isBinding(o) {
			continue
		}
		kind, _ := o.Get("roleRef", "kind")
		name, _ := o.Get("roleRef", "name")
		rn, _ := name.(string)
		r, ok := rights[rn]
		if kind != "ClusterRole" || !ok || definesClusterRole(pass.Objects, rn) {
			continue
		}
		what := r[0]
		if o.Kind == "ClusterRoleBinding" {
			what = r[1]
		}
		pass.Reportf(o.PosOf("roleRef", "name"), o, "hook %s binds the built-in ClusterRole %q to %s: it %s while the binding exists%s",
			o.Kind, rn, subjects(o), what, lifetime(h))
	}
	return nil, nil
}

// isBinding reports whether o is an RBAC RoleBinding or ClusterRoleBinding.
func isBinding(o *hook.Object) bool {
	return (o.Kind == "RoleBinding" || o.Kind == "ClusterRoleBinding") &&
		strings.HasPrefix(o.APIVersion, "rbac.authorization.k8s.io/")
}

// definesClusterRole: a chart's own ClusterRole of that name is not the
// built-in one.
func definesClusterRole(objs []*hook.Object, name string) bool {
	for _, o := range objs {
		if o.Kind == "ClusterRole" && o.Name == name {
			return true
		}
	}
	return false
}

// subjects describes a binding's subjects: `ServiceAccount "restore"`,
// or "its 3 subjects".
func subjects(o *hook.Object) string {
	v, _ := o.Get("subjects")
	l, _ := v.([]any)
	if len(l) == 1 {
		if m, ok := l[0].(map[string]any); ok {
			k, _ := m["kind"].(string)
			n, _ := m["name"].(string)
			if k != "" && n != "" {
				return fmt.Sprintf("%s %q", k, n)
			}
		}
	}
	if len(l) == 0 {
		return "no subject yet"
	}
	return fmt.Sprintf("its %d subjects", len(l))
}

// lifetime says how long a hook's grant outlives the hook, from its
// effective delete policies (helm.sh/helm/v3 pkg/action/hooks.go execHook).
func lifetime(h *hook.Hook) string {
	if h.HasDeletePolicy(release.HookSucceeded) {
		return ""
	}
	return "; without a hook-succeeded delete policy it stays after the hook has run"
}
