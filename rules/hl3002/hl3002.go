package hl3002

import (
	_ "embed"

	"strconv"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports pre-delete-needs-release-resource.
var Analyzer = &lint.Analyzer{
	ID:       "HL3002",
	Name:     "pre-delete-needs-release-resource",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	// The premise: an install can fail before it creates the release
	// resources only in a pre-install hook (helm.sh/helm/v3@v3.22.0
	// pkg/action/install.go performInstall runs them before
	// KubeClient.Create). A chart without one has no such install.
	var pre *hook.Hook
	for _, h := range pass.Hooks {
		if !h.Dropped && h.HasEvent(release.HookPreInstall) {
			pre = h
			break
		}
	}
	evs := lifecycle.Events(pass.Release)
	for _, d := range lifecycle.Analyze(pass.Objects, pass.Hooks, pass.Release.Namespace, evs, pass.Elsewhere, pass.OnlyHere) {
		if d.Status != lifecycle.ReleaseOnDelete || d.Event != release.HookPreDelete {
			continue
		}
		f := lint.Finding{Pos: d.Ref.At, Object: lint.ObjectRefOf(d.Consumer.Object)}
		switch {
		case d.Producer != nil && pass.OnlyHere[d.Producer] && !lifecycle.KeptByUpgrade(d.Producer):
			// Only the install renders it: the first upgrade deletes it
			// (pkg/kube/client.go update deletes what the new manifest
			// lacks), so every uninstall after an upgrade misses it.
			f.Message = lifecycle.Describe(d.Ref) + " is a release resource only the install render defines: the release's first upgrade deletes it (its manifest lacks it), so on pre-delete after any upgrade " + lifecycle.Consequence(d.Ref, d.Consumer.Object, pass.Settings.Timeout) + uninstall(d)
			if fails, _ := lifecycle.HookFails(d.Ref, d.Consumer.Object); fails {
				f.Severity = lint.Warning
			}
		case pre != nil:
			f.Message = lifecycle.Describe(d.Ref) + " is a release resource: it exists on pre-delete only if the install got past its pre-install hooks (" + pre.Object.Kind + " " + strconv.Quote(pre.Object.Name) + "); after an install that failed in one of them " + lifecycle.Consequence(d.Ref, d.Consumer.Object, pass.Settings.Timeout) + uninstall(d)
		default:
			continue
		}
		if d.Producer != nil {
			f.Related = []lint.Related{{Pos: d.Producer.PosOf("metadata", "name"), Message: lifecycle.Where(d.Producer)}}
		}
		pass.Report(f)
	}
	return nil, nil
}

// uninstall says what the hook's failure does to helm uninstall, and only
// when the failure is certain: a failed pre-delete hook ends the uninstall
// before anything is deleted (helm.sh/helm/v3@v3.22.0
// pkg/action/uninstall.go Run returns execHook's error), so every retry
// fails the same way until --no-hooks skips the hooks.
func uninstall(d lifecycle.Dep) string {
	fails, hangs := lifecycle.HookFails(d.Ref, d.Consumer.Object)
	switch {
	case hangs:
		return ", then helm uninstall fails, and the release cannot be uninstalled without --no-hooks"
	case fails:
		return ": helm uninstall fails, and the release cannot be uninstalled without --no-hooks"
	}
	return ""
}
