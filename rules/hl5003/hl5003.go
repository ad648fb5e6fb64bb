package hl5003

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports Job and Pod hooks without the fields the API server
// requires.
var Analyzer = &lint.Analyzer{
	ID:       "HL5003",
	Name:     "hook-missing-required-field",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || !o.Mapping() || o.ParseErr != nil || !hookKind(o) {
			continue
		}
		missing := func(path ...string) {
			pass.Reportf(o.PosOf(path...), o, "hook %s has no %s: the API server rejects it as invalid, so the hook fails and the Helm command with it",
				o.Kind, display(path))
		}
		if empty(o, "metadata", "name") && empty(o, "metadata", "generateName") {
			missing("metadata", "name")
		}
		if o.Kind == "Job" {
			if _, ok := o.Get("spec", "template"); !ok {
				missing("spec", "template")
				continue
			}
		}
		spec, base, ok := o.PodSpec()
		if !ok {
			missing(base...)
			continue
		}
		if l, _ := spec["containers"].([]any); len(l) == 0 {
			missing(append(base, "containers")...)
		}
		for _, c := range o.PodContainers() {
			for _, f := range []string{"name", "image"} {
				if empty(o, append(c.Path, f)...) {
					missing(append(c.Path, f)...)
				}
			}
		}
	}
	return nil, nil
}

// hookKind: the kinds Helm waits for, whose failure fails the command.
func hookKind(o *hook.Object) bool {
	switch o.Kind {
	case "Job":
		return strings.HasPrefix(o.APIVersion, "batch/")
	case "Pod":
		return o.APIVersion == "v1"
	}
	return false
}

func empty(o *hook.Object, path ...string) bool {
	v, ok := o.Get(path...)
	if !ok || v == nil {
		return true
	}
	s, isStr := v.(string)
	return isStr && strings.TrimSpace(s) == ""
}

// display writes a path as spec.containers[0].image.
func display(path []string) string {
	var b strings.Builder
	for _, p := range path {
		if _, err := strconv.Atoi(p); err == nil {
			b.WriteString("[" + p + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}
