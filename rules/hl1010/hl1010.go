package hl1010

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook annotations Helm never reads because of where
// they are written.
var Analyzer = &lint.Analyzer{
	ID:       "HL1010",
	Name:     "hook-annotation-misplaced",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

// hookKey: helm.sh/hook and every helm.sh/hook-... key.
func hookKey(k string) bool { return strings.HasPrefix(k, hook.AnnotationHook) }

func isList(kind string) bool { return strings.HasSuffix(kind, "List") }

func run(pass *lint.Pass) (any, error) {
	for _, o := range pass.Objects {
		if !o.MayHoldHookKey() {
			continue // no such key: no walk
		}
		for _, f := range o.FindKeys(hookKey) {
			n := len(f.Path)
			if n < 2 {
				continue // a top-level key: not an annotation at all
			}
			key, parent := f.Path[n-1], f.Path[n-2]
			if parent != "annotations" && parent != "labels" {
				continue
			}
			if n == 3 && f.Path[0] == "metadata" && parent == "annotations" {
				continue // the right place
			}
			if o.Annotation(key) != nil {
				continue // a copy of a key Helm does read
			}
			where := strings.Join(f.Path[:n-1], ".")
			switch {
			case isList(o.Kind) && f.Path[0] == "items" && n >= 2:
				msg := fmt.Sprintf("%q on %s is ignored: Helm reads only the %s's own metadata", key, where, o.Kind)
				if key == hook.AnnotationHook && o.Hook == nil {
					msg += fmt.Sprintf(", so the %s is a normal release resource and its items are installed with the release, not run as hooks", o.Kind)
				}
				pass.Reportf(f.At, o, "%s", msg)
			case parent == "labels":
				pass.Reportf(f.At, o, "%q is under %s, a label; Helm reads hook settings only from the top-level metadata.annotations%s", key, where, effect(o, key))
			default:
				pass.Reportf(f.At, o, "%q is under %s, not this %s's own metadata; Helm reads hook annotations only from the top-level metadata.annotations%s", key, where, o.Kind, effect(o, key))
			}
		}
	}
	return nil, nil
}

// effect is what ignoring key means for o.
func effect(o *hook.Object, key string) string {
	switch {
	case o.Hook == nil && key == hook.AnnotationHook:
		return fmt.Sprintf(": this %s is installed with the release as a normal resource, not run as a hook", o.Kind)
	case o.Hook == nil:
		return fmt.Sprintf(", and this %s is not a hook anyway", o.Kind)
	}
	return ", so Helm ignores it"
}
