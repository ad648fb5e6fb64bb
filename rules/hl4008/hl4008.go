package hl4008

import (
	_ "embed"
	"fmt"

	rel "helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks with the kind, namespace and name of a release resource.
var Analyzer = &lint.Analyzer{
	ID:       "HL4008",
	Name:     "hook-name-collision",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	type key struct{ kind, ns, name string }
	keyOf := func(o *hook.Object) key {
		ns := o.Namespace
		if ns == "" {
			ns = pass.Release.Namespace
		}
		return key{o.Kind, ns, o.Name}
	}
	// the hooks' keys first: a render of many objects and few hooks
	// indexes only the objects named as a hook
	want := map[key]bool{}
	for _, h := range pass.Hooks {
		if !h.Dropped && h.Object.Name != "" {
			want[keyOf(h.Object)] = true
		}
	}
	// index maps each wanted key to its first release resource in objs
	index := func(objs []*hook.Object) map[key]*hook.Object {
		m := map[key]*hook.Object{}
		for _, o := range objs {
			if o.Hook == nil && o.Name != "" && o.Kind != "" {
				k := keyOf(o)
				if _, dup := m[k]; !dup && want[k] {
					m[k] = o
				}
			}
		}
		return m
	}
	release, elsewhere := index(pass.Objects), index(pass.Elsewhere)
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || o.Name == "" {
			continue
		}
		r, ok := release[keyOf(o)]
		msg := fmt.Sprintf("this hook has the kind, namespace and name of a release resource: whichever Helm creates second fails with \"already exists\" (a pre-hook fails the install after it ran), and before-hook-creation of a post-hook deletes the release's %s", o.Kind)
		if !ok {
			r, ok = elsewhere[keyOf(o)]
			if !ok {
				continue
			}
			if msg = otherRender(h, o.Kind); msg == "" {
				continue
			}
		}
		pass.Report(lint.Finding{
			Pos:     o.PosOf("metadata", "name"),
			Object:  lint.ObjectRefOf(o),
			Message: msg,
			Related: []lint.Related{{Pos: r.PosOf("metadata", "name"), Message: fmt.Sprintf("the release resource %s %q is defined here", r.Kind, r.Name)}},
		})
	}
	return nil, nil
}

// otherRender is the message for hook h named as a release resource that
// only the chart's other render defines (lint.Pass.Elsewhere), "" when
// they never meet. A hook of the upgrade render meets one only the
// install renders in pre-upgrade, before helm upgrade deletes it
// (helm.sh/helm/v3@v3.22.0 pkg/action/upgrade.go releasingUpgrade runs the
// pre-upgrade hooks, then KubeClient.Update deletes what the new manifest
// lacks, by kind and name: the hook then). A test or pre-delete hook of the
// install render meets one only upgrades render once an upgrade created
// it. Post-upgrade hooks come after that delete; post-install hooks before
// any upgrade; post-delete hooks after uninstall deleted the release.
func otherRender(h *hook.Hook, kind string) string {
	clash := fmt.Sprintf("its before-hook-creation deletes the release's %s and replaces it (without that policy, the hook's create fails with \"already exists\")", kind)
	switch {
	case h.HasEvent(rel.HookPreUpgrade):
		return "this hook has the kind, namespace and name of a release resource only the install render defines: on the first upgrade, which still finds it, " + clash + ", and the upgrade then deletes the hook as the release resource its new manifest dropped"
	case h.HasEvent(rel.HookTest) || h.HasEvent(rel.HookPreDelete):
		return "this hook has the kind, namespace and name of a release resource only the upgrade render defines: after an upgrade created it, " + clash
	}
	return ""
}
