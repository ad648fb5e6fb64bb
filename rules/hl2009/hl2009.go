package hl2009

import (
	_ "embed"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks with generateName and no name that a delete policy deletes by name.
var Analyzer = &lint.Analyzer{
	ID:       "HL2009",
	Name:     "hook-generate-name",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || o.Name != "" || o.GenerateName == "" {
			continue
		}
		var by []string
		for _, p := range []release.HookDeletePolicy{release.HookBeforeHookCreation, release.HookSucceeded, release.HookFailed} {
			if h.HasDeletePolicy(p) {
				by = append(by, string(p))
			}
		}
		at := o.PosOf("metadata", "generateName")
		if pass.Helm() == lint.HelmV4 && !h.HasDeletePolicy(release.HookBeforeHookCreation) {
			// nothing deletes before the create: server-side apply fails first
			pass.Reportf(at, o, "this hook has generateName and no name: Helm 4 creates hooks with server-side apply, which needs a name, so the hook fails before it runs")
			continue
		}
		if len(by) == 0 {
			pass.Reportf(at, o, "this hook has generateName and no name: Helm 3 creates a new object on every run that nothing ever deletes, and Helm 4's server-side apply cannot create it at all")
			continue
		}
		pass.Reportf(at, o, "this hook has generateName and no name, but Helm deletes hooks by name: the %s deletion fails with \"resource name may not be empty\" and fails the hook", strings.Join(by, " and "))
	}
	return nil, nil
}
