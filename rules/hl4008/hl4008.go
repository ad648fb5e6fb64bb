package hl4008

import (
	_ "embed"
	"fmt"

	"github.com/hooklint/hooklint/internal/hook"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks with the kind, namespace and name of a release resource.
var Analyzer = &lint.Analyzer{
	ID:       "HL4008",
	Name:     "hook-name-collision",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	type key struct{ kind, ns, name string }
	keyOf := func(o *hook.Object) key {
		ns := o.Namespace
		if ns == "" {
			ns = pass.Release.Namespace
		}
		return key{o.Kind, ns, o.Name}
	}
	release := map[key]*hook.Object{}
	for _, o := range pass.Objects {
		if o.Hook == nil && o.Name != "" && o.Kind != "" {
			if _, dup := release[keyOf(o)]; !dup {
				release[keyOf(o)] = o
			}
		}
	}
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || o.Name == "" {
			continue
		}
		r, ok := release[keyOf(o)]
		if !ok {
			continue
		}
		pass.Report(lint.Finding{
			Pos:     o.PosOf("metadata", "name"),
			Object:  lint.ObjectRefOf(o),
			Message: fmt.Sprintf("this hook has the kind, namespace and name of a release resource: whichever Helm creates second fails with \"already exists\" (a pre-hook fails the install after it ran), and before-hook-creation of a post-hook deletes the release's %s", o.Kind),
			Related: []lint.Related{{Pos: r.PosOf("metadata", "name"), Message: fmt.Sprintf("the release resource %s %q is defined here", r.Kind, r.Name)}},
		})
	}
	return nil, nil
}
