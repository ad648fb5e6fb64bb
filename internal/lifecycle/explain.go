package lifecycle

import (
	"fmt"
	"strings"
	"time"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

// Describe names a reference for a message: `ConfigMap "app-env" (envFrom)`.
func Describe(r Ref) string {
	s := fmt.Sprintf("%s %q", r.Kind, r.Name)
	switch {
	case r.Through != nil:
		s += fmt.Sprintf(" (granted by %s %q to its ServiceAccount)", r.Through.Kind, r.Through.Name)
	case r.Kind == "RoleBinding" || r.Kind == "ClusterRoleBinding":
		s += " (binds its ServiceAccount)"
	default:
		s += " (" + r.Via + ")"
	}
	return s
}

// Consequence says what happens to consumer c when the object r names is
// missing while it runs, with Helm's --timeout.
func Consequence(r Ref, c *hook.Object, timeout time.Duration) string {
	wait := ""
	if c.Kind == "Job" || c.Kind == "Pod" {
		wait = fmt.Sprintf(" and Helm waits for this %s %s", c.Kind, lint.Settings{Timeout: timeout}.UntilTimeout())
	}
	switch r.Kind {
	case KindNamespace:
		return "Helm's create of the hook fails (namespace not found)"
	case "RoleBinding", "ClusterRoleBinding", "Role", "ClusterRole":
		return "the pod runs without the permissions it grants"
	case KindServiceAccount:
		if c.Kind == "Pod" {
			return "the API server rejects the Pod (serviceaccount not found) and the hook fails"
		}
		return "the pod cannot be created (serviceaccount not found)" + wait
	case KindPVC:
		return "the pod stays Pending (persistentvolumeclaim not found)" + wait
	}
	if r.Via == "imagePullSecrets" {
		return "the kubelet pulls without it, so a private image fails to pull" + wait
	}
	return fmt.Sprintf("the pod cannot start (%s not found)", lower(r.Kind)) + wait
}

func lower(kind string) string {
	switch kind {
	case KindConfigMap:
		return "configmap"
	case KindSecret:
		return "secret"
	}
	return kind
}

// Where is a Related message for the producer of a dependency.
func Where(p *hook.Object) string {
	if p.Hook == nil {
		return fmt.Sprintf("%s %q is defined here as a release resource", p.Kind, p.Name)
	}
	return fmt.Sprintf("%s %q is defined here as a hook (%s, weight %d)", p.Kind, p.Name, events(p.Hook), p.Hook.Weight)
}

func events(h *hook.Hook) string {
	var b strings.Builder // linear in the list (+= was quadratic)
	for i, e := range h.Events {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(e.String())
	}
	return b.String()
}

// EventList is a hook's events, comma-separated.
func EventList(h *hook.Hook) string { return events(h) }

// HookFails reports whether a missing object r makes consumer c's hook
// fail for certain (Consequence: a pod that cannot be created or cannot
// start, so Helm waits until --timeout, or a Pod the API server rejects),
// and whether the failure comes only after that wait (hangs). Missing RBAC
// (the pod runs, its calls are forbidden) and image pull secrets (only a
// private image fails) are not certain failures.
func HookFails(r Ref, c *hook.Object) (fails, hangs bool) {
	if r.Through != nil || r.Via == "imagePullSecrets" {
		return false, false
	}
	switch r.Kind {
	case "RoleBinding", "ClusterRoleBinding", "Role", "ClusterRole":
		return false, false
	case KindNamespace:
		return true, false
	case KindServiceAccount:
		if c.Kind == "Pod" {
			return true, false // rejected at once
		}
	}
	if c.Kind != "Job" && c.Kind != "Pod" {
		return false, false // Helm does not wait for other kinds
	}
	return true, true
}
