package hl3001

import (
	_ "embed"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports pre-install hooks that need release resources.
var Analyzer = &lint.Analyzer{
	ID:       "HL3001",
	Name:     "hook-needs-release-resource",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	evs := lifecycle.Events(pass.Release)
	for _, d := range lifecycle.Analyze(pass.Objects, pass.Hooks, pass.Release.Namespace, evs, pass.Elsewhere, pass.OnlyHere) {
		if d.Status != lifecycle.ReleaseBeforeInstall || d.Event != release.HookPreInstall {
			continue
		}
		pass.Report(lint.Finding{
			Pos:    d.Ref.At,
			Object: lint.ObjectRefOf(d.Consumer.Object),
			Message: lifecycle.Describe(d.Ref) + " is a release resource, which Helm creates only after the pre-install hooks: " +
				lifecycle.Consequence(d.Ref, d.Consumer.Object, pass.Settings.Timeout),
			Related: []lint.Related{{Pos: d.Producer.PosOf("metadata", "name"), Message: lifecycle.Where(d.Producer)}},
		})
	}
	return nil, nil
}
