package hl1014

import (
	_ "embed"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports Pods and Jobs under templates/tests/ that are not test
// hooks.
var Analyzer = &lint.Analyzer{
	ID:       "HL1014",
	Name:     "test-without-test-hook",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	if pass.Release.Context.String() == "upgrade" && !pass.Release.Only {
		return nil, nil // one report per object: the install render has them
	}
	for _, o := range pass.Objects {
		if (o.Kind != "Pod" && o.Kind != "Job") || !strings.Contains("/"+o.Path, "/templates/tests/") {
			continue
		}
		h := o.Hook
		switch {
		case h == nil:
			pass.Reportf(o.PosOf("kind"), o,
				"this %s is in templates/tests/ but has no \"helm.sh/hook\": test annotation: Helm installs it as a release resource, so it runs on install instead of on helm test, which never runs it",
				o.Kind)
		case h.Dropped || h.HasEvent(release.HookTest):
			// dropped: its events are HL1's; a test hook is what the folder means
		default:
			pass.Reportf(h.Annotation.KeyAt, o,
				"this %s is in templates/tests/ but its hook events (%s) do not include test: helm test never runs it",
				o.Kind, h.Annotation.Value)
		}
	}
	return nil, nil
}
