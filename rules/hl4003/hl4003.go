package hl4003

import (
	_ "embed"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lifecycle"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports helm.sh/resource-policy values other than keep on release resources.
var Analyzer = &lint.Analyzer{
	ID:       "HL4003",
	Name:     "resource-policy-not-keep",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, o := range pass.Objects {
		a := o.Annotation(hook.AnnotationResourcePolicy)
		if o.Hook != nil || a == nil || a.Value == "keep" {
			continue
		}
		if lifecycle.NormalizePolicy(a.Value) == "keep" {
			pass.Reportf(a.ValAt, o,
				"helm.sh/resource-policy %q is read as keep by uninstall, which trims and lower-cases it, but not by upgrade, which compares the live value exactly with \"keep\": an upgrade that drops this %s from the chart deletes it",
				a.Value, o.Kind)
			continue
		}
		pass.Reportf(a.ValAt, o,
			"helm.sh/resource-policy %q is not \"keep\": helm uninstall neither keeps nor deletes this %s, it silently leaves it behind without listing it, while an upgrade that drops it from the chart deletes it",
			a.Value, o.Kind)
	}
	return nil, nil
}
