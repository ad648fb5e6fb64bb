package hl2005

import (
	_ "embed"
	"time"

	"github.com/hooklint/hooklint/internal/lifecycle"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook Jobs whose activeDeadlineSeconds exceeds Helm's --timeout.
var Analyzer = &lint.Analyzer{
	ID:       "HL2005",
	Name:     "job-deadline-exceeds-timeout",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || o.Kind != "Job" {
			continue
		}
		v, ok := o.Get("spec", "activeDeadlineSeconds")
		if !ok {
			continue
		}
		d, ok := lifecycle.Int(v)
		if !ok || !pass.Settings.Outlasts(time.Duration(d)*time.Second) {
			continue
		}
		pass.Reportf(o.PosOf("spec", "activeDeadlineSeconds"), o,
			"activeDeadlineSeconds %s is longer than Helm's --timeout (%s): Helm gives up first and fails the %s hook with \"timed out waiting for the condition\" while the Job keeps running",
			lifecycle.Seconds(d), pass.Settings.Timeout, h.Events[0])
	}
	return nil, nil
}
