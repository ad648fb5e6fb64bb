package sim

import (
	"errors"
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

// Helm 3's actions render the chart themselves, with Helm's engine, whose
// tpl has no depth bound (helm.sh/helm/v3@v3.22.0 pkg/engine/engine.go
// tplFun): a values string that renders itself would recurse until Go's
// stack overflows, a fatal error. A probe before the action cannot see
// what the action's render sees (the release's name, namespace and
// revision, the cluster's API versions, what lookup finds in the cluster,
// the simulation's random stream), so a recursion behind any of them would
// crash the simulator. Instead, the render itself is done by hooklint's
// copy of Helm's engine, bounded, at the moment and with the inputs Helm's
// render has, and Helm's engine is handed the result:
//
//   - renderResources (pkg/action/action.go) asks the RESTClientGetter for
//     its REST config right before it renders (engine.New(restConfig),
//     e.Render(ch, values)); the simulation's getter calls gate3 there.
//   - gate3 computes the values the action renders with (install.go
//     RunWithContext, upgrade.go prepareUpgrade: the release options, the
//     capabilities the simulation set, the values) and renders the chart
//     Helm holds with render.RenderWithFuncs: the simulation's random and
//     clock functions and Helm's own lookup over the same REST config.
//   - A render error is returned as renderResources would return Helm's
//     (the copy's messages are Helm's: render's TestFirstFailureAsHelm); a
//     tpl recursion is the simulation's input error.
//   - Otherwise every template of the chart Helm holds is replaced, until
//     the render is over, by its rendered text (printText), so Helm's
//     engine produces the same files at the cost of parsing them.

// gate3Off makes Helm 3 render itself again, after the probe Helm 4's
// renders get (render.Chart.CheckTplLoop): tests compare the two.
var gate3Off atomic.Bool //nolint:gochecknoglobals // a test seam

// gate3Rendered, if set, is called with the chart's name after each render
// gate3 did (tests).
var gate3Rendered atomic.Pointer[func(chart string)] //nolint:gochecknoglobals // a test seam

// renderResources3 is the function whose ToRESTConfig call opens the gate.
const renderResources3 = "helm.sh/helm/v3/pkg/action.(*Configuration).renderResources"

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

// render3 is the Helm 3 action about to render: set by runAction for an
// install or upgrade, read by gate3.
type render3 struct {
	action Action
	name   string
	chart  *chart.Chart   // the tree handed to Helm 3 (helmChart)
	vals   map[string]any // the values handed to Helm
	orig   *render.Chart  // for the files an input error names
	// restore puts the templates gate3 replaced back.
	restore func()
}

// helmChart is the copy of ch's tree a Helm 3 simulation hands to Helm's
// actions: gate3 replaces its templates during a render, and other
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

// restoreTemplates puts back the templates gate3 replaced: called when
// Helm's action is past its render (the next Build, a release write, the
// action's end).
func (s *simulation) restoreTemplates() {
	if r := s.render3; r != nil && r.restore != nil {
		r.restore()
		r.restore = nil
	}
}

// endRender3 ends an install or upgrade action: its templates are back.
func (s *simulation) endRender3() {
	s.restoreTemplates()
	s.render3 = nil
}

// gate3 renders for Helm 3's renderResources (see above).
func (s *simulation) gate3() error {
	r := s.render3
	if r == nil {
		// a render outside install and upgrade: none is known (Helm 3's
		// rollback, uninstall and test do not render)
		return errors.New("hooklint simulator: Helm rendered outside install and upgrade")
	}
	s.restoreTemplates()
	top, err := s.renderValues3(r)
	if err != nil {
		return err
	}
	funcs := template.FuncMap{}
	if cur := helm3Funcs.current.Load(); cur != nil {
		for k, v := range *cur {
			funcs[k] = v
		}
	} else {
		funcs = render.SprigFuncs()
	}
	// engine.New(restConfig): lookup reads the cluster (lookup_func.go)
	funcs["lookup"] = helmengine.NewLookupFunction(s.getter.restConfig())
	files, err := r.orig.RenderWithFuncs(r.chart, top, funcs)
	if err != nil {
		var ie *render.InputError
		if errors.As(err, &ie) {
			s.inputErr = ie
		}
		return err
	}
	r.restore = printTemplates(r.chart, files)
	if f := gate3Rendered.Load(); f != nil {
		(*f)(r.chart.Name())
	}
	return nil
}

// renderValues3 is what Helm 3's action passes to its engine: install.go
// RunWithContext and upgrade.go prepareUpgrade (helm.sh/helm/v3@v3.22.0)
// with the flags runAction sets (no --reuse-values, --reset-values or
// --reset-then-reuse-values). Helm validated them against the schema
// already.
func (s *simulation) renderValues3(r *render3) (chartutil.Values, error) {
	vals := r.vals
	opts := chartutil.ReleaseOptions{Name: r.name, Namespace: s.sc.Namespace, Revision: 1, IsInstall: true}
	if r.action == ActionUpgrade {
		last, err := s.cfg.Releases.Last(r.name)
		if err != nil {
			return nil, err
		}
		current := last
		if last.Info.Status != release.StatusDeployed {
			current, err = s.cfg.Releases.Deployed(r.name)
			if err != nil {
				if !errors.Is(err, driver.ErrNoDeployedReleases) ||
					(last.Info.Status != release.StatusFailed && last.Info.Status != release.StatusSuperseded) {
					return nil, err
				}
				current = last
			}
		}
		// reuseValues
		if len(vals) == 0 && len(current.Config) > 0 {
			vals = current.Config
		}
		opts = chartutil.ReleaseOptions{Name: r.name, Namespace: current.Namespace, Revision: last.Version + 1, IsUpgrade: true}
	}
	if s.cfg.Capabilities == nil {
		return nil, errors.New("hooklint simulator: no capabilities before a render")
	}
	return chartutil.ToRenderValues(r.chart, vals, opts, s.cfg.Capabilities)
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
