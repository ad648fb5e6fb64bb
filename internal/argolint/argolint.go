// Package argolint is what the HL8xxx rules share: when they apply (lint
// --engine argocd, in the render Argo CD sees) and the hooks as Argo CD
// reads them (package argocd).
package argolint

import (
	"strings"

	"github.com/hooklint/hooklint/internal/argocd"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
)

// Hook is a hook Argo CD syncs, with its Argo CD mapping.
type Hook struct {
	*hook.Hook
	Annotations map[string]string
	Argo        argocd.Mapping
	// ArgoTypes are its valid argocd.argoproj.io/hook types; when there
	// are any, Argo CD ignores helm.sh/hook.
	ArgoTypes []argocd.Phase
}

// Hooks returns the hooks of pass as Argo CD sees them, in the order
// rendered, or nil when the HL8xxx rules do not apply: the engine is not
// Argo CD, or pass is the upgrade render (Argo CD's repo server renders
// with `helm template` (util/helm/cmd.go), an install render, for every
// sync; the install render holds every hook, upgrade-only ones included).
// Hooks Helm drops (an unknown event token) are left out: `helm template`
// does not print them, so Argo CD never sees them (HL1001, HL1002).
func Hooks(pass *lint.Pass) []*Hook {
	if pass.Engine() != lint.EngineArgoCD || (pass.Release.Context == render.Upgrade && !pass.Release.Only) {
		return nil
	}
	var out []*Hook
	for _, o := range pass.Objects {
		h := o.Hook
		if h == nil || h.Dropped {
			continue
		}
		ann := Annotations(o)
		m := argocd.Map(ann)
		if !m.Hook {
			continue
		}
		out = append(out, &Hook{Hook: h, Annotations: ann, Argo: m, ArgoTypes: argocd.ArgoHookTypes(ann)})
	}
	return out
}

// Annotations are o's metadata.annotations as a map (the last of
// duplicate keys wins, as in a decoded object).
func Annotations(o *hook.Object) map[string]string {
	m := make(map[string]string, len(o.Annotations))
	for _, a := range o.Annotations {
		m[a.Key] = a.Value
	}
	return m
}

// ArgoToken is a helm.sh/hook token as Argo CD reads it: trimmed, case
// kept (resource/annotations.go GetAnnotationCSVs).
func ArgoToken(t hook.Token) string { return strings.TrimSpace(t.Raw) }

// Ref names an object in messages: Kind "name".
func Ref(o *hook.Object) string {
	return o.Kind + ` "` + lint.ObjectRefOf(o).Name + `"`
}
