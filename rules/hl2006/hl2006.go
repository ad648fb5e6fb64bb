package hl2006

import (
	_ "embed"

	"helm.sh/helm/v3/pkg/release"

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
		b, fail, ok := lifecycle.RetriesOutlast(o, pass.Settings)
		if !ok {
			// unset, no more retries than the default every Job has
			// (HL2007's, opt-in), or within the timeout
			continue
		}
		// On failure (a timeout included) Helm deletes the hook only by its
		// hook-failed policy (helm.sh/helm/v3@v3.22.0 pkg/action/hooks.go
		// execHook deleteHookByPolicy(h, release.HookFailed)).
		after := "and the Job keeps retrying after the " + h.Events[0].String() + " hook failed"
		if h.HasDeletePolicy(release.HookFailed) {
			after = "and Helm then deletes the Job (hook-failed) before its retries run out"
		}
		pass.Reportf(o.PosOf("spec", "backoffLimit"), o,
			"backoffLimit %d makes a failing Job retry for at least %s, longer than Helm's --timeout (%s): Helm reports \"timed out waiting for the condition\" instead of the Job's failure, %s",
			b, fail, pass.Settings.Timeout, after)
	}
	return nil, nil
}
