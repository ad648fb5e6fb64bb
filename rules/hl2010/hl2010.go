package hl2010

import (
	_ "embed"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports Job and Pod hooks with a regular container that does
// not exit by itself next to others.
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
		spec, at, ok := o.PodSpec()
		if !ok {
			continue
		}
		cs, _ := spec["containers"].([]any)
		if len(cs) < 2 {
			continue // a lone container is the hook's work itself
		}
		var names []string
		for _, c := range cs {
			if m, ok := c.(map[string]any); ok {
				n, _ := m["name"].(string)
				names = append(names, strconv.Quote(n))
			}
		}
		for i, c := range cs {
			m, ok := c.(map[string]any)
			if !ok {
				continue
			}
			why := runsOn(m)
			if why == "" {
				continue // a one-shot container (a probe, a script) exits by itself
			}
			n, _ := m["name"].(string)
			p := append(append([]string(nil), at...), "containers", strconv.Itoa(i))
			pass.Reportf(o.PosOf(p...), o,
				"this %s hook has %d containers (%s) and %q does not exit by itself (%s): the pod finishes only when every container has exited, so Helm waits %s although the work is done; run it as a native sidecar (initContainers with restartPolicy: Always)",
				o.Kind, len(cs), strings.Join(names, ", "), n, why, pass.Settings.UntilTimeout())
		}
	}
	return nil, nil
}

// daemons are image names (the last path element, without tag) of programs
// that serve until they are stopped: the sidecars that hold hook pods.
var daemons = [][2]string{ //nolint:gochecknoglobals // read-only lookup table
	{"proxy", "a proxy"}, {"envoy", "a proxy"}, {"istio", "a service-mesh proxy"}, {"linkerd", "a service-mesh proxy"},
	{"fluent", "a log shipper"}, {"filebeat", "a log shipper"}, {"promtail", "a log shipper"},
	{"otel-collector", "a telemetry collector"}, {"opentelemetry-collector", "a telemetry collector"},
}

// runsOn says why container c keeps running until it is stopped, or ""
// when nothing shows it: it serves (ports or probes, which only a
// long-running container needs), its command waits forever, or its image
// is a proxy or log shipper.
func runsOn(c map[string]any) string {
	for _, k := range []string{"readinessProbe", "livenessProbe", "startupProbe"} {
		if _, ok := c[k]; ok {
			return "it has a " + k
		}
	}
	if ps, _ := c["ports"].([]any); len(ps) > 0 {
		return "it serves ports"
	}
	var argv []string
	for _, k := range []string{"command", "args"} {
		l, _ := c[k].([]any)
		for _, x := range l {
			s, _ := x.(string)
			argv = append(argv, s)
		}
	}
	cmd := strings.Join(strings.Fields(strings.Join(argv, " ")), " ")
	for _, w := range []string{"sleep infinity", "tail -f"} {
		if strings.Contains(cmd, w) {
			return fmt.Sprintf("its command runs %q", w)
		}
	}
	if len(argv) > 0 {
		return "" // a command of its own: the image's server is not what runs
	}
	img, _ := c["image"].(string)
	base := path.Base(img)
	if i := strings.IndexAny(base, ":@"); i >= 0 {
		base = base[:i]
	}
	for _, d := range daemons {
		if strings.Contains(strings.ToLower(base), d[0]) {
			return fmt.Sprintf("image %q is %s", img, d[1])
		}
	}
	return ""
}
