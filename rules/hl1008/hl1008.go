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
	second := "" // secondRun(h), read once: the policies are a list too
	// The tokens share one position: the same pair of spellings is one
	// finding, reported once however often it repeats.
	said := map[[2]string]bool{}
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
		if said[[2]string{f.Text, t.Text}] {
			continue
		}
		said[[2]string{f.Text, t.Text}] = true
		what := fmt.Sprintf("hook event %q is listed twice", t.Text)
		if f.Text != t.Text {
			what = fmt.Sprintf("hook events %q and %q are the same event %q", f.Text, t.Text, e.String())
		}
		if second == "" {
			second = secondRun(h)
		}
		pass.Reportf(t.At, h.Object, "%s; Helm runs this hook twice in %s: %s", what, e.String(), second)
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
	seen := map[string]int{}
	var limit lint.TokenCap
	for _, t := range toks {
		if t.Text == "" {
			continue // HL1006, HL1007
		}
		if seen[t.Text] == 1 && limit.Take() { // once per text, however often it repeats
			pass.Reportf(t.At, h.Object, "%s %q is listed twice; %s", kind, t.Text, effect)
		}
		seen[t.Text]++
	}
	if n := limit.More(); n > 0 {
		pass.Reportf(toks[0].At, h.Object, "%d more %s tokens are listed twice (the first %d are reported); %s", n, kind, lint.MaxTokenFindings, effect)
	}
}
