// Package simlint connects the lifecycle simulator (package sim) to the
// rule runner: `hooklint lint --simulate` runs each chart through Helm's
// lifecycle once and the HL7 rules report what went wrong at the hooks'
// template lines.
package simlint

import (
	"io"
	"time"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/sim"
)

// Simulate is a lint.Simulator driving Helm's pkg/action (v3, or v4 when
// opts.Helm says so, as lint --helm v4 sets it) through sim.Lint (install,
// upgrade, upgrade, rollback, test, test, uninstall, install).
func Simulate(c *render.Chart, opts *render.Options, timeout time.Duration) ([]lint.SimFinding, lint.Timeline, error) {
	helm, err := sim.ParseHelmVersion(opts.Helm)
	if err != nil {
		return nil, nil, &render.InputError{Chart: c.Arg, Err: err}
	}
	fs, res, err := sim.Lint(c, sim.LintOptions{
		Helm:        helm,
		Release:     opts.ReleaseName,
		Namespace:   opts.Namespace,
		KubeVersion: opts.KubeVersion,
		APIVersions: opts.APIVersions,
		Timeout:     timeout,
	})
	if err != nil {
		return nil, nil, &render.InputError{Chart: c.Arg, Err: err}
	}
	out := make([]lint.SimFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, lint.SimFinding{
			Kind: f.Kind.String(), Command: f.Command,
			HookPath: f.Hook.Path, HookKind: f.Hook.Kind, HookName: f.Hook.Name,
			Message: f.Message, Error: f.Error,
		})
	}
	return out, timeline{res}, nil
}

// timeline draws a simulation as Mermaid (sim.WriteMermaid).
type timeline struct{ res *sim.Result }

func (t timeline) Mermaid(w io.Writer) error { return sim.WriteMermaid(w, t.res) }
