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
// engine.DefaultMaxTplDepth nested calls; Helm 4's render is probed with
// it first, and the simulator renders Helm's actions' charts with it
// where they render (sim/rendergate.go).

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
	if !c.usesTpl() {
		return nil
	}
	kv, err := opts.kubeVersion()
	if err != nil {
		return nil //nolint:nilerr // the real render reports it
	}
	caps := chartutil.DefaultCapabilities.Copy()
	caps.KubeVersion = *kv
	caps.APIVersions = append(caps.APIVersions, opts.APIVersions...)
	vals, err := chartutil.ToRenderValues(c.Chart, c.Values, rel, caps)
	if err != nil {
		return nil //nolint:nilerr // the real render reports it
	}
	if _, err := renderFiles(c.Chart, vals, false, c.trees); err != nil {
		if ie := tplDepthError(c, err); ie != nil {
			return ie
		}
	}
	return nil
}

// RenderWithFuncs renders ch (c's chart tree or a copy of it) with the
// top-level values Helm's engine is given (chartutil.ToRenderValues) by
// hooklint's copy of Helm 3's engine, bounded, with funcs set over Helm's
// FuncMap. The simulator renders Helm 3's actions' charts with it
// (sim/rendergate.go). A tpl recursion is c's input error; another error is
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
