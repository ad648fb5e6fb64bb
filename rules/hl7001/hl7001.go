package hl7001

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks that hang or fail in a simulated lifecycle.
var Analyzer = &lint.Analyzer{
	ID:       "HL7001",
	Name:     "simulated-hook-fails",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	lint.ReportSimulated(pass, "timeout", "missing-reference", "failed")
	return nil, nil
}
