package hl7002

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks that Helm cannot create in a simulated lifecycle.
var Analyzer = &lint.Analyzer{
	ID:       "HL7002",
	Name:     "simulated-hook-not-created",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	lint.ReportSimulated(pass, "already-exists", "rejected", "build-error")
	return nil, nil
}
