package hl3007

import (
	_ "embed"
	"fmt"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook-dependency-external.
var Analyzer = &lint.Analyzer{
	ID:       "HL3007",
	Name:     "hook-dependency-external",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	evs := lifecycle.Events(pass.Release)
	for _, d := range lifecycle.Analyze(pass.Objects, pass.Hooks, pass.Release.Namespace, evs, pass.Elsewhere, pass.OnlyHere) {
		consequence := lifecycle.Consequence(d.Ref, d.Consumer.Object, pass.Settings.Timeout)
		f := lint.Finding{Pos: d.Ref.At, Object: lint.ObjectRefOf(d.Consumer.Object)}
		switch d.Status {
		case lifecycle.External:
			f.Message = fmt.Sprintf("%s is not defined by the chart: it must exist before the %s hook runs, otherwise %s", lifecycle.Describe(d.Ref), d.Event, consequence)
		case lifecycle.ReleaseUpgradeOnly:
			when := ""
			if d.Event == release.HookTest || d.Event == release.HookPreDelete {
				when = " before the release's first upgrade"
			}
			f.Message = fmt.Sprintf("%s is a release resource only the chart's upgrade render defines: an install does not create it, so when the %s hook runs%s it is missing and %s", lifecycle.Describe(d.Ref), d.Event, when, consequence)
		case lifecycle.ReleaseDroppedByUpgrade:
			when := "before the post-upgrade hooks, so when this hook runs"
			if d.Event == release.HookTest {
				when = "with the release's first upgrade, so when the test hook runs after an upgrade"
			}
			f.Message = fmt.Sprintf("%s is a release resource only the chart's install render defines: helm upgrade deletes it (the upgrade manifest lacks it) %s it is missing and %s", lifecycle.Describe(d.Ref), when, consequence)
		default:
			continue
		}
		if d.Status != lifecycle.External {
			// not a prerequisite left to the user: the chart's own
			// resource is missing in this command
			if fails, _ := lifecycle.HookFails(d.Ref, d.Consumer.Object); fails {
				f.Severity = lint.Warning
			}
		}
		if d.Producer != nil {
			f.Related = []lint.Related{{Pos: d.Producer.PosOf("metadata", "name"), Message: lifecycle.Where(d.Producer)}}
		}
		pass.Report(f)
	}
	return nil, nil
}
