package hl1001

import (
	_ "embed"
	"fmt"
	"strings"

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
			pass.Report(lint.Finding{
				Pos: t.At, Object: lint.ObjectRefOf(h.Object), Fixes: fixes(h, t),
				Message: what + "; Helm skips the whole resource: it is neither run as a hook nor installed",
			})
		}
	}
	return nil, nil
}

// fixes replaces t with the one event it is close to, unless the hook
// already lists that event (the fix would duplicate it: HL1008).
func fixes(h *hook.Hook, t hook.Token) []lint.SuggestedFix {
	s := lint.SuggestFix(t.Text, hook.EventNames(), nil)
	if s == "" || s == "test-success" {
		return nil
	}
	for _, o := range h.Tokens {
		if o.Text == s {
			return nil
		}
	}
	return lint.Fix(fmt.Sprintf("replace %q with %q", strings.TrimSpace(t.Raw), s), t.At, strings.TrimSpace(t.Raw), s)
}
