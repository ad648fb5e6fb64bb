package hl2008

import (
	_ "embed"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lifecycle"
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
		if h.HasDeletePolicy(release.HookSucceeded) {
			// Deleted when its phase's hooks have all succeeded
			// (helm.sh/helm/v3@v3.22.0 pkg/action/hooks.go execHook,
			// deleteHooksByPolicy(executingHooks, HookSucceeded)): it does
			// not outlive the phase. A later Job or Pod hook of the phase
			// can wait for it (jupyterhub's image puller and awaiter).
			if e, ok := alone(pass.Hooks, h); ok {
				pass.Reportf(h.Annotation.KeyAt, o,
					"Helm does not wait for a %s hook (it waits only for Job and Pod hooks), and hook-succeeded deletes it as soon as the %s phase's hooks have succeeded, which no later Job or Pod hook holds up: its pods may never run",
					o.Kind, e)
			}
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

// alone returns an event of h in which no Job or Pod hook runs after h,
// so nothing holds the phase open while h's pods start.
func alone(hooks []*hook.Hook, h *hook.Hook) (release.HookEvent, bool) {
	for _, e := range h.Events {
		after := false
		waited := false
		for _, x := range lifecycle.Order(hooks, e) {
			if x == h {
				after = true
				continue
			}
			if after && (x.Object.Kind == "Job" || x.Object.Kind == "Pod") {
				waited = true
				break
			}
		}
		if !waited {
			return e, true
		}
	}
	return "", false
}
