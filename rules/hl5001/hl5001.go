package hl5001

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/schema"
)

//go:embed doc.go
var doc string

// Analyzer reports fields that built-in kinds do not have.
var Analyzer = &lint.Analyzer{
	ID:       "HL5001",
	Name:     "object-unknown-field",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Requires: []*lint.Analyzer{schema.Objects},
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, o := range pass.Objects {
		for _, p := range schema.ObjectProblems(pass, o) {
			if p.Kind != schema.Unknown {
				continue
			}
			hint := ""
			if p.Hint != "" {
				hint = " (" + p.Hint + ")"
			}
			pass.Reportf(o.PosOf(p.Path...), o, "%s: %s%s; the API server drops it and creates the %s without it",
				p.Field, p.Problem, hint, o.Kind)
		}
	}
	return nil, nil
}
