package hl4005

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

// Analyzer reports hooks whose delete policy keeps them after success without before-hook-creation.
var Analyzer = &lint.Analyzer{
	ID:       "HL4005",
	Name:     "hook-kept-after-success",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || h.DeleteAnnotation == nil || !valid(h) || o.Kind == "CustomResourceDefinition" {
			continue
		}
		if h.HasDeletePolicy(release.HookBeforeHookCreation) || h.HasDeletePolicy(release.HookSucceeded) {
			continue
		}
		if pass.Helm() == lint.HelmV4 {
			// Helm 4 creates hooks with server-side apply: the leftover is
			// patched, not a conflict; only a Job or Pod then misbehaves.
			if o.Kind != "Job" && o.Kind != "Pod" {
				continue
			}
			pass.Reportf(h.DeleteAnnotation.ValAt, o,
				"delete policy %q keeps this %s after it succeeds and never deletes the old one before a new run (no before-hook-creation): Helm 4 re-applies the leftover with server-side apply at %s, so the %s does not run again, or the apply fails with \"field is immutable\" when its spec changed",
				h.DeleteAnnotation.Value, o.Kind, next(h), o.Kind)
			continue
		}
		pass.Reportf(h.DeleteAnnotation.ValAt, o,
			"delete policy %q keeps this %s after it succeeds and never deletes the old one before a new run (no before-hook-creation): %s fails with \"%s already exists\" (Helm 4 re-applies it instead of re-running it)",
			h.DeleteAnnotation.Value, o.Kind, next(h), strings.ToLower(o.Kind))
	}
	return nil, nil
}

// valid reports whether every delete policy token is one Helm knows;
// unknown ones are HL1's.
func valid(h *hook.Hook) bool {
	for _, p := range h.DeletePolicies {
		known := false
		for _, n := range hook.DeletePolicyNames() {
			if string(p) == n {
				known = true
			}
		}
		if !known {
			return false
		}
	}
	return len(h.DeletePolicies) > 0
}

// next names the next run of h that finds the leftover.
func next(h *hook.Hook) string {
	for _, e := range h.Events {
		switch e {
		case release.HookPreUpgrade, release.HookPostUpgrade:
			return "the next helm upgrade"
		case release.HookTest:
			return "the next helm test"
		case release.HookPreRollback, release.HookPostRollback:
			return "the next helm rollback"
		}
	}
	return fmt.Sprintf("its next %s (after helm uninstall, which never deletes hooks, and a new install)", h.Events[0])
}
