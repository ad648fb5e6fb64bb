package hl5001

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/hook"
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
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, o := range pass.Objects {
		if !Checked(o) {
			continue
		}
		problems, _ := schema.Check(o.APIVersion, o.Kind, o.Content)
		for _, p := range problems {
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

// Checked reports whether o is an object Helm sends to the API server and
// whose content could be read: a hook Helm drops is never sent.
func Checked(o *hook.Object) bool {
	return o.Content != nil && o.ParseErr == nil && (o.Hook == nil || !o.Hook.Dropped)
}
