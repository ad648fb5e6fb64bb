package hl3005

import (
	_ "embed"
	"fmt"

	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook-dependency-deleted-early.
var Analyzer = &lint.Analyzer{
	ID:       "HL3005",
	Name:     "hook-dependency-deleted-early",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	evs := lifecycle.Events(pass.Release)
	for _, d := range lifecycle.Analyze(pass.Objects, pass.Hooks, pass.Release.Namespace, evs, pass.Elsewhere, pass.OnlyHere) {
		if d.Status != lifecycle.HookDeleted {
			continue
		}
		f := lint.Finding{
			Pos:     d.Ref.At,
			Object:  lint.ObjectRefOf(d.Consumer.Object),
			Message: fmt.Sprintf("%s is a hook whose hook-succeeded policy deletes it at the end of %s, before this %s hook runs: %s", lifecycle.Describe(d.Ref), d.DeletedAfter, d.Event, lifecycle.Consequence(d.Ref, d.Consumer.Object, pass.Settings.Timeout)),
		}
		if d.Producer != nil {
			f.Related = []lint.Related{{Pos: d.Producer.PosOf("metadata", "name"), Message: lifecycle.Where(d.Producer)}}
		}
		pass.Report(f)
	}
	return nil, nil
}
