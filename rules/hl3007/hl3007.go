package hl3007

import (
	_ "embed"
	"fmt"

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
	for _, d := range lifecycle.Analyze(pass.Objects, pass.Hooks, pass.Release.Namespace, evs) {
		if d.Status != lifecycle.External {
			continue
		}
		f := lint.Finding{
			Pos:     d.Ref.At,
			Object:  lint.ObjectRefOf(d.Consumer.Object),
			Message: fmt.Sprintf("%s is not defined by the chart: it must exist before the %s hook runs, otherwise %s", lifecycle.Describe(d.Ref), d.Event, lifecycle.Consequence(d.Ref, d.Consumer.Object, pass.Settings.Timeout)),
		}
		if d.Producer != nil {
			f.Related = []lint.Related{{Pos: d.Producer.PosOf("metadata", "name"), Message: lifecycle.Where(d.Producer)}}
		}
		pass.Report(f)
	}
	return nil, nil
}
