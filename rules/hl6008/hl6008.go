package hl6008

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports schema references and symbolic links of the chart that
// lead outside it (render.Unread), which hooklint did not follow.
var Analyzer = &lint.Analyzer{
	ID:       "HL6008",
	Name:     "chart-reaches-outside",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, u := range pass.Chart.Unread {
		pass.Report(lint.Finding{Pos: hook.Pos{File: u.File, Line: u.Line}, Message: u.Message()})
	}
	return nil, nil
}
