package hl1001

import (
	_ "embed"
	"fmt"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports unknown hook event tokens.
var Analyzer = &lint.Analyzer{
	ID:       "HL1001",
	Name:     "hook-unknown-event",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

// legacy tokens are HL1002's.
func legacy(t string) bool { return t == "crd-install" || t == "test-failure" }

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		for _, t := range h.Unknown {
			if legacy(t.Text) {
				continue
			}
			what := fmt.Sprintf("hook event %q is unknown", t.Raw)
			if t.Text == "" {
				what = fmt.Sprintf("helm.sh/hook %q has an empty event", h.Annotation.Value)
			} else if s := lint.Suggest(t.Text, hook.EventNames()); s != "" {
				what += fmt.Sprintf(" (did you mean %q?)", s)
			}
			pass.Reportf(t.At, h.Object, "%s; Helm skips the whole resource: it is neither run as a hook nor installed", what)
		}
	}
	return nil, nil
}
