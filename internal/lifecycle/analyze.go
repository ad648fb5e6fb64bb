package lifecycle

import (
	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
)

// Status is whether, and why not, a referenced object exists when the
// consuming hook runs. Higher values are worse; a reference with several
// producers gets the best status among them.
type Status int

// Statuses, from fine to broken.
const (
	// OK: a producer exists when the consumer runs.
	OK Status = iota
	// ReleaseBeforeUpgrade: a release resource, consumer on pre-upgrade:
	// it exists only if the previous revision created it.
	ReleaseBeforeUpgrade
	// ReleaseOnDelete: a release resource, consumer on pre-delete: it
	// exists unless the install failed before creating release resources.
	ReleaseOnDelete
	// External: nothing in the chart creates it.
	External
	// HookOtherEvent: a hook only of events of other commands; it exists
	// only as a leftover of an earlier command.
	HookOtherEvent
	// HookLater: a hook of the same event that Helm runs after the
	// consumer (higher weight, or equal weight and a later name).
	HookLater
	// HookDeleted: a hook whose hook-succeeded policy deletes it at the end
	// of its own event, before the consumer's event runs.
	HookDeleted
	// ReleaseBeforeInstall: a release resource, consumer on pre-install:
	// Helm creates release resources only after the pre-install hooks.
	ReleaseBeforeInstall
	// ReleaseAfterUninstall: a release resource, consumer on post-delete:
	// uninstall deleted it before the post-delete hooks.
	ReleaseAfterUninstall
	// ReleaseUpgradeOnly: a release resource only the upgrade render has
	// (lint.Pass.Elsewhere of the install render), consumer on an event of
	// install, test or pre-delete: an install does not create it, so it
	// exists only after an upgrade.
	ReleaseUpgradeOnly
	// ReleaseDroppedByUpgrade: a release resource only the install render
	// has (lint.Pass.Elsewhere of the upgrade render, lint.Pass.OnlyHere of
	// the install render), consumer on post-upgrade or test: the upgrade
	// deleted it before the post-upgrade hooks and any later helm test
	// (helm.sh/helm/v3@v3.22.0 pkg/kube/client.go update deletes
	// original.Difference(target) unless its helm.sh/resource-policy is
	// exactly "keep").
	ReleaseDroppedByUpgrade
)

// Dep is one reference of one hook on one event, with its status.
type Dep struct {
	Consumer *hook.Hook
	Event    release.HookEvent
	Ref      Ref
	Status   Status
	// Producer is the object that decided Status; nil when External.
	Producer *hook.Object
	// DeletedAfter is, for HookDeleted, the event at whose end Helm
	// deletes the producer.
	DeletedAfter release.HookEvent
}

// Events are the events whose hooks a render analyses: the install render
// stands for install, uninstall and test, the upgrade render for upgrade and
// rollback, and a chart's only render (lint.Release.Only, e.g. stdin or
// --is-upgrade) for all of them.
func Events(rel lint.Release) []release.HookEvent {
	install := []release.HookEvent{release.HookPreInstall, release.HookPostInstall, release.HookPreDelete, release.HookPostDelete, release.HookTest}
	upgrade := []release.HookEvent{release.HookPreUpgrade, release.HookPostUpgrade, release.HookPreRollback, release.HookPostRollback}
	switch {
	case rel.Only || rel.IsUpgrade:
		return append(install, upgrade...)
	case rel.Context == render.Upgrade:
		return upgrade
	}
	return install
}

// Analyze returns every non-optional reference of every hook in hooks, for
// each of the hook's events among events, with its status. hooks must be
// in Helm's stored order; objs are all rendered objects; elsewhere are the
// release resources only the chart's other render has (lint.Pass.Elsewhere),
// which decide the status of a reference objs defines nothing for;
// onlyHere are those of objs the other render lacks (lint.Pass.OnlyHere).
func Analyze(objs []*hook.Object, hooks []*hook.Hook, releaseNS string, events []release.HookEvent, elsewhere []*hook.Object, onlyHere map[*hook.Object]bool) []Dep {
	in := map[release.HookEvent]bool{}
	for _, e := range events {
		in[e] = true
	}
	orders := map[release.HookEvent]map[*hook.Object]int{}
	pos := func(e release.HookEvent, o *hook.Object) (int, bool) {
		m, ok := orders[e]
		if !ok {
			m = map[*hook.Object]int{}
			for i, h := range Order(hooks, e) {
				if _, dup := m[h.Object]; !dup {
					m[h.Object] = i
				}
			}
			orders[e] = m
		}
		i, ok := m[o]
		return i, ok
	}
	var out []Dep
	for _, c := range hooks {
		if c.Dropped {
			continue
		}
		refs := Refs(c.Object, objs, releaseNS)
		seen := map[release.HookEvent]bool{}
		for _, e := range c.Events {
			if !in[e] || seen[e] {
				continue
			}
			seen[e] = true
			// An RBAC reference is reported only when what it follows from
			// (the ServiceAccount, the binding) is there: one finding for
			// the root cause.
			broken := map[string]bool{}
			for _, r := range refs {
				if r.Optional || broken[r.Parent] {
					broken[r.Key()] = true
					continue
				}
				d := Dep{Consumer: c, Event: e, Ref: r, Status: External}
				ps := Producers(r, objs, c.Object, releaseNS)
				if len(ps) == 0 {
					if r.Kind == KindNamespace || r.Via == "roleRef" {
						continue // namespaces and roles outside the chart are the cluster's
					}
					if IsProvided(r.Kind, r.Name) {
						continue // made by the cluster in every namespace (Provided)
					}
					if ps := Producers(r, elsewhere, c.Object, releaseNS); len(ps) > 0 {
						d.Status, d.Producer = otherRender(ps[0], e), ps[0]
						if d.Status != OK {
							broken[r.Key()] = true
						}
					}
					out = append(out, d)
					continue
				}
				first := true
				for _, p := range ps {
					st, after := classify(p, c, e, pos)
					if st == OK && e == release.HookTest && onlyHere[p] && !KeptByUpgrade(p) {
						// only the install renders it: gone after the
						// first upgrade, before any later helm test
						st = ReleaseDroppedByUpgrade
					}
					if first || st < d.Status {
						d.Status, d.Producer, d.DeletedAfter = st, p, after
						first = false
					}
				}
				if d.Status != OK {
					broken[r.Key()] = true
				}
				out = append(out, d)
			}
		}
	}
	return out
}

type posFunc func(e release.HookEvent, o *hook.Object) (int, bool)

// classify says whether producer p exists when consumer c runs on event e.
func classify(p *hook.Object, c *hook.Hook, e release.HookEvent, pos posFunc) (Status, release.HookEvent) {
	if p.Hook == nil {
		switch e {
		case release.HookPreInstall:
			return ReleaseBeforeInstall, ""
		case release.HookPreUpgrade:
			return ReleaseBeforeUpgrade, ""
		case release.HookPreDelete:
			return ReleaseOnDelete, ""
		case release.HookPostDelete:
			if p.Kind == "StatefulSet" {
				return OK, "" // uninstall does not delete volumeClaimTemplates' PVCs
			}
			if a := p.Annotation(hook.AnnotationResourcePolicy); a != nil && normalizedKeep(a.Value) {
				return OK, "" // pkg/action/resource_policy.go filterManifestsToKeep
			}
			return ReleaseAfterUninstall, ""
		}
		return OK, ""
	}
	ph := p.Hook
	deletes := ph.HasDeletePolicy(release.HookSucceeded) && p.Kind != "CustomResourceDefinition"
	if ph.HasEvent(e) {
		pi, ok1 := pos(e, p)
		ci, ok2 := pos(e, c.Object)
		if ok1 && ok2 && pi > ci {
			return HookLater, ""
		}
		return OK, ""
	}
	for _, pe := range Earlier(e) {
		if ph.HasEvent(pe) {
			if deletes {
				return HookDeleted, pe
			}
			return OK, ""
		}
	}
	if deletes {
		return HookDeleted, ph.Events[0]
	}
	// A hook of install that no policy deletes stays from the install on:
	// execHook deletes hooks only by policy and uninstall never deletes
	// hooks (pkg/action/hooks.go, pkg/action/uninstall.go), so every later
	// command finds it (unless the release was installed with --no-hooks).
	if e != release.HookPreInstall && e != release.HookPostInstall &&
		(ph.HasEvent(release.HookPreInstall) || ph.HasEvent(release.HookPostInstall)) {
		return OK, ""
	}
	return HookOtherEvent, ""
}

// otherRender says whether release resource p, which only the other render
// has, exists when a hook of event e runs. The install render's other
// render is the upgrade's and the upgrade render's is the install's
// (Events gives each its own events).
func otherRender(p *hook.Object, e release.HookEvent) Status {
	switch e {
	case release.HookPreInstall, release.HookPostInstall, release.HookTest, release.HookPreDelete:
		return ReleaseUpgradeOnly
	case release.HookPostDelete:
		st, _ := classify(p, nil, e, nil)
		return st
	case release.HookPreUpgrade:
		// the first upgrade finds what the install created
		return ReleaseBeforeUpgrade
	case release.HookPostUpgrade:
		if KeptByUpgrade(p) {
			return OK
		}
		return ReleaseDroppedByUpgrade
	}
	return OK // a rollback to the install's revision restores it
}

// KeptByUpgrade reports whether an upgrade whose manifest lacks release
// resource p leaves it: it does when its helm.sh/resource-policy is exactly "keep"
// (helm.sh/helm/v3@v3.22.0 pkg/kube/client.go update compares the live
// annotation with KeepPolicy, untrimmed).
func KeptByUpgrade(p *hook.Object) bool {
	a := p.Annotation(hook.AnnotationResourcePolicy)
	return a != nil && a.Value == "keep"
}

// normalizedKeep is how uninstall reads helm.sh/resource-policy:
// strings.ToLower(strings.TrimSpace(v)) == "keep".
func normalizedKeep(v string) bool {
	return NormalizePolicy(v) == "keep"
}
