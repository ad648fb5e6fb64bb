package hl6008

import (
	_ "embed"
	"fmt"
	"strings"

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
		var msg string
		switch {
		case u.ChartFile:
			msg = fmt.Sprintf("$ref %q leads outside the chart: %s (Helm fails where the host has no such file)", u.Target, u.Reason)
		case strings.HasSuffix(u.File, "values.schema.json"):
			msg = fmt.Sprintf("$ref %q leads outside the chart: Helm reads or fetches it when it validates the values, hooklint did not follow it (%s) and validated as if it allowed anything", u.Target, u.Reason)
		default:
			msg = fmt.Sprintf("symbolic link to %q leads outside the chart: Helm's loader reads its target, hooklint did not (%s) and loaded the chart as if the file were absent", u.Target, u.Reason)
		}
		pass.Report(lint.Finding{Pos: hook.Pos{File: u.File, Line: u.Line}, Message: msg})
	}
	return nil, nil
}
