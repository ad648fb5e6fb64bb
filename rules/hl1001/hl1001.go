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
		if len(h.Unknown) == 0 {
			continue
		}
		// The tokens share one position, so a token written twice is one
		// finding: each is reported once, and the list is read once (a
		// helm.sh/hook of 8,000 tokens must not cost 8,000 × 8,000).
		listed := map[string]bool{}
		for _, o := range h.Tokens {
			listed[o.Text] = true
		}
		done := map[string]bool{}
		var limit lint.TokenCap
		for _, t := range h.Unknown {
			if legacy(t.Text) || done[t.Raw] || (t.Text == "" && done[""]) {
				continue
			}
			done[t.Raw] = true
			if !limit.Take() {
				continue
			}
			what := fmt.Sprintf("hook event %q is unknown", t.Raw)
			if t.Text == "" {
				done[""] = true
				what = fmt.Sprintf("helm.sh/hook %q has an empty event", h.Annotation.Value)
			} else if s := lint.Suggest(t.Text, hook.EventNames()); s != "" {
				what += fmt.Sprintf(" (did you mean %q?)", s)
			}
			pass.Report(lint.Finding{
				Pos: t.At, Object: lint.ObjectRefOf(h.Object), Fixes: fixes(listed, t),
				Message: what + "; Helm skips the whole resource: it is neither run as a hook nor installed",
			})
		}
		if n := limit.More(); n > 0 {
			pass.Reportf(h.Annotation.ValAt, h.Object, "helm.sh/hook has %d more unknown events (the first %d are reported); Helm skips the whole resource: it is neither run as a hook nor installed", n, lint.MaxTokenFindings)
		}
	}
	return nil, nil
}

// fixes replaces t with the one event it is close to, unless the hook
// already lists that event (listed: the fix would duplicate it, HL1008).
func fixes(listed map[string]bool, t hook.Token) []lint.SuggestedFix {
	s := lint.SuggestFix(t.Text, hook.EventNames(), nil)
	if s == "" || s == "test-success" || listed[s] {
		return nil
	}
	return lint.Fix(fmt.Sprintf("replace %q with %q", strings.TrimSpace(t.Raw), s), t.At, strings.TrimSpace(t.Raw), s)
}
