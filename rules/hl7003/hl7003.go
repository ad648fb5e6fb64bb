package hl7003

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks left behind in a simulated lifecycle.
var Analyzer = &lint.Analyzer{
	ID:       "HL7003",
	Name:     "simulated-hook-left-behind",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	lint.ReportSimulated(pass, "leftover")
	return nil, nil
}
