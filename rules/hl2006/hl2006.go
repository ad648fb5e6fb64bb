package hl2006

import (
	_ "embed"
	"time"

	"github.com/hooklint/hooklint/internal/lifecycle"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook Jobs whose backoffLimit retries outlast Helm's --timeout.
var Analyzer = &lint.Analyzer{
	ID:       "HL2006",
	Name:     "job-retries-exceed-timeout",
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
		v, ok := o.Get("spec", "backoffLimit")
		if !ok {
			continue // the default is HL2007's
		}
		b, ok := lifecycle.Int(v)
		if !ok {
			continue
		}
		if dv, ok := o.Get("spec", "activeDeadlineSeconds"); ok {
			if d, ok := lifecycle.Int(dv); ok && !pass.Settings.Outlasts(time.Duration(d)*time.Second) {
				continue // the deadline fails the Job before Helm's timeout
			}
		}
		fail := lifecycle.MinFailTime(b)
		if !pass.Settings.Outlasts(fail) {
			continue
		}
		pass.Reportf(o.PosOf("spec", "backoffLimit"), o,
			"backoffLimit %d makes a failing Job retry for at least %s, longer than Helm's --timeout (%s): Helm reports \"timed out waiting for the condition\" instead of the Job's failure, and the Job keeps retrying after the %s hook failed",
			b, fail, pass.Settings.Timeout, h.Events[0])
	}
	return nil, nil
}
