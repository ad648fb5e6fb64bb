package hl5002

import (
	_ "embed"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/schema"
)

//go:embed doc.go
var doc string

// Analyzer reports values the API server cannot decode.
var Analyzer = &lint.Analyzer{
	ID:       "HL5002",
	Name:     "object-field-wrong-type",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Requires: []*lint.Analyzer{schema.Objects},
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, o := range pass.Objects {
		for _, p := range schema.ObjectProblems(pass, o) {
			if p.Kind != schema.WrongType && p.Kind != schema.BadValue {
				continue
			}
			if helmAnnotation(p.Path) {
				continue
			}
			hint := ""
			if p.Hint != "" {
				hint = " (" + p.Hint + ")"
			}
			pass.Reportf(o.PosOf(p.Path...), o, "%s: %s%s; the API server rejects the %s and the Helm command that sends it fails",
				p.Field, p.Problem, hint, o.Kind)
		}
	}
	return nil, nil
}

// helmAnnotation: the values of the object's own helm.sh/ annotations are
// the HL1 rules', which say what Helm makes of them.
func helmAnnotation(path []string) bool {
	return len(path) == 3 && path[0] == "metadata" && path[1] == "annotations" && strings.HasPrefix(path[2], "helm.sh/")
}
