package hl4002

import (
	_ "embed"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lifecycle"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports release resources kept at uninstall that a reinstall adopts or collides with.
var Analyzer = &lint.Analyzer{
	ID:       "HL4002",
	Name:     "keep-policy-reinstall",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	if pass.Release.Context.String() != "install" {
		return nil, nil // uninstall and reinstall are about the install render
	}
	for _, o := range pass.Objects {
		a := o.Annotation(hook.AnnotationResourcePolicy)
		if o.Hook != nil || a == nil || lifecycle.NormalizePolicy(a.Value) != "keep" {
			continue
		}
		content := "its old content"
		switch o.Kind {
		case "PersistentVolumeClaim":
			content = "its old data"
		case "Secret":
			content = "its old values (passwords the new install generated do not match data created with the old ones)"
		}
		pass.Reportf(a.KeyAt, o,
			"helm uninstall leaves this %s behind (resource-policy keep): a new install under the same release name and namespace adopts it with %s, under another release name it fails with \"exists and cannot be imported into the current release\"",
			o.Kind, content)
	}
	return nil, nil
}
