package hl4001

import (
	_ "embed"
	"fmt"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lifecycle"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports helm.sh/resource-policy on hooks, which Helm ignores.
var Analyzer = &lint.Analyzer{
	ID:       "HL4001",
	Name:     "hook-resource-policy-ignored",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		rp := h.ResourcePolicy
		if h.Dropped || rp == nil {
			continue
		}
		o := h.Object
		what := fmt.Sprintf("helm.sh/resource-policy %q has no effect on a hook", rp.Value)
		if lifecycle.NormalizePolicy(rp.Value) == "keep" {
			what = "helm.sh/resource-policy: keep has no effect on a hook"
		}
		var why string
		switch {
		case o.Kind == "CustomResourceDefinition":
			why = "Helm never deletes a CustomResourceDefinition hook anyway"
		case h.HasDeletePolicy(release.HookBeforeHookCreation):
			why = fmt.Sprintf("before-hook-creation still deletes and recreates this %s every time one of its events (%s) runs", o.Kind, lifecycle.EventList(h))
		case h.HasDeletePolicy(release.HookSucceeded):
			why = "hook-succeeded still deletes it after its event succeeds"
		case h.HasDeletePolicy(release.HookFailed):
			why = "hook-failed still deletes it when it fails"
		default:
			why = "uninstall never deletes hooks, and only a delete policy removes them"
		}
		pass.Reportf(rp.KeyAt, o, "%s: %s", what, why)
	}
	return nil, nil
}
