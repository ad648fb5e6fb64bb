package hl9002

import (
	_ "embed"
	"fmt"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports suppression directives that matched no finding. The
// runner hands it the chart's directives (Pass.Suppressions), marked with
// the findings they suppressed, after the other rules ran.
var Analyzer = &lint.Analyzer{
	ID:       "HL9002",
	Name:     "suppression-unused",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, d := range pass.Suppressions {
		for _, r := range d.Refs {
			if !r.Checked || r.Used {
				continue
			}
			f := lint.Finding{Pos: d.Pos}
			if d.ObjectKind != "" {
				f.Object = &lint.ObjectRef{Kind: d.ObjectKind, Namespace: d.ObjectNamespace, Name: d.ObjectName}
				f.Message = fmt.Sprintf("hooklint:ignore %s suppresses nothing: %s %q has no %s finding; delete it from the annotation", r.Name, d.ObjectKind, d.ObjectName, r.Name)
			} else {
				f.Message = fmt.Sprintf("hooklint:ignore %s suppresses nothing: there is no %s finding on this line or the next; delete it", r.Name, r.Name)
			}
			pass.Report(f)
		}
	}
	return nil, nil
}
