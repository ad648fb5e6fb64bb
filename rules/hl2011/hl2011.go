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
	if pass.Release.Context.String() != "install" {
		return nil, nil // one report per Job: the install render has them all
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
