package hl4006

import (
	_ "embed"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks deleted only on success, without before-hook-creation.
var Analyzer = &lint.Analyzer{
	ID:       "HL4006",
	Name:     "hook-kept-after-failure",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || h.DeleteAnnotation == nil || !valid(h) || o.Kind == "CustomResourceDefinition" {
			continue
		}
		if !h.HasDeletePolicy(release.HookSucceeded) || h.HasDeletePolicy(release.HookBeforeHookCreation) || h.HasDeletePolicy(release.HookFailed) {
			continue
		}
		// Only a Job or Pod can fail after it was created: Helm counts any
		// other hook ready once created, and when a later hook of the
		// phase fails it deletes the earlier ones by their hook-succeeded
		// policy (helm.sh/helm/v3@v3.22.0 pkg/action/hooks.go execHook:
		// deleteHooksByPolicy(executingHooks[0:i], HookSucceeded)). Other
		// kinds are left behind only by an interrupted helm.
		if o.Kind != "Job" && o.Kind != "Pod" {
			continue
		}
		if pass.Helm() == lint.HelmV4 {
			// server-side apply patches the leftover: a failed Job or Pod,
			// whose failure is in its status, fails again.
			pass.Reportf(h.DeleteAnnotation.ValAt, o,
				"delete policy %q deletes this %s only after a success: a failed or interrupted run leaves it behind, and Helm 4 re-applies the leftover with server-side apply: a failed %s fails again at once without running, or the apply fails with \"field is immutable\" when its spec changed, until someone deletes it by hand",
				h.DeleteAnnotation.Value, o.Kind, o.Kind)
			continue
		}
		pass.Reportf(h.DeleteAnnotation.ValAt, o,
			"delete policy %q deletes this %s only after a success: a failed or interrupted run leaves it behind, and without before-hook-creation every later run of its events fails with \"%s already exists\" until someone deletes it by hand",
			h.DeleteAnnotation.Value, o.Kind, strings.ToLower(o.Kind))
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
