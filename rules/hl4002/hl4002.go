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
		// Install adopts an existing object of the same release by
		// patching it to the new manifest (helm.sh/helm/v3@v3.22.0
		// pkg/action/install.go performInstallCtx: KubeClient.Update of
		// toBeAdopted), so only what the manifest does not hold survives.
		content := "patches it to the new chart's manifest"
		switch o.Kind {
		case "PersistentVolumeClaim":
			content = "patches it to the new chart's manifest, and its volume keeps the old data"
		case "Secret":
			content = "patches it with the new install's values (passwords the new install generated replace the old ones, which data kept elsewhere, such as a database volume, was created with)"
		}
		pass.Reportf(a.KeyAt, o,
			"helm uninstall leaves this %s behind (resource-policy keep): a new install under the same release name and namespace adopts it and %s, under another release name it fails with \"exists and cannot be imported into the current release\"",
			o.Kind, content)
	}
	return nil, nil
}
