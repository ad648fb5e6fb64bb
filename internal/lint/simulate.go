package lint

import (
	"io"
	"time"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/render"
)

// SimFinding is a problem the lifecycle simulator (package sim) showed,
// in the runner's terms, so rules need not import the simulator.
type SimFinding struct {
	// Kind is one of timeout, missing-reference, failed, already-exists,
	// rejected, build-error, leftover, command-failed.
	Kind    string
	Command string // the helm command of the step, e.g. "helm upgrade ..."
	// HookPath, HookKind and HookName identify the hook (Helm's path,
	// chart/templates/x.yaml); empty for a command failure.
	HookPath string
	HookKind string
	HookName string
	Message  string // lower case, says what Helm did
	Error    string // Helm's error text, if any
}

// Simulator runs a loaded chart through Helm's lifecycle (install,
// upgrade, upgrade, rollback, test, test, uninstall, install) on a fake
// cluster and returns what went wrong and the timeline.
type Simulator func(c *render.Chart, opts *render.Options, timeout time.Duration) ([]SimFinding, Timeline, error)

// Timeline is a simulated lifecycle that can draw itself as a Mermaid
// sequence diagram (the markdown output of lint --simulate).
type Timeline interface {
	Mermaid(w io.Writer) error
}

// SimulatedObject finds the rendered object a simulated finding is about:
// the same template, kind and name, or, when the name differs between
// revisions (a name with the revision in it), the only object of that kind
// from that template.
func SimulatedObject(objs []*hook.Object, f SimFinding) *hook.Object {
	var byKind []*hook.Object
	for _, o := range objs {
		if o.Path != f.HookPath || o.Kind != f.HookKind {
			continue
		}
		if o.Name == f.HookName {
			return o
		}
		byKind = append(byKind, o)
	}
	if len(byKind) == 1 {
		return byKind[0]
	}
	return nil
}
