package hl2003

import (
	_ "embed"
	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lifecycle"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook Jobs whose ttlSecondsAfterFinished can delete them before Helm sees them finish.
var Analyzer = &lint.Analyzer{
	ID:       "HL2003",
	Name:     "job-ttl-too-short",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

// MinTTL is the smallest ttlSecondsAfterFinished this rule accepts on a
// hook Job.
const MinTTL = 60

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || o.Kind != "Job" {
			continue
		}
		v, ok := o.Get("spec", "ttlSecondsAfterFinished")
		if !ok {
			continue
		}
		ttl, ok := lifecycle.Int(v)
		if !ok || ttl >= MinTTL {
			continue
		}
		extra := ""
		if h.HasDeletePolicy(release.HookSucceeded) {
			extra = "; hook-succeeded already deletes it after a success"
		}
		pass.Reportf(o.PosOf("spec", "ttlSecondsAfterFinished"), o,
			"ttlSecondsAfterFinished %d lets Kubernetes delete the Job as soon as it finishes: Helm 4's default waiter then reads NotFound and waits %s, and Argo CD keeps waiting for the hook to complete (Helm 3's hook watch counts the deletion as done)%s",
			ttl, pass.Settings.UntilTimeout(), extra)
	}
	return nil, nil
}
