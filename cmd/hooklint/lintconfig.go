package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hooklint/hooklint/internal/config"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/internal/safefile"
	"github.com/hooklint/hooklint/report"
	"github.com/hooklint/hooklint/rules"
)

const outputHelp = `output FORMAT, or FORMAT=PATH to write it to a file ('-' is stdout); repeat for several outputs: -o text -o sarif=hooklint.sarif (formats: ` +
	"text, json, sarif, github, junit, markdown)"

// output is one --output: a format and where it goes ("-" is stdout).
type output struct {
	format string
	path   string
}

// parseOutputs reads the --output values FORMAT or FORMAT=PATH.
func parseOutputs(vals []string) ([]output, error) {
	var outs []output
	seen := map[string]bool{}
	for _, v := range vals {
		format, path, ok := strings.Cut(v, "=")
		if !ok || path == "" {
			path = "-"
		}
		if _, err := report.ByName(format, report.Options{}); err != nil {
			return nil, err
		}
		if seen[path] {
			where := "stdout"
			if path != "-" {
				where = path
			}
			return nil, fmt.Errorf("--output: two formats write to %s", where)
		}
		seen[path] = true
		outs = append(outs, output{format: format, path: path})
	}
	return outs, nil
}

// writeOutputs writes res in every requested format; colour is used for
// text on a terminal only.
func writeOutputs(outs []output, res *report.Result, stdout, stderr io.Writer, color bool) error {
	for _, out := range outs {
		f, err := report.ByName(out.format, report.Options{Color: color && out.path == "-", Timeline: mermaidTimeline, Warn: stderr})
		if err != nil {
			return err
		}
		if out.path == "-" {
			if err := f.Format(stdout, res); err != nil {
				return err
			}
			continue
		}
		file, err := os.Create(out.path)
		if err != nil {
			return fmt.Errorf("--output %s: %w", out.format, err)
		}
		err = f.Format(file, res)
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("--output %s=%s: %w", out.format, out.path, err)
		}
	}
	return nil
}

// chartPlan is how one chart is linted: its rules, settings and --fail-on
// threshold, after its configuration file and the flags that override it.
type chartPlan struct {
	as        []*lint.Analyzer
	st        lint.Settings
	threshold lint.Severity
	// err is the chart's configuration error: the chart is reported with
	// it instead of being linted; the other charts are linted.
	err error
}

// planCharts finds each chart's .hooklint.yaml (or reads --config) and
// combines it with the flags: a flag given on the command line wins;
// --only, --enable and --disable together replace the configuration's rule
// selection. base, baseAs and baseThreshold are what the flags say.
//
// A configuration that cannot be read or is invalid is that chart's input
// error (chartPlan.err), named relative to the chart; the run goes on.
func planCharts(o *lintOptions, args []string, base lint.Settings, baseAs []*lint.Analyzer, baseThreshold lint.Severity) ([]chartPlan, error) {
	changed := func(name string) bool { return o.changed != nil && o.changed(name) }
	type loadResult struct {
		cfg *config.Config
		err error
	}
	loaded := map[string]map[string]loadResult{} // path -> name -> result
	plans := make([]chartPlan, len(args))
	for i, arg := range args {
		plan := chartPlan{as: baseAs, st: base, threshold: baseThreshold}
		plan.st.Policy = &lint.Policy{}
		path, name := o.config, o.config
		if path == "" {
			p, err := config.Find(arg)
			if err != nil {
				plan.err = &render.InputError{Chart: arg, Err: fmt.Errorf("config: %w", safefile.Cause(err))}
				plans[i] = plan
				continue
			}
			path, name = p, config.RelativeTo(arg, p)
		}
		if path != "" {
			r, ok := loaded[path][name]
			if !ok {
				c, err := config.LoadNamed(path, name, rules.All)
				r = loadResult{c, err}
				if loaded[path] == nil {
					loaded[path] = map[string]loadResult{}
				}
				loaded[path][name] = r
			}
			if r.err != nil {
				plan.err = &render.InputError{Chart: arg, Err: fmt.Errorf("config: %w", r.err)}
				plans[i] = plan
				continue
			}
			cfg := r.cfg
			if !changed("only") && !changed("enable") && !changed("disable") {
				as, err := lint.Select(rules.All, cfg.Selection())
				if err != nil {
					plan.err = &render.InputError{Chart: arg, Err: fmt.Errorf("config %s: %w", name, err)}
					plans[i] = plan
					continue
				}
				plan.as = as
			}
			plan.st.AllRules = cfg.Rules.Default == lint.PresetAll
			if cfg.Helm != "" && !changed("helm") {
				plan.st.Helm = cfg.Helm
			}
			if cfg.Engine != "" && !changed("engine") {
				plan.st.Engine = cfg.Engine
			}
			if d := cfg.TimeoutValue(); d > 0 && !changed("timeout") {
				plan.st.Timeout = d
			}
			if sev, set := cfg.FailOnValue(); set && !changed("fail-on") {
				plan.threshold = sev
			}
			plan.st.Policy = cfg.Policy(arg, rules.All)
		}
		plans[i] = plan
	}
	return plans, nil
}

// selected are the rules that ran for any chart, in registry order.
func selected(plans []chartPlan) []*lint.Analyzer {
	on := map[*lint.Analyzer]bool{}
	for _, p := range plans {
		for _, a := range p.as {
			on[a] = true
		}
	}
	var out []*lint.Analyzer
	for _, a := range rules.All {
		if on[a] {
			out = append(out, a)
		}
	}
	return out
}

// verdict is the error runLint returns for the results: an input error
// (exit 2) before findings at or above a chart's threshold (exit 1).
func verdict(charts []lint.ChartResult, plans []chartPlan) error {
	for _, ch := range charts {
		if ch.Err != nil {
			return &exitError{code: exitUsage}
		}
	}
	for i, ch := range charts {
		if plans[i].threshold == 0 {
			continue
		}
		for _, f := range ch.Findings {
			if f.Severity >= plans[i].threshold {
				return errFindings
			}
		}
	}
	return nil
}

// mermaidTimeline draws a chart's simulated lifecycle (lint --simulate) in
// the markdown output; without --simulate there is none.
func mermaidTimeline(w io.Writer, ch *lint.ChartResult) error {
	if ch.Timeline == nil {
		return nil
	}
	return ch.Timeline.Mermaid(w)
}
