package lint

import (
	"fmt"
	"io"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/par"
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
// or rollback hooks, release Jobs or templates that read .Release.IsInstall,
// IsUpgrade or Revision), extracts and lints one chart.
func LintChart(arg string, opts *render.Options, as []*Analyzer, st Settings) ChartResult {
	c, opts, err := LoadChart(arg, opts, st)
	if err != nil {
		return ChartResult{Chart: ChartInfo{Arg: arg}, Err: err}
	}
	res, _ := LintLoaded(c, opts, as, st)
	return res
}

// LoadChart loads arg as LintChart does, with the options it renders with
// (the chart's Helm version from st).
func LoadChart(arg string, opts *render.Options, st Settings) (*render.Chart, *render.Options, error) {
	if opts.Helm != st.Helm {
		o := *opts
		o.Helm = st.Helm // the chart's Helm (lint --helm or its .hooklint.yaml)
		opts = &o
	}
	c, err := render.Load(arg, opts)
	return c, opts, err
}

// LintLoaded lints a loaded chart as LintChart does (opts from LoadChart)
// and also returns the renders the rules read (nil when it did not render).
// lint --fix lints a chart whose templates it changed in memory this way
// (render.Chart.WithTemplates) before it writes a file.
func LintLoaded(c *render.Chart, opts *render.Options, as []*Analyzer, st Settings) (ChartResult, []*hook.Set) {
	res := ChartResult{Chart: ChartInfo{Arg: c.Arg, Unread: c.Unread}}
	res.Chart.Name, res.Chart.Version = c.Chart.Metadata.Name, c.Chart.Metadata.Version
	sets, notes, err := Sets(c, opts)
	res.Notes = notes
	if err != nil {
		// no rule runs: the files and $refs that lead outside the chart
		// (HL6008's findings) are said as notes beside the error
		for _, u := range c.Unread {
			res.Notes = append(res.Notes, u.Note())
		}
		res.Err = err
		return res, nil
	}
	var simulated []SimFinding
	if st.Simulate != nil {
		timeout := st.Timeout
		if timeout == 0 {
			timeout = DefaultTimeout
		}
		if simulated, res.Timeline, err = st.Simulate(c, opts, timeout); err != nil {
			res.Err = err
			return res, sets
		}
	}
	res.Findings, res.Err = run(as, res.Chart, sets, st, simulated)
	if res.Err == nil {
		res.Findings, res.Err = suppressStep(res.Findings, as, res.Chart, c.Sources, c.File, sets, st)
	}
	return res, sets
}

// Sets renders c in the contexts lint analyses and extracts each render.
//
// The upgrade render can fail offline where a real upgrade would not: a
// chart may `fail` when .Release.IsUpgrade and lookup (always empty here)
// finds no existing secret. Then the upgrade hooks are analysed as the
// install render has them, and a note says so.
func Sets(c *render.Chart, opts *render.Options) ([]*hook.Set, []string, error) {
	defer c.DropTrees()
	return renderSets(c, opts, true)
}

// renderSets is Sets; with reuse, a chart whose templates cannot tell an upgrade
// from an install (render.Chart.SameForUpgrade) is not rendered again: the
// upgrade set is the install set in the upgrade context.
//
// Otherwise the upgrade render executes only the templates hooks can come
// from (render.Chart.ForHooks), release Jobs' templates and the templates
// that mention .Release.IsInstall, IsUpgrade or Revision
// (render.Chart.ReleaseTemplates): rules read the hooks of the upgrade
// render, and the other documents of the upgrade set, release resources
// that cannot differ between the renders, are taken from the install
// render. Should that render fail where the
// full one might not (a template included in a way ForHooks does not see),
// the full upgrade render is tried.
func renderSets(c *render.Chart, opts *render.Options, reuse bool) ([]*hook.Set, []string, error) {
	// When a CPU is free, the upgrade render of ForHooks(differ) (the
	// templates that write helm.sh/hook, the helpers and the release
	// templates that read the release fields) starts beside the install
	// render. It is used only if the install render then asks for
	// exactly the same templates; the output is the same either way
	// (TestSpareCPUSameFindings).
	var spec *render.Chart
	var specSet *hook.Set
	var specErr error
	var waitSpec func()
	differ := c.ReleaseTemplates()
	same := reuse && c.SameForUpgrade()
	// The templates whose upgrade render cannot differ from their install
	// render (render.Chart.UpgradeBlind, computed when needed, or by the
	// speculative goroutine): when every template the upgrade set needs
	// is one, the install render serves as the upgrade render.
	var blind map[string]bool
	// (a template in differ is never blind: no point when there is one)
	analyse := reuse && !same && !opts.IsUpgrade && len(differ) == 0
	if !opts.IsUpgrade && !same && (len(differ) > 0 || c.MayNeedUpgradeRender()) {
		spec = c.ForHooks(differ)
		waitSpec = par.Spare(func() {
			if analyse {
				blind = c.UpgradeBlind(c.RenderedTemplates())
				if len(blind) == len(c.RenderedTemplates()) {
					return // the install render will do
				}
			}
			specSet, specErr = extractUpgrade(spec, opts)
		})
	}
	r, err := render.Render(c, opts, render.Install)
	var s *hook.Set
	if err == nil {
		s, err = hook.Extract(c.Arg, r, c.Sources)
	}
	if waitSpec != nil {
		waitSpec()
	}
	if err != nil {
		return nil, nil, err
	}
	sets := []*hook.Set{s}
	jobs := releaseJobFiles(s)
	// Release templates that read .Release.IsInstall, IsUpgrade or
	// Revision can render other release resources for an upgrade (a Job
	// only upgrades render, HL2011): hooks are analysed against each
	// render's own (see lint.Pass.Elsewhere).
	if (!NeedsUpgrade(s) && len(jobs) == 0 && len(differ) == 0) || opts.IsUpgrade {
		return sets, nil, nil
	}
	compareOnly := !NeedsUpgrade(s) && len(jobs) == 0
	files := jobs
	for _, h := range s.Hooks {
		files[h.Object.Path] = true
	}
	for p := range differ {
		files[p] = true
	}
	if analyse && blind == nil {
		blind = c.UpgradeBlind(c.RenderedTemplates())
	}
	if same || (analyse && allIn(files, blind)) {
		u := *s
		u.Context, u.Release = render.Upgrade, render.UpgradeRelease(s.Release)
		return append(sets, &u), nil, nil
	}
	part := c.ForHooks(files)
	var u *hook.Set
	// (a failed part is used too: it is the same render; the spec did not
	// run when the install render serves)
	if waitSpec != nil && (specSet != nil || specErr != nil) && part.SameTemplates(spec) {
		u, err = specSet, specErr
	} else {
		u, err = extractUpgrade(part, opts)
	}
	if err == nil {
		return append(sets, withReleaseObjects(u, s, part)), nil, nil
	}
	if u, err = extractUpgrade(c, opts); err == nil {
		return append(sets, u), nil, nil
	}
	if compareOnly {
		// rendered only to compare release resources: there is no
		// upgrade hook or release Job to say anything of
		return sets, nil, nil
	}
	note := fmt.Sprintf("the upgrade render (revision 2) failed offline, so upgrade and rollback hooks are analysed as rendered by install: %v", err)
	return sets, []string{note}, nil
}

func allIn(files, in map[string]bool) bool {
	for f := range files {
		if !in[f] {
			return false
		}
	}
	return true
}

// releaseJobFiles returns the templates of the install render's release
// Jobs (Jobs without helm.sh/hook). An upgrade patches a release resource
// only if the upgrade manifest has it too; one the upgrade render drops
// (`{{ if .Release.IsInstall }}`) is deleted instead (helm.sh/helm/v3@v3.22.0
// pkg/kube/client.go Update deletes what the original manifest has and the
// target lacks). HL2011 needs the upgrade render to tell them apart.
func releaseJobFiles(s *hook.Set) map[string]bool {
	files := map[string]bool{}
	for _, o := range s.Objects {
		if o.Hook == nil && o.Kind == "Job" {
			files[o.Path] = true
		}
	}
	return files
}

// extractUpgrade renders c for an upgrade and extracts the render.
func extractUpgrade(c *render.Chart, opts *render.Options) (*hook.Set, error) {
	r, err := render.Render(c, opts, render.Upgrade)
	if err != nil {
		return nil, err
	}
	return hook.Extract(c.Arg, r, c.Sources)
}

// withReleaseObjects completes the set u of a ForHooks render (chart part)
// with the documents of install's templates that part did not execute,
// keeping Helm's file order.
func withReleaseObjects(u, install *hook.Set, part *render.Chart) *hook.Set {
	var objs []*hook.Object
	i, j := 0, 0
	for i < len(u.Objects) || j < len(install.Objects) {
		if j < len(install.Objects) && part.Executes(install.Objects[j].Path) {
			j++ // rendered again in u
			continue
		}
		if j == len(install.Objects) || (i < len(u.Objects) && u.Objects[i].Path <= install.Objects[j].Path) {
			objs = append(objs, u.Objects[i])
			i++
			continue
		}
		objs = append(objs, install.Objects[j])
		j++
	}
	out := *u
	out.Objects = objs
	return &out
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
		res.Findings, res.Err = suppressStep(res.Findings, as, res.Chart, nil, render.ChartRelative, []*hook.Set{set}, st)
	}
	return res
}
