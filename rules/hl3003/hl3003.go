package hl3003

import (
	_ "embed"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports post-delete-needs-release-resource.
var Analyzer = &lint.Analyzer{
	ID:       "HL3003",
	Name:     "post-delete-needs-release-resource",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	evs := lifecycle.Events(pass.Release)
	for _, d := range lifecycle.Analyze(pass.Objects, pass.Hooks, pass.Release.Namespace, evs, pass.Elsewhere, pass.OnlyHere) {
		if d.Status != lifecycle.ReleaseAfterUninstall || d.Event != release.HookPostDelete {
			continue
		}
		f := lint.Finding{
			Pos:     d.Ref.At,
			Object:  lint.ObjectRefOf(d.Consumer.Object),
			Message: lifecycle.Describe(d.Ref) + " is a release resource, which uninstall deletes before the post-delete hooks: " + lifecycle.Consequence(d.Ref, d.Consumer.Object, pass.Settings.Timeout) + uninstall(d),
		}
		if d.Producer != nil {
			f.Related = []lint.Related{{Pos: d.Producer.PosOf("metadata", "name"), Message: lifecycle.Where(d.Producer)}}
		}
		pass.Report(f)
	}
	return nil, nil
}

// uninstall says what the hook's certain failure does to helm uninstall:
// a failed post-delete hook does not stop it (helm.sh/helm/v3@v3.22.0
// pkg/action/uninstall.go Run collects the error, purges the release and
// reports "uninstallation completed with 1 error(s)"), so it only delays
// it by the wait, and the hook's Job stays behind.
func uninstall(d lifecycle.Dep) string {
	fails, hangs := lifecycle.HookFails(d.Ref, d.Consumer.Object)
	switch {
	case hangs:
		return "; helm uninstall hangs that long, then completes with an error"
	case fails:
		return "; helm uninstall completes with an error"
	}
	return ""
}
