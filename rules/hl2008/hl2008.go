package hl2008

import (
	_ "embed"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hooks of workload kinds that Helm does not wait for.
var Analyzer = &lint.Analyzer{
	ID:       "HL2008",
	Name:     "hook-kind-not-waited",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

// notWaited are the workload kinds that run pods but that Helm counts as
// ready the moment they are created.
var notWaited = map[string]string{ //nolint:gochecknoglobals // read-only lookup table
	"Deployment":            "its pods keep running",
	"StatefulSet":           "its pods keep running",
	"DaemonSet":             "its pods keep running",
	"ReplicaSet":            "its pods keep running",
	"ReplicationController": "its pods keep running",
	"CronJob":               "it only schedules Jobs later",
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		why, ok := notWaited[o.Kind]
		if h.Dropped || !ok {
			continue
		}
		upgrade := "upgrades never update it"
		if h.HasEvent(release.HookPreUpgrade) || h.HasEvent(release.HookPostUpgrade) {
			upgrade = "upgrades never patch it"
			if h.HasDeletePolicy(release.HookBeforeHookCreation) {
				upgrade = "every upgrade deletes and recreates it (before-hook-creation)"
			}
		}
		pass.Reportf(h.Annotation.KeyAt, o,
			"Helm does not wait for a %s hook (it waits only for Job and Pod hooks) and %s: the %s phase moves on as soon as it is created, %s, and uninstall leaves it behind",
			o.Kind, why, h.Events[0], upgrade)
	}
	return nil, nil
}
