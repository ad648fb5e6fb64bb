package hl2007

import (
	_ "embed"
	"fmt"

	"github.com/hooklint/hooklint/internal/lifecycle"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook Jobs without activeDeadlineSeconds.
var Analyzer = &lint.Analyzer{
	ID:       "HL2007",
	Name:     "job-hook-no-deadline",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Optional: true, // fires on most hook Jobs: opt-in (doc)
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || o.Kind != "Job" {
			continue
		}
		if _, ok := o.Get("spec", "activeDeadlineSeconds"); ok {
			continue
		}
		if _, _, ok := lifecycle.RetriesOutlast(o, pass.Settings); ok {
			continue // HL2006 reports this Job's worst case, once
		}
		msg := fmt.Sprintf("this Job has no activeDeadlineSeconds: a stuck pod holds the %s hook until Helm's --timeout (%s) and keeps running after Helm gave up", h.Events[0], pass.Settings.Timeout)
		if _, deadline := pass.Settings.HookTimeout(); !deadline {
			msg = fmt.Sprintf("this Job has no activeDeadlineSeconds: a stuck pod holds the %s hook %s", h.Events[0], pass.Settings.UntilTimeout())
		}
		if _, ok := o.Get("spec", "backoffLimit"); !ok {
			if fail := lifecycle.JobMinFailTime(lifecycle.DefaultBackoffLimit, lifecycle.RestartPolicy(o)); pass.Settings.Outlasts(fail) {
				msg += fmt.Sprintf("; with the default backoffLimit %d a failing Job retries for at least %s, so Helm reports a timeout instead of its failure", lifecycle.DefaultBackoffLimit, fail)
			}
		}
		pass.Reportf(o.PosOf("spec"), o, "%s", msg)
	}
	return nil, nil
}
