package hl6006

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook pods whose containers lack securityContext
// hardening.
var Analyzer = &lint.Analyzer{
	ID:       "HL6006",
	Name:     "hook-pod-not-hardened",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

// The settings checked, in message order; restricted marks the ones Pod
// Security "restricted" requires.
var settings = []struct { //nolint:gochecknoglobals // read-only lookup table
	name       string
	restricted bool
	ok         func(pod, ctr map[string]any) bool
}{
	{"runAsNonRoot", true, nonRoot},
	{"allowPrivilegeEscalation: false", true, func(_, c map[string]any) bool { return c["allowPrivilegeEscalation"] == false }},
	{"capabilities.drop: [ALL]", true, dropsAll},
	{"readOnlyRootFilesystem", false, func(_, c map[string]any) bool { return c["readOnlyRootFilesystem"] == true }},
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || testOnly(h) {
			continue
		}
		spec, _, ok := o.PodSpec()
		if !ok {
			continue
		}
		pod, _ := spec["securityContext"].(map[string]any)
		lacking := map[string]bool{}
		var names []string
		var first *hook.PodContainer
		cs := o.PodContainers()
		for i := range cs {
			c := &cs[i]
			sc, _ := c.Fields["securityContext"].(map[string]any)
			lacks := false
			for _, s := range settings {
				if s.ok(pod, sc) {
					continue
				}
				lacks = lacks || s.restricted
				lacking[s.name] = true
			}
			if lacks {
				names = append(names, strconv.Quote(c.Name))
				if first == nil {
					first = c
				}
			}
		}
		if first == nil {
			continue // readOnlyRootFilesystem alone is not reported
		}
		// By default only an outlier: a hook less hardened than the
		// chart's own workloads (rules.default: all: every hook).
		ref := lifecycle.ReleaseWorkloadWith(pass.Objects, o.Path, func(spec, c map[string]any) bool {
			return meetsAny(spec, c, lacking)
		})
		if ref == nil && !pass.Settings.AllRules {
			continue
		}
		var missing []string
		for _, s := range settings {
			if lacking[s.name] {
				missing = append(missing, s.name)
			}
		}
		msg := "hook %s container%s %s run%s without %s: the hook has more rights than it needs"
		plural, verb := "", "s"
		if len(names) > 1 {
			plural, verb = "s", ""
		}
		msg += "; a namespace enforcing Pod Security \"restricted\" rejects the pod and Helm waits for the hook until --timeout"
		f := lint.Finding{
			Pos: o.PosOf(append(first.Path, "securityContext")...), Object: lint.ObjectRefOf(o),
			Message: fmt.Sprintf(msg, o.Kind, plural, strings.Join(names, ", "), verb, strings.Join(missing, ", ")),
		}
		if ref != nil {
			f.Message += fmt.Sprintf(" (the chart's %s %q sets what it lacks)", ref.Kind, ref.Name)
			f.Related = []lint.Related{{Pos: ref.PosOf("kind"), Message: fmt.Sprintf("%s %q sets settings the hook lacks", ref.Kind, ref.Name)}}
		}
		pass.Report(f)
	}
	return nil, nil
}

// meetsAny: the container meets one of the settings Pod Security
// "restricted" requires that the hook lacks.
func meetsAny(spec, c map[string]any, lacking map[string]bool) bool {
	pod, _ := spec["securityContext"].(map[string]any)
	sc, _ := c["securityContext"].(map[string]any)
	for _, s := range settings {
		if s.restricted && lacking[s.name] && s.ok(pod, sc) {
			return true
		}
	}
	return false
}

// nonRoot: runAsNonRoot true on the container, or on the pod and not
// overridden, or a non-zero runAsUser (container first, then pod).
func nonRoot(pod, c map[string]any) bool {
	if v, ok := c["runAsNonRoot"]; ok && v != nil {
		return v == true
	}
	if uid, ok := number(c["runAsUser"]); ok {
		return uid > 0
	}
	if pod["runAsNonRoot"] == true {
		return true
	}
	uid, ok := number(pod["runAsUser"])
	return ok && uid > 0
}

func dropsAll(_, c map[string]any) bool {
	caps, _ := c["capabilities"].(map[string]any)
	drop, _ := caps["drop"].([]any)
	for _, d := range drop {
		if d == "ALL" {
			return true
		}
	}
	return false
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// testOnly: hooks that only `helm test` runs do not block an install or an
// upgrade, and are left out.
func testOnly(h *hook.Hook) bool {
	for _, e := range h.Events {
		if e != release.HookTest {
			return false
		}
	}
	return len(h.Events) > 0
}
