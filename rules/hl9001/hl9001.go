package hl9001

import (
	_ "embed"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports suppression directives without a reason. The runner
// hands it the chart's directives (Pass.Suppressions) after the other
// rules ran.
var Analyzer = &lint.Analyzer{
	ID:       "HL9001",
	Name:     "suppression-without-reason",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, d := range pass.Suppressions {
		if d.Reason != "" || len(d.Refs) == 0 {
			continue
		}
		names := make([]string, len(d.Refs))
		for i, r := range d.Refs {
			names[i] = r.Name
		}
		f := lint.Finding{
			Pos: d.Pos,
			Message: "hooklint:ignore " + strings.Join(names, ",") +
				" gives no reason: write after the rules why the finding does not apply",
		}
		if d.ObjectKind != "" {
			f.Object = &lint.ObjectRef{Kind: d.ObjectKind, Namespace: d.ObjectNamespace, Name: d.ObjectName}
		}
		pass.Report(f)
	}
	return nil, nil
}
