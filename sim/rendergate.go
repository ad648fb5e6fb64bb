package sim

import (
	"errors"
	"maps"
	"path"
	"runtime"
	"strings"
	"sync/atomic"
	"text/template"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
	helmengine "helm.sh/helm/v3/pkg/engine"
	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/storage/driver"

	"github.com/hooklint/hooklint/internal/render"
)

// Helm's actions render the chart themselves, with Helm's engine, whose
// tpl has no depth bound (helm.sh/helm/v3@v3.22.0 and helm.sh/helm/v4@v4.3.1
// pkg/engine/engine.go tplFun): a values string that renders itself would
// recurse until Go's stack overflows, a fatal error. A probe before the
// action cannot see what the action's render sees (the release's name,
// namespace and revision, the cluster's API versions, what lookup finds in
// the cluster, the simulation's random stream), so a recursion behind any
// of them would crash the simulator. The render gate runs hooklint's
// bounded copy of Helm 3's engine at the moment and with the inputs
// Helm's render has:
//
//   - renderResources (pkg/action/action.go, both versions) asks the
//     RESTClientGetter for its REST config right before it renders
//     (engine.New(restConfig), then Render); the simulation's getter calls
//     gate there.
//   - gate computes the values the action renders with (install.go
//     RunWithContext, upgrade.go prepareUpgrade: the release options, the
//     capabilities the simulation set, the values) and renders with
//     render.RenderWithFuncs and Helm's own lookup over the same REST
//     config. A tpl recursion is the simulation's input error, and Helm
//     does not render.
//   - Helm 3: the render uses the simulation's random and clock functions
//     and is the action's render. A render error is returned as
//     renderResources would return Helm's (the copy's messages are
//     Helm's: render's TestFirstFailureAsHelm); otherwise every template
//     of the chart Helm holds is replaced, until the render is over, by
//     its rendered text (printText), so Helm's engine produces the same
//     files at the cost of parsing them.
//   - Helm 4: hooklint has no copy of Helm 4's engine, so the render is a
//     probe, with random and clock functions of its own (the simulation's
//     stream is Helm 4's CustomTemplateFuncs: drawing from it would change
//     what Helm's render draws), and Helm 4 renders itself.

// gateOff makes Helm render unguarded (tests compare the timelines; only
// charts without a tpl recursion may be simulated so).
var gateOff atomic.Bool //nolint:gochecknoglobals // a test seam

// gateRendered, if set, is called with the chart's name after each render
// the gate did (tests).
var gateRendered atomic.Pointer[func(chart string)] //nolint:gochecknoglobals // a test seam

// renderResources3 and renderResources4 are the functions whose
// ToRESTConfig call opens the gate.
const (
	renderResources3 = "helm.sh/helm/v3/pkg/action.(*Configuration).renderResources"
	renderResources4 = "helm.sh/helm/v4/pkg/action.(*Configuration).renderResources"
)

// toRESTConfigCaller is the function that called ToRESTConfig, when
// called by ToRESTConfig itself.
func toRESTConfigCaller() string {
	var pc [1]uintptr
	// 0 Callers, 1 this function, 2 ToRESTConfig, 3 its caller
	if runtime.Callers(3, pc[:]) == 0 {
		return ""
	}
	f, _ := runtime.CallersFrames(pc[:]).Next()
	return f.Function
}

// pendingRender is the install or upgrade action about to render: set by
// the driver's runAction, read by gate.
type pendingRender struct {
	action Action
	name   string
	// chart is the tree handed to Helm 3 (helmChart), whose templates
	// gate replaces; nil for Helm 4, whose render is probed.
	chart *chart.Chart
	vals  map[string]any // the values handed to Helm
	orig  *render.Chart  // the step's chart (the files an input error names)
	// restore puts the templates gate replaced back.
	restore func()
}

// helmChart is the copy of ch's tree a Helm 3 simulation hands to Helm's
// actions: gate replaces its templates during a render, and other
// readers of ch (another simulation, the explainer) must not see that.
func (s *simulation) helmChart(ch *render.Chart) *chart.Chart {
	if c, ok := s.helmCharts[ch]; ok {
		return c
	}
	c := copyTree(ch.Chart)
	if s.helmCharts == nil {
		s.helmCharts = map[*render.Chart]*chart.Chart{}
	}
	s.helmCharts[ch] = c
	return c
}

// copyTree copies the chart structs of a tree; files and values are
// shared (Helm's actions read them).
func copyTree(ch *chart.Chart) *chart.Chart {
	c := *ch
	deps := ch.Dependencies()
	kids := make([]*chart.Chart, len(deps))
	for i, d := range deps {
		kids[i] = copyTree(d)
	}
	c.SetDependencies(kids...)
	return &c
}

// restoreTemplates puts back the templates gate replaced: called when
// Helm's action is past its render (the next Build, a release write, the
// action's end).
func (s *simulation) restoreTemplates() {
	if r := s.pending; r != nil && r.restore != nil {
		r.restore()
		r.restore = nil
	}
}

// endRender ends an install or upgrade action: its templates are back.
func (s *simulation) endRender() {
	s.restoreTemplates()
	s.pending = nil
}

// gate renders for renderResources (see above).
func (s *simulation) gate() error {
	r := s.pending
	if r == nil {
		// rollback, uninstall and test do not render
		return errors.New("hooklint simulator: Helm rendered outside install and upgrade")
	}
	s.restoreTemplates()
	ch := r.chart
	if ch == nil {
		ch = r.orig.Chart
	}
	top, err := s.renderValues(r, ch)
	if err != nil {
		return err
	}
	var funcs template.FuncMap
	cur := helm3Funcs.current.Load()
	switch {
	case r.chart == nil && !s.sc.RealGeneration:
		funcs = render.DeterministicFuncs(r.orig) // Helm 4's probe: its own stream
	case r.chart != nil && cur != nil:
		funcs = maps.Clone(*cur) // the simulation's stream, as Helm 3's render draws it
	default:
		funcs = render.SprigFuncs() // RealGeneration
	}
	if !s.sc.RealGeneration {
		maps.Copy(funcs, render.FastFuncs())
	}
	// engine.New(restConfig): lookup reads the cluster (lookup_func.go)
	funcs["lookup"] = helmengine.NewLookupFunction(s.getter.restConfig())
	files, err := r.orig.RenderWithFuncs(ch, top, funcs)
	var ie *render.InputError
	switch {
	case errors.As(err, &ie):
		s.inputErr = ie
		return err
	case r.chart == nil:
		// Helm 4 renders: it stops at the same template with its own error
	case err != nil:
		return err
	default:
		r.restore = printTemplates(r.chart, files)
	}
	if f := gateRendered.Load(); f != nil {
		(*f)(ch.Name())
	}
	return nil
}

// renderValues is what Helm's action passes to its engine: install.go
// RunWithContext and upgrade.go prepareUpgrade and reuseValues
// (helm.sh/helm/v3@v3.22.0, helm.sh/helm/v4@v4.3.1) with the flags
// runAction sets (no --reuse-values, --reset-values or
// --reset-then-reuse-values). Helm validated them against the schema
// already.
func (s *simulation) renderValues(r *pendingRender, ch *chart.Chart) (chartutil.Values, error) {
	vals := r.vals
	opts := chartutil.ReleaseOptions{Name: r.name, Namespace: s.sc.Namespace, Revision: 1, IsInstall: true}
	if r.action == ActionUpgrade {
		last, ns, config, err := s.drv.upgradeRecords(r.name)
		if err != nil {
			return nil, err
		}
		if len(vals) == 0 && len(config) > 0 {
			vals = config
		}
		opts = chartutil.ReleaseOptions{Name: r.name, Namespace: ns, Revision: last + 1, IsUpgrade: true}
	}
	caps, err := s.drv.renderCapabilities()
	if err != nil {
		return nil, err
	}
	return chartutil.ToRenderValues(ch, vals, opts, caps)
}

// upgradeRecords mirrors Helm 3's prepareUpgrade (helm.sh/helm/v3@v3.22.0
// pkg/action/upgrade.go): the last record, and the deployed one or, when
// none is, the last if it failed or was superseded.
func (h helm3) upgradeRecords(name string) (int, string, map[string]any, error) {
	last, err := h.s.cfg.Releases.Last(name)
	if err != nil {
		return 0, "", nil, err
	}
	current := last
	if last.Info.Status != release.StatusDeployed {
		current, err = h.s.cfg.Releases.Deployed(name)
		if err != nil {
			if !errors.Is(err, driver.ErrNoDeployedReleases) ||
				(last.Info.Status != release.StatusFailed && last.Info.Status != release.StatusSuperseded) {
				return 0, "", nil, err
			}
			current = last
		}
	}
	return last.Version, current.Namespace, current.Config, nil
}

// renderCapabilities: setCapabilities set them before the action.
func (h helm3) renderCapabilities() (*chartutil.Capabilities, error) {
	if h.s.cfg.Capabilities == nil {
		return nil, errors.New("hooklint simulator: no capabilities before a render")
	}
	return h.s.cfg.Capabilities, nil
}

// printTemplates replaces the templates of ch's tree Helm's engine
// executes by templates that print their rendered text (files, keyed as
// the engine keys them: engine.go allTemplates), and leaves out the ones
// it only parses (partials, a library chart's templates). It returns the
// function that puts the templates back.
func printTemplates(ch *chart.Chart, files map[string]string) func() {
	type saved struct {
		c    *chart.Chart
		tpls []*chart.File
	}
	var undo []saved
	var walk func(c *chart.Chart)
	walk = func(c *chart.Chart) {
		for _, d := range c.Dependencies() {
			walk(d)
		}
		undo = append(undo, saved{c, c.Templates})
		prefix := c.ChartFullPath()
		var tpls []*chart.File
		for _, t := range c.Templates {
			if t == nil {
				continue
			}
			out, ok := files[path.Join(prefix, t.Name)]
			if !ok {
				continue // not executed
			}
			tpls = append(tpls, &chart.File{Name: t.Name, Data: printText(out)})
		}
		c.Templates = tpls
	}
	walk(ch)
	return func() {
		for _, u := range undo {
			u.c.Templates = u.tpls
		}
	}
}

// printText is a template whose output is s: text outside actions is
// printed as it stands (text/template), so only the action delimiter
// "{{" needs an action that prints it. The engine removes "<no value>"
// from every output, and s has none left: it is an output of the same
// engine.
func printText(s string) []byte {
	return []byte(strings.ReplaceAll(s, "{{", `{{"{{"}}`))
}
