package hl2011

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports Jobs that are release resources, which upgrades patch.
var Analyzer = &lint.Analyzer{
	ID:       "HL2011",
	Name:     "release-job-immutable",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	// A release Job is patched only by an upgrade whose manifest has it
	// again: one rendered only by install (`{{ if .Release.IsInstall }}`)
	// is deleted by the first upgrade (helm.sh/helm/v3@v3.22.0
	// pkg/kube/client.go Update deletes the original's objects the target
	// lacks) and never patched. So Jobs are judged in the upgrade render,
	// which lint makes whenever the install render has a release Job
	// (lint.Sets); a chart's only render stands for both.
	if pass.Release.Context.String() != "upgrade" && !pass.Release.Only {
		return nil, nil
	}
	for _, o := range pass.Objects {
		if o.Hook != nil || o.Kind != "Job" {
			continue
		}
		if _, ok := o.Get("spec", "template"); !ok {
			continue
		}
		pass.Reportf(o.PosOf("kind"), o,
			"this Job is a release resource: helm upgrade patches it, and a Job's pod template is immutable, so any change to it (an image tag, a value, a checksum) fails the upgrade with \"field is immutable\"")
	}
	return nil, nil
}
