package hl6002

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

// Analyzer reports ClusterRoleBindings created by hooks.
var Analyzer = &lint.Analyzer{
	ID:       "HL6002",
	Name:     "hook-cluster-role-binding",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

// builtin are HL6001's.
var builtin = map[string]bool{"cluster-admin": true, "admin": true, "edit": true} //nolint:gochecknoglobals // read-only lookup table

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || o.Kind != "ClusterRoleBinding" || !strings.HasPrefix(o.APIVersion, "rbac.authorization.k8s.io/") {
			continue
		}
		name, _ := o.Get("roleRef", "name")
		rn, _ := name.(string)
		role := clusterRole(pass.Objects, rn)
		if builtin[rn] && role == nil {
			continue
		}
		f := lint.Finding{
			Pos:    o.PosOf("roleRef", "name"),
			Object: lint.ObjectRefOf(o),
			Message: fmt.Sprintf("hook ClusterRoleBinding grants ClusterRole %q to %s in every namespace, not only the release's%s",
				rn, subjects(o), lifetime(h)),
		}
		if role != nil {
			f.Related = []lint.Related{{Pos: role.At, Message: fmt.Sprintf("ClusterRole %q is defined here", rn)}}
		}
		pass.Report(f)
	}
	return nil, nil
}

func clusterRole(objs []*hook.Object, name string) *hook.Object {
	for _, o := range objs {
		if o.Kind == "ClusterRole" && o.Name == name {
			return o
		}
	}
	return nil
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
