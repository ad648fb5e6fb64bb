package hl1006

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"helm.sh/helm/v3/pkg/release"

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

// lost4 is lost under Helm 4, which creates hooks with server-side apply
// (helm.sh/helm/v4 pkg/action/hooks.go execHook): the leftover is patched.
const lost4 = `since no valid policy is left it also drops the default before-hook-creation: nothing deletes the hook, and Helm 4 re-applies the leftover at its next run (a Job or Pod does not run again, or fails with "field is immutable" when its spec changed)`

func run(pass *lint.Pass) (any, error) {
	known := hook.DeletePolicyNames()
	lost := lost
	if pass.Helm() == lint.HelmV4 {
		lost = lost4
	}
	for _, h := range pass.Hooks {
		a := h.DeleteAnnotation
		if a == nil {
			continue
		}
		pass := pass.ForHook(h) // dropped: applies once the event is fixed
		valid := slices.ContainsFunc(h.DeleteTokens, func(t hook.Token) bool { return slices.Contains(known, t.Text) })
		if len(h.DeleteTokens) == 1 && h.DeleteTokens[0].Text == "" {
			f := lint.Finding{
				Pos: a.ValAt, Object: lint.ObjectRefOf(h.Object),
				Message: fmt.Sprintf("helm.sh/hook-delete-policy is empty; Helm reads it as one empty policy, and %s", lost),
			}
			if a.Quoted && a.Value == "" {
				// What Helm applies without the annotation: the default,
				// in the quotes written ("" or '').
				q := string(a.Quote)
				f.Fixes = lint.Fix("write the default before-hook-creation", a.ValAt, q+q, q+string(release.HookBeforeHookCreation)+q)
			}
			pass.Report(f)
			continue
		}
		// The tokens share one position: a token written twice is one
		// finding, so each is reported once, and the list is read once
		// (listed) rather than once per token.
		listed, done := map[string]bool{}, map[string]bool{}
		for _, t := range h.DeleteTokens {
			listed[t.Text] = true
		}
		var limit lint.TokenCap
		for _, t := range h.DeleteTokens {
			if slices.Contains(known, t.Text) || done[t.Text] {
				continue
			}
			done[t.Text] = true
			if !limit.Take() {
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
			f := lint.Finding{Pos: t.At, Object: lint.ObjectRefOf(h.Object), Message: what + "; Helm ignores it", Fixes: fixes(listed, t)}
			if !valid {
				f.Message += ", and " + lost
			}
			pass.Report(f)
		}
		if n := limit.More(); n > 0 {
			pass.Reportf(a.ValAt, h.Object, "helm.sh/hook-delete-policy has %d more unknown policies (the first %d are reported); Helm ignores them", n, lint.MaxTokenFindings)
		}
	}
	return nil, nil
}

// fixes replaces t with the one policy it is close to, unless the hook
// already lists that policy (listed holds the hook's delete tokens).
func fixes(listed map[string]bool, t hook.Token) []lint.SuggestedFix {
	s := lint.SuggestFix(t.Text, hook.DeletePolicyNames(), nil)
	if s == "" || listed[s] {
		return nil
	}
	raw := strings.TrimSpace(t.Raw)
	return lint.Fix(fmt.Sprintf("replace %q with %q", raw, s), t.At, raw, s)
}
