package hl6007

import (
	_ "embed"
	"strconv"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
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
			res, _ := c.Fields["resources"].(map[string]any)
			req, _ := res["requests"].(map[string]any)
			lim, _ := res["limits"].(map[string]any)
			if len(req) > 0 || len(lim) > 0 {
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
		what := "container " + names[0] + " has"
		if len(names) > 1 {
			what = "containers " + strings.Join(names, ", ") + " have"
		}
		pass.Reportf(o.PosOf(first...), o,
			"hook %s %s no resource requests or limits: a namespace whose ResourceQuota requires them rejects the pod and Helm waits for the hook until --timeout; elsewhere it runs best-effort, first to be evicted",
			o.Kind, what)
	}
	return nil, nil
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
