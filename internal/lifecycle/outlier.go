package lifecycle

import (
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
)

// ChartOf is the chart a template's Helm path belongs to: "app" for
// "app/templates/job.yaml", "app/charts/db" for
// "app/charts/db/templates/job.yaml" ("" when the path has no templates/).
func ChartOf(path string) string {
	if i := strings.LastIndex(path, "/templates/"); i >= 0 {
		return path[:i]
	}
	return ""
}

// ReleaseWorkloadWith returns the first release resource (not a hook) of
// the chart that holds path whose pod has a regular container for which
// ok(pod spec, container) holds, or nil. HL6006 and HL6007 compare a
// hook with the chart's own workloads: a hook less hardened than they
// are is an outlier, the rest is a matter of the cluster's policy.
func ReleaseWorkloadWith(objs []*hook.Object, path string, ok func(pod, ctr map[string]any) bool) *hook.Object {
	chart := ChartOf(path)
	for _, o := range objs {
		if o.Hook != nil || ChartOf(o.Path) != chart {
			continue
		}
		spec, _, found := o.PodSpec()
		if !found {
			continue
		}
		for _, c := range o.PodContainers() {
			if !c.Init && ok(spec, c.Fields) {
				return o
			}
		}
	}
	return nil
}
