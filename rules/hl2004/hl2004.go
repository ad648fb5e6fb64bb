package hl2004

import (
	_ "embed"
	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lifecycle"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook Jobs with ttlSecondsAfterFinished and hook-succeeded.
var Analyzer = &lint.Analyzer{
	ID:       "HL2004",
	Name:     "job-ttl-redundant",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

// minTTL mirrors HL2003's threshold: shorter TTLs are HL2003's.
const minTTL = 60

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || o.Kind != "Job" || !h.HasDeletePolicy(release.HookSucceeded) {
			continue
		}
		v, ok := o.Get("spec", "ttlSecondsAfterFinished")
		if !ok {
			continue
		}
		ttl, ok := lifecycle.Int(v)
		if !ok || ttl < minTTL {
			continue
		}
		what := "Helm deletes this Job right after it succeeds (hook-succeeded), so ttlSecondsAfterFinished only acts on a failed Job"
		if h.HasDeletePolicy(release.HookFailed) {
			what = "Helm deletes this Job right after it finishes (hook-succeeded, hook-failed), so ttlSecondsAfterFinished never acts"
		}
		pass.Reportf(o.PosOf("spec", "ttlSecondsAfterFinished"), o, "%s", what)
	}
	return nil, nil
}
