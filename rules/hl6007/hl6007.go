package hl6007

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

// Analyzer reports hook containers without resource requests or limits.
var Analyzer = &lint.Analyzer{
	ID:       "HL6007",
	Name:     "hook-container-no-resources",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Info,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || testOnly(h) {
			continue
		}
		var names []string
		var first []string
		for _, c := range o.PodContainers() {
			if hasResources(c.Fields) {
				continue
			}
			names = append(names, strconv.Quote(c.Name))
			if first == nil {
				first = append(append([]string(nil), c.Path...), "resources")
			}
		}
		if first == nil {
			continue
		}
		// By default only an outlier: a hook without resources in a chart
		// whose own workloads set them (rules.default: all: every hook).
		ref := lifecycle.ReleaseWorkloadWith(pass.Objects, o.Path, func(_, c map[string]any) bool { return hasResources(c) })
		if ref == nil && !pass.Settings.AllRules {
			continue
		}
		what := "container " + names[0] + " has"
		if len(names) > 1 {
			what = "containers " + strings.Join(names, ", ") + " have"
		}
		f := lint.Finding{
			Pos: o.PosOf(first...), Object: lint.ObjectRefOf(o),
			Message: fmt.Sprintf("hook %s %s no resource requests or limits: a namespace whose ResourceQuota requires them rejects the pod and Helm waits for the hook until --timeout; elsewhere it runs best-effort, first to be evicted",
				o.Kind, what),
		}
		if ref != nil {
			f.Message += fmt.Sprintf(" (the chart's %s %q sets them)", ref.Kind, ref.Name)
			f.Related = []lint.Related{{Pos: ref.PosOf("kind"), Message: fmt.Sprintf("%s %q sets resources", ref.Kind, ref.Name)}}
		}
		pass.Report(f)
	}
	return nil, nil
}

// hasResources: the container requests or limits something.
func hasResources(c map[string]any) bool {
	res, _ := c["resources"].(map[string]any)
	req, _ := res["requests"].(map[string]any)
	lim, _ := res["limits"].(map[string]any)
	return len(req) > 0 || len(lim) > 0
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
