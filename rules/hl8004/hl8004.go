package hl8004

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/hooklint/hooklint/internal/argocd"
	"github.com/hooklint/hooklint/internal/argolint"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports delete policies that Argo CD applies differently from
// Helm.
var Analyzer = &lint.Analyzer{
	ID:       "HL8004",
	Name:     "argocd-delete-policy-differs",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range argolint.Hooks(pass) {
		a := h.DeleteAnnotation
		if a == nil {
			continue
		}
		if _, own := h.Annotations[argocd.AnnotationDeletePolicy]; own {
			continue // the author set Argo CD's policy
		}
		// Helm: the policies execHook applies (unknown ones match
		// nothing), in Argo CD's names.
		var helm []string
		for _, p := range h.EffectiveDeletePolicies() {
			if n := argocd.HelmPolicy(string(p)); n != "" && !slices.Contains(helm, n) {
				helm = append(helm, n)
			}
		}
		argo := h.Argo.Policies
		if sameSet(helm, argo) {
			continue
		}
		helmSays := "Helm applies " + names(helm)
		if len(helm) == 0 {
			helmSays = "Helm keeps the unknown value, which disables its default before-hook-creation: nothing deletes this hook (pkg/action/hooks.go execHook)"
		}
		pass.Reportf(a.ValAt, h.Object,
			"helm.sh/hook-delete-policy %q: %s; Argo CD matches policies case-sensitively, ignores the others and falls back to BeforeHookCreation (gitops-engine pkg/sync/hook/delete_policy.go), so it applies %s: %s",
			a.Value, helmSays, strings.Join(argo, ", "), consequence(helm, argo))
	}
	return nil, nil
}

// names are Argo CD policy names as Helm writes them.
func names(ps []string) string {
	helm := map[string]string{argocd.BeforeHookCreation: "before-hook-creation", argocd.HookSucceeded: "hook-succeeded", argocd.HookFailed: "hook-failed"}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = helm[p]
	}
	return strings.Join(out, ", ")
}

func consequence(helm, argo []string) string {
	var parts []string
	for _, p := range argo {
		if !slices.Contains(helm, p) {
			parts = append(parts, "Argo CD deletes it "+when(p)+" and Helm does not")
		}
	}
	for _, p := range helm {
		if !slices.Contains(argo, p) {
			parts = append(parts, "Helm deletes it "+when(p)+" and Argo CD does not")
		}
	}
	return strings.Join(parts, "; ")
}

func when(p string) string {
	switch p {
	case argocd.BeforeHookCreation:
		return "before it is created again"
	case argocd.HookSucceeded:
		return "after it succeeded"
	}
	return "after it failed"
}

func sameSet(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}
