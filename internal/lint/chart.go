package lint

import (
	"fmt"
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
	// Notes are things the reader should know that are not findings, such
	// as an upgrade render that failed offline.
	Notes []string
	// Timeline is the simulated lifecycle (lint --simulate), else nil.
	Timeline Timeline
}

// LintChart loads, renders (install, and upgrade when the chart has upgrade
// or rollback hooks), extracts and lints one chart.
func LintChart(arg string, opts *render.Options, as []*Analyzer, st Settings) ChartResult {
	res := ChartResult{Chart: ChartInfo{Arg: arg}}
	if opts.Helm != st.Helm {
		o := *opts
		o.Helm = st.Helm // the chart's Helm (lint --helm or its .hooklint.yaml)
		opts = &o
	}
	c, err := render.Load(arg, opts)
	if err != nil {
		res.Err = err
		return res
	}
	res.Chart.Name, res.Chart.Version = c.Chart.Metadata.Name, c.Chart.Metadata.Version
	sets, notes, err := Sets(c, opts)
	res.Notes = notes
	if err != nil {
		res.Err = err
		return res
	}
	var simulated []SimFinding
	if st.Simulate != nil {
		timeout := st.Timeout
		if timeout == 0 {
			timeout = DefaultTimeout
		}
		if simulated, res.Timeline, err = st.Simulate(c, opts, timeout); err != nil {
			res.Err = err
			return res
		}
	}
	res.Findings, res.Err = run(as, res.Chart, sets, st, simulated)
	if res.Err == nil {
		res.Findings, res.Err = suppressStep(res.Findings, as, res.Chart, c.Sources, sets, st)
	}
	return res
}

// Sets renders c in the contexts lint analyses and extracts each render.
//
// The upgrade render can fail offline where a real upgrade would not: a
// chart may `fail` when .Release.IsUpgrade and lookup (always empty here)
// finds no existing secret. Then the upgrade hooks are analysed as the
// install render has them, and a note says so.
func Sets(c *render.Chart, opts *render.Options) ([]*hook.Set, []string, error) {
	return renderSets(c, opts, true)
}

// renderSets is Sets; with reuse, a chart whose templates cannot tell an upgrade
// from an install (render.Chart.SameForUpgrade) is not rendered again: the
// upgrade set is the install set in the upgrade context.
func renderSets(c *render.Chart, opts *render.Options, reuse bool) ([]*hook.Set, []string, error) {
	same := !opts.IsUpgrade && reuse && c.SameForUpgrade()
	// The upgrade render is independent of the install render: when it
	// will probably be needed, it runs beside it (a second core halves the
	// wall time of charts that generate keys or certificates as they
	// render). Its result is used only if the install render's hooks ask
	// for it, exactly as when it runs after.
	var upgrade chan upgradeResult
	if !opts.IsUpgrade && !same && c.MayHaveUpgradeHooks() {
		upgrade = make(chan upgradeResult, 1)
		go func() { upgrade <- extractUpgrade(c, opts) }()
	}
	r, err := render.Render(c, opts, render.Install)
	if err != nil {
		return nil, nil, err
	}
	s, err := hook.Extract(c.Arg, r, c.Sources)
	if err != nil {
		return nil, nil, err
	}
	sets := []*hook.Set{s}
	if !NeedsUpgrade(s) || opts.IsUpgrade {
		return sets, nil, nil
	}
	if same {
		u := *s
		u.Context, u.Release = render.Upgrade, render.UpgradeRelease(s.Release)
		return append(sets, &u), nil, nil
	}
	var res upgradeResult
	if upgrade != nil {
		res = <-upgrade
	} else {
		res = extractUpgrade(c, opts)
	}
	if err = res.err; err == nil {
		return append(sets, res.set), nil, nil
	}
	note := fmt.Sprintf("the upgrade render (revision 2) failed offline, so upgrade and rollback hooks are analysed as rendered by install: %v", err)
	return sets, []string{note}, nil
}

type upgradeResult struct {
	set *hook.Set
	err error
}

// extractUpgrade renders c for an upgrade and extracts the render. It may
// run on a goroutine of its own, so a panic becomes its error.
func extractUpgrade(c *render.Chart, opts *render.Options) (res upgradeResult) {
	defer func() {
		if r := recover(); r != nil {
			res = upgradeResult{err: fmt.Errorf("upgrade render panicked: %v", r)}
		}
	}()
	r, err := render.Render(c, opts, render.Upgrade)
	if err != nil {
		return upgradeResult{err: err}
	}
	set, err := hook.Extract(c.Arg, r, c.Sources)
	return upgradeResult{set: set, err: err}
}

// LintStream lints already-rendered manifests (helm template output).
func LintStream(name string, in io.Reader, opts *render.Options, as []*Analyzer, st Settings) ChartResult {
	res := ChartResult{Chart: ChartInfo{Arg: name}}
	b, err := io.ReadAll(in)
	if err != nil {
		res.Err = &render.InputError{Chart: name, Err: err}
		return res
	}
	set, err := hook.ExtractStreamHelm(name, string(b), opts.ReleaseName, opts.Namespace, st.Helm)
	if err != nil {
		res.Err = err
		return res
	}
	res.Findings, res.Err = Run(as, res.Chart, []*hook.Set{set}, st) // nothing to simulate without a chart
	if res.Err == nil {
		res.Findings, res.Err = suppressStep(res.Findings, as, res.Chart, nil, []*hook.Set{set}, st)
	}
	return res
}
