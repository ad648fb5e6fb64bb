package hl6002

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/hooklint/hooklint/internal/lifecycle"
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
		role := lifecycle.Find(pass.Objects, "ClusterRole", rn)
		if builtin[rn] && role == nil {
			continue
		}
		f := lint.Finding{
			Pos:    o.PosOf("roleRef", "name"),
			Object: lint.ObjectRefOf(o),
			Message: fmt.Sprintf("hook ClusterRoleBinding grants ClusterRole %q to %s in every namespace, not only the release's%s",
				rn, lifecycle.Subjects(o), lifecycle.GrantLifetime(h)),
		}
		if role != nil {
			f.Related = []lint.Related{{Pos: role.At, Message: fmt.Sprintf("ClusterRole %q is defined here", rn)}}
		}
		pass.Report(f)
	}
	return nil, nil
}
