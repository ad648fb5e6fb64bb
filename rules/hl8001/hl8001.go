package hl8001

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/argolint"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports install-only and upgrade-only hooks, which Argo CD runs
// on every sync.
var Analyzer = &lint.Analyzer{
	ID:       "HL8001",
	Name:     "argocd-hook-runs-every-sync",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

// partner is the event that, listed too, makes Helm run the hook on every
// install and upgrade, as Argo CD does.
var partner = map[string]string{ //nolint:gochecknoglobals // read-only lookup table
	"pre-install": "pre-upgrade", "pre-upgrade": "pre-install",
	"post-install": "post-upgrade", "post-upgrade": "post-install",
}

var phase = map[string]string{ //nolint:gochecknoglobals // read-only lookup table
	"pre-install": "PreSync", "pre-upgrade": "PreSync", "post-install": "PostSync", "post-upgrade": "PostSync",
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range argolint.Hooks(pass) {
		if len(h.ArgoTypes) > 0 {
			continue // Argo CD ignores helm.sh/hook
		}
		// The events Helm reads, as a set: read once, not once per token.
		// The tokens share one position: one finding per event.
		runs, done := map[string]bool{}, map[string]bool{}
		for _, x := range h.Events {
			runs[string(x)] = true
		}
		for _, t := range h.Tokens {
			ev := argolint.ArgoToken(t)
			other, ok := partner[ev]
			if !ok || runs[other] || done[ev] {
				continue
			}
			done[ev] = true
			what := "Helm runs this hook once, in helm install"
			when := "again on every later sync, so a one-time job re-runs on every change of the application"
			if ev == "pre-upgrade" || ev == "post-upgrade" {
				what = "Helm runs this hook only in helm upgrade, never at install"
				when = "on the first sync too, before any of the release's resources exist"
			}
			pass.Reportf(t.At, h.Object,
				"hook event %q without %q: %s; Argo CD has no install/upgrade distinction and maps it to %s (gitops-engine pkg/sync/hook/helm/type.go), which runs on every sync: this hook runs %s (list both events and make it safe to re-run)",
				ev, other, what, phase[ev], when)
		}
	}
	return nil, nil
}
