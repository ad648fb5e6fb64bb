package hl2001

import (
	_ "embed"
	"fmt"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports Job hooks whose pod template restartPolicy the API server rejects.
var Analyzer = &lint.Analyzer{
	ID:       "HL2001",
	Name:     "job-restart-policy",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped || (o.Kind != "Job" && o.Kind != "CronJob") {
			continue
		}
		spec, path, ok := o.PodSpec()
		if !ok {
			continue
		}
		rp, set := spec["restartPolicy"].(string)
		if rp == "Never" || rp == "OnFailure" {
			continue
		}
		at := append(append([]string(nil), path...), "restartPolicy")
		what := fmt.Sprintf("restartPolicy %q is not allowed in a %s's pod template (only Never or OnFailure)", rp, o.Kind)
		if !set {
			what = fmt.Sprintf("restartPolicy is not set, so the pod template defaults to Always, which a %s does not allow", o.Kind)
		}
		pass.Reportf(o.PosOf(at...), o, "%s: the API server rejects the object and Helm fails the %s hook at once", what, h.Events[0])
	}
	return nil, nil
}
