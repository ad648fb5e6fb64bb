package hl1013

import (
	_ "embed"
	"fmt"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks that nothing deletes after they ran.
var Analyzer = &lint.Analyzer{
	ID:       "HL1013",
	Name:     "hook-never-deleted",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

// clusterWide are the kinds whose leftovers HL4007 (hook-leaks-after-uninstall)
// reports, CustomResourceDefinition (never deleted by any policy) included.
var clusterWide = map[string]bool{ //nolint:gochecknoglobals // read-only lookup table
	"MutatingWebhookConfiguration": true, "ValidatingWebhookConfiguration": true, "APIService": true,
	"Namespace": true, "ClusterRole": true, "ClusterRoleBinding": true, "CustomResourceDefinition": true,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		if h.Dropped || clusterWide[h.Object.Kind] {
			continue // dropped: never created; cluster-wide kinds and CRDs: HL4007
		}
		if h.HasDeletePolicy(release.HookSucceeded) || h.HasDeletePolicy(release.HookFailed) {
			continue
		}
		if ttlDeleted(h.Object) {
			continue // the TTL controller deletes the finished Job
		}
		e, onDelete := deleteEvent(h)
		if !onDelete && !finished(h) {
			continue // an object meant to outlive its hook phase, or a test left for its logs
		}
		at := h.Annotation.KeyAt
		if h.DeleteAnnotation != nil {
			at = h.DeleteAnnotation.ValAt
		}
		what := fmt.Sprintf("hook %s %q has no hook-succeeded or hook-failed delete policy", h.Object.Kind, nameOf(h.Object))
		if onDelete {
			pass.Report(lint.Finding{
				Pos: at, Object: lint.ObjectRefOf(h.Object), Severity: lint.Warning,
				Message: fmt.Sprintf("%s and runs in %s: it stays in the cluster after helm uninstall, and with the release gone nothing will ever delete it", what, e),
			})
			continue
		}
		msg := what + ": it stays in the cluster after it runs, and helm uninstall does not delete it (hooks are not release resources)"
		if h.HasDeletePolicy(release.HookBeforeHookCreation) {
			msg += "; before-hook-creation only replaces it on its next run"
		}
		pass.Reportf(at, h.Object, "%s", msg)
	}
	return nil, nil
}

// finished reports whether h leaves a finished workload behind: a Job or
// Pod run by install, upgrade or rollback. Test Pods are left alone: `helm
// test --logs` (v3) reads their logs after the run, and before-hook-creation
// replaces them on the next `helm test`.
func finished(h *hook.Hook) bool {
	if k := h.Object.Kind; k != "Job" && k != "Pod" {
		return false
	}
	for _, e := range h.Events {
		if e != release.HookTest {
			return true
		}
	}
	return false
}

// ttlDeleted reports whether o is a Job with spec.ttlSecondsAfterFinished:
// Kubernetes' TTL-after-finished controller deletes it (and its pods) that
// many seconds after it completes or fails (k8s.io/kubernetes@v1.35
// pkg/controller/ttlafterfinished/ttlafterfinished_controller.go
// processJob), so it does not stay in the cluster.
func ttlDeleted(o *hook.Object) bool {
	if o.Kind != "Job" {
		return false
	}
	v, ok := o.Get("spec", "ttlSecondsAfterFinished")
	if !ok {
		return false
	}
	n, ok := lifecycle.Int(v)
	return ok && n >= 0
}

// deleteEvent returns the hook's first uninstall event.
func deleteEvent(h *hook.Hook) (string, bool) {
	for _, e := range h.Events {
		if e == release.HookPreDelete || e == release.HookPostDelete {
			return e.String(), true
		}
	}
	return "", false
}

func nameOf(o *hook.Object) string {
	if o.Name == "" && o.GenerateName != "" {
		return o.GenerateName + "*"
	}
	return o.Name
}
