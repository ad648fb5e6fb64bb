package lifecycle

import (
	"sort"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
)

// Order returns the hooks that run on event e, in the order Helm runs them.
//
// hooks must be in Helm's stored order (hook.Set.Hooks and lint.Pass.Hooks
// are: SortManifests' InstallOrder kind, then path, then position). Like
// helm.sh/helm/v3 pkg/action/hooks.go execHook, Order keeps the hooks with
// event e and applies sort.Stable(hookByWeight): weight ascending, then name
// by byte-wise string comparison. Kind (the stored InstallOrder) only breaks
// ties between hooks of equal weight and equal name. A hook that lists e
// twice runs twice; Order keeps its first run only.
func Order(hooks []*hook.Hook, e release.HookEvent) []*hook.Hook {
	var out []*hook.Hook
	for _, h := range hooks {
		if !h.Dropped && h.HasEvent(e) {
			out = append(out, h)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Weight == out[j].Weight {
			return out[i].Object.Name < out[j].Object.Name
		}
		return out[i].Weight < out[j].Weight
	})
	return out
}

// Command is the Helm command an event belongs to, and the events of that
// command in the order it runs them.
func Command(e release.HookEvent) (name string, events []release.HookEvent) {
	switch e {
	case release.HookPreInstall, release.HookPostInstall:
		return "install", []release.HookEvent{release.HookPreInstall, release.HookPostInstall}
	case release.HookPreUpgrade, release.HookPostUpgrade:
		return "upgrade", []release.HookEvent{release.HookPreUpgrade, release.HookPostUpgrade}
	case release.HookPreRollback, release.HookPostRollback:
		return "rollback", []release.HookEvent{release.HookPreRollback, release.HookPostRollback}
	case release.HookPreDelete, release.HookPostDelete:
		return "uninstall", []release.HookEvent{release.HookPreDelete, release.HookPostDelete}
	case release.HookTest:
		return "test", []release.HookEvent{release.HookTest}
	}
	return "", nil
}

// Earlier returns the events of e's command that run before e.
func Earlier(e release.HookEvent) []release.HookEvent {
	_, evs := Command(e)
	for i, x := range evs {
		if x == e {
			return evs[:i]
		}
	}
	return nil
}
