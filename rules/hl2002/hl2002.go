package hl2002

import (
	_ "embed"
	"fmt"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports Pod and Job hooks that can never finish, so Helm waits until --timeout.
var Analyzer = &lint.Analyzer{
	ID:       "HL2002",
	Name:     "hook-never-completes",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped {
			continue
		}
		switch o.Kind {
		case "Pod":
			spec, path, ok := o.PodSpec()
			if !ok {
				continue
			}
			rp, set := spec["restartPolicy"].(string)
			if rp == "Never" || rp == "OnFailure" {
				continue
			}
			at := append(append([]string(nil), path...), "restartPolicy")
			why := "restartPolicy Always never lets it finish"
			if !set {
				why = "restartPolicy defaults to Always, which never lets it finish"
			} else if rp != "Always" {
				why = fmt.Sprintf("restartPolicy %q is not a policy that lets it finish (the API server may reject it too)", rp)
			}
			pass.Reportf(o.PosOf(at...), o, "Helm waits for this Pod %s because %s", pass.Settings.UntilTimeout(), why)
		case "Job":
			if s, _ := o.Get("spec", "suspend"); s == true {
				pass.Reportf(o.PosOf("spec", "suspend"), o, "Helm waits for this Job %s because a suspended Job never starts its pods", pass.Settings.UntilTimeout())
			}
		}
	}
	return nil, nil
}
