package hl8003

import (
	_ "embed"
	"fmt"
	"strconv"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/argocd"
	"github.com/hooklint/hooklint/internal/argolint"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks that Helm and Argo CD order differently.
var Analyzer = &lint.Analyzer{
	ID:       "HL8003",
	Name:     "argocd-hook-order-differs",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

// events are the Helm events Argo CD gives a phase, in Helm's order.
var events = []release.HookEvent{ //nolint:gochecknoglobals // read-only list
	release.HookPreInstall, release.HookPreUpgrade, release.HookPostInstall, release.HookPostUpgrade,
	release.HookPreDelete, release.HookPostDelete,
}

func run(pass *lint.Pass) (any, error) {
	hooks := argolint.Hooks(pass)
	type pair struct{ a, b *argolint.Hook }
	seen := map[pair]bool{}
	for _, e := range events {
		phase, _ := argocd.HelmEventPhase(string(e))
		var in []*argolint.Hook
		for _, h := range hooks {
			if h.HasEvent(e) && containsPhase(h.Argo.Phases, phase) {
				in = append(in, h)
			}
		}
		for _, a := range in {
			for _, b := range in {
				if a == b || seen[pair{a, b}] || (!waits(a) && !waits(b)) {
					continue
				}
				if !helmLess(a, b) || !argoLess(b, a) {
					continue
				}
				seen[pair{a, b}] = true
				pos := a.Annotation.ValAt
				if a.WeightAnnotation != nil {
					pos = a.WeightAnnotation.ValAt
				}
				pass.Reportf(pos, a.Object,
					"Helm runs this %s before %s on %s (%s, pkg/action/hooks.go execHook); Argo CD applies it after it in its %s phase (%s, gitops-engine pkg/sync/sync_tasks.go syncTasks.Less): give them distinct weights in the order they must run",
					argolint.Ref(a.Object), argolint.Ref(b.Object), e, helmWhy(a, b), phase, argoWhy(a, b))
			}
		}
	}
	return nil, nil
}

func containsPhase(ps []argocd.Phase, p argocd.Phase) bool {
	for _, x := range ps {
		if x == p {
			return true
		}
	}
	return false
}

// waits: Helm waits for the hook to finish before it creates the next one.
func waits(h *argolint.Hook) bool { return h.Object.Kind == "Job" || h.Object.Kind == "Pod" }

// helmLess is Helm's order of two hooks of one event: weight, then name.
// Hooks of equal weight and name are ordered by kind in both engines
// (Helm's stored InstallOrder, Argo CD's older copy of it): not compared.
func helmLess(a, b *argolint.Hook) bool {
	if a.Weight != b.Weight {
		return a.Weight < b.Weight
	}
	return a.Object.Name < b.Object.Name
}

func argoLess(a, b *argolint.Hook) bool {
	return argocd.Less(a.Argo.Wave, a.Object.Kind, a.Object.Name, b.Argo.Wave, b.Object.Kind, b.Object.Name)
}

func helmWhy(a, b *argolint.Hook) string {
	switch {
	case a.Weight != b.Weight:
		return fmt.Sprintf("weight %d before %d", a.Weight, b.Weight)
	}
	return fmt.Sprintf("equal weight %d, then by name, not kind", a.Weight)
}

// argoWhy says why Argo CD puts b before a.
func argoWhy(a, b *argolint.Hook) string {
	wave := func(h *argolint.Hook) string {
		if _, err := strconv.Atoi(h.Annotations[argocd.AnnotationSyncWave]); err == nil {
			return fmt.Sprintf("wave %d from %s", h.Argo.Wave, argocd.AnnotationSyncWave)
		}
		return fmt.Sprintf("wave %d", h.Argo.Wave)
	}
	switch {
	case a.Argo.Wave != b.Argo.Wave:
		return fmt.Sprintf("%s after %s", wave(a), wave(b))
	case argocd.KindRank(a.Object.Kind) != argocd.KindRank(b.Object.Kind):
		return fmt.Sprintf("equal wave %d, then by kind: %s before %s", a.Argo.Wave, kindName(b.Object.Kind), kindName(a.Object.Kind))
	}
	return fmt.Sprintf("equal wave %d, then by name", a.Argo.Wave)
}

// kindName is a kind as its place in Argo CD's kindOrder describes it.
func kindName(kind string) string {
	if argocd.KindRank(kind) == len(argocd.KindOrder()) {
		return kind + " (not in kindOrder: last)"
	}
	return kind
}
