package lint

import (
	"io"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/render"
)

// ChartResult is the outcome of linting one chart: findings, or the input
// error that stopped it.
type ChartResult struct {
	Chart    ChartInfo
	Findings []Finding
	Err      error
}

// LintChart loads, renders (install, and upgrade when the chart has upgrade
// or rollback hooks), extracts and lints one chart.
func LintChart(arg string, opts *render.Options, as []*Analyzer, st Settings) ChartResult {
	res := ChartResult{Chart: ChartInfo{Arg: arg}}
	c, err := render.Load(arg, opts)
	if err != nil {
		res.Err = err
		return res
	}
	res.Chart.Name, res.Chart.Version = c.Chart.Metadata.Name, c.Chart.Metadata.Version
	sets, err := Sets(c, opts)
	if err != nil {
		res.Err = err
		return res
	}
	res.Findings, res.Err = Run(as, res.Chart, sets, st)
	return res
}

// Sets renders c in the contexts lint analyses and extracts each render.
func Sets(c *render.Chart, opts *render.Options) ([]*hook.Set, error) {
	r, err := render.Render(c, opts, render.Install)
	if err != nil {
		return nil, err
	}
	s, err := hook.Extract(c.Arg, r, c.Sources)
	if err != nil {
		return nil, err
	}
	sets := []*hook.Set{s}
	if NeedsUpgrade(s) && !opts.IsUpgrade {
		r, err := render.Render(c, opts, render.Upgrade)
		if err != nil {
			return nil, err
		}
		u, err := hook.Extract(c.Arg, r, c.Sources)
		if err != nil {
			return nil, err
		}
		sets = append(sets, u)
	}
	return sets, nil
}

// LintStream lints already-rendered manifests (helm template output).
func LintStream(name string, in io.Reader, opts *render.Options, as []*Analyzer, st Settings) ChartResult {
	res := ChartResult{Chart: ChartInfo{Arg: name}}
	b, err := io.ReadAll(in)
	if err != nil {
		res.Err = &render.InputError{Chart: name, Err: err}
		return res
	}
	set, err := hook.ExtractStream(name, string(b), opts.ReleaseName, opts.Namespace)
	if err != nil {
		res.Err = err
		return res
	}
	res.Findings, res.Err = Run(as, res.Chart, []*hook.Set{set}, st)
	return res
}
