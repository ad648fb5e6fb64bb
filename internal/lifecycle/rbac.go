package lifecycle

import (
	"fmt"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
)

// Find returns the first rendered object of kind with name, or nil.
func Find(objs []*hook.Object, kind, name string) *hook.Object {
	for _, o := range objs {
		if o.Kind == kind && o.Name == name {
			return o
		}
	}
	return nil
}

// Subjects describes a binding's subjects: `ServiceAccount "restore"`, or
// "its 3 subjects".
func Subjects(o *hook.Object) string {
	v, _ := o.Get("subjects")
	l, _ := v.([]any)
	if len(l) == 1 {
		if m, ok := l[0].(map[string]any); ok {
			k, _ := m["kind"].(string)
			n, _ := m["name"].(string)
			if k != "" && n != "" {
				return fmt.Sprintf("%s %q", k, n)
			}
		}
	}
	if len(l) == 0 {
		return "no subject yet"
	}
	return fmt.Sprintf("its %d subjects", len(l))
}

// GrantLifetime says how long a hook's grant outlives the hook, from its
// effective delete policies (helm.sh/helm/v3 pkg/action/hooks.go execHook).
func GrantLifetime(h *hook.Hook) string {
	if h.HasDeletePolicy(release.HookSucceeded) {
		return ""
	}
	return "; without a hook-succeeded delete policy it stays after the hook has run"
}
