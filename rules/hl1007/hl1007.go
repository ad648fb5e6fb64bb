package hl1007

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports output-log policies Helm does not act on.
var Analyzer = &lint.Analyzer{
	ID:       "HL1007",
	Name:     "hook-output-log-policy-unknown",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	known := hook.OutputLogPolicyNames()
	for _, h := range pass.Hooks {
		a := h.OutputLogAnnotation
		if a == nil {
			continue
		}
		pass := pass.ForHook(h) // dropped: applies once the event is fixed
		// outputLogsByPolicy: only Job and Pod hooks have logs.
		if k := h.Object.Kind; k != "Job" && k != "Pod" {
			pass.Reportf(a.KeyAt, h.Object, "helm.sh/hook-output-log-policy has no effect on a %s: Helm prints logs only for Job and Pod hooks", k)
		}
		if len(h.OutputLogTokens) == 1 && h.OutputLogTokens[0].Text == "" {
			pass.Reportf(a.ValAt, h.Object, "helm.sh/hook-output-log-policy is empty; Helm prints no logs for this hook")
			continue
		}
		done := map[string]bool{} // the tokens share one position: one finding per text
		var limit lint.TokenCap
		for _, t := range h.OutputLogTokens {
			if slices.Contains(known, t.Text) || done[t.Text] {
				continue
			}
			done[t.Text] = true
			if !limit.Take() {
				continue
			}
			if t.Text == "" {
				pass.Reportf(t.At, h.Object, "helm.sh/hook-output-log-policy %q has an empty policy; Helm ignores it", a.Value)
				continue
			}
			what := fmt.Sprintf("output-log policy %q is unknown", t.Text)
			if s := lint.Suggest(t.Text, known); s != "" {
				what += fmt.Sprintf(" (did you mean %q?)", s)
			}
			pass.Reportf(t.At, h.Object, "%s; Helm ignores it and prints no logs for it (known policies: %s)", what, strings.Join(known, ", "))
		}
		if n := limit.More(); n > 0 {
			pass.Reportf(a.ValAt, h.Object, "helm.sh/hook-output-log-policy has %d more unknown policies (the first %d are reported); Helm ignores them", n, lint.MaxTokenFindings)
		}
	}
	return nil, nil
}
