package hl1004

import (
	_ "embed"
	"fmt"

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
			f := lint.Finding{Pos: a.ValAt, Object: lint.ObjectRefOf(o), Fixes: quoteFix(a)}
			switch {
			case o.Hook != nil && a.Key == hook.AnnotationWeight && a.Kind == hook.KindInt:
				f.Message = fmt.Sprintf(
					"helm.sh/hook-weight is the unquoted number %s; Helm sorts it as weight %d, but cannot build the hook for the cluster (%s): the hook fails before it is created; quote it: %q",
					a.Value, o.Hook.Weight, cause, a.Value)
			case o.Hook != nil:
				f.Message = fmt.Sprintf(
					"annotation %q has the unquoted %s value %s; annotation values must be strings: Helm cannot build the hook for the cluster (%s) and the hook fails before it is created; quote it: %q",
					a.Key, typ, a.Value, cause, a.Value)
			default:
				f.Message = fmt.Sprintf(
					"annotation %q has the unquoted %s value %s; annotation values must be strings: Helm cannot build the release manifest (%s) and install or upgrade fails before anything is created; quote it: %q",
					a.Key, typ, a.Value, cause, a.Value)
			}
			pass.Report(f)
		}
	}
	return nil, nil
}

// quoteFix quotes the value as written. When the key is on the value's line
// the edit starts after the key, so a digit in the key or a comment cannot
// be taken for the value.
func quoteFix(a hook.Annotation) []lint.SuggestedFix {
	at, key := a.ValAt.Resolved(), a.KeyAt.Resolved()
	if key.File == at.File && key.Line == at.Line && key.Col > 0 {
		at.Col = key.Col + len(a.Key)
	}
	return lint.Fix(fmt.Sprintf("quote %s", a.Value), at, a.Value, `"`+a.Value+`"`)
}
