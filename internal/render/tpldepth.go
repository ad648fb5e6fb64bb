package render

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"text/template"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"

	"github.com/hooklint/hooklint/internal/render/engine"
)

// Helm's engine bounds include's recursion (helm.sh/helm/v3@v3.22.0 and
// helm.sh/helm/v4@v4.3.1 pkg/engine/engine.go includeFun, 1000 levels per
// name) but not tpl's (tplFun has no counter): a values string that
// renders itself through tpl (`x: "{{ tpl .Values.x . }}"`, through index,
// a variable, a file or a cycle of strings) recurses until Go's stack
// overflows, a fatal error no recover catches, after gigabytes of stack.
// hooklint's copy of the engine (internal/render/engine) stops at
// engine.DefaultMaxTplDepth nested calls; Helm 4's render and the
// simulator's (Helm's actions render the chart themselves) are probed
// with it first.

// tplDepthError is the input error for a render that hit the tpl bound,
// or nil when err is another error. The message names the outermost
// template and line (the innermost positions are lines of the tpl text).
func tplDepthError(c *Chart, err error) *InputError {
	var de *engine.TplDepthError
	if !errors.As(err, &de) {
		return nil
	}
	ie := &InputError{Chart: c.Arg, Err: fmt.Errorf(
		"tpl calls nest more than %d levels deep (the innermost renders %s): a values string or file that renders itself through tpl; Helm's engine would recurse until Go's stack overflows and crash, so the chart is not rendered",
		de.Limit, quoteShort(de.Text, 80))}
	if m := outerTemplateRe.FindStringSubmatch(err.Error()); m != nil {
		ie.File = c.folders.File(chartRelative(m[1]))
		fmt.Sscan(m[2], &ie.Line) //nolint:errcheck // the regexp matched digits
	}
	return ie
}

// outerTemplateRe is the first (outermost) position text/template puts in
// an error: "template: chart/templates/x.yaml:12:3: executing".
var outerTemplateRe = regexp.MustCompile(`^template: ([^:\s]+):(\d+)`)

// quoteShort quotes s, cut to n bytes.
func quoteShort(s string, n int) string {
	if len(s) > n {
		return fmt.Sprintf("%q...", strings.ToValidUTF8(s[:n], ""))
	}
	return fmt.Sprintf("%q", s)
}

// usesTpl reports whether a template of c calls tpl: only then can a
// render recurse through it.
func (c *Chart) usesTpl() bool {
	for _, src := range c.Sources {
		if strings.Contains(src, "tpl") {
			return true
		}
	}
	return false
}

// probeTpl renders c with the bounded engine, as Render does for Helm 3,
// and returns the input error when tpl nests too deep, or nil (also when
// the probe fails otherwise: the real render reports that).
func (c *Chart) probeTpl(rel chartutil.ReleaseOptions, opts *Options) error {
	depth, _ := c.probe(rel, opts)
	return depth
}

// probe is probeTpl that also returns the error the render failed with
// otherwise (it then stopped at the failing template: the engine executes
// the templates in turn and stops at the first error).
func (c *Chart) probe(rel chartutil.ReleaseOptions, opts *Options) (depth, failed error) {
	if !c.usesTpl() {
		return nil, nil
	}
	kv, err := opts.kubeVersion()
	if err != nil {
		return nil, err
	}
	caps := chartutil.DefaultCapabilities.Copy()
	caps.KubeVersion = *kv
	caps.APIVersions = append(caps.APIVersions, opts.APIVersions...)
	vals, err := chartutil.ToRenderValues(c.Chart, c.Values, rel, caps)
	if err != nil {
		return nil, err
	}
	if _, err := renderFiles(c.Chart, vals, false, c.trees); err != nil {
		if ie := tplDepthError(c, err); ie != nil {
			return ie, nil
		}
		return nil, err
	}
	return nil, nil
}

// CheckTplLoop returns the input error of a tpl recursion in c's install
// or upgrade render (release "release-name" in "default"), or nil. The
// simulator calls it before it hands the chart to Helm's actions, which
// render it with Helm's unbounded tpl.
func (c *Chart) CheckTplLoop() error {
	rel := chartutil.ReleaseOptions{Name: defaultReleaseName, Namespace: "default", Revision: 1, IsInstall: true}
	opts := &Options{}
	depth, failed := c.probe(rel, opts)
	if depth != nil {
		return depth
	}
	if c.SameForUpgrade() {
		return nil // the upgrade render cannot differ (nothing reads IsUpgrade or Revision)
	}
	up := UpgradeRelease(rel)
	if failed != nil {
		// the install probe stopped early: templates after the failing
		// one were not probed in either context
		return c.probeTpl(up, opts)
	}
	// A template whose upgrade render cannot differ from its install render
	// (UpgradeBlind: neither it nor what it calls or tpl renders reads the
	// fields an upgrade changes) executes the same way in both, and the
	// install probe went through it: the upgrade probe renders the others,
	// in the same order, with the helpers and templates they may include
	// (ForHooks). Where that part fails, the whole upgrade render fails at
	// the same template (Helm's engine stops at the first failing template,
	// in the order of helm.sh/helm/v3@v3.22.0 pkg/engine/engine.go
	// sortTemplates: TestFirstFailureAsHelm), unless a template the part
	// left out was included (text/template's "no template" error): then
	// the whole chart is probed.
	rendered := c.RenderedTemplates()
	blind := c.UpgradeBlind(rendered)
	differ := map[string]bool{}
	for f := range rendered {
		if !blind[f] {
			differ[f] = true
		}
	}
	if len(differ) == 0 {
		return nil
	}
	depth, failed = c.ForHooks(differ).probe(up, opts)
	if depth != nil || failed == nil || !strings.Contains(failed.Error(), `no template "`) {
		return depth
	}
	return c.probeTpl(up, opts)
}

// RenderWithFuncs renders ch (c's chart tree or a copy of it) with the
// top-level values Helm's engine is given (chartutil.ToRenderValues) by
// hooklint's copy of Helm 3's engine, bounded, with funcs set over Helm's
// FuncMap. The simulator renders Helm 3's actions' charts with it
// (sim/render3.go). A tpl recursion is c's input error; another error is
// the one Helm's engine returns.
func (c *Chart) RenderWithFuncs(ch *chart.Chart, top chartutil.Values, funcs template.FuncMap) (map[string]string, error) {
	e := engine.Engine{Funcs: funcs}
	files, err := e.Render(ch, top)
	if err != nil {
		if ie := tplDepthError(c, err); ie != nil {
			return nil, ie
		}
		return nil, err
	}
	return files, nil
}
