package hl6001

import (
	_ "embed"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lifecycle"
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
		if kind != "ClusterRole" || !ok || lifecycle.Find(pass.Objects, "ClusterRole", rn) != nil {
			continue
		}
		what := r[0]
		if o.Kind == "ClusterRoleBinding" {
			what = r[1]
		}
		pass.Reportf(o.PosOf("roleRef", "name"), o, "hook %s binds the built-in ClusterRole %q to %s: it %s while the binding exists%s",
			o.Kind, rn, lifecycle.Subjects(o), what, lifecycle.GrantLifetime(h))
	}
	return nil, nil
}

// isBinding reports whether o is an RBAC RoleBinding or ClusterRoleBinding.
func isBinding(o *hook.Object) bool {
	return (o.Kind == "RoleBinding" || o.Kind == "ClusterRoleBinding") &&
		strings.HasPrefix(o.APIVersion, "rbac.authorization.k8s.io/")
}
