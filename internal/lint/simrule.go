package lint

import (
	"strings"
)

// ReportSimulated reports, through pass, every simulated finding whose Kind
// is in kinds, at the name of the hook it is about (lint --simulate). A
// finding whose hook is not in this render is left to the render that has
// it; the runner drops duplicates across renders.
func ReportSimulated(pass *Pass, kinds ...string) {
	want := map[string]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	seen := map[string]bool{} // one finding per template, kind and problem
	for _, f := range pass.Simulated {
		key := f.Kind + "|" + f.HookPath + "|" + f.HookKind
		if !want[f.Kind] || seen[key] {
			continue
		}
		seen[key] = true
		o := SimulatedObject(pass.Objects, f)
		if o == nil {
			continue
		}
		msg := f.Message
		if verb := commandVerb(f.Command); verb != "" {
			msg += " (simulated " + verb + ")"
		}
		pass.Reportf(o.PosOf("metadata", "name"), o, "%s", msg)
	}
}

// commandVerb is "helm upgrade" of "helm upgrade rel /path/chart ...":
// the chart path would make messages depend on where the chart is.
func commandVerb(cmd string) string {
	f := strings.Fields(cmd)
	if len(f) < 2 {
		return ""
	}
	return f[0] + " " + f[1]
}
