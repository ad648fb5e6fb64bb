package hl1008

import (
	_ "embed"
	"fmt"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports duplicated hook events and policies.
var Analyzer = &lint.Analyzer{
	ID:       "HL1008",
	Name:     "hook-duplicate-token",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		if h.Dropped {
			continue
		}
		events(pass, h)
		policies(pass, h, "delete policy", h.DeleteTokens, "Helm applies it once")
		policies(pass, h, "output-log policy", h.OutputLogTokens, "Helm prints the logs once")
	}
	return nil, nil
}

func events(pass *lint.Pass, h *hook.Hook) {
	first := map[release.HookEvent]hook.Token{}
	for _, t := range h.Tokens {
		e, ok := hook.KnownEvent(t.Text)
		if !ok {
			continue
		}
		f, dup := first[e]
		if !dup {
			first[e] = t
			continue
		}
		what := fmt.Sprintf("hook event %q is listed twice", t.Text)
		if f.Text != t.Text {
			what = fmt.Sprintf("hook events %q and %q are the same event %q", f.Text, t.Text, e.String())
		}
		pass.Reportf(t.At, h.Object, "%s; Helm runs this hook twice in %s: %s", what, e.String(), secondRun(h))
	}
}

// secondRun is what execHook does when it runs h a second time in a phase.
func secondRun(h *hook.Hook) string {
	switch {
	case h.Object.Kind == "CustomResourceDefinition":
		return `the second create fails with "already exists" (Helm never deletes a CustomResourceDefinition hook)`
	case h.HasDeletePolicy(release.HookBeforeHookCreation):
		return "the second run deletes the object the first run created and creates it again"
	}
	return `without before-hook-creation the second create fails with "already exists"`
}

func policies(pass *lint.Pass, h *hook.Hook, kind string, toks []hook.Token, effect string) {
	seen := map[string]bool{}
	for _, t := range toks {
		if t.Text == "" {
			continue // HL1006, HL1007
		}
		if seen[t.Text] {
			pass.Reportf(t.At, h.Object, "%s %q is listed twice; %s", kind, t.Text, effect)
		}
		seen[t.Text] = true
	}
}
