package hl1012

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

// Analyzer reports hooks of one event that are the same object.
var Analyzer = &lint.Analyzer{
	ID:       "HL1012",
	Name:     "hook-duplicate-name",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

// order is the order events are reported in.
var order = []release.HookEvent{ //nolint:gochecknoglobals // read-only lookup table
	release.HookPreInstall, release.HookPostInstall, release.HookPreUpgrade, release.HookPostUpgrade,
	release.HookPreRollback, release.HookPostRollback, release.HookPreDelete, release.HookPostDelete,
	release.HookTest,
}

// clusterScoped are common kinds whose namespace the API server ignores.
var clusterScoped = map[string]bool{ //nolint:gochecknoglobals // read-only lookup table
	"Namespace": true, "ClusterRole": true, "ClusterRoleBinding": true, "CustomResourceDefinition": true,
	"PriorityClass": true, "StorageClass": true, "PersistentVolume": true, "IngressClass": true,
	"APIService": true, "MutatingWebhookConfiguration": true, "ValidatingWebhookConfiguration": true,
	"ValidatingAdmissionPolicy": true, "ValidatingAdmissionPolicyBinding": true, "RuntimeClass": true,
	"CSIDriver": true, "PodSecurityPolicy": true, "SecurityContextConstraints": true,
}

type identity struct{ group, kind, namespace, name string }

func id(o *hook.Object, releaseNS string) identity {
	group, _, ok := strings.Cut(o.APIVersion, "/")
	if !ok {
		group = "" // core
	}
	ns := o.Namespace
	switch {
	case clusterScoped[o.Kind]:
		ns = ""
	case ns == "":
		ns = releaseNS
	}
	return identity{group, o.Kind, ns, o.Name}
}

type pair struct{ first, second *hook.Hook }

func run(pass *lint.Pass) (any, error) {
	events := map[pair][]string{}
	var pairs []pair
	for _, e := range order {
		groups := map[identity][]*hook.Hook{}
		var keys []identity
		for _, h := range pass.Hooks {
			if h.Dropped || h.Object.Name == "" || !h.HasEvent(e) {
				continue
			}
			k := id(h.Object, pass.Release.Namespace)
			if groups[k] == nil {
				keys = append(keys, k)
			}
			if !slices.Contains(groups[k], h) { // an event listed twice is HL1008's
				groups[k] = append(groups[k], h)
			}
		}
		for _, k := range keys {
			hs := groups[k]
			// execHook order among equal names: weight, then stored order.
			slices.SortStableFunc(hs, func(a, b *hook.Hook) int { return a.Weight - b.Weight })
			for i := 1; i < len(hs); i++ {
				p := pair{hs[i-1], hs[i]}
				if events[p] == nil {
					pairs = append(pairs, p)
				}
				events[p] = append(events[p], e.String())
			}
		}
	}
	for _, p := range pairs {
		a, b := p.first, p.second
		at := a.Object.PosOf("metadata", "name")
		f := lint.Finding{
			Pos:     b.Object.PosOf("metadata", "name"),
			Object:  lint.ObjectRefOf(b.Object),
			Related: []lint.Related{{Pos: at, Message: "the other hook with this name"}},
		}
		what := fmt.Sprintf("hook %s %q is also defined at %s and both run in %s", b.Object.Kind, b.Object.Name, at, strings.Join(events[p], ", "))
		switch {
		case b.Object.Kind == "CustomResourceDefinition":
			f.Message = what + `; Helm never deletes a CustomResourceDefinition hook, so creating this one fails with "already exists"`
		case b.HasDeletePolicy(release.HookBeforeHookCreation):
			f.Severity = lint.Warning
			f.Message = what + "; Helm runs both in turn: this one's before-hook-creation deletes the object the other created, after it ran, and creates its own"
			if a.HasDeletePolicy(release.HookSucceeded) && !b.HasDeletePolicy(release.HookSucceeded) {
				f.Message += ", which the other one's hook-succeeded then deletes at the end of the phase"
			} else {
				f.Message += ", so only this one is left"
			}
		default:
			f.Message = what + `; without before-hook-creation nothing deletes the other one's object first, so creating this one fails with "already exists"`
		}
		pass.Report(f)
	}
	return nil, nil
}
