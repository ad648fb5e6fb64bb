package hl2010

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports Job and Pod hooks with more than one regular container.
var Analyzer = &lint.Analyzer{
	ID:       "HL2010",
	Name:     "hook-pod-sidecar",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || (o.Kind != "Job" && o.Kind != "Pod") {
			continue
		}
		spec, path, ok := o.PodSpec()
		if !ok {
			continue
		}
		cs, _ := spec["containers"].([]any)
		if len(cs) < 2 {
			continue
		}
		var names []string
		for _, c := range cs {
			if m, ok := c.(map[string]any); ok {
				n, _ := m["name"].(string)
				names = append(names, fmt.Sprintf("%q", n))
			}
		}
		at := append(append([]string(nil), path...), "containers", "1")
		pass.Reportf(o.PosOf(at...), o,
			"this %s hook has %d containers (%s): it finishes only when every one of them exits, so a container that keeps running (a proxy, a log shipper) makes Helm wait %s; run helpers as native sidecars (initContainers with restartPolicy: Always)",
			o.Kind, len(cs), strings.Join(names, ", "), pass.Settings.UntilTimeout())
	}
	return nil, nil
}
