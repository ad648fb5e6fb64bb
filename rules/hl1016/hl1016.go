package hl1016

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/argocd"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports misspelt, misplaced or mis-valued Argo CD hook
// annotations.
var Analyzer = &lint.Analyzer{
	ID:       "HL1016",
	Name:     "argocd-annotation-typo",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

// hookKeys are the Argo CD hook annotations this rule checks.
var hookKeys = []string{argocd.AnnotationHook, argocd.AnnotationDeletePolicy, argocd.AnnotationSyncWave} //nolint:gochecknoglobals // read-only table

// otherKeys are the other argocd.argoproj.io/ annotations Argo CD reads
// (argo-cd common/common.go, gitops-engine pkg/sync/common/types.go): a
// key equal to one of them is not a typo of a hook key.
var otherKeys = []string{ //nolint:gochecknoglobals // read-only table
	"argocd.argoproj.io/sync-options", "argocd.argoproj.io/compare-options", "argocd.argoproj.io/tracking-id",
	"argocd.argoproj.io/manifest-generate-paths", "argocd.argoproj.io/refresh", "argocd.argoproj.io/skip-reconcile",
	"argocd.argoproj.io/instance", "argocd.argoproj.io/managed-by", "argocd.argoproj.io/hydrate",
	"argocd.argoproj.io/application-set-refresh", "argocd.argoproj.io/installation-id",
}

// The values Argo CD accepts, case-sensitively (gitops-engine
// pkg/sync/hook/hook.go Types and pkg/sync/hook/delete_policy.go
// NewHookDeletePolicy); any other token is ignored.
var (
	hookTypes = []string{"PreSync", "Sync", "PostSync", "SyncFail", "PreDelete", "PostDelete", "Skip"} //nolint:gochecknoglobals // read-only table
	policies  = []string{argocd.BeforeHookCreation, argocd.HookSucceeded, argocd.HookFailed}           //nolint:gochecknoglobals // read-only table
)

func norm(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-"), "-", "")
}

// meantKey returns the hook key k was probably meant to be, or "".
func meantKey(k string) string {
	if slices.Contains(hookKeys, k) || slices.Contains(otherKeys, k) || !strings.Contains(strings.ToLower(k), "argo") {
		return ""
	}
	n := strings.ToLower(strings.TrimSpace(k))
	best, bestD := "", -1
	for _, c := range hookKeys {
		if d := lint.Distance(n, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= 3 {
		return best
	}
	return ""
}

// meantValue returns the accepted value token t was probably meant to be
// (same letters, other case or separators; or Helm's spelling of a
// policy), or "".
func meantValue(t string, valid []string) string {
	for _, v := range valid {
		if norm(t) == norm(v) {
			return v
		}
	}
	return ""
}

func run(pass *lint.Pass) (any, error) {
	if pass.Release.Context.String() == "upgrade" && !pass.Release.Only {
		return nil, nil // one report per object: the install render has them
	}
	for _, o := range pass.Objects {
		for _, a := range o.Annotations {
			if m := meantKey(a.Key); m != "" {
				pass.Reportf(a.KeyAt, o, "annotation key %q is not one Argo CD reads (did you mean %q?): Argo CD ignores it%s", a.Key, m, effect(m))
				continue
			}
			switch a.Key {
			case argocd.AnnotationHook:
				checkTokens(pass, o, a, hookTypes, "hook type", "Argo CD ignores it; with no valid type left the resource is a plain resource of the Sync phase, or a Helm hook if it has helm.sh/hook")
			case argocd.AnnotationDeletePolicy:
				checkTokens(pass, o, a, policies, "delete policy", "Argo CD ignores it; with no valid policy left the hook gets BeforeHookCreation (and helm.sh/hook-delete-policy's, if any)")
			case argocd.AnnotationSyncWave:
				if _, err := strconv.Atoi(strings.TrimSpace(a.Value)); err != nil {
					pass.Reportf(a.ValAt, o, "sync wave %q is not an integer: Argo CD ignores it and orders this resource by helm.sh/hook-weight, else in wave 0", a.Value)
				}
			}
		}
		for _, base := range [][]string{{"spec", "template", "metadata", "annotations"}, {"spec", "jobTemplate", "spec", "template", "metadata", "annotations"}} {
			v, _ := o.Get(base...)
			m, _ := v.(map[string]any)
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				if !slices.Contains(hookKeys, k) || o.Annotation(k) != nil {
					continue
				}
				pass.Reportf(o.PosOf(append(base, k)...), o,
					"%q is under %s, the pod template's metadata: Argo CD reads hook annotations only from this %s's own metadata.annotations%s",
					k, strings.Join(base, "."), o.Kind, effect(k))
			}
		}
	}
	return nil, nil
}

func checkTokens(pass *lint.Pass, o *hook.Object, a hook.Annotation, valid []string, what, effect string) {
	for _, t := range strings.Split(a.Value, ",") {
		t = strings.TrimSpace(t)
		if t == "" || slices.Contains(valid, t) {
			continue
		}
		hint := ""
		if m := meantValue(t, valid); m != "" {
			hint = fmt.Sprintf(" (did you mean %q? Argo CD matches values case-sensitively)", m)
		}
		pass.Reportf(a.ValAt, o, "%q is not an Argo CD %s%s: %s", t, what, hint, effect)
	}
}

// effect is what ignoring the key meant does.
func effect(key string) string {
	switch key {
	case argocd.AnnotationHook:
		return ", so under Argo CD this resource is not run as its hook (Argo CD falls back to helm.sh/hook, if any)"
	case argocd.AnnotationDeletePolicy:
		return ", so the hook keeps the default BeforeHookCreation"
	case argocd.AnnotationSyncWave:
		return ", so the resource is ordered by helm.sh/hook-weight, else in wave 0"
	}
	return ""
}
