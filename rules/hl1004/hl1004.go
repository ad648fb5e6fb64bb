package hl1004

import (
	_ "embed"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports annotation values that are not strings.
var Analyzer = &lint.Analyzer{
	ID:       "HL1004",
	Name:     "hook-weight-unquoted",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

// jsonType is how encoding/json names the value in its error.
func jsonType(k hook.ScalarKind) (string, bool) {
	switch k {
	case hook.KindInt, hook.KindFloat:
		return "number", true
	case hook.KindBool:
		return "bool", true
	}
	return "", false
}

func run(pass *lint.Pass) (any, error) {
	for _, o := range pass.Objects {
		if o.Hook != nil && o.Hook.Dropped {
			continue // Helm never builds it
		}
		for _, a := range o.Annotations {
			typ, ok := jsonType(a.Kind)
			if !ok {
				continue
			}
			cause := `"json: cannot unmarshal ` + typ + ` into Go struct field ObjectMeta.metadata.annotations of type string"`
			switch {
			case o.Hook != nil && a.Key == hook.AnnotationWeight && a.Kind == hook.KindInt:
				pass.Reportf(a.ValAt, o,
					"helm.sh/hook-weight is the unquoted number %s; Helm sorts it as weight %d, but cannot build the hook for the cluster (%s): the hook fails before it is created; quote it: %q",
					a.Value, o.Hook.Weight, cause, a.Value)
			case o.Hook != nil:
				pass.Reportf(a.ValAt, o,
					"annotation %q has the unquoted %s value %s; annotation values must be strings: Helm cannot build the hook for the cluster (%s) and the hook fails before it is created; quote it: %q",
					a.Key, typ, a.Value, cause, a.Value)
			default:
				pass.Reportf(a.ValAt, o,
					"annotation %q has the unquoted %s value %s; annotation values must be strings: Helm cannot build the release manifest (%s) and install or upgrade fails before anything is created; quote it: %q",
					a.Key, typ, a.Value, cause, a.Value)
			}
		}
	}
	return nil, nil
}
