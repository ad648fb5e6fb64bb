package hl8002

import (
	_ "embed"
	"fmt"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/argocd"
	"github.com/hooklint/hooklint/internal/argolint"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook events Argo CD never runs.
var Analyzer = &lint.Analyzer{
	ID:       "HL8002",
	Name:     "argocd-hook-never-runs",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range argolint.Hooks(pass) {
		if len(h.ArgoTypes) > 0 {
			continue // Argo CD ignores helm.sh/hook
		}
		never := ""
		if len(h.Argo.Phases) == 0 {
			never = fmt.Sprintf("; with no event Argo CD runs, it never applies this %s at all (a hook is not synced as a plain resource)", h.Object.Kind)
		}
		done := map[string]bool{} // the tokens share one position: one finding per spelling
		for _, t := range h.Tokens {
			ev, ok := hook.KnownEvent(t.Text)
			written := argolint.ArgoToken(t)
			if !ok || done[written] {
				continue
			}
			done[written] = true
			if _, runs := argocd.HelmEventPhase(written); runs {
				continue
			}
			f := lint.Finding{Pos: t.At, Object: lint.ObjectRefOf(h.Object)}
			switch ev {
			case release.HookTest:
				f.Severity = lint.Info
				f.Message = fmt.Sprintf("hook event %q: Argo CD never runs test hooks (no sync phase: pkg/sync/sync_phase.go syncPhases; there is no helm test)%s", written, never)
			case release.HookPreRollback, release.HookPostRollback:
				f.Message = fmt.Sprintf("hook event %q gets no Argo CD sync phase (pkg/sync/sync_phase.go syncPhases): Argo CD never runs it; its rollback is a sync of an earlier revision, which runs that revision's PreSync and PostSync hooks instead%s", written, never)
			default:
				f.Message = fmt.Sprintf("hook event %q: Helm lower-cases it and runs the hook at %s, but Argo CD matches event names as written (resource/annotations.go GetAnnotationCSVs) and gives %q no phase, so it never runs it there%s; write %q",
					written, ev, written, never, string(ev))
			}
			pass.Report(f)
		}
	}
	return nil, nil
}
