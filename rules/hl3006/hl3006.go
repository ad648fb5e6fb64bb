package hl3006

import (
	_ "embed"
	"fmt"

	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook-dependency-other-event.
var Analyzer = &lint.Analyzer{
	ID:       "HL3006",
	Name:     "hook-dependency-other-event",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	evs := lifecycle.Events(pass.Release)
	for _, d := range lifecycle.Analyze(pass.Objects, pass.Hooks, pass.Release.Namespace, evs, pass.Elsewhere, pass.OnlyHere) {
		if d.Status != lifecycle.HookOtherEvent {
			continue
		}
		f := lint.Finding{
			Pos:     d.Ref.At,
			Object:  lint.ObjectRefOf(d.Consumer.Object),
			Message: fmt.Sprintf("%s is a hook of %s only, not of %s: on %s it exists only if left over from an earlier command, otherwise %s", lifecycle.Describe(d.Ref), lifecycle.EventList(d.Producer.Hook), d.Event, d.Event, lifecycle.Consequence(d.Ref, d.Consumer.Object, pass.Settings.Timeout)),
		}
		if d.Producer != nil {
			f.Related = []lint.Related{{Pos: d.Producer.PosOf("metadata", "name"), Message: lifecycle.Where(d.Producer)}}
		}
		pass.Report(f)
	}
	return nil, nil
}
