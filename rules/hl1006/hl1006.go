package hl1006

import (
	_ "embed"
	"fmt"
	"slices"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports delete policies Helm does not know.
var Analyzer = &lint.Analyzer{
	ID:       "HL1006",
	Name:     "hook-delete-policy-unknown",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

const lost = `since no valid policy is left it also drops the default before-hook-creation: nothing deletes the hook, and its next run fails with "already exists"`

func run(pass *lint.Pass) (any, error) {
	known := hook.DeletePolicyNames()
	for _, h := range pass.Hooks {
		a := h.DeleteAnnotation
		if h.Dropped || a == nil {
			continue
		}
		valid := slices.ContainsFunc(h.DeleteTokens, func(t hook.Token) bool { return slices.Contains(known, t.Text) })
		if len(h.DeleteTokens) == 1 && h.DeleteTokens[0].Text == "" {
			pass.Reportf(a.ValAt, h.Object, "helm.sh/hook-delete-policy is empty; Helm reads it as one empty policy, and %s", lost)
			continue
		}
		for _, t := range h.DeleteTokens {
			if slices.Contains(known, t.Text) {
				continue
			}
			if t.Text == "" {
				f := lint.Finding{Pos: t.At, Object: lint.ObjectRefOf(h.Object)}
				if valid {
					f.Severity = lint.Warning
					f.Message = fmt.Sprintf("helm.sh/hook-delete-policy %q has an empty policy; Helm ignores it", a.Value)
				} else {
					f.Message = fmt.Sprintf("helm.sh/hook-delete-policy %q has an empty policy; Helm ignores it, and %s", a.Value, lost)
				}
				pass.Report(f)
				continue
			}
			what := fmt.Sprintf("delete policy %q is unknown", t.Text)
			if s := lint.Suggest(t.Text, known); s != "" {
				what += fmt.Sprintf(" (did you mean %q?)", s)
			}
			if valid {
				pass.Reportf(t.At, h.Object, "%s; Helm ignores it", what)
			} else {
				pass.Reportf(t.At, h.Object, "%s; Helm ignores it, and %s", what, lost)
			}
		}
	}
	return nil, nil
}
