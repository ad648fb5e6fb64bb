package hl4009

import (
	_ "embed"
	"fmt"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook objects that their hook-succeeded policy deletes
// while release workloads use them.
var Analyzer = &lint.Analyzer{
	ID:       "HL4009",
	Name:     "hook-deleted-while-used",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	if pass.Release.Context.String() == "upgrade" && !pass.Release.Only {
		return nil, nil // one report per reference: the install render has them
	}
	ns := pass.Release.Namespace
	for _, o := range pass.Objects {
		if o.Hook != nil {
			continue // a release resource's pods: hooks' own needs are HL3's
		}
		for _, r := range lifecycle.PodRefs(o, ns) {
			if r.Optional || r.Through != nil {
				continue
			}
			ps := lifecycle.Producers(r, pass.Objects, o, ns)
			h := deletedHook(ps)
			if h == nil {
				continue
			}
			// A release resource only the upgrade render has
			// (Pass.Elsewhere) defines it from the first upgrade on.
			defined, until := "no release resource defines it", ""
			if len(lifecycle.Producers(r, pass.Elsewhere, o, ns)) > 0 {
				defined, until = "only the upgrade render defines it as a release resource", " until the release's first upgrade creates it"
			}
			pass.Report(lint.Finding{
				Pos: r.At, Object: lint.ObjectRefOf(o),
				Message: fmt.Sprintf("%s is a %s hook that its delete policy hook-succeeded deletes as soon as its hooks have run, and %s: this %s's pods that start after that (all of them after a pre-install hook, and every restarted, rescheduled or scaled one) cannot start (%s not found)%s",
					lifecycle.Describe(r), h.Annotation.Value, defined, o.Kind, strings.ToLower(r.Kind), until),
				Related: []lint.Related{{Pos: h.Annotation.KeyAt, Message: lifecycle.Where(h.Object)}},
			})
		}
	}
	return nil, nil
}

// deletedHook returns the hook that defines a referenced object only to
// delete it after its phase: every producer is a hook, and one run by
// install or upgrade has hook-succeeded (helm.sh/helm/v3@v3.22.0
// pkg/action/hooks.go execHook deletes it once its phase's hooks have
// succeeded). nil when a release resource defines the object too, or no
// producer is such a hook.
func deletedHook(ps []*hook.Object) *hook.Hook {
	var out *hook.Hook
	for _, p := range ps {
		h := p.Hook
		if h == nil {
			return nil // a release resource keeps it
		}
		if h.Dropped || !h.HasDeletePolicy(release.HookSucceeded) {
			return nil // kept after its run: it stays
		}
		for _, e := range h.Events {
			if e == release.HookPreInstall || e == release.HookPostInstall || e == release.HookPreUpgrade || e == release.HookPostUpgrade {
				out = h
			}
		}
	}
	return out
}
